import { describe, expect, it } from 'vitest';
import type { EvidenceRef } from '../core/model/evidence.ts';
import { advancedKey, assembleHosts } from './assemble.ts';
import type { ParsedBlock } from './assemble.ts';
import type {
  AdvancedSettingRecord,
  EsxConfRecord,
  InterfaceListEntry,
  Ipv4Row,
  RouteRow,
  RouteTable,
  VersionRecord,
  VmknicRow,
} from './records.ts';
import type { Block } from './types.ts';

// Records are built by hand here: the assembler is tested apart from the parsers.
function ref(line: number, file = 'a.txt'): EvidenceRef {
  return { file, line, text: `line ${line}` };
}

function block(host?: string, file = 'a.txt', command?: string): Block {
  return { file, lines: [], ...(host !== undefined ? { host } : {}), ...(command !== undefined ? { command } : {}) };
}

function vmknicRow(name: string, line: number, extra: Partial<VmknicRow> = {}): VmknicRow {
  return { name, family: 'IPv4', ref: ref(line, extra.ref?.file), ...extra };
}

function route(network: string, netmask: string, gateway: string, iface: string, line: number): RouteRow {
  return { network, netmask, gateway, interface: iface, ref: ref(line) };
}

function advanced(path: string, value: number | string, line: number, extra: Partial<AdvancedSettingRecord> = {}): AdvancedSettingRecord {
  return typeof value === 'number'
    ? { path, type: 'integer', intValue: value, ref: ref(line), ...extra }
    : { path, type: 'string', stringValue: value, ref: ref(line), ...extra };
}

function version(v: Partial<VersionRecord> & { line: number; file?: string }): VersionRecord {
  const { line, file, ...rest } = v;
  return { product: 'VMware ESXi', refs: [ref(line, file)], ...rest };
}

function esxConf(partial: Partial<EsxConfRecord>): EsxConfRecord {
  return { entries: [], vmknics: [], advanced: [], ...partial };
}

const p = {
  vmknic: (rows: VmknicRow[], host?: string, file?: string): ParsedBlock => ({ kind: 'esxcfg-vmknic', block: block(host, file), value: rows }),
  iflist: (entries: InterfaceListEntry[], host?: string): ParsedBlock => ({ kind: 'interface-list', block: block(host), value: entries }),
  ipv4: (rows: Ipv4Row[], host?: string): ParsedBlock => ({ kind: 'ipv4-get', block: block(host), value: rows }),
  tags: (vmknic: string | undefined, tags: string[], line: number, host?: string): ParsedBlock => ({
    kind: 'tag-get',
    block: block(host),
    value: { ...(vmknic !== undefined ? { vmknic } : {}), tags, ref: ref(line) },
  }),
  routes: (table: RouteTable, host?: string): ParsedBlock => ({
    kind: table.format === 'esxcli' ? 'route-ipv4-list' : 'esxcfg-route',
    block: block(host),
    value: table,
  }),
  advcfg: (record: AdvancedSettingRecord, host?: string): ParsedBlock => ({ kind: 'advcfg-get', block: block(host), value: record }),
  advlist: (records: AdvancedSettingRecord[], host?: string): ParsedBlock => ({ kind: 'advanced-list', block: block(host), value: records }),
  version: (record: VersionRecord, host?: string, file?: string): ParsedBlock => ({ kind: 'vmware-version', block: block(host, file), value: record }),
  esxConf: (record: EsxConfRecord, host?: string, file?: string): ParsedBlock => ({ kind: 'esx-conf', block: block(host, file), value: record }),
};

function only(parsed: ParsedBlock[]) {
  const { hosts, warnings } = assembleHosts(parsed);
  expect(hosts).toHaveLength(1);
  return { host: hosts[0]!, warnings };
}

