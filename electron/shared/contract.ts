/**
 * The whole IPC surface between the renderer and main, in one module (style.md §4): channel names, argument and
 * result types, and a runtime validator per channel. Main, preload and renderer import it; it imports nothing
 * (no electron, no node), so it is safe in all three processes.
 */

/** Every channel shares the `vpd:` prefix; preload refuses any other (VS Code's validateIPC). */
export const CHANNELS = {
  openCase: 'vpd:case.open',
  saveCase: 'vpd:case.save',
  exportReport: 'vpd:report.export',
  printReport: 'vpd:report.print',
  autosaveCase: 'vpd:autosave.write',
  listAutosaved: 'vpd:autosave.list',
  openAutosaved: 'vpd:autosave.read',
  markAutosaveFailed: 'vpd:autosave.failed',
  removeAutosaved: 'vpd:autosave.remove',
} as const;

export type ApiName = keyof typeof CHANNELS;
export type Channel = (typeof CHANNELS)[ApiName];

/** Largest text that may cross the bridge: a case holds evidence files of up to 64 MiB (parsers' limit) and more. */
export const MAX_TEXT_CHARS = 96 * 1024 * 1024;
export const MAX_NAME_CHARS = 200;

export interface OpenedFile {
  /** The file's base name only: the renderer never learns paths. */
  readonly name: string;
  readonly text: string;
}

export interface SaveText {
  readonly suggestedName: string;
  readonly text: string;
}

/** One autosave of the current case into the app's data folder (`<userData>/cases/<id>.vpdcase`). */
export interface AutosaveRequest {
  /** The case's autosave slot: letters, digits and dashes (a UUID), never a path. */
  readonly id: string;
  /** The whole case file, as serializeCase wrote it. */
  readonly text: string;
}

/** An autosaved case as the start screen lists it (newest first). */
export interface AutosavedCase {
  readonly id: string;
  /** The case's title, when it has one. */
  readonly title?: string;
  /** ISO 8601: the case's own updatedAt, or the file's modification time. */
  readonly updatedAt: string;
  readonly bytes: number;
  /** Set when the case could not be opened: the sentence that said why. The list shows it; nothing reopens it. */
  readonly failed?: string;
}

/** An autosaved case that could not be opened, and the sentence that said why. */
export interface FailedAutosave {
  readonly id: string;
  readonly reason: string;
}

/** Longest reason kept for a case that failed to open. */
export const MAX_REASON_CHARS = 300;

export interface PrintRequest {
  readonly suggestedName: string;
}

export interface Saved {
  /** False when the user cancelled the dialog. */
  readonly saved: boolean;
  readonly name?: string;
}

export type ErrorCode = 'BAD_ARGUMENT' | 'BAD_SENDER' | 'TOO_LARGE' | 'IO' | 'INTERNAL';

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: { readonly code: ErrorCode; readonly message: string } };

/** Arguments and results per call; the preload's exposed API and main's handlers are both derived from this. */
export interface Contract {
  openCase: { args: []; result: OpenedFile | null };
  saveCase: { args: [SaveText]; result: Saved };
  exportReport: { args: [SaveText]; result: Saved };
  printReport: { args: [PrintRequest]; result: Saved };
  autosaveCase: { args: [AutosaveRequest]; result: null };
  listAutosaved: { args: []; result: readonly AutosavedCase[] };
  openAutosaved: { args: [string]; result: OpenedFile };
  markAutosaveFailed: { args: [FailedAutosave]; result: null };
  removeAutosaved: { args: [string]; result: null };
}

/** `window.vpd`: one async function per contract entry, nothing else. */
export type VpdApi = { readonly [K in ApiName]: (...args: Contract[K]['args']) => Promise<Result<Contract[K]['result']>> };

export class ContractError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A file name to suggest in a save dialog: no path separators, no control characters, a sane length. */
export function isSafeFileName(v: unknown): v is string {
  // eslint-disable-next-line no-control-regex
  return typeof v === 'string' && v.length > 0 && v.length <= MAX_NAME_CHARS && !/[\\/\u0000-\u001f]/.test(v) && v !== '.' && v !== '..';
}

function checkSaveText(v: unknown): SaveText {
  if (!isRecord(v)) throw new ContractError('BAD_ARGUMENT', 'expected { suggestedName, text }');
  if (!isSafeFileName(v.suggestedName)) throw new ContractError('BAD_ARGUMENT', 'suggestedName must be a plain file name');
  if (typeof v.text !== 'string') throw new ContractError('BAD_ARGUMENT', 'text must be a string');
  if (v.text.length > MAX_TEXT_CHARS) throw new ContractError('TOO_LARGE', `the text is larger than ${MAX_TEXT_CHARS / (1024 * 1024)} MiB`);
  return { suggestedName: v.suggestedName, text: v.text };
}

