/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { esxcfgVmknicParser as parser } from './esxcfg-vmknic.ts';
import { blockOf, toLines } from './types.ts';
import type { VmknicRow } from './records.ts';
import byoi70 from './__fixtures__/esxcfg-vmknic/byoi-70u3.txt?raw';
import nsxOpaque from './__fixtures__/esxcfg-vmknic/nsx-opaque.txt?raw';
import nsxv55 from './__fixtures__/esxcfg-vmknic/nsxv-55.txt?raw';
import elatov50 from './__fixtures__/esxcfg-vmknic/elatov-50-squeezed.txt?raw';
import shifted from './__fixtures__/esxcfg-vmknic/shifted-na-multi-ipv6.txt?raw';
import squeezed70 from './__fixtures__/esxcfg-vmknic/squeezed-70.txt?raw';
import fenced from './__fixtures__/esxcfg-vmknic/multi-space-fence.txt?raw';
import truncated from './__fixtures__/esxcfg-vmknic/truncated.txt?raw';
import truncatedMid from './__fixtures__/esxcfg-vmknic/truncated-mid.txt?raw';
import esx41 from './__fixtures__/esxcfg-vmknic/esx41.txt?raw';
import tabsBlog from './__fixtures__/esxcfg-vmknic/tabs-blog.txt?raw';
import wrapped80 from './__fixtures__/esxcfg-vmknic/wrapped-80.txt?raw';

