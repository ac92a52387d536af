/**
 * The scan worker's job without the worker: the 50-host estate dropped as files gives the known answers of
 * src/imports/estate-50.test.ts, progress runs through its phases in order, a host opens as an ImportedHost with its
 * gaps, and bad files (binary, zip bomb named .xlsx, garbage CSV) end in one sentence naming the file.
 */
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { progressPercent } from './protocol.ts';
import type { ScanPhase } from './protocol.ts';
import { readScanFile } from './read-files.ts';
import type { KeptScan } from './scan-job.ts';
import { openScannedHost, runScanJob } from './scan-job.ts';
import ExcelJS from 'exceljs';
import { rvtoolsTabs } from '../../../imports/test-support/estate-generator.ts';
import { readWorkbookTables } from '../../../node/xlsx.ts';
import { asInputs, estate50, estate50Files } from './test-estate.ts';
import { readWorkbook } from './workbook.ts';
import { bundleA, bundleB, TS, vcenterBundle } from '../../../bundles/fixtures.test-support.ts';
import { zip } from '../../../bundles/test-support.ts';

const noWorkbook = async () => ({ ok: false as const, message: 'no workbook expected' });

async function scan50(): Promise<{ scan: KeptScan; progress: { phase: ScanPhase; done: number; total: number }[] }> {
  const progress: { phase: ScanPhase; done: number; total: number }[] = [];
  const out = await runScanJob(asInputs(estate50Files()), 'live', noWorkbook, (phase, done, total) => progress.push({ phase, done, total }));
  if (!out.ok) throw new Error(out.message);
  return { scan: out.scan, progress };
}

describe('runScanJob', () => {
  it('scans the 50-host estate with its known answers and reports progress through every phase in order', async () => {
    const { scan, progress } = await scan50();
    expect(scan.result.summary).toMatchObject({ hosts: 50, clusters: 3, worst: 'blocker' });
    expect(scan.result.hosts.find((h) => h.name === 'esx00014.dc0.example.com')!.risk).toBe('blocker');
    expect(scan.hosts).toHaveLength(50);
    expect([...new Set(progress.map((p) => p.phase))]).toEqual(['reading', 'importing', 'hosts', 'pairs']);
    const percents = progress.map(progressPercent);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(percents.at(-1)).toBe(100);
  });

  it('opens a host as an ImportedHost: its model, files, place, and every unknown fact with what fills it', async () => {
    const { scan } = await scan50();
    const host = openScannedHost(scan, 'esx00000.dc0.example.com')!;
    expect(host).toMatchObject({ origin: 'estate', detail: expect.stringMatching(/ \/ Gold$/), observed: [], warnings: [] });
    expect(host.model.name).toBe('esx00000.dc0.example.com');
    expect(host.model.vmknics.length).toBeGreaterThan(0);
    expect(host.file.split(', ').sort()).toEqual(expect.arrayContaining(['RVTools_tabvHost.csv', 'RVTools_tabvSC_VMK.csv', 'bind.csv', 'vmk.csv']));
    const json = scan.result.hosts.find((h) => h.name === 'esx00000.dc0.example.com')!;
    expect(host.gaps).toEqual(json.unknown.map((u) => ({ fact: u.fact, fill: u.fill })));
    expect(host.gaps.map((g) => g.fact).join(' ')).toMatch(/TCP\/IP stack/);
    expect(openScannedHost(scan, 'no-such-host')).toBeNull();
    // Plain data: it crosses the worker boundary and goes into case files.
    expect(structuredClone(host)).toEqual(host);
  });

  it('reads an RVTools xlsx into the same tables as the CLI streaming reader, and scans it to the same answers', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('vInfo').addRow(['VM', 'Host']);
    for (const [tab, t] of Object.entries(rvtoolsTabs(estate50()))) {
      const ws = wb.addWorksheet(tab);
      ws.addRow([...t.header]);
      for (const r of t.rows) ws.addRow(r);
    }
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const app = await readWorkbook('RVTools_export.xlsx', bytes);
    if (!app.ok || app.file.kind !== 'workbook') throw new Error(app.ok ? 'not a workbook' : app.message);
    const cli = await readWorkbookTables('RVTools_export.xlsx', bytes);
    const rowsOf = (t: { rows(): Iterable<unknown> }) => [...t.rows()];
    expect(app.file.sheets.map((x) => x.name)).toEqual(cli.sheets.map((x) => x.name));
    for (const [i, sheet] of app.file.sheets.entries()) {
      expect(sheet.table.header).toEqual(cli.sheets[i]!.table.header);
      expect(rowsOf(sheet.table)).toEqual(rowsOf(cli.sheets[i]!.table));
    }
    expect(app.file.otherSheets).toContain('vInfo');

    const files = estate50Files();
    const inputs = [{ name: 'RVTools_export.xlsx', bytes: bytes.buffer as ArrayBuffer }, ...asInputs({ 'vmk.csv': files['vmk.csv']!, 'bind.csv': files['bind.csv']! })];
    const out = await runScanJob(inputs, 'live', readWorkbook, () => {});
    if (!out.ok) throw new Error(out.message);
    const { scan } = await scan50();
    expect(out.scan.result.summary).toEqual(scan.result.summary);
    expect(out.scan.result.groups.map((g) => [g.id, g.hosts])).toEqual(scan.result.groups.map((g) => [g.id, g.hosts]));
  });

  it('refuses a binary file, a zip bomb named .xlsx and a garbage CSV with one sentence naming the file', async () => {
    const binary = await runScanJob([{ name: 'photo.csv', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]).buffer }], 'live', readWorkbook, () => {});
    expect(binary).toEqual({ ok: false, message: expect.stringMatching(/^photo\.csv is a binary file/) });

    // 64 MiB of zeros deflate to ~64 KiB: far over the ratio cap.
    const bomb = zipSync({ 'xl/worksheets/sheet1.xml': [new Uint8Array(64 * 1024 * 1024), { level: 9 }] });
    const refused = await runScanJob([{ name: 'RVTools_export.xlsx', bytes: bomb.buffer as ArrayBuffer }], 'live', readWorkbook, () => {});
    expect(refused).toEqual({ ok: false, message: expect.stringMatching(/^RVTools_export\.xlsx was refused before opening: .*zip bomb/) });

    const garbage = await runScanJob(asInputs({ 'hosts.csv': 'a,b,c\n1,2,3\n"unterminated,4\n' }), 'live', noWorkbook, () => {});
    expect(garbage.ok).toBe(false);
    if (!garbage.ok) {
      expect(garbage.message).toMatch(/^hosts\.csv /);
      expect(garbage.message.split(/\.\s+[A-Z]/)).toHaveLength(1);
    }
  });

  it('checks the size before reading a byte (a 1 GiB file is refused by its size alone)', async () => {
    // A Blob that says it is 1 GiB: only its first four bytes (the zip check) may be read.
    class Huge extends Blob {
      override get size() {
        return 1024 * 1024 * 1024;
      }
      override slice(start?: number, end?: number): Blob {
        if (start !== 0 || end !== 4) throw new Error('read past the head');
        return new Blob(['head']);
      }
    }
    const huge = Object.assign(new Huge(), { name: 'big.csv' });
    const r = await readScanFile(huge as unknown as File, noWorkbook);
    expect(r).toEqual({ ok: false, message: 'big.csv is 1024.0 MiB, larger than the 64.0 MiB limit for a CSV, JSON or text export; it was not read' });
  });

  it('says so when no file was given', async () => {
    expect(await runScanJob([], 'live', noWorkbook, () => {})).toEqual({ ok: false, message: expect.stringMatching(/^No file was chosen/) });
  });
});

