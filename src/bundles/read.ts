/**
 * The bundle reader's entry points: a host bundle (`.tgz`), a vCenter "Export System Logs" zip of host bundles,
 * or (from the CLI) an unpacked bundle folder → one BundleHost per host, with its model, what was recognised,
 * what is missing and what its logs show. Recognised by magic bytes, never by extension (issue 9). Streamed, in
 * memory, nothing extracted, nothing executed; every cap in limits.ts applies.
 */
import type { HostModel } from '../core/model/host.ts';
import { collectorCommand } from '../parsers/collector.ts';
import { BundleCollector } from './collect.ts';
import type { HostParts } from './collect.ts';
import { hostEvidence } from './host-evidence.ts';
import { gunzipChunks } from './inflate.ts';
import { isBundleMemberName, isVcenterMemberName } from './layout.ts';
import type { BundleProblem } from './limits.ts';
import { Budget, BundleStop, limitsWith, problem } from './limits.ts';
import { checkMemberName, printable } from './member-name.ts';
import { observeHost } from './observe.ts';
import type { ByteSource } from './source.ts';
import { formatOf } from './source.ts';
import { walkTar } from './tar.ts';
import type { BundleHost, BundleReading, ReadOptions } from './types.ts';
import { listZip, zipMemberChunks } from './zip.ts';

const PROGRESS_EVERY = 4 * 1024 * 1024;

/** Reads a `.tgz` host bundle or a vCenter export `.zip`. Never throws for anything the file contains. */
export async function readBundle(source: ByteSource, options: ReadOptions = {}): Promise<BundleReading> {
  const budget = new Budget(limitsWith(options.limits));
  const problems: BundleProblem[] = [];
  const skipped: { member: string; reason: string }[] = [];
  const hosts: BundleHost[] = [];
  const head = await source.read(0, 262);
  const format = formatOf(head);
  const isTar = format === 'unknown' && head.length >= 262 && String.fromCharCode(...head.subarray(257, 262)) === 'ustar';

  const progress = progressOf(source, options);
  try {
    if (format === 'gzip' || isTar) {
      const raw = progress(source.chunks(), undefined);
      const tar = isTar ? raw : gunzipChunks(raw, { member: source.name, budget });
      const collector = new BundleCollector(budget, `${source.name} → `, 1);
      try {
        await walkTar(tar, collector, { label: `${source.name} → `, budget });
      } catch (e) {
        if (!(e instanceof BundleStop)) throw e;
        problems.push(e.problem);
      }
      collector.finish();
      problems.push(...collector.problems);
      await finishHosts(collector, budget, options, hosts, skipped, problems);
    } else if (format === 'zip') {
      await readExport(source, budget, options, progress, hosts, skipped, problems);
    } else {
      problems.push(
        problem('NOT_A_BUNDLE', source.name, `${source.name} is neither a gzip-compressed tar (an ESXi support bundle) nor a zip (a vCenter log export): its first bytes say otherwise.`, true),
      );
    }
  } catch (e) {
    if (!(e instanceof BundleStop)) throw e;
    problems.push(e.problem);
  }
  if (hosts.length === 0 && !problems.some((p) => p.fatal)) {
    problems.push(problem('NOT_A_BUNDLE', source.name, `No ESXi host bundle was found in ${source.name}.`, true));
  }
  return {
    source: source.name,
    format: format === 'zip' ? 'vcenter-export' : 'host-bundle',
    hosts,
    skipped,
    problems,
    uncompressedBytes: budget.totalBytes,
    collector: collectorCommand(),
  };
}

