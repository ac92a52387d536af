/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { ipv4GetParser as parser } from './ipv4-get.ts';
import { blockOf, toLines } from './types.ts';
import type { Ipv4Row } from './records.ts';
import equinix65 from './__fixtures__/ipv4-get/equinix-65.txt?raw';
import esxi55 from './__fixtures__/ipv4-get/esxi55-no-gateway.txt?raw';
import vmotionStack from './__fixtures__/ipv4-get/vmotion-stack.txt?raw';
import solidRuler from './__fixtures__/ipv4-get/solid-ruler-misaligned.txt?raw';
import dhcpLong from './__fixtures__/ipv4-get/dhcp-long-values.txt?raw';
import squeezed from './__fixtures__/ipv4-get/squeezed.txt?raw';

function parse(text: string, command?: string) {
  return parser.parse(blockOf(text, { file: 'ipv4.txt', ...(command !== undefined ? { command } : {}) }));
}

function rows(text: string, command?: string): readonly Omit<Ipv4Row, 'ref'>[] {
  const result = parse(text, command);
  if (!result.ok) throw new Error(result.error.message);
  return result.value.map(({ ref, ...rest }) => rest);
}

describe('esxcli network ip interface ipv4 get (domain.md §4.3)', () => {
  it('reads the verbatim 6.5+ output with its per-vmknic Gateway column', () => {
    expect(rows(equinix65)).toEqual([
      { name: 'vmk0', address: '147.75.201.186', netmask: '255.255.255.248', broadcast: '147.75.201.191', addressType: 'STATIC', gateway: '147.75.201.185', dhcpDns: false },
      { name: 'vmk1', address: '10.88.154.2', netmask: '255.255.255.248', broadcast: '10.88.154.7', addressType: 'STATIC', gateway: '0.0.0.0', dhcpDns: false },
    ]);
    expect(parse(equinix65).warnings).toEqual([]);
  });

  it('refers each row to its line, after the header and the ruler', () => {
    const result = parse(equinix65);
    expect(result.ok && result.value.map((r) => r.ref.line)).toEqual([3, 4]);
  });

  it('reads the 5.x layout without Gateway and leaves gateway absent', () => {
    const read = rows(esxi55);
    expect(read.map((r) => [r.name, r.address, r.netmask])).toEqual([
      ['vmk0', '10.65.17.33', '255.255.255.0'],
      ['vmk2', '192.168.17.33', '255.255.255.0'],
    ]);
    expect(read[0]).not.toHaveProperty('gateway');
  });

  it('tags rows with the netstack named by -N on the command line', () => {
    expect(rows(vmotionStack, 'esxcli network ip interface ipv4 get -N vmotion')).toEqual([
      { name: 'vmk2', address: '10.20.30.11', netmask: '255.255.255.0', broadcast: '10.20.30.255', addressType: 'STATIC', gateway: '0.0.0.0', dhcpDns: false, netstack: 'vmotion' },
    ]);
    expect(rows(vmotionStack, 'localcli network ip interface ipv4 get --netstack=vmotion')[0]?.netstack).toBe('vmotion');
    expect(rows(vmotionStack)[0]).not.toHaveProperty('netstack');
  });

  it('drops a row for another vmknic than the one -i asked for', () => {
    const result = parse(equinix65, 'esxcli network ip interface ipv4 get -i vmk1');
    expect(result.ok && result.value.map((r) => r.name)).toEqual(['vmk1']);
    expect(result.warnings).toEqual([{ line: 3, message: 'row names vmk0 but the command asked for -i vmk1; row not read' }]);
  });

  it('reads DHCP rows, vmk10 and values as wide as their column', () => {
    expect(rows(dhcpLong).map((r) => [r.name, r.addressType, r.gateway, r.dhcpDns])).toEqual([
      ['vmk0', 'DHCP', '192.168.100.1', true],
      ['vmk1', 'STATIC', '0.0.0.0', false],
      ['vmk10', 'STATIC', '172.16.200.249', false],
    ]);
  });

  it('reads rows that do not line up with a solid ruler or the header', () => {
    expect(rows(solidRuler).map((r) => [r.name, r.address, r.netmask, r.broadcast, r.gateway])).toEqual([
      ['vmk0', '1.1.1.1', '255.255.0.0', '172.16.255.255', '172.16.11.3'],
      ['vmk1', '1.2.1.1', '255.255.255.0', '10.251.251.255', '0.0.0.0'],
      ['vmk2', '1.2.1.1', '255.255.255.0', '10.252.252.255', '0.0.0.0'],
    ]);
  });

  it('reads the output squeezed to single spaces the same as aligned', () => {
    expect(rows(squeezed)).toEqual(rows(equinix65));
  });

  it('reads a gateway with O for 0 as the digit (warned), keeps a row whose broadcast cannot be read', () => {
    const text = [
      'Name  IPv4 Address    IPv4 Netmask     IPv4 Broadcast  Address Type  Gateway         DHCP DNS',
      '----  --------------  ---------------  --------------  ------------  --------------  --------',
      'vmk0  10.0.0.10       255.255.255.0    10.0.0.255      STATIC        10.0.0.1O          false',
      'vmk1  10.0.1.10       255.255.255.0    10.0.1.2SS      STATIC        0.0.0.0            false',
    ].join('\n');
    expect(rows(text).map((r) => [r.name, r.broadcast ?? null, r.gateway])).toEqual([
      ['vmk0', '10.0.0.255', '10.0.0.10'],
      ['vmk1', null, '0.0.0.0'],
    ]);
    expect(parse(text).warnings.map((w) => w.line)).toEqual([3, 4]);
    expect(parse(text).warnings[0]?.message).toBe('Gateway of vmk0 is printed "10.0.0.1O" and read as 10.0.0.10 (O as 0: a font or OCR look-alike)');
  });

  it('warns on an address type it does not know and leaves it out', () => {
    const text = ['Name  IPv4 Address  IPv4 Netmask   IPv4 Broadcast  Address Type  DHCP DNS', 'vmk0  10.0.0.10     255.255.255.0  10.0.0.255      AUTOIP           false'].join('\n');
    expect(rows(text)[0]).not.toHaveProperty('addressType');
    expect(parse(text).warnings[0]?.message).toContain('AUTOIP');
  });

  it('keeps earlier rows when the last row is cut', () => {
    const text = `${equinix65.trimEnd().slice(0, -30)}\n`;
    expect(rows(text).map((r) => r.name)).toEqual(['vmk0']);
    expect(parse(text).warnings).toHaveLength(1);
  });

  it('fails with a sentence when the header is missing', () => {
    const result = parse('vmk0  147.75.201.186  255.255.255.248  147.75.201.191  STATIC  147.75.201.185  false');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatchObject({ line: 1, message: expect.stringContaining('No esxcli network ip interface ipv4 get table found') });
  });
});

