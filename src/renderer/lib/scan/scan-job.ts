/**
 * What the scan worker does, without the worker: files → read (caps, zip guard, xlsx) → import and merge → scan,
 * reporting progress; then the kept hosts answer "open host NAME". Runs in Node tests as it runs in the worker.
 * Support bundles (a host `.tgz`, a vCenter log export `.zip`) are scanned too, as `path-doctor scan` does: their
 * hosts join the estate (an inventory export given with them supplies the cluster), and a host opened from the
 * table brings its bundle's past migrations and missing outputs along.
 */
import type { BundleEstate, BundleReading, ByteSource, EstateParts } from '../../../bundles/index.ts';
import { blobSource, bundleEstate, bytesSource, isBundleArchive, joinBundles, NO_EXPORTS, readBundle } from '../../../bundles/index.ts';
import { scanEstate } from '../../../core/estate/index.ts';
import type { EstateHost, ScanResult } from '../../../core/estate/types.ts';
import type { MigrationKind } from '../../../core/result.ts';
import type { EstateFile } from '../../../imports/index.ts';
import { importEstate } from '../../../imports/index.ts';
import { bundleSizeRefusal } from '../bundle/route.ts';
import { importedHostsOf } from '../bundle/imported.ts';
import { importedHostOf } from './imported-host.ts';
import type { ImportedHostDraft, ScanFileInput, ScanPhase } from './protocol.ts';
import type { WorkbookReader } from './read-files.ts';
import { readScanFile } from './read-files.ts';

/** A finished scan as the worker keeps it: the result (sent once) and the hosts' models (sent one at a time). */
export interface KeptScan {
  readonly result: ScanResult;
  readonly hosts: readonly EstateHost[];
  /** Hosts read from support bundles, by lower-case name: what a bundle adds when the host is opened. */
  readonly fromBundles?: ReadonlyMap<string, ImportedHostDraft>;
}

function sourceOf(input: ScanFileInput): ByteSource {
  return input instanceof Blob ? blobSource(input.name, input) : bytesSource(input.name, new Uint8Array(input.bytes));
}

/** One sentence when a bundle gave no host to scan (not a bundle, refused, nothing readable). */
function bundleRefusal(reading: BundleReading): string | undefined {
  const fatal = reading.problems.find((p) => p.fatal);
  if (fatal) return fatal.message;
  if (!reading.hosts.some((h) => h.model)) return `${reading.source}: no ESXi host with an output the analysis reads was found in it.`;
  return undefined;
}

export type ScanJobOutcome = { readonly ok: true; readonly scan: KeptScan } | { readonly ok: false; readonly message: string };

export type ProgressSink = (phase: ScanPhase, done: number, total: number) => void;

export async function runScanJob(files: readonly ScanFileInput[], migration: MigrationKind, readWorkbook: WorkbookReader, progress: ProgressSink): Promise<ScanJobOutcome> {
  if (files.length === 0) return { ok: false, message: 'No file was chosen: drop or choose an RVTools export, PowerCLI exports, the collector JSON or support bundles.' };
  try {
    const read: EstateFile[] = [];
    const bundles: BundleEstate[] = [];
    const fromBundles = new Map<string, ImportedHostDraft>();
    progress('reading', 0, files.length);
    for (const [i, f] of files.entries()) {
      const source = sourceOf(f);
      if (await isBundleArchive(source)) {
        const refused = bundleSizeRefusal(f.name, source.size);
        if (refused) return { ok: false, message: refused };
        const reading = await readBundle(source);
        const why = bundleRefusal(reading);
        if (why) return { ok: false, message: why };
        bundles.push(bundleEstate(reading));
        for (const h of importedHostsOf(reading)) if (!fromBundles.has(h.model.name.toLowerCase())) fromBundles.set(h.model.name.toLowerCase(), h);
      } else {
        const r = await readScanFile(f, readWorkbook);
        if (!r.ok) return { ok: false, message: r.message };
        read.push(r.file);
      }
      progress('reading', i + 1, files.length);
    }
    progress('importing', 0, 1);
    let parts: EstateParts = NO_EXPORTS;
    if (read.length > 0) {
      const imported = importEstate(read);
      if (!imported.ok) return { ok: false, message: imported.error.message };
      parts = imported;
    }
    const { hosts, sources, warnings } = joinBundles(parts, bundles);
    progress('importing', 1, 1);
    const result = scanEstate({
      hosts,
      sources,
      warnings,
      migration,
      onProgress: (p) => progress(p.phase, p.done, p.total),
    });
    return { ok: true, scan: { result, hosts, ...(fromBundles.size > 0 ? { fromBundles } : {}) } };
  } catch (e) {
    // The readers and the scan are written not to throw; this turns a bug into a sentence instead of a dead worker.
    return { ok: false, message: `The scan stopped on an internal error: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/** The ImportedHost of one scanned host, by its name in the result; null when there is no such host. */
export function openScannedHost(scan: KeptScan, name: string): ImportedHostDraft | null {
  const i = scan.result.hosts.findIndex((h) => h.name === name);
  // The scan keeps the import's order and count (it only renames duplicates), so the index is the same host.
  const host = scan.hosts[i];
  const json = scan.result.hosts[i];
  if (!host || !json) return null;
  const estate = importedHostOf(host, json, scan.result.warnings);
  const bundle = scan.fromBundles?.get(host.model.name.toLowerCase());
  if (!bundle) return estate;
  // The model is the bundle's already (merged); the bundle adds its logs' past migrations, its reader's warnings and
  // what it lacks, and names itself as the file.
  return {
    ...estate,
    file: bundle.file,
    ...(estate.detail === undefined && bundle.detail !== undefined ? { detail: bundle.detail } : {}),
    observed: bundle.observed,
    gaps: [...bundle.gaps, ...estate.gaps.filter((g) => !bundle.gaps.some((b) => b.fact === g.fact))],
    warnings: [...bundle.warnings, ...estate.warnings],
  };
}
