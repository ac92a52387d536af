import { describe, expect, it } from 'vitest';
import { analyze } from './analyze.ts';
import type { AnalysisResult } from './analyze.ts';
import { host, route } from './test-support/hosts.ts';
import type { FlowResult } from './result.ts';

const M = ['Management'];
const VM = ['VMotion'];

function flow(r: AnalysisResult, traffic: FlowResult['traffic'], role: FlowResult['role'], direction: FlowResult['direction']): FlowResult {
  const f = r.flows.find((x) => x.traffic === traffic && x.role === role && x.direction === direction);
  if (!f) throw new Error(`no ${traffic} ${role} ${direction} flow`);
  return f;
}

function ids(r: AnalysisResult): string[] {
  return r.findings.map((f) => f.id);
}

/** vmk0 and vmk1 in one /24, the classic layout of the seeds. */
function sameSubnet(spec: { name?: string; version?: string; build?: string; update?: string; bind?: number; last?: number; routes?: boolean; tags?: boolean; netstack?: string }) {
  const last = spec.last ?? 128;
  return host({
    name: spec.name ?? 'esx01',
    ...(spec.version ? { version: spec.version } : {}),
    ...(spec.build ? { build: spec.build } : {}),
    ...(spec.update ? { update: spec.update } : {}),
    ...(spec.bind !== undefined ? { bind: spec.bind } : {}),
    nics: [
      { name: 'vmk0', ip: `10.0.1.${last}`, ...(spec.tags === false ? {} : { tags: M }), portGroup: 'Management Network', mac: '00:0c:29:2c:54:17', ...(spec.netstack ? { netstack: spec.netstack } : {}) },
      { name: 'vmk1', ip: `10.0.1.${last + 1}`, ...(spec.tags === false ? {} : { tags: VM }), portGroup: 'vMotion', mac: '00:50:56:7a:11:22', ...(spec.netstack ? { netstack: spec.netstack } : {}) },
    ],
    ...(spec.routes === false ? {} : { routes: [route('defaultTcpipStack', '10.0.1.0', '255.255.255.0', '0.0.0.0', 'vmk0', 0)] }),
  });
}

