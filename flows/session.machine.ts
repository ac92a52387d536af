/**
 * The wizard session: the decision tree (path-doctor.machine.ts) as a child, plus the one place where the core is
 * invoked on pasted evidence.
 *
 * Why two machines: the decision tree must stay free of `invoke` and `after` so xstate/graph can traverse it
 * (style.md §6), while the product needs the machine itself to run the analysis when evidence is pasted. This
 * session invokes `analyseEvidence` — a provided actor, so the shell chooses where the core runs (the CLI
 * in-process, the renderer in a worker) and tests replace it with a synchronous one — and forwards the result to
 * the tree as `analysis.completed`. Every `user.*` event goes to the tree unchanged.
 */
import { assign, fromPromise, sendTo, setup } from 'xstate';
import type { EvidenceFacts } from './facts.ts';
import { pathDoctorMachine, type Answers, type WizardEvent } from './path-doctor.machine.ts';

/** One pasted text and which end of the migration it describes. */
export interface PastedEvidence {
  readonly name: string;
  readonly text: string;
  readonly role: 'source' | 'destination';
}

/** What the analyser returns: the facts the tree reads, or one clear sentence on why the paste cannot be read. */
export type AnalysisOutcome = { readonly ok: true; readonly facts: EvidenceFacts } | { readonly ok: false; readonly error: string };

export interface SessionContext {
  /** Answers the tree starts with (a flow's symptom). */
  readonly answers: Answers;
  readonly evidence: readonly PastedEvidence[];
  /** The last analysis error, shown beside the paste; the pasted text itself is always kept. */
  readonly error?: string;
  readonly facts?: EvidenceFacts;
}

export type SessionEvent =
  | { readonly type: 'evidence.pasted'; readonly evidence: readonly PastedEvidence[] }
  | Exclude<WizardEvent, { type: 'analysis.completed' }>;

export const wizardSessionMachine = setup({
  types: {
    context: {} as SessionContext,
    events: {} as SessionEvent,
    input: {} as { answers?: Answers },
  },
  actors: {
    wizard: pathDoctorMachine,
    // Must be provided by the shell (`wizardSessionMachine.provide({ actors: { analyseEvidence } })`).
    analyseEvidence: fromPromise<AnalysisOutcome, { evidence: readonly PastedEvidence[] }>(async () => {
      throw new Error('no evidence analyser was provided to the wizard session');
    }),
  },
  actions: {
    keepEvidence: assign({
      evidence: ({ event }) => (event.type === 'evidence.pasted' ? event.evidence : []),
    }),
    forwardToWizard: sendTo('wizard', ({ event }) => event as WizardEvent),
    recordOutcome: assign(({ event }) => {
      const out = (event as unknown as { output: AnalysisOutcome }).output;
      return out.ok ? { facts: out.facts, error: undefined } : { error: out.error };
    }),
    sendFactsToWizard: sendTo('wizard', ({ context }) => ({ type: 'analysis.completed' as const, facts: context.facts! })),
    recordFailure: assign({
      error: ({ event }) => `The evidence could not be analysed: ${String((event as unknown as { error: unknown }).error)}`,
    }),
  },
  guards: {
    analysisSucceeded: ({ event }) => (event as unknown as { output: AnalysisOutcome }).output.ok,
  },
}).createMachine({
  id: 'wizardSession',
  context: ({ input }) => ({ answers: input.answers ?? {}, evidence: [] }),
  invoke: { id: 'wizard', src: 'wizard', input: ({ context }) => ({ answers: context.answers }) },
  initial: 'ready',
  on: {
    'user.answered': { actions: 'forwardToWizard' },
    'user.back': { actions: 'forwardToWizard' },
    'user.restart': { actions: 'forwardToWizard' },
  },
  states: {
    ready: {
      on: { 'evidence.pasted': { target: 'analysing', actions: 'keepEvidence' } },
    },
    analysing: {
      invoke: {
        src: 'analyseEvidence',
        input: ({ context }) => ({ evidence: context.evidence }),
        onDone: [
          { guard: 'analysisSucceeded', target: 'ready', actions: ['recordOutcome', 'sendFactsToWizard'] },
          { target: 'ready', actions: 'recordOutcome' },
        ],
        onError: { target: 'ready', actions: 'recordFailure' },
      },
      // A newer paste replaces the one being analysed.
      on: { 'evidence.pasted': { target: 'analysing', reenter: true, actions: 'keepEvidence' } },
    },
  },
});
