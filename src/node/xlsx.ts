/**
 * RVTools workbook → the tables of the sheets the scan uses, with exceljs's streaming reader (issue 8): sheets are
 * parsed one row at a time and every sheet the scan does not use (vInfo, vDisk… the bulk of a big workbook) is
 * skipped without being parsed. Node only (exceljs streams). Call `inspectZip` first: exceljs inflates every
 * entry and may spool sheets to temporary files.
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { SheetTable, Table } from '../imports/index.ts';
import { canonicalTab, MAX_SHEET_ROWS, SheetTableBuilder, USED_TABS } from '../imports/index.ts';

// cellText and the row → table rules are pure (src/imports/sheet-table.ts), shared with the app's scan worker.
export { cellText, MAX_SHEET_ROWS } from '../imports/index.ts';

export interface WorkbookTables {
  readonly sheets: SheetTable[];
  /** Names of the sheets that were skipped. */
  readonly otherSheets: string[];
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
  const table = new SheetTableBuilder(file);
  for await (const events of rowChunks(sheet)) {
    for (const event of events) {
      if (event.eventType !== 'row') continue;
      const row = event.value as ExcelJS.Row;
      if (!table.add(row.number, row.values as unknown[])) throw new TooLarge(`sheet ${file} has more than ${MAX_SHEET_ROWS} rows`);
    }
  }
  return table.build();
}

export function isTooLarge(e: unknown): e is Error {
  return e instanceof TooLarge;
}
