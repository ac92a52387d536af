/**
 * Shared shapes of the parser layer. Parsers take numbered lines (so every warning and every fact points at the
 * line of the original paste) and return typed records plus warnings. They never throw on bad text.
 */
import type { EvidenceRef } from '../core/model/evidence.ts';

/** One line of input, already stripped of CR, ANSI codes and trailing blanks, with its 1-based number. */
export interface Line {
  readonly n: number;
  readonly text: string;
}

/** The output of one command, as cut out of a paste by the detector (or a whole file for a single output). */
export interface Block {
  readonly file: string;
  /** What the command was, when a prompt line showed it (`esxcfg-vmknic -l`). */
  readonly command?: string;
  /** Host name from the prompt (`[root@esx01:~]` → `esx01`), when there was one. */
  readonly host?: string;
  /** The output lines only (the prompt line itself is not included). */
  readonly lines: readonly Line[];
}

/** Every command output the parsers recognise (domain.md §4). */
export type CommandKind =
  | 'esxcfg-vmknic'
  | 'interface-list'
  | 'ipv4-get'
  | 'tag-get'
  | 'esxcfg-route'
  | 'route-ipv4-list'
  | 'netstack-list'
  | 'advcfg-get'
  | 'advanced-list'
  | 'esxcfg-vswitch'
  | 'esxcfg-nics'
  | 'vmware-version'
  | 'system-version'
  | 'esx-conf'
  | 'netconfig-get'
  | 'hostname'
  | 'vmkping';

export interface ParserWarning {
  readonly line: number;
  readonly message: string;
}

/**
 * A parser's answer. `ok: false` means the block could not be read at all (a clear sentence and the line where
 * reading stopped); `ok: true` may still carry warnings about rows that were skipped.
 */
export type ParseResult<T> =
  | { readonly ok: true; readonly value: T; readonly warnings: readonly ParserWarning[] }
  | { readonly ok: false; readonly error: ParserWarning; readonly warnings: readonly ParserWarning[] };

export function ok<T>(value: T, warnings: readonly ParserWarning[] = []): ParseResult<T> {
  return { ok: true, value, warnings };
}

export function fail<T>(line: number, message: string, warnings: readonly ParserWarning[] = []): ParseResult<T> {
  return { ok: false, error: { line, message }, warnings };
}

/** Builds the numbered lines of a text, normalising CRLF/CR, ANSI colour codes and trailing blanks. */
export function toLines(text: string, firstLine = 1): Line[] {
  const out: Line[] = [];
  const raw = text.split(/\r\n|\r|\n/);
  for (let i = 0; i < raw.length; i++) {
    out.push({ n: firstLine + i, text: cleanLine(raw[i] ?? '') });
  }
  return out;
}

// CSI sequences (colours, cursor moves) and OSC titles that terminals leave in copied text.
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[@-Z\\-_]/g;

export function cleanLine(text: string): string {
  const plain = text.includes('\u001b') ? text.replace(ANSI, '') : text;
  // A loop, not /[ \t]+$/: that regex is quadratic on long inner runs of blanks (a 30k-space line took ~1 s).
  let end = plain.length;
  while (end > 0) {
    const c = plain.charCodeAt(end - 1);
    if (c !== 32 && c !== 9 && c !== 0xa0) break;
    end--;
  }
  return end === plain.length ? plain : plain.slice(0, end);
}

/** A block made from plain text, for parsing one command's output directly (tests, single-output files). */
export function blockOf(text: string, options: { file?: string; command?: string; host?: string } = {}): Block {
  return {
    file: options.file ?? 'input',
    lines: toLines(text),
    ...(options.command !== undefined ? { command: options.command } : {}),
    ...(options.host !== undefined ? { host: options.host } : {}),
  };
}

export function refOf(block: Block, line: Line): EvidenceRef {
  return { file: block.file, line: line.n, text: line.text };
}

/**
 * `{ ...fresh, ref }` without the copy: `fresh` must be an object the caller just built and shares with no one.
 * Object spread of such records took its slow path in long runs and gave every row a hidden class of its own (about
 * 400 bytes each, 100,000 rows in a 60 MB paste; issue 17: peak memory); adding the property keeps the shared one.
 */
export function withRef<T extends object>(fresh: T, ref: EvidenceRef): T & { readonly ref: EvidenceRef } {
  return Object.assign(fresh, { ref });
}

/**
 * One supported command. The detector uses `matchesCommand` on prompt lines and `recognise` on bare output
 * (no prompt), then calls `parse` on the block it cut out.
 */
export interface CommandParser<K extends CommandKind, T> {
  readonly kind: K;
  /** True when a command line (text after the prompt, e.g. `esxcfg-vmknic -l`) runs this command. */
  matchesCommand(command: string): boolean;
  /**
   * Given the lines of a bare output starting at `start`, says whether this command's output starts there (its
   * header or first record), so a paste without prompts can still be split. Must be cheap and strict: a false
   * positive splits a block in the wrong place.
   */
  startsAt(lines: readonly Line[], start: number): boolean;
  parse(block: Block): ParseResult<T>;
}
