/**
 * Escaping for the SVG picture and the HTML report. Everything they print comes from pasted evidence (host names,
 * port-group names, file names, whole command lines), so every string goes through here: markup characters become
 * entities, and characters XML 1.0 forbids (C0 controls, lone surrogates, U+FFFE/U+FFFF) are dropped, so a hostile
 * or damaged paste can neither inject markup nor make the file unreadable.
 */

// C0 controls except tab, LF, CR; the two non-characters; lone surrogates.
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Removes what XML 1.0 cannot carry at all (not even as a character reference). */
export function xmlSafe(text: string): string {
  return text.replace(INVALID_XML, '');
}

/** Text content of an element. */
export function escapeText(text: string): string {
  return xmlSafe(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A double-quoted attribute value (also escapes line breaks so they survive attribute normalisation). */
export function escapeAttr(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;').replace(/'/g, '&#39;').replace(/\r/g, '&#13;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

/** A fragment identifier made of safe characters only (vmknic and host names become parts of element ids). */
export function idPart(text: string): string {
  const safe = text.replace(/[^A-Za-z0-9_-]+/g, '_');
  return safe === '' ? '_' : safe;
}

/** Display width in monospace cells: East Asian wide characters take two. */
function cells(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0;
  return cp >= 0x1100 && (cp <= 0x115f || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0xffe0 && cp <= 0xffe6) || cp >= 0x1f300)
    ? 2
    : 1;
}

/** Width of a string in monospace cells. */
export function cellWidth(text: string): number {
  let n = 0;
  for (const ch of text) n += cells(ch);
  return n;
}

/**
 * Cuts a string to at most `max` monospace cells, ending in `…` when cut. Works on code points, so a surrogate
 * pair is never split.
 */
export function fit(text: string, max: number): string {
  if (cellWidth(text) <= max) return text;
  if (max <= 1) return max === 1 ? '…' : '';
  let out = '';
  let used = 0;
  for (const ch of text) {
    const w = cells(ch);
    if (used + w > max - 1) break;
    out += ch;
    used += w;
  }
  return `${out}…`;
}
