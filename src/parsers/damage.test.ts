/**
 * Damage a person reads through (issue 16), one case each: the field the damage hits is repaired or unknown, with a
 * warning naming the line and the column; every other field of every row is read.
 */
import { describe, expect, it } from 'vitest';
import { esxcfgVmknicParser } from './esxcfg-vmknic.ts';
import { ipv4GetParser } from './ipv4-get.ts';
import { blockOf } from './types.ts';
import type { VmknicRow } from './records.ts';
import { editDistance, nearestKnown, readIpv4Cell, readMaskCell, readVmkCell, stripEmphasis } from './damage.ts';
import { readPaste } from './published.test-support.ts';

function vmknics(text: string): { rows: VmknicRow[]; warnings: { line: number; message: string }[] } {
  const result = esxcfgVmknicParser.parse(blockOf(text));
  if (!result.ok) throw new Error(result.error.message);
  return { rows: [...result.value], warnings: [...result.warnings] };
}

const HEADER = 'Interface  Port Group/DVPort/Opaque Network        IP Family IP Address                              Netmask         Broadcast       MAC Address       MTU     TSO MSS   Enabled Type                NetStack';
const row = (vmk: string, pg: string, ip: string, bc: string, mac: string): string =>
  `${vmk.padEnd(11)}${pg.padEnd(40)}IPv4      ${ip.padEnd(40)}255.255.255.0   ${bc.padEnd(16)}${mac} 1500    65535     true    STATIC              defaultTcpipStack`;

describe('cell readers', () => {
  it('reads redacted octets as redacted, O/l look-alikes as digits, and refuses anything else', () => {
    expect(readIpv4Cell('10.195.x.22')).toEqual({ kind: 'redacted' });
    expect(readIpv4Cell('xxx.xxx.1.10')).toEqual({ kind: 'redacted' });
    expect(readIpv4Cell('1O.178.46.O')).toEqual({ kind: 'repaired', value: '10.178.46.0', how: 'O as 0' });
    expect(readIpv4Cell('10.0.0.1')).toEqual({ kind: 'ok', value: '10.0.0.1' });
    expect(readIpv4Cell('10.0.0')).toEqual({ kind: 'bad' });
    expect(readIpv4Cell('Management')).toEqual({ kind: 'bad' });
    expect(readMaskCell('255.255.255.O')).toEqual({ kind: 'repaired', value: '255.255.255.0', how: 'O as 0' });
    expect(readMaskCell('255.0.255.0')).toEqual({ kind: 'bad' });
    expect(readVmkCell('vmkO')).toEqual({ kind: 'repaired', value: 'vmk0', how: 'O as 0' });
    expect(readVmkCell('vmko')).toEqual({ kind: 'repaired', value: 'vmk0', how: 'o as 0' });
    expect(readVmkCell('vmnic0')).toEqual({ kind: 'bad' });
    expect(stripEmphasis('**00:50:56:6f:1a:2b**')).toBe('00:50:56:6f:1a:2b');
  });

  it('finds the one known word a damaged word is a near miss of, never a guess between two', () => {
    expect(nearestKnown('STTIC', ['STATIC', 'DHCP'])).toBe('STATIC');
    expect(nearestKnown('MC', ['MAC', 'MTU'])).toBe('MAC');
    expect(nearestKnown('IP', ['MTU', 'TSO'])).toBeUndefined();
    expect(nearestKnown('defaultTcpipStck', ['defaultTcpipStack', 'vmotion'])).toBe('defaultTcpipStack');
    expect(nearestKnown('vmotoin', ['vmotion'])).toBe('vmotion');
    expect(nearestKnown('vmk', ['vmk0', 'vmk1'])).toBeUndefined();
    expect(editDistance('ddress', 'address', 2)).toBe(1);
  });
});

