/**
 * The parser layer's public entry: pasted files in, host models out (or one clear error naming the file).
 *
 * Steps: check each input is usable text → split it into command blocks (split.ts) → parse each recognised block
 * with its parser → merge the records into hosts (assemble.ts). A file in which no supported output is found is
 * the INPUT_UNRECOGNIZED outcome of domain.md §2: an error, never invented hosts. Never throws; linear in the
 * size of the input.
 */
import type { ParseWarning } from '../core/model/evidence.ts';
import type { HostModel } from '../core/model/host.ts';
import { assembleReleasing } from './assemble.ts';
import type { ParsedBlock } from './assemble.ts';
import { parserFor, PARSERS } from './registry.ts';
import { COMMAND_EXAMPLES, splitPaste } from './split.ts';
import type { SplitBlock } from './split.ts';
import type { Block, CommandKind, Line } from './types.ts';

/** 64 MiB of text: far above any real session, low enough to refuse a wrong file before it stalls the tool. */
export const MAX_INPUT_CHARS = 64 * 1024 * 1024;

/** At most this many warnings are returned; the rest are counted in a last warning. */
export const MAX_WARNINGS = 1000;

export interface EvidenceInput {
  readonly file: string;
  readonly text: string;
  /** Name given to the host of the blocks that have no prompt naming one (a placeholder; default: the file name). */
  readonly defaultHost?: string;
}

export interface LoadedBlock {
  readonly file: string;
  readonly startLine: number;
  readonly endLine: number;
  readonly host?: string;
  readonly command?: string;
  /** `null`: not a supported command; its lines were ignored. */
  readonly kind: CommandKind | null;
  readonly how: 'prompt' | 'content';
  /** False when the block was recognised but its parser could not read it (the reason is in the warnings). */
  readonly parsed: boolean;
}

export type LoadErrorCode = 'INPUT_EMPTY' | 'INPUT_BINARY' | 'INPUT_TOO_LARGE' | 'INPUT_UNRECOGNIZED' | 'INPUT_UNREADABLE' | 'INTERNAL';

export interface LoadError {
  readonly file: string;
  readonly code: LoadErrorCode;
  readonly message: string;
}

export type LoadResult =
  | {
      readonly ok: true;
      readonly hosts: readonly HostModel[];
      readonly warnings: readonly ParseWarning[];
      readonly blocks: readonly LoadedBlock[];
    }
  | { readonly ok: false; readonly error: LoadError };

export function loadEvidence(inputs: readonly EvidenceInput[]): LoadResult {
  try {
    return load(inputs);
  } catch (e) {
    // Parsers promise not to throw; this is the last guard so a bug shows as an error, not a crash.
    const file = inputs[0]?.file ?? 'input';
    return { ok: false, error: { file, code: 'INTERNAL', message: `Internal error while reading ${file}: ${String(e)}.` } };
  }
}

