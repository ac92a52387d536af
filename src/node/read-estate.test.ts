import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { scanEstate } from '../core/estate/index.ts';
import { readCsv } from '../imports/csv.ts';
import { FIXTURES } from '../imports/test-support/files.ts';
import { MAX_TEXT_FILE_BYTES, readEstate, readEstateFile } from './read-estate.ts';

const dir = mkdtempSync(join(tmpdir(), 'vpd-estate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TABS = ['vSC_VMK', 'vHost', 'vSwitch', 'vPort', 'dvSwitch', 'dvPort', 'vMetaData'];

/** The RVTools 4.x fixture tabs as one workbook, with a VM tab and a foreign sheet in between. */
async function workbookFromFixtures(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const info = wb.addWorksheet('vInfo');
  info.addRow(['VM', 'Powerstate', 'Host']);
  for (let i = 0; i < 2000; i++) info.addRow([`vm${i}`, 'poweredOn', 'esx01.lab.local']);
  for (const tab of TABS) {
    const csv = readCsv(tab, readFileSync(join(FIXTURES, `rvtools-4x/RVTools_tab${tab}.csv`), 'utf8'));
    if (!csv.ok) throw new Error(csv.message);
    const ws = wb.addWorksheet(tab);
    ws.addRow([...csv.table.header]);
    for (const row of csv.table.rows()) {
      // RVTools writes numbers and booleans as such in the workbook.
      ws.addRow(row.cells.map((c) => (/^\d+$/.test(c) && c.length < 9 ? Number(c) : c === 'True' ? true : c === 'False' ? false : c)));
    }
  }
  wb.addWorksheet('Notes').addRow(['exported for the audit']);
  await wb.xlsx.writeFile(path);
}

describe('reading estate files from disk', () => {
  it('reads an RVTools workbook (streaming, only the used sheets) to the same scan as its CSV tabs', async () => {
    const xlsx = join(dir, 'RVTools_export_all.xlsx');
    await workbookFromFixtures(xlsx);
    const fromXlsx = await readEstate([xlsx]);
    const fromCsv = await readEstate(TABS.map((t) => join(FIXTURES, `rvtools-4x/RVTools_tab${t}.csv`)));
    if (!fromXlsx.ok || !fromCsv.ok) throw new Error('import failed');
    const a = scanEstate({ hosts: fromXlsx.hosts });
    const b = scanEstate({ hosts: fromCsv.hosts });
    const strip = (r: typeof a) => ({ hosts: r.hosts.map(({ provenance: _p, ...h }) => h), pairs: r.pairs, groups: r.groups.map((g) => ({ ...g, example: null })) });
    expect(strip(a)).toEqual(strip(b));
    const src = fromXlsx.sources[0]!;
    expect(src).toMatchObject({ format: 'rvtools-xlsx', version: 'RVTools 4.6.1.0', tabs: TABS, hosts: 3, vmknics: 9 });
    expect(src.notes).toContain('sheets not from RVTools, ignored: Notes.');
    // Evidence points into the sheet: book#tab:row.
    expect(fromXlsx.hosts[0]!.model.vmknics[0]!.evidence[0]).toMatchObject({ file: `${xlsx}#vSC_VMK`, line: 2 });
  });

  it('refuses a zip bomb posing as an xlsx before any xlsx reader opens it', async () => {
    const bomb = zipSync({ '[Content_Types].xml': new TextEncoder().encode('<Types/>'), 'xl/worksheets/sheet1.xml': new Uint8Array(64 * 1024 * 1024) });
    const path = join(dir, 'RVTools_bomb.xlsx');
    writeFileSync(path, bomb);
    expect(bomb.length).toBeLessThan(200 * 1024);
    const r = await readEstateFile(path);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} was refused before opening: entry xl/worksheets/sheet1\\.xml would inflate \\d+ times \\(64 MiB from \\d+ bytes\\): a zip bomb, not a workbook$`));
  });

  it('refuses a 1 GB file by its size, without reading it (a sparse file)', async () => {
    const path = join(dir, 'huge.csv');
    writeFileSync(path, '');
    truncateSync(path, 1024 * 1024 * 1024);
    const before = process.memoryUsage().rss;
    const r = await readEstateFile(path);
    expect(r).toEqual({ ok: false, message: `${path} is 1024.0 MiB, larger than the ${(MAX_TEXT_FILE_BYTES / 1024 / 1024).toFixed(1)} MiB limit for a CSV, JSON or text export; it was not read` });
    // Not read: memory did not grow by the file's size (how long it takes is no test's business).
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
  });

  it('gives a safe result for a CSV with a 10 MB field: that row skipped with its line, the rest read', async () => {
    const path = join(dir, 'RVTools_tabvSC_VMK.csv');
    writeFileSync(path, `Host,Device,IP Address,Subnet mask,MTU\nesx1,vmk0,10.0.0.1,255.255.255.0,1500\nesx1,vmk1,"${'A'.repeat(10 * 1024 * 1024)}",255.255.255.0,9000\nesx2,vmk0,10.0.0.2,255.255.255.0,1500\n`);
    const r = await readEstate([path]);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.hosts.map((h) => [h.model.name, h.model.vmknics.map((v) => v.name)])).toEqual([
      ['esx1', ['vmk0']],
      ['esx2', ['vmk0']],
    ]);
    expect(r.sources[0]!.skipped).toEqual([{ line: 3, reason: 'a field longer than 64 KiB' }]);
  });

  it('names the file in one sentence when it is missing, a folder, or not an export', async () => {
    expect(await readEstate([join(dir, 'nope.csv')])).toEqual({ ok: false, error: { file: join(dir, 'nope.csv'), message: `${join(dir, 'nope.csv')} does not exist` } });
    expect(await readEstate([dir])).toEqual({ ok: false, error: { file: dir, message: `${dir} is a folder, not an export file` } });
    const mail = join(dir, 'mail.txt');
    writeFileSync(mail, 'Hello team,\nplease find the export attached.\n');
    const r = await readEstate([mail]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/^.*mail\.txt is not a supported export: expected an RVTools export \(xlsx, or a tab as CSV/);
  });

  it('refuses a file named .xlsx that is not a zip', async () => {
    const path = join(dir, 'fake.xlsx');
    writeFileSync(path, 'Host,Device\nesx1,vmk0\n');
    const r = await readEstateFile(path);
    expect(r).toEqual({ ok: false, message: `${path} was refused before opening: it is not a zip file (no end-of-central-directory record), so not an xlsx workbook` });
  });
});
