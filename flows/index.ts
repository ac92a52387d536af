/**
 * The flows the wizard (and `path-doctor flows` / `walk`) offers: entry points into the one wizard machine, each
 * with its symptom already answered, plus `start`, which asks for the symptom or lets the evidence decide.
 * Why one machine behind several flows: see the header of path-doctor.machine.ts.
 */
import { pathDoctorMachine, type Answers } from './path-doctor.machine.ts';
import { QUESTIONS } from './texts/questions.ts';

export interface FlowDefinition {
  readonly id: string;
  readonly title: string;
  /** The entry symptom as the user would say it. */
  readonly symptom: string;
  /** Answers the flow starts with (its symptom). */
  readonly answers: Answers;
  readonly machine: typeof pathDoctorMachine;
}

type SymptomValue = (typeof QUESTIONS.symptom.answers)[number]['value'];

function symptomLabel(value: SymptomValue): string {
  return QUESTIONS.symptom.answers.find((a) => a.value === value)?.label ?? value;
}

function entry(id: string, title: string, symptom: SymptomValue): FlowDefinition {
  return { id, title, symptom: symptomLabel(symptom), answers: { symptom }, machine: pathDoctorMachine };
}

export const FLOWS: readonly FlowDefinition[] = [
  entry('vmotion-on-management', 'vMotion traffic on the management network', 'vmk0-traffic'),
  entry('unicast-flooding', 'Unicast flooding during vMotion', 'flooding'),
  entry('slow-cold-migration', 'Slow snapshot / non-shared-storage migrations', 'cold-slow'),
  entry('vmotion-fails', 'vMotion fails or times out', 'fails'),
  {
    id: 'start',
    title: 'Start: choose a symptom, or let the evidence decide',
    symptom: 'Any (the first question asks for it)',
    answers: {},
    machine: pathDoctorMachine,
  },
];

export function flowById(id: string): FlowDefinition | undefined {
  return FLOWS.find((f) => f.id === id);
}

export { pathDoctorMachine } from './path-doctor.machine.ts';
export type { Answers, WizardContext, WizardEvent, WizardInput, WizardStateMeta } from './path-doctor.machine.ts';
export { factsFromAnalysis, EVIDENCE_MIGRATION } from './facts.ts';
export type { EvidenceFacts } from './facts.ts';
export { walkFlow, describeSnapshot } from './walk.ts';
export type { WalkResult, WalkOutcome, WalkPending } from './walk.ts';
export { collectorCommand, COLLECTED_COMMANDS } from './collector.ts';

/**
 * The title of a walk: its flow's, or, for the evidence-first `start` flow, the flow of the symptom it settled on
 * (the one answered, or the evidence's leading problem when the answer was "let the evidence decide").
 */
export function walkTitle(flow: FlowDefinition, answers: Readonly<Record<string, string | undefined>>, area?: string): string {
  if (flow.id !== 'start') return flow.title;
  // The evidence's area names the walk only once the engineer let the evidence decide, never before they chose.
  const symptom = answers.symptom === 'unknown' ? area : answers.symptom;
  return FLOWS.find((f) => f.id !== 'start' && f.answers.symptom === symptom)?.title ?? flow.title;
}
