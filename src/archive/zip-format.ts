/**
 * The zip format's directory records, read from bytes (APPNOTE 4.3.12, 4.3.14–16, 4.5.3): the end-of-central-
 * directory record (and its ZIP64 form) and one central-directory entry with its ZIP64 extra field. Pure and
 * policy-free: the support-bundle reader (src/bundles/zip.ts) and the xlsx guard (src/imports/zip-guard.ts) apply
 * their own limits and wording on top.
 */

export const EOCD_SIGNATURE = 0x06054b50;
export const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
export const ZIP64_EOCD_SIGNATURE = 0x06064b50;
export const CENTRAL_SIGNATURE = 0x02014b50;
export const LOCAL_SIGNATURE = 0x04034b50;
/** The EOCD record is 22 bytes plus a comment of at most 0xffff bytes. */
export const MAX_EOCD_SEARCH = 0xffff + 22;

export function u16(b: Uint8Array, at: number): number {
  return (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
}

export function u32(b: Uint8Array, at: number): number {
  return ((b[at] ?? 0) | ((b[at + 1] ?? 0) << 8) | ((b[at + 2] ?? 0) << 16) | ((b[at + 3] ?? 0) << 24)) >>> 0;
}

/** Exact up to 2^53: far beyond any file this tool is given. */
export function u64(b: Uint8Array, at: number): number {
  return u32(b, at) + u32(b, at + 4) * 0x100000000;
}

/** Offset of the end-of-central-directory record in `tail` (the file's last bytes), or -1. */
export function findEocd(tail: Uint8Array): number {
  for (let i = tail.length - 22; i >= 0; i--) if (u32(tail, i) === EOCD_SIGNATURE) return i;
  return -1;
}

export interface DirectoryLocation {
  readonly entries: number;
  readonly size: number;
  readonly offset: number;
  /** True when the 32-bit fields are saturated and the ZIP64 record must be read (`readZip64Record`). */
  readonly zip64: boolean;
}

export function readEocd(tail: Uint8Array, at: number): DirectoryLocation {
  const entries = u16(tail, at + 10);
  const size = u32(tail, at + 12);
  const offset = u32(tail, at + 16);
  return { entries, size, offset, zip64: entries === 0xffff || size === 0xffffffff || offset === 0xffffffff };
}

/** Where the ZIP64 EOCD record is, from the 20-byte locator just before the EOCD; undefined if it is not one. */
export function zip64RecordOffset(locator: Uint8Array): number | undefined {
  return u32(locator, 0) === ZIP64_LOCATOR_SIGNATURE ? u64(locator, 8) : undefined;
}

/** The directory location from a 56-byte ZIP64 EOCD record; undefined if it is not one. */
export function readZip64Record(record: Uint8Array): DirectoryLocation | undefined {
  if (u32(record, 0) !== ZIP64_EOCD_SIGNATURE) return undefined;
  return { entries: u64(record, 32), size: u64(record, 40), offset: u64(record, 48), zip64: false };
}

export interface CentralEntry {
  readonly rawName: Uint8Array;
  readonly madeBy: number;
  readonly flags: number;
  readonly method: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly externalAttributes: number;
  readonly localHeaderOffset: number;
  /** Offset of the next entry. */
  readonly next: number;
}

/** One central-directory entry at `at`, with the ZIP64 extra field applied; undefined if damaged or cut. */
export function readCentralEntry(dir: Uint8Array, at: number): CentralEntry | undefined {
  if (at + 46 > dir.length || u32(dir, at) !== CENTRAL_SIGNATURE) return undefined;
  let compressedSize = u32(dir, at + 20);
  let size = u32(dir, at + 24);
  const nameLength = u16(dir, at + 28);
  const extraLength = u16(dir, at + 30);
  const commentLength = u16(dir, at + 32);
  let localHeaderOffset = u32(dir, at + 42);
  const nameEnd = at + 46 + nameLength;
  const extraEnd = Math.min(dir.length, nameEnd + extraLength);
  // ZIP64 extended information (header 0x0001): the 64-bit values of the fields set to 0xffffffff, in this order.
  for (let e = nameEnd; e + 4 <= extraEnd; ) {
    const id = u16(dir, e);
    const len = u16(dir, e + 2);
    if (id === 0x0001) {
      let f = e + 4;
      if (size === 0xffffffff && f + 8 <= extraEnd) (size = u64(dir, f)), (f += 8);
      if (compressedSize === 0xffffffff && f + 8 <= extraEnd) (compressedSize = u64(dir, f)), (f += 8);
      if (localHeaderOffset === 0xffffffff && f + 8 <= extraEnd) localHeaderOffset = u64(dir, f);
    }
    e += 4 + len;
  }
  return {
    rawName: dir.subarray(at + 46, Math.min(dir.length, nameEnd)),
    madeBy: u16(dir, at + 4) >> 8,
    flags: u16(dir, at + 8),
    method: u16(dir, at + 10),
    compressedSize,
    size,
    externalAttributes: u32(dir, at + 38),
    localHeaderOffset,
    next: nameEnd + extraLength + commentLength,
  };
}

/** Where one member's bytes lie in the archive, as its directory entry says. */
export interface MemberSpan {
  readonly name: string;
  readonly localHeaderOffset: number;
  readonly compressedSize: number;
}

/**
 * Two members whose bytes overlap, or undefined. Each member owns at least its 30-byte local header and its
 * compressed data; a writer lays members one after another, so any overlap means a directory crafted to make a
 * few bytes read as many members (a small zip inflating to gigabytes). The lower bound of a member's extent is used
 * (the local header's name and extra field are not read here), so a real archive is never refused.
 */
export function findOverlap(spans: readonly MemberSpan[]): readonly [MemberSpan, MemberSpan] | undefined {
  const sorted = [...spans].sort((a, b) => a.localHeaderOffset - b.localHeaderOffset);
  let reach: MemberSpan | undefined;
  for (const s of sorted) {
    if (reach && s.localHeaderOffset < reach.localHeaderOffset + 30 + reach.compressedSize) return [reach, s];
    if (!reach || s.localHeaderOffset + 30 + s.compressedSize > reach.localHeaderOffset + 30 + reach.compressedSize) reach = s;
  }
  return undefined;
}

/** The first name listed more than once, with how many times; undefined when every name is unique. */
export function findDuplicateName(names: readonly string[]): { readonly name: string; readonly count: number } | undefined {
  const counts = new Map<string, number>();
  let first: string | undefined;
  for (const n of names) {
    const c = (counts.get(n) ?? 0) + 1;
    counts.set(n, c);
    if (c === 2 && first === undefined) first = n;
  }
  return first === undefined ? undefined : { name: first, count: counts.get(first)! };
}
