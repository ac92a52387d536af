/**
 * `npx tsx bench/bundle.ts [--mb 300] [--save FILE]`: reading a synthetic ESXi support bundle of about that many compressed MB
 * (mostly logs, and a large `vsi_traverse` output the reader skips), generated in memory, compared with merely
 * gunzipping the same bytes. Prints the time of each, their ratio, and the peak memory each adds.
 * Goals (issue 9): reading within 1.5x of gunzip; memory bounded by the reader's caps, not by the bundle's size.
 *
 * The content is random enough to compress like real ESXi text (about 4–6x); it is written with node:zlib level 1
 * only to keep the generation quick (inflate speed barely depends on the level).
 */
import { writeFileSync } from 'node:fs';
import { constants, createGzip } from 'node:zlib';
import { gunzipChunks } from '../src/bundles/inflate.ts';
import { Budget, DEFAULT_LIMITS } from '../src/bundles/limits.ts';
import { bytesSource, readBundle } from '../src/bundles/index.ts';
import type { BundleReading } from '../src/bundles/index.ts';
import { commandFiles, gzip, readExample, tarHeader } from '../src/bundles/test-support.ts';

const MiB = 1024 * 1024;
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const TARGET = arg('mb', 300) * MiB;
const PIECE = 16 * MiB;
const TOP = 'esx-esx21.lab.local-2024-05-03--09.30-2099871';

// ---------------------------------------------------------------------------------------------------------------
// Synthetic text (xorshift PRNG: fast and reproducible)
// ---------------------------------------------------------------------------------------------------------------

let seed = 0x9e3779b9;
function rand(): number {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return seed >>> 0;
}
const hex = (n: number) => (rand() % n).toString(16);
const enc = new TextEncoder();

const SUBSYSTEMS = ['NetPort', 'Vol3', 'ScsiDeviceIO', 'NMP', 'HBX', 'Tcpip_Vmk', 'vmw_ahci', 'VSCSI', 'Uplink', 'CpuSched'];
let clock = Date.parse('2024-04-01T00:00:00Z');
let migration = 0;

function vmkernelLine(): string {
  clock += rand() % 900;
  const t = new Date(clock).toISOString();
  if (rand() % 50_000 === 0) {
    migration++;
    return `${t} In(182) vmkernel: cpu${rand() % 64}:${2_100_000 + (rand() % 90_000)} opID=${hex(0xffffffff)})Migrate: 314: vmotion: Source vmmLeaderID = ${2_100_000 + migration}, ts = ${7_182_955_985_600_000_000n + BigInt(migration)}, srcIP = <172.16.10.${migration % 2 ? 21 : 121}> dstIP = <172.16.10.122> Dest wid = ${2_200_000 + migration} using SHARED swap, encrypted`;
  }
  const s = SUBSYSTEMS[rand() % SUBSYSTEMS.length];
  return `${t} In(182) vmkernel: cpu${rand() % 64}:${2_097_000 + (rand() % 9000)})${s}: ${rand() % 5000}: port 0x${hex(0xfffffff)} world ${rand() % 10_000_000} status 0x${hex(0xffff)} bytes ${rand() % 1_000_000}`;
}

function hostdLine(): string {
  clock += rand() % 900;
  return `${new Date(clock).toISOString()} In(166) Hostd[${2_099_000 + (rand() % 999)}]: [Originator@6876 sub=Vimsvc.TaskManager opID=${hex(0xffffffff)}-${hex(0xffff)}] Task Completed : haTask-${rand() % 1000}-vim.HostSystem.retrieveInternalCapability-${rand() % 10_000_000} Status success`;
}

function vsiLine(): string {
  return `   /net/pNics/vmnic${rand() % 8}/stats/queue${rand() % 16}/> rxpkt:${rand()} txpkt:${rand()} rxbytes:${rand()} txbytes:${rand()} drops:${rand() % 100}`;
}

function text(bytes: number, line: () => string): Uint8Array {
  const out = new Uint8Array(bytes);
  let at = 0;
  let batch: string[] = [];
  let size = 0;
  const flush = () => {
    const chunk = enc.encode(batch.join('\n') + '\n');
    const n = Math.min(chunk.length, bytes - at);
    out.set(chunk.subarray(0, n), at);
    at += n;
    batch = [];
    size = 0;
  };
  while (at < bytes) {
    const l = line();
    batch.push(l);
    size += l.length + 1;
    if (size > 256 * 1024) flush();
  }
  if (batch.length > 0 && at < bytes) flush();
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// The bundle: tar members written straight into a gzip stream
// ---------------------------------------------------------------------------------------------------------------

async function generate(): Promise<{ bytes: Uint8Array; uncompressed: number; members: number }> {
  const gz = createGzip({ level: 1, chunkSize: 1024 * 1024, strategy: constants.Z_DEFAULT_STRATEGY });
  const parts: Buffer[] = [];
  let compressed = 0;
  gz.on('data', (b: Buffer) => {
    parts.push(b);
    compressed += b.length;
  });
  let uncompressed = 0;
  let members = 0;
  const write = (b: Uint8Array) =>
    new Promise<void>((resolve) => {
      uncompressed += b.length;
      if (gz.write(b)) resolve();
      else gz.once('drain', resolve);
    });
  const add = async (path: string, body: Uint8Array) => {
    members++;
    await write(tarHeader(`${TOP}/${path}`, body.length, '0'));
    await write(body);
    const pad = (512 - (body.length % 512)) % 512;
    if (pad > 0) await write(new Uint8Array(pad));
  };
  await write(tarHeader(`${TOP}/`, 0, '5'));
  await write(tarHeader(`${TOP}/etc/vmware/vm-support/`, 0, '5'));
  for (const [path, body] of Object.entries(commandFiles(readExample('modern-7.0u3-same-subnet/esx-a.txt')))) await add(path, enc.encode(body));
  await add('README', enc.encode('Command line: /bin/vm-support\nOptions: all\n'));
  // Rotated logs: gzip files inside the tgz, inflated by the reader only while its log budget lasts.
  for (let r = 0; r < 8; r++) await add(`var/run/log/vmkernel.${r}.gz`, gzip(text(4 * MiB, vmkernelLine)));
  let piece = 0;
  while (compressed < TARGET) {
    const n = String(piece).padStart(5, '0');
    // About half the bundle is the VSI dump the reader skips, the rest logs it scans.
    await add(`commands/vsi_traverse_-s.txt.FRAG-${n}`, text(PIECE, vsiLine));
    await add(`var/run/log/vmkernel.log.FRAG-${n}`, text(PIECE * 0.6, vmkernelLine));
    await add(`var/run/log/hostd.log.FRAG-${n}`, text(PIECE * 0.3, hostdLine));
    piece++;
    await new Promise((r) => setImmediate(r));
  }
  await write(new Uint8Array(1024));
  await new Promise<void>((resolve) => gz.end(resolve));
  const bytes = new Uint8Array(compressed);
  let at = 0;
  for (const p of parts) {
    bytes.set(p, at);
    at += p.length;
  }
  parts.length = 0;
  return { bytes, uncompressed, members };
}

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

const gen = await measure(generate);
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
