/**
 * The seed scenarios walked end to end: raw example paste → parser layer → core analysis → evidence facts →
 * wizard → remediation. Expected outcomes follow examples/README.md and the seeds (SEED0 Chan, SEED1 Denneman).
 */
import { describe, expect, it } from 'vitest';
import { flowById, FLOWS } from './index.ts';
import { analyze } from '../src/core/analyze.ts';
import { EVIDENCE_MIGRATION, factsFromAnalysis, wizardAnswers } from './facts.ts';
import { analyseExample, CONFIG_QUESTIONS, EXAMPLE_CASES, hostFromText, readExample } from './test-support.ts';
import { walkFlow, type WalkResult } from './walk.ts';

function walk(flowId: string, dir: string, files: string[], answers: Record<string, string> = {}): WalkResult {
  const { facts } = analyseExample(dir, files);
  return walkFlow(flowById(flowId)!, { facts, answers });
}

function outcome(r: WalkResult) {
  if (r.status !== 'outcome') throw new Error(`expected an outcome, got ${r.status} ${r.status === 'pending' ? r.pending.state : ''}`);
  return r.outcome;
}

describe('seed-chan-5.0 (SEED0): 5.0, vmk0 and vmk1 in 10.0.1.0/24, BindToVmknic set to 1', () => {
  const pair = ['esx01.txt', 'esx02.txt'];

  it('answers the configuration from the paste and stops at the measurement the 5.x value 1 requires', () => {
    const r = walk('vmotion-on-management', 'seed-chan-5.0', pair);
    expect(r.status).toBe('pending');
    if (r.status !== 'pending') return;
    expect(r.pending.key).toBe('observedEgress');
    expect(r.answeredByEvidence).toEqual([...CONFIG_QUESTIONS]);
  });

  it('with vMotion measured on vmk0, diagnoses the mismatch and offers the root fix, multi-NIC and Chan\'s binding', () => {
    const o = outcome(walk('vmotion-on-management', 'seed-chan-5.0', pair, { observedEgress: 'vmk0' }));
    expect(o.state).toBe('dxLegacyMismatch');
    expect(o.findings).toContain('VMOTION_EGRESS_MISMATCH');
    expect(o.remediation).toEqual(['R1', 'R5', 'R4']);
  });

  it('with vMotion measured on vmk1 (Chan\'s fix in effect), still flags the shared subnet, with 5.x fixes only', () => {
    const o = outcome(walk('vmotion-on-management', 'seed-chan-5.0', pair, { observedEgress: 'vmotion-vmknic', migrationKind: 'live' }));
    expect(o.state).toBe('dxSameSubnetLegacy');
    expect(o.remediation).toEqual(['R1', 'R5']); // no vmotion stack (6.0+) and no encrypted vMotion (6.5+) on 5.0
  });

  it('from the flooding symptom, diagnoses unicast flooding on the 5.0 receiver (no receive autobind)', () => {
    const o = outcome(walk('unicast-flooding', 'seed-chan-5.0', pair));
    expect(o.state).toBe('dxUnicastFlooding');
    expect(o.remediation).toContain('R9');
  });

  it('reversed (esx02 shows no value): the untouched 5.0 setting behaves like 2, so vMotion likely leaves by vmk0 without a question', () => {
    const o = outcome(walk('vmotion-on-management', 'seed-chan-5.0', ['esx02.txt', 'esx01.txt']));
    expect(o.state).toBe('dxLegacyMismatchLikely');
  });

  it('with no symptom, the evidence leads to the vMotion-on-management branch', () => {
    const r = walk('start', 'seed-chan-5.0', pair, { symptom: 'unknown', observedEgress: 'both' });
    expect(r.visited).toContain('triage');
    expect(outcome(r).state).toBe('dxLegacyMismatch');
  });
});