describe('assembleHosts: vmknics', () => {
  it('merges one vmknic from esxcfg-vmknic, interface list, ipv4 get and tag get, with every line as evidence', () => {
    const { host, warnings } = only([
      p.vmknic(
        [
          vmknicRow('vmk1', 5, {
            portGroup: 'vMotion',
            portGroupKind: 'name',
            address: '10.0.0.11',
            netmask: '255.255.255.0',
            mac: '00:50:56:AA:BB:01',
            mtu: 9000,
            enabled: true,
            type: 'STATIC',
            netstack: 'defaultTcpipStack',
          }),
          vmknicRow('vmk1', 6, { family: 'IPv6', address: 'fe80::250:56ff:feaa:bb01', netmask: '64', type: 'STATIC, PREFERRED' }),
          vmknicRow('vmk0', 4, { portGroup: 'Management Network', portGroupKind: 'name', address: '10.0.0.10', netmask: '255.255.255.0' }),
        ],
        'esx01',
      ),
      p.iflist([{ name: 'vmk1', portset: 'vSwitch1', portgroup: 'vMotion', netstack: 'defaultTcpipStack', mtu: 9000, enabled: true, ref: ref(20) }], 'esx01'),
      p.ipv4([{ name: 'vmk1', address: '10.0.0.11', netmask: '255.255.255.0', addressType: 'STATIC', gateway: '0.0.0.0', ref: ref(30) }], 'esx01'),
      p.tags('vmk1', ['VMotion'], 40, 'esx01'),
    ]);
    expect(warnings).toEqual([]);
    expect(host.vmknics.map((v) => v.name)).toEqual(['vmk0', 'vmk1']);
    expect(host.vmknics[1]).toEqual({
      name: 'vmk1',
      portGroup: 'vMotion',
      ipv4: '10.0.0.11',
      netmask: '255.255.255.0',
      ipv6: ['fe80::250:56ff:feaa:bb01/64'],
      mac: '00:50:56:aa:bb:01',
      mtu: 9000,
      netstack: 'defaultTcpipStack',
      tags: ['VMotion'],
      tagSource: 'tag-get',
      enabled: true,
      addressType: 'STATIC',
      vswitch: 'vSwitch1',
      evidence: [ref(5), ref(6), ref(20), ref(30), ref(40)],
    });
    expect(host.commandsSeen).toEqual(['esxcfg-vmknic', 'interface-list', 'ipv4-get', 'tag-get']);
  });

  it('puts a DVPort id or an NSX UUID in dvPort and leaves the netstack out when the table had no such column', () => {
    const { host } = only([
      p.vmknic([
        vmknicRow('vmk0', 2, { portGroup: '510', portGroupKind: 'dvport', address: '192.168.110.52', type: 'DHCP' }),
        vmknicRow('vmk10', 3, { portGroup: 'ad451e93-a608-48ac-8099-84fbb44f3a23', portGroupKind: 'opaque', address: '10.9.0.5' }),
      ]),
    ]);
    expect(host.vmknics.map((v) => [v.name, v.dvPort, v.portGroup, v.netstack, v.addressType])).toEqual([
      ['vmk0', '510', undefined, undefined, 'DHCP'],
      ['vmk10', 'ad451e93-a608-48ac-8099-84fbb44f3a23', undefined, undefined, undefined],
    ]);
    expect('netstack' in (host.vmknics[0] ?? {})).toBe(false);
  });

  it('on a DVS takes the switch from VDS Name and the DVPort from VDS Port of interface list', () => {
    const { host } = only([p.iflist([{ name: 'vmk0', portset: 'DvsPortset-0', vdsName: 'Mgmt_Edge_VDS', vdsPort: '510', ref: ref(3) }])]);
    expect(host.vmknics[0]).toMatchObject({ name: 'vmk0', vswitch: 'Mgmt_Edge_VDS', dvPort: '510' });
    expect(host.vmknics[0]?.portGroup).toBeUndefined();
  });

  it('keeps the later of two different values for one fact and warns with both lines', () => {
    const { host, warnings } = only([
      p.vmknic([vmknicRow('vmk1', 5, { address: '10.0.0.11' })], 'esx01'),
      p.ipv4([{ name: 'vmk1', address: '10.0.0.12', ref: ref(30) }], 'esx01'),
    ]);
    expect(host.vmknics[0]?.ipv4).toBe('10.0.0.12');
    expect(warnings).toEqual([
      {
        file: 'a.txt',
        line: 30,
        message: 'esx01: vmk1 IPv4 address: line 5 says 10.0.0.11 but line 30 says 10.0.0.12; the later value (10.0.0.12) is kept.',
      },
    ]);
  });

  it('adds evidence without a warning when two outputs agree', () => {
    const { host, warnings } = only([
      p.vmknic([vmknicRow('vmk1', 5, { address: '10.0.0.11', mac: '00:50:56:AA:BB:01' })]),
      p.ipv4([{ name: 'vmk1', address: '10.0.0.11', ref: ref(30) }]),
      p.iflist([{ name: 'vmk1', mac: '00:50:56:aa:bb:01', ref: ref(40) }]),
    ]);
    expect(warnings).toEqual([]);
    expect(host.vmknics[0]?.evidence.map((e) => e.line)).toEqual([5, 30, 40]);
  });

  it('never creates a vmknic from a route, but a tag get alone is evidence of its vmknic', () => {
    const { host } = only([
      p.routes({ format: 'esxcfg-route', routes: [route('10.5.0.0', '255.255.255.0', '0.0.0.0', 'vmk5', 3)] }),
      p.tags('vmk3', ['vSphereProvisioning'], 10),
    ]);
    expect(host.vmknics).toEqual([
      { name: 'vmk3', ipv6: [], tags: ['vSphereProvisioning'], tagSource: 'tag-get', evidence: [ref(10)] },
    ]);
  });

  it('ignores tags whose vmknic is unknown (no command line) and names that are not vmkN', () => {
    const { host, warnings } = only([p.tags(undefined, ['VMotion'], 4), p.vmknic([vmknicRow('vmnic0', 7, { address: '1.2.3.4' })])]);
    expect(host.vmknics).toEqual([]);
    expect(warnings).toEqual([{ file: 'a.txt', line: 7, message: '"vmnic0" is not a VMkernel NIC name (vmkN); the values on this line are ignored.' }]);
  });

  it('stores a per-vmknic gateway override unless it is 0.0.0.0', () => {
    const { host } = only([
      p.ipv4([
        { name: 'vmk0', address: '147.75.201.186', netmask: '255.255.255.248', addressType: 'STATIC', gateway: '147.75.201.185', ref: ref(3) },
        { name: 'vmk1', address: '10.88.154.2', netmask: '255.255.255.248', addressType: 'STATIC', gateway: '0.0.0.0', ref: ref(4) },
        { name: 'vmk2', address: '10.20.30.11', netmask: '255.255.255.0', gateway: '10.20.30.1', ref: ref(5) },
      ]),
    ]);
    expect(host.vmknics.map((v) => [v.name, v.gateway])).toEqual([
      ['vmk0', '147.75.201.185'],
      ['vmk1', undefined],
      ['vmk2', '10.20.30.1'],
    ]);
    // vmk0's Gateway column is the default stack's gateway: used when nothing else names one.
    expect(host.defaultGateway).toBe('147.75.201.185');
  });

  it('reads vmknics from esx.conf children and warns about a child without a name', () => {
    const { host, warnings } = only([
      p.esxConf(
        esxConf({
          vmknics: [
            { index: '0000', name: 'vmk0', ipv4address: '10.0.1.128', ipv4netmask: '255.255.255.0', mac: '00:0C:29:2C:54:17', portgroup: 'Management Network', mtu: 1500, enabled: true, dhcp: false, refs: [ref(1), ref(2), ref(3)] },
            { index: '0001', ipv4address: '10.0.1.129', refs: [ref(9)] },
          ],
        }),
      ),
    ]);
    expect(host.vmknics).toEqual([
      {
        name: 'vmk0',
        portGroup: 'Management Network',
        ipv4: '10.0.1.128',
        netmask: '255.255.255.0',
        ipv6: [],
        mac: '00:0c:29:2c:54:17',
        mtu: 1500,
        enabled: true,
        addressType: 'STATIC',
        evidence: [ref(1), ref(2), ref(3)],
      },
    ]);
    expect(warnings.map((w) => [w.line, w.message])).toEqual([
      [9, 'esx.conf vmkernelnic child[0001] has no name line, so its values cannot be tied to a vmknic; ignored.'],
    ]);
  });

  it('fills the switch of a vmknic from esxcfg-vswitch: a DVS client, or the one switch with its port group', () => {
    const { host } = only([
      p.vmknic([vmknicRow('vmk0', 2, { portGroup: '510', portGroupKind: 'dvport' }), vmknicRow('vmk1', 3, { portGroup: 'vMotion', portGroupKind: 'name' })]),
      {
        kind: 'esxcfg-vswitch',
        block: block(),
        value: [
          { name: 'vSwitch1', kind: 'standard', mtu: 9000, uplinks: ['vmnic2'], portGroups: [{ name: 'vMotion', vlan: 20, uplinks: ['vmnic2'] }], dvPorts: [], ref: ref(10) },
          { name: 'Mgmt_Edge_VDS', kind: 'distributed', mtu: 1600, uplinks: ['vmnic1', 'vmnic0'], portGroups: [], dvPorts: [{ id: '510', client: 'vmk0' }], ref: ref(20) },
        ],
      },
    ]);
    expect(host.vmknics.map((v) => [v.name, v.vswitch])).toEqual([
      ['vmk0', 'Mgmt_Edge_VDS'],
      ['vmk1', 'vSwitch1'],
    ]);
    expect(host.vswitches.map((s) => s.name)).toEqual(['vSwitch1', 'Mgmt_Edge_VDS']);
    expect(host.vmknics[1]?.evidence).toEqual([ref(3), ref(10)]);
  });
});

