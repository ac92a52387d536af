/**
 * What the scan worker does, without the worker: files → read (caps, zip guard, xlsx) → import and merge → scan,
 * reporting progress; then the kept hosts answer "open host NAME". Runs in Node tests as it runs in the worker.
 */
import { scanEstate } from '../../../core/estate/index.ts';
import type { EstateHost, ScanResult } from '../../../core/estate/types.ts';
import type { MigrationKind } from '../../../core/result.ts';
import type { EstateFile } from '../../../imports/index.ts';
import { importEstate } from '../../../imports/index.ts';
import { importedHostOf } from './imported-host.ts';
import type { ImportedHostDraft, ScanFileInput, ScanPhase } from './protocol.ts';
import type { WorkbookReader } from './read-files.ts';
import { readScanFile } from './read-files.ts';

/** A finished scan as the worker keeps it: the result (sent once) and the hosts' models (sent one at a time). */
export interface KeptScan {
  readonly result: ScanResult;
  readonly hosts: readonly EstateHost[];
}

export type ScanJobOutcome = { readonly ok: true; readonly scan: KeptScan } | { readonly ok: false; readonly message: string };

export type ProgressSink = (phase: ScanPhase, done: number, total: number) => void;

export async function runScanJob(files: readonly ScanFileInput[], migration: MigrationKind, readWorkbook: WorkbookReader, progress: ProgressSink): Promise<ScanJobOutcome> {
  if (files.length === 0) return { ok: false, message: 'No file was chosen: drop or choose an RVTools export, PowerCLI exports or the collector JSON.' };
  try {
    const read: EstateFile[] = [];
    progress('reading', 0, files.length);
    for (const [i, f] of files.entries()) {
      const r = await readScanFile(f, readWorkbook);
      if (!r.ok) return { ok: false, message: r.message };
      read.push(r.file);
      progress('reading', i + 1, files.length);
    }
    progress('importing', 0, 1);
    const imported = importEstate(read);
    if (!imported.ok) return { ok: false, message: imported.error.message };
    progress('importing', 1, 1);
    const result = scanEstate({
      hosts: imported.hosts,
      sources: imported.sources,
      warnings: imported.warnings,
      migration,
      onProgress: (p) => progress(p.phase, p.done, p.total),
    });
    return { ok: true, scan: { result, hosts: imported.hosts } };
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
  return host && json ? importedHostOf(host, json, scan.result.warnings) : null;
}
