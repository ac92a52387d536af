/**
 * `npm run bench`: parse + analyse time per host for a generated paste of 1 host and of 500 hosts, compared with
 * merely reading the same bytes (splitting into lines), so the figures mean something on any machine.
 * Goals (issue: path-analysis core): one host well under 5 ms; cost per host flat from 1 to 500 hosts.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { analyze } from '../src/core/analyze.ts';
import { loadEvidence } from '../src/parsers/index.ts';
import { estatePaste } from './generate.ts';

function time(fn: () => void, minMs = 300): number {
  // Warm up, then repeat until the sample is long enough to be stable; returns ms per run.
  fn();
  let runs = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    fn();
    runs++;
    elapsed = performance.now() - start;
  } while (elapsed < minMs);
  return elapsed / runs;
}

function measure(hosts: number) {
  const text = estatePaste(hosts);
  const bytes = new TextEncoder().encode(text);
  const readOnly = time(() => {
    const lines = new TextDecoder().decode(bytes).split(/\r?\n/);
    if (lines.length === 0) throw new Error('unreachable');
  });
  let hostCount = 0;
  const parseAndAnalyse = time(() => {
    const loaded = loadEvidence([{ file: 'bench.txt', text: new TextDecoder().decode(bytes), defaultHost: 'bench' }]);
    if (!loaded.ok) throw new Error(loaded.error.message);
    hostCount = loaded.hosts.length;
    for (const h of loaded.hosts) analyze({ source: h, migration: 'snapshots' });
  });
  return { hosts, hostCount, bytes: bytes.length, readOnly, parseAndAnalyse };
}

const rows = [measure(1), measure(500)];
console.log('vMotion Path Doctor benchmark (parse + analyse, generated 7.0 sessions)');
console.log(`node ${process.version}`);
for (const r of rows) {
  if (r.hostCount !== r.hosts) throw new Error(`expected ${r.hosts} hosts, parsed ${r.hostCount}`);
  console.log(
    `${String(r.hosts).padStart(4)} host(s), ${(r.bytes / 1024).toFixed(1).padStart(7)} KiB: ` +
      `parse+analyse ${r.parseAndAnalyse.toFixed(3)} ms total, ${(r.parseAndAnalyse / r.hosts).toFixed(3)} ms/host; ` +
      `reading the bytes ${r.readOnly.toFixed(3)} ms; ratio ${(r.parseAndAnalyse / r.readOnly).toFixed(1)}x`,
  );
}
const [one, many] = rows as [(typeof rows)[0], (typeof rows)[0]];
console.log(`per-host cost 500 vs 1: ${(many.parseAndAnalyse / many.hosts / one.parseAndAnalyse).toFixed(2)}x (1.00 = perfectly linear)`);
console.log(`goal: one host well under 5 ms — ${one.parseAndAnalyse < 5 ? 'met' : 'NOT met'} (${one.parseAndAnalyse.toFixed(3)} ms)`);

// Throughput on big pastes (a support bundle's worth of text), and that it stays linear in the size.
for (const hosts of [2000, 8000]) {
  const text = estatePaste(hosts);
  const t0 = performance.now();
  const loaded = loadEvidence([{ file: 'big.txt', text, defaultHost: 'big' }]);
  const ms = performance.now() - t0;
  if (!loaded.ok || loaded.hosts.length !== hosts) throw new Error('large paste not read whole');
  const mb = text.length / 1024 / 1024;
  console.log(`large paste: ${mb.toFixed(1)} MiB (${hosts} hosts) parsed in ${ms.toFixed(0)} ms = ${(mb / (ms / 1000)).toFixed(2)} MiB/s`);
}

// Peak memory of a 60 MB paste, each shape in its own process (issue 17). Goal: under 1 GiB (1024 MiB).
const PEAK_GOAL_MIB = 1024;
for (const shape of ['multi', 'flat', 'line']) {
  const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./paste-memory.ts', import.meta.url)), shape], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  const line = child.stdout.trim().split('\n').pop() ?? '';
  let r: { shape: string; mib: number; hosts?: number; error?: string; ms: number; peakMiB: number };
  try {
    r = JSON.parse(line);
  } catch {
    console.log(`60 MB paste (${shape}): measurement failed: ${child.stderr.slice(0, 300)}`);
    continue;
  }
  console.log(
    `60 MB paste (${r.shape}, ${r.mib} MiB, ${r.hosts !== undefined ? `${r.hosts} hosts` : r.error}): ${r.ms} ms, peak ${r.peakMiB} MiB; ` +
      `goal under ${PEAK_GOAL_MIB} MiB — ${r.peakMiB < PEAK_GOAL_MIB ? 'met' : 'NOT met'}`,
  );
}
