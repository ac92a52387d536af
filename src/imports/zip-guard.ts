/**
 * Zip-bomb guard for xlsx workbooks, run before any xlsx library opens the file (issue 8, "hardened"). An xlsx is
 * a zip; the reader inflates every entry, keeps sharedStrings in memory and may spool sheets to temporary files, so
 * a small file that inflates to gigabytes would exhaust memory or disk. From the central directory (no inflation):
 * caps on the number of entries, each entry's and the total uncompressed size, and the compression ratio; only
 * stored and deflated entries, none encrypted. A central directory can lie about sizes, so where an entry's worst
 * case (deflate expands at most 1032:1) could break a cap, it is inflated here with a counter that stops at the
 * declared size: the sizes the caps were checked against are then true. Pure (fflate), bounded memory.
 */
import { Inflate } from 'fflate';

export interface ZipLimits {
  readonly maxEntries: number;
  readonly maxEntryBytes: number;
  readonly maxTotalBytes: number;
  /** Uncompressed / compressed, checked for entries above `ratioFloorBytes`. */
  readonly maxRatio: number;
  readonly ratioFloorBytes: number;
}

/** A 40,000-VM RVTools workbook inflates to a few hundred MB in ~70 entries; these caps are far above that. */
export const ZIP_LIMITS: ZipLimits = {
  maxEntries: 10_000,
  maxEntryBytes: 1024 * 1024 * 1024,
  maxTotalBytes: 2 * 1024 * 1024 * 1024,
  maxRatio: 250,
  ratioFloorBytes: 1024 * 1024,
};

/** DEFLATE's largest possible expansion (258-byte matches coded in ~2 bits). */
const DEFLATE_MAX_RATIO = 1032;

export type ZipInspection =
  | { readonly ok: true; readonly entries: number; readonly uncompressedBytes: number; readonly verifiedEntries: number }
  | { readonly ok: false; readonly reason: string };

interface Entry {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly compressed: number;
  readonly uncompressed: number;
  readonly localOffset: number;
}

function u16(b: Uint8Array, at: number): number {
  return b[at]! | (b[at + 1]! << 8);
}
function u32(b: Uint8Array, at: number): number {
  return (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
}
function u64(b: Uint8Array, at: number): number {
  // Sizes above 2^53 are refused anyway; Number keeps them as "huge".
  return u32(b, at) + u32(b, at + 4) * 0x1_0000_0000;
}

function mib(n: number): string {
  if (n < 1024 * 1024) return `${Math.round(n / 1024)} KiB`;
  return `${(n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MiB`;
}

function fail(reason: string): ZipInspection {
  return { ok: false, reason };
}

function findEocd(b: Uint8Array): number {
  const min = Math.max(0, b.length - 22 - 0xffff);
  for (let i = b.length - 22; i >= min; i--) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 0x05 && b[i + 3] === 0x06) return i;
  }
  return -1;
}

