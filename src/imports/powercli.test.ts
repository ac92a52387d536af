import { describe, expect, it } from 'vitest';
import { importFile } from './import-file.ts';
import { fixture, importFixture, text } from './test-support/files.ts';

describe('Get-VMHostNetworkAdapter -VMKernel exports', () => {
  it('reads the Windows PowerShell 5.1 CSV: #TYPE line, every field quoted, service flags as tags', () => {
    const f = importFixture('powercli/vmk-ps51.csv');
    expect(f.format).toBe('powercli-vmk-csv');
    expect(f.report.version).toBe('#TYPE Selected.VMware.VimAutomation.ViCore.Impl.V1.Host.Networking.Nic.HostVMKernelVirtualNicImpl');
    const esx03 = f.hosts.find((h) => h.name === 'esx03.lab.local')!;
    expect(esx03.vmknics.map((v) => [v.name, v.tags, v.tagSource, v.mtu])).toEqual([
      ['vmk0', ['Management', 'VMotion'], 'export', 1500],
      ['vmk1', ['VMotion'], 'export', 1500],
      ['vmk2', ['VSAN'], 'export', 9000],
    ]);
    // `IPv6` stringified as System.String[] is not data.
    expect(esx03.vmknics[0]!.ipv6).toBeUndefined();
    expect(f.report.notes).toContain('no NetStack column: the TCP/IP stack is not a plain property of the PowerCLI VMkernel adapter objects, so it stays unknown.');
    expect(f.report.vmknics).toBe(9);
  });

  it('reads a PowerShell 7 -UseCulture export: ";" separator, no quotes, other names and casing, a NetStack column', () => {
    const f = importFixture('powercli/vmk-ps7-semicolon.csv');
    const h = f.hosts[0]!;
    expect(h.name).toBe('esx41.dmz.local');
    expect(h.vmknics.map((v) => [v.name, v.netstack, v.tags, v.ipv4, v.mtu])).toEqual([
      ['vmk0', 'defaultTcpipStack', ['Management'], '172.16.41.41', 1500],
      ['vmk1', 'vmotion', ['VMotion'], '172.16.42.41', 9000],
      ['vmk9', undefined, undefined, undefined, undefined],
    ]);
    expect(f.report.skipped).toEqual([{ line: 4, reason: 'VMotionEnabled "maybe" is not True or False: the tags of vmk9 stay unknown' }]);
    expect(f.report.notes).toContain('no ProvisioningEnabled column (older PowerCLI): provisioning tags are read as absent.');
  });

  it('reads the ConvertTo-Json form, where VMHost is a nested object', () => {
    const f = importFixture('powercli/vmk.json');
    expect(f.format).toBe('powercli-vmk-json');
    expect(f.hosts.map((h) => h.name)).toEqual(['esx02.lab.local']);
    expect(f.hosts[0]!.vmknics.map((v) => [v.name, v.tags, v.mtu, v.ipv6])).toEqual([
      ['vmk0', ['Management'], 1500, ['fe80::250:56ff:fe6a:200/64']],
      ['vmk1', ['VMotion', 'vSphereProvisioning'], 9000, undefined],
    ]);
  });

  it('never takes tags from an export without VMotionEnabled (a list without it would claim "no vMotion")', () => {
    const r = importFile(text('vmk.csv', 'VMHost,Name,IP,SubnetMask,Mtu,ManagementTrafficEnabled\nesx1,vmk0,10.0.0.1,255.255.255.0,1500,True\n'));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.hosts[0]!.vmknics[0]!.tags).toBeUndefined();
    expect(r.value.report.missingColumns).toContain('VMotionEnabled');
  });
});

describe('Get-AdvancedSetting exports', () => {
  it('reads Migrate.BindToVmknic per Entity, with the #TYPE line', () => {
    const f = importFixture('powercli/bind-to-vmknic.csv');
    expect(f.hosts.map((h) => [h.name, h.advanced['/Migrate/BindToVmknic']?.value])).toEqual([
      ['esx01.lab.local', 0],
      ['esx02.lab.local', 3],
      ['esx03', 3],
    ]);
    expect(f.hosts[0]!.advanced['/Migrate/BindToVmknic']!.evidence).toMatchObject({ line: 3 });
  });

  it('reads the JSON form with Entity as a nested object, and AutoBindVmknic beside it', () => {
    const f = importFixture('powercli/advanced.json');
    expect(f.hosts[0]!.advanced).toMatchObject({ '/Migrate/BindToVmknic': { value: 3 }, '/Migrate/AutoBindVmknic': { value: 1 } });
  });

  it('refuses an export without Entity: a setting that cannot be tied to a host', () => {
    const r = importFile(fixture('powercli/bind-no-entity.csv'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toBe('powercli/bind-no-entity.csv cannot be used: it has no Entity column, so a setting cannot be tied to a host (export with Select-Object Entity, Name, Value)');
  });

  it('skips settings the analysis does not use', () => {
    const r = importFile(text('adv.csv', 'Entity,Name,Value\nesx1,Mem.ShareScanGHz,4\nesx1,Net.ProvisioningVmknics,vmk4\n'));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.hosts[0]!.advanced).toEqual({ '/Net/ProvisioningVmknics': expect.objectContaining({ value: 'vmk4' }) });
    expect(r.value.report.skipped).toEqual([{ line: 2, reason: 'Mem.ShareScanGHz is not a setting the analysis uses' }]);
  });
});

describe('ESXCLI v2 interface tag output', () => {
  it('reads joined tags per host and interface, as tag get output', () => {
    const f = importFixture('powercli/tags.csv');
    expect(f.format).toBe('esxcli-tags-csv');
    expect(f.hosts.map((h) => [h.name, h.vmknics.map((v) => [v.name, v.tags, v.tagSource])])).toEqual([
      ['esx01.lab.local', [['vmk0', ['Management'], 'tag-get'], ['vmk1', ['VMotion'], 'tag-get'], ['vmk2', ['VSAN'], 'tag-get']]],
      ['esx03.lab.local', [['vmk0', ['Management', 'VMotion'], 'tag-get'], ['vmk1', ['VMotion'], 'tag-get'], ['vmk2', ['VSAN', 'VSANWitness'], 'tag-get']]],
    ]);
  });

  it('skips "System.String[]" (the array exported without -join) and says how to export it', () => {
    const f = importFixture('powercli/tags-string-array.csv');
    expect(f.hosts).toEqual([]);
    expect(f.report.skipped).toEqual([
      { line: 3, reason: 'Tags is "System.String[]": export the tags with -join \',\'' },
      { line: 4, reason: 'Tags is "System.String[]": export the tags with -join \',\'' },
    ]);
  });

  it('reads the JSON form with Tags as an array', () => {
    const r = importFile(text('tags.json', JSON.stringify([{ VMHost: 'esx1', Name: 'vmk1', Tags: ['VMotion', 'vSphereProvisioning'] }])));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.format).toBe('esxcli-tags-json');
    expect(r.value.hosts[0]!.vmknics[0]!.tags).toEqual(['VMotion', 'vSphereProvisioning']);
  });
});