describe('worked examples of domain.md §1.8', () => {
  it('1. ESXi 5.0, vmk0 and vmk1 share 10.0.1.0/24, value not shown: the untouched setting behaves like 2, so vMotion leaves by vmk0, probable', () => {
    const r = analyze({ source: sameSubnet({ version: '5.0.0', build: '469512' }) });
    const egress = flow(r, 'vmotion', 'source', 'egress');
    expect(egress.vmknics).toEqual(['vmk0']);
    expect(egress.certainty).toBe('probable');
    // The trace says where the rule comes from and what confirms it.
    expect(egress.trace.join('\n')).toMatch(/Denneman 2013 describes it for 5\.1/);
    expect(egress.trace.join('\n')).toMatch(/Chan and Elatov \(2012, build not named\)/);
    expect(egress.settle).toContain('esxcfg-advcfg -g /Migrate/BindToVmknic');
    expect(egress.settle?.some((s) => s.startsWith('esxcli network ip connection list | grep :8000'))).toBe(true);
    // The value itself stays unknown in the host summary; only its reported behaviour is used.
    expect(r.hosts[0]!.bindToVmknic).toEqual({ source: 'unknown', behavesLike: 2 });
    const mismatch = r.findings.find((f) => f.id === 'VMOTION_EGRESS_MISMATCH');
    expect(mismatch?.certainty).toBe('probable');
    // The verdict does not state as fact what the analysis calls likely.
    expect(r.verdict.summary).toMatch(/^For a live vMotion: vMotion leaves esx01 by vmk0 instead of vmk1 — likely[.;]/);
    expect(ids(r)).toEqual(
      expect.arrayContaining(['SAME_SUBNET_VMKNICS', 'VMOTION_ON_MANAGEMENT_NETWORK', 'UNICAST_FLOODING_RISK', 'VMOTION_UNENCRYPTED_ON_SHARED_NETWORK']),
    );
    expect(ids(r)).not.toContain('EGRESS_UNCERTAIN');
  });

  it('two connected routes for one subnet (as 7.x/8.x can list them): the first listed wins, probable, citing KB 323116', () => {
    const h = sameSubnet({ version: '6.7.0', build: '14320388', bind: 0, netstack: 'defaultTcpipStack' });
    const withTwo = { ...h, routes: [route('defaultTcpipStack', '10.0.1.0', '255.255.255.0', '0.0.0.0', 'vmk0', 0), route('defaultTcpipStack', '10.0.1.0', '255.255.255.0', '0.0.0.0', 'vmk1', 1)] };
    const egress = flow(analyze({ source: withTwo }), 'vmotion', 'source', 'egress');
    expect(egress.vmknics).toEqual(['vmk0']);
    expect(egress.certainty).toBe('probable');
    expect(egress.trace.join('\n')).toMatch(/KB 323116/);
  });

  it('1b. the same layout on 5.1 with two vMotion vmknics is bound (Denneman: multi-NIC is honoured)', () => {
    const source = host({
      name: 'esx01',
      version: '5.1.0',
      build: '799733',
      nics: [
        { name: 'vmk0', ip: '10.0.1.128', tags: M, portGroup: 'Management Network', mac: '00:0c:29:2c:54:17' },
        { name: 'vmk1', ip: '10.0.1.129', tags: VM, portGroup: 'vMotion-A', mac: '00:50:56:7a:11:22' },
        { name: 'vmk2', ip: '10.0.1.130', tags: VM, portGroup: 'vMotion-B', mac: '00:50:56:7a:11:23' },
      ],
      routes: [route('defaultTcpipStack', '10.0.1.0', '255.255.255.0', '0.0.0.0', 'vmk0', 0)],
    });
    const r = analyze({ source });
    const egress = flow(r, 'vmotion', 'source', 'egress');
    expect([...egress.vmknics].sort()).toEqual(['vmk1', 'vmk2']);
    expect(egress.certainty).toBe('probable');
  });

  it('1c. the same layout on 5.5 (no report covers it) and on 6.5 GA–c stays uncertain with EGRESS_UNCERTAIN', () => {
    for (const v of [{ version: '5.5.0', build: '1331820' }, { version: '6.5.0', build: '4564106' }]) {
      const r = analyze({ source: sameSubnet(v) });
      const egress = flow(r, 'vmotion', 'source', 'egress');
      expect(egress.certainty, v.version).toBe('uncertain');
      expect([...(egress.candidates ?? [])].sort()).toEqual(['vmk0', 'vmk1']);
      expect(ids(r)).toContain('EGRESS_UNCERTAIN');
    }
  });

  it('1d. a pasted 1 on 5.0 stays uncertain (Chan advises it "should force" binding, untested); a pasted 0 on 5.0 is read as today, probable', () => {
    const one = analyze({ source: sameSubnet({ version: '5.0.0', build: '469512', bind: 1 }) });
    expect(flow(one, 'vmotion', 'source', 'egress').certainty).toBe('uncertain');
    expect(ids(one)).toContain('EGRESS_UNCERTAIN');
    const zero = analyze({ source: sameSubnet({ version: '5.0.0', build: '469512', bind: 0 }) });
    const egress = flow(zero, 'vmotion', 'source', 'egress');
    expect(egress.vmknics).toEqual(['vmk0']);
    expect(egress.certainty).toBe('probable');
  });

  it('2. the same layout on 7.0 U3 without BindToVmknic output: build default 3 → egress vmk1, probable; NFC still vmk0', () => {
    const r = analyze({ source: sameSubnet({ version: '7.0.3', build: '22348816', update: '3' }), migration: 'snapshots' });
    const egress = flow(r, 'vmotion', 'source', 'egress');
    expect(egress.vmknics).toEqual(['vmk1']);
    expect(egress.certainty).toBe('probable');
    expect(egress.trace.join('\n')).toMatch(/build default assumed/);
    expect(r.hosts[0]!.bindToVmknic).toEqual({ value: 3, source: 'version-default' });
    expect(flow(r, 'nfc', 'source', 'egress').vmknics).toEqual(['vmk0']);
    expect(ids(r)).toEqual(expect.arrayContaining(['SAME_SUBNET_VMKNICS', 'VMOTION_ON_MANAGEMENT_NETWORK', 'COLD_DATA_OVER_MANAGEMENT']));
    expect(ids(r)).not.toContain('EGRESS_UNCERTAIN');
    expect(ids(r)).not.toContain('VMOTION_EGRESS_MISMATCH');
  });

  it('3. 6.7 U3 with BindToVmknic 0 pasted: vMotion leaves by vmk0, definite, and the value is reported', () => {
    const r = analyze({ source: sameSubnet({ version: '6.7.0', build: '14320388', update: '3', bind: 0, netstack: 'defaultTcpipStack' }) });
    const egress = flow(r, 'vmotion', 'source', 'egress');
    expect(egress.vmknics).toEqual(['vmk0']);
    expect(egress.certainty).toBe('definite');
    expect(egress.intended).toEqual(['vmk1']);
    const mismatch = r.findings.find((f) => f.id === 'VMOTION_EGRESS_MISMATCH');
    expect(mismatch?.severity).toBe('high');
    expect(mismatch?.certainty).toBe('definite');
    const bind = r.findings.find((f) => f.id === 'BIND_TO_VMKNIC_SET');
    expect(bind?.severity).toBe('low');
    expect(r.remediation.map((x) => x.id)).toEqual(expect.arrayContaining(['R1', 'R2', 'R4']));
    // Without an output that shows vmk1's netstack, the same answer is only probable (§1.7 A3).
    expect(flow(analyze({ source: sameSubnet({ version: '6.7.0', build: '14320388', bind: 0 }) }), 'vmotion', 'source', 'egress').certainty).toBe('probable');
  });

  it('4. multi-NIC vMotion on 6.0 U3 (B=2): bound, egress vmk1 and vmk2 even in the management subnet', () => {
    const r = analyze({
      source: host({
        version: '6.0.0',
        build: '5050593',
        update: '3',
        nics: [
          { name: 'vmk0', ip: '10.1.1.10', tags: M },
          { name: 'vmk1', ip: '10.1.1.11', tags: VM },
          { name: 'vmk2', ip: '10.1.1.12', tags: VM },
        ],
      }),
    });
    const egress = flow(r, 'vmotion', 'source', 'egress');
    expect([...egress.vmknics].sort()).toEqual(['vmk1', 'vmk2']);
    expect(ids(r)).not.toContain('VMOTION_EGRESS_MISMATCH');
  });

  it('5. a vmknic on the vmotion netstack carries vMotion whatever the binding', () => {
    const r = analyze({
      source: host({
        version: '6.7.0',
        build: '14320388',
        bind: 0,
        nics: [
          { name: 'vmk0', ip: '192.168.10.11', tags: M, netstack: 'defaultTcpipStack' },
          { name: 'vmk1', ip: '10.9.9.11', netstack: 'vmotion' },
        ],
        routes: [route('vmotion', '10.9.9.0', '255.255.255.0', '0.0.0.0', 'vmk1', 0)],
      }),
    });
    const egress = flow(r, 'vmotion', 'source', 'egress');
    expect(egress.vmknics).toEqual(['vmk1']);
    expect(egress.certainty).toBe('definite');
  });
});

