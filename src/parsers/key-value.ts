/**
 * Shared reading of the "indented `Key: value`" outputs of esxcli (domain.md §4.2, §4.7, §4.8, §4.11) and of the
 * command lines that produce them (domain.md §4 "Commands to recognise": `localcli` = `esxcli`, long options,
 * pipes). Pure string functions: no parser-specific knowledge lives here.
 */
import type { Block, Line, ParseResult, ParserWarning } from './types.ts';
import { fail, ok } from './types.ts';
import { commandStages, programName } from './values.ts';

// ---------------------------------------------------------------------------------------------------------------
// Key/value lines and blocks
// ---------------------------------------------------------------------------------------------------------------

/** One `Key: value` line. `key` is lower-cased with whitespace squeezed, so lookups survive tabs and case drift. */
export interface Field {
  readonly key: string;
  /** The key as printed (whitespace squeezed). */
  readonly label: string;
  /** Trimmed; empty when nothing follows the colon (`String Value:`). */
  readonly value: string;
  readonly line: Line;
}

// A key starts with a letter and holds words only; the first colon ends it. `::` (IPv6) and `://` (URLs) are not
// key separators, so stray addresses in a paste are not mistaken for fields.
// Words separated by blanks, so a long run of spaces cannot make the match backtrack quadratically.
const FIELD = /^[ \t]*([A-Za-z][\w.()/-]*(?:[ \t]+[\w.()/-]+)*)[ \t]*:(?![:/])(.*)$/;
const MAX_KEY = 60;

export function readField(line: Line): Field | undefined {
  const m = FIELD.exec(line.text);
  if (!m || (m[1] ?? '').length > MAX_KEY) return undefined;
  const label = (m[1] ?? '').replace(/\s+/g, ' ').trim();
  return { key: label.toLowerCase(), label, value: (m[2] ?? '').trim(), line };
}

/** A run of fields, optionally introduced by a bare head line (`vmk0`, `defaultTcpipStack`). */
export interface FieldBlock {
  readonly head?: Line;
  readonly fields: readonly Field[];
}

export interface FieldGroups {
  readonly blocks: readonly FieldBlock[];
  /** Non-blank lines that were neither a head nor a field (truncation marks, `--More--`, wrapped text). */
  readonly stray: readonly Line[];
}

export interface GroupOptions {
  /** Recognises a bare head line that opens a block. */
  readonly isHead?: (text: string) => boolean;
  /** Lower-case key whose appearance opens a new block when the current one already has it (`path`, `name`). */
  readonly firstKey?: string;
}

/**
 * Splits lines into blocks. A head line opens a block; so does `firstKey`, or any key already present in the
 * current block (a truncated paste that lost the head line still yields separate blocks). Blank lines are ignored:
 * esxcli prints them between blocks, but a web page may drop or add them.
 */
export function groupFields(lines: readonly Line[], options: GroupOptions = {}): FieldGroups {
  const blocks: { head?: Line; fields: Field[] }[] = [];
  const stray: Line[] = [];
  let current: { head?: Line; fields: Field[] } | undefined;
  for (const line of lines) {
    if (line.text.trim() === '') continue;
    if (options.isHead?.(line.text)) {
      current = { head: line, fields: [] };
      blocks.push(current);
      continue;
    }
    const field = readField(line);
    if (!field) {
      stray.push(line);
      continue;
    }
    const repeats = current?.fields.some((f) => f.key === field.key) ?? false;
    const opensBlock = field.key === options.firstKey && current !== undefined && current.fields.length > 0;
    if (current === undefined || repeats || (opensBlock && current.head === undefined)) {
      current = { fields: [] };
      blocks.push(current);
    }
    current.fields.push(field);
  }
  return { blocks, stray };
}

/** The first field with that (lower-case) key. */
export function fieldOf(block: FieldBlock, key: string): Field | undefined {
  return block.fields.find((f) => f.key === key);
}

/** The field's value with `N/A` and empty read as absent. */
export function valueOf(block: FieldBlock, key: string): string | undefined {
  return presentValue(fieldOf(block, key)?.value);
}

/**
 * Reads a field through `convert` (number, boolean). A printed value that does not convert is reported as a
 * warning on its line and left out, never guessed.
 */
export function typedValue<T>(
  block: FieldBlock,
  key: string,
  convert: (value: string) => T | undefined,
  warnings: ParserWarning[],
): T | undefined {
  const field = fieldOf(block, key);
  const text = presentValue(field?.value);
  if (field === undefined || text === undefined) return undefined;
  const value = convert(text);
  if (value === undefined) {
    warnings.push({ line: field.line.n, message: `${field.label} value "${text}" could not be read; ignored.` });
  }
  return value;
}

/**
 * True when line `start` sits inside a listing that began earlier: walking back over blank and field lines reaches
 * a line `isStart` accepts. `startsAt` uses it so one `esxcli … list` output is not cut at every record.
 */
