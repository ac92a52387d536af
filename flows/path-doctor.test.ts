/**
 * Model-based tests of the wizard machine with xstate/graph: reachability, no dead ends, texts for every state,
 * catalog ids, Back/Restart from every state, evidence skipping and contradictions.
 */
import { describe, expect, it } from 'vitest';
import { createMachine, initialTransition, transition, type AnyStateNode } from 'xstate';
import { createTestModel, getShortestPaths, getSimplePaths, getStateNodes } from 'xstate/graph';
import { FINDING_IDS } from '../src/core/findings/catalog.ts';
import { REMEDIATION_IDS, REMEDIATIONS } from '../src/core/remediation/catalog.ts';
import type { EvidenceFacts } from './facts.ts';
import { flowStats, isOutcome, serializeWizard, wizardAdjacency, wizardEvents, type WizardSnapshot } from './graph.ts';
import { FLOWS, flowById, type FlowDefinition } from './index.ts';
import { pathDoctorMachine, type TrailStep, type WizardEvent, type WizardStateMeta } from './path-doctor.machine.ts';
import { CONFIG_QUESTIONS, exampleFacts } from './test-support.ts';
import { COLLECT, OUTCOME_TEXTS, STEP_TEXTS } from './texts/outcomes.ts';
import { QUESTIONS, QUESTION_KEYS, isQuestionKey, type QuestionKey } from './texts/questions.ts';
import { currentMeta, describeSnapshot } from './walk.ts';

const START = flowById('start')!;
/** Evidence that answers nothing: reaches the "evidence cannot tell" routes and the nothing-found escalation. */
const EMPTY_FACTS: EvidenceFacts = { answers: {}, area: 'none', hosts: ['esx99'], findings: [] };
const FIXTURES: EvidenceFacts[] = [...exampleFacts(), EMPTY_FACTS];

const atomic = getStateNodes(pathDoctorMachine.root).filter((n) => n.type === 'atomic');
const pathOf = (n: AnyStateNode) => n.path.join('.');
const metaOf = (n: AnyStateNode) => (n.meta ?? {}) as WizardStateMeta;

function entryParams(n: AnyStateNode): { state?: string; question?: string } | undefined {
  const entry = n.config.entry as { type?: string; params?: { state?: string; question?: string } } | undefined;
  return entry?.type === 'visit' ? entry.params : undefined;
}

function send(s: WizardSnapshot, event: WizardEvent): WizardSnapshot {
  return transition(pathDoctorMachine, s, event)[0];
}

function start(flow: FlowDefinition): WizardSnapshot {
  return initialTransition(pathDoctorMachine, { answers: flow.answers })[0];
}

// The full traversal from the shared start, with every example's evidence offered where the wizard accepts it.
const ADJ = wizardAdjacency(START, FIXTURES);
const VERTICES: WizardSnapshot[] = Object.values(ADJ).map((v) => v.state);

describe('the wizard machine stays traversable', () => {
  it('has no invoke or after, so createTestModel accepts it', () => {
    expect(() => createTestModel(pathDoctorMachine)).not.toThrow();
  });

  it('createTestModel would reject a decision tree with a delayed transition (the check is real)', () => {
    const timed = createMachine({ initial: 'a', states: { a: { after: { 1000: 'b' } }, b: {} } });
    expect(() => createTestModel(timed)).toThrow();
  });

  it('is plain data apart from the context factory, so a state-machine editor can open it', () => {
    const functions: string[] = [];
    const walkConfig = (value: unknown, path: string): void => {
      if (typeof value === 'function') functions.push(path);
      else if (Array.isArray(value)) value.forEach((v, i) => walkConfig(v, `${path}[${i}]`));
      else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) walkConfig(v, `${path}.${k}`);
    };
    walkConfig(pathDoctorMachine.config, 'config');
    expect(functions).toEqual(['config.context']);
  });
});