describe('two hosts analysed together', () => {
  const a = (extra: Partial<Parameters<typeof host>[0]> = {}) =>
    host({
      name: 'esx-a',
      version: '8.0.3',
      build: '24859861',
      update: '3',
      nics: [
        { name: 'vmk0', ip: '192.168.10.11', tags: M, netstack: 'defaultTcpipStack', mtu: 1500 },
        { name: 'vmk1', ip: '10.20.30.11', netstack: 'vmotion', mtu: 9000 },
      ],
      routes: [route('vmotion', '10.20.30.0', '255.255.255.0', '0.0.0.0', 'vmk1', 0)],
      ...extra,
    });
  const b = (mtu: number) =>
    host({
      name: 'esx-b',
      version: '8.0.3',
      build: '24859861',
      update: '3',
      nics: [
        { name: 'vmk0', ip: '192.168.10.12', tags: M, netstack: 'defaultTcpipStack', mtu: 1500 },
        { name: 'vmk1', ip: '10.20.30.12', netstack: 'vmotion', mtu },
      ],
      routes: [route('vmotion', '10.20.30.0', '255.255.255.0', '0.0.0.0', 'vmk1', 0)],
    });

  it('a healthy vmotion-stack pair has no finding and the destination receives on its vMotion vmknic', () => {
    const r = analyze({ source: a(), dest: b(9000) });
    expect(ids(r)).toEqual([]);
    expect(flow(r, 'vmotion', 'destination', 'ingress')).toMatchObject({ host: 'esx-b', vmknics: ['vmk1'] });
    expect(r.verdict.severity).toBe('none');
  });

  it('raises MTU_MISMATCH when the vMotion vmknics disagree (9000 vs 1500), and not when they agree', () => {
    const r = analyze({ source: a(), dest: b(1500) });
    const f = r.findings.find((x) => x.id === 'MTU_MISMATCH');
    expect(f?.hosts).toEqual(['esx-a', 'esx-b']);
    expect(f?.detail).toMatch(/9000/);
    expect(r.remediation.map((x) => x.id)).toContain('R7');
  });

  it('grades the between-hosts MTU difference medium and says why: TCP segment sizes fit each end, the pings test the path', () => {
    const f = analyze({ source: a(), dest: b(1500) }).findings.find((x) => x.id === 'MTU_MISMATCH');
    expect(f?.severity).toBe('medium');
    expect(f?.detail).toMatch(/the difference alone drops nothing/);
    expect(f?.detail).not.toMatch(/are dropped on the way to the other/);
    expect(f?.detail).toMatch(/vmkping -I vmk1 -d -s 8972 /);
  });

  it('raises VMOTION_L3_NO_GATEWAY when the vmotion stack has no route to the peer subnet', () => {
    const dest = host({
      name: 'esx-b',
      nics: [
        { name: 'vmk0', ip: '192.168.10.12', tags: M, netstack: 'defaultTcpipStack' },
        { name: 'vmk1', ip: '10.20.40.12', netstack: 'vmotion' },
      ],
    });
    const r = analyze({ source: a(), dest });
    expect(ids(r)).toContain('VMOTION_L3_NO_GATEWAY');
    const withDefault = analyze({
      source: a({ routes: [route('vmotion', '10.20.30.0', '255.255.255.0', '0.0.0.0', 'vmk1', 0), route('vmotion', '0.0.0.0', '0.0.0.0', '10.20.30.1', 'vmk1', 1)] }),
      dest,
    });
    expect(ids(withDefault)).not.toContain('VMOTION_L3_NO_GATEWAY');
  });

  it('raises VMOTION_L3_NO_GATEWAY for default-stack vMotion vmknics in different subnets without a gateway override', () => {
    const mk = (name: string, vmIp: string, gateway?: string) =>
      host({
        name,
        version: '7.0.3',
        build: '22348816',
        nics: [
          { name: 'vmk0', ip: name === 'a' ? '192.168.10.11' : '192.168.10.12', tags: M },
          { name: 'vmk1', ip: vmIp, tags: VM, ...(gateway ? { gateway } : {}) },
        ],
      });
    expect(ids(analyze({ source: mk('a', '10.20.30.11'), dest: mk('b', '10.20.40.12') }))).toContain('VMOTION_L3_NO_GATEWAY');
    expect(ids(analyze({ source: mk('a', '10.20.30.11', '10.20.30.1'), dest: mk('b', '10.20.40.12') }))).not.toContain('VMOTION_L3_NO_GATEWAY');
  });

  it('unicast flooding: a 6.0 U2 receiver answers from vmk0 while receiving on vmk1 in the same subnet', () => {
    const src = sameSubnet({ name: 'esx01', version: '6.7.0', build: '14320388', bind: 3 });
    const dst = sameSubnet({ name: 'esx02', version: '6.0.0', build: '3620759', last: 130 });
    const r = analyze({ source: src, dest: dst });
    const flood = r.findings.find((f) => f.id === 'UNICAST_FLOODING_RISK');
    expect(flood?.hosts).toEqual(['esx02']);
    expect(flood?.severity).toBe('high');
    expect(flood?.certainty).toBe('probable');
    expect(flow(r, 'vmotion', 'destination', 'egress').vmknics).toEqual(['vmk0']);
    // Near miss: AutoBindVmknic = 1 pasted on the receiver → replies leave by vmk1, no flooding.
    const dst2 = { ...dst, advanced: { ...dst.advanced, '/Migrate/AutoBindVmknic': { value: 1, evidence: { file: 't', line: 1, text: 'Int Value: 1' } } } };
    expect(ids(analyze({ source: src, dest: dst2 }))).not.toContain('UNICAST_FLOODING_RISK');
  });

  it('NFC goes between provisioning vmknics when both ends have one in the same subnet', () => {
    const mk = (name: string, n: number) =>
      host({
        name,
        version: '7.0.3',
        build: '22348816',
        nics: [
          { name: 'vmk0', ip: `192.168.10.${n}`, tags: M },
          { name: 'vmk1', ip: `10.20.30.${n}`, tags: VM },
          { name: 'vmk2', ip: `10.20.50.${n}`, tags: ['vSphereProvisioning'] },
        ],
      });
    const r = analyze({ source: mk('a', 11), dest: mk('b', 12), migration: 'cold' });
    expect(flow(r, 'nfc', 'source', 'egress').vmknics).toEqual(['vmk2']);
    expect(flow(r, 'nfc', 'destination', 'ingress').vmknics).toEqual(['vmk2']);
    expect(r.flows.some((f) => f.traffic === 'vmotion')).toBe(false);
    expect(ids(r)).not.toContain('COLD_DATA_OVER_MANAGEMENT');
  });

  it('the cold data of a hot migration is probable at best and the trace says the sources disagree; a cold migration stays definite', () => {
    const mk = (name: string, n: number) =>
      host({ name, version: '7.0.3', build: '22348816', nics: [{ name: 'vmk0', ip: `192.168.10.${n}`, tags: M, netstack: 'defaultTcpipStack' }, { name: 'vmk1', ip: `10.20.30.${n}`, tags: VM, netstack: 'defaultTcpipStack' }], routes: [route('defaultTcpipStack', '192.168.10.0', '255.255.255.0', '0.0.0.0', 'vmk0', 0), route('defaultTcpipStack', '10.20.30.0', '255.255.255.0', '0.0.0.0', 'vmk1', 1)] });
    for (const migration of ['snapshots', 'non-shared'] as const) {
      const r = analyze({ source: mk('a', 11), dest: mk('b', 12), migration });
      const nfc = flow(r, 'nfc', 'source', 'egress');
      expect(nfc.vmknics, migration).toEqual(['vmk0']);
      expect(nfc.certainty, migration).toBe('probable');
      expect(nfc.trace.join('\n')).toMatch(/sources disagree.*KB 340170/);
      const cold = r.findings.find((x) => x.id === 'COLD_DATA_OVER_MANAGEMENT');
      expect(cold?.certainty).toBe('probable');
      expect(cold?.detail).toMatch(/sources disagree/);
    }
    const cold = analyze({ source: mk('a', 11), dest: mk('b', 12), migration: 'cold' });
    expect(flow(cold, 'nfc', 'source', 'egress').certainty).toBe('definite');
    expect(flow(cold, 'nfc', 'source', 'egress').trace.join('\n')).not.toMatch(/sources disagree/);
  });

  it('PROVISIONING_ROUTE_FALLBACK: default-stack provisioning vmknics in different subnets without a static route', () => {
    const mk = (name: string, subnet: number, n: number) =>
      host({
        name,
        version: '7.0.3',
        build: '22348816',
        defaultGateway: '192.168.10.1',
        nics: [
          { name: 'vmk0', ip: `192.168.10.${n}`, tags: M },
          { name: 'vmk1', ip: `10.20.30.${n}`, tags: VM },
          { name: 'vmk2', ip: `10.20.${subnet}.${n}`, tags: ['vSphereProvisioning'] },
        ],
      });
    const r = analyze({ source: mk('a', 50, 11), dest: mk('b', 60, 12), migration: 'snapshots' });
    expect(flow(r, 'nfc', 'source', 'egress').vmknics).toEqual(['vmk0']);
    expect(ids(r)).toEqual(expect.arrayContaining(['PROVISIONING_ROUTE_FALLBACK', 'COLD_DATA_OVER_MANAGEMENT']));
    const same = analyze({ source: mk('a', 50, 11), dest: mk('b', 50, 12), migration: 'snapshots' });
    expect(ids(same)).not.toContain('PROVISIONING_ROUTE_FALLBACK');
  });
});

