import { describe, expect, it } from 'vitest';
import { importEstate } from './import-estate.ts';
import { importFile } from './import-file.ts';
import { mergeImports } from './merge.ts';
import { genHost, powercliVmkCsv, rvtoolsCsv } from './test-support/estate-generator.ts';
import { fixture, text } from './test-support/files.ts';

const RV4 = ['vSC_VMK', 'vHost', 'vSwitch', 'vPort', 'dvSwitch', 'dvPort'].map((t) => fixture(`rvtools-4x/RVTools_tab${t}.csv`));

function merged(files: Parameters<typeof importEstate>[0]) {
  const r = importEstate(files);
  if (!r.ok) throw new Error(r.error.message);
  return r;
}

describe('merging the files of one estate per host', () => {
  it('joins RVTools, the PowerCLI vmknic export, the tag output and the BindToVmknic export, each fact keeping its file', () => {
    const r = merged([...RV4, fixture('powercli/vmk-ps51.csv'), fixture('powercli/tags.csv'), fixture('powercli/bind-to-vmknic.csv')]);
    expect(r.hosts).toHaveLength(3);
    const esx01 = r.hosts[0]!;
    expect(esx01.model.vmknics.find((v) => v.name === 'vmk1')).toMatchObject({ ipv4: '10.10.1.111', tags: ['VMotion'], mtu: 9000, portGroup: 'vMotion' });
    expect(esx01.model.advanced['/Migrate/BindToVmknic']!.value).toBe(0);
    expect(esx01.provenance).toEqual({
      cluster: ['rvtools-4x/RVTools_tabvSC_VMK.csv', 'rvtools-4x/RVTools_tabvHost.csv', 'rvtools-4x/RVTools_tabvSwitch.csv', 'rvtools-4x/RVTools_tabvPort.csv'],
      version: ['rvtools-4x/RVTools_tabvHost.csv'],
      bindToVmknic: ['powercli/bind-to-vmknic.csv'],
      switches: ['rvtools-4x/RVTools_tabvSwitch.csv', 'rvtools-4x/RVTools_tabvPort.csv', 'rvtools-4x/RVTools_tabdvSwitch.csv'],
      vmknics: ['powercli/tags.csv', 'powercli/vmk-ps51.csv', 'rvtools-4x/RVTools_tabvSC_VMK.csv'],
      tags: ['powercli/tags.csv', 'powercli/vmk-ps51.csv'],
      mtu: ['powercli/vmk-ps51.csv', 'rvtools-4x/RVTools_tabvSC_VMK.csv'],
    });
    // The vmknic's evidence lines come from every file that described it.
    expect(new Set(esx01.model.vmknics[1]!.evidence.map((e) => e.file))).toEqual(new Set(['powercli/tags.csv', 'powercli/vmk-ps51.csv', 'rvtools-4x/RVTools_tabvSC_VMK.csv']));
  });

  it('matches a short name to its FQDN (esx03 in the BindToVmknic export), case-insensitively', () => {
    const r = merged([fixture('rvtools-4x/RVTools_tabvSC_VMK.csv'), fixture('powercli/bind-to-vmknic.csv'), text('t.csv', 'VMHost,Interface,Tags\nESX02.LAB.LOCAL,vmk1,VMotion\n')]);
    expect(r.hosts.map((h) => h.model.name)).toEqual(['esx01.lab.local', 'esx02.lab.local', 'esx03.lab.local']);
    expect(r.hosts[2]!.model.advanced['/Migrate/BindToVmknic']!.value).toBe(3);
    expect(r.hosts[1]!.model.vmknics.find((v) => v.name === 'vmk1')!.tags).toEqual(['VMotion']);
  });

  it('warns when two files disagree and keeps the stronger source (the host’s own tag output over PowerCLI)', () => {
    const r = merged([fixture('powercli/vmk-ps51.csv'), fixture('powercli/tags.csv')]);
    expect(r.warnings).toEqual([
      {
        file: 'powercli/vmk-ps51.csv',
        line: 11, // the #TYPE line is line 1, the header line 2
        message: 'esx03.lab.local: vmk2 service tags is VSAN in powercli/vmk-ps51.csv but VSAN, VSANWitness in powercli/tags.csv; the value from powercli/tags.csv is used',
      },
    ]);
    expect(r.hosts.find((h) => h.model.name === 'esx03.lab.local')!.model.vmknics[2]!.tags).toEqual(['VSAN', 'VSANWitness']);
  });

  it('names a version conflict the way every screen writes versions, and ignores an update only one export shows', () => {
    const vHost = (build: string) => `Host,ESX Version\nesx01.lab.local,VMware ESXi 7.0.3 build-${build}\n`;
    const r = merged([text('a/RVTools_tabvHost.csv', vHost('22348816')), text('b/RVTools_tabvHost.csv', vHost('20328353'))]);
    expect(r.warnings.map((w) => w.message)).toEqual([
      'esx01.lab.local: ESXi version is VMware ESXi 7.0.3 build 20328353 in b/RVTools_tabvHost.csv but VMware ESXi 7.0.3 build 22348816 in a/RVTools_tabvHost.csv; the value from a/RVTools_tabvHost.csv is used',
    ]);
    expect(r.hosts[0]!.model.version).toMatchObject({ version: '7.0.3', build: '22348816' });
    const withUpdate = merged([
      text('a/RVTools_tabvHost.csv', vHost('22348816')),
      text('estate.json', JSON.stringify({ schema: 'vmotion-path-doctor/estate', schemaVersion: 1, hosts: [{ name: 'esx01.lab.local', version: { version: '7.0.3', build: '22348816', update: '3' } }] })),
    ]);
    expect(withUpdate.hosts).toHaveLength(1);
    expect([...withUpdate.hosts[0]!.provenance['version']!].sort()).toEqual(['a/RVTools_tabvHost.csv', 'estate.json']); // one host, two sources
    expect(withUpdate.warnings.filter((w) => /ESXi version/.test(w.message))).toEqual([]);
  });

  it('keeps two hosts with one name in two vCenters apart, and refuses to guess which one a short name means', () => {
    const a = 'Host,Device,IP Address,Subnet mask,VI SDK Server\nesx01.a.local,vmk0,10.0.0.1,255.255.255.0,vc-a\nesx01.b.local,vmk0,10.0.1.1,255.255.255.0,vc-b\nesx01.a.local,vmk1,10.0.0.2,255.255.255.0,vc-b\n';
    const r = merged([text('RVTools_tabvSC_VMK.csv', a), text('bind.csv', 'Entity,Name,Value\nesx01,Migrate.BindToVmknic,0\n')]);
    expect(r.hosts.map((h) => [h.model.name, h.vcenter, h.model.vmknics.map((v) => v.name)])).toEqual([
      ['esx01.a.local', 'vc-a', ['vmk0']],
      ['esx01.b.local', 'vc-b', ['vmk0']],
      ['esx01.a.local', 'vc-b', ['vmk1']],
    ]);
    expect(r.warnings.map((w) => w.message)).toEqual(['esx01 matches 3 hosts (esx01.a.local in vc-a, esx01.b.local in vc-b, esx01.a.local in vc-b): its facts from this file are not used']);
  });

  it('joins the uplinks of one port group from two files without changing either file\'s facts', () => {
    const session = (uplink: string) =>
      `[root@esx01:~] esxcfg-vswitch -l\nSwitch Name      Num Ports   Used Ports  Configured Ports  MTU     Uplinks\nvSwitch1         7936        4           128               9000    ${uplink}\n\n  PortGroup Name        VLAN ID  Used Ports  Uplinks\n  vMotion               20       1           ${uplink}\n`;
    const files = [text('a.txt', session('vmnic1')), text('b.txt', session('vmnic2'))];
    const imports = files.map((f) => {
      const r = importFile(f);
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    });
    const before = JSON.stringify(imports);
    const r = mergeImports(imports);
    const pg = r.hosts[0]!.model.vswitches.find((s) => s.name === 'vSwitch1')!.portGroups.find((p) => p.name === 'vMotion');
    expect(pg).toMatchObject({ vlan: 20, uplinks: ['vmnic1', 'vmnic2'] });
    expect(JSON.stringify(imports)).toBe(before);
  });

  it('never matches hosts named by IP address on their first octet', () => {
    const r = merged([text('RVTools_tabvSC_VMK.csv', 'Host,Device,IP Address,Subnet mask\n10.0.0.11,vmk0,10.0.0.11,255.255.255.0\n10.0.0.12,vmk0,10.0.0.12,255.255.255.0\n')]);
    expect(r.hosts.map((h) => h.model.name)).toEqual(['10.0.0.11', '10.0.0.12']);
  });

  it('refuses an estate in which no file names a host, in one sentence', () => {
    const r = importEstate([fixture('rvtools-4x/RVTools_tabvInfo.csv')]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/^no host found in rvtools-4x\/RVTools_tabvInfo\.csv: expected an RVTools export/);
  });
});

