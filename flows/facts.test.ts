import { describe, expect, it } from 'vitest';
import { QUESTIONS, QUESTION_KEYS } from './texts/questions.ts';
import { analyze } from '../src/core/analyze.ts';
import { EVIDENCE_MIGRATION, factsFromAnalysis } from './facts.ts';
import { analyseExample, EXAMPLE_CASES, hostFromText } from './test-support.ts';

describe('evidence facts from the analysis', () => {
  it('answers the seed-chan-5.0 configuration questions (5.0, same subnet, BindToVmknic 1, no provisioning vmknic)', () => {
    const { facts } = analyseExample('seed-chan-5.0', ['esx01.txt', 'esx02.txt']);
    expect(facts.answers).toEqual({
      vmotionVmknic: 'separate', // vmk1 from esx.conf /adv/Migrate/Vmknic (§1.7 A4)
      vmotionStack: 'no', // 5.x has one stack (§1.2)
      sameSubnet: 'yes',
      esxiVersion: '5.0-5.1',
      bindToVmknic: '1',
      vmotionVmknicCount: 'one',
      vmotionL3: 'same',
      receiverSharesSubnet: 'yes',
      receiverAutobind: 'no-autobind', // 5.0 has no receive autobind (§1.7 E2)
      provisioningVmknic: 'none',
      vmotionTagShadowed: 'no',
      mtuConsistent: 'consistent',
    });
    expect(facts.area).toBe('vmk0-traffic');
    expect(facts.hosts.map((h) => h.split('.')[0])).toEqual(['esx01', 'esx02']);
  });

  it('reads a build default as "never changed" and a pasted value as that value', () => {
    expect(analyseExample('modern-7.0u3-same-subnet', ['esx-a.txt', 'esx-b.txt']).facts.answers.bindToVmknic).toBe('default');
    expect(analyseExample('bind0-6.7', ['esx-a.txt', 'esx-b.txt']).facts.answers.bindToVmknic).toBe('0');
    expect(analyseExample('multinic-6.0u3', ['esx-a.txt']).facts.answers).toMatchObject({ esxiVersion: '6.0', bindToVmknic: '2', vmotionVmknicCount: 'several' });
  });

  it('tells the 7.0 U3d+ receive side (uncertain flooding) from a receiver that autobinds', () => {
    expect(analyseExample('modern-7.0u3-same-subnet', ['esx-a.txt', 'esx-b.txt']).facts.answers.receiverAutobind).toBe('autobind-gone');
    expect(analyseExample('bind0-6.7', ['esx-a.txt', 'esx-b.txt']).facts.answers.receiverAutobind).toBe('autobind');
  });

  it('answers the routed, MTU and provisioning questions from the findings that decide them', () => {
    expect(analyseExample('l3-vmotion-7.0', ['esx-a.txt', 'esx-b.txt']).facts.answers).toMatchObject({ vmotionL3: 'different', vmotionGateway: 'no' });
    expect(analyseExample('vmotion-stack-8.0', ['esx-a.txt', 'esx-b.txt']).facts.answers).toMatchObject({
      vmotionStack: 'yes',
      mtuConsistent: 'mismatch',
      provisioningVmknic: 'both',
      provisioningRoute: 'yes',
    });
    expect(analyseExample('provisioning-fallback-7.0', ['esx-a.txt', 'esx-b.txt']).facts.answers).toMatchObject({ provisioningVmknic: 'both', provisioningRoute: 'no' });
  });

  it('leaves a question open when the paste does not decide it (absence of evidence is not evidence)', () => {
    const one = analyseExample('multinic-6.0u3', ['esx-a.txt']).facts.answers;
    // One host: nothing about the path between hosts.
    expect(one.vmotionL3).toBeUndefined();
    expect(one.mtuConsistent).toBeUndefined();
    const thin = analyseExample('messy', ['only-version.txt']).facts;
    expect(thin.answers).toEqual({ esxiVersion: '6.5+', bindToVmknic: 'default' });
    expect(thin.area).toBe('none');
  });

  it('answers "6.5 GA–c" for a 6.5 build before 6.5d, whose BindToVmknic default no dump shows', () => {
    const facts = (build: string) =>
      factsFromAnalysis(analyze({ source: hostFromText('esx90.txt', `[root@esx90:~] vmware -vl\nVMware ESXi 6.5.0 build-${build}\nVMware ESXi 6.5.0 GA\n`), migration: EVIDENCE_MIGRATION }));
    expect(facts('4564106').answers).toEqual({ esxiVersion: '6.5-early' });
    expect(facts('5310538').answers).toMatchObject({ esxiVersion: '6.5+', bindToVmknic: 'default' });
  });

  it('splits 5.x: 5.0/5.1 without a value reads as untouched (behaves like 2), 5.5 and 4.x leave the value open', () => {
    const facts = (version: string, build: string) =>
      factsFromAnalysis(analyze({ source: hostFromText('esx91.txt', `~ # vmware -vl\nVMware ESXi ${version} build-${build}\nVMware ESXi ${version.slice(0, 3)} GA\n`), migration: EVIDENCE_MIGRATION }));
    expect(facts('5.0.0', '469512').answers).toMatchObject({ esxiVersion: '5.0-5.1', bindToVmknic: 'default' });
    expect(facts('5.1.0', '799733').answers).toMatchObject({ esxiVersion: '5.0-5.1', bindToVmknic: 'default' });
    expect(facts('5.5.0', '1331820').answers).toMatchObject({ esxiVersion: '5.5' });
    expect(facts('5.5.0', '1331820').answers.bindToVmknic).toBeUndefined();
    expect(facts('4.1.0', '260247').answers).toMatchObject({ esxiVersion: '5.5' });
    expect(analyseExample('seed-denneman-5.1', ['source.txt', 'dest.txt']).facts.answers).toMatchObject({ esxiVersion: '5.0-5.1', bindToVmknic: 'default', vmotionVmknicCount: 'one' });
  });

  it('points the triage at the most serious area: failures before vmk0 traffic before cold data', () => {
    expect(analyseExample('vmotion-stack-8.0', ['esx-a.txt', 'esx-b.txt']).facts.area).toBe('fails');
    expect(analyseExample('messy', ['typo-session.txt']).facts.area).toBe('fails');
    expect(analyseExample('bind0-6.7', ['esx-a.txt', 'esx-b.txt']).facts.area).toBe('vmk0-traffic');
    expect(analyseExample('provisioning-fallback-7.0', ['esx-a.txt', 'esx-b.txt']).facts.area).toBe('cold-slow');
  });

  it('answers exactly the questions marked as answerable from evidence, each for at least one example', () => {
    const produced = new Set(EXAMPLE_CASES.flatMap((c) => Object.keys(analyseExample(c.name, c.files).facts.answers)));
    const marked = QUESTION_KEYS.filter((k) => QUESTIONS[k].fromEvidence);
    expect([...produced].sort()).toEqual([...marked].sort());
  });

  it('only ever answers with a value the question offers, never "I don\'t know"', () => {
    for (const c of EXAMPLE_CASES) {
      for (const [key, value] of Object.entries(analyseExample(c.name, c.files).facts.answers)) {
        const values = QUESTIONS[key as keyof typeof QUESTIONS].answers.map((a) => a.value as string);
        expect(values, `${c.name} ${key}`).toContain(value);
        expect(value).not.toBe('unknown');
      }
    }
  });
});

describe('the title of a walk', async () => {
  const { flowById, walkTitle } = await import('./index.ts');
  it('follows the symptom the evidence-first flow settled on', () => {
    const start = flowById('start')!;
    expect(walkTitle(start, {})).toBe(start.title);
    // Evidence in hand but no symptom chosen yet: the question is still open, and so is the title.
    expect(walkTitle(start, {}, 'cold-slow')).toBe(start.title);
    expect(walkTitle(start, { symptom: 'fails' })).toBe('vMotion fails or times out');
    expect(walkTitle(start, { symptom: 'unknown' }, 'cold-slow')).toBe('Slow snapshot / non-shared-storage migrations');
    expect(walkTitle(flowById('unicast-flooding')!, { symptom: 'fails' })).toBe('Unicast flooding during vMotion');
  });
});
