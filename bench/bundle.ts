/**
 * `npx tsx bench/bundle.ts [--mb 300] [--save FILE]`: reading a synthetic ESXi support bundle of about that many compressed MB
 * (mostly logs, and a large `vsi_traverse` output the reader skips), generated in memory, compared with merely
 * gunzipping the same bytes. Prints the time of each, their ratio, and the peak memory each adds.
 * Goals (issue 9): reading within 1.5x of gunzip; memory bounded by the reader's caps, not by the bundle's size.
 * The bundle comes from bench/support/bundle-generator.ts.
 */
import { writeFileSync } from 'node:fs';
import { gunzipChunks } from '../src/bundles/inflate.ts';
import { Budget, DEFAULT_LIMITS } from '../src/bundles/limits.ts';
import { bytesSource, readBundle } from '../src/bundles/index.ts';
import type { BundleReading } from '../src/bundles/index.ts';
import { generateBundle } from './support/bundle-generator.ts';

const MiB = 1024 * 1024;
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const TARGET = arg('mb', 300) * MiB;

// ---------------------------------------------------------------------------------------------------------------
// Measuring
// ---------------------------------------------------------------------------------------------------------------

function external(): number {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

async function measure<T>(run: () => Promise<T>): Promise<{ ms: number; peak: number; value: T }> {
  (globalThis as { gc?: () => void }).gc?.();
  const base = external();
  let peak = base;
  const timer = setInterval(() => {
    peak = Math.max(peak, external());
  }, 5);
  const start = performance.now();
  const value = await run();
  const ms = performance.now() - start;
  clearInterval(timer);
  peak = Math.max(peak, external());
  return { ms, peak: peak - base, value };
}

async function gunzipOnly(bytes: Uint8Array): Promise<number> {
  let n = 0;
  const budget = new Budget({ ...DEFAULT_LIMITS, maxTotalBytes: Number.MAX_SAFE_INTEGER });
  for await (const c of gunzipChunks(bytesSource('bench.tgz', bytes).chunks(), { member: 'bench.tgz', budget })) n += c.length;
  return n;
}

const mb = (n: number) => `${(n / MiB).toFixed(0)} MB`;

const gen = await measure(() => generateBundle(TARGET));
const { bytes, uncompressed, members } = gen.value;
console.log(`bundle: ${mb(bytes.length)} compressed, ${mb(uncompressed)} uncompressed, ${members} members (generated in ${(gen.ms / 1000).toFixed(1)} s)`);
// `--save FILE` keeps the generated bundle, e.g. to try `path-doctor bundle FILE` on it.
const save = process.argv.indexOf('--save');
if (save >= 0 && process.argv[save + 1]) writeFileSync(process.argv[save + 1]!, bytes);

const runs: { gunzip: number; read: number; gunzipPeak: number; readPeak: number; reading?: BundleReading }[] = [];
for (let i = 0; i < 2; i++) {
  const g = await measure(() => gunzipOnly(bytes));
  const r = await measure(() => readBundle(bytesSource('bench.tgz', bytes)));
  runs.push({ gunzip: g.ms, read: r.ms, gunzipPeak: g.peak, readPeak: r.peak, reading: r.value });
}
const best = (k: 'gunzip' | 'read') => Math.min(...runs.map((r) => r[k]));
const gunzipMs = best('gunzip');
const readMs = best('read');
const ratio = readMs / gunzipMs;
const reading = runs[0]?.reading;
const host = reading?.hosts[0];
const peak = Math.max(...runs.map((r) => r.readPeak));

console.log(`gunzip only:  ${(gunzipMs / 1000).toFixed(2)} s (${mb((uncompressed / gunzipMs) * 1000)}/s), peak +${mb(Math.max(...runs.map((r) => r.gunzipPeak)))}`);
console.log(`readBundle:   ${(readMs / 1000).toFixed(2)} s, peak +${mb(peak)}; host ${host?.name}, ${host?.recognised.length} outputs, ${host?.logs.filter((l) => l.scanned).length} logs scanned, ${host?.observed.length} past migrations`);
console.log(`ratio:        ${ratio.toFixed(2)}x gunzip (goal ≤ 1.5x) — ${ratio <= 1.5 ? 'met' : 'MISSED'}`);
console.log(
  `memory:       peak +${mb(peak)} while reading a ${mb(bytes.length)} bundle of ${mb(uncompressed)}; caps: ${mb(DEFAULT_LIMITS.maxKeptBytes)} kept, ` +
    `${mb(DEFAULT_LIMITS.maxMemberBytes)} per member — ${peak <= DEFAULT_LIMITS.maxKeptBytes + 64 * MiB ? 'bounded by the caps' : 'ABOVE the caps'}`,
);
if (reading && reading.problems.length > 0) console.log(`problems: ${reading.problems.map((p) => p.code).join(', ')}`);
