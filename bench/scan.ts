/**
 * `npx tsx bench/scan.ts` (wired into `npm run bench`): the whole-estate scan on generated estates of 100, 1,000 and
 * 5,000 hosts (clusters of 8–32, 4–6 vmknics, mixed versions and faults; src/imports/test-support/estate-generator.ts)
 * exported as RVTools per-tab CSV, as an RVTools xlsx workbook (with a VM tab to skip) and as PowerCLI CSV.
 *
 * Each measurement runs in a fresh Node process (as the CLI would: cold JIT), from reading the files to the finished
 * scan result, and reports its time, the process's peak RSS, and the ratio to the floor: the same process merely
 * reading the same files and splitting them into lines and fields (for xlsx: streaming its sheets into rows with
 * exceljs). Median of RUNS. Goals (issue 8): 5,000 hosts from CSV under 1 s and within 3× the floor, xlsx under
 * 5 s, memory growing linearly and under 500 MB at 5,000 hosts.
 * `--mixed` varies version, vmknic layout and BindToVmknic host by host inside each cluster (the worst case for
 * the scan's memo). For the CSV inputs it also times the two CSV readers alone on the same files — the scanner the
 * scan uses and csv-parse (same answers: src/imports/csv.test.ts) — which is why the scan does not use csv-parse.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { scanEstateWithStats } from '../src/core/estate/index.ts';
import { readCsv } from '../src/imports/csv.ts';
import { readCsvWithLibrary } from '../src/imports/csv-library.ts';
import { decodeText } from '../src/imports/decode.ts';
import { canonicalTab, slimWorkbook, USED_TABS } from '../src/imports/index.ts';
import { benchEstate, powercliBindCsv, powercliVmkCsv, rvtoolsCsv, rvtoolsTabs } from '../src/imports/test-support/estate-generator.ts';
import type { GenHost } from '../src/imports/test-support/estate-generator.ts';
import { readEstate } from '../src/node/read-estate.ts';
import { readWorkbookTables } from '../src/node/xlsx.ts';
import { writeRvtoolsXlsx } from './support/rvtools-xlsx.ts';

const SIZES = [100, 1000, 5000];
const RUNS = Number(process.env['BENCH_RUNS'] ?? 5);

type Mode = 'scan' | 'floor' | 'scanner' | 'csv-parse';
interface Measure {
  readonly ms: number;
  /** CPU time of the process (all threads, GC included): steadier than wall time on a shared machine. */
  readonly cpuMs: number;
  readonly maxRssMb: number;
  readonly hosts: number;
  readonly pairs: number;
  readonly hostAnalyses: number;
  readonly pairAnalyses: number;
}

// ---------------------------------------------------------------------------------------------------------------
// Child: one measurement, printed as JSON.

async function child(mode: Mode, kind: string, files: string[]): Promise<void> {
  const start = performance.now();
  const cpu0 = process.cpuUsage();
  let out: Omit<Measure, 'ms' | 'cpuMs' | 'maxRssMb'> = { hosts: 0, pairs: 0, hostAnalyses: 0, pairAnalyses: 0 };
  if (mode === 'floor') {
    let count = 0;
    if (kind === 'xlsx') {
      for (const f of files) {
        // The same path as the scan: the slim copy of the used sheets, streamed into rows by exceljs.
        const bytes = new Uint8Array(readFileSync(f));
        const slim = slimWorkbook(bytes, (sheet) => (USED_TABS as readonly string[]).includes(canonicalTab(sheet) ?? ''));
        const { sheets } = await readWorkbookTables(f, slim.ok ? slim.bytes : bytes);
        for (const s of sheets) for (const r of s.table.rows()) count += r.cells.length;
      }
    } else {
      for (const f of files) for (const line of new TextDecoder().decode(readFileSync(f)).split('\n')) count += line.split(',').length;
    }
    out = { ...out, hosts: count > 0 ? 0 : -1 };
  } else if (mode === 'scanner' || mode === 'csv-parse') {
    // A CSV reader alone: decode and read every row of every file, nothing else.
    const read = mode === 'scanner' ? readCsv : readCsvWithLibrary;
    let count = 0;
    for (const f of files) {
      const d = decodeText(f, new Uint8Array(readFileSync(f)));
      if (!d.ok) throw new Error(d.message);
      const t = read(f, d.text);
      if (!t.ok) throw new Error(t.message);
      for (const r of t.table.rows()) count += r.cells.length;
    }
    out = { ...out, hosts: count > 0 ? 0 : -1 };
  } else {
    const imported = await readEstate(files);
    if (!imported.ok) throw new Error(imported.error.message);
    const { result, stats } = scanEstateWithStats({ hosts: imported.hosts, sources: imported.sources, warnings: imported.warnings });
    out = { hosts: result.summary.hosts, pairs: result.summary.pairsChecked / 2, hostAnalyses: stats.hostAnalyses, pairAnalyses: stats.pairAnalyses };
  }
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpu0);
  process.stdout.write(`${JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, maxRssMb: process.resourceUsage().maxRSS / 1024, ...out })}\n`);
}

// ---------------------------------------------------------------------------------------------------------------
// Parent: generate, measure, report.