describe('assembleHosts: routes and default gateway', () => {
  const esxcfg: RouteTable = {
    format: 'esxcfg-route',
    routes: [route('172.26.64.0', '255.255.255.192', '0.0.0.0', 'vmk0', 3), route('0.0.0.0', '0.0.0.0', '172.26.64.1', 'vmk0', 4)],
  };
  const esxcli: RouteTable = {
    format: 'esxcli',
    routes: [route('0.0.0.0', '0.0.0.0', '172.26.64.1', 'vmk0', 12), route('172.26.64.0', '255.255.255.192', '0.0.0.0', 'vmk0', 13)],
  };

  it('turns each table into routes of its netstack, keeping the printed order', () => {
    const { host } = only([
      p.routes(esxcfg),
      p.routes({ netstack: 'vmotion', format: 'esxcli', routes: [route('0.0.0.0', '0.0.0.0', '10.20.30.1', 'vmk2', 20), route('10.20.30.0', '255.255.255.0', '0.0.0.0', 'vmk2', 21)] }),
    ]);
    expect(host.routes.map((r) => [r.netstack, r.network, r.interface, r.order, r.evidence.line])).toEqual([
      ['defaultTcpipStack', '172.26.64.0', 'vmk0', 0, 3],
      ['defaultTcpipStack', '0.0.0.0', 'vmk0', 1, 4],
      ['vmotion', '0.0.0.0', 'vmk2', 0, 20],
      ['vmotion', '10.20.30.0', 'vmk2', 1, 21],
    ]);
    expect(host.defaultGateway).toBe('172.26.64.1');
  });

  it("keeps esxcfg-route's order when esxcli lists the same routes, whichever came first, without a warning", () => {
    for (const order of [
      [esxcfg, esxcli],
      [esxcli, esxcfg],
    ]) {
      const { host, warnings } = only(order.map((t) => p.routes(t)));
      expect(warnings).toEqual([]);
      expect(host.routes.map((r) => r.evidence.line)).toEqual([3, 4]);
    }
  });

  it('warns when the two route tables of one stack contradict each other and keeps the later', () => {
    const contradicting: RouteTable = { format: 'esxcli', routes: [route('0.0.0.0', '0.0.0.0', '172.26.64.2', 'vmk0', 12)] };
    const { host, warnings } = only([p.routes(esxcfg), p.routes(contradicting)]);
    expect(host.routes.map((r) => r.evidence.line)).toEqual([12]);
    expect(host.defaultGateway).toBe('172.26.64.2');
    expect(warnings.map((w) => w.message)).toEqual([
      'a.txt: default gateway of defaultTcpipStack: line 4 says 172.26.64.1 but line 12 says 172.26.64.2; the later value (172.26.64.2) is kept.',
      'a.txt: the routes of defaultTcpipStack at line 3 and line 12 disagree (only line 12 lists 0.0.0.0/0.0.0.0 via 172.26.64.2 on vmk0); the later table (line 12) is kept.',
    ]);
  });

  it('takes the default gateway from "VMkernel default gateway is" before the vmk0 Gateway column of ipv4 get', () => {
    const { host } = only([
      p.ipv4([{ name: 'vmk0', address: '10.0.0.10', gateway: '10.0.0.254', ref: ref(2) }]),
      p.routes({ format: 'esxcfg-route', routes: [], defaultGateway: { address: '10.0.0.1', ref: ref(9) } }),
    ]);
    expect(host.defaultGateway).toBe('10.0.0.1');
    expect(host.routes).toEqual([]);
  });

  it('ignores the default gateway line of another netstack and uses esx.conf when nothing else names one', () => {
    const { host } = only([
      p.routes({ netstack: 'vmotion', format: 'esxcfg-route', routes: [], defaultGateway: { address: '10.20.30.1', ref: ref(2) } }),
      p.esxConf(esxConf({ defaultGateway: { address: '10.0.0.1', ref: ref(8) } })),
    ]);
    expect(host.defaultGateway).toBe('10.0.0.1');
  });
});