describe('esxcfg-vmknic -l with damage from tickets and forums', () => {
  it('keeps vmknics whose octets were redacted before posting, address unknown and warned', () => {
    const text = [
      HEADER,
      row('vmk0', 'Management Network', '10.195.x.22', '10.195.x.255', '00:50:56:6f:1a:2b'),
      row('vmk1', 'vMotion', 'xxx.xxx.1.10', 'xxx.xxx.1.255', '00:50:56:6f:1a:2c'),
    ].join('\n');
    const { rows, warnings } = vmknics(text);
    expect(rows.map((r) => [r.name, r.address, r.netmask, r.portGroup, r.mtu, r.netstack])).toEqual([
      ['vmk0', undefined, '255.255.255.0', 'Management Network', 1500, 'defaultTcpipStack'],
      ['vmk1', undefined, '255.255.255.0', 'vMotion', 1500, 'defaultTcpipStack'],
    ]);
    expect(warnings).toContainEqual({ line: 2, message: 'IP Address of vmk0 is redacted ("10.195.x.22"): that value is unknown, the rest of the row is kept' });
    expect(warnings).toContainEqual({ line: 3, message: 'IP Address of vmk1 is redacted ("xxx.xxx.1.10"): that value is unknown, the rest of the row is kept' });
  });

  it('repairs a tab a web copy put inside a value when the columns otherwise line up (4 of 4 vmknics)', () => {
    const tabbed = [
      'Interface\tPort Group/DVPort/Opaque Network\tIP Family IP Address\tNetmask\tBroadcast\tMAC Address\tMTU\tTSO MSS\tEnabled Type\tNetStack',
      'vmk0\tManagement Network\tIPv4\t192.168.110.10\t255.255.255.0\t192.168.\t110.255\t00:50:56:6f:1a:20\t1500\t65535\ttrue\tSTATIC\tdefaultTcpipStack',
      'vmk1\tvMotion\tIPv4\t192.168.110.11\t255.255.255.0\t192.168.\t110.255\t00:50:56:6f:1a:21\t9000\t65535\ttrue\tSTATIC\tdefaultTcpipStack',
      'vmk2\tiSCSI-A\tIPv4\t192.168.\t120.12\t255.255.255.0\t192.168.120.255\t00:50:56:6f:1a:22\t9000\t65535\ttrue\tSTATIC\tdefaultTcpipStack',
      'vmk3\tiSCSI-B\tIPv4\t192.168.120.13\t255.255.255.0\t192.168.120.255\t00:50:56:6f:1a:23\t9000\t65535\ttrue\tSTATIC\tdefaultTcpipStack',
    ].join('\n');
    const { rows, warnings } = vmknics(tabbed);
    expect(rows.map((r) => [r.name, r.address, r.broadcast, r.mtu])).toEqual([
      ['vmk0', '192.168.110.10', '192.168.110.255', 1500],
      ['vmk1', '192.168.110.11', '192.168.110.255', 9000],
      ['vmk2', '192.168.120.12', '192.168.120.255', 9000],
      ['vmk3', '192.168.120.13', '192.168.120.255', 9000],
    ]);
    expect(warnings.map((w) => w.line)).toEqual([2, 3, 4]);
    expect(warnings[0]?.message).toBe('a tab inside "192.168.<tab>110.255" was taken out (the value was split by a copy)');
  });

  it('reads a header and values whose letters were lost by an encoding problem (IP ddress, MC ddress, STTIC)', () => {
    const text = [
      'Interface  Port Group/DVPort   IP Family IP ddress                               Netmask         Broadcast       MC ddress         MTU     TSO MSS   Enabled Type',
      'vmk0       Management Network  IPv4      10.0.0.10                               255.255.255.0   10.0.0.255      00:50:56:6f:1a:2b 1500    65535     true    STTIC',
    ].join('\n');
    const { rows, warnings } = vmknics(text);
    expect(rows.map((r) => [r.name, r.address, r.mac, r.type])).toEqual([['vmk0', '10.0.0.10', '00:50:56:6f:1a:2b', 'STATIC']]);
    expect(warnings.map((w) => w.message)).toEqual([
      'damaged header: "IP ddress" read as IP Address; check the values of that column',
      'damaged header: "MC ddress" read as MAC Address; check the values of that column',
      'Type "STTIC" of vmk0 read as STATIC (letters lost in the paste)',
    ]);
  });

  it('reads a MAC address a forum wrapped in markdown bold', () => {
    const text = [HEADER, row('vmk1', 'vMotion', '10.0.1.11', '10.0.1.255', '**00:50:56:6f:1a:2c**')].join('\n');
    expect(vmknics(text).rows[0]?.mac).toBe('00:50:56:6f:1a:2c');
  });

  it('does not take an unrelated header for a damaged one', () => {
    const result = esxcfgVmknicParser.parse(blockOf('Name  PCI  Driver  Link  Speed\nvmnic0 0000:01:00.0 ixgben Up 10000'));
    expect(result.ok).toBe(false);
  });
});

describe('ipv4 get with redacted octets', () => {
  it('keeps the row, the redacted gateway unknown', () => {
    const text = [
      'Name  IPv4 Address  IPv4 Netmask   IPv4 Broadcast  Address Type  Gateway      DHCP DNS',
      '----  ------------  -------------  --------------  ------------  -----------  --------',
      'vmk0  10.x.x.11     255.255.255.0  10.x.x.255      STATIC        10.x.x.1        false',
    ].join('\n');
    const result = ipv4GetParser.parse(blockOf(text));
    expect(result.ok && result.value.map((r) => [r.name, r.address, r.netmask, r.gateway, r.addressType])).toEqual([['vmk0', undefined, '255.255.255.0', undefined, 'STATIC']]);
  });
});

describe('a page flattened onto one line', () => {
  it('is re-split at the command, header, ruler and rows, prose after the table left out', () => {
    const text =
      'Run this command to see the route table: # esxcfg-route -lVMkernel Routes:Network Netmask Gateway Interface ------------- ---------------- ------------- -------------8.8.8.8 255.255.255.255 10.27.47.254 vmk0 10.27.32.0 255.255.240.0 Local Subnet vmk0 default 0.0.0.0 10.27.32.21 vmk0 Notes: The preceding output shows that two dynamic host routes have been added';
    const { blocks, splitWarnings } = readPaste(text);
    const routes = blocks.find((b) => b.kind === 'esxcfg-route')?.value as { routes: { network?: string; interface?: string }[] } | undefined;
    expect(routes?.routes.map((r) => `${r.network} ${r.interface}`)).toEqual(['8.8.8.8 vmk0', '10.27.32.0 vmk0', '0.0.0.0 vmk0']);
    expect(splitWarnings.some((w) => w.line === 1 && w.message.includes('re-split'))).toBe(true);
  });

  it('leaves a long line without a known header alone', () => {
    const text = `${'word '.repeat(60)}Network Netmask Gateway`;
    const { blocks } = readPaste(text);
    expect(blocks).toEqual([]);
  });
});