describe('seed-denneman-5.1 (SEED1): 5.1, one vMotion vmknic in the management subnet, BindToVmknic not pasted', () => {
  const pair = ['source.txt', 'dest.txt'];

  it('does not ask for the value the paste lacks: the untouched 5.1 setting behaves like 2, so vMotion likely leaves by vmk0', () => {
    const r = walk('vmotion-on-management', 'seed-denneman-5.1', pair);
    const o = outcome(r);
    expect(o.state).toBe('dxLegacyMismatchLikely');
    expect(r.answeredByEvidence).toEqual([...CONFIG_QUESTIONS, 'vmk0Traffic.askVmotionVmknicCount']);
    expect(r.visited).not.toContain('vmk0Traffic.askObservedEgress');
    expect(o.findings).toEqual(['VMOTION_EGRESS_MISMATCH', 'SAME_SUBNET_VMKNICS', 'VMOTION_ON_MANAGEMENT_NETWORK', 'VMOTION_UNENCRYPTED_ON_SHARED_NETWORK']);
    expect(o.remediation).toEqual(['R1', 'R5', 'R4']); // no vmotion stack and no encrypted vMotion on 5.1
    // Likely, not certain: the outcome names what confirms it.
    expect(o.title).toMatch(/likely/);
    expect(o.summary).toContain('`esxcfg-advcfg -g /Migrate/BindToVmknic`');
    expect(o.summary).toContain('esxcli network ip connection list | grep :8000');
  });

  it('agrees with the core, which says "vmk0 — likely" for the same paste', () => {
    const { result } = analyseExample('seed-denneman-5.1', pair);
    const egress = result.flows.find((f) => f.traffic === 'vmotion' && f.role === 'source' && f.direction === 'egress')!;
    expect(egress).toMatchObject({ vmknics: ['vmk0'], certainty: 'probable' });
    expect(result.findings.map((f) => f.id)).not.toContain('EGRESS_UNCERTAIN');
  });

  it('a 1 the engineer answers stays uncertain on 5.1 (Chan\'s advice is untested) and goes to the measurement', () => {
    // As the app and the CLI do: the answer is evidence for the analysis, whose facts the wizard then reads.
    const answers = { bindToVmknic: '1' };
    const [source, dest] = pair.map((f) => hostFromText(f, readExample('seed-denneman-5.1', f)));
    const result = analyze({ source: source!, dest: dest!, migration: EVIDENCE_MIGRATION, answers: wizardAnswers(answers) });
    const r = walkFlow(flowById('vmotion-on-management')!, { facts: factsFromAnalysis(result), answers });
    expect(r.status === 'pending' && r.pending.key).toBe('observedEgress');
    expect(r.contradictions).toEqual([]);
  });

  it('a test vMotion answered up front does not override the configuration\'s likely answer (the core shows the contradiction)', () => {
    const o = outcome(walk('vmotion-on-management', 'seed-denneman-5.1', pair, { observedEgress: 'vmk0' }));
    expect(o.state).toBe('dxLegacyMismatchLikely');
    expect(o.remediation).toEqual(['R1', 'R5', 'R4']);
  });

  it('with the kind unknown, still diagnoses cold data over management: it holds for every kind that moves storage', () => {
    const r = walk('slow-cold-migration', 'seed-denneman-5.1', pair, { migrationKind: 'unknown' });
    expect(outcome(r).state).toBe('dxColdDataOverManagement');
    expect(r.answeredByEvidence).toContain('coldData.askProvisioningVmknic');
  });

  it('a snapshot migration sends its cold data over management (SEED1 scenario 1)', () => {
    const o = outcome(walk('slow-cold-migration', 'seed-denneman-5.1', pair, { migrationKind: 'snapshots' }));
    expect(o.state).toBe('dxColdDataOverManagement');
    expect(o.remediation).toEqual(['R6']);
  });
});