function run(mode: Mode, kind: string, files: string[]): Measure & { readonly processMs: number } {
  const started = performance.now();
  const r = spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename, '--child', mode, kind, ...files], {
    encoding: 'utf8',
    env: process.env,
    maxBuffer: 1 << 20,
  });
  const processMs = performance.now() - started;
  if (r.status !== 0) throw new Error(`child failed (${mode} ${kind}): ${r.stderr}`);
  return { ...(JSON.parse(r.stdout.trim().split('\n').pop()!) as Measure), processMs };
}

function median<T>(xs: T[], key: (x: T) => number): T {
  return [...xs].sort((a, b) => key(a) - key(b))[Math.floor(xs.length / 2)]!;
}

async function main(): Promise<void> {
  const mixed = process.argv.includes('--mixed');
  const dir = mkdtempSync(join(tmpdir(), 'vpd-bench-scan-'));
  try {
    console.log(`vMotion Path Doctor — estate scan benchmark (node ${process.version}, ${RUNS} runs each, fresh process per run, median)`);
    console.log(`load average at start: ${loadavg().map((x) => x.toFixed(1)).join(' ')} (figures are only comparable on an idle machine)`);
    console.log(`estates: clusters of 8/16/32, 4-6 vmknics, 4 ESXi versions, faults; ${mixed ? 'versions and layouts mixed host by host (worst case)' : 'one version and layout per cluster, faults per host'}`);
    console.log('');
    console.log('scan ms: reading the files to the finished result, in the process (cpu: all threads); floor: reading and');
    console.log('splitting the same files; process: the whole process, start-up (node + tsx) included, as the domain notes measure it.');
    console.log('');
    console.log('hosts  input         files MB  scan ms (cpu)  floor ms  ratio  process ms scan/floor  ratio  peak RSS MB  analyses (hosts/pairs)  pairs checked');
    const readers: string[] = [];
    for (const n of SIZES) {
      const hosts = benchEstate(n, { mixed });
      const base = join(dir, String(n));
      const csvFiles = Object.entries(rvtoolsCsv(hosts)).map(([name, text]) => {
        const p = `${base}-${name}`;
        writeFileSync(p, text);
        return p;
      });
      const vmk = `${base}-powercli-vmk.csv`;
      const bind = `${base}-powercli-bind.csv`;
      writeFileSync(vmk, powercliVmkCsv(hosts));
      writeFileSync(bind, powercliBindCsv(hosts));
      const xlsx = `${base}-RVTools.xlsx`;
      await writeRvtoolsXlsx(xlsx, hosts);
      const inputs: [string, string, string[]][] = [
        ['RVTools CSV', 'csv', csvFiles],
        ['RVTools xlsx', 'xlsx', [xlsx]],
        ['PowerCLI CSV', 'csv', [vmk, bind]],
        ['RVTools+PowerCLI', 'csv', [...csvFiles, vmk, bind]],
      ];
      for (const [label, kind, files] of inputs) {
        const bytes = files.reduce((s, f) => s + readFileSync(f).length, 0);
        const scans = Array.from({ length: RUNS }, () => run('scan', kind, files));
        const floors = Array.from({ length: RUNS }, () => run('floor', kind, files));
        const s = median(scans, (x) => x.ms);
        const f = median(floors, (x) => x.ms);
        const rss = Math.max(...scans.map((x) => x.maxRssMb));
        console.log(
          `${String(n).padStart(5)}  ${label.padEnd(16)} ${(bytes / 1e6).toFixed(1).padStart(6)}  ${s.ms.toFixed(0).padStart(7)} ${`(${s.cpuMs.toFixed(0)})`.padStart(6)}  ${f.ms.toFixed(0).padStart(8)}  ${(s.ms / f.ms).toFixed(1).padStart(5)}  ${`${median(scans, (x) => x.processMs).processMs.toFixed(0)}/${median(floors, (x) => x.processMs).processMs.toFixed(0)}`.padStart(21)}  ${(median(scans, (x) => x.processMs).processMs / median(floors, (x) => x.processMs).processMs).toFixed(1).padStart(5)}  ${rss.toFixed(0).padStart(11)}  ${`${s.hostAnalyses}/${s.pairAnalyses}`.padStart(22)}  ${String(s.pairs).padStart(13)}`,
        );
        if (kind === 'csv' && label === 'RVTools CSV') {
          const scanner = median(Array.from({ length: RUNS }, () => run('scanner', kind, files)), (x) => x.ms);
          const lib = median(Array.from({ length: RUNS }, () => run('csv-parse', kind, files)), (x) => x.ms);
          readers.push(`${String(n).padStart(5)}  scanner ${scanner.ms.toFixed(0)} ms (${(scanner.ms / f.ms).toFixed(1)}x floor), csv-parse ${lib.ms.toFixed(0)} ms (${(lib.ms / f.ms).toFixed(1)}x floor)`);
        }
      }
    }
    console.log('');
    console.log('CSV readers alone on the RVTools CSV files (decode + read every row; same answers, csv.test.ts):');
    for (const line of readers) console.log(line);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') {
  await child(process.argv[3] as Mode, process.argv[4]!, process.argv.slice(5));
} else {
  await main();
}
