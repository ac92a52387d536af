/**
 * Reading values the way a person squints at a damaged paste (issue 16). Published outputs reach a ticket with
 * damage a reader sees through at once: octets redacted before posting (`10.195.x.22`, `xxx.xxx.1.10`), a font or
 * OCR that prints capital O for zero (`1O.178.46.O`, `vmkO`), markdown emphasis around a value (`**00:50:…**`).
 * Each reader here says what a cell is: read as printed, repaired (and how, for the warning), redacted (the field
 * is unknown, the row stays), or not this kind of value at all. Repairs are only the unambiguous ones: a letter
 * that can only be a digit in a place that only holds digits. Pure string functions.
 */
import { isIpv4, isIpv4Mask, isVmkName } from './values.ts';

export type CellReading =
  | { readonly kind: 'ok'; readonly value: string }
  | { readonly kind: 'repaired'; readonly value: string; readonly how: string }
  | { readonly kind: 'redacted' }
  | { readonly kind: 'bad' };

/** Letters a font or OCR prints for digits: O/o for 0, I/l/| for 1. Only ever applied where digits must be. */
const DIGIT_LOOKALIKE: Readonly<Record<string, string>> = { O: '0', o: '0', I: '1', l: '1', '|': '1' };

function undoLookalikes(text: string): { text: string; changed: string[] } {
  const changed = new Set<string>();
  let out = '';
  for (const ch of text) {
    const digit = DIGIT_LOOKALIKE[ch];
    if (digit !== undefined) changed.add(`${ch} as ${digit}`);
    out += digit ?? ch;
  }
  return { text: out, changed: [...changed] };
}

// One octet as printed (digits or look-alike letters), or a redaction mark: x, X, *, #, ?, or `xxx`.
const OCTET_LIKE = /^[0-9OoIl|]{1,3}$/;
const REDACTED_OCTET = /^(?:[xX]{1,3}|[*#?]{1,3}|[nN]{1,3}|[yYzZ]{1,3})$/;

const MASK_OCTETS = new Set(['0', '128', '192', '224', '240', '248', '252', '254', '255']);

function readDotted(text: string, accept: (t: string) => boolean, mask = false): CellReading {
  if (accept(text)) return { kind: 'ok', value: text };
  const parts = text.split('.');
  if (parts.length !== 4 || parts.some((p) => p === '')) return { kind: 'bad' };
  if (parts.some((p) => REDACTED_OCTET.test(p)) && parts.every((p) => REDACTED_OCTET.test(p) || /^\d{1,3}$/.test(p))) {
    // A redacted mask still shows mask octets where it shows any (`255.255.x.0`); `x.178.47.127` is no mask.
    if (mask && !parts.every((p) => REDACTED_OCTET.test(p) || MASK_OCTETS.has(p))) return { kind: 'bad' };
    return { kind: 'redacted' };
  }
  if (!parts.every((p) => OCTET_LIKE.test(p)) || !/[OoIl|]/.test(text)) return { kind: 'bad' };
  const { text: repaired, changed } = undoLookalikes(text);
  return accept(repaired) ? { kind: 'repaired', value: repaired, how: changed.join(', ') } : { kind: 'bad' };
}

/** An IPv4 address cell: printed, OCR-repaired, or redacted. */
export function readIpv4Cell(text: string): CellReading {
  return readDotted(stripEmphasis(text), isIpv4);
}

/** A dotted netmask cell: printed, OCR-repaired, or redacted. */
export function readMaskCell(text: string): CellReading {
  return readDotted(stripEmphasis(text), isIpv4Mask, true);
}

/** A vmknic name: `vmk1`, or `vmkO` / `vmko` / `vmkl` with look-alike letters for digits. */
export function readVmkCell(text: string): CellReading {
  const t = stripEmphasis(text);
  if (isVmkName(t)) return { kind: 'ok', value: t };
  const m = /^vmk([0-9OoIl]{1,4})$/.exec(t);
  if (m === null) return { kind: 'bad' };
  const { text: digits, changed } = undoLookalikes(m[1] ?? '');
  return isVmkName(`vmk${digits}`) ? { kind: 'repaired', value: `vmk${digits}`, how: changed.join(', ') } : { kind: 'bad' };
}

/** True when the cell can be read as an IPv4 address (possibly repaired) or is a redacted one. */
export function isIpv4Like(text: string): boolean {
  return readIpv4Cell(text).kind !== 'bad';
}

export function isMaskLike(text: string): boolean {
  return readMaskCell(text).kind !== 'bad';
}

export function isVmkLike(text: string): boolean {
  return readVmkCell(text).kind !== 'bad';
}

/** `**value**`, `__value__`, `` `value` ``: markdown emphasis a forum or chat adds around a value. */
export function stripEmphasis(text: string): string {
  const m = /^(\*\*|__|`|\*)(.+)\1$/.exec(text);
  return m === null ? text : (m[2] ?? text);
}

/**
 * The value of a damaged-or-not cell with the warning to give: undefined value for redacted or unreadable cells.
 * `field` names the column for the warning ("IP Address"), `row` the row ("vmk1").
 */
export function cellValue(
  reading: CellReading,
  printed: string,
  field: string,
  row: string,
): { readonly value?: string; readonly warning?: string } {
  switch (reading.kind) {
    case 'ok':
      return { value: reading.value };
    case 'repaired':
      return { value: reading.value, warning: `${field} of ${row} is printed "${printed}" and read as ${reading.value} (${reading.how}: a font or OCR look-alike)` };
    case 'redacted':
      return { warning: `${field} of ${row} is redacted ("${printed}"): that value is unknown, the rest of the row is kept` };
    case 'bad':
      return { warning: `${field} of ${row} cannot be read ("${printed}"): that value is unknown, the rest of the row is kept` };
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Words with lost letters
// ---------------------------------------------------------------------------------------------------------------

/** Optimal-string-alignment distance (a swap of two letters counts once), cut off above `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev2: number[] = [];
  let prev: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row: number[] = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, (prev2[j - 2] ?? 0) + 1);
      row.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length] ?? limit + 1;
}

/**
 * The one word of `known` that `word` is a near miss of (a lost or doubled letter, a swap), compared without case.
 * Words of 3 letters or fewer must lose exactly one letter to match (`MC` for `MAC`); longer ones may differ by one
 * edit, and words of 8+ letters by two. Undefined when nothing is near, or when two known words are equally near.
 */
export function nearestKnown(word: string, known: readonly string[]): string | undefined {
  const w = word.toLowerCase();
  const exact = known.find((k) => k.toLowerCase() === w);
  if (exact !== undefined) return exact;
  let best: string | undefined;
  let bestDistance = Infinity;
  let tie = false;
  for (const k of known) {
    const lower = k.toLowerCase();
    const limit = lower.length <= 3 ? 1 : lower.length >= 8 ? 2 : 1;
    // Short words only by a lost letter: `IP` must not become `MTU`.
    if (lower.length <= 3 && !(w.length === lower.length - 1 && isSubsequence(w, lower))) continue;
    const d = editDistance(w, lower, limit);
    if (d > limit) continue;
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
      tie = false;
    } else if (d === bestDistance) {
      tie = true;
    }
  }
  return tie ? undefined : best;
}

function isSubsequence(short: string, long: string): boolean {
  let i = 0;
  for (const ch of long) if (ch === short[i]) i++;
  return i === short.length;
}