describe('assembleHosts: advanced options, versions and the rest', () => {
  it('keys options by slash path, mapping the bare names esxcfg-advcfg prints', () => {
    expect(advancedKey('BindToVmknic')).toBe('/Migrate/BindToVmknic');
    expect(advancedKey('autobindvmknic')).toBe('/Migrate/AutoBindVmknic');
    expect(advancedKey('Vmknic')).toBe('/Migrate/Vmknic');
    expect(advancedKey('ManagementIface')).toBe('/Net/ManagementIface');
    expect(advancedKey('ProvisioningVmknics')).toBe('/Net/ProvisioningVmknics');
    expect(advancedKey('Migrate.BindToVmknic')).toBe('/Migrate/BindToVmknic');
    expect(advancedKey('/adv/FT/Vmknic')).toBe('/FT/Vmknic');
    expect(advancedKey('/Net/TcpipHeapMax')).toBe('/Net/TcpipHeapMax');
  });

  it('merges esxcfg-advcfg, esxcli advanced list and esx.conf values, warning on disagreement', () => {
    const { host, warnings } = only([
      p.advcfg(advanced('BindToVmknic', 1, 3)),
      p.esxConf(esxConf({ advanced: [{ path: '/Migrate/BindToVmknic', value: '1', ref: ref(6) }, { path: '/Migrate/Vmknic', value: 'vmk2', ref: ref(7) }] })),
      p.advlist([advanced('/Migrate/BindToVmknic', 3, 12, { defaultIntValue: 3 }), advanced('/Net/ProvisioningVmknics', '', 20, { defaultStringValue: '' })]),
    ]);
    expect(host.advanced).toEqual({
      '/Migrate/BindToVmknic': { value: 3, defaultValue: 3, evidence: ref(12) },
      '/Migrate/Vmknic': { value: 'vmk2', evidence: ref(7) },
      '/Net/ProvisioningVmknics': { value: '', defaultValue: '', evidence: ref(20) },
    });
    expect(warnings.map((w) => [w.line, w.message])).toEqual([
      [12, 'a.txt: advanced option /Migrate/BindToVmknic: line 3 says 1 but line 12 says 3; the later value (3) is kept.'],
    ]);
  });

  it('combines "vmware -v" and "vmware -l" pasted apart into one version', () => {
    const { host, warnings } = only([
      p.version(version({ version: '7.0.3', build: '22348816', line: 2 })),
      p.version(version({ version: '7.0', update: '3', line: 5 })),
    ]);
    expect(warnings).toEqual([]);
    expect(host.version).toEqual({ product: 'VMware ESXi', version: '7.0.3', update: '3', build: '22348816', evidence: [ref(2), ref(5)] });
  });

  it('keeps the later of two different versions for one host, with a warning', () => {
    const { host, warnings } = only([
      p.version(version({ version: '6.7.0', build: '14320388', line: 2 })),
      { kind: 'system-version', block: block(), value: version({ version: '8.0.3', update: '3', build: 'Releasebuild-24859861', line: 9 }) },
    ]);
    expect(host.version).toMatchObject({ version: '8.0.3', build: '24859861', update: '3' });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.message).toBe('a.txt: version: line 2 says 6.7.0 build 14320388 but line 9 says 8.0.3 update 3 build 24859861; the later value is kept.');
  });

  it('reads netstacks, netconfig selectedVnic, physical NICs and the commands seen', () => {
    const { host } = only([
      { kind: 'netstack-list', block: block(), value: [{ key: 'defaultTcpipStack', ref: ref(1) }, { key: 'vmotion', ref: ref(5) }] },
      { kind: 'netconfig-get', block: block(), value: { selectedVnic: null, candidateVnics: ['vmk0'], ref: ref(12) } },
      { kind: 'esxcfg-nics', block: block(), value: [{ name: 'vmnic0', driver: 'nmlx5_core', linkUp: true, speedMbps: 25000, duplex: 'Full', mac: '88:E9:A4:6B:B8:54', mtu: 1500, ref: ref(20) }] },
    ]);
    expect(host.netstacks).toEqual(['defaultTcpipStack', 'vmotion']);
    expect(host.netconfigSelectedVnic).toBeNull();
    expect(host.nics).toEqual([{ name: 'vmnic0', driver: 'nmlx5_core', linkUp: true, speedMbps: 25000, duplex: 'Full', mac: '88:e9:a4:6b:b8:54', mtu: 1500, evidence: ref(20) }]);
    expect(host.commandsSeen).toEqual(['netstack-list', 'netconfig-get', 'esxcfg-nics']);
    expect(host).not.toHaveProperty('version');
    expect(host).not.toHaveProperty('defaultGateway');
  });
});

