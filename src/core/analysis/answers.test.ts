import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze.ts';
import { host, route } from '../test-support/hosts.ts';

// ESXi 5.5 with vmk1 in vmk0's subnet and no BindToVmknic value: the egress is uncertain (vmk0 or vmk1).
const esx = (bind?: number) =>
  host({
    name: 'esx55',
    version: '5.5.0',
    build: '1331820',
    update: '0',
    ...(bind !== undefined ? { bind } : {}),
    nics: [
      { name: 'vmk0', ip: '10.0.1.10', tags: ['Management'], portGroup: 'Management Network' },
      { name: 'vmk1', ip: '10.0.1.11', tags: ['VMotion'], portGroup: 'vMotion' },
    ],
    routes: [route('defaultTcpipStack', '10.0.1.0', '255.255.255.0', '0.0.0.0', 'vmk0', 0)],
  });
const egress = (r: ReturnType<typeof analyze>) => r.flows.find((f) => f.traffic === 'vmotion' && f.role === 'source' && f.direction === 'egress')!;

describe('wizard answers as evidence', () => {
  it('a test vMotion measurement decides an uncertain egress, with its own trace line and finding', () => {
    const before = analyze({ source: esx() });
    expect(egress(before).certainty).toBe('uncertain');
    const r = analyze({ source: esx(), answers: { measuredEgress: 'management' } });
    expect(egress(r)).toMatchObject({ vmknics: ['vmk0'], certainty: 'probable' });
    expect(egress(r).trace.at(-1)).toMatch(/^Answered in the wizard: a test vMotion showed the traffic on the management vmknic \(vmk0\)/);
    expect(r.findings.map((f) => f.id)).toContain('VMOTION_EGRESS_MISMATCH');
    expect(r.findings.map((f) => f.id)).not.toContain('EGRESS_UNCERTAIN');
    expect(r.answers).toEqual([expect.objectContaining({ question: 'measuredEgress', use: 'decides', host: 'esx55' })]);
    expect(r.verdict.lines).toContain('vMotion leaves esx55 by vmk0 instead of vmk1 — likely');
  });

  it('ranks below command output: a measurement that disagrees is shown, not used', () => {
    const r = analyze({ source: esx(3), answers: { measuredEgress: 'management' } });
    expect(egress(r).vmknics).toEqual(['vmk1']);
    expect(r.answers?.[0]).toMatchObject({ use: 'contradicts' });
    expect(r.verdict.summary).toContain('An answer in the wizard disagrees with the evidence');
  });

  it('uses the engineer\'s BindToVmknic value where no output showed one, marked likely', () => {
    const r = analyze({ source: esx(), answers: { bindToVmknic: 0 } });
    expect(egress(r)).toMatchObject({ vmknics: ['vmk0'] });
    expect(egress(r).certainty).not.toBe('definite');
    expect(r.answers?.[0]).toMatchObject({ question: 'bindToVmknic', use: 'decides' });
    expect(analyze({ source: esx(3), answers: { bindToVmknic: 0 } }).answers?.[0]).toMatchObject({ use: 'contradicts' });
  });

  it('analyses as the answered migration kind and says where the kind comes from', () => {
    expect(analyze({ source: esx(3) })).toMatchObject({ migration: 'live', migrationFrom: 'default' });
    const r = analyze({ source: esx(3), answers: { migration: 'cold' } });
    expect(r).toMatchObject({ migration: 'cold', migrationFrom: 'answered' });
    expect(r.verdict.summary).toMatch(/^For a cold migration: /);
    expect(analyze({ source: esx(3), migration: 'live', answers: { migration: 'cold' } })).toMatchObject({ migration: 'live', migrationFrom: 'chosen' });
  });
});
