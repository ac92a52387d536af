/**
 * Reads a vCenter "Export System Logs" zip (shared/docs/bundles.md §2: a flat zip of one `.tgz` per host plus one
 * for the vCenter) from its central directory, the zip's own table of contents, then streams each member's bytes
 * on demand: stored members as they are, DEFLATE members through fflate's streaming inflater (metered like every
 * other stream). ZIP64 is understood (exports above 4 GiB use it); encrypted members and other compression
 * methods are refused by name.
 */
import type { Budget } from './limits.ts';
import { problem, stop } from './limits.ts';
import type { BundleProblem } from './limits.ts';
import { checkMemberName, printable } from './member-name.ts';
import { inflateChunks } from './inflate.ts';
import type { ByteSource } from './source.ts';

export interface ZipMember {
  /** Normalised, safe path. */
  readonly path: string;
  readonly method: number;
  readonly compressedSize: number;
  /** As the directory declares it (never trusted for memory: output is metered). */
  readonly size: number;
  readonly localHeaderOffset: number;
  readonly isDirectory: boolean;
}

export interface ZipListing {
  readonly members: readonly ZipMember[];
  readonly problems: readonly BundleProblem[];
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_DIRECTORY_BYTES = 256 * 1024 * 1024;
const utf8 = new TextDecoder('utf-8');

function u16(b: Uint8Array, at: number): number {
  return (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
}

function u32(b: Uint8Array, at: number): number {
  return ((b[at] ?? 0) | ((b[at + 1] ?? 0) << 8) | ((b[at + 2] ?? 0) << 16) | ((b[at + 3] ?? 0) << 24)) >>> 0;
}

function u64(b: Uint8Array, at: number): number {
  // Exact up to 2^53: far beyond any file this tool is given.
  return u32(b, at) + u32(b, at + 4) * 0x100000000;
}

export async function listZip(source: ByteSource, budget: Budget): Promise<ZipListing> {
  const limits = budget.limits;
  const name = source.name;
  const tailStart = Math.max(0, source.size - (0xffff + 22));
  const tail = await source.read(tailStart, source.size);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (u32(tail, i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw stop('CORRUPT', name, `${name} is not a readable zip archive: its table of contents (central directory) is missing.`);
  let entries = u16(tail, eocd + 10);
  let dirSize = u32(tail, eocd + 12);
  let dirOffset = u32(tail, eocd + 16);
  if (entries === 0xffff || dirSize === 0xffffffff || dirOffset === 0xffffffff) {
    const locatorAt = tailStart + eocd - 20;
    const locator = locatorAt >= 0 ? await source.read(locatorAt, locatorAt + 20) : new Uint8Array(0);
    if (u32(locator, 0) !== ZIP64_LOCATOR) throw stop('CORRUPT', name, `${name} is not a readable zip archive: its ZIP64 directory locator is missing.`);
    const recordAt = u64(locator, 8);
    const record = await source.read(recordAt, recordAt + 56);
    if (u32(record, 0) !== ZIP64_EOCD) throw stop('CORRUPT', name, `${name} is not a readable zip archive: its ZIP64 directory record is missing.`);
    entries = u64(record, 32);
    dirSize = u64(record, 40);
    dirOffset = u64(record, 48);
  }
  if (entries > limits.maxEntries) {
    throw stop('TOO_MANY_ENTRIES', name, `${name} lists ${entries} members, more than the limit of ${limits.maxEntries}; it is not read.`);
  }
  if (dirSize > MAX_DIRECTORY_BYTES || dirOffset + dirSize > source.size) {
    throw stop('CORRUPT', name, `${name} is not a readable zip archive: its table of contents points outside the file.`);
  }
  const dir = await source.read(dirOffset, dirOffset + dirSize);
  const members: ZipMember[] = [];
  const problems: BundleProblem[] = [];
  let at = 0;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > dir.length || u32(dir, at) !== CENTRAL) {
      throw stop('CORRUPT', name, `${name} is not a readable zip archive: entry ${i + 1} of its table of contents is damaged.`);
    }
    const madeBy = u16(dir, at + 4) >> 8;
    const flags = u16(dir, at + 8);
    const method = u16(dir, at + 10);
    let compressedSize = u32(dir, at + 20);
    let size = u32(dir, at + 24);
    const nameLength = u16(dir, at + 28);
    const extraLength = u16(dir, at + 30);
    const commentLength = u16(dir, at + 32);
    const externalAttributes = u32(dir, at + 38);
    let localHeaderOffset = u32(dir, at + 42);
    const rawName = utf8.decode(dir.subarray(at + 46, at + 46 + nameLength));
    const extra = dir.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength);
    at += 46 + nameLength + extraLength + commentLength;
    // ZIP64 extended information (header 0x0001): the 32-bit fields set to 0xffffffff follow in this order.
    for (let e = 0; e + 4 <= extra.length; ) {
      const id = u16(extra, e);
      const len = u16(extra, e + 2);
      if (id === 0x0001) {
        let f = e + 4;
        if (size === 0xffffffff) (size = u64(extra, f)), (f += 8);
        if (compressedSize === 0xffffffff) (compressedSize = u64(extra, f)), (f += 8);
        if (localHeaderOffset === 0xffffffff) localHeaderOffset = u64(extra, f);
      }
      e += 4 + len;
    }
    const shown = printable(rawName);
    const mode = madeBy === 3 ? externalAttributes >>> 16 : 0;
    const kind = mode & 0o170000;
    if (kind === 0o120000) {
      problems.push(problem('LINK_IGNORED', `${name} → ${shown}`, `${name} → ${shown} is a link; links are never followed.`));
      continue;
    }
    if (kind !== 0 && kind !== 0o100000 && kind !== 0o040000) {
      problems.push(problem('SPECIAL_IGNORED', `${name} → ${shown}`, `${name} → ${shown} is a special entry, not a file; it is ignored.`));
      continue;
    }
    const checked = checkMemberName(rawName);
    if (!checked.ok) {
      problems.push(problem('UNSAFE_NAME', `${name} → ${shown}`, `${name} → ${shown} is refused: ${checked.reason}.`));
      continue;
    }
    if ((flags & 1) !== 0) {
      problems.push(problem('ENCRYPTED', `${name} → ${shown}`, `${name} → ${shown} is encrypted; it cannot be read.`));
      continue;
    }
    members.push({
      path: checked.path,
      method,
      compressedSize,
      size,
      localHeaderOffset,
      isDirectory: rawName.endsWith('/') || kind === 0o040000,
    });
  }
  return { members, problems };
}

/** The uncompressed bytes of one member, streamed and metered. */
export async function* zipMemberChunks(source: ByteSource, member: ZipMember, budget: Budget): AsyncGenerator<Uint8Array> {
  const shown = `${source.name} → ${member.path}`;
  const header = await source.read(member.localHeaderOffset, member.localHeaderOffset + 30);
  if (u32(header, 0) !== LOCAL) throw stop('CORRUPT', shown, `${shown} cannot be read: its local header is missing.`);
  const start = member.localHeaderOffset + 30 + u16(header, 26) + u16(header, 28);
  const end = start + member.compressedSize;
  if (end > source.size) throw stop('CORRUPT', shown, `${shown} cannot be read: it extends past the end of ${source.name}.`);
  const raw = source.chunks(start, end);
  // Stored bytes are the file's own bytes: nothing expands, so only inflated output counts against the total.
  if (member.method === 0) {
    yield* raw;
    return;
  }
  if (member.method === 8) {
    yield* inflateChunks(raw, { member: shown, budget });
    return;
  }
  throw stop('UNSUPPORTED', shown, `${shown} uses zip compression method ${member.method}; only stored and DEFLATE members are read.`);
}
