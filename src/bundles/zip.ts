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
import {
  findDuplicateName,
  findEocd,
  findOverlap,
  LOCAL_SIGNATURE,
  MAX_EOCD_SEARCH,
  readCentralEntry,
  readEocd,
  readZip64Record,
  u16,
  u32,
  zip64RecordOffset,
} from '../archive/zip-format.ts';

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

const MAX_DIRECTORY_BYTES = 256 * 1024 * 1024;
const utf8 = new TextDecoder('utf-8');

export async function listZip(source: ByteSource, budget: Budget): Promise<ZipListing> {
  const limits = budget.limits;
  const name = source.name;
  const tailStart = Math.max(0, source.size - MAX_EOCD_SEARCH);
  const tail = await source.read(tailStart, source.size);
  const eocd = findEocd(tail);
  if (eocd < 0) throw stop('CORRUPT', name, `${name} is not a readable zip archive: its table of contents (central directory) is missing.`);
  let location = readEocd(tail, eocd);
  if (location.zip64) {
    const locatorAt = tailStart + eocd - 20;
    const locator = locatorAt >= 0 ? await source.read(locatorAt, locatorAt + 20) : new Uint8Array(0);
    const recordAt = zip64RecordOffset(locator);
    if (recordAt === undefined) throw stop('CORRUPT', name, `${name} is not a readable zip archive: its ZIP64 directory locator is missing.`);
    const record = readZip64Record(await source.read(recordAt, recordAt + 56));
    if (!record) throw stop('CORRUPT', name, `${name} is not a readable zip archive: its ZIP64 directory record is missing.`);
    location = record;
  }
  const { entries, size: dirSize, offset: dirOffset } = location;
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
    const entry = readCentralEntry(dir, at);
    if (!entry) {
      throw stop('CORRUPT', name, `${name} is not a readable zip archive: entry ${i + 1} of its table of contents is damaged.`);
    }
    const { madeBy, flags, method, compressedSize, size, externalAttributes, localHeaderOffset } = entry;
    const rawName = utf8.decode(entry.rawName);
    at = entry.next;
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
  refuseCraftedDirectory(name, members);
  return { members, problems };
}

/**
 * A vCenter export lists each host bundle once, each with its own bytes. Two entries of one name, or two entries
 * sharing bytes (300 entries pointing at one host bundle read as 272 hosts and 16 GiB inflated), are a crafted
 * directory: the archive is refused whole, naming the entries.
 */
function refuseCraftedDirectory(name: string, members: readonly ZipMember[]): void {
  const dup = findDuplicateName(members.map((m) => m.path));
  if (dup) {
    throw stop('CORRUPT', name, `${name} is refused: its table of contents lists "${printable(dup.name)}" ${dup.count} times. A zip written by vCenter names each member once.`);
  }
  const overlap = findOverlap(members.map((m) => ({ name: m.path, localHeaderOffset: m.localHeaderOffset, compressedSize: m.compressedSize })));
  if (overlap) {
    const [a, b] = overlap;
    throw stop(
      'CORRUPT',
      name,
      `${name} is refused: its members "${printable(a.name)}" and "${printable(b.name)}" point at the same bytes (offsets ${a.localHeaderOffset} and ${b.localHeaderOffset}). A zip written by vCenter gives each member its own data.`,
    );
  }
}

/** The uncompressed bytes of one member, streamed and metered. */
export async function* zipMemberChunks(source: ByteSource, member: ZipMember, budget: Budget): AsyncGenerator<Uint8Array> {
  const shown = `${source.name} → ${member.path}`;
  const header = await source.read(member.localHeaderOffset, member.localHeaderOffset + 30);
  if (u32(header, 0) !== LOCAL_SIGNATURE) throw stop('CORRUPT', shown, `${shown} cannot be read: its local header is missing.`);
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
