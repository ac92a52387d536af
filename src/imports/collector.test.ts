import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanEstate } from '../core/estate/index.ts';
import { importEstate } from './import-estate.ts';
import { importFile } from './import-file.ts';
import { FIXTURES, fixture, importFixture, text } from './test-support/files.ts';

describe('the collector JSON (schema vmotion-path-doctor/estate v1)', () => {
  const f = importFixture('collector/estate.json');

  it('reads every host with its vCenter, cluster, version and build', () => {
    expect(f.format).toBe('collector-json');
    expect(f.report.version).toBe('schema 1, collector 1.0.0, PowerCLI 13.3.0.24145081, collected 2025-01-14T09:30:12.0000000Z');
    expect(f.hosts.map((h) => [h.name, h.vcenter, h.datacenter, h.cluster, h.version?.version, h.version?.build, h.version?.update])).toEqual([
      ['edge01.lab.local', 'vc-edge.lab.local', 'DC-Edge', 'Edge', '8.0.3', '24859861', '3'],
      ['edge02.lab.local', 'vc-edge.lab.local', 'DC-Edge', 'Edge', '8.0.3', '24859861', '3'],
      ['edge03.lab.local', 'vc-edge.lab.local', 'DC-Edge', 'Edge', '7.0.2', '17630552', '2'],
    ]);
  });

  it('reads vmknics with stacks, tags, switches; routes per stack in order; BindToVmknic and AutoBindVmknic', () => {
    const e1 = f.hosts[0]!;
    expect(e1.vmknics.map((v) => [v.name, v.netstack, v.tags, v.vswitch, v.mtu])).toEqual([
      ['vmk0', 'defaultTcpipStack', ['Management'], 'vSwitch0', 1500],
      ['vmk1', 'vmotion', [], 'DSwitch-Edge', 9000],
      ['vmk2', 'vSphereProvisioning', [], 'DSwitch-Edge', 9000],
    ]);
    expect(e1.routes!.map((r) => [r.netstack, r.network, r.netmask, r.gateway, r.interface, r.order])).toEqual([
      ['defaultTcpipStack', '0.0.0.0', '0.0.0.0', '10.20.1.1', 'vmk0', 0],
      ['defaultTcpipStack', '10.20.1.0', '255.255.255.0', '0.0.0.0', 'vmk0', 1],
      ['vmotion', '10.20.40.0', '255.255.255.0', '0.0.0.0', 'vmk1', 0],
      ['vSphereProvisioning', '10.20.41.0', '255.255.255.0', '0.0.0.0', 'vmk2', 0],
    ]);
    expect(e1.netstacks).toEqual(['defaultTcpipStack', 'vmotion', 'vSphereProvisioning']);
    expect(e1.advanced['/Migrate/BindToVmknic']).toMatchObject({ value: 3, defaultValue: 3 });
    // `value: null`: the option does not exist on 8.0 — nothing recorded.
    expect(e1.advanced['/Migrate/AutoBindVmknic']).toBeUndefined();
    expect(f.hosts[2]!.advanced['/Migrate/AutoBindVmknic']).toMatchObject({ value: 1 });
    expect(e1.switches.find((s) => s.name === 'DSwitch-Edge')).toMatchObject({ kind: 'distributed', mtu: 9000 });
    expect(e1.nics.map((n) => n.mtu)).toEqual([1500, 1500, 9000, 9000]);
  });

  it('leaves tags unknown where the collector could not read them (tags: null), and reports its error', () => {
    const vmk3 = f.hosts[2]!.vmknics.find((v) => v.name === 'vmk3')!;
    expect(vmk3.tags).toBeUndefined();
    expect(f.report.notes).toContain('edge03.lab.local: the collector reported: tag get vmk3: The object or item referred to could not be found.');
  });

  it('gives a scan with nothing unknown but the tags the collector could not read', () => {
    const r = importEstate([fixture('collector/estate.json')]);
    if (!r.ok) throw new Error(r.error.message);
    const scan = scanEstate({ hosts: r.hosts, sources: r.sources });
    expect(scan.hosts.map((h) => [h.name, h.unknown.map((u) => u.key)])).toEqual([
      ['edge01.lab.local', []],
      ['edge02.lab.local', []],
      ['edge03.lab.local', ['tags']],
    ]);
    // edge01/02 use the vmotion and provisioning stacks: clean. edge03 has vMotion on vmk0 and BindToVmknic 0.
    expect(scan.hosts[0]!.findings).toEqual([]);
    expect(scan.hosts[2]!.findings.map((f) => f.id)).toEqual(expect.arrayContaining(['SAME_SUBNET_VMKNICS', 'VMOTION_ON_MANAGEMENT_NETWORK', 'BIND_TO_VMKNIC_SET']));
    // edge03's vMotion vmknics (MTU 1500 and 9000) against edge01's vmotion-stack vmknic (9000).
    expect(scan.pairs.find((p) => p.hosts.includes('edge03.lab.local'))?.findings.map((x) => x.id)).toContain('MTU_MISMATCH');
  });

  it('skips fields of the wrong type instead of trusting them', () => {
    const doc = JSON.parse(readFileSync(join(FIXTURES, 'collector/estate.json'), 'utf8'));
    doc.hosts[0].vmknics[0].mtu = 'jumbo';
    doc.hosts[0].vmknics[1] = { name: 42 };
    doc.hosts[0].routes = 'none';
    doc.hosts[1] = 'not a host';
    const r = importFile(text('estate.json', JSON.stringify(doc)));
    if (!r.ok) throw new Error(r.error.message);
    const e1 = r.value.hosts[0]!;
    expect(e1.vmknics.map((v) => [v.name, v.mtu])).toEqual([
      ['vmk0', undefined],
      ['vmk2', 9000],
    ]);
    expect(e1.routes).toBeUndefined();
    expect(r.value.report.skipped).toEqual([
      { line: 1, reason: 'edge01.lab.local: a vmknic entry without a vmkN name' },
      { line: 1, reason: 'edge01.lab.local: a route without network, netmask or interface' },
      { line: 2, reason: 'host entry without a name' },
    ]);
  });

  it('reads a newer schema version as far as it can, and says so', () => {
    const r = importFile(text('e.json', JSON.stringify({ schema: 'vmotion-path-doctor/estate', schemaVersion: 7, hosts: [{ name: 'h1' }] })));
    expect(r.ok && r.value.report.notes[0]).toBe('schema version 7 is newer than this tool reads (1): fields it does not know are ignored.');
  });
});