async function readExport(
  source: ByteSource,
  budget: Budget,
  options: ReadOptions,
  progress: ReturnType<typeof progressOf>,
  hosts: BundleHost[],
  skipped: { member: string; reason: string }[],
  problems: BundleProblem[],
): Promise<void> {
  const limits = budget.limits;
  const listing = await listZip(source, budget);
  problems.push(...listing.problems);
  let bundles = 0;
  for (const member of listing.members) {
    if (member.isDirectory) continue;
    const shown = `${source.name} → ${member.path}`;
    if (/\.zip$/i.test(member.path)) {
      problems.push(problem('TOO_DEEP', shown, `${shown} is a zip inside the export; nesting stops at zip → tgz → gz, so it is not read.`));
      continue;
    }
    if (!isBundleMemberName(member.path)) continue;
    if (isVcenterMemberName(member.path)) {
      skipped.push({ member: shown, reason: 'the vCenter Server\'s own bundle, not a host' });
      continue;
    }
    if (++bundles > limits.maxHosts) {
      problems.push(problem('TOO_MANY_HOSTS', shown, `${shown} and the host bundles after it are not read: the export holds more than ${limits.maxHosts}.`, true));
      break;
    }
    const label = `${shown} → `;
    const collector = new BundleCollector(budget, label, 2, member.path);
    try {
      const raw = progress(zipMemberChunks(source, member, budget), member.path);
      await walkTar(gunzipChunks(raw, { member: shown, budget }), collector, { label, budget });
    } catch (e) {
      if (!(e instanceof BundleStop)) throw e;
      // The whole reading stops only when its total is spent; a damaged or hostile host bundle skips that host.
      if (e.problem.code === 'TOTAL_TOO_LARGE') {
        problems.push(e.problem);
        collector.finish();
        problems.push(...collector.problems);
        throw e;
      }
      problems.push(e.problem);
    }
    collector.finish();
    problems.push(...collector.problems);
    await finishHosts(collector, budget, options, hosts, skipped, problems);
  }
}

/** Every host folder of one archive → BundleHost (the vCenter's own bundle is skipped, by content). */
async function finishHosts(
  collector: BundleCollector,
  budget: Budget,
  options: ReadOptions,
  hosts: BundleHost[],
  skipped: { member: string; reason: string }[],
  problems: BundleProblem[],
): Promise<void> {
  for (const parts of collector.hosts.values()) {
    if (!holdsAnything(parts)) continue;
    const id = parts.container !== undefined ? `${parts.container} → ${parts.top}` : parts.top;
    if (parts.markers.has('vcenter') && !parts.markers.has('esxi')) {
      skipped.push({ member: id, reason: 'a vCenter Server bundle (usr/lib/vmware-sca), not a host' });
      continue;
    }
    const evidence = hostEvidence(parts, '');
    problems.push(...evidence.problems);
    const observation =
      options.observe === false ? undefined : await observeHost(parts, evidence.model, evidence.name, budget, '');
    if (observation) problems.push(...observation.problems);
    hosts.push({
      id,
      name: evidence.name,
      folder: parts.top,
      ...(parts.container !== undefined ? { container: parts.container } : {}),
      ...(evidence.capturedAt !== undefined ? { capturedAt: evidence.capturedAt } : {}),
      kind: evidence.kind,
      ...(evidence.readme ? { readme: evidence.readme } : {}),
      ...(evidence.model ? { model: evidence.model } : {}),
      warnings: evidence.warnings,
      recognised: evidence.recognised,
      unrecognised: evidence.unrecognised,
      missing: evidence.missing,
      observed: observation?.migrations ?? [],
      logs: observation?.logs ?? [],
    });
  }
}

function holdsAnything(parts: HostParts): boolean {
  return parts.texts.size > 0 || parts.logs.size > 0 || parts.markers.size > 0;
}