describe('assembleHosts: which host', () => {
  it('never merges two prompt hosts; each keeps its own version', () => {
    const { hosts, warnings } = assembleHosts([
      p.version(version({ version: '7.0.3', build: '22348816', line: 2 }), 'esx01'),
      p.version(version({ version: '6.5.0', build: '5969303', line: 6 }), 'esx02'),
      p.vmknic([vmknicRow('vmk0', 9, { address: '10.0.0.1' })], 'esx01'),
      p.vmknic([vmknicRow('vmk0', 14, { address: '10.0.0.2' })], 'esx02'),
    ]);
    expect(warnings).toEqual([]);
    expect(hosts.map((h) => [h.name, h.nameAssumed, h.version?.version, h.vmknics[0]?.ipv4])).toEqual([
      ['esx01', false, '7.0.3', '10.0.0.1'],
      ['esx02', false, '6.5.0', '10.0.0.2'],
    ]);
  });

  it('builds hosts whose blocks interleave in the order they appear, with warnings in the order of the blocks', () => {
    // Hosts are built one at a time (issue 17: peak memory); warnings must still follow the paste, not the hosts.
    const { hosts, warnings } = assembleHosts([
      p.vmknic([vmknicRow('vmk1', 5, { address: '10.0.0.11' })], 'esx01'),
      p.vmknic([vmknicRow('vmk1', 10, { address: '10.0.0.21' })], 'esx02'),
      p.ipv4([{ name: 'vmk1', address: '10.0.0.22', ref: ref(20) }], 'esx02'),
      p.ipv4([{ name: 'vmk1', address: '10.0.0.12', ref: ref(30) }], 'esx01'),
    ]);
    expect(hosts.map((h) => [h.name, h.vmknics[0]?.ipv4])).toEqual([
      ['esx01', '10.0.0.12'],
      ['esx02', '10.0.0.22'],
    ]);
    expect(warnings.map((w) => [w.line, w.message.split(':')[0]])).toEqual([
      [20, 'esx02'],
      [30, 'esx01'],
    ]);
  });

  it('gives blocks without a prompt host to the file placeholder, one per file', () => {
    const { hosts } = assembleHosts(
      [p.vmknic([vmknicRow('vmk0', 2, { address: '10.0.0.1' })], undefined, 'a.txt'), p.vmknic([vmknicRow('vmk0', 2, { address: '10.0.0.2', ref: ref(2, 'b.txt') })], undefined, 'b.txt')],
      { unnamedHost: (file) => ({ name: file.replace('.txt', ''), assumed: true }) },
    );
    expect(hosts.map((h) => [h.name, h.nameAssumed])).toEqual([
      ['a', true],
      ['b', true],
    ]);
  });

  it('uses the esx.conf hostname when it is the only name', () => {
    const { hosts } = assembleHosts([
      p.vmknic([vmknicRow('vmk0', 2)]),
      p.esxConf(esxConf({ hostname: { name: 'esx09.corp.local', ref: ref(30) } })),
    ]);
    expect(hosts.map((h) => [h.name, h.nameAssumed])).toEqual([['esx09.corp.local', false]]);
  });

  it('makes one host of a prompt name seen in two files (and in another letter case)', () => {
    const { hosts } = assembleHosts([
      p.vmknic([vmknicRow('vmk0', 2, { address: '10.0.0.1' })], 'esx01', 'a.txt'),
      p.tags('vmk0', ['Management'], 3, 'ESX01'),
      p.version(version({ version: '7.0.3', line: 1, file: 'b.txt' }), 'esx01', 'b.txt'),
    ]);
    expect(hosts).toHaveLength(1);
    expect(hosts[0]).toMatchObject({ name: 'esx01', version: { version: '7.0.3' } });
    expect(hosts[0]?.vmknics[0]?.tags).toEqual(['Management']);
  });

  it('keeps a placeholder apart from a prompt host of the same name when their facts disagree', () => {
    const { hosts, warnings } = assembleHosts(
      [p.vmknic([vmknicRow('vmk0', 2, { address: '10.0.0.1' })], 'esx01'), p.vmknic([vmknicRow('vmk0', 9, { address: '10.0.0.2' })])],
      { unnamedHost: () => ({ name: 'esx01', assumed: true }) },
    );
    expect(hosts.map((h) => [h.name, h.nameAssumed, h.vmknics.map((v) => v.ipv4)])).toEqual([
      ['esx01', false, ['10.0.0.1']],
      ['esx01 (2)', true, ['10.0.0.2']],
    ]);
    expect(warnings.some((w) => w.message.includes('vmk0 address is 10.0.0.2 there but 10.0.0.1'))).toBe(true);
  });

  it('joins a first block without a prompt to the one host the rest of the paste names, with a warning (issue 16)', () => {
    const { hosts, warnings } = assembleHosts(
      [p.vmknic([vmknicRow('vmk0', 2, { address: '10.0.0.1', mac: '00:50:56:aa:bb:cc' })]), p.iflist([{ name: 'vmk0', mac: '00:50:56:aa:bb:cc', ref: ref(9) }], 'ServerHost')],
      { unnamedHost: () => ({ name: 'paste', assumed: true }) },
    );
    expect(hosts.map((h) => [h.name, h.nameAssumed])).toEqual([['ServerHost', false]]);
    expect(hosts[0]?.vmknics.map((v) => [v.name, v.ipv4, v.mac])).toEqual([['vmk0', '10.0.0.1', '00:50:56:aa:bb:cc']]);
    expect(warnings.map((w) => w.message)).toContain(
      "The outputs without a prompt in a.txt are read as ServerHost's: the rest of the paste names only ServerHost and they agree with it (vmk0 MAC). If they came from another host, paste them with that host's prompt.",
    );
  });

  it('never joins bare blocks to a host when the paste names two hosts', () => {
    const { hosts } = assembleHosts(
      [p.vmknic([vmknicRow('vmk0', 2)]), p.vmknic([vmknicRow('vmk1', 5)], 'esx01'), p.vmknic([vmknicRow('vmk1', 9)], 'esx02')],
      { unnamedHost: () => ({ name: 'paste', assumed: true }) },
    );
    expect(hosts.map((h) => h.name)).toEqual(['paste', 'esx01', 'esx02']);
  });

  it('produces plain JSON data', () => {
    const { hosts } = assembleHosts([
      p.vmknic([vmknicRow('vmk0', 2, { address: '10.0.0.1' })], 'esx01'),
      p.advcfg(advanced('__proto__', 1, 4), 'esx01'),
      p.routes({ format: 'esxcfg-route', routes: [route('0.0.0.0', '0.0.0.0', '10.0.0.254', 'vmk0', 6)] }, 'esx01'),
    ]);
    expect(JSON.parse(JSON.stringify(hosts))).toEqual(hosts);
    expect(Object.getPrototypeOf(hosts[0]?.advanced)).toBe(Object.prototype);
    expect(Object.keys(hosts[0]?.advanced ?? {})).toEqual(['__proto__']);
  });
});
