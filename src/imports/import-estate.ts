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

export function importEstate(files: readonly EstateFile[]): EstateImport {
  if (files.length === 0) return { ok: false, error: { file: 'input', message: `no file was given: ${EXPECTED}` } };
  const imports: FileImport[] = [];
  for (const f of files) {
    const r = importFile(f);
    if (!r.ok) return r;
    imports.push(r.value);
  }
  const total = imports.reduce((n, f) => n + f.hosts.length, 0);
  if (total > MAX_ESTATE_HOSTS) {
    return { ok: false, error: { file: files[0]!.name, message: `the files describe ${total} hosts, more than the ${MAX_ESTATE_HOSTS} any vCenter estate has: refused` } };
  }
  const merged = mergeImports(imports);
  if (merged.hosts.length === 0) {
    const names = files.map((f) => f.name).join(', ');
    return { ok: false, error: { file: files[0]!.name, message: `no host found in ${names}: ${EXPECTED}` } };
  }
  return { ok: true, hosts: merged.hosts, sources: imports.map((i) => i.report), warnings: merged.warnings };
}
