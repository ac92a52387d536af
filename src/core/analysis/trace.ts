/**
 * Reasoning traces: the steps an analysis took, each naming the evidence it read and the domain rule it applied,
 * so a person can follow (and dispute) every conclusion.
 */
import type { Certainty, EvidenceRef, RuleConfidence } from '../model/evidence.ts';
import { formatRef } from '../model/evidence.ts';
import { confidenceNote } from '../present/rules.ts';

export interface Step {
  readonly text: string;
  /** domain.md rule applied, e.g. `§1.7 D6`, or a finding/remediation id. */
  readonly rule?: string;
  readonly confidence?: RuleConfidence;
  readonly evidence?: readonly EvidenceRef[];
}

export function step(
  text: string,
  extra: { rule?: string; confidence?: RuleConfidence; evidence?: readonly EvidenceRef[] } = {},
): Step {
  return { text, ...extra };
}

const MAX_REFS_PRINTED = 4;

/**
 * One line of a trace as the CLI, the app and the JSON contract print it. The rule's internal id is never printed:
 * a rule that is not verified adds what that means in words and the knowledge-base article that explains it.
 */
export function formatStep(s: Step): string {
  const parts = [s.text];
  if (s.evidence && s.evidence.length > 0) {
    const refs = uniqueRefs(s.evidence);
    const shown = refs.slice(0, MAX_REFS_PRINTED).map(formatRef).join(', ');
    const more = refs.length > MAX_REFS_PRINTED ? ` +${refs.length - MAX_REFS_PRINTED} more` : '';
    parts.push(`[${shown}${more}]`);
  }
  const note = confidenceNote(s.rule, s.confidence);
  if (note) parts.push(`(${note})`);
  return parts.join(' ');
}

export function uniqueRefs(refs: readonly EvidenceRef[]): EvidenceRef[] {
  const seen = new Set<string>();
  const out: EvidenceRef[] = [];
  for (const r of refs) {
    const key = `${r.file}\u0000${r.line}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(r);
    }
  }
  return out;
}

/** A value with how sure we are of it and why. */
export interface Judged<T> {
  readonly value: T;
  readonly certainty: Certainty;
  readonly steps: readonly Step[];
}
