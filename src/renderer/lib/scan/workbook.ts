/**
 * An RVTools xlsx in the app's worker. The CLI streams sheets with exceljs's Node-only reader; here the workbook is
 * first checked by the zip-bomb guard, slimmed to the used sheets (so the VM tabs, the bulk of a workbook, are never
 * inflated), and only then loaded whole by exceljs's browser build, whose rows become the same tables the CLI
 * builds (imports/sheet-table.ts). exceljs is imported on demand: it is in the worker's own chunk, and a CSV scan
 * never loads it.
 */
import type { SheetTable } from '../../../imports/index.ts';
import { canonicalTab, inspectZip, MAX_SHEET_ROWS, SheetTableBuilder, slimWorkbook, USED_TABS } from '../../../imports/index.ts';
import type { ReadOutcome } from './read-files.ts';

const isUsed = (sheet: string) => (USED_TABS as readonly string[]).includes(canonicalTab(sheet) ?? '');

export async function readWorkbook(name: string, bytes: Uint8Array): Promise<ReadOutcome> {
  const zip = inspectZip(bytes);
  if (!zip.ok) return { ok: false, message: `${name} was refused before opening: ${zip.reason}` };
  const slim = slimWorkbook(bytes, isUsed);
  let workbook: import('exceljs').Workbook;
  try {
    const ExcelJS = (await import('exceljs')).default;
    workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((slim.ok ? slim.bytes : bytes) as unknown as ArrayBuffer);
  } catch (e) {
    return { ok: false, message: `${name} is not a readable xlsx workbook (${e instanceof Error ? e.message.slice(0, 160) : String(e)})` };
  }
  const sheets: SheetTable[] = [];
  const otherSheets: string[] = [];
  for (const ws of workbook.worksheets) {
    const tab = canonicalTab(ws.name);
    if (tab === undefined || !isUsed(ws.name)) {
      otherSheets.push(ws.name);
      continue;
    }
    const table = new SheetTableBuilder(`${name}#${tab}`);
    let over = false;
    ws.eachRow({ includeEmpty: false }, (row, n) => {
      if (!over && !table.add(n, row.values as unknown[])) over = true;
    });
    if (over) return { ok: false, message: `${name} was refused: sheet ${ws.name} has more than ${MAX_SHEET_ROWS} rows` };
    sheets.push({ name: ws.name, table: table.build() });
  }
  return { ok: true, file: { name, kind: 'workbook', sheets, otherSheets: slim.ok ? [...slim.dropped] : otherSheets } };
}
