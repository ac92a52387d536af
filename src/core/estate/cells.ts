/**
 * Safe cells for the exports. Every string in a scan comes from files anyone can write (host names, port-group
 * names, custom attributes), so:
 *   - a cell that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab or CR first, even after blanks) is
 *     prefixed with `'` (OWASP "CSV injection");
 *   - CSV cells are quoted per RFC 4180;
 *   - Markdown cells cannot break the table or carry links or HTML;
 *   - terminal text carries no control characters (no escape sequences from a host name) and no bidi overrides.
 */

const FORMULA_START = /^[\s\u00a0]*[=+\-@\t\r]/;
// C0/C1 controls, DEL, and the bidi embedding/override/isolate controls that can reorder what a reader sees.
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Prefixes a cell that a spreadsheet would evaluate, so it is shown as text. */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** One line of plain text: controls become spaces (newlines too), so a value cannot forge output lines. */
export function plain(value: string): string {
  return value.replace(CONTROLS, ' ');
}

/** A CSV cell (RFC 4180), formula-neutralised. */
export function csvCell(value: string | number | undefined): string {
  if (value === undefined) return '';
  const text = neutraliseFormula(typeof value === 'number' ? String(value) : value);
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A Markdown table cell: one line, pipes and Markdown/HTML syntax escaped, formula-neutralised. */
export function markdownCell(value: string | number | undefined): string {
  if (value === undefined) return '';
  const text = neutraliseFormula(plain(typeof value === 'number' ? String(value) : value).trim());
  return text
    .replace(/&/g, '&amp;')
    .replace(/[\\`*_[\]()#~|!]/g, (c) => `\\${c}`)
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    // First in a list item (the Warnings list), `1. ` would open a nested list.
    .replace(/^(\d+)\.(?=\s|$)/, '$1\\.');
}
