import { describe, expect, it } from 'vitest';
import { commandOfFileName, fragOf, isVcenterMemberName, markerOf, parseTopFolder, roleOf } from './layout.ts';
import { commandFileName } from './test-support.ts';

describe('parseTopFolder', () => {
  it('reads host and capture time from esx-<host>-<date>--<time>-<pid>, hosts with dashes and dots included', () => {
    expect(parseTopFolder('esx-esx01.corp.example-2021-03-08--14.49-17885597')).toEqual({ host: 'esx01.corp.example', capturedAt: '2021-03-08 14:49' });
    expect(parseTopFolder('esx-esx-01-b-2024-05-03--09.30-1')).toEqual({ host: 'esx-01-b', capturedAt: '2024-05-03 09:30' });
    expect(parseTopFolder('vc01-2024-05-03--09.45-4242')).toBeUndefined();
  });
});

describe('commandOfFileName', () => {
  it.each([
    ['esxcfg-vmknic_-l.txt', 'esxcfg-vmknic -l'],
    ['localcli_system-settings-advanced-list--d.txt', 'esxcli system settings advanced list -d'],
    ['vmware-vimdump_-o----U-dcui.txt', 'vmware-vimdump -o - -U dcui'],
    ['esxcfg-route_-f-V6--l.txt', 'esxcfg-route -f V6 -l'],
    ['esxcfg-info_-a--F-xml.txt', 'esxcfg-info -a -F xml'],
    ['vmware_-vl.txt', 'vmware -vl'],
    ['localcli_network-ip-interface-tag-get--i-vmk0.txt', 'esxcli network ip interface tag get -i vmk0'],
    ['esxcfg-route.txt', 'esxcfg-route'],
  ])('%s → %s', (file, command) => {
    expect(commandOfFileName(file)).toBe(command);
  });

  it('inverts the naming rule the tests build bundles with', () => {
    for (const c of ['esxcfg-vmknic -l', 'esxcli network ip route ipv4 list -N vmotion', 'esxcli network ip interface ipv4 get', 'vmware -vl']) {
      expect(commandOfFileName(commandFileName(c))).toBe(c);
    }
  });
});

describe('roleOf (the allow-list)', () => {
  it('reads the command outputs the parsers know, esx.conf, README, json/, the vimdump and the logs', () => {
    expect(roleOf('commands/esxcfg-vmknic_-l.txt')).toEqual({ kind: 'command', command: 'esxcfg-vmknic -l' });
    expect(roleOf('commands/nicinfo.sh.txt')?.kind).toBe('command');
    expect(roleOf('commands/vmware-vimdump_-o----U-dcui.txt')?.kind).toBe('vimdump');
    expect(roleOf('etc/vmware/esx.conf')).toEqual({ kind: 'esx-conf' });
    expect(roleOf('README')).toEqual({ kind: 'readme' });
    expect(roleOf('json/localcli_network-ip-interface-list.json')).toEqual({ kind: 'json' });
    expect(roleOf('var/run/log/vmkernel.log')).toEqual({ kind: 'log', log: 'vmkernel', rotation: -1, gz: false });
    expect(roleOf('var/run/log/hostd.3.gz')).toEqual({ kind: 'log', log: 'hostd', rotation: 3, gz: true });
    expect(roleOf('var/log/vmware/hostd-1.log')).toEqual({ kind: 'log', log: 'hostd', rotation: 1, gz: false });
    expect(roleOf('var/run/log/nfcd.log')?.kind).toBe('log');
    // vpxa.log ([MIGRATE] lines) and fdm.log are read for past migrations too (issue 16).
    expect(roleOf('var/run/log/vpxa.log')).toEqual({ kind: 'log', log: 'vpxa', rotation: -1, gz: false });
    expect(roleOf('var/log/fdm.1.gz')).toEqual({ kind: 'log', log: 'fdm', rotation: 1, gz: true });
    expect(roleOf('vmfs/volumes/ds1/web01/vmware-2.log')).toEqual({ kind: 'log', log: 'vmware', rotation: 2, gz: false, vm: 'web01' });
  });

  it('reads nothing else: the VSI dump, IPv6 tables, other logs, dumps, scripts, nested archives', () => {
    for (const rel of [
      'commands/vsi_traverse_-s.txt',
      'commands/esxcfg-route_-f-V6--l.txt',
      'commands/esxcfg-info_-a--F-xml.txt',
      'commands/smbios.bin',
      'commands/fcdInfo.py.tgz',
      'commands/lspci_-v.txt',
      'var/run/log/syslog.log',
      'var/core/vmkernel-zdump.1',
      'etc/vmware/hostd/config.xml',
      'vmfs/volumes/ds1/web01/web01.vmx',
      'usr/lib/vmware/x.sh',
    ]) {
      expect(roleOf(rel), rel).toBeUndefined();
    }
  });

  it('tells FRAG pieces, layout markers and the vCenter bundle apart', () => {
    expect(fragOf('commands/vsi_traverse_-s.txt.FRAG-00012')).toEqual({ base: 'commands/vsi_traverse_-s.txt', piece: 12 });
    expect(fragOf('commands/a.txt')).toEqual({ base: 'commands/a.txt' });
    expect(markerOf('etc/vmware/vm-support/manifest.txt')).toBe('esxi');
    expect(markerOf('usr/lib/vmware-sca/conf/vc-support.properties')).toBe('vcenter');
    expect(isVcenterMemberName('VMware-vCenter-support-2024-05-03@09-45-00-vcsupport.tgz')).toBe(true);
    expect(isVcenterMemberName('esx01.lab.local-vm2024-05-03@09-30-11.tgz')).toBe(false);
  });
});
