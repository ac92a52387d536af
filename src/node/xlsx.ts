/**
 * RVTools workbook → the tables of the sheets the scan uses, with exceljs's streaming reader (issue 8): sheets are
 * parsed one row at a time and every sheet the scan does not use (vInfo, vDisk… the bulk of a big workbook) is
 * skipped without being parsed. Node only (exceljs streams). Call `inspectZip` first: exceljs inflates every
 * entry and may spool sheets to temporary files.
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { SheetTable, Table, TableRow } from '../imports/index.ts';
import { canonicalTab, tableOf, USED_TABS } from '../imports/index.ts';

/** A used sheet longer than this is not an inventory of one vCenter (vSC_VMK of 15,000 hosts is ~90,000 rows). */
export const MAX_SHEET_ROWS = 1_000_000;
/** Cells longer than this are cut (no name or address is); the importer then refuses the value. */
const MAX_CELL_CHARS = 4096;

export interface WorkbookTables {
  readonly sheets: SheetTable[];
  /** Names of the sheets that were skipped. */
  readonly otherSheets: string[];
}

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

class TooLarge extends Error {}

export async function readWorkbookTables(file: string, bytes: Uint8Array): Promise<WorkbookTables> {
  const sheets: SheetTable[] = [];
  const otherSheets: string[] = [];
  const input = Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    entries: 'ignore',
  });
  try {
    for await (const sheet of reader) {
      const title = String((sheet as unknown as { name?: string }).name ?? '');
      const tab = canonicalTab(title);
      if (tab === undefined || !(USED_TABS as readonly string[]).includes(tab)) {
        // Not iterated: exceljs drains the entry without parsing its XML.
        otherSheets.push(title);
        continue;
      }
      sheets.push({ name: title, table: await readSheet(`${file}#${tab}`, sheet as unknown as ExcelJS.stream.xlsx.WorksheetReader) });
    }
  } finally {
    input.destroy();
  }
  return { sheets, otherSheets };
}

/** The sheet's row events in chunks (one await per chunk of XML, not per row as the reader's row iterator does). */
function rowChunks(sheet: ExcelJS.stream.xlsx.WorksheetReader): AsyncIterable<{ eventType: string; value: unknown }[]> {
  return sheet.parse() as unknown as AsyncIterable<{ eventType: string; value: unknown }[]>;
}

async function readSheet(file: string, sheet: ExcelJS.stream.xlsx.WorksheetReader): Promise<Table> {
  let header: string[] | undefined;
  let headerLine = 0;
  const rows: TableRow[] = [];
  for await (const events of rowChunks(sheet)) {
    for (const event of events) {
      if (event.eventType !== 'row') continue;
      const row = event.value as ExcelJS.Row;
      const values = row.values as unknown[];
      const cells: string[] = [];
      for (let c = 1; c < values.length; c++) cells.push(cellText(values[c]));
      if (header === undefined) {
        if (cells.every((x) => x.trim() === '')) continue;
        header = cells.map((h) => h.trim());
        headerLine = row.number;
        continue;
      }
      if (rows.length >= MAX_SHEET_ROWS) throw new TooLarge(`sheet ${file} has more than ${MAX_SHEET_ROWS} rows`);
      rows.push({ line: row.number, cells });
    }
  }
  return tableOf(file, header ?? [], headerLine, rows);
}

export function isTooLarge(e: unknown): e is Error {
  return e instanceof TooLarge;
}