describe('modern-7.0u3-same-subnet: 7.0 U3, vmk1 in vmk0\'s subnet, BindToVmknic 3 by the build', () => {
  const pair = ['esx-a.txt', 'esx-b.txt'];

  it('knows the stream is bound and asks what kind of migration shows traffic on vmk0', () => {
    const r = walk('vmotion-on-management', 'modern-7.0u3-same-subnet', pair);
    expect(r.status === 'pending' && r.pending.key).toBe('migrationKind');
  });

  it('for a live vMotion, diagnoses unsupported multihoming with the root fixes', () => {
    const o = outcome(walk('vmotion-on-management', 'modern-7.0u3-same-subnet', pair, { migrationKind: 'live' }));
    expect(o.state).toBe('dxSameSubnetBound');
    expect(o.remediation).toEqual(['R1', 'R2', 'R10']);
  });

  it('for a VM with snapshots, finds the cold data on vmk0 and recommends provisioning vmknics', () => {
    const r = walk('vmotion-on-management', 'modern-7.0u3-same-subnet', pair, { migrationKind: 'snapshots' });
    expect(outcome(r).state).toBe('dxColdDataOverManagement');
    expect(outcome(r).remediation).toEqual(['R6']);
    expect(r.answeredByEvidence).toContain('coldData.askProvisioningVmknic');
  });

  it('for flooding on 7.0 U3d+, asks for the switch MAC table (receive side undocumented)', () => {
    const r = walk('unicast-flooding', 'modern-7.0u3-same-subnet', pair);
    expect(r.status === 'pending' && r.pending.key).toBe('macLearned');
    expect(outcome(walk('unicast-flooding', 'modern-7.0u3-same-subnet', pair, { macLearned: 'unknown' })).state).toBe('escCollectMacTable');
  });
});

describe('snapshot cold data: provisioning-fallback-7.0 (KB340170 scenario 4)', () => {
  it('finds NFC falling back to vmk0 despite the provisioning vmknics, and routes it', () => {
    const r = walk('slow-cold-migration', 'provisioning-fallback-7.0', ['esx-a.txt', 'esx-b.txt'], { migrationKind: 'snapshots' });
    const o = outcome(r);
    expect(o.state).toBe('dxProvisioningRouteFallback');
    expect(o.remediation).toEqual(['R8', 'R6']);
    expect(r.answeredByEvidence).toEqual(['coldData.askProvisioningVmknic', 'coldData.askProvisioningRoute']);
  });
});

describe('an unknown migration kind where the evidence shows no cold-data problem', () => {
  it('escalates: the kind decides whether anything moves by NFC', () => {
    expect(outcome(walk('slow-cold-migration', 'vmotion-stack-8.0', ['esx-a.txt', 'esx-b.txt'], { migrationKind: 'unknown' })).state).toBe('escMigrationKindUnknown');
  });
});

describe('the neighbours of "vMotion fails"', () => {
  it('vmotion-stack-8.0: MTU 9000 against 1500 → align the MTU', () => {
    expect(outcome(walk('vmotion-fails', 'vmotion-stack-8.0', ['esx-a.txt', 'esx-b.txt'])).remediation).toEqual(['R7']);
  });

  it('l3-vmotion-7.0: routed vMotion without a gateway → add one (R8) or use the vmotion stack (R2)', () => {
    expect(outcome(walk('vmotion-fails', 'l3-vmotion-7.0', ['esx-a.txt', 'esx-b.txt'])).state).toBe('dxL3NoGateway');
  });

  it('messy/typo-session: the only vMotion vmknic is disabled → no vMotion vmknic', () => {
    expect(outcome(walk('vmotion-fails', 'messy', ['typo-session.txt'])).state).toBe('dxNoVmotionVmknic');
  });

  it('messy/only-version: evidence too thin to tell → escalates with the collector, never guesses', () => {
    const o = outcome(walk('vmotion-fails', 'messy', ['only-version.txt'], { vmotionVmknic: 'unknown' }));
    expect(o.kind).toBe('escalation');
    expect(o.collect.map((c) => c.id)).toContain('collector');
  });
});

describe('the wizard agrees with the core', () => {
  it('every diagnosis reached from evidence alone names only findings the analysis raised', () => {
    let compared = 0;
    for (const c of EXAMPLE_CASES) {
      const { result, facts } = analyseExample(c.name, c.files);
      const raised = new Set(result.findings.map((f) => f.id));
      for (const flow of FLOWS) {
        const r = walkFlow(flow, { facts, answers: flow.id === 'start' ? { symptom: 'unknown' } : {} });
        if (r.status !== 'outcome' || r.outcome.kind !== 'diagnosis') continue;
        compared++;
        for (const id of r.outcome.findings) expect(raised, `${c.name} ${c.files[0]} ${flow.id} → ${r.outcome.state}`).toContain(id);
      }
    }
    expect(compared).toBeGreaterThan(8);
  });
});