export function continuesListing(
  lines: readonly Line[],
  start: number,
  isStart: (line: Line, index: number) => boolean,
): boolean {
  for (let i = start - 1; i >= 0 && i >= start - 200; i--) {
    const line = lines[i];
    if (line === undefined) return false;
    if (line.text.trim() === '') continue;
    if (isStart(line, i)) return true;
    if (!readField(line)) return false;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------------------------------------------

/** esxcli prints `N/A` (and sometimes nothing) for a field that does not apply (domain.md §4.2). */
export function presentValue(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  return v === '' || /^n\/a$/i.test(v) ? undefined : v;
}

export function parseBoolean(value: string | undefined): boolean | undefined {
  const v = value?.trim().toLowerCase();
  if (v === 'true' || v === 'yes' || v === '1') return true;
  if (v === 'false' || v === 'no' || v === '0') return false;
  return undefined;
}

export function parseInteger(value: string | undefined): number | undefined {
  const v = value?.trim();
  if (v === undefined || !/^-?\d{1,15}$/.test(v)) return undefined;
  return Number(v);
}

/** Drops properties whose value is undefined, so an absent fact is absent from the record (not `key: undefined`). */
export function compact<T extends object>(record: T): T {
  const out: Partial<T> = {};
  for (const key of Object.keys(record) as (keyof T)[]) {
    if (record[key] !== undefined) out[key] = record[key];
  }
  return out as T;
}

/** Line number of the first non-blank line, for a `fail` on a block with nothing readable. */
export function firstTextLine(lines: readonly Line[]): number {
  return (lines.find((l) => l.text.trim() !== '') ?? lines[0])?.n ?? 1;
}

// ---------------------------------------------------------------------------------------------------------------
// Command lines
// ---------------------------------------------------------------------------------------------------------------

/**
 * The words of the first stage of a command line, quotes removed: `localcli` becomes `esxcli` (same output,
 * domain.md §4), a leading directory is dropped (`/sbin/esxcfg-advcfg`), and anything after an unquoted `|` is
 * ignored (`| more`, `| grep vmk` filter the same output).
 */
export function commandWords(command: string): string[] {
  // Lenient on purpose: a key/value output stays readable through `| grep` or before a `;`, unlike a table,
  // whose header a filter removes (values.ts commandWords refuses those).
  const words = [...(commandStages(command).stages[0] ?? [])];
  if (words[0] !== undefined) words[0] = programName(words[0]);
  return words;
}

/**
 * True when the command is `esxcli … <path>` (e.g. `network ip interface list`), with any global options in
 * between. `--formatter` changes the output layout (xml, csv, keyvalue), so such a command is not ours.
 */
export function isEsxcli(command: string, path: readonly string[]): boolean {
  const words = commandWords(command);
  if (words[0] !== 'esxcli' || path.length === 0) return false;
  const lower = words.map((w) => w.toLowerCase());
  for (let i = 1; i + path.length <= lower.length; i++) {
    if (path.every((p, j) => lower[i + j] === p.toLowerCase())) {
      return !lower.slice(1, i).some((w) => w.startsWith('--formatter'));
    }
  }
  return false;
}

/**
 * The value of an option: `-i vmk1`, `--interface-name vmk1` or `--interface-name=vmk1`. Short options compare
 * case-sensitively (esxcli's `-i` and `-I` differ), long ones do not.
 */
export function optionValue(
  words: readonly string[],
  shorts: readonly string[],
  longs: readonly string[],
): string | undefined {
  for (let i = 1; i < words.length; i++) {
    const w = words[i] ?? '';
    const lw = w.toLowerCase();
    if (shorts.includes(w) || longs.includes(lw)) {
      const next = words[i + 1];
      if (next !== undefined && next !== '') return next;
      continue;
    }
    for (const long of longs) {
      if (lw.startsWith(`${long}=`)) {
        const v = w.slice(long.length + 1);
        if (v !== '') return v;
      }
    }
  }
  return undefined;
}

/**
 * The skeleton shared by every "list of Key: value blocks" output (interface list, netstack list, advanced list):
 * group the lines, warn about each line that belongs to no block, read each block, and fail with `nothingFound`
 * (which names the expected layout and command) when no block yields a record.
 */
export function parseFieldListing<T>(
  block: Block,
  options: GroupOptions & {
    /** Names the output in warnings: `Line not understood in <what>, skipped`. */
    readonly what: string;
    readonly nothingFound: string;
    readonly read: (group: FieldBlock, groups: readonly FieldBlock[], warnings: ParserWarning[]) => T | undefined;
  },
): ParseResult<T[]> {
  const warnings: ParserWarning[] = [];
  const { blocks, stray } = groupFields(block.lines, options);
  for (const line of stray) {
    warnings.push({ line: line.n, message: `Line not understood in ${options.what}, skipped: "${line.text.trim()}".` });
  }
  const records: T[] = [];
  for (const b of blocks) {
    const record = options.read(b, blocks, warnings);
    if (record !== undefined) records.push(record);
  }
  if (records.length === 0) return fail(firstTextLine(block.lines), options.nothingFound, warnings);
  return ok(records, warnings);
}
