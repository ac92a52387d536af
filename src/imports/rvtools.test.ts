import { describe, expect, it } from 'vitest';
import { findInternalReferences } from '../core/present/internal-refs.ts';
import { importEstate } from './import-estate.ts';
import { importFile } from './import-file.ts';
import { fixture, importFixture, text } from './test-support/files.ts';

const RV4 = ['vSC_VMK', 'vHost', 'vSwitch', 'vPort', 'dvSwitch', 'dvPort', 'vMetaData'].map((t) => `rvtools-4x/RVTools_tab${t}.csv`);

describe('RVTools vSC_VMK tab (4.x CSV: quoted, CRLF, BOM, custom attributes)', () => {
  const f = importFixture('rvtools-4x/RVTools_tabvSC_VMK.csv');

  it('reads every vmknic of every host, keyed by vCenter and host', () => {
    expect(f.format).toBe('rvtools-csv');
    expect(f.hosts.map((h) => [h.name, h.vcenter, h.datacenter, h.cluster, h.vmknics.map((v) => v.name)])).toEqual([
      ['esx01.lab.local', 'vc01.lab.local', 'DC-Lab', 'Prod', ['vmk0', 'vmk1', 'vmk2']],
      ['esx02.lab.local', 'vc01.lab.local', 'DC-Lab', 'Prod', ['vmk0', 'vmk1', 'vmk2']],
      ['esx03.lab.local', 'vc01.lab.local', 'DC-Lab', 'Prod', ['vmk0', 'vmk1', 'vmk2']],
    ]);
    const vmk0 = f.hosts[0]!.vmknics[0]!;
    expect(vmk0).toMatchObject({ portGroup: 'Management Network', ipv4: '10.10.1.11', netmask: '255.255.255.0', mtu: 1500, mac: '00:50:56:6a:01:00', addressType: 'STATIC', ipv6: ['fe80::250:56ff:fe6a:100'] });
    expect(f.hosts[0]!.defaultGateway).toBe('10.10.1.1');
  });

  it('never invents tags or a netstack: RVTools has neither column', () => {
    for (const h of f.hosts) for (const v of h.vmknics) expect([v.tags, v.netstack]).toEqual([undefined, undefined]);
    expect(f.report.notes.some((n) => /no service-tag or TCP\/IP-stack column/.test(n))).toBe(true);
  });

  it('keeps the first of two "Cluster" columns (a custom attribute repeating a built-in name) and says so', () => {
    expect(f.hosts.every((h) => h.cluster === 'Prod')).toBe(true);
    expect(f.report.notes).toContain('column name "Cluster" appears more than once (a custom attribute?): the first is used.');
  });

  it('points each vmknic at its CSV line (line 1 is the header)', () => {
    expect(f.hosts[0]!.vmknics[1]!.evidence).toEqual([{ file: 'rvtools-4x/RVTools_tabvSC_VMK.csv', line: 3, text: expect.stringContaining('"vmk1"') }]);
    expect(f.report).toMatchObject({ rows: 9, hosts: 3, vmknics: 9, missingColumns: [], skipped: [] });
  });
});

describe('RVTools vHost, vSwitch, vPort, dvSwitch, dvPort and vMetaData tabs', () => {
  it('reads the version from "ESX Version" among 73 other columns', () => {
    const f = importFixture('rvtools-4x/RVTools_tabvHost.csv');
    expect(f.hosts.map((h) => [h.name, h.version?.version, h.version?.build])).toEqual([
      ['esx01.lab.local', '6.7.0', '14320388'],
      ['esx02.lab.local', '7.0.3', '22348816'],
      ['esx03.lab.local', '8.0.3', '24859861'],
    ]);
    expect(f.report.missingColumns).toEqual([]);
  });

  it('joins vSC_VMK → vPort → vSwitch MTU, and dvPort → dvSwitch Max MTU for a distributed port group', () => {
    const r = importEstate(RV4.map(fixture));
    if (!r.ok) throw new Error(r.error.message);
    const esx01 = r.hosts.find((h) => h.model.name === 'esx01.lab.local')!.model;
    const names = esx01.vswitches.map((s) => [s.name, s.kind, s.mtu, s.portGroups.map((p) => p.name)]);
    expect(names).toEqual([
      ['vSwitch0', 'standard', 1500, ['Management Network', 'VM Network']],
      ['vSwitch1', 'standard', 1500, ['vMotion']],
      ['DSwitch-Storage', 'distributed', 9000, ['dvPG-vSAN']],
    ]);
    expect(esx01.vmknics.find((v) => v.name === 'vmk2')!.vswitch).toBe('DSwitch-Storage');
    expect(r.sources.find((s) => s.tabs?.[0] === 'vMetaData')!.version).toBe('RVTools 4.6.1.0');
  });

  it('reports a tab the scan does not use (vInfo) without failing', () => {
    const f = importFixture('rvtools-4x/RVTools_tabvInfo.csv');
    expect(f.hosts).toEqual([]);
    expect(f.report.notes[0]).toMatch(/tab vInfo is not used/);
  });
});

