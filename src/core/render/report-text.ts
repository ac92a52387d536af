/**
 * Wording shared by the reports (HTML and Markdown): the question a migration kind asks, the sources behind each
 * finding and remediation (the catalogs' `sources`, resolved to titles and addresses), and dates. Written for a
 * customer who never saw the app.
 */
import type { AnalysisResult } from '../analyze.ts';
import { FINDINGS, type FindingId } from '../findings/catalog.ts';
import type { RuleConfidence } from '../model/evidence.ts';
import { REMEDIATIONS, SOURCES, type RemediationId, type SourceKey, type SourceRef } from '../remediation/catalog.ts';
import type { FlowResult, MigrationKind } from '../result.ts';

/** What each migration kind moves over the network (domain.md §1.6). */
export const MIGRATION_TEXT: Readonly<Record<MigrationKind, string>> = {
  live: 'live vMotion of a running VM to another host on shared storage (memory and device state by vMotion)',
  snapshots: 'migration of a running VM with snapshots to another host and datastore (newest disk layer by vMotion, base disk and older snapshots by NFC)',
  'non-shared': 'migration of a running VM to another host and datastore without shared storage (disks by vMotion, VM home files by NFC)',
  cold: 'cold migration or clone of a powered-off VM (everything by NFC)',
};

export const TRAFFIC_TEXT: Readonly<Record<FlowResult['traffic'], string>> = {
  vmotion: 'vMotion (hot data, TCP 8000)',
  nfc: 'NFC cold data (TCP 902)',
  management: 'management',
};

export const CONFIDENCE_TEXT: Readonly<Record<RuleConfidence, string>> = {
  verified: 'verified against the cited sources',
  inferred: 'inferred from the sources and how TCP/IP works (worded "likely")',
  unsure: 'unsure: the sources do not settle it',
};

export const CERTAINTY_TEXT: Readonly<Record<FlowResult['certainty'], string>> = {
  definite: 'every fact it rests on was pasted',
  probable: 'rests on a default or an assumption (for example a build default of BindToVmknic, or a route order the tool had to assume)',
  uncertain: 'depends on a fact the evidence does not show; the report names the command that settles it',
};

/** The source and destination names as the flows name them (the source first). */
export function hostNamesOf(result: AnalysisResult): { source?: string; dest?: string; single: boolean } {
  const source = result.flows.find((f) => f.role === 'source')?.host ?? result.hosts[0]?.name;
  const dest = result.hosts.find((h) => h.name !== source)?.name;
  return { ...(source !== undefined ? { source } : {}), ...(dest !== undefined ? { dest } : {}), single: dest === undefined };
}

const MIGRATION_SHORT: Readonly<Record<MigrationKind, string>> = {
  live: 'a live vMotion',
  snapshots: 'a migration of a VM with snapshots',
  'non-shared': 'a migration without shared storage',
  cold: 'a cold migration',
};

/** The question the analysis answers, in one sentence. */
export function questionOf(result: AnalysisResult): string {
  const { source, dest } = hostNamesOf(result);
  const from = source ?? 'the pasted host';
  const to = dest ?? 'a peer configured like it (only one host was pasted)';
  return `Which VMkernel adapters does ${MIGRATION_SHORT[result.migration]} from ${from} to ${to} use, why, and how is it fixed?`;
}

export interface CitedSource {
  readonly key: SourceKey;
  readonly ref: SourceRef;
}

function resolve(keys: readonly SourceKey[]): CitedSource[] {
  return keys.map((key) => ({ key, ref: SOURCES[key] }));
}

export function isFindingId(id: string): id is FindingId {
  return Object.prototype.hasOwnProperty.call(FINDINGS, id);
}

export function isRemediationId(id: string): id is RemediationId {
  return Object.prototype.hasOwnProperty.call(REMEDIATIONS, id);
}

/** The sources of the rule behind a finding (empty for an id the catalog does not know). */
export function findingSources(id: string): CitedSource[] {
  return isFindingId(id) ? resolve(FINDINGS[id].sources) : [];
}

export function findingConfidence(id: string): RuleConfidence | undefined {
  return isFindingId(id) ? FINDINGS[id].confidence : undefined;
}

export function remediationSources(id: string): CitedSource[] {
  return isRemediationId(id) ? resolve(REMEDIATIONS[id].sources) : [];
}

/** Every source the report cites, in order of first citation, with the ids citing it. */
export function citedSources(result: AnalysisResult): { readonly source: CitedSource; readonly citedBy: readonly string[] }[] {
  const out = new Map<SourceKey, { source: CitedSource; citedBy: string[] }>();
  const cite = (id: string, list: readonly CitedSource[]) => {
    for (const s of list) {
      const entry = out.get(s.key) ?? { source: s, citedBy: [] };
      if (!entry.citedBy.includes(id)) entry.citedBy.push(id);
      out.set(s.key, entry);
    }
  };
  for (const f of result.findings) cite(f.id, findingSources(f.id));
  for (const r of result.remediation) cite(r.id, remediationSources(r.id));
  return [...out.values()];
}

/** `2026-11-25T12:57:03.120Z` → `2026-11-25 12:57 UTC`; anything else is shown as given. */
export function formatDate(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.exec(iso);
  if (!m) return iso;
  return `${m[1]} ${m[2]} ${m[3] === 'Z' ? 'UTC' : `UTC${m[3]}`}`;
}

/** Which vmknic(s) a flow uses, in words: a list, the candidates of an uncertain answer, or none. */
export function whereOf(f: FlowResult): string {
  if (f.vmknics.length > 0) return f.vmknics.join(', ');
  if (f.candidates && f.candidates.length > 0) return `${f.candidates.join(' or ')} (uncertain)`;
  // No vmknic and uncertain means the evidence does not show it, not that there is no path (domain.md §1.7 C3).
  return f.certainty === 'uncertain' ? 'not identified' : 'none';
}

/** A flow in one line: `esx11 (source) vMotion (hot data, TCP 8000) leaves by vmk0 [definite]`. */
export function flowHeading(f: FlowResult): string {
  const where = whereOf(f);
  const replies = f.traffic === 'vmotion' && f.role === 'destination' && f.direction === 'egress' ? ' replies' : '';
  return `${f.host} (${f.role}) ${TRAFFIC_TEXT[f.traffic]}${replies} ${f.direction === 'egress' ? 'leaves' : 'enters'} by ${where} [${f.certainty}]`;
}
