/**
 * Zip-bomb guard for xlsx workbooks, run before any xlsx library opens the file (issue 8, "hardened"). An xlsx is
 * a zip; the reader inflates every entry, keeps sharedStrings in memory and may spool sheets to temporary files, so
 * a small file that inflates to gigabytes would exhaust memory or disk. From the central directory (no inflation):
 * caps on the number of entries, each entry's and the total uncompressed size, and the compression ratio; only
 * stored and deflated entries, none encrypted. A central directory can lie about sizes, so where an entry's worst
 * case (deflate expands at most 1032:1) could break a cap, it is inflated here with a counter that stops at the
 * declared size: the sizes the caps were checked against are then true. Pure (fflate), bounded memory.
 */
import { findDuplicateName, findEocd, findOverlap, LOCAL_SIGNATURE, MAX_EOCD_SEARCH, readCentralEntry, readEocd, readZip64Record, u16, u32, zip64RecordOffset } from '../archive/zip-format.ts';
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


function mib(n: number): string {
  if (n < 1024 * 1024) return `${Math.round(n / 1024)} KiB`;
  return `${(n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MiB`;
}

function fail(reason: string): ZipInspection {
  return { ok: false, reason };
}


const utf8 = new TextDecoder();

function readEntries(b: Uint8Array, limits: ZipLimits): Entry[] | string {
  const tailStart = Math.max(0, b.length - MAX_EOCD_SEARCH);
  const found = findEocd(b.subarray(tailStart));
  if (found < 0) return 'it is not a zip file (no end-of-central-directory record), so not an xlsx workbook';
  const eocd = tailStart + found;
  let location = readEocd(b, eocd);
  if (location.zip64) {
    // ZIP64: the locator sits just before the EOCD and points at the ZIP64 EOCD record.
    const recordAt = eocd >= 20 ? zip64RecordOffset(b.subarray(eocd - 20, eocd)) : undefined;
    const record = recordAt !== undefined && recordAt + 56 <= b.length ? readZip64Record(b.subarray(recordAt, recordAt + 56)) : undefined;
    if (!record) return 'its ZIP64 directory is missing or damaged';
    location = record;
  }
  const { entries: count, size: cdSize, offset: cdOffset } = location;
  if (count > limits.maxEntries) return `it has ${count} entries (at most ${limits.maxEntries} are accepted)`;
  if (cdOffset + cdSize > b.length) return 'its central directory points beyond the end of the file (truncated or damaged)';
  const entries: Entry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    const entry = readCentralEntry(b, p);
    if (!entry) return `its central directory is damaged at entry ${i + 1}`;
    entries.push({
      name: utf8.decode(entry.rawName),
      method: entry.method,
      flags: entry.flags,
      compressed: entry.compressedSize,
      uncompressed: entry.size,
      localOffset: entry.localHeaderOffset,
    });
    p = entry.next;
  }
  // A workbook's writer names each part once and gives it its own bytes: anything else is crafted to be read
  // several times over (a few KB inflating to gigabytes).
  const shown = (n: string) => JSON.stringify(n.length > 80 ? `${n.slice(0, 79)}…` : n);
  const dup = findDuplicateName(entries.map((e) => e.name));
  if (dup) return `it lists the entry ${shown(dup.name)} ${dup.count} times: a crafted zip, not a workbook`;
  const overlap = findOverlap(entries.map((e) => ({ name: e.name, localHeaderOffset: e.localOffset, compressedSize: e.compressed })));
  if (overlap) {
    const [a, b] = overlap;
    return `its entries ${shown(a.name)} and ${shown(b.name)} point at the same bytes (offsets ${a.localHeaderOffset} and ${b.localHeaderOffset}): a crafted zip, not a workbook`;
  }
  return entries;
}

/** Inflates one entry, counting, and stops past `limit` bytes: returns the true size, or undefined when over. */
function trueSize(b: Uint8Array, entry: Entry, limit: number): number | 'damaged' | 'over' {
  const h = entry.localOffset;
  if (h + 30 > b.length || u32(b, h) !== LOCAL_SIGNATURE) return 'damaged';
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