function readEntries(b: Uint8Array, limits: ZipLimits): Entry[] | string {
  const eocd = findEocd(b);
  if (eocd < 0) return 'it is not a zip file (no end-of-central-directory record), so not an xlsx workbook';
  let count = u16(b, eocd + 10);
  let cdSize = u32(b, eocd + 12);
  let cdOffset = u32(b, eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    // ZIP64: the locator sits just before the EOCD and points at the ZIP64 EOCD record.
    const loc = eocd - 20;
    if (loc < 0 || u32(b, loc) !== 0x07064b50) return 'its ZIP64 directory is missing or damaged';
    const z = u64(b, loc + 8);
    if (z + 56 > b.length || u32(b, z) !== 0x06064b50) return 'its ZIP64 directory is missing or damaged';
    count = u64(b, z + 32);
    cdSize = u64(b, z + 40);
    cdOffset = u64(b, z + 48);
  }
  if (count > limits.maxEntries) return `it has ${count} entries (at most ${limits.maxEntries} are accepted)`;
  if (cdOffset + cdSize > b.length) return 'its central directory points beyond the end of the file (truncated or damaged)';
  const entries: Entry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > b.length || u32(b, p) !== 0x02014b50) return `its central directory is damaged at entry ${i + 1}`;
    const flags = u16(b, p + 8);
    const method = u16(b, p + 10);
    let compressed = u32(b, p + 20);
    let uncompressed = u32(b, p + 24);
    const nameLen = u16(b, p + 28);
    const extraLen = u16(b, p + 30);
    const commentLen = u16(b, p + 32);
    let localOffset = u32(b, p + 42);
    const name = new TextDecoder().decode(b.subarray(p + 46, Math.min(b.length, p + 46 + nameLen)));
    // ZIP64 extra field (id 1): the 64-bit values of the fields that are 0xFFFFFFFF, in this order.
    let e = p + 46 + nameLen;
    const end = Math.min(b.length, e + extraLen);
    while (e + 4 <= end) {
      const id = u16(b, e);
      const size = u16(b, e + 2);
      if (id === 1) {
        let q = e + 4;
        if (uncompressed === 0xffffffff && q + 8 <= end) (uncompressed = u64(b, q)), (q += 8);
        if (compressed === 0xffffffff && q + 8 <= end) (compressed = u64(b, q)), (q += 8);
        if (localOffset === 0xffffffff && q + 8 <= end) localOffset = u64(b, q);
      }
      e += 4 + size;
    }
    entries.push({ name, method, flags, compressed, uncompressed, localOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** Inflates one entry, counting, and stops past `limit` bytes: returns the true size, or undefined when over. */
function trueSize(b: Uint8Array, entry: Entry, limit: number): number | 'damaged' | 'over' {
  const h = entry.localOffset;
  if (h + 30 > b.length || u32(b, h) !== 0x04034b50) return 'damaged';
  const start = h + 30 + u16(b, h + 26) + u16(b, h + 28);
  const stop = start + entry.compressed;
  if (stop > b.length) return 'damaged';
  if (entry.method === 0) return entry.compressed;
  let total = 0;
  let over = false;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > limit) over = true;
  });
  const STEP = 16 * 1024; // at most ~16 MiB of output per push
  try {
    for (let at = start; at < stop && !over; at += STEP) {
      const next = Math.min(stop, at + STEP);
      inflater.push(b.subarray(at, next), next === stop);
    }
  } catch {
    return 'damaged';
  }
  return over ? 'over' : total;
}

/** Checks a zip (an xlsx) before it is opened; see the module comment. */
export function inspectZip(bytes: Uint8Array, limits: ZipLimits = ZIP_LIMITS): ZipInspection {
  const read = readEntries(bytes, limits);
  if (typeof read === 'string') return fail(read);
  let total = 0;
  for (const e of read) {
    if (e.flags & 1) return fail(`entry ${e.name} is encrypted`);
    if (e.method !== 0 && e.method !== 8) return fail(`entry ${e.name} uses compression method ${e.method} (xlsx uses deflate)`);
    if (e.method === 0 && e.compressed !== e.uncompressed) return fail(`entry ${e.name} is stored but its two sizes differ (damaged or forged)`);
    if (e.uncompressed > limits.maxEntryBytes) return fail(`entry ${e.name} would inflate to ${mib(e.uncompressed)} (at most ${mib(limits.maxEntryBytes)} per entry)`);
    if (e.uncompressed > limits.ratioFloorBytes && e.uncompressed > e.compressed * limits.maxRatio) {
      return fail(`entry ${e.name} would inflate ${Math.round(e.uncompressed / Math.max(1, e.compressed))} times (${mib(e.uncompressed)} from ${e.compressed} bytes): a zip bomb, not a workbook`);
    }
    total += e.uncompressed;
    if (total > limits.maxTotalBytes) return fail(`its entries would inflate to more than ${mib(limits.maxTotalBytes)} in all`);
  }
  // Declared sizes pass. Verify the entries whose worst case could still break a cap, largest first.
  const worst = (e: Entry) => (e.method === 0 ? e.compressed : e.compressed * DEFLATE_MAX_RATIO);
  let worstTotal = read.reduce((n, e) => n + worst(e), 0);
  let verified = 0;
  for (const e of [...read].sort((a, b) => worst(b) - worst(a))) {
    if (worstTotal <= limits.maxTotalBytes && worst(e) <= limits.maxEntryBytes) break;
    const size = trueSize(bytes, e, e.uncompressed);
    if (size === 'damaged') return fail(`entry ${e.name} is damaged (its data cannot be inflated)`);
    if (size === 'over') return fail(`entry ${e.name} inflates to more than the ${e.uncompressed} bytes its directory declares: a forged zip (zip bomb)`);
    worstTotal += size - worst(e);
    verified++;
  }
  return { ok: true, entries: read.length, uncompressedBytes: total, verifiedEntries: verified };
}
