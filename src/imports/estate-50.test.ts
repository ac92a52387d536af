/**
 * The whole pipeline on a 50-host estate with known answers: RVTools per-tab CSV + the PowerCLI vmknic export
 * (tags) + the BindToVmknic export → merged hosts → scan. Three clusters, each with a designed story:
 *   Gold (20 × 8.0 U3g): vMotion on its own subnet; gold-04's vMotion MTU left at 1500 (MTU trouble with every
 *     peer that has a vMotion vmknic), gold-09's vMotion vSwitch at 1500 under 9000-byte vmknics, gold-14 lost its
 *     vMotion tag (blocker, and no pair with it can migrate at all).
 *   Silver (20 × 7.0 U3o): vMotion vmknic in the management subnet; no receive-side autobind on this build, so the
 *     receiver may answer from vmk0 (flooding, uncertain) on every pair; silver-05 has BindToVmknic 0 (vMotion
 *     leaves by vmk0).
 *   Bronze (10 × 6.7 U3): the same subnet mistake, but AutoBindVmknic (default 1) makes the receiver answer from
 *     the receiving vmknic: no flooding.
 */
import { describe, expect, it } from 'vitest';
import { scanEstate } from '../core/estate/index.ts';
import type { ScanResult } from '../core/estate/index.ts';
import { importEstate } from './index.ts';
import { estate50, estate50Files } from './test-support/estate-50.ts';

function scan(): { result: ScanResult; names: string[] } {
  const hosts = estate50();
  const files = estate50Files();
  const imported = importEstate(Object.entries(files).map(([name, text]) => ({ name, kind: 'text' as const, text })));
  if (!imported.ok) throw new Error(imported.error.message);
  return { result: scanEstate({ hosts: imported.hosts, sources: imported.sources, warnings: imported.warnings }), names: hosts.map((h) => h.name) };
}

