/**
 * Every file of an estate → merged hosts and a report per file, ready for `scanEstate` (src/core/estate).
 * A file that is not a supported export stops the import with one sentence naming it (exit code 2 in the CLI):
 * better than a scan that silently left out half the estate.
 */
import type { EstateHost, SourceReport } from '../core/estate/types.ts';
import type { ParseWarning } from '../core/model/evidence.ts';
import type { FileImport, ImportError } from './facts.ts';
import type { EstateFile } from './import-file.ts';
import { EXPECTED, importFile } from './import-file.ts';
import { mergeImports } from './merge.ts';

/** vSphere linked mode tops out at 15,000 hosts; an estate far larger is a hostile or broken file. */
export const MAX_ESTATE_HOSTS = 50_000;

export type EstateImport =
  | { readonly ok: true; readonly hosts: readonly EstateHost[]; readonly sources: readonly SourceReport[]; readonly warnings: readonly ParseWarning[] }
  | { readonly ok: false; readonly error: ImportError };

function tooMany(file: string, hosts: number, max: number): EstateImport {
  return { ok: false, error: { file, message: `the files describe ${hosts} hosts, more than the ${max} any vCenter estate has: refused` } };
}

/** `maxHosts` (default MAX_ESTATE_HOSTS) only for tests, which cannot afford 50,000-host files. */
export function importEstate(files: readonly EstateFile[], { maxHosts = MAX_ESTATE_HOSTS }: { readonly maxHosts?: number } = {}): EstateImport {
  if (files.length === 0) return { ok: false, error: { file: 'input', message: `no file was given: ${EXPECTED}` } };
  const imports: FileImport[] = [];
  for (const f of files) {
    const r = importFile(f);
    if (!r.ok) return r;
    imports.push(r.value);
  }
  return combineImports(imports, files.map((f) => f.name), { maxHosts });
}

/**
 * The imports of every file (importFile, in file order) → merged hosts. Apart from importEstate so that a reader can
 * import each file as soon as it is read and let its bytes go: the six files of a 5,000-host estate are 21 MB that
 * would otherwise stay alive through the merge and the scan.
 */
export function combineImports(imports: readonly FileImport[], names: readonly string[], { maxHosts = MAX_ESTATE_HOSTS }: { readonly maxHosts?: number } = {}): EstateImport {
  if (imports.length === 0) return { ok: false, error: { file: 'input', message: `no file was given: ${EXPECTED}` } };
  // The cap is on hosts, not on rows across files: the six files of one 50,000-host estate (four RVTools tabs, two
  // PowerCLI exports) list each host six times, and must not be refused as a 300,000-host estate. Each file is
  // already bounded by its size cap; one file naming more hosts than any estate has is refused before the merge.
  const largest = imports.reduce((a, f) => (f.hosts.length > a.hosts.length ? f : a));
  if (largest.hosts.length > maxHosts) return tooMany(largest.report.file, largest.hosts.length, maxHosts);
  const merged = mergeImports(imports);
  if (merged.hosts.length > maxHosts) return tooMany(names[0]!, merged.hosts.length, maxHosts);
  if (merged.hosts.length === 0) {
    return { ok: false, error: { file: names[0]!, message: `no host found in ${names.join(', ')}: ${EXPECTED}` } };
  }
  return { ok: true, hosts: merged.hosts, sources: imports.map((i) => i.report), warnings: merged.warnings };
}