/**
 * Report files main may write: the Markdown and the self-contained HTML report, and the Scan view's host table as
 * CSV (its cells formula-neutralised by core/estate/cells.ts). The dialog's filter follows the extension.
 */
export const REPORT_EXTENSIONS = ['.md', '.html', '.csv'] as const;

function checkExport(v: unknown): SaveText {
  const checked = checkSaveText(v);
  if (!REPORT_EXTENSIONS.some((ext) => checked.suggestedName.toLowerCase().endsWith(ext))) {
    throw new ContractError('BAD_ARGUMENT', `a report is saved as ${REPORT_EXTENSIONS.join(' or ')}`);
  }
  return checked;
}

/** An autosave slot: a UUID-like name, so it can never climb out of the cases folder or hide as a dot file. */
export function isCaseId(v: unknown): v is string {
  return typeof v === 'string' && /^[A-Za-z0-9][A-Za-z0-9-]{7,63}$/.test(v);
}

/** Where every case file the app writes starts (serializeCase's fixed key order, src/core/case/serialize.ts). */
const CASE_HEAD = /^\{\s*"format":\s*"vpdcase"/;

function checkAutosave(v: unknown): AutosaveRequest {
  if (!isRecord(v)) throw new ContractError('BAD_ARGUMENT', 'expected { id, text }');
  if (!isCaseId(v.id)) throw new ContractError('BAD_ARGUMENT', 'id must be 8 to 64 letters, digits or dashes');
  if (typeof v.text !== 'string') throw new ContractError('BAD_ARGUMENT', 'text must be a string');
  if (v.text.length > MAX_TEXT_CHARS) throw new ContractError('TOO_LARGE', `the case is larger than ${MAX_TEXT_CHARS / (1024 * 1024)} MiB`);
  // Only case files go into the cases folder: the list reads their heads, and nothing else belongs there.
  if (!CASE_HEAD.test(v.text.slice(0, 64))) throw new ContractError('BAD_ARGUMENT', 'text must be a case file (format "vpdcase")');
  return { id: v.id, text: v.text };
}

function checkPrint(v: unknown): PrintRequest {
  if (!isRecord(v) || !isSafeFileName(v.suggestedName)) throw new ContractError('BAD_ARGUMENT', 'expected { suggestedName } with a plain file name');
  return { suggestedName: v.suggestedName };
}

function arity(args: readonly unknown[], n: number): void {
  if (args.length !== n) throw new ContractError('BAD_ARGUMENT', `expected ${n} argument(s), got ${args.length}`);
}

/** Runtime validators: unknown IPC arguments in, the typed arguments out, or a ContractError. */
export const VALIDATE: { readonly [K in ApiName]: (args: readonly unknown[]) => Contract[K]['args'] } = {
  openCase: (args) => {
    arity(args, 0);
    return [];
  },
  saveCase: (args) => {
    arity(args, 1);
    return [checkSaveText(args[0])];
  },
  exportReport: (args) => {
    arity(args, 1);
    return [checkExport(args[0])];
  },
  printReport: (args) => {
    arity(args, 1);
    return [checkPrint(args[0])];
  },
  autosaveCase: (args) => {
    arity(args, 1);
    return [checkAutosave(args[0])];
  },
  listAutosaved: (args) => {
    arity(args, 0);
    return [];
  },
  openAutosaved: (args) => {
    arity(args, 1);
    if (!isCaseId(args[0])) throw new ContractError('BAD_ARGUMENT', 'expected a case id');
    return [args[0]];
  },
  markAutosaveFailed: (args) => {
    arity(args, 1);
    const v = args[0];
    if (!isRecord(v) || !isCaseId(v.id)) throw new ContractError('BAD_ARGUMENT', 'expected { id, reason } with a case id');
    if (typeof v.reason !== 'string') throw new ContractError('BAD_ARGUMENT', 'reason must be a string');
    return [{ id: v.id, reason: v.reason.slice(0, MAX_REASON_CHARS) }];
  },
  removeAutosaved: (args) => {
    arity(args, 1);
    if (!isCaseId(args[0])) throw new ContractError('BAD_ARGUMENT', 'expected a case id');
    return [args[0]];
  },
};

export const API_NAMES = Object.keys(CHANNELS) as ApiName[];

export function isChannel(v: unknown): v is Channel {
  return typeof v === 'string' && (Object.values(CHANNELS) as string[]).includes(v);
}
