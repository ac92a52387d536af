import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { slimWorkbook } from './xlsx-slim.ts';
import { inspectZip } from './zip-guard.ts';

const dir = mkdtempSync(join(tmpdir(), 'vpd-slim-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const keep = (name: string) => ['vSC_VMK', 'vHost'].includes(name);

async function bufferWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('vInfo').addRow(['VM', 'Host']);
  wb.getWorksheet('vInfo')!.addRow(['app01', 'esx01']);
  wb.addWorksheet('vSC_VMK').addRows([['Host', 'Device'], ['esx01', 'vmk0']]);
  wb.addWorksheet('vHost').addRows([['Host', 'ESX Version'], ['esx01', 'VMware ESXi 8.0.3 build-24859861']]);
  wb.addWorksheet('Notes & more').addRow(['x']);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The streaming writer stores entries with data descriptors (sizes after the data): the copy must keep them. */
async function streamedWorkbook(): Promise<Uint8Array> {
  const path = join(dir, 'streamed.xlsx');
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
  const info = wb.addWorksheet('vInfo');
  for (let i = 0; i < 3000; i++) info.addRow([`vm${i}`, 'esx01']).commit();
  info.commit();
  const vmk = wb.addWorksheet('vSC_VMK');
  vmk.addRow(['Host', 'Device']).commit();
  vmk.addRow(['esx01', 'vmk0']).commit();
  vmk.commit();
  await wb.commit();
  return new Uint8Array(readFileSync(path));
}

async function sheetNames(bytes: Uint8Array): Promise<{ name: string; rows: unknown[][] }[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return wb.worksheets.map((ws) => ({ name: ws.name, rows: ws.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1)) }));
}

describe('slimming a workbook before the xlsx reader opens it', () => {
  it('keeps the used sheets (cell values intact) and drops the others', async () => {
    const original = await bufferWorkbook();
    const slim = slimWorkbook(original, keep);
    if (!slim.ok) throw new Error(slim.reason);
    expect(slim.kept).toEqual(['vSC_VMK', 'vHost']);
    expect(slim.dropped).toEqual(['vInfo', 'Notes & more']);
    expect(slim.bytes.length).toBeLessThan(original.length);
    expect(inspectZip(slim.bytes).ok).toBe(true);
    const names = Object.keys(unzipSync(slim.bytes));
    expect(names.filter((n) => n.startsWith('xl/worksheets/sheet'))).toHaveLength(2);
    // Shared strings and the workbook part come before any sheet (no spooling of sheets to temporary files).
    expect(names.indexOf('xl/sharedStrings.xml')).toBeLessThan(names.findIndex((n) => n.startsWith('xl/worksheets/')));
    const sheets = await sheetNames(slim.bytes);
    expect(sheets.map((s) => s.name)).toEqual(['vSC_VMK', 'vHost']);
    expect(sheets[0]!.rows).toEqual([
      ['Host', 'Device'],
      ['esx01', 'vmk0'],
    ]);
  });

  it('copies entries that carry data descriptors (the streaming writer’s layout)', async () => {
    const slim = slimWorkbook(await streamedWorkbook(), keep);
    if (!slim.ok) throw new Error(slim.reason);
    expect(slim.dropped).toEqual(['vInfo']);
    expect(inspectZip(slim.bytes).ok).toBe(true);
    expect((await sheetNames(slim.bytes)).map((s) => [s.name, s.rows])).toEqual([
      [
        'vSC_VMK',
        [
          ['Host', 'Device'],
          ['esx01', 'vmk0'],
        ],
      ],
    ]);
  });

  it('declines (the original is read instead) when no sheet is used or the package has no workbook part', async () => {
    expect(slimWorkbook(await bufferWorkbook(), () => false)).toEqual({ ok: false, reason: 'none of the sheets is used' });
    expect(slimWorkbook(new TextEncoder().encode('not a zip'), keep)).toEqual({ ok: false, reason: 'no readable central directory' });
  });
});