function progressOf(source: ByteSource, options: ReadOptions) {
  let read = 0;
  let reported = 0;
  return async function* (chunks: AsyncIterable<Uint8Array>, member: string | undefined): AsyncGenerator<Uint8Array> {
    for await (const c of chunks) {
      read += c.length;
      if (options.onProgress && read - reported >= PROGRESS_EVERY) {
        reported = read;
        options.onProgress({ bytesRead: read, totalBytes: source.size, ...(member !== undefined ? { member } : {}) });
      }
      yield c;
    }
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Unpacked folders (the CLI walks the disk; the rules are the same)
// ---------------------------------------------------------------------------------------------------------------

/** One entry of an unpacked bundle folder, as the caller's file system walker found it (links never followed). */
export interface FolderEntry {
  /** Relative to the folder given, `/`-separated. */
  readonly path: string;
  readonly type: 'file' | 'directory' | 'link' | 'other';
  readonly size: number;
  open(): AsyncIterable<Uint8Array>;
}

/**
 * An unpacked bundle folder: the entries go through the same checks and allow-list as an archive's members. `name`
 * is the folder's own name; when the entries sit directly in a host folder (`commands/…`), it is taken as the top
 * folder, as if the folder were the archive's.
 */
export async function readFolder(name: string, entries: AsyncIterable<FolderEntry>, options: ReadOptions = {}): Promise<BundleReading> {
  const budget = new Budget(limitsWith(options.limits));
  const problems: BundleProblem[] = [];
  const skipped: { member: string; reason: string }[] = [];
  const hosts: BundleHost[] = [];
  const collector = new BundleCollector(budget, '', 1);
  let count = 0;
  let rootIsHost: boolean | undefined;
  try {
    for await (const entry of decided(entries, (is) => (rootIsHost = is))) {
      if (++count > budget.limits.maxEntries) {
        problems.push(problem('TOO_MANY_ENTRIES', name, `Reading stopped: ${name} has more than ${budget.limits.maxEntries} entries, the limit for one bundle.`, true));
        break;
      }
      const shown = `${name}/${printable(entry.path)}`;
      if (entry.type === 'link') {
        problems.push(problem('LINK_IGNORED', shown, `${shown} is a link; links are never followed.`));
        continue;
      }
      if (entry.type === 'other') {
        problems.push(problem('SPECIAL_IGNORED', shown, `${shown} is not a regular file; it is ignored.`));
        continue;
      }
      const checked = checkMemberName(entry.path);
      if (!checked.ok) {
        problems.push(problem('UNSAFE_NAME', shown, `${shown} is refused: ${checked.reason}.`));
        continue;
      }
      const path = rootIsHost ? `${name}/${checked.path}` : checked.path;
      if (entry.type === 'directory') {
        collector.directory(path);
        continue;
      }
      const consumer = collector.file(path, entry.size);
      if (!consumer) continue;
      let received = 0;
      try {
        for await (const chunk of entry.open()) {
          received += chunk.length;
          if (received > entry.size) break;
          consumer.chunk(chunk);
        }
      } catch (e) {
        consumer.abort?.();
        if (e instanceof BundleStop) throw e;
        problems.push(problem('CORRUPT', shown, `${shown} could not be read (${e instanceof Error ? e.message : String(e)}).`));
        continue;
      }
      consumer.end();
    }
  } catch (e) {
    if (!(e instanceof BundleStop)) throw e;
    problems.push(e.problem);
  }
  collector.finish();
  problems.push(...collector.problems);
  await finishHosts(collector, budget, options, hosts, skipped, problems);
  if (hosts.length === 0 && !problems.some((p) => p.fatal)) {
    problems.push(problem('NOT_A_BUNDLE', name, `No ESXi host bundle was found in the folder ${name}.`, true));
  }
  return { source: name, format: 'folder', hosts, skipped, problems, uncompressedBytes: budget.totalBytes, collector: collectorCommand() };
}

/**
 * Hands the entries on once it is known whether the folder given is itself a host folder (it holds `commands/`,
 * `etc/`, `var/`, `README` … at its top) or holds host folders. Walkers list the top level first, so only those
 * few entries wait.
 */
async function* decided(entries: AsyncIterable<FolderEntry>, decide: (rootIsHost: boolean) => void): AsyncGenerator<FolderEntry> {
  const waiting: FolderEntry[] = [];
  let known = false;
  let isHost = false;
  for await (const entry of entries) {
    if (!known && !entry.path.includes('/')) {
      waiting.push(entry);
      isHost ||= HOST_TOP_LEVEL.test(entry.path);
      continue;
    }
    if (!known) {
      known = true;
      decide(isHost);
      yield* waiting;
    }
    yield entry;
  }
  if (!known) {
    decide(isHost);
    yield* waiting;
  }
}

const HOST_TOP_LEVEL = /^(?:commands|etc|var|json|vmfs|README)$/;

// ---------------------------------------------------------------------------------------------------------------
// For the estate scan
// ---------------------------------------------------------------------------------------------------------------

/**
 * The hosts of a vCenter export (or of a single host bundle), as host models ready for the analysis: what
 * `path-doctor scan EXPORT.zip` needs. Hosts whose bundle held no readable output are left out of `models` (they
 * are still in `reading.hosts`, with what they lack).
 */
export async function readExportHosts(source: ByteSource, options: ReadOptions = {}): Promise<{ models: HostModel[]; reading: BundleReading }> {
  const reading = await readBundle(source, options);
  return { models: reading.hosts.flatMap((h) => (h.model ? [h.model] : [])), reading };
}