describe('ipv4 get command and bare-output recognition', () => {
  it('matches get and address list, with filters, through esxcli or localcli', () => {
    expect(parser.matchesCommand('esxcli network ip interface ipv4 get')).toBe(true);
    expect(parser.matchesCommand('localcli network ip interface ipv4 get -i vmk1')).toBe(true);
    expect(parser.matchesCommand('esxcli network ip interface ipv4 get --interface-name=vmk1 -N vmotion')).toBe(true);
    expect(parser.matchesCommand('esxcli network ip interface ipv4 address list')).toBe(true);
    expect(parser.matchesCommand('esxcli network ip interface ipv4 get | more')).toBe(true);
  });

  it('does not match the set form, other namespaces or other formatters', () => {
    expect(parser.matchesCommand('esxcli network ip interface ipv4 set -i vmk1 -t static -I 10.0.0.5 -N 255.255.255.0')).toBe(false);
    expect(parser.matchesCommand('esxcli network ip interface ipv6 get')).toBe(false);
    expect(parser.matchesCommand('esxcli network ip interface list')).toBe(false);
    expect(parser.matchesCommand('esxcli --formatter=csv network ip interface ipv4 get')).toBe(false);
  });

  it('recognises the header of both layouts only', () => {
    expect(parser.startsAt(toLines(equinix65), 0)).toBe(true);
    expect(parser.startsAt(toLines(esxi55), 0)).toBe(true);
    expect(parser.startsAt(toLines(equinix65), 1)).toBe(false);
    expect(parser.startsAt(toLines('Name    PCI          Driver      Link Speed      Duplex MAC Address       MTU    Description'), 0)).toBe(false);
  });
});
