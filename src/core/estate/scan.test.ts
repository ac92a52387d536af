import { describe, expect, it } from 'vitest';
import type { HostModel } from '../model/host.ts';
import { host } from '../test-support/hosts.ts';
import { MAX_CLUSTER_HOSTS_FOR_PAIRS, scanEstate, scanEstateWithStats } from './scan.ts';
import type { ScanProgress } from './scan.ts';
import type { EstateHost } from './types.ts';

function sameSubnetHost(i: number, extra: Partial<Parameters<typeof host>[0]> = {}): HostModel {
  return host({
    name: `esx${String(i).padStart(3, '0')}.lab.local`,
    version: '7.0.3',
    build: '22348816',
    nics: [
      { name: 'vmk0', ip: `10.0.1.${i + 2}`, tags: ['Management'], mtu: 1500 },
      { name: 'vmk1', ip: `10.0.1.${i + 130}`, tags: ['VMotion'], mtu: 1500 },
    ],
    ...extra,
  });
}

const inCluster = (models: HostModel[], cluster = 'CL1'): EstateHost[] => models.map((model) => ({ model, cluster, vcenter: 'vc1', provenance: {} }));

describe('scanEstate', () => {
  it('folds identical findings of many hosts into one group with the host list, in estate order', () => {
    const hosts = inCluster(Array.from({ length: 40 }, (_, i) => sameSubnetHost(i)));
    const { result, stats } = scanEstateWithStats({ hosts });
    const same = result.groups.find((g) => g.scope === 'host' && g.id === 'SAME_SUBNET_VMKNICS')!;
    expect(same.hosts).toEqual(hosts.map((h) => h.model.name));
    expect(same.example.hosts).toEqual(['esx000.lab.local']);
    expect(same.example.detail).toMatch(/^vmk0, vmk1 on esx000\.lab\.local share 10\.0\.1\.0\/24/);
    // 40 hosts of one shape (no vmknic holds its subnet’s first address): one single-host analysis; 780 pairs of
    // one key: one two-host analysis.
    expect(stats).toEqual({ hostAnalyses: 1, pairAnalyses: 1, pairsChecked: 1560 });
    expect(result.summary).toMatchObject({ hosts: 40, clusters: 1, pairsChecked: 1560, pairsWithFindings: 780 });
  });

  it('orders groups most severe first, then by size', () => {
    const hosts = inCluster([...Array.from({ length: 3 }, (_, i) => sameSubnetHost(i)), sameSubnetHost(9, { nics: [{ name: 'vmk0', ip: '10.0.1.50', tags: ['Management'] }] })]);
    const result = scanEstate({ hosts });
    expect(result.groups[0]).toMatchObject({ id: 'NO_VMOTION_VMKNIC', severity: 'blocker' });
    const sev = result.groups.map((g) => ['blocker', 'high', 'medium', 'low', 'info'].indexOf(g.severity));
    expect([...sev].sort((a, b) => a - b)).toEqual(sev);
  });

  it('pairs hosts only inside one cluster of one vCenter and datacenter', () => {
    const a = sameSubnetHost(1);
    const b = sameSubnetHost(2);
    const c = sameSubnetHost(3);
    const result = scanEstate({
      hosts: [
        { model: a, cluster: 'Cluster01', datacenter: 'DC1', provenance: {} },
        { model: b, cluster: 'Cluster01', datacenter: 'DC2', provenance: {} },
        { model: c, provenance: {} },
      ],
    });
    expect(result.summary.pairsChecked).toBe(0);
    expect(result.hosts[2]!.unknown.map((u) => u.key)).toContain('cluster');
  });

  it('does not pair the hosts of a "cluster" larger than vSphere allows, and says so', () => {
    const hosts = inCluster(Array.from({ length: MAX_CLUSTER_HOSTS_FOR_PAIRS + 1 }, (_, i) => sameSubnetHost(i % 120)).map((m, i) => ({ ...m, name: `h${i}` })), 'Huge');
    const result = scanEstate({ hosts });
    expect(result.pairs).toEqual([]);
    expect(result.warnings.map((w) => w.message)).toEqual(['cluster Huge lists 129 hosts, more than vSphere allows in one cluster (96): its pairs were not checked']);
  });

  it('reports a repeated host name under a suffix instead of merging two hosts', () => {
    const result = scanEstate({ hosts: [...inCluster([sameSubnetHost(1)]), { ...inCluster([sameSubnetHost(1)])[0]!, vcenter: 'vc2' }] });
    expect(result.hosts.map((h) => h.name)).toEqual(['esx001.lab.local', 'esx001.lab.local (2)']);
    expect(result.warnings[0]!.message).toBe('two hosts are named esx001.lab.local (vCenter vc2): the second is reported as "esx001.lab.local (2)"');
  });

  it('reports progress for hosts and pairs, ending at the totals', () => {
    const seen: ScanProgress[] = [];
    scanEstate({ hosts: inCluster(Array.from({ length: 300 }, (_, i) => sameSubnetHost(i % 120)).map((m, i) => ({ ...m, name: `h${i}` }))).slice(0, 40), onProgress: (p) => seen.push(p) });
    expect(seen.at(-1)).toEqual({ phase: 'pairs', done: 1560, total: 1560 });
    expect(seen.find((p) => p.phase === 'hosts')).toEqual({ phase: 'hosts', done: 40, total: 40 });
  });

  it('lists per host what is unknown and which export fills it, naming port-group guesses', () => {
    const model = host({
      name: 'esx9',
      nics: [
        { name: 'vmk0', ip: '10.0.1.9', portGroup: 'Management Network' },
        { name: 'vmk1', ip: '10.0.2.9', portGroup: 'vMotion' },
      ],
    });
    const result = scanEstate({ hosts: [{ model, cluster: 'c', provenance: {} }] });
    const unknown = result.hosts[0]!.unknown;
    expect(unknown.map((u) => u.key)).toEqual(['tags', 'netstack', 'routes', 'bindToVmknic', 'autoBindVmknic', 'version', 'mtu']);
    expect(unknown[0]!.fact).toBe(
      'service tags of vmk0, vmk1: which vmknic carries vMotion, management and provisioning is not known; VMotion on vmk1 is guessed from its port-group name "vMotion" (uncertain)',
    );
    expect(unknown[0]!.fill).toMatch(/^a PowerCLI Get-VMHostNetworkAdapter -VMKernel export/);
  });

  it('studies single hosts with the migration asked for (cold data over management only for non-live kinds)', () => {
    const hosts = inCluster([sameSubnetHost(1)]);
    expect(scanEstate({ hosts, migration: 'live' }).hosts[0]!.findings.map((f) => f.id)).not.toContain('COLD_DATA_OVER_MANAGEMENT');
    expect(scanEstate({ hosts, migration: 'snapshots' }).hosts[0]!.findings.map((f) => f.id)).toContain('COLD_DATA_OVER_MANAGEMENT');
  });
});
