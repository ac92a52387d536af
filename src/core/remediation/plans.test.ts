/**
 * Every fix × ESXi release × switch kind, planned for a pair of synthetic hosts and checked line by line against
 * the esxcli tree of that release (esxcli-releases.json): forms the release lacks never appear, every vmknic a
 * command names exists or was created earlier in the plan, nothing is created twice, no evidence value escapes
 * its quotes, and the text a user reads cites no internal marks.
 */
import { describe, expect, it } from 'vitest';
import { buildHostView } from '../analysis/host-view.ts';
import { genericPlan, planRemediation } from '../analysis/remediation-plan.ts';
import type { HostModel, VSwitch } from '../model/host.ts';
import type { FindingResult, RemediationPlanBody, RemediationResult } from '../result.ts';
import { host } from '../test-support/hosts.ts';
import { releaseFromHostVersion } from '../versions.ts';
import { checkHostPlan, sections } from '../../test-support/command-check.ts';
import { EXAMPLES, analyseExample } from '../../test-support/examples.ts';
import { REMEDIATION_IDS, type RemediationId } from './catalog.ts';

const VERSIONS: readonly { label: string; version: string; update?: string; build?: string }[] = [
  { label: '5.0', version: '5.0.0', build: '469512' },
  { label: '5.1', version: '5.1.0', build: '799733' },
  { label: '5.5', version: '5.5.0' },
  { label: '6.0 U3', version: '6.0.0', update: '3', build: '5050593' },
  { label: '6.7', version: '6.7.0', update: '3', build: '14320388' },
  { label: '7.0 U3', version: '7.0.3', build: '22348816' },
  { label: '8.0', version: '8.0.0', build: '20513097' },
];
type Kind = 'standard' | 'distributed';

const ev = { file: 't.txt', line: 1, text: 'x' };
function vswitches(kind: Kind, suffix: string): VSwitch[] {
  const vs0: VSwitch = { name: 'vSwitch0', kind: 'standard', mtu: 1500, uplinks: ['vmnic0'], portGroups: [{ name: 'Management Network', vlan: 0, uplinks: ['vmnic0'] }], dvPorts: [], evidence: ev };
  if (kind === 'standard') {
    return [vs0, { name: 'vSwitch1', kind: 'standard', mtu: 1500, uplinks: ['vmnic2', 'vmnic3'], portGroups: [{ name: `vMotion ${suffix}`, vlan: 0, uplinks: ['vmnic2', 'vmnic3'] }], dvPorts: [], evidence: ev }];
  }
  return [vs0, { name: 'dvs-prod', kind: 'distributed', mtu: 1500, uplinks: ['vmnic2', 'vmnic3'], portGroups: [], dvPorts: [{ id: '510', client: 'vmk1' }, { id: '897', client: 'vmnic2' }], evidence: ev }];
}

/** Host A: vmk0 management + vmk1 vMotion in one subnet. Host B also has vmk2 (another service) so its first free name is vmk3. */
function pair(v: (typeof VERSIONS)[number], kind: Kind): HostModel[] {
  const make = (name: string, last: number, extra: boolean): HostModel => {
    const m = host({
      name,
      version: v.version,
      ...(v.update ? { update: v.update } : {}),
      ...(v.build ? { build: v.build } : {}),
      nics: [
        { name: 'vmk0', ip: `10.0.1.${last}`, tags: ['Management'], portGroup: 'Management Network', mtu: 1500, vswitch: 'vSwitch0' },
        { name: 'vmk1', ip: `10.0.1.${last + 1}`, tags: ['VMotion'], mtu: 1500, ...(kind === 'standard' ? { portGroup: "vMotion it's", vswitch: 'vSwitch1' } : {}) },
        ...(extra ? [{ name: 'vmk2', ip: `10.9.9.${last}`, tags: ['faultToleranceLogging'], portGroup: 'FT', mtu: 1500 }] : []),
      ],
      vswitches: vswitches(kind, "it's").map((s) => (s.kind === 'standard' && s.name === 'vSwitch1' ? { ...s, portGroups: [{ name: "vMotion it's", vlan: 0, uplinks: ['vmnic2', 'vmnic3'] }] } : s)),
      bind: 0,
    });
    return kind === 'distributed' ? { ...m, vmknics: m.vmknics.map((n) => (n.name === 'vmk1' ? { ...n, dvPort: '510', portGroup: '510', vswitch: 'dvs-prod' } : n)) } : m;
  };
  return [make('esx-a', 10, false), make('esx-b', 20, true)];
}