describe('findings from one host configuration', () => {
  it('NO_VMOTION_VMKNIC only when tags prove it, and vMotion paths are then "none", never vmk0', () => {
    const r = analyze({ source: host({ version: '7.0.3', build: '22348816', nics: [{ name: 'vmk0', ip: '10.0.0.5', tags: M }] }) });
    expect(ids(r)).toContain('NO_VMOTION_VMKNIC');
    expect(r.findings[0]!.severity).toBe('blocker');
    const egress = flow(r, 'vmotion', 'source', 'egress');
    expect(egress.vmknics).toEqual([]);
    expect(egress.certainty).not.toBe('uncertain');
    // Near miss: the same vmknic without tag output proves nothing.
    const thin = analyze({ source: host({ nics: [{ name: 'vmk0', ip: '10.0.0.5' }] }) });
    expect(ids(thin)).not.toContain('NO_VMOTION_VMKNIC');
    expect(flow(thin, 'vmotion', 'source', 'egress').certainty).toBe('uncertain');
  });

  it('SAME_SUBNET_VMKNICS is not raised for multi-NIC vMotion alone, and is high with management + vMotion', () => {
    const multi = analyze({
      source: host({ nics: [{ name: 'vmk0', ip: '192.168.1.10', tags: M }, { name: 'vmk1', ip: '10.1.1.11', tags: VM }, { name: 'vmk2', ip: '10.1.1.12', tags: VM }] }),
    });
    expect(ids(multi)).not.toContain('SAME_SUBNET_VMKNICS');
    const mixed = analyze({ source: sameSubnet({ version: '7.0.3', build: '22348816' }) });
    expect(mixed.findings.find((f) => f.id === 'SAME_SUBNET_VMKNICS')?.severity).toBe('high');
  });

  it('VMOTION_TAG_SHADOWED when a default-stack vmknic keeps VMotion next to a vmotion-stack vmknic', () => {
    const r = analyze({
      source: host({
        nics: [
          { name: 'vmk0', ip: '192.168.10.11', tags: ['Management', 'VMotion'], netstack: 'defaultTcpipStack' },
          { name: 'vmk1', ip: '10.20.30.11', netstack: 'vmotion' },
        ],
      }),
    });
    expect(ids(r)).toContain('VMOTION_TAG_SHADOWED');
    expect(flow(r, 'vmotion', 'source', 'egress').vmknics).toEqual(['vmk1']);
  });

  it('MULTIPLE_PROVISIONING_VMKNICS and VMKNIC_DISABLED come from the tags and the Enabled column', () => {
    const r = analyze({
      source: host({
        nics: [
          { name: 'vmk0', ip: '192.168.10.11', tags: M },
          { name: 'vmk1', ip: '10.20.30.11', tags: VM, enabled: false },
          { name: 'vmk2', ip: '10.20.50.11', tags: ['vSphereProvisioning'] },
          { name: 'vmk3', ip: '10.20.60.11', tags: ['vSphereProvisioning'] },
        ],
      }),
    });
    expect(ids(r)).toEqual(expect.arrayContaining(['MULTIPLE_PROVISIONING_VMKNICS', 'VMKNIC_DISABLED', 'NO_VMOTION_VMKNIC']));
  });

  it('MTU_MISMATCH when a vmknic is larger than its vSwitch, not when it fits', () => {
    const mk = (switchMtu: number) =>
      host({
        nics: [{ name: 'vmk0', ip: '192.168.10.11', tags: M, mtu: 1500, portGroup: 'Management Network' }, { name: 'vmk1', ip: '10.20.30.11', tags: VM, mtu: 9000, portGroup: 'vMotion' }],
        vswitches: [
          { name: 'vSwitch0', kind: 'standard', mtu: 1500, uplinks: ['vmnic0'], portGroups: [{ name: 'Management Network', uplinks: ['vmnic0'] }], dvPorts: [], evidence: { file: 't', line: 1, text: 'vSwitch0' } },
          { name: 'vSwitch1', kind: 'standard', mtu: switchMtu, uplinks: ['vmnic1'], portGroups: [{ name: 'vMotion', uplinks: ['vmnic1'] }], dvPorts: [], evidence: { file: 't', line: 2, text: 'vSwitch1' } },
        ],
      });
    expect(ids(analyze({ source: mk(1500) }))).toContain('MTU_MISMATCH');
    expect(ids(analyze({ source: mk(9000) }))).not.toContain('MTU_MISMATCH');
  });

  it('BIND_TO_VMKNIC_SET is silent when the pasted value equals the build default', () => {
    expect(ids(analyze({ source: sameSubnet({ version: '7.0.3', build: '22348816', bind: 3 }) }))).not.toContain('BIND_TO_VMKNIC_SET');
    expect(ids(analyze({ source: sameSubnet({ version: '5.0.0', bind: 1 }) }))).toContain('BIND_TO_VMKNIC_SET');
  });

  it('a 5.x BindToVmknic of 1 is pasted but unsure: egress uncertain and the fix is a measurement', () => {
    const r = analyze({ source: sameSubnet({ version: '5.0.0', build: '469512', bind: 1 }) });
    const egress = flow(r, 'vmotion', 'source', 'egress');
    expect(egress.certainty).toBe('uncertain');
    expect(egress.settle?.join(' ')).toMatch(/connection list/);
  });

  it('only a version pasted: flows are uncertain and the missing commands are listed, with no finding', () => {
    const r = analyze({ source: host({ version: '7.0.3', build: '22348816', nics: [] }) });
    expect(r.findings).toEqual([]);
    expect(r.flows.every((f) => f.certainty === 'uncertain')).toBe(true);
    expect(r.missing).toEqual(expect.arrayContaining(['esxcfg-vmknic -l', 'esxcfg-advcfg -g /Migrate/BindToVmknic']));
  });

  it('near misses: encrypted vMotion is possible from 6.5, one provisioning vmknic is fine, an untagged disabled vmknic is harmless', () => {
    const modern = analyze({ source: sameSubnet({ version: '6.5.0', build: '8294253' }) });
    expect(ids(modern)).toContain('VMOTION_ON_MANAGEMENT_NETWORK');
    expect(ids(modern)).not.toContain('VMOTION_UNENCRYPTED_ON_SHARED_NETWORK');
    const r = analyze({
      source: host({
        nics: [
          { name: 'vmk0', ip: '192.168.10.11', tags: M },
          { name: 'vmk1', ip: '10.20.30.11', tags: VM },
          { name: 'vmk2', ip: '10.20.50.11', tags: ['vSphereProvisioning'] },
          { name: 'vmk3', ip: '10.20.60.11', tags: [], enabled: false },
        ],
      }),
    });
    expect(ids(r)).not.toContain('MULTIPLE_PROVISIONING_VMKNICS');
    expect(ids(r)).not.toContain('VMKNIC_DISABLED');
  });

  it('a pasted route table missing a vmknic\'s own connected route still finds it on-link, as probable', () => {
    const r = analyze({
      source: host({
        nics: [
          { name: 'vmk0', ip: '192.168.10.11', tags: M, netstack: 'defaultTcpipStack' },
          { name: 'vmk1', ip: '10.20.30.11', netstack: 'vmotion' },
          { name: 'vmk10', ip: '192.168.250.10', netstack: 'vxlan' },
        ],
        routes: [route('vmotion', '10.99.0.0', '255.255.0.0', '10.20.30.1', 'vmk1', 0)],
      }),
    });
    const egress = flow(r, 'vmotion', 'source', 'egress');
    expect(egress.vmknics).toEqual(['vmk1']);
    expect(egress.certainty).toBe('probable');
    expect(egress.trace.join(' ')).toMatch(/no connected route for vmk1/);
    expect(r.missing.join(' ')).not.toContain('vmk10');
  });
});
