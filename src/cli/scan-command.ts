/**
 * `path-doctor scan FILE... [--format text|json|csv|markdown] [--migration live|snapshots|non-shared|cold] [--compact]`:
 * the whole-estate scan (issue 8). FILEs are RVTools exports (xlsx or per-tab CSV), PowerCLI CSV/JSON exports,
 * the ESXCLI tag output, the collector JSON (collectors/Get-VpdEstate.ps1) or pasted ESXi sessions, merged per host;
 * and support bundles (issue 9: a host `.tgz`, a vCenter log export `.zip`, an unpacked bundle folder), told apart
 * from exports by their first bytes and, for a zip, by holding host bundles (an xlsx is a zip too).
 * Exit codes as for analyze: 0 no blocker or high risk, 1 at least one host or pair with one, 2 bad input or usage.
 */
import { renderScanCsv, renderScanMarkdown, renderScanText, scanEstate, scanJsonPieces } from '../core/estate/index.ts';
import { MIGRATION_KINDS } from '../core/result.ts';
import { bundleEstate, joinBundles, NO_EXPORTS } from '../bundles/index.ts';
import type { BundleEstate, EstateParts } from '../bundles/index.ts';
import type { ScanResult } from '../core/estate/types.ts';
import type { MigrationKind } from '../core/result.ts';
import { collectGarbage } from '../node/collect-garbage.ts';
import { readEstate } from '../node/read-estate.ts';
import { bundleKindOf, isBundleFile, readBundlePath } from './bundle-input.ts';
import { choice, type ParsedArgs, UsageError } from './args.ts';
import type { Io } from './main.ts';

export const SCAN_FORMATS = ['text', 'json', 'csv', 'markdown'] as const;

/** A format as the status line names it. */
const FORMAT_WORD: Readonly<Record<(typeof SCAN_FORMATS)[number], string>> = { text: 'text', json: 'JSON', csv: 'CSV', markdown: 'Markdown' };

/**
 * Pieces are gathered up to this size per write: few system calls, never the whole document in memory, and each
 * write's text below V8's large-object size, so it dies young (see BATCH in core/estate/json.ts).
 */
const WRITE_BYTES = 64 * 1024;

/**
 * Writes the JSON as it is produced (27 MB at 5,000 hosts, pretty-printed), waiting whenever standard output is
 * full (a pipe into jq or a slow reader), so memory holds one batch of text, not the document.
 */
async function writePieces(io: Io, pieces: Iterable<string>, end: string): Promise<void> {
  let batch = '';
  for (const piece of pieces) {
    batch += piece;
    if (batch.length < WRITE_BYTES) continue;
    const more = io.stdout(batch);
    batch = '';
    if (more === false && io.drain) await io.drain();
  }
  io.stdout(batch + end);
}

/** Estates from this many hosts get a collection between import and scan (node/collect-garbage.ts). */
const GC_AFTER_IMPORT_HOSTS = 1000;

/**
 * Reads, merges and scans the files; a number is the exit code of a refusal (already explained on stderr). A
 * function of its own so the host models and the files' text they point into are garbage once the result exists:
 * the JSON of 5,000 hosts is written with only the result alive.
 */
async function scanFiles(files: readonly string[], migration: MigrationKind, io: Io): Promise<ScanResult | number> {
  const exports: string[] = [];
  const bundles: BundleEstate[] = [];
  for (const file of files) {
    const kind = await bundleKindOf(file);
    if (kind === undefined || (kind === 'archive' && !(await isBundleFile(file)))) {
      exports.push(file);
      continue;
    }
    io.progress?.(`reading the support bundle ${baseName(file)}`);
    const reading = await readBundlePath(file, kind, { observe: false });
    const fatal = reading.problems.find((p) => p.fatal);
    if (fatal) {
      io.stderr(`path-doctor: ${fatal.message}\n`);
      return 2;
    }
    bundles.push(bundleEstate(reading));
  }
  let parts: EstateParts = NO_EXPORTS;
  if (exports.length > 0) {
    const imported = await readEstate(exports, (file, i) => io.progress?.(`reading ${baseName(file)} (file ${i + 1} of ${exports.length})`));
    if (!imported.ok) {
      io.stderr(`path-doctor: ${imported.error.message}\n`);
      return 2;
    }
    parts = imported;
    // The files' host facts are garbage now that they are merged: collected here, before the scan allocates, they
    // are not carried in the heap to the end of the run (a small estate's heap is not worth a collection).
    if (imported.hosts.length >= GC_AFTER_IMPORT_HOSTS) collectGarbage();
  }
  const { hosts, sources, warnings } = joinBundles(parts, bundles);
  if (hosts.length === 0) {
    io.stderr(`path-doctor: no host with an output the analysis reads was found in ${bundles.map((b) => b.source.file).join(', ')}\n`);
    return 2;
  }
  const progress = io.progress;
  progress?.(`merged ${count(hosts.length)} hosts; analysing them`);
  return scanEstate({
    hosts,
    sources,
    warnings,
    migration,
    ...(progress
      ? { onProgress: ({ phase, done, total }) => progress(phase === 'hosts' ? `analysing hosts: ${count(done)} of ${count(total)}` : `checking host pairs in clusters: ${count(done)} of ${count(total)}`) }
      : {}),
  });
}

/** 50,000 → `50,000` (what a status line reads best). */
function count(n: number): string {
  return n.toLocaleString('en-US');
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

export async function runScan(args: ParsedArgs, io: Io): Promise<number> {
  const files = args.positionals;
  if (files.length === 0) throw new UsageError('scan needs at least one FILE (an RVTools, PowerCLI or collector export)');
  if (files.includes('-')) throw new UsageError('scan reads files only (an xlsx cannot come from standard input)');
  const format = choice(args, 'format', SCAN_FORMATS, 'text');
  const migration = choice(args, 'migration', MIGRATION_KINDS, 'live');
  const compact = args.flags.has('compact');
  if (compact && format !== 'json') throw new UsageError('--compact applies to --format json');

  try {
    const scanned = await scanFiles(files, migration, io);
    if (typeof scanned === 'number') return scanned;
    const result = scanned;
    io.progress?.(`writing the ${FORMAT_WORD[format]} of ${count(result.summary.hosts)} hosts`);
    if (format === 'json') await writePieces(io, scanJsonPieces(result, { compact }), '\n');
    else if (format === 'csv') io.stdout(renderScanCsv(result));
    else if (format === 'markdown') io.stdout(renderScanMarkdown(result));
    else io.stdout(renderScanText(result));
    return result.summary.worst === 'blocker' || result.summary.worst === 'high' ? 1 : 0;
  } finally {
    io.progress?.('');
  }
}
