import { describe, expect, it } from 'vitest';
import {
  commandWords,
  esxcliArgs,
  isIpv4,
  isIpv4Mask,
  isIpv6,
  isMac,
  isUuid,
  isVmkName,
  maskPrefixLength,
  readBoolWord,
  readOptions,
  readUnsignedInt,
} from './values.ts';

describe('cell validators', () => {
  it('accepts dotted IPv4 addresses and refuses out-of-range, short or padded ones', () => {
    expect(isIpv4('172.26.64.10')).toBe(true);
    expect(isIpv4('0.0.0.0')).toBe(true);
    expect(isIpv4('256.1.1.1')).toBe(false);
    expect(isIpv4('10.0.1')).toBe(false);
    expect(isIpv4('1O.178.46.O')).toBe(false);
    expect(isIpv4('010.1.1.1')).toBe(false);
  });

  it('accepts only contiguous netmasks and gives their prefix length', () => {
    expect(isIpv4Mask('255.255.255.192')).toBe(true);
    expect(maskPrefixLength('255.255.255.192')).toBe(26);
    expect(maskPrefixLength('0.0.0.0')).toBe(0);
    expect(maskPrefixLength('255.255.255.255')).toBe(32);
    expect(isIpv4Mask('255.0.255.0')).toBe(false);
    expect(isIpv4Mask('172.26.64.63')).toBe(false);
  });

  it('accepts IPv6 addresses as esxcfg prints them and refuses MACs and garbage', () => {
    expect(isIpv6('fe80::8ae9:a4ff:fe6b:b854')).toBe(true);
    expect(isIpv6('3001:15::1:1:1')).toBe(true);
    expect(isIpv6('2001:db8:0:0:0:0:0:1')).toBe(true);
    expect(isIpv6('::ffff:10.0.0.1')).toBe(true);
    expect(isIpv6('fe80::1%vmk0')).toBe(true);
    expect(isIpv6('88:e9:a4:6b:b8:54')).toBe(false);
    expect(isIpv6('1:2:3:4:5:6:7:8:9')).toBe(false);
    expect(isIpv6('fe80::1::2')).toBe(false);
    expect(isIpv6('64')).toBe(false);
  });

  it('tells MACs, vmknic names and NSX UUIDs', () => {
    expect(isMac('88:e9:a4:6b:b8:54')).toBe(true);
    expect(isMac('OO:26:55:3J:69:52')).toBe(false);
    expect(isVmkName('vmk10')).toBe(true);
    expect(isVmkName('vmnic0')).toBe(false);
    expect(isUuid('ad451e93-a608-48ac-8099-84fbb44f3a23')).toBe(true);
    expect(isUuid('510')).toBe(false);
  });

  it('reads integers and true/false words, nothing else', () => {
    expect(readUnsignedInt('1500')).toBe(1500);
    expect(readUnsignedInt('15OO')).toBeUndefined();
    expect(readBoolWord('true')).toBe(true);
    expect(readBoolWord('False')).toBe(false);
    expect(readBoolWord('yes')).toBeUndefined();
  });
});

describe('commandWords', () => {
  it('keeps a pager pipe, quotes and extra spaces out of the words', () => {
    expect(commandWords('  esxcfg-vmknic   -l  | more')).toEqual({ program: 'esxcfg-vmknic', args: ['-l'] });
    expect(commandWords('esxcfg-vswitch -l | less -S')).toEqual({ program: 'esxcfg-vswitch', args: ['-l'] });
    expect(commandWords('/sbin/esxcfg-route -l 2>&1')).toEqual({ program: 'esxcfg-route', args: ['-l'] });
  });

  it('reads localcli as esxcli', () => {
    expect(commandWords('localcli network ip route ipv4 list')?.program).toBe('esxcli');
  });

  it('refuses filters, redirections and chained commands, which do not print the plain output', () => {
    expect(commandWords('esxcfg-vmknic -l | grep vmk1')).toBeUndefined();
    expect(commandWords('esxcfg-vmknic -l > /tmp/vmk.txt')).toBeUndefined();
    expect(commandWords('esxcfg-vmknic -l; esxcfg-route -l')).toBeUndefined();
    expect(commandWords('esxcfg-vmknic -l && esxcfg-route -l')).toBeUndefined();
  });
});

describe('readOptions', () => {
  const specs = [
    { key: 'list', names: ['-l', '--list'] },
    { key: 'netstack', names: ['-N', '--netstack'], takesValue: true },
  ];

  it('reads short, long and --long=value forms', () => {
    expect(readOptions(['-l', '-N', 'vmotion'], specs)).toEqual(new Map<string, string | true>([['list', true], ['netstack', 'vmotion']]));
    expect(readOptions(['--netstack=vmotion'], specs)?.get('netstack')).toBe('vmotion');
  });

  it('refuses an unknown option, a stray word or a missing value', () => {
    expect(readOptions(['-a'], specs)).toBeUndefined();
    expect(readOptions(['-l', 'vSwitch0'], specs)).toBeUndefined();
    expect(readOptions(['-N'], specs)).toBeUndefined();
    expect(readOptions(['-n', 'x'], specs)).toBeUndefined();
  });
});

describe('esxcliArgs', () => {
  const route = [['network', 'ip', 'route', 'ipv4', 'list']];

  it('returns what follows the namespace, after global options', () => {
    expect(esxcliArgs('esxcli network ip route ipv4 list -N vmotion', route)).toEqual(['-N', 'vmotion']);
    expect(esxcliArgs('esxcli --server esx01 --username root network ip route ipv4 list', route)).toEqual([]);
    expect(esxcliArgs('esxcli --formatter=table network ip route ipv4 list', route)).toEqual([]);
  });

  it('refuses other namespaces and non-table formatters', () => {
    expect(esxcliArgs('esxcli network ip route ipv4 add -n default -g 10.0.0.1', route)).toBeUndefined();
    expect(esxcliArgs('esxcli --formatter=xml network ip route ipv4 list', route)).toBeUndefined();
    expect(esxcliArgs('esxcli --formatter csv network ip route ipv4 list', route)).toBeUndefined();
    expect(esxcliArgs('esxcfg-route -l', route)).toBeUndefined();
  });
});
