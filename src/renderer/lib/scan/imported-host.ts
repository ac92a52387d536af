/**
 * One scanned host → the ImportedHost the evidence takes ("Open in wizard"): its merged model, the files its facts
 * came from, where it sits in vCenter, what the exports could not tell (with what fills each gap) and the import
 * warnings that name it. Pure.
 */
import type { EstateHost, ScanHostJson } from '../../../core/estate/types.ts';
import type { ParseWarning } from '../../../core/model/evidence.ts';
import type { ImportedHostDraft } from './protocol.ts';

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The warnings about this host: its name as a whole word (esx1 is not esx10). */
export function warningsAbout(name: string, warnings: readonly ParseWarning[]): ParseWarning[] {
  const word = new RegExp(`(^|[^\\w.-])${escapeRegExp(name)}($|[^\\w-]|\\.(?!\\w))`, 'i');
  return warnings.filter((w) => word.test(w.message));
}

/** `host` and `json` are the same host (the scan keeps the import's order); the scan may have renamed a duplicate. */
export function importedHostOf(host: EstateHost, json: ScanHostJson, warnings: readonly ParseWarning[]): ImportedHostDraft {
  const files = [...new Set(Object.values(json.provenance).flat())];
  const detail = [json.vcenter, json.cluster].filter((x): x is string => x !== undefined && x !== '').join(' / ');
  return {
    origin: 'estate',
    file: files.length > 0 ? files.join(', ') : 'estate scan',
    ...(detail !== '' ? { detail } : {}),
    model: json.name === host.model.name ? host.model : { ...host.model, name: json.name },
    observed: [],
    gaps: json.unknown.map((u) => ({ fact: u.fact, fill: u.fill })),
    warnings: warningsAbout(json.name, warnings),
  };
}
