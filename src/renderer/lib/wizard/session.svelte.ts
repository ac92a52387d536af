/**
 * One walk through a flow: the flows' machine in an actor bridged to runes, and the events the UI may send.
 * The session never decides a route; it sends `user.answered` / `user.back` / `user.restart` and, when the user
 * hands over pasted evidence, `analysis.completed` with the facts the flows derive from the core's analysis.
 */
import type { AnalysisResult } from '../../../core/analyze.ts';
import { ActorBridge } from '../actors/actor.svelte.ts';
import { describeSnapshot, factsOf } from './flows-adapter.ts';
import type { EvidenceFacts, FlowDefinition, QuestionKey, WalkResult } from './flows-adapter.ts';

export class WizardSession {
  readonly flow: FlowDefinition;
  readonly #bridge: ActorBridge<FlowDefinition['machine']>;
  /** The analysis whose facts the machine holds (for the outcome's commands), if evidence was used. */
  analysis = $state.raw<AnalysisResult | undefined>(undefined);

  constructor(flow: FlowDefinition) {
    this.flow = flow;
    this.#bridge = new ActorBridge(flow.machine, { answers: flow.answers });
  }

  /** Where the walk stands: the pending question, the outcome, or (a flows bug) stuck. */
  get view(): WalkResult {
    return describeSnapshot(this.#bridge.snapshot);
  }

  get facts(): EvidenceFacts | undefined {
    return this.#bridge.snapshot.context.facts;
  }

  /** The answered questions of the current path, in order, with who answered and the value used. */
  get answered(): { question: QuestionKey; value: string; by: 'user' | 'evidence' }[] {
    const ctx = this.#bridge.snapshot.context;
    const out: { question: QuestionKey; value: string; by: 'user' | 'evidence' }[] = [];
    for (const s of ctx.trail) {
      if (s.question === undefined || s.by === undefined) continue;
      const value = s.by === 'evidence' ? ctx.facts?.answers[s.question] : ctx.answers[s.question];
      if (value !== undefined) out.push({ question: s.question, value, by: s.by });
    }
    return out;
  }

  /** Questions the user answered on the current path (what Back undoes), in order. */
  get userSteps(): number {
    return this.#bridge.snapshot.context.trail.filter((s) => s.by === 'user' && s.question !== undefined).length;
  }

  answer(question: QuestionKey, value: string): void {
    this.#bridge.send({ type: 'user.answered', question, value });
  }

  back(): void {
    this.#bridge.send({ type: 'user.back' });
  }

  restart(): void {
    this.analysis = undefined;
    this.#bridge.send({ type: 'user.restart' });
  }

  useEvidence(analysis: AnalysisResult): void {
    this.analysis = analysis;
    this.#bridge.send({ type: 'analysis.completed', facts: factsOf(analysis) });
  }

  /** The answers the machine holds (the flow's starting answer included): what a case file keeps. */
  get answers(): Readonly<Record<string, string>> {
    return this.#bridge.snapshot.context.answers;
  }

  /** Where the walk stands, for a case file: the current state, the path to it, and whether evidence was used. */
  get position(): { state: string | null; history: string[]; evidenceUsed: boolean } {
    const ctx = this.#bridge.snapshot.context;
    const history = ctx.trail.map((s) => s.state);
    return { state: history[history.length - 1] ?? null, history, evidenceUsed: ctx.facts !== undefined };
  }

  stop(): void {
    this.#bridge.stop();
  }
}