function load(inputs: readonly EvidenceInput[]): LoadResult {
  if (inputs.length === 0) return failure('input', 'INPUT_EMPTY', 'No input was given: paste the output of ESXi commands.');
  for (const input of inputs) {
    const problem = checkText(input);
    if (problem) return { ok: false, error: problem };
  }

  const parsed: (ParsedBlock | undefined)[] = [];
  const warnings: ParseWarning[] = [];
  const blocks: LoadedBlock[] = [];
  // A paste of many hosts repeats its host names and commands block after block: one string each is kept.
  const intern = interner();
  for (const input of inputs) {
    // Each block is let go once parsed, so the lines of a large paste are freed as the parse goes on rather than
    // all at the end (issue 17: peak memory of a 60 MB paste). No local keeps the split result itself.
    const pending = splitBlocks(input, warnings);
    let recognised = 0;
    let firstFailure: { line: number; command: string; reason: string } | undefined;
    const before = parsed.length;
    for (let b = 0; b < pending.length; b++) {
      const sb = pending[b] as SplitBlock;
      pending[b] = undefined;
      if (sb.kind !== null && !sb.block.lines.some((l) => l.text.trim() !== '')) {
        // `esxcfg-advcfg -s 1 …` prints nothing on 5.x (SEED0), and a paste may stop right after a prompt.
        warnings.push({ file: input.file, line: sb.startLine, message: `${sb.block.command ?? 'the command'} printed nothing, so there is nothing to read.` });
        blocks.push(describe(sb, false, intern));
        continue;
      }
      const result = sb.kind === null ? undefined : parseBlock(sb, sb.kind, intern);
      blocks.push(describe(sb, result?.ok === true, intern));
      if (result === undefined) continue;
      recognised++;
      warnings.push(...result.warnings);
      if (result.ok) parsed.push(result.parsed);
      else {
        warnings.push(result.error);
        firstFailure ??= { line: result.error.line, command: result.command, reason: result.reason };
      }
    }
    if (recognised === 0) {
      return failure(
        input.file,
        'INPUT_UNRECOGNIZED',
        `No supported ESXi command output found in ${input.file}: expected the output of ${Object.values(COMMAND_EXAMPLES).join(', ')} (with or without the prompt lines).`,
      );
    }
    if (parsed.length === before && firstFailure !== undefined) {
      return failure(
        input.file,
        'INPUT_UNREADABLE',
        `None of the command outputs in ${input.file} could be read; the first, ${firstFailure.command}, fails at line ${firstFailure.line}: ${firstFailure.reason}`,
      );
    }
  }

  // The list is given up: the assembler clears each entry once merged into its host.
  const assembled = assembleReleasing(parsed, {
    unnamedHost: (file) => ({ name: inputs.find((i) => i.file === file)?.defaultHost ?? file, assumed: true }),
  });
  warnings.push(...assembled.warnings);
  // Reported in reading order: file by file, line by line (the sort is stable for warnings on one line).
  const fileOrder = new Map(inputs.map((input, i) => [input.file, i] as const));
  warnings.sort((a, b) => (fileOrder.get(a.file) ?? 0) - (fileOrder.get(b.file) ?? 0) || a.line - b.line);
  return { ok: true, hosts: assembled.hosts, warnings: capped(warnings), blocks };
}

/** The blocks of one input in a mutable list the caller empties as it parses; split warnings go to `warnings`. */
function splitBlocks(input: EvidenceInput, warnings: ParseWarning[]): (SplitBlock | undefined)[] {
  const split = splitPaste(input.text, input.file, PARSERS);
  warnings.push(...split.warnings);
  return [...split.blocks];
}

type BlockOutcome =
  | { readonly ok: true; readonly parsed: ParsedBlock; readonly warnings: readonly ParseWarning[] }
  | {
      readonly ok: false;
      readonly error: ParseWarning;
      readonly command: string;
      readonly reason: string;
      readonly warnings: readonly ParseWarning[];
    };

function parseBlock<K extends CommandKind>(sb: SplitBlock, kind: K, intern: Interner): BlockOutcome {
  const { block } = sb;
  const file = block.file;
  const label = block.command ?? COMMAND_EXAMPLES[kind];
  let result;
  try {
    result = parserFor(kind).parse(block);
  } catch (e) {
    result = { ok: false as const, error: { line: sb.startLine, message: `the parser stopped unexpectedly (${String(e)})` }, warnings: [] };
  }
  // A line number outside the block would point the user at the wrong output: fall back to the block's first line.
  const lineOf = (n: number) => (Number.isInteger(n) && n >= sb.startLine && n <= sb.endLine ? n : sb.startLine);
  const warnings = result.warnings.map((w) => ({ file, line: lineOf(w.line), message: w.message }));
  if (!result.ok) {
    const line = lineOf(result.error.line);
    const message = `The output of ${label} (lines ${sb.startLine}–${sb.endLine}) could not be read: ${result.error.message}`;
    return { ok: false, error: { file, line, message }, command: label, reason: result.error.message, warnings };
  }
  // The registry maps each kind to the parser of that kind's record, so value has the type ParsedBlock pairs with K.
  // The block's lines are not needed once parsed (records carry their evidence lines): the assembler reads only the
  // first line of a block without a prompt host, so only that is kept, and host and command are interned — a 60 MB
  // paste does not hold a million line objects and strings through the assembly (issue 17: peak memory under 1 GB).
  const kept: Block = {
    file,
    lines: block.host?.trim() ? NO_LINES : block.lines.slice(0, 1),
    ...(block.command !== undefined ? { command: intern(block.command) } : {}),
    ...(block.host !== undefined ? { host: intern(block.host) } : {}),
  };
  return { ok: true, parsed: { kind, block: kept, value: result.value } as ParsedBlock, warnings };
}