describe('runScanJob with support bundles (as path-doctor scan)', () => {
  const exportZip = zip({ 'esx21-vm2024.tgz': bundleA(), 'esx22-vm2024.tgz': bundleB(), 'vc-vcsupport.tgz': vcenterBundle() });
  const inventory =
    'Host,Cluster,Device,Port Group,IP Address,Subnet mask,MTU\n' +
    'esx21.lab.local,Lab,vmk0,Management Network,10.99.0.21,255.255.255.0,1500\n' +
    'esx22.lab.local,Lab,vmk0,Management Network,10.99.0.22,255.255.255.0,1500\n';

  it('scans a vCenter log export with an inventory export: the bundles\' models in the export\'s cluster, the pair checked', async () => {
    const files = [
      { name: 'VMware-vCenter-support.zip', bytes: exportZip.slice().buffer as ArrayBuffer },
      ...asInputs({ 'RVTools_tabvSC_VMK.csv': inventory }),
    ];
    const out = await runScanJob(files, 'live', noWorkbook, () => {});
    if (!out.ok) throw new Error(out.message);
    const { result } = out.scan;
    expect(result.hosts.map((h) => [h.name, h.cluster])).toEqual([
      ['esx21.lab.local', 'Lab'],
      ['esx22.lab.local', 'Lab'],
    ]);
    expect(result.hosts[0]!.vmknics.map((v) => v.ipv4)).not.toContain('10.99.0.21');
    expect(result.pairs.map((p) => p.hosts)).toEqual([['esx21.lab.local', 'esx22.lab.local']]);
    expect(result.sources.map((s) => s.format)).toEqual(['rvtools-csv', 'vcenter-log-export']);

    // Opened from the table, a bundle host brings its logs' past migrations and names the bundle.
    const esx21 = openScannedHost(out.scan, 'esx21.lab.local')!;
    expect(esx21).toMatchObject({ origin: 'estate', file: 'VMware-vCenter-support.zip', detail: 'Lab' });
    expect(esx21.observed.map((m) => m.id)).toContain(TS.mgmt);
  });

  it('refuses a gzip that is no bundle with the reader\'s sentence', async () => {
    const notBundle = new Uint8Array([0x1f, 0x8b, 8, 0, ...new Array(60).fill(7)]);
    const out = await runScanJob([{ name: 'broken.tgz', bytes: notBundle.buffer }], 'live', noWorkbook, () => {});
    expect(out).toEqual({ ok: false, message: expect.stringContaining('broken.tgz') });
  });
});
