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

/*
 * Markdown. Everything the Markdown report prints outside its code blocks is data (host, port-group and VM names,
 * file names, whole sentences built around them), and Markdown viewers differ: some render inline HTML, all render
 * links and images. So evidence text is escaped for both: `<`, `>`, `&` become entities (no tag, autolink or
 * entity can form), every ASCII character that opens inline syntax gets a backslash (CommonMark escapes any ASCII
 * punctuation), the characters that start a block (`#`, `-`, `+`, `1.`) are escaped where they could, and line
 * breaks become spaces so a value can never begin a line of its own. Code blocks and spans are never escaped:
 * their content is literal; only their fence grows past the longest backtick run inside.
 */

// C0 controls (tab and line breaks handled apart), DEL, C1 controls, and the bidi controls that reorder what a
// reader sees; a lone surrogate is dropped too (it cannot be written as UTF-8).
const MD_DROP = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const MD_BREAKS = /\r\n|[\r\n\t\u2028\u2029\u0085]/g;
/** ASCII punctuation that can open or close inline syntax (emphasis, code, links, images, tables, strikethrough). */
const MD_INLINE = /[\\`*_[\]()|!~#]/g;
const WORD = /^[\p{L}\p{N}]$/u;

/**
 * One line of Markdown inline text showing exactly `text` (line breaks and tabs as spaces, control characters
 * dropped): safe in a paragraph, a heading, a list item or a table cell, wherever it is put on the line.
 */
export function mdText(text: string): string {
  const escaped = text
    .replace(MD_DROP, '')
    .replace(MD_BREAKS, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    // `_` inside a word (`VMOTION_EGRESS_MISMATCH`) can neither open nor close emphasis: left as it is, readable.
    .replace(MD_INLINE, (c, at: number, all: string) => (c === '_' && WORD.test(all[at - 1] ?? '') && WORD.test(all[at + 1] ?? '') ? c : `\\${c}`));
  // Block starts: a value put first in a list item or a line would open a list, a heading or a thematic break;
  // leading spaces would open an indented code block. The spaces become character references (still spaces).
  return escaped
    .replace(/^( *)(?:([-+=])|(\d+)\.(?=\s|$))/, (_m, lead: string, mark: string | undefined, digits: string | undefined) =>
      mark !== undefined ? `${lead}\\${mark}` : `${lead}${digits}\\.`,
    )
    .replace(/^ +/, (spaces) => '&#32;'.repeat(spaces.length));
}

/** The longest run of backticks in any of the lines. */
function longestBacktickRun(lines: readonly string[]): number {
  let longest = 0;
  for (const line of lines) for (const run of line.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  return longest;
}

/** A code span showing `text` exactly (on one line): the fence is longer than any backtick run inside. */
export function mdCode(text: string): string {
  // Exact apart from line breaks (a span is one line; CommonMark reads a break in it as a space anyway).
  const one = text.replace(MD_BREAKS, ' ');
  if (one === '') return '';
  const fence = '`'.repeat(longestBacktickRun([one]) + 1);
  // A span that starts or ends with a backtick (or a space) needs a space inside the fence; CommonMark strips one.
  const pad = /^[` ]|[` ]$/.test(one) ? ' ' : '';
  return `${fence}${pad}${one}${pad}${fence}`;
}

/**
 * A fenced code block holding the lines exactly (commands are copied from it); the fence is longer than any
 * backtick run inside (at least 3), so no line can close it.
 */
export function mdFence(lines: readonly string[], lang: string): string[] {
  // A line holding a break is split first, so the longest run is measured on the block's real lines.
  const body = lines.flatMap((l) => l.split(/\r\n|[\r\n]/));
  const fence = '`'.repeat(Math.max(3, longestBacktickRun(body) + 1));
  return [fence + lang, ...body, fence];
}
