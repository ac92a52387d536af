/**
 * The one place the renderer reads `flows/`: the symptom list, a session per walk, and the texts of the current
 * step. Everything that decides lives in the flows' machine and the core; this file only reads their data.
 */
import { EVIDENCE_MIGRATION, factsFromAnalysis, FLOWS, flowById, walkTitle } from '../../../../flows/index.ts';
import { wizardAnswers } from '../../../../flows/facts.ts';
import type { EvidenceFacts, FlowDefinition } from '../../../../flows/index.ts';
import { describeSnapshot } from '../../../../flows/walk.ts';
import type { WalkResult } from '../../../../flows/walk.ts';
import { QUESTIONS } from '../../../../flows/texts/questions.ts';
import type { QuestionKey } from '../../../../flows/texts/questions.ts';
import { COLLECT } from '../../../../flows/texts/outcomes.ts';
import type { CollectId } from '../../../../flows/texts/outcomes.ts';
import type { AnalysisResult } from '../../../core/analyze.ts';

export type { EvidenceFacts, FlowDefinition, QuestionKey, WalkResult };
export { EVIDENCE_MIGRATION, factsFromAnalysis, describeSnapshot, QUESTIONS, COLLECT, wizardAnswers, walkTitle };
export type { CollectId };

export function listFlows(): readonly FlowDefinition[] {
  return FLOWS;
}

export function findFlow(id: string): FlowDefinition | undefined {
  return flowById(id);
}

/** The flows' wizard evaluates evidence as this migration kind (flows/facts.ts: both streams flow then). */
export const WIZARD_MIGRATION = EVIDENCE_MIGRATION;

/** Label of an answer value of a question, for "answered so far" and "what the evidence answered". */
export function answerLabel(key: QuestionKey, value: string): string {
  return QUESTIONS[key].answers.find((a) => a.value === value)?.label ?? value;
}

export function factsOf(analysis: AnalysisResult): EvidenceFacts {
  return factsFromAnalysis(analysis);
}