describe('a 50-host estate with known answers', () => {
  const { result, names } = scan();
  const gold = (k: number) => names[k]!;
  const silver = (k: number) => names[20 + k]!;
  const group = (scope: 'host' | 'pair', id: string) => result.groups.find((g) => g.scope === scope && g.id === id);

  it('reads 50 hosts in 3 clusters with no merge conflict', () => {
    expect(result.summary.hosts).toBe(50);
    expect(result.summary.clusters).toBe(3);
    expect(result.warnings).toEqual([]);
    expect(result.sources.map((s) => s.format)).toEqual(['rvtools-csv', 'rvtools-csv', 'rvtools-csv', 'rvtools-csv', 'powercli-vmk-csv', 'powercli-advanced-csv']);
  });

  it('finds the one host without a vMotion vmknic as a blocker', () => {
    expect(group('host', 'NO_VMOTION_VMKNIC')).toMatchObject({ severity: 'blocker', hosts: [gold(14)] });
    expect(result.hosts.find((h) => h.name === gold(14))!.risk).toBe('blocker');
  });

  it('finds the vSwitch smaller than its vmknics on gold-09 only, once per vmknic on it', () => {
    const g = group('host', 'MTU_MISMATCH')!;
    expect(g.hosts).toEqual([gold(9)]);
    expect(result.hosts.find((h) => h.name === gold(9))!.findings.filter((f) => f.id === 'MTU_MISMATCH').map((f) => f.vmknics)).toEqual([['vmk1'], ['vmk2'], ['vmk3']]);
  });

  it('pairs gold-04 (vMotion MTU 1500) with each Gold peer that has a vMotion vmknic: 18 pairs, both ways', () => {
    const g = group('pair', 'MTU_MISMATCH')!;
    expect(g.pairs).toBe(18);
    expect(g.hosts).toHaveLength(19);
    expect(g.hosts).toContain(gold(4));
    expect(g.hosts).not.toContain(gold(14));
    const withFour = result.pairs.filter((p) => p.hosts.includes(gold(4)));
    expect(withFour).toHaveLength(18);
    // Probable, not definite: no export shows the netstack, so the vMotion vmknic is only probably on the default stack.
    // Medium: a different MTU at the two ends drops nothing by itself (TCP sizes segments to the smaller side).
    for (const p of withFour) expect(p.findings).toEqual([{ id: 'MTU_MISMATCH', severity: 'medium', certainty: 'probable', vmknics: ['vmk1'] }]);
  });

  it('reads the Silver and Bronze vMotion-in-management design on all 30 hosts', () => {
    expect(group('host', 'SAME_SUBNET_VMKNICS')).toMatchObject({ severity: 'high' });
    expect(group('host', 'SAME_SUBNET_VMKNICS')!.hosts).toEqual(names.slice(20));
    expect(group('host', 'VMOTION_ON_MANAGEMENT_NETWORK')!.hosts).toEqual(names.slice(20));
  });

  it('flags flooding on every Silver pair in both directions, never on Bronze (receive-side autobind)', () => {
    const pairGroup = group('pair', 'UNICAST_FLOODING_RISK')!;
    expect(pairGroup).toMatchObject({ severity: 'medium', pairs: 380, certainty: { definite: 0, probable: 0, uncertain: 380 } });
    expect(pairGroup.hosts).toEqual(names.slice(20, 40));
    expect(group('host', 'UNICAST_FLOODING_RISK')!.hosts).toEqual(names.slice(20, 40));
    const silverPairs = result.pairs.filter((p) => p.cluster === 'Silver');
    expect(silverPairs).toHaveLength(190);
    for (const p of silverPairs) {
      expect(p.findings.map((f) => [f.id, f.from, f.to])).toEqual([
        ['UNICAST_FLOODING_RISK', p.hosts[0], p.hosts[1]],
        ['UNICAST_FLOODING_RISK', p.hosts[1], p.hosts[0]],
      ]);
    }
    expect(result.pairs.filter((p) => p.cluster === 'Bronze')).toEqual([]);
  });

  it('finds silver-05 (BindToVmknic 0) sending vMotion by vmk0', () => {
    expect(group('host', 'VMOTION_EGRESS_MISMATCH')).toMatchObject({ severity: 'high', hosts: [silver(5)] });
    expect(group('host', 'BIND_TO_VMKNIC_SET')).toMatchObject({ severity: 'low', hosts: [silver(5)] });
    expect(result.hosts.find((h) => h.name === silver(5))!.bindToVmknic).toEqual({ value: 0, source: 'evidence' });
  });

  it('has no other finding; the clean Gold hosts have none of their own', () => {
    expect(result.groups.map((g) => `${g.scope}:${g.id}`).sort()).toEqual(
      [
        'host:NO_VMOTION_VMKNIC',
        'host:MTU_MISMATCH',
        'pair:MTU_MISMATCH',
        'host:SAME_SUBNET_VMKNICS',
        'host:VMOTION_EGRESS_MISMATCH',
        'host:VMOTION_ON_MANAGEMENT_NETWORK',
        'host:UNICAST_FLOODING_RISK',
        'pair:UNICAST_FLOODING_RISK',
        'host:BIND_TO_VMKNIC_SET',
      ].sort(),
    );
    const clean = result.hosts.filter((h) => h.cluster === 'Gold' && ![gold(9), gold(14)].includes(h.name));
    for (const h of clean) expect(h.findings).toEqual([]);
    // A host's risk counts the pair findings on it: every Gold peer of gold-04 is at medium risk through that pair.
    expect(result.hosts.find((h) => h.name === gold(0))!.risk).toBe('medium');
    expect(result.summary.risk).toEqual({ blocker: 1, high: 31, medium: 18, low: 0, info: 0, none: 0 });
  });

  it('says what the exports could not tell: netstacks and routes, never the tags (PowerCLI gave them)', () => {
    const h = result.hosts.find((x) => x.name === gold(0))!;
    expect(h.unknown.map((u) => u.key)).toEqual(['netstack', 'routes']);
    const bronze = result.hosts.find((x) => x.cluster === 'Bronze')!;
    expect(bronze.unknown.map((u) => u.key)).toEqual(['netstack', 'routes', 'bindToVmknic', 'autoBindVmknic']);
    expect(h.provenance).toMatchObject({ tags: ['vmk.csv'], cluster: expect.arrayContaining(['RVTools_tabvSC_VMK.csv']), version: ['RVTools_tabvHost.csv'], bindToVmknic: ['bind.csv'] });
  });
});