describe('RVTools 3.x and -DBColumnNames exports', () => {
  const f = importFixture('rvtools-3x/RVTools_tabvSC_VMK.csv');

  it('decodes Windows-1252 (a German datacenter and cluster name) and bare fields with LF', () => {
    expect(f.hosts.map((h) => [h.name, h.datacenter, h.cluster])).toEqual([
      ['esx31.corp.example', 'RZ-Nürnberg', 'Prüf-Cluster'],
      ['esx32.corp.example', 'RZ-Nürnberg', 'Prüf-Cluster'],
    ]);
    expect(f.hosts[1]!.vmknics[1]!.addressType).toBe('DHCP');
  });

  it('names the missing MTU column and what it leaves unknown', () => {
    expect(f.report.missingColumns).toEqual(['MTU']);
    expect(f.report.notes).toContain('no MTU column: the vmknic MTUs (MTU mismatches) not known from this file.');
    expect(f.hosts[0]!.vmknics.every((v) => v.mtu === undefined)).toBe(true);
  });

  it('skips a row without a host, with its line number', () => {
    expect(f.report.skipped).toEqual([{ line: 6, reason: 'no Host name' }]);
  });

  it('reads "# Memory MB" headers (3.x) and 5.x versions', () => {
    const h = importFixture('rvtools-3x/RVTools_tabvHost.csv');
    expect(h.hosts.map((x) => x.version?.version)).toEqual(['5.1.0', '5.5.0']);
  });

  it('finds columns by their -DBColumnNames names (vHostCluster → Cluster)', () => {
    const h = importFixture('rvtools-dbnames/RVTools_tabvHost.csv');
    expect(h.hosts.map((x) => [x.name, x.vcenter, x.datacenter, x.cluster, x.version?.build])).toEqual([['esx41.dmz.local', 'vc-dmz.local', 'DC-DMZ', 'DMZ', '17630552']]);
    expect(h.report.missingColumns).toEqual([]);
  });
});

describe('RVTools tabs recognised by their header when the file was renamed', () => {
  it('reads a vSC_VMK export saved as vmkernel.csv, and one whose columns were reordered and renamed', () => {
    const csv = 'Device,Host,Cluster,Portgroup,IP Address,Subnet Mask,MTU,VI SDK Server\nvmk1,esx9.lab,CL,vMotion,10.9.9.9,24,9000,vc9\n';
    const r = importFile(text('vmkernel.csv', csv));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.report.tabs).toEqual(['vSC_VMK']);
    expect(r.value.hosts[0]!.vmknics[0]).toMatchObject({ name: 'vmk1', portGroup: 'vMotion', ipv4: '10.9.9.9', netmask: '255.255.255.0', mtu: 9000 });
  });

  it('reads a Services column as the tags when a version has one [U], and refuses unknown words in it', () => {
    const csv = 'Host,Device,IP Address,Subnet mask,Services\nesx9,vmk0,10.0.0.9,255.255.255.0,"Management, vMotion"\nesx9,vmk1,10.0.1.9,255.255.255.0,Provisioning\nesx9,vmk2,10.0.2.9,255.255.255.0,Coffee\n';
    const r = importFile(text('RVTools_tabvSC_VMK.csv', csv));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.hosts[0]!.vmknics.map((v) => v.tags)).toEqual([['Management', 'VMotion'], ['vSphereProvisioning'], undefined]);
    expect(r.value.report.skipped).toEqual([{ line: 4, reason: 'Services "Coffee" is not a list of vmknic services: the tags of vmk2 stay unknown' }]);
    // The note saying the column was read reaches the Scan view: it says why in words, with no internal mark.
    expect(r.value.report.notes.some((n) => /Services column was read/.test(n))).toBe(true);
    expect(r.value.report.notes.flatMap((n) => findInternalReferences(n))).toEqual([]);
  });

  it('refuses a file named like a vSC_VMK tab that has no Device column, in one sentence', () => {
    const r = importFile(text('RVTools_tabvSC_VMK.csv', 'Host,Port Group,IP Address\nesx1,pg,10.0.0.1\n'));
    expect(r).toEqual({ ok: false, error: { file: 'RVTools_tabvSC_VMK.csv', message: 'RVTools_tabvSC_VMK.csv looks like the RVTools vSC_VMK tab but it has no Device column, so it is not an RVTools vSC_VMK tab' } });
  });
});
