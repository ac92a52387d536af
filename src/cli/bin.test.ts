/**
 * The installed `path-doctor` bin runs the build of src/cli (out/cli, tools/build-cli.mjs), not the sources the other
 * CLI tests run in-process: these tests run the built bin as a user does and check it answers exactly as the
 * sources do, including the commands whose code the build puts in chunks of their own (flows, explain, scan with
 * the xlsx reader, bundle).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, isStale } from '../../tools/build-cli.mjs';
import { bundleA } from '../bundles/fixtures.test-support.ts';
import { estate50, estate50Files } from '../imports/test-support/estate-50.ts';
import { rvtoolsTabs } from '../imports/test-support/estate-generator.ts';
import { runCli } from './run-cli.test-support.ts';

const dir = mkdtempSync(join(tmpdir(), 'vpd-bin-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(async () => {
  if (isStale()) await buildCli({ quiet: true });
}, 120_000);

function bin(args: string[], input?: string) {
  return spawnSync(process.execPath, ['bin/path-doctor.mjs', ...args], { encoding: 'utf8', timeout: 60_000, maxBuffer: 64 << 20, ...(input !== undefined ? { input } : {}) });
}

/** The built bin and the sources (in-process) give the same exit code, output and errors. */
async function expectSame(args: string[]): Promise<ReturnType<typeof bin>> {
  const built = bin(args);
  const source = await runCli(args);
  expect({ code: built.status, stdout: built.stdout, stderr: built.stderr }).toEqual({ code: source.code, stdout: source.stdout, stderr: source.stderr });
  return built;
}

describe('the installed path-doctor bin (the build in out/cli)', () => {
  it('analyses a pair exactly as the sources do, with the exit codes scripts gate on', async () => {
    const r = await expectSame(['analyze', '--source', 'examples/seed-denneman-5.1/source.txt', '--dest', 'examples/seed-denneman-5.1/dest.txt', '--migration', 'snapshots', '--format', 'json']);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).hosts.map((h: { name: string }) => h.name)).toHaveLength(2);
    await expectSame(['analyze', '--source', 'examples/bind0-6.7/esx-a.txt', '--format', 'markdown']);
    const bad = await expectSame(['analyze', '--source', 'examples/messy/not-esxi.txt']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/not-esxi\.txt/);
  });

  it('prints the usage and the version, and rejects a wrong option, as the sources do', async () => {
    expect((await expectSame(['--help'])).status).toBe(0);
    expect((await expectSame(['analyze', '--bogus'])).status).toBe(2);
    const version = await expectSame(['--version']);
    expect(version.stdout).toBe(`path-doctor ${JSON.parse(readFileSync('package.json', 'utf8')).version}\n`);
    expect((await expectSame(['analyze', '--version'])).status).toBe(2);
  });

  it('loads the chunks of flows, walk, explain and the HTML report', async () => {
    expect(JSON.parse((await expectSame(['flows', '--format', 'json'])).stdout)).toBeTruthy();
    await expectSame(['walk', 'vmotion-on-management', '--source', 'examples/bind0-6.7/esx-a.txt', '--dest', 'examples/bind0-6.7/esx-b.txt', '--format', 'json']);
    expect((await expectSame(['explain', 'VMOTION_EGRESS_MISMATCH'])).stdout).toMatch(/vmk/);
    const html = bin(['analyze', '--source', 'examples/bind0-6.7/esx-a.txt', '--format', 'html'], undefined);
    expect(html.status).toBe(1);
    expect(html.stdout).toMatch(/^<!doctype html>/i);
  });

  it('scans an estate from CSV and from an xlsx workbook (exceljs in the build) as the sources do', async () => {
    const files = Object.entries(estate50Files()).map(([name, text]) => {
      const p = join(dir, name);
      writeFileSync(p, text);
      return p;
    });
    const csv = await expectSame(['scan', ...files, '--format', 'json']);
    expect(JSON.parse(csv.stdout).summary.hosts).toBe(50);
    const wb = new ExcelJS.Workbook();
    for (const [tab, t] of Object.entries(rvtoolsTabs(estate50()))) wb.addWorksheet(tab).addRows([[...t.header], ...t.rows]);
    const xlsx = join(dir, 'RVTools_export.xlsx');
    await wb.xlsx.writeFile(xlsx);
    const fromXlsx = await expectSame(['scan', xlsx, '--format', 'json']);
    expect(JSON.parse(fromXlsx.stdout).summary.hosts).toBe(50);
  });

  it('reads a support bundle (the bundle reader chunk) as the sources do', async () => {
    const tgz = join(dir, 'esx21.tgz');
    writeFileSync(tgz, bundleA());
    const r = await expectSame(['bundle', tgz, '--format', 'json']);
    expect(r.status).toBe(0);
  });
});
