/**
 * A remediation from the core's catalog as the result screen shows plans, for a diagnosis reached by answers alone
 * (no pasted evidence, so every value is a placeholder the engineer fills in). The core renders it with the same
 * quoting and placeholder rules as a host's plan.
 */
import { FINDINGS } from '../../../core/findings/catalog.ts';
import { REMEDIATION_IDS } from '../../../core/remediation/catalog.ts';
import type { RemediationId } from '../../../core/remediation/catalog.ts';
import type { RemediationResult } from '../../../core/result.ts';
import { genericPlan } from '../../../core/analysis/remediation-plan.ts';

export { genericPlan };

export function isRemediationId(id: string): id is RemediationId {
  return (REMEDIATION_IDS as readonly string[]).includes(id);
}

/** The plans of an outcome: the analysis's own (filled for the user's hosts) where it has them, else generic. */
export function plansFor(ids: readonly string[], analysed: readonly RemediationResult[] | undefined): RemediationResult[] {
  return ids.filter(isRemediationId).map((id) => analysed?.find((p) => p.id === id) ?? genericPlan(id));
}

export function findingTitle(id: string): string {
  return (FINDINGS as Readonly<Record<string, { title: string } | undefined>>)[id]?.title ?? id;
}
