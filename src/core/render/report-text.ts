/**
 * Wording shared by the reports (HTML and Markdown): the question a migration kind asks, the sources behind each
 * finding and remediation (the catalogs' `sources`, resolved to titles and addresses), and dates. Written for a
 * customer who never saw the app.
 */
import type { AnalysisResult } from '../analyze.ts';
import { FINDINGS, type FindingId } from '../findings/catalog.ts';
import type { RuleConfidence } from '../model/evidence.ts';
import { REMEDIATIONS, SOURCES, type RemediationId, type SourceKey, type SourceRef } from '../remediation/catalog.ts';
import { MIGRATION_SHORT } from '../present/words.ts';

/** The words of the presentation layer, under the names the reports have always imported. */
export { MIGRATION_TEXT, TRAFFIC_LABEL as TRAFFIC_TEXT, CERTAINTY_MEANING as CERTAINTY_TEXT } from '../present/words.ts';

export const CONFIDENCE_TEXT: Readonly<Record<RuleConfidence, string>> = {
  verified: 'verified against the cited sources',
  inferred: 'not documented by VMware; inferred from the sources and how TCP/IP works (worded "likely")',
  unsure: 'not documented by VMware and not settled by the sources (worded "uncertain")',
};

/** The source and destination names as the flows name them (the source first). */
export function hostNamesOf(result: AnalysisResult): { source?: string; dest?: string; single: boolean } {
  const source = result.flows.find((f) => f.role === 'source')?.host ?? result.hosts[0]?.name;
  const dest = result.hosts.find((h) => h.name !== source)?.name;
  return { ...(source !== undefined ? { source } : {}), ...(dest !== undefined ? { dest } : {}), single: dest === undefined };
}

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

export { whereOf, flowHeading } from '../present/flow.ts';
