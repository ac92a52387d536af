/**
 * Commands as parts, rendered per shell. This is the only place where a value from the evidence (a port-group,
 * switch, DVS or host name read from a paste, a bundle folder or an export cell) becomes command text.
 *
 * A command is a list of words; each word is either template text (trusted, written by us), a value (evidence or a
 * number we computed) or a placeholder the engineer must choose. Values are quoted for the shell the command runs
 * in, as one word of their own — never glued into template text:
 * - POSIX sh (the ESXi Shell, busybox ash): bare only for plain `[A-Za-z0-9._:/=-]` words, else single quotes with
 *   `'` written as `'\''`. Inside single quotes sh expands nothing (`$()`, backticks, `;`, `|`, `&` are text).
 * - PowerShell (PowerCLI): single quotes with every single-quote character doubled. PowerShell treats the
 *   typographic quotes U+2018, U+2019, U+201A and U+201B as single quotes too (language specification §2.3.5.2,
 *   single-quote-character), so a name holding `’` would otherwise end the string early.
 *
 * Values no quoting makes safe are refused: control characters (a newline ends the command in both shells, a NUL
 * truncates it) and the characters that make what is shown differ from what is pasted (line/paragraph separators,
 * bidirectional overrides). The plan then names the value and the field instead of printing a command.
 *
 * Placeholders (what the evidence cannot show: a new VLAN, address, port-group name) must fail safely if pasted
 * unfilled. `<vlan>` would not: sh reads `<vlan` as "take standard input from the file vlan". So a placeholder is
 * rendered as `"${FILL_vlan:?}"` in sh — the shell refuses the whole line ("FILL_vlan: parameter not set") and
 * runs nothing of it, unless the engineer first sets `FILL_vlan=20` or replaces the text — and as
 * `(throw 'FILL_vlan')` in PowerShell, which stops the pipeline before any cmdlet runs.
 */

export type Shell = 'sh' | 'powershell';

export type Word =
  /** Template text, written by us: rendered as it is. */
  | { readonly kind: 'literal'; readonly text: string }
  /** A value (from the evidence or computed), with the field it fills, for refusal sentences. */
  | { readonly kind: 'value'; readonly value: string; readonly field: string }
  /** A value the engineer must choose. */
  | { readonly kind: 'placeholder'; readonly name: string };

export interface Command {
  readonly shell: Shell;
  readonly words: readonly Word[];
  /** Explanation shown after the command as a shell comment (`  # …`). */
  readonly comment?: string;
}

const SH_BARE = /^[A-Za-z0-9._:/=-]+$/;
const PS_BARE = /^\d+$/;
/** The four characters PowerShell reads as a single quote (language specification, single-quote-character). */
export const PS_SINGLE_QUOTES = ["'", '\u2018', '\u2019', '\u201A', '\u201B'] as const;
const PS_QUOTE_RE = /['\u2018\u2019\u201A\u201B]/g;

/**
 * C0 controls (incl. TAB, LF, CR, NUL), DEL, C1 controls, line/paragraph separators and bidirectional controls
 * (U+200E/F, U+202A–E, U+2066–9): a command holding one could run differently from how it reads.
 */
const UNSAFE = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

/** Why a value cannot be put into a command safely, or undefined when it can. */
export function unsafeReason(value: string): string | undefined {
  const m = UNSAFE.exec(value);
  if (!m) return undefined;
  const c = m[0].charCodeAt(0);
  if (c === 0x0a || c === 0x0d) return 'a line break';
  if (c === 0) return 'a NUL character';
  if (c === 0x09) return 'a tab';
  if (c === 0x2028 || c === 0x2029) return 'a Unicode line separator';
  if (c >= 0x200e) return 'a bidirectional text control (what is shown would differ from what runs)';
  return 'a control character';
}

/** A value as a reader can see it: control and invisible characters as `\n`, `\u202e`. */
export function displayValue(value: string): string {
  return value.replace(/[\u0000-\u001F\u007F-\u009F\u2028\u2029\u200E\u200F\u202A-\u202E\u2066-\u2069\\]/g, (ch) => {
    if (ch === '\\') return '\\\\';
    if (ch === '\n') return '\\n';
    if (ch === '\r') return '\\r';
    if (ch === '\t') return '\\t';
    return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

export class UnsafeValueError extends Error {
  constructor(
    readonly value: string,
    readonly field: string,
    readonly reason: string,
  ) {
    super(`The ${field} "${displayValue(value)}" contains ${reason}; no shell quoting makes it safe to paste.`);
    this.name = 'UnsafeValueError';
  }
}

/** POSIX sh: one word holding exactly `value`. */
export function quoteSh(value: string): string {
  if (SH_BARE.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** PowerShell: one argument (or expression) holding exactly `value`. */
export function quotePowerShell(value: string): string {
  if (PS_BARE.test(value)) return value;
  return `'${value.replace(PS_QUOTE_RE, (q) => q + q)}'`;
}

/** The text a placeholder becomes: fails safely when pasted unfilled (see the module comment). */
export function placeholderText(name: string, shell: Shell): string {
  return shell === 'sh' ? `"\${FILL_${name}:?}"` : `(throw 'FILL_${name}')`;
}

export function renderWord(word: Word, shell: Shell): string {
  switch (word.kind) {
    case 'literal':
      return word.text;
    case 'placeholder':
      return placeholderText(word.name, shell);
    case 'value': {
      const reason = unsafeReason(word.value);
      if (reason) throw new UnsafeValueError(word.value, word.field, reason);
      return shell === 'sh' ? quoteSh(word.value) : quotePowerShell(word.value);
    }
  }
}

/** One line to paste; throws UnsafeValueError for a value no quoting makes safe. */
export function renderCommand(command: Command): string {
  const line = command.words.map((w) => renderWord(w, command.shell)).join(' ');
  if (command.comment === undefined) return line;
  const reason = unsafeReason(command.comment);
  if (reason) throw new UnsafeValueError(command.comment, 'comment', reason);
  return `${line}  # ${command.comment}`;
}

export const lit = (text: string): Word => ({ kind: 'literal', text });
export const val = (value: string | number, field: string): Word => ({ kind: 'value', value: String(value), field });
export const hole = (name: string): Word => ({ kind: 'placeholder', name });

/** Placeholder names a command still holds. */
export function holesOf(command: Command): string[] {
  return command.words.flatMap((w) => (w.kind === 'placeholder' ? [w.name] : []));
}
