/**
 * Runs a flow without a UI: start the wizard with the given answers, hand it the evidence facts, and report where it
 * stops — an outcome (diagnosis or escalation) or the first question neither the evidence nor the answers cover.
 * Pure (no I/O): the CLI's `walk` and the tests use it; a UI would send the same events one at a time.
 */
import { createActor, type SnapshotFrom } from 'xstate';
import type { EvidenceFacts } from './facts.ts';
import type { FlowDefinition } from './index.ts';
import type { Answers, Contradiction, pathDoctorMachine, WizardStateMeta } from './path-doctor.machine.ts';
import { COLLECT, OUTCOME_TEXTS, type CollectId, type OutcomeKey } from './texts/outcomes.ts';
import { QUESTIONS, type AnswerOption, type QuestionKey } from './texts/questions.ts';

export interface WalkOutcome {
  readonly kind: 'diagnosis' | 'escalation';
  readonly state: string;
  readonly title: string;
  readonly summary: string;
  readonly findings: readonly string[];
  readonly remediation: readonly string[];
  /** For an escalation: what to collect next. */
  readonly collect: readonly { readonly id: string; readonly label: string; readonly how: string }[];
}

export interface WalkPending {
  readonly state: string;
  /** The question key, e.g. `bindToVmknic` (what `--answer KEY=VALUE` names). */
  readonly key: QuestionKey;
  /** The question text. */
  readonly question: string;
  readonly help: string;
  readonly answers: readonly AnswerOption[];
}

interface WalkCommon {
  readonly visited: readonly string[];
  /** The question key of each visited question state. */
  readonly visitedQuestions: Readonly<Record<string, QuestionKey>>;
  readonly answeredByEvidence: readonly string[];
  readonly contradictions: readonly Contradiction[];
}

export type WalkResult =
  | ({ readonly status: 'outcome'; readonly outcome: WalkOutcome } & WalkCommon)
  | ({ readonly status: 'pending'; readonly pending: WalkPending } & WalkCommon)
  | ({ readonly status: 'stuck'; readonly state: string } & WalkCommon);

export interface WalkOptions {
  readonly answers?: Answers;
  readonly facts?: EvidenceFacts;
}

type Snapshot = SnapshotFrom<typeof pathDoctorMachine>;

/** The meta of the active atomic state (the one the trail ends in). */
export function currentMeta(snapshot: Snapshot): { state: string; meta: WizardStateMeta } | undefined {
  const last = snapshot.context.trail[snapshot.context.trail.length - 1];
  if (!last) return undefined;
  const metas: Readonly<Record<string, WizardStateMeta | undefined>> = snapshot.getMeta();
  const meta = metas[`${snapshot.machine.id}.${last.state}`] ?? {};
  return { state: last.state, meta };
}

export function outcomeOf(state: string, meta: WizardStateMeta): WalkOutcome | undefined {
  if (meta.outcome === undefined) return undefined;
  const text: { title: string; summary: string } = OUTCOME_TEXTS[state as OutcomeKey] ?? { title: state, summary: '' };
  return {
    kind: meta.outcome,
    state,
    title: text.title,
    summary: text.summary,
    findings: [...(meta.findings ?? [])],
    remediation: [...(meta.remediation ?? [])],
    collect: (meta.collect ?? []).map((id: CollectId) => ({ id, label: COLLECT[id].label, how: COLLECT[id].how })),
  };
}

export function pendingOf(state: string, key: QuestionKey): WalkPending {
  const q = QUESTIONS[key];
  return { state, key, question: q.prompt, help: q.help, answers: q.answers };
}

/** Reads where a wizard snapshot stands: the outcome, the pending question, or (a bug) neither. */
export function describeSnapshot(snapshot: Snapshot): WalkResult {
  const ctx = snapshot.context;
  const common: WalkCommon = {
    visited: ctx.trail.map((s) => s.state),
    visitedQuestions: Object.fromEntries(ctx.trail.flatMap((s) => (s.question !== undefined ? [[s.state, s.question]] : []))),
    answeredByEvidence: ctx.trail.filter((s) => s.by === 'evidence').map((s) => s.state),
    contradictions: [...ctx.contradictions],
  };
  const current = currentMeta(snapshot);
  if (current) {
    const outcome = outcomeOf(current.state, current.meta);
    if (outcome) return { status: 'outcome', outcome, ...common };
    if (current.meta.question !== undefined) return { status: 'pending', pending: pendingOf(current.state, current.meta.question), ...common };
  }
  return { status: 'stuck', state: current?.state ?? '', ...common };
}

export function walkFlow(flow: FlowDefinition, options: WalkOptions = {}): WalkResult {
  const actor = createActor(flow.machine, { input: { answers: { ...options.answers, ...flow.answers } } });
  actor.start();
  if (options.facts) actor.send({ type: 'analysis.completed', facts: options.facts });
  const result = describeSnapshot(actor.getSnapshot());
  actor.stop();
  return result;
}