describe('the cap on the hosts of an estate', () => {
  // The six files of one estate each list every host: the cap counts hosts, not rows across the files.
  const files = (hosts: number, from = 0) => {
    const list = Array.from({ length: hosts }, (_, k) => genHost(from + k, 0, 'Prod'));
    return [
      ...Object.entries(rvtoolsCsv(list)).map(([name, text]) => ({ name: `${from}-${name}`, kind: 'text' as const, text })),
      { name: `${from}-vmk.csv`, kind: 'text' as const, text: powercliVmkCsv(list) },
    ];
  };

  it('accepts an estate at the cap however many files list each host', () => {
    const r = importEstate(files(10), { maxHosts: 10 });
    expect(r.ok && r.hosts.length).toBe(10);
  });

  it('refuses more hosts than the cap, in one file or across files, in one sentence', () => {
    const one = importEstate(files(11), { maxHosts: 10 });
    expect(one.ok).toBe(false);
    if (!one.ok) expect(one.error.message).toBe('the files describe 11 hosts, more than the 10 any vCenter estate has: refused');
    const across = importEstate([...files(6), ...files(6, 100)], { maxHosts: 10 });
    expect(!across.ok && across.error.message).toBe('the files describe 12 hosts, more than the 10 any vCenter estate has: refused');
  });
});
