/**
 * `npm run bench` (bench/cli.ts): the `path-doctor` CLI as a user runs it — whole processes of the bin exactly as
 * installed (`node bin/path-doctor.mjs …`, the build in out/cli), each paired in the same run with a floor of plain
 * Node (no tsx): `node -e 0` for start-up, and for the commands Node merely reading the same files and splitting them
 * into lines and fields (bench/support/floor.mjs). Runs alternate between the command and its floor, one warm-up
 * each, then BENCH_RUNS (5) each; medians of wall time and of CPU time (user + system, from GNU time where there is
 * one), and the command's peak RSS. On a shared machine the wall times move with the load; the ratios, measured
 * side by side, are what the goals are about, and the CPU columns show them with most of the load taken out.
 *
 * Goals (issue 18):
 *   --help                                       ≤ 2× node -e 0
 *   analyze of a host pair (Denneman 5.1), JSON  ≤ 2.5× the floor on the same two files
 *   scan 5,000 hosts, RVTools 4 tabs + PowerCLI  ≤ 1.0 s, ≤ 2× the floor on the same six files, JSON written to
 *   (vmknics, BindToVmknic), JSON                   a file, peak RSS ≤ 250 MB
 *   scan 50,000 hosts (the cap), same files      ≤ 10 s, ≤ 2 GB, time and memory per host not growing from 5,000
 * `--quick` leaves out the 50,000-host scan (its files are ≈ 210 MB).
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCli, isStale } from '../tools/build-cli.mjs';
import { benchEstate, powercliBindCsv, powercliVmkCsv, rvtoolsCsv } from '../src/imports/test-support/estate-generator.ts';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 5);
const BIN = 'bin/path-doctor.mjs';
const FLOOR = 'bench/support/floor.mjs';
const PAIR = ['examples/seed-denneman-5.1/source.txt', 'examples/seed-denneman-5.1/dest.txt'];
/** Peak memory of the warm-up run: GNU time where there is one, else the process's own report at exit. */
const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const RSS_PRELOAD = 'data:text/javascript,process.on("exit",()=>process.stderr.write(`\\nmaxrss-kb ${process.resourceUsage().maxRSS}\\n`))';

interface Run {
  readonly ms: number;
  /** CPU time (user + system) of the process: far steadier than wall time on a shared machine. NaN without GNU time. */
  readonly cpuMs: number;
  readonly rssMb: number;
  readonly status: number | null;
}

/**
 * One whole process, standard output to a file when `out` is given (what `> out.json` does: the CLI writes every
 * byte), else discarded. Under GNU time where there is one (its own start costs both sides the same), which reports
 * CPU time and peak memory; else the process reports its peak memory at exit (RSS_PRELOAD).
 */