describe('reachability and outcomes', () => {
  it('reaches every state from the start (shortest paths with answers and pasted evidence)', () => {
    const paths = getShortestPaths(pathDoctorMachine, {
      events: wizardEvents(FIXTURES),
      serializeState: (s) => serializeWizard(s as WizardSnapshot),
    });
    // Routing states (triage) never rest: they count as reached when a path passes through them.
    const reached = new Set(paths.flatMap((p) => (p.state as WizardSnapshot).context.trail.map((t) => t.state)));
    expect([...atomic.map(pathOf)].filter((s) => !reached.has(s))).toEqual([]);
  });

  it('ends every path in a diagnosis or an escalation: from every reachable state an outcome is reachable', () => {
    const stats = flowStats(START, FIXTURES);
    expect(stats.deadEnds).toBe(0);
    for (const s of VERTICES) {
      const next = Object.keys(ADJ[serializeWizard(s) as keyof typeof ADJ]!.transitions);
      // A state with nothing left to answer is an outcome, never a question waiting for an impossible answer.
      if (next.length === 0) expect(isOutcome(s), currentMeta(s)?.state).toBe(true);
    }
  });

  it('every loop-free path of the flooding flow (getSimplePaths) stops only at outcomes or open questions', () => {
    const flow = flowById('unicast-flooding')!;
    const paths = getSimplePaths(pathDoctorMachine, {
      input: { answers: flow.answers },
      events: wizardEvents(),
      serializeState: (s) => serializeWizard(s as WizardSnapshot),
    });
    const ends = paths.filter((p) => isOutcome(p.state as WizardSnapshot));
    expect(ends.length).toBe(flowStats(flow).paths);
    for (const p of paths) {
      const r = describeSnapshot(p.state as WizardSnapshot);
      expect(['outcome', 'pending']).toContain(r.status);
    }
  });

  it('never stops in a routing state: a snapshot is an outcome or shows a question', () => {
    for (const s of VERTICES) expect(describeSnapshot(s).status, currentMeta(s)?.state).not.toBe('stuck');
  });

  it('counts states and paths for every flow, and each flow reaches at least one diagnosis', () => {
    for (const flow of FLOWS) {
      const stats = flowStats(flow);
      expect(stats.states, flow.id).toBeGreaterThan(3);
      expect(stats.paths, flow.id).toBeGreaterThan(3);
      expect(stats.deadEnds, flow.id).toBe(0);
      const diagnoses = Object.values(wizardAdjacency(flow)).filter((v) => v.state.hasTag('diagnosis'));
      expect(diagnoses.length, flow.id).toBeGreaterThan(0);
    }
  });
});

describe('display texts and meta', () => {
  it('gives every atomic state exactly one text: a question, an outcome or a routing step', () => {
    for (const n of atomic) {
      const m = metaOf(n);
      const kinds = [m.question, m.outcome, m.step].filter((x) => x !== undefined);
      expect(kinds.length, pathOf(n)).toBe(1);
      if (m.question !== undefined) {
        expect(isQuestionKey(m.question), pathOf(n)).toBe(true);
        expect(QUESTIONS[m.question].prompt.length).toBeGreaterThan(10);
      }
      if (m.outcome !== undefined) expect(OUTCOME_TEXTS[pathOf(n) as keyof typeof OUTCOME_TEXTS], pathOf(n)).toBeDefined();
      if (m.step !== undefined) expect(STEP_TEXTS[m.step].summary.length).toBeGreaterThan(10);
    }
  });

  it('has an outcome text for outcome states only, and every compound state says why it exists', () => {
    const outcomes = atomic.filter((n) => metaOf(n).outcome !== undefined).map(pathOf).sort();
    expect(Object.keys(OUTCOME_TEXTS).sort()).toEqual(outcomes);
    for (const n of getStateNodes(pathDoctorMachine.root).filter((x) => x.type === 'compound' && x.path.length > 0)) {
      expect(n.description, pathOf(n)).toBeTruthy();
    }
  });

  it('tags match meta: question states, evidence states, diagnoses and escalations', () => {
    for (const n of atomic) {
      const m = metaOf(n);
      const tags = [...n.tags];
      expect(tags.length, pathOf(n)).toBe(1);
      if (m.outcome) expect(tags).toEqual([m.outcome]);
      else if (m.step) expect(tags).toEqual(['evidence']);
      else expect(tags, pathOf(n)).toEqual([m.question === 'evidence' ? 'evidence' : 'question']);
    }
  });

  it("records each state's own path and question on entry (the data of the config agrees with itself)", () => {
    for (const n of atomic) {
      const p = entryParams(n);
      expect(p?.state, pathOf(n)).toBe(pathOf(n));
      expect(p?.question, pathOf(n)).toBe(metaOf(n).question);
    }
  });

  it('offers "I don\'t know" on every question a user may not know (all but the symptom and the paste request)', () => {
    for (const key of QUESTION_KEYS.filter((k) => k !== 'symptom' && k !== 'evidence')) {
      expect(QUESTIONS[key].answers.map((a) => a.value), key).toContain('unknown');
    }
    for (const key of QUESTION_KEYS) expect(new Set(QUESTIONS[key].answers.map((a) => a.value)).size).toBe(QUESTIONS[key].answers.length);
  });
});

