/**
 * Turns finding triggers into worded findings (the catalog holds titles, default severities and fixes), removing
 * exact duplicates and ordering them most severe first.
 */
import { FINDING_IDS, FINDINGS } from '../findings/catalog.ts';
import type { FindingResult, Severity } from '../result.ts';
import type { Trigger } from './flow.ts';
import { uniqueRefs } from './trace.ts';

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { blocker: 0, high: 1, medium: 2, low: 3, info: 4 };

export function severityRank(s: Severity): number {
  return SEVERITY_RANK[s];
}

function key(t: Trigger): string {
  return [t.id, [...t.hosts].sort().join(','), [...t.vmknics].sort().join(',')].join('|');
}

export function toFindings(triggers: readonly Trigger[]): FindingResult[] {
  const byKey = new Map<string, Trigger>();
  for (const t of triggers) {
    const k = key(t);
    if (!byKey.has(k)) byKey.set(k, t);
  }
  const findings = [...byKey.values()].map((t): FindingResult => {
    const def = FINDINGS[t.id];
    const why = def.why.trim();
    return {
      id: t.id,
      severity: t.severity ?? def.defaultSeverity,
      certainty: t.certainty,
      title: def.title,
      detail: `${t.detail} ${why}`.trim(),
      evidence: uniqueRefs(t.evidence).map((r) => `${r.file}:${r.line}: ${r.text.trim()}`),
      hosts: [...new Set(t.hosts)],
      ...(t.vmknics.length > 0 ? { vmknics: [...new Set(t.vmknics)] } : {}),
      remediation: [...def.remediation],
    };
  });
  // Most severe first; within a severity, the catalog's order (domain.md §2: the path problems before the rest).
  const order = (id: string) => (FINDING_IDS as readonly string[]).indexOf(id);
  return findings.sort((a, b) => severityRank(a.severity) - severityRank(b.severity) || order(a.id) - order(b.id));
}
