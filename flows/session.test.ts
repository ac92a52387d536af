import { readFileSync } from 'node:fs';
import { createActor, fromPromise, waitFor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/core/analyze.ts';
import { loadEvidence } from '../src/parsers/index.ts';
import { EVIDENCE_MIGRATION, factsFromAnalysis } from './facts.ts';
import { wizardSessionMachine, type AnalysisOutcome, type PastedEvidence } from './session.machine.ts';

/** The analyser a shell provides: parsers + core, in-process (the renderer runs the same in a worker). */
const inProcess = fromPromise<AnalysisOutcome, { evidence: readonly PastedEvidence[] }>(async ({ input }) => {
  const side = (role: PastedEvidence['role']) => input.evidence.filter((e) => e.role === role).map((e) => ({ file: e.name, text: e.text }));
  const src = loadEvidence(side('source'));
  if (!src.ok) return { ok: false, error: src.error.message };
  const dstInputs = side('destination');
  const dst = dstInputs.length > 0 ? loadEvidence(dstInputs) : undefined;
  if (dst && !dst.ok) return { ok: false, error: dst.error.message };
  const source = src.hosts[0]!;
  const dest = dst?.ok ? dst.hosts[0] : src.hosts[1];
  return { ok: true, facts: factsFromAnalysis(analyze({ source, ...(dest ? { dest } : {}), migration: EVIDENCE_MIGRATION })) };
});

function wizardState(actor: ReturnType<typeof createActor<typeof wizardSessionMachine>>): string {
  const child = actor.getSnapshot().children.wizard!;
  return JSON.stringify(child.getSnapshot().value);
}

describe('wizard session: the machine invokes the core on pasted evidence', () => {
  it('analyses a pasted pair and the decision tree answers its questions from the evidence', async () => {
    const actor = createActor(wizardSessionMachine.provide({ actors: { analyseEvidence: inProcess } }), { input: { answers: { symptom: 'vmk0-traffic' } } });
    actor.start();
    const before = wizardState(actor);
    actor.send({
      type: 'evidence.pasted',
      evidence: [
        { name: 'esx-a.txt', text: readFileSync('examples/bind0-6.7/esx-a.txt', 'utf8'), role: 'source' },
        { name: 'esx-b.txt', text: readFileSync('examples/bind0-6.7/esx-b.txt', 'utf8'), role: 'destination' },
      ],
    });
    expect(actor.getSnapshot().value).toBe('analysing');
    await waitFor(actor, (s) => s.matches('ready'));
    expect(actor.getSnapshot().context.facts?.findings).toContain('VMOTION_EGRESS_MISMATCH');
    expect(actor.getSnapshot().context.error).toBeUndefined();
    // The tree moved on from the question it was waiting at, because the evidence answered it, and reached the
    // diagnosis of the vMotion-on-vmk0 case.
    expect(wizardState(actor)).not.toBe(before);
    const tree = actor.getSnapshot().children.wizard!.getSnapshot() as { hasTag(t: string): boolean };
    expect(tree.hasTag('diagnosis')).toBe(true);
    actor.stop();
  });

  it('keeps the paste and reports one clear sentence when the evidence cannot be read', async () => {
    const actor = createActor(wizardSessionMachine.provide({ actors: { analyseEvidence: inProcess } }), { input: {} });
    actor.start();
    const garbage: PastedEvidence = { name: 'mail.txt', text: 'Windows IP Configuration\n   Host Name . . . : JUMP01\n', role: 'source' };
    actor.send({ type: 'evidence.pasted', evidence: [garbage] });
    await waitFor(actor, (s) => s.matches('ready'));
    expect(actor.getSnapshot().context.error).toMatch(/no supported ESXi command output/i);
    expect(actor.getSnapshot().context.evidence).toEqual([garbage]);
    actor.stop();
  });

  it('a synchronous test analyser replaces the core, and user events reach the decision tree', async () => {
    const facts = { answers: {}, area: 'none' as const, hosts: ['esx01'], findings: [] };
    const sync = fromPromise<AnalysisOutcome, { evidence: readonly PastedEvidence[] }>(() => Promise.resolve({ ok: true, facts }));
    const actor = createActor(wizardSessionMachine.provide({ actors: { analyseEvidence: sync } }), { input: {} });
    actor.start();
    actor.send({ type: 'evidence.pasted', evidence: [{ name: 'x', text: 'x', role: 'source' }] });
    await waitFor(actor, (s) => s.matches('ready'));
    expect(actor.getSnapshot().context.facts).toEqual(facts);
    const start = wizardState(actor);
    actor.send({ type: 'user.restart' });
    expect(wizardState(actor)).toBe(start);
    actor.stop();
  });

  it('without a provided analyser it says so instead of failing silently', async () => {
    const actor = createActor(wizardSessionMachine, { input: {} });
    actor.start();
    actor.send({ type: 'evidence.pasted', evidence: [{ name: 'x', text: 'x', role: 'source' }] });
    await waitFor(actor, (s) => s.matches('ready'));
    expect(actor.getSnapshot().context.error).toMatch(/no evidence analyser was provided/);
    actor.stop();
  });
});
