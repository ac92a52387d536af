/**
 * Spreadsheet rows (exceljs values, 1-based) → the Table the importers read, the same way for the CLI's streaming
 * reader (src/node/xlsx.ts) and the app's worker (which loads the slimmed workbook whole): cell values become the
 * text an RVTools CSV export would hold, the first non-empty row is the header, a sheet longer than any vCenter's
 * inventory is refused. Pure: no exceljs import here, only its value shapes.
 */
import type { Table, TableRow } from './table.ts';
import { tableOf } from './table.ts';

/** A used sheet longer than this is not an inventory of one vCenter (vSC_VMK of 15,000 hosts is ~90,000 rows). */
export const MAX_SHEET_ROWS = 1_000_000;
/** Cells longer than this are cut (no name or address is); the importer then refuses the value. */
const MAX_CELL_CHARS = 4096;

/** One cell value of exceljs → the text an RVTools CSV export would hold. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.length > MAX_CELL_CHARS ? value.slice(0, MAX_CELL_CHARS) : value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString();
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v['richText'])) return cellText((v['richText'] as { text?: unknown }[]).map((r) => (typeof r.text === 'string' ? r.text : '')).join(''));
    if ('result' in v) return cellText(v['result']);
    if (typeof v['text'] === 'string') return cellText(v['text']);
  }
  return '';
}

/** Collects one sheet's rows in order; `add` returns false once the sheet is over MAX_SHEET_ROWS. */
export class SheetTableBuilder {
  #header: string[] | undefined;
  #headerLine = 0;
  readonly #rows: TableRow[] = [];

  constructor(readonly file: string) {}

  /** `values`: exceljs `row.values` (index 0 unused). */
  add(rowNumber: number, values: readonly unknown[]): boolean {
    const cells: string[] = [];
    for (let c = 1; c < values.length; c++) cells.push(cellText(values[c]));
    if (this.#header === undefined) {
      if (cells.every((x) => x.trim() === '')) return true;
      this.#header = cells.map((h) => h.trim());
      this.#headerLine = rowNumber;
      return true;
    }
    if (this.#rows.length >= MAX_SHEET_ROWS) return false;
    this.#rows.push({ line: rowNumber, cells });
    return true;
  }

  build(): Table {
    return tableOf(this.file, this.#header ?? [], this.#headerLine, this.#rows);
  }
}