const NO_LINES: readonly Line[] = [];

type Interner = (value: string) => string;

/** One copy of each distinct string seen by this interner (a map per load, let go with it). */
function interner(): Interner {
  const seen = new Map<string, string>();
  return (value) => {
    const known = seen.get(value);
    if (known !== undefined) return known;
    seen.set(value, value);
    return value;
  };
}

function describe(sb: SplitBlock, parsed: boolean, intern: Interner): LoadedBlock {
  return {
    file: sb.block.file,
    startLine: sb.startLine,
    endLine: sb.endLine,
    ...(sb.block.host !== undefined ? { host: intern(sb.block.host) } : {}),
    ...(sb.block.command !== undefined ? { command: intern(sb.block.command) } : {}),
    kind: sb.kind,
    how: sb.how,
    parsed,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Is it usable text at all?
// ---------------------------------------------------------------------------------------------------------------

const SAMPLE_CHARS = 65536;

function checkText(input: EvidenceInput): LoadError | undefined {
  const { file, text } = input;
  if (typeof text !== 'string') return { file, code: 'INPUT_BINARY', message: `${file} is not text.` };
  if (text.length > MAX_INPUT_CHARS) {
    return {
      file,
      code: 'INPUT_TOO_LARGE',
      message: `${file} is too large (${mib(text.length)} of text, the limit is ${mib(MAX_INPUT_CHARS)}): paste only the command outputs.`,
    };
  }
  if (text.trim() === '') return { file, code: 'INPUT_EMPTY', message: `${file} is empty: paste the output of ESXi commands.` };
  if (looksBinary(text)) {
    return { file, code: 'INPUT_BINARY', message: `${file} looks like a binary file, not pasted text: paste the command output as text.` };
  }
  return undefined;
}

function mib(chars: number): string {
  const value = chars / (1024 * 1024);
  return `${Number.isInteger(value) ? value : value.toFixed(1)} MiB`;
}

/** NUL bytes anywhere, or many control / undecodable characters in the first 64 KiB. */
function looksBinary(text: string): boolean {
  if (text.includes('\u0000')) return true;
  const sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    // Tab, LF, VT, FF, CR and ESC (ANSI colours) are normal in terminal copies.
    const control = (c < 32 && c !== 9 && c !== 10 && c !== 11 && c !== 12 && c !== 13 && c !== 27) || c === 127;
    if (control || c === 0xfffd || (c >= 0x80 && c < 0xa0)) odd++;
  }
  return odd > 8 && odd / sample.length > 0.1;
}

function failure(file: string, code: LoadErrorCode, message: string): LoadResult {
  return { ok: false, error: { file, code, message } };
}

function capped(warnings: ParseWarning[]): ParseWarning[] {
  if (warnings.length <= MAX_WARNINGS) return warnings;
  const kept = warnings.slice(0, MAX_WARNINGS);
  const last = kept[kept.length - 1];
  kept.push({
    file: last?.file ?? 'input',
    line: last?.line ?? 1,
    message: `${warnings.length - MAX_WARNINGS} more warnings are not shown.`,
  });
  return kept;
}
