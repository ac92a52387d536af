/**
 * A remediation from the core's catalog as the result screen shows plans, for a diagnosis reached by answers alone
 * (no pasted evidence, so nothing to fill the templates with). Placeholders `{vmk}` stay visible as `<vmk>`, the
 * convention the core uses for what the evidence could not fill.
 */
import { FINDINGS } from '../../../core/findings/catalog.ts';
import { REMEDIATIONS, REMEDIATION_IDS, commandTemplatesOf, templatesOf } from '../../../core/remediation/catalog.ts';
import type { RemediationId } from '../../../core/remediation/catalog.ts';
import type { RemediationResult } from '../../../core/result.ts';

const PLACEHOLDER = /\{(\w+)\}/g;

function fill(s: string): string {
  return s.replace(PLACEHOLDER, '<$1>');
}

export function isRemediationId(id: string): id is RemediationId {
  return (REMEDIATION_IDS as readonly string[]).includes(id);
}

export function genericPlan(id: RemediationId): RemediationResult {
  const d = REMEDIATIONS[id];
  const unfilled = new Set<string>();
  for (const t of [...commandTemplatesOf(d), ...templatesOf(d)]) for (const m of t.matchAll(PLACEHOLDER)) unfilled.add(m[1]!);
  return {
    id,
    forFindings: [],
    title: d.title,
    hosts: [],
    steps: d.steps.map((s) => fill(s.text)),
    commands: { esxcli: d.commands.esxcli.map(fill), esxcfg: d.commands.esxcfg.map(fill), powercli: d.commands.powercli.map(fill) },
    verify: d.verify.map(fill),
    rollback: d.rollback.map(fill),
    risk: d.risk,
    unfilled: [...unfilled],
  };
}

/** The plans of an outcome: the analysis's own (filled for the user's hosts) where it has them, else generic. */
export function plansFor(ids: readonly string[], analysed: readonly RemediationResult[] | undefined): RemediationResult[] {
  return ids.filter(isRemediationId).map((id) => analysed?.find((p) => p.id === id) ?? genericPlan(id));
}

export function findingTitle(id: string): string {
  return (FINDINGS as Readonly<Record<string, { title: string } | undefined>>)[id]?.title ?? id;
}