describe('catalog ids', () => {
  const outcomes = atomic.map(metaOf).filter((m) => m.outcome !== undefined);

  it('uses only finding ids of the findings catalog and remediation ids of the remediation catalog', () => {
    for (const m of outcomes) {
      for (const f of m.findings ?? []) expect(FINDING_IDS).toContain(f);
      for (const r of m.remediation ?? []) expect(REMEDIATION_IDS).toContain(r);
    }
  });

  it('gives every diagnosis a remediation and every escalation something concrete to collect', () => {
    for (const n of atomic.filter((x) => metaOf(x).outcome !== undefined)) {
      const m = metaOf(n);
      if (m.outcome === 'diagnosis') expect(m.remediation?.length ?? 0, pathOf(n)).toBeGreaterThan(0);
      else {
        expect(m.collect?.length ?? 0, pathOf(n)).toBeGreaterThan(0);
        for (const c of m.collect ?? []) expect(COLLECT[c].how.length).toBeGreaterThan(10);
      }
    }
  });

  it('reaches every remediation of the catalog from some path', () => {
    const reached = new Set(VERTICES.filter(isOutcome).flatMap((s) => [...(currentMeta(s)!.meta.remediation ?? [])]));
    expect([...reached].sort()).toEqual(Object.keys(REMEDIATIONS).sort());
  });
});