function rows(text: string): readonly VmknicRow[] {
  const result = parser.parse(blockOf(text, { file: 'vmknic.txt' }));
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

function warnings(text: string): readonly { line: number; message: string }[] {
  return parser.parse(blockOf(text)).warnings;
}

/** The fields the analysis uses, without the evidence reference. */
function brief(row: VmknicRow): Record<string, unknown> {
  const { ref, ...rest } = row;
  return { ...rest, line: ref.line };
}

const BYOI_V4 = {
  name: 'vmk0',
  portGroup: 'Management Network',
  portGroupKind: 'name',
  family: 'IPv4',
  address: '172.26.64.10',
  netmask: '255.255.255.192',
  broadcast: '172.26.64.63',
  mac: '88:e9:a4:6b:b8:54',
  mtu: 1500,
  tsoMss: 65535,
  enabled: true,
  type: 'STATIC',
  netstack: 'defaultTcpipStack',
};
const BYOI_V6 = {
  name: 'vmk0',
  portGroup: 'Management Network',
  portGroupKind: 'name',
  family: 'IPv6',
  address: 'fe80::8ae9:a4ff:fe6b:b854',
  netmask: '64',
  mac: '88:e9:a4:6b:b8:54',
  mtu: 1500,
  tsoMss: 65535,
  enabled: true,
  type: 'STATIC, PREFERRED',
  netstack: 'defaultTcpipStack',
};

describe('esxcfg-vmknic -l, 6.5+ layout with NetStack (domain.md §4.1 a)', () => {
  it('reads the IPv4 and IPv6 rows of the verbatim 7.0 U3 output', () => {
    expect(rows(byoi70).map(brief)).toEqual([
      { ...BYOI_V4, line: 2 },
      { ...BYOI_V6, line: 3 },
    ]);
    expect(warnings(byoi70)).toEqual([]);
  });

  it('points every row at its file and line', () => {
    expect(rows(byoi70)[0]?.ref).toEqual({ file: 'vmknic.txt', line: 2, text: byoi70.split('\n')[1]?.trimEnd() });
  });

  it('tells DVPort ids and NSX opaque network UUIDs from port-group names, and keeps custom netstacks', () => {
    const read = rows(nsxOpaque);
    expect(read.map((r) => [r.name, r.portGroupKind, r.netstack, r.mtu])).toEqual([
      ['vmk0', 'dvport', 'defaultTcpipStack', 1500],
      ['vmk10', 'opaque', 'vxlan', 1700],
      ['vmk11', 'opaque', 'vxlan', 1700],
      ['vmk50', 'opaque', 'hyperbus', 1500],
    ]);
    expect(read[1]?.portGroup).toBe('ad451e93-a608-48ac-8099-84fbb44f3a23');
  });

  it('reads vmotion and provisioning stack rows, N/A addresses, several IPv6 rows and a hand-shifted row', () => {
    const read = rows(shifted);
    expect(warnings(shifted)).toEqual([]);
    expect(read.map((r) => [r.name, r.family, r.address ?? null, r.netstack])).toEqual([
      ['vmk0', 'IPv4', '172.31.0.103', 'defaultTcpipStack'],
      ['vmk1', 'IPv4', '1.1.1.1', 'defaultTcpipStack'],
      ['vmk1', 'IPv6', 'fe80::250:56ff:fe6f:1b5e', 'defaultTcpipStack'],
      ['vmk1', 'IPv6', '3001:15::1:1:1', 'defaultTcpipStack'],
      ['vmk2', 'IPv4', null, 'defaultTcpipStack'],
      ['vmk3', 'IPv4', '10.20.30.11', 'vmotion'],
      ['vmk4', 'IPv4', '10.20.40.11', 'vSphereProvisioning'],
    ]);
    // vmk2 has no IPv4 address: N/A is absent, not a fake address.
    expect(read[4]).not.toHaveProperty('netmask');
    expect(read[4]?.type).toBe('NONE');
  });

  it('re-aligns a row whose long port-group name pushed every later cell right', () => {
    const vmk3 = rows(shifted).find((r) => r.name === 'vmk3');
    expect(vmk3).toMatchObject({
      portGroup: 'vMotion-Stack-PortGroup-with-a-very-long-name-01',
      address: '10.20.30.11',
      netmask: '255.255.255.0',
      broadcast: '10.20.30.255',
      mtu: 9000,
      enabled: true,
      netstack: 'vmotion',
    });
    expect(rows(shifted).find((r) => r.name === 'vmk4')?.enabled).toBe(false);
  });
});

describe('esxcfg-vmknic -l, older layouts', () => {
  it('reads the 5.5/6.0 layout without NetStack and leaves netstack absent', () => {
    const read = rows(nsxv55);
    expect(read.map((r) => [r.name, r.portGroup, r.portGroupKind, r.address, r.mtu])).toEqual([
      ['vmk0', '510', 'dvport', '192.168.110.52', 1500],
      ['vmk3', '905', 'dvport', '192.168.150.52', 1600],
    ]);
    expect(read[0]).not.toHaveProperty('netstack');
  });

  it('reads the 5.0 layout a blog squeezed, with underscored header names and tab indentation', () => {
    expect(rows(elatov50).map(brief)).toEqual([
      {
        name: 'vmk0',
        portGroup: 'Management',
        portGroupKind: 'name',
        family: 'IPv4',
        address: '10.0.1.128',
        netmask: '255.255.255.0',
        broadcast: '10.0.1.255',
        mac: '00:0c:29:2c:54:17',
        mtu: 1500,
        enabled: true,
        type: 'DHCP',
        line: 2,
      },
      {
        name: 'vmk1',
        portGroup: 'SC2',
        portGroupKind: 'name',
        family: 'IPv4',
        address: '10.0.1.129',
        netmask: '255.255.255.0',
        broadcast: '10.0.1.255',
        mac: '00:50:56:79:aa:91',
        mtu: 1500,
        enabled: true,
        type: 'STATIC',
        line: 3,
      },
    ]);
  });

  it('reads a 4.x table without IP Family, TSO MSS and Type, taking the family from the address', () => {
    expect(rows(esx41).map((r) => [r.name, r.portGroup, r.family, r.address, r.netmask, r.broadcast, r.enabled])).toEqual([
      ['vmk0', 'VMkernel', 'IPv4', '10.178.47.98', '255.255.255.128', '10.178.47.127', true],
      ['vmk1', 'NFS', 'IPv4', '10.178.46.6', '255.255.255.240', '10.178.46.15', true],
    ]);
  });

  it('reads a 4.x squeezed table whose port-group names contain spaces', () => {
    const text = [
      'Interface Port Group/DVPort IP Address Netmask Broadcast MAC Address MTU Enabled',
      'vmk0 Management Network 10.178.47.98 255.255.255.128 10.178.47.127 00:26:55:3a:69:52 1500 true',
      'vmk1 NFS Storage 10.178.46.6 255.255.255.240 10.178.46.15 00:50:56:7d:03:0d 1500 true',
    ].join('\n');
    expect(rows(text).map((r) => [r.portGroup, r.address, r.mtu])).toEqual([
      ['Management Network', '10.178.47.98', 1500],
      ['NFS Storage', '10.178.46.6', 1500],
    ]);
  });

  it('reads a 25-wide IP Address column (horizontal_parser doctest widths)', () => {
    const text = [
      'Interface  Port Group/DVPort   IP Family IP Address               Netmask         Broadcast       MAC Address       MTU     TSO MSS   Enabled Type',
      'vmk0       Management Network  IPv4      10.0.0.21                255.255.255.0   10.0.0.255      00:50:56:a3:95:e5 1500    65535     true    STATIC',
      'vmk0       Management Network  IPv6      fe80::250:56ff:fea3:95e5 64                              00:50:56:a3:95:e5 1500    65535     true    STATIC, PREFERRED',
      'vmk0       Management Network  IPv6      2001:db8:1234:5678:9abc:def0:1234:5678 64                              00:50:56:a3:95:e5 1500    65535     true    STATIC, PREFERRED',
    ].join('\n');
    expect(rows(text).map((r) => [r.family, r.address, r.netmask, r.type])).toEqual([
      ['IPv4', '10.0.0.21', '255.255.255.0', 'STATIC'],
      ['IPv6', 'fe80::250:56ff:fea3:95e5', '64', 'STATIC, PREFERRED'],
      ['IPv6', '2001:db8:1234:5678:9abc:def0:1234:5678', '64', 'STATIC, PREFERRED'],
    ]);
  });
});

describe('esxcfg-vmknic -l, damaged pastes', () => {
  it('reads the 7.0 output squeezed to single spaces the same as the aligned one', () => {
    expect(rows(squeezed70).map(brief)).toEqual(rows(byoi70).map(brief));
  });

  it('reads the output with runs of spaces turned into tabs the same as the aligned one', () => {
    expect(rows(tabsBlog).map(brief)).toEqual(rows(byoi70).map(brief));
  });

  it('joins header and rows an 80-column terminal wrapped, even mid-address', () => {
    expect(rows(wrapped80).map(({ ref, ...r }) => ({ ...r, line: ref.line }))).toEqual([
      { ...BYOI_V4, line: 4 },
      { ...BYOI_V6, line: 7 },
    ]);
  });

  it('skips fences and blank lines; a redacted address or an unreadable MAC makes that field unknown, the row stays', () => {
    const read = rows(fenced);
    expect(read.map((r) => r.name)).toEqual(['vmk0', 'vmk1', 'vmk2']);
    expect(read[1]).not.toHaveProperty('address');
    expect(read[1]).toMatchObject({ netmask: '255.255.0.0', mtu: 9000, netstack: 'defaultTcpipStack' });
    expect(read[2]).not.toHaveProperty('mac');
    expect(read[2]?.address).toBe('10.10.50.92');
    expect(warnings(fenced)).toEqual([
      { line: 7, message: 'IP Address of vmk1 is redacted ("x.x.x.x"): that value is unknown, the rest of the row is kept' },
      { line: 8, message: 'expected a MAC address in column MAC Address (found "00:50:56:XX:37:c4"); MAC Address of vmk2 is unknown, the rest of the row is kept' },
      { line: 10, message: 'row does not match the header: expected a vmknic name (vmkN) in column Interface (found "Connection")' },
    ]);
  });

  it('does not glue a stray word after the table onto the last NetStack', () => {
    const text = `${byoi70.trimEnd()}\nlogout\n`;
    expect(rows(text).map((r) => r.netstack)).toEqual(['defaultTcpipStack', 'defaultTcpipStack']);
    expect(warnings(text)).toEqual([{ line: 4, message: 'row does not match the header: expected a vmknic name (vmkN) in column Interface (found "logout")' }]);
  });

  it('keeps a last row cut in its NetStack, with the netstack unknown (the cut name is not read as a stack)', () => {
    const read = rows(truncated);
    expect(read.map((r) => r.name)).toEqual(['vmk0', 'vmk1']);
    expect(read[1]).not.toHaveProperty('netstack');
    expect(read[1]?.address).toBe('192.168.1.11');
    expect(warnings(truncated)).toEqual([
      { line: 3, message: 'NetStack "defaultTcp" of vmk1 looks cut off (a known stack name begins with it); the netstack of vmk1 is unknown' },
    ]);
  });

  it('keeps the rows before a last row cut in its Netmask', () => {
    expect(rows(truncatedMid).map((r) => r.name)).toEqual(['vmk0']);
    expect(warnings(truncatedMid)[0]).toMatchObject({ line: 3, message: expect.stringContaining('column Netmask') });
  });

  it('does not read an IPv6 address in an IPv4 row: address and mask unknown, the vmknic kept', () => {
    const text = [
      'Interface  Port Group/DVPort   IP Family IP Address                              Netmask         Broadcast       MAC Address       MTU     TSO MSS   Enabled Type',
      'vmk0       Management Network  IPv4      fe80::1                                 64                              00:50:56:09:08:3c 1500    65535     true    STATIC',
    ].join('\n');
    const read = rows(text);
    expect(read.map((r) => r.name)).toEqual(['vmk0']);
    expect(read[0]).not.toHaveProperty('address');
    expect(read[0]).not.toHaveProperty('netmask');
    expect(read[0]?.mac).toBe('00:50:56:09:08:3c');
    expect(warnings(text)[0]?.message).toContain('expected an IPv4 address in column IP Address of an IPv4 row');
  });

  it('returns no rows and no warning for a header without rows', () => {
    const result = parser.parse(blockOf(byoi70.split('\n')[0] ?? ''));
    expect(result).toEqual({ ok: true, value: [], warnings: [] });
  });

  it('fails with the line and a sentence when there is no table header', () => {
    const result = parser.parse(blockOf('\n-sh: esxcfg-vmknic: not found\n'));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.line).toBe(2);
    expect(!result.ok && result.error.message).toContain('No esxcfg-vmknic -l table found');
  });
});

