/**
 * Traversal of the wizard with `xstate/graph`: which events exist in a state (the answers of the question on
 * screen, and pasted evidence where the wizard asks for it), how a state is identified during traversal, and the
 * per-flow counts `path-doctor flows` prints. The model tests use the same functions, so what the CLI counts is
 * what the tests prove.
 *
 * Back and restart are left out of traversal on purpose: they only replay earlier answers (tested on their own
 * from every state), and with them every state would loop back to the start.
 */
import { getAdjacencyMap, type AdjacencyMap } from 'xstate/graph';
import type { SnapshotFrom } from 'xstate';
import type { EvidenceArea, EvidenceFacts } from './facts.ts';
import type { FlowDefinition } from './index.ts';
import { pathDoctorMachine, type WizardEvent } from './path-doctor.machine.ts';
import { currentMeta } from './walk.ts';
import { answerValues } from './texts/questions.ts';

export type WizardSnapshot = SnapshotFrom<typeof pathDoctorMachine>;

/** States where the wizard shows the collector or the first question: where pasting evidence makes sense. */
const EVIDENCE_ENTRY_STATES = new Set(['askSymptom', 'collectEvidence']);

/**
 * The events a user (or the shell) can send in this snapshot: one `user.answered` per allowed answer of the
 * question on screen, plus one `analysis.completed` per evidence fixture where the wizard accepts a paste.
 */
export function wizardEvents(evidence: readonly EvidenceFacts[] = []) {
  return (snapshot: WizardSnapshot): WizardEvent[] => {
    const current = currentMeta(snapshot);
    if (!current || current.meta.outcome !== undefined) return [];
    const events: WizardEvent[] = [];
    const question = current.meta.question;
    const step = snapshot.context.trail[snapshot.context.trail.length - 1];
    if (question !== undefined && step?.by === undefined) {
      for (const value of answerValues(question)) events.push({ type: 'user.answered', question, value });
    }
    if (snapshot.context.facts === undefined && EVIDENCE_ENTRY_STATES.has(current.state)) {
      for (const facts of evidence) events.push({ type: 'analysis.completed', facts });
    }
    return events;
  };
}

/** A traversal vertex: where the wizard is, what was answered and what the evidence said (not the bookkeeping). */
export function serializeWizard(snapshot: WizardSnapshot): string {
  const { answers, facts } = snapshot.context;
  return JSON.stringify([snapshot.value, answers, facts ? [facts.area, facts.answers] : null]);
}

export function wizardAdjacency(flow: FlowDefinition, evidence: readonly EvidenceFacts[] = []): AdjacencyMap<WizardSnapshot, WizardEvent> {
  return getAdjacencyMap(flow.machine, {
    input: { answers: flow.answers },
    events: wizardEvents(evidence),
    serializeState: (s) => serializeWizard(s as WizardSnapshot),
  });
}

export function isOutcome(snapshot: WizardSnapshot): boolean {
  return snapshot.hasTag('diagnosis') || snapshot.hasTag('escalation');
}

/**
 * Evidence that answers no question, one per triage area: pasted where the wizard accepts it, it opens every
 * state that only evidence leads to (triage, "evidence cannot tell") without multiplying the answer paths.
 */
export const BARE_EVIDENCE: readonly EvidenceFacts[] = (['fails', 'vmk0-traffic', 'cold-slow', 'flooding', 'none'] as EvidenceArea[]).map(
  (area) => ({ answers: {}, area, hosts: ['host'], findings: [] }),
);

export interface FlowStats {
  /** Distinct states (by state path) reachable from the flow's entry, by answers or by pasted evidence. */
  readonly states: number;
  /** Distinct loop-free paths from the entry to an outcome, answering by hand (no pasted evidence). */
  readonly paths: number;
  /** Reachable states from which no outcome can be reached (must be 0). */
  readonly deadEnds: number;
}

/**
 * Counts states and paths of a flow over its adjacency map (a DAG: every step records one more answer or the
 * evidence). States are counted with {@link BARE_EVIDENCE} offered as well (routing states such as triage count
 * when a path passes through them); paths and dead ends over the given evidence (none: answering by hand).
 */
export function flowStats(flow: FlowDefinition, evidence: readonly EvidenceFacts[] = []): FlowStats {
  const states = new Set<string>();
  for (const v of Object.values(wizardAdjacency(flow, [...evidence, ...BARE_EVIDENCE]))) {
    for (const step of v.state.context.trail) states.add(step.state);
  }
  const adj = wizardAdjacency(flow, evidence);
  const memo = new Map<string, number>();
  const onStack = new Set<string>();
  const pathsFrom = (key: string): number => {
    const known = memo.get(key);
    if (known !== undefined) return known;
    if (onStack.has(key)) return 0; // a cycle would not be a simple path; there are none by construction
    onStack.add(key);
    const vertex = adj[key as keyof typeof adj]!;
    let count = isOutcome(vertex.state) ? 1 : 0;
    for (const t of Object.values(vertex.transitions)) count += pathsFrom(serializeWizard(t.state));
    onStack.delete(key);
    memo.set(key, count);
    return count;
  };
  const root = Object.keys(adj)[0]!;
  const paths = pathsFrom(root);
  const deadEnds = Object.keys(adj).filter((k) => pathsFrom(k) === 0).length;
  return { states: states.size, paths, deadEnds };
}