describe('back and restart', () => {
  it('Back from every reachable state returns to the last question the user answered, unanswered again', () => {
    let checked = 0;
    for (const s of VERTICES) {
      const lastUser: TrailStep | undefined = [...s.context.trail].reverse().find((t) => t.by === 'user');
      const after = send(s, { type: 'user.back' });
      const now = currentMeta(after)!;
      if (lastUser) {
        // A question met twice on one path (the migration kind) was answered where it was first asked.
        const question = lastUser.question;
        const askedAt = s.context.trail.find((t: TrailStep) => t.question === question)!.state;
        expect(now.state, `back from ${currentMeta(s)?.state}`).toBe(askedAt);
        expect(after.context.trail[after.context.trail.length - 1]?.by).toBeUndefined();
        expect(after.context.answers[question!]).toBeUndefined();
        checked++;
      } else {
        expect(now.state).toBe(currentMeta(s)!.state);
      }
      expect(after.context.facts).toBe(s.context.facts); // Back keeps the evidence
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('Restart from every reachable state returns to the start of the flow with no answers and no evidence', () => {
    for (const flow of FLOWS) {
      const initial = serializeWizard(start(flow));
      for (const v of Object.values(wizardAdjacency(flow, FIXTURES.slice(0, 3)))) {
        const after = send(v.state, { type: 'user.restart' });
        expect(serializeWizard(after)).toBe(initial);
        expect(after.context.contradictions).toEqual([]);
      }
    }
  });

  it('Back at the very first question stays there', () => {
    const s = start(START);
    expect(currentMeta(send(s, { type: 'user.back' }))!.state).toBe('askSymptom');
  });
});

describe('answers and evidence', () => {
  const vmk0Flow = flowById('vmotion-on-management')!;
  const answer = (s: WizardSnapshot, question: QuestionKey, value: string) => send(s, { type: 'user.answered', question, value });

  it('ignores an answer to a question that is not on screen, or a value the question does not offer', () => {
    const s = start(vmk0Flow);
    expect(currentMeta(s)!.state).toBe('vmk0Traffic.askVmotionVmknic');
    expect(serializeWizard(answer(s, 'sameSubnet', 'yes'))).toBe(serializeWizard(s));
    expect(serializeWizard(answer(s, 'vmotionVmknic', 'vmk9'))).toBe(serializeWizard(s));
  });

  it('"I don\'t know" on a question the evidence can answer asks for the collector, and the paste resumes the walk', () => {
    for (const key of QUESTION_KEYS.filter((k) => QUESTIONS[k].fromEvidence)) {
      const at = VERTICES.find((v) => currentMeta(v)?.meta.question === key && !v.context.facts && v.context.trail.at(-1)?.by === undefined);
      expect(at, key).toBeDefined();
      const s = answer(at!, key, 'unknown');
      expect(currentMeta(s)!.state, key).toBe('collectEvidence');
      const resumed = send(s, { type: 'analysis.completed', facts: EMPTY_FACTS });
      // Evidence that does not answer the question either: never back to the collector, never stuck.
      expect(currentMeta(resumed)!.state, key).not.toBe('collectEvidence');
      expect(describeSnapshot(resumed).status, key).not.toBe('stuck');
    }
  });

  it('skips the questions the evidence answers and records that it did', () => {
    const s = answer(start(vmk0Flow), 'vmotionVmknic', 'unknown');
    const facts: EvidenceFacts = {
      ...EMPTY_FACTS,
      area: 'vmk0-traffic',
      answers: { vmotionVmknic: 'separate', vmotionStack: 'no', sameSubnet: 'yes', esxiVersion: '6.5+', bindToVmknic: '0' },
    };
    const r = describeSnapshot(send(s, { type: 'analysis.completed', facts }));
    expect(r.status).toBe('outcome');
    if (r.status !== 'outcome') return;
    expect(r.outcome.state).toBe('dxBindingWeakened');
    expect(r.answeredByEvidence).toEqual([...CONFIG_QUESTIONS]);
    expect(r.contradictions).toEqual([]);
  });

  it('splits 6.5: an untouched value on 6.5 GA–c is not "always bound" (no dump shows its default), from 6.5d on it is', () => {
    const at = (version: string, bind: string) => {
      let s = answer(start(vmk0Flow), 'vmotionVmknic', 'separate');
      s = answer(s, 'vmotionStack', 'no');
      s = answer(s, 'sameSubnet', 'yes');
      s = answer(s, 'esxiVersion', version);
      return currentMeta(answer(s, 'bindToVmknic', bind))!.state;
    };
    expect(at('6.5-early', 'default')).toBe('vmk0Traffic.askObservedEgress');
    expect(at('6.5+', 'default')).toBe('vmk0Traffic.askWhatMigrated');
    // A shown value means the same on 6.5 GA–c as later: 3 binds, 0 does not.
    expect(at('6.5-early', '3')).toBe('vmk0Traffic.askWhatMigrated');
    const weakened = describeSnapshot(
      answer(answer(answer(answer(answer(start(vmk0Flow), 'vmotionVmknic', 'separate'), 'vmotionStack', 'no'), 'sameSubnet', 'yes'), 'esxiVersion', '6.5-early'), 'bindToVmknic', '0'),
    );
    expect(weakened.status === 'outcome' && weakened.outcome.state).toBe('dxBindingWeakened');
  });

  it('splits 5.x: an untouched value on 5.0/5.1 behaves like 2 (likely vmk0), on 5.5 it stays unknown; a 1 is unsure on both', () => {
    const at = (version: string, bind: string, count?: string) => {
      let s = answer(start(vmk0Flow), 'vmotionVmknic', 'separate');
      s = answer(s, 'vmotionStack', 'no');
      s = answer(s, 'sameSubnet', 'yes');
      s = answer(s, 'esxiVersion', version);
      s = answer(s, 'bindToVmknic', bind);
      return currentMeta(count === undefined ? s : answer(s, 'vmotionVmknicCount', count))!.state;
    };
    expect(at('5.0-5.1', 'default')).toBe('vmk0Traffic.askVmotionVmknicCount');
    expect(at('5.0-5.1', 'default', 'one')).toBe('dxLegacyMismatchLikely');
    // Two or more vMotion vmknics are honoured on 5.1 (Denneman): the stream is bound, so the migration kind decides.
    expect(at('5.0-5.1', 'default', 'several')).toBe('vmk0Traffic.askWhatMigrated');
    expect(at('5.5', 'default')).toBe('vmk0Traffic.askObservedEgress');
    expect(at('5.0-5.1', '1')).toBe('vmk0Traffic.askObservedEgress');
    expect(at('5.5', '1')).toBe('vmk0Traffic.askObservedEgress');
    // A pasted 2 with one vMotion vmknic is read as today (probable): the unbound mismatch, not the "untouched" text.
    expect(at('5.5', '2', 'one')).toBe('dxLegacyMismatch');
    expect(at('5.0-5.1', '0')).toBe('dxLegacyMismatch');
    // "I don't know" with nothing pasted asks for the collector first, on 5.0/5.1 as everywhere.
    expect(at('5.0-5.1', 'unknown')).toBe('collectEvidence');
  });

  it('on 5.0/5.1, evidence that does not show the value goes on as untouched, never to the measurement', () => {
    let s = answer(start(vmk0Flow), 'vmotionVmknic', 'separate');
    s = answer(s, 'vmotionStack', 'no');
    s = answer(s, 'sameSubnet', 'yes');
    s = answer(s, 'esxiVersion', '5.0-5.1');
    s = answer(s, 'bindToVmknic', 'unknown');
    const r = describeSnapshot(send(s, { type: 'analysis.completed', facts: { ...EMPTY_FACTS, answers: { vmotionVmknicCount: 'one' } } }));
    expect(r.status === 'outcome' && r.outcome.state).toBe('dxLegacyMismatchLikely');
    const on55 = describeSnapshot(send(answer(answer(answer(answer(answer(start(vmk0Flow), 'vmotionVmknic', 'separate'), 'vmotionStack', 'no'), 'sameSubnet', 'yes'), 'esxiVersion', '5.5'), 'bindToVmknic', 'unknown'), { type: 'analysis.completed', facts: { ...EMPTY_FACTS, answers: { vmotionVmknicCount: 'one' } } }));
    expect(on55.status === 'pending' && on55.pending.key).toBe('observedEgress');
  });

  it('follows the evidence when it contradicts an answer, and says so', () => {
    let s = answer(start(vmk0Flow), 'vmotionVmknic', 'separate');
    s = answer(s, 'vmotionStack', 'no');
    s = answer(s, 'sameSubnet', 'no');
    expect(currentMeta(s)!.state).toBe('vmk0Traffic.askPeerSubnet');
    const facts: EvidenceFacts = { ...EMPTY_FACTS, answers: { sameSubnet: 'yes' } };
    const r = describeSnapshot(send(s, { type: 'analysis.completed', facts }));
    expect(r.status).toBe('pending');
    if (r.status !== 'pending') return;
    expect(r.pending.state).toBe('vmk0Traffic.askEsxiVersion');
    expect(r.contradictions).toEqual([{ state: 'vmk0Traffic.askSameSubnet', question: 'sameSubnet', answered: 'no', evidence: 'yes' }]);
    expect(r.answeredByEvidence).toEqual(['vmk0Traffic.askSameSubnet']);
  });

  it('lets the user paste evidence straight away at the start, then asks only the symptom', () => {
    const facts = FIXTURES[3]!; // bind0-6.7
    const s = send(start(START), { type: 'analysis.completed', facts });
    expect(currentMeta(s)!.state).toBe('askSymptom');
    const r = describeSnapshot(answer(s, 'symptom', 'unknown'));
    expect(r.status === 'outcome' && r.outcome.state).toBe('dxBindingWeakened');
    expect(r.visited).toContain('triage');
  });

  it('asks for the evidence when the symptom is unknown and nothing was pasted', () => {
    expect(currentMeta(answer(start(START), 'symptom', 'unknown'))!.state).toBe('collectEvidence');
    const r = describeSnapshot(answer(answer(start(START), 'symptom', 'unknown'), 'evidence', 'unavailable'));
    expect(r.status === 'outcome' && r.outcome.state).toBe('escNoEvidence');
  });
});
