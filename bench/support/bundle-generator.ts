/**
 * A synthetic ESXi support bundle of about `target` compressed bytes (bench/bundle.ts, bench/web-app.ts): the
 * outputs of a real-format example session, rotated logs, and FRAG pieces of logs the reader scans and of a large
 * `vsi_traverse` output it skips. The text is random enough to compress like real ESXi text (about 4–6x); it is
 * written with node:zlib level 1 only to keep the generation quick (inflate speed barely depends on the level).
 */
import { constants, createGzip } from 'node:zlib';
import { commandFiles, gzip, readExample, tarHeader } from '../../src/bundles/test-support.ts';

const MiB = 1024 * 1024;
const PIECE = 16 * MiB;
export const BUNDLE_TOP = 'esx-esx21.lab.local-2024-05-03--09.30-2099871';
const TOP = BUNDLE_TOP;

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

export async function generateBundle(target: number): Promise<{ bytes: Uint8Array; uncompressed: number; members: number }> {
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
  while (compressed < target) {
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