const FINDING_FOR: Partial<Record<RemediationId, string>> = { R8: 'VMOTION_L3_NO_GATEWAY', R6: 'COLD_DATA_OVER_MANAGEMENT' };
function finding(id: RemediationId): FindingResult {
  return { id: FINDING_FOR[id] ?? 'SAME_SUBNET_VMKNICS', severity: 'high', certainty: 'definite', title: 't', detail: 'd', evidence: [], hosts: ['esx-a', 'esx-b'], vmknics: ['vmk1'], remediation: [id] };
}

function bodies(r: RemediationResult): RemediationPlanBody[] {
  return [r, ...(r.alternatives ?? [])];
}

const USER_TEXT_BANNED = /§|\[U\]|\[I\]|\[V\]|domain\.md|\bR\d{1,2}\b/;

describe.each(VERSIONS)('plans on ESXi $label', (v) => {
  describe.each(['standard', 'distributed'] as const)('%s switch', (kind) => {
    const models = pair(v, kind);
    const views = models.map(buildHostView);
    const release = releaseFromHostVersion(models[0]!.version);
    it.each(REMEDIATION_IDS.filter((id) => id !== 'R10'))('%s passes the command checker', (id) => {
      const plans = planRemediation([finding(id)], views);
      const plan = plans.find((p) => p.id === id)!;
      expect(plan).toBeDefined();
      for (const b of bodies(plan)) {
        const cmd = sections(b.commands.esxcli);
        const ver = sections(b.verify);
        const back = sections(b.rollback);
        for (const m of models) {
          const existing = new Set(m.vmknics.map((n) => n.name));
          const issues = checkHostPlan({ commands: cmd.get(m.name) ?? [], verify: ver.get(m.name) ?? [], rollback: back.get(m.name) ?? [] }, release, existing);
          expect(issues, `${id} ${'variant' in b ? String(b.variant) : ''} on ${m.name}`).toEqual([]);
        }
        for (const t of [...b.steps, ...(b.notes ?? [])]) expect(t, `${id}: ${t}`).not.toMatch(USER_TEXT_BANNED);
        // Every plan that changes a host says how to check it worked (unless the host cannot get it at all).
        if (b.commands.esxcli.length > 0) expect(b.verify.length + (b.verifyPowercli?.length ?? 0), id).toBeGreaterThan(0);
        if (kind === 'distributed') {
          for (const l of b.commands.esxcli) expect(l, `${id}: ${l}`).not.toMatch(/vswitch standard|-p '?510/);
        }
        // The port group name holding a quote is always one quoted word.
        for (const l of [...b.commands.esxcli, ...b.rollback]) if (l.includes('vMotion it')) expect(l).toContain("'vMotion it'\\''s'");
        for (const l of b.commands.powercli) if (l.includes('vMotion it')) expect(l).toContain("'vMotion it''s'");
      }
    });
  });

  it('offers encrypted vMotion only where both hosts have it (6.5 and later)', () => {
    for (const kind of ['standard', 'distributed'] as const) {
      const plan = planRemediation([finding('R10')], pair(v, kind).map(buildHostView)).find((p) => p.id === 'R10')!;
      const has = !['5.0', '5.1', '5.5', '6.0 U3'].includes(v.label);
      expect(plan.commands.powercli.length > 0, `${v.label} ${kind}`).toBe(has);
      if (!has) expect(plan.notes?.join(' ')).toMatch(/encrypted vMotion exists from 6\.5 on/);
      else expect(plan.commands.powercli.join('\n')).toContain('$spec.MigrateEncryption = (throw \'FILL_encryptionMode\')');
    }
  });

  it('gives the binding value of the release (6.5d+ → 3, 6.0 → none, 5.x → 1 as untested advice)', () => {
    const views = pair(v, 'standard').map(buildHostView);
    const plan = planRemediation([finding('R4')], views).find((p) => p.id === 'R4')!;
    const set = plan.commands.esxcli.filter((l) => l.includes('advanced set'));
    if (v.version.startsWith('5.')) {
      expect(set.every((l) => l.endsWith('-i 1'))).toBe(true);
      expect(plan.notes?.join(' ')).toMatch(/untested/i);
    } else if (v.version.startsWith('6.0')) {
      expect(set).toEqual([]);
      expect(plan.notes?.join(' ')).toMatch(/no always-bind value/);
    } else {
      expect(set.length).toBe(2);
      expect(set.every((l) => l.endsWith('-i 3'))).toBe(true);
    }
    // The rollback restores the value the evidence showed (0), not a guess.
    expect(plan.rollback.filter((l) => !l.startsWith('#')).every((l) => l.includes('-i 0'))).toBe(true);
  });
});

describe('what the host has decides the form', () => {
  const at = (label: string, kind: Kind = 'standard') => pair(VERSIONS.find((v) => v.label === label)!, kind).map(buildHostView);

  it('names a new vmknic after the first free vmkN of each host, never an existing one', () => {
    const plan = planRemediation([finding('R2')], at('7.0 U3')).find((p) => p.id === 'R2')!;
    const s = sections(plan.commands.esxcli);
    expect(s.get('esx-a')!.join('\n')).toContain('interface add -i vmk2 ');
    expect(s.get('esx-b')!.join('\n')).toContain('interface add -i vmk3 ');
  });

  it('never invents a port-group name: a new one is a placeholder', () => {
    const plan = planRemediation([finding('R2')], at('7.0 U3')).find((p) => p.id === 'R2')!;
    expect(plan.commands.esxcli.join('\n')).toContain('-p "${FILL_newPortGroup:?}"');
    expect(plan.commands.esxcli.join('\n')).not.toMatch(/-B\b/);
    expect(plan.unfilled).toContain('newPortGroup');
  });

  it('uses vim-cmd on 5.0, where esxcli has no tag namespace', () => {
    const plan = planRemediation([finding('R3')], at('5.0')).find((p) => p.id === 'R3')!;
    expect(plan.commands.esxcli.join('\n')).toContain('vim-cmd hostsvc/vmotion/vnic_set vmk1');
    expect(plan.commands.esxcli.join('\n')).not.toContain('interface tag');
  });

  it('says plainly that the vmotion stack needs an upgrade on 5.x and offers what works', () => {
    const plan = planRemediation([finding('R2')], at('5.5')).find((p) => p.id === 'R2')!;
    expect(plan.commands.esxcli).toEqual([]);
    expect(plan.notes?.join(' ')).toMatch(/needs an upgrade to 6\.0.*Put vMotion on its own subnet/);
  });

  it('changes a distributed port group in vCenter, not with standard-switch commands', () => {
    const plan = planRemediation([finding('R1')], at('7.0 U3', 'distributed')).find((p) => p.id === 'R1')!;
    expect(plan.commands.powercli.join('\n')).toMatch(/Get-VDPortgroup -VDSwitch 'dvs-prod' .*\| Set-VDVlanConfiguration -VlanId/);
    expect(plan.commands.esxcli.join('\n')).not.toContain('vswitch standard');
  });

  it('creates a vmknic on a distributed switch with the host-side --dvs-name/--dvport-id form', () => {
    const plan = planRemediation([finding('R2')], at('6.7', 'distributed')).find((p) => p.id === 'R2')!;
    expect(plan.commands.esxcli.join('\n')).toContain("interface add -i vmk2 --dvs-name dvs-prod --dvport-id \"${FILL_dvPort:?}\" -N vmotion");
  });

  it('offers the two provisioning choices as separate complete plans', () => {
    const plan = planRemediation([finding('R6')], at('7.0 U3')).find((p) => p.id === 'R6')!;
    expect(plan.variant).toBe('tag');
    expect(plan.alternatives?.map((a) => a.variant)).toEqual(['stack']);
    expect(plan.commands.esxcli.join('\n')).not.toContain('netstack add');
    expect(plan.alternatives![0]!.commands.esxcli.join('\n')).toContain('netstack add -N vSphereProvisioning');
    expect(plan.alternatives![0]!.commands.esxcli.join('\n')).not.toContain('-t vSphereProvisioning');
  });

  it('turns an unknown switch kind into a standard and a distributed plan, and an unknown version into a note', () => {
    const m = host({ name: 'esx-x', nics: [{ name: 'vmk0', ip: '10.0.0.1', tags: ['Management'] }, { name: 'vmk1', ip: '10.0.0.2', tags: ['VMotion'], portGroup: 'vMotion' }] });
    const plan = planRemediation([{ ...finding('R1'), hosts: ['esx-x'] }], [buildHostView(m)]).find((p) => p.id === 'R1')!;
    expect([plan.variant, ...(plan.alternatives ?? []).map((a) => a.variant)]).toEqual(['standard', 'distributed']);
    const r4 = planRemediation([{ ...finding('R4'), hosts: ['esx-x'] }], [buildHostView(m)]).find((p) => p.id === 'R4')!;
    expect(r4.notes?.join(' ')).toMatch(/vmware -vl/);
  });

  it('withholds the plan for a value no quoting makes safe, naming value and field', () => {
    const [a, b] = pair(VERSIONS[5]!, 'standard');
    const bad = { ...a!, vmknics: a!.vmknics.map((n) => (n.name === 'vmk1' ? { ...n, portGroup: 'vMo\ntion' } : n)) };
    const plan = planRemediation([finding('R1')], [bad, b!].map(buildHostView)).find((p) => p.id === 'R1')!;
    expect(plan.commands.esxcli).toEqual([]);
    expect(plan.refused?.join(' ')).toMatch(/port-group name of vmk1 on esx-a "vMo\\ntion" contains a line break/);
  });

  it('routes provisioning traffic with a static route first (a vmknic gateway does not steer NFC)', () => {
    const { result } = analyseExample(EXAMPLES.find((e) => e.name === 'provisioning-fallback-7.0')!);
    const r8 = result.remediation.find((p) => p.id === 'R8')!;
    expect(r8.variant).toBe('route');
    expect(r8.commands.esxcli.join('\n')).toContain('esxcli network ip route ipv4 add -n 10.30.2.0/24 -g "${FILL_gateway:?}"');
    expect(r8.alternatives?.[0]?.notes?.join(' ')).toMatch(/follows the routing table/);
  });

  it('never re-addresses the management vmknic when it is also the vMotion vmknic', () => {
    const m = host({ name: 'esx-m', version: '7.0.3', nics: [{ name: 'vmk0', ip: '10.0.0.1', tags: ['Management', 'VMotion'], portGroup: 'Management Network', vswitch: 'vSwitch0' }], vswitches: vswitches('standard', 'x') });
    const plan = planRemediation([{ ...finding('R1'), hosts: ['esx-m'], vmknics: ['vmk0'] }], [buildHostView(m)]).find((p) => p.id === 'R1')!;
    expect(plan.commands.esxcli).toEqual([]);
    expect(plan.notes?.join(' ')).toMatch(/management vmknic \(vmk0\): re-addressing it would take the host off vCenter/);
  });

  it('only removes the shadowed tag when vMotion already has a vmotion-stack vmknic', () => {
    const m = host({
      name: 'esx-s',
      version: '8.0.0',
      nics: [
        { name: 'vmk0', ip: '10.0.0.1', tags: ['Management'], portGroup: 'Management Network', vswitch: 'vSwitch0' },
        { name: 'vmk1', ip: '10.0.0.2', tags: ['VMotion'], portGroup: 'old', vswitch: 'vSwitch0' },
        { name: 'vmk2', ip: '10.9.0.2', netstack: 'vmotion', tags: ['VMotion'], portGroup: 'vMotion x', vswitch: 'vSwitch1' },
      ],
      vswitches: vswitches('standard', 'x'),
    });
    const plan = planRemediation([{ ...finding('R3'), id: 'VMOTION_TAG_SHADOWED', hosts: ['esx-s'] }], [buildHostView(m)]).find((p) => p.id === 'R3')!;
    const lines = plan.commands.esxcli.filter((l) => !l.startsWith('#'));
    expect(lines).toEqual(['esxcli network ip interface tag remove -i vmk1 -t VMotion']);
    expect(plan.rollback.filter((l) => !l.startsWith('#'))[0]).toMatch(/^esxcli network ip interface tag add -i vmk1 -t VMotion/);
  });

  it('withholds every plan of a host whose name holds a line break', () => {
    const [a, b] = pair(VERSIONS[5]!, 'standard');
    const plan = planRemediation([finding('R4')], [{ ...a!, name: 'esx\nreboot' }, b!].map(buildHostView)).find((p) => p.id === 'R4')!;
    expect(plan.commands.esxcli).toEqual([]);
    expect(plan.refused?.join(' ')).toMatch(/host name "esx\\nreboot" contains a line break/);
  });

  it('renders every general plan (no evidence) with placeholders only, checked like the rest', () => {
    for (const id of REMEDIATION_IDS) {
      const plan = genericPlan(id);
      for (const b of bodies(plan)) {
        const issues = checkHostPlan({ commands: b.commands.esxcli.filter((l) => !l.startsWith('#')), verify: b.verify.filter((l) => !l.startsWith('#')), rollback: b.rollback.filter((l) => !l.startsWith('#')) }, undefined, new Set(['vmk0', 'vmk1']));
        expect(issues.filter((i) => !/neither on the host/.test(i)), id).toEqual([]);
      }
    }
  });
});

describe('every example plan', () => {
  it.each(EXAMPLES.map((e) => [e.name, e] as const))('%s passes the command checker', (_name, example) => {
    const { result, hosts } = analyseExample(example);
    for (const plan of result.remediation) {
      for (const b of bodies(plan)) {
        const cmd = sections(b.commands.esxcli);
        const ver = sections(b.verify);
        const back = sections(b.rollback);
        for (const m of hosts) {
          const existing = new Set(m.vmknics.map((n) => n.name));
          const issues = checkHostPlan({ commands: cmd.get(m.name) ?? [], verify: ver.get(m.name) ?? [], rollback: back.get(m.name) ?? [] }, releaseFromHostVersion(m.version), existing);
          expect(issues, `${plan.id} on ${m.name}`).toEqual([]);
        }
        for (const t of [...b.steps, ...(b.notes ?? [])]) expect(t, `${plan.id}: ${t}`).not.toMatch(USER_TEXT_BANNED);
      }
    }
  });
});