describe('esxcfg-vmknic command and bare-output recognition', () => {
  it('matches the list form only', () => {
    expect(parser.matchesCommand('esxcfg-vmknic -l')).toBe(true);
    expect(parser.matchesCommand('esxcfg-vmknic   --list | more')).toBe(true);
    expect(parser.matchesCommand('/usr/sbin/esxcfg-vmknic -l')).toBe(true);
    expect(parser.matchesCommand('esxcfg-vmknic -a -i 10.0.0.5 -n 255.255.255.0 "vMotion"')).toBe(false);
    expect(parser.matchesCommand('esxcfg-vmknic -d "vMotion"')).toBe(false);
    expect(parser.matchesCommand('esxcfg-vmknic -l | grep vmk1')).toBe(false);
    expect(parser.matchesCommand('esxcfg-vmknic')).toBe(false);
    expect(parser.matchesCommand('esxcfg-vswitch -l')).toBe(false);
  });

  it('recognises the header line of each layout, and nothing else', () => {
    const starts = (text: string): boolean => parser.startsAt(toLines(text), 0);
    expect(starts(byoi70)).toBe(true);
    expect(starts(nsxv55)).toBe(true);
    expect(starts(elatov50)).toBe(true);
    expect(starts(esx41)).toBe(true);
    expect(starts('vmk0       Management Network                      IPv4      172.26.64.10')).toBe(false);
    expect(starts('Interface  Address  Netmask')).toBe(false);
    expect(starts('Name  IPv4 Address    IPv4 Netmask     IPv4 Broadcast  Address Type  Gateway         DHCP DNS')).toBe(false);
    expect(parser.startsAt(toLines(byoi70), 1)).toBe(false);
  });
});