function run(args: readonly string[], out?: string): Run {
  const fd = out ? openSync(out, 'w') : 'ignore';
  try {
    const [cmd, pre] = GNU_TIME ? [GNU_TIME, ['-f', 'vpd-cpu %U %S maxrss-kb %M', process.execPath]] : [process.execPath, ['--import', RSS_PRELOAD]];
    const started = performance.now();
    const r = spawnSync(cmd, [...pre, ...args], { stdio: ['ignore', fd, 'pipe'], encoding: 'utf8', maxBuffer: 1 << 20 });
    const ms = performance.now() - started;
    const cpu = /vpd-cpu ([\d.]+) ([\d.]+)/.exec(r.stderr);
    const rss = /maxrss-kb (\d+)/.exec(r.stderr);
    if (r.status === 2) console.log(`  (exit 2: ${r.stderr.split('\n')[0]})`);
    return { ms, cpuMs: cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : Number.NaN, rssMb: rss ? Number(rss[1]) / 1024 : Number.NaN, status: r.status };
  } finally {
    if (typeof fd === 'number') closeSync(fd);
  }
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

interface Paired {
  readonly ms: number;
  readonly floorMs: number;
  readonly cpuMs: number;
  readonly floorCpuMs: number;
  /** The command's peak RSS, the largest of its runs. */
  readonly rssMb: number;
  readonly status: number | null;
}

/** The command and its floor alternately: a warm-up each, then RUNS each, medians. */
function paired(command: readonly string[], floor: readonly string[], out?: string): Paired {
  const warm = run(command, out);
  run(floor);
  const runs: Run[] = [];
  const floors: Run[] = [];
  for (let i = 0; i < RUNS; i++) {
    runs.push(run(command, out));
    floors.push(run(floor));
  }
  return {
    ms: median(runs.map((r) => r.ms)),
    floorMs: median(floors.map((r) => r.ms)),
    cpuMs: median(runs.map((r) => r.cpuMs)),
    floorCpuMs: median(floors.map((r) => r.cpuMs)),
    rssMb: Math.max(warm.rssMb, ...runs.map((r) => r.rssMb)),
    status: runs[runs.length - 1]!.status,
  };
}

interface Goal {
  readonly what: string;
  readonly measured: string;
  readonly limit: string;
  /** measured / limit: ≤ 1 passes. */
  readonly share: number;
}

const goals: Goal[] = [];

function goal(what: string, value: number, limit: number, unit: string, format: (x: number) => string): void {
  goals.push({ what, measured: `${format(value)}${unit}`, limit: `≤ ${format(limit)}${unit}`, share: value / limit });
}

const sec = (ms: number) => (ms / 1000).toFixed(2);
const times = (x: number) => x.toFixed(2);
const mb = (x: number) => x.toFixed(0);

function writeEstate(dir: string, n: number): string[] {
  const hosts = benchEstate(n);
  const files = Object.entries(rvtoolsCsv(hosts)).map(([name, text]) => {
    const p = join(dir, `${n}-${name}`);
    writeFileSync(p, text);
    return p;
  });
  for (const [name, text] of [
    ['vmk-adapters.csv', powercliVmkCsv(hosts)],
    ['bind-to-vmknic.csv', powercliBindCsv(hosts)],
  ] as const) {
    const p = join(dir, `${n}-${name}`);
    writeFileSync(p, text);
    files.push(p);
  }
  return files;
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  if (isStale()) await buildCli({ quiet: true });
  const dir = mkdtempSync(join(tmpdir(), 'vpd-bench-cli-'));
  const load0 = loadavg();
  try {
    console.log(`vMotion Path Doctor — the CLI as users run it (node ${process.version}, ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${new Date().toISOString().slice(0, 10)})`);
    console.log(`whole processes of node ${BIN} (the build in out/cli), each beside its plain-Node floor; 1 warm-up + ${RUNS} runs each, alternating; medians`);
    console.log('time: wall clock (the goals); cpu: user + system time of the process (steadier on a loaded machine)');
    console.log('');
    console.log(`${'run'.padEnd(44)} ${'time'.padStart(9)} ${'floor'.padStart(9)} ${'ratio'.padStart(7)}  ${'cpu'.padStart(9)} ${'floor'.padStart(9)} ${'ratio'.padStart(7)} ${'peak RSS'.padStart(11)}`);
    // Each row as soon as it is measured: the 50,000-host runs take minutes on a loaded machine.
    const row = (label: string, p: Paired, extra = '') =>
      console.log(
        `${label.padEnd(44)} ${sec(p.ms).padStart(7)} s ${sec(p.floorMs).padStart(7)} s ${times(p.ms / p.floorMs).padStart(6)}×  ${sec(p.cpuMs).padStart(7)} s ${sec(p.floorCpuMs).padStart(7)} s ${times(p.cpuMs / p.floorCpuMs).padStart(6)}× ${mb(p.rssMb).padStart(8)} MB  exit ${p.status}${extra}`,
      );

    const help = paired([BIN, '--help'], ['-e', '0']);
    row('--help  (floor: node -e 0)', help);
    goal('--help ≤ 2× node -e 0', help.ms / help.floorMs, 2, '×', times);

    const analyze = paired([BIN, 'analyze', '--source', PAIR[0]!, '--dest', PAIR[1]!, '--migration', 'snapshots', '--format', 'json'], [FLOOR, ...PAIR], join(dir, 'analyze.json'));
    row('analyze Denneman 5.1 pair, JSON', analyze);
    goal('analyze of a host pair ≤ 2.5× the floor', analyze.ms / analyze.floorMs, 2.5, '×', times);

    const sizes = quick ? [5000] : [5000, 50000];
    const scans = new Map<number, Paired>();
    for (const n of sizes) {
      const files = writeEstate(dir, n);
      const bytes = files.reduce((s, f) => s + statSync(f).size, 0);
      const out = join(dir, `scan-${n}.json`);
      const p = paired([BIN, 'scan', ...files, '--format', 'json'], [FLOOR, ...files], out);
      scans.set(n, p);
      row(`scan ${n.toLocaleString('en-US')} hosts, 6 files ${(bytes / 1e6).toFixed(0)} MB, JSON`, p, `, ${(statSync(out).size / 1e6).toFixed(0)} MB written`);
      rmSync(out, { force: true });
      for (const f of files) rmSync(f, { force: true });
    }
    const s5 = scans.get(5000)!;
    goal('scan 5,000 hosts ≤ 1.0 s', s5.ms, 1000, ' s', sec);
    goal('scan 5,000 hosts ≤ 2× the floor', s5.ms / s5.floorMs, 2, '×', times);
    goal('scan 5,000 hosts peak RSS ≤ 250 MB', s5.rssMb, 250, ' MB', mb);
    const s50 = scans.get(50000);
    if (s50) {
      goal('scan 50,000 hosts ≤ 10 s', s50.ms, 10_000, ' s', sec);
      goal('scan 50,000 hosts peak RSS ≤ 2 GB', s50.rssMb, 2048, ' MB', mb);
      // Linear: ten times the hosts may cost ten times (start-up and fixed costs make it less), never more.
      goal('scan time per host, 50,000 vs 5,000', s50.ms / s5.ms / 10, 1, '×', times);
      goal('scan memory per host, 50,000 vs 5,000', s50.rssMb / s5.rssMb / 10, 1, '×', times);
    }

    console.log('');
    console.log(`${'goal'.padEnd(44)} ${'measured'.padStart(10)} ${'limit'.padStart(12)}  result`);
    for (const g of goals) {
      const verdict = g.share <= 1 ? 'PASS' : `MISS by ${((g.share - 1) * 100).toFixed(0)}% (${g.measured} against ${g.limit.slice(2)})`;
      console.log(`${g.what.padEnd(44)} ${g.measured.padStart(10)} ${g.limit.padStart(12)}  ${verdict}`);
    }
    console.log('');
    console.log(`load average at start ${load0.map((x) => x.toFixed(1)).join(' ')}, at end ${loadavg().map((x) => x.toFixed(1)).join(' ')} (figures are comparable only on an idle machine; ratios less affected)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
