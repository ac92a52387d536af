/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { esxcfgNicsParser as parser } from './esxcfg-nics.ts';
import { blockOf, toLines } from './types.ts';
import type { NicRecord } from './records.ts';
import byoi70 from './__fixtures__/esxcfg-nics/byoi-70.txt?raw';
import esxi6x from './__fixtures__/esxcfg-nics/esxi6x.txt?raw';
import longSpeed from './__fixtures__/esxcfg-nics/long-speed-half.txt?raw';
import squeezed from './__fixtures__/esxcfg-nics/squeezed.txt?raw';

function parse(text: string) {
  return parser.parse(blockOf(text, { file: 'nics.txt' }));
}

function nics(text: string): readonly Omit<NicRecord, 'ref'>[] {
  const result = parse(text);
  if (!result.ok) throw new Error(result.error.message);
  return result.value.map(({ ref, ...rest }) => rest);
}

describe('esxcfg-nics -l (domain.md §4.10)', () => {
  it('reads the verbatim 7.0 rows: link state and speed, description with brackets', () => {
    expect(nics(byoi70)[0]).toEqual({
      name: 'vmnic0',
      pci: '0000:0f:00.0',
      driver: 'nmlx5_core',
      linkUp: true,
      speedMbps: 25000,
      duplex: 'Full',
      mac: '88:e9:a4:6b:b8:54',
      mtu: 1500,
      description: 'Mellanox Technologies MT27800 Family [ConnectX-5]',
    });
    expect(nics(byoi70)).toHaveLength(2);
  });

  it('reads the 6.x widths with a down link', () => {
    expect(nics(esxi6x).map((n) => [n.name, n.pci, n.driver, n.linkUp, n.speedMbps, n.mtu])).toEqual([
      ['vmnic0', '0000:03:00.00', 'tg3', true, 1000, 1500],
      ['vmnic1', '0000:03:00.01', 'tg3', false, 0, 1500],
      ['vmnic4', '0000:04:00.00', 'ixgbe', true, 10000, 9000],
    ]);
  });

  it('reads a speed as wide as its column, Half duplex and vmnic10', () => {
    expect(nics(longSpeed).map((n) => [n.name, n.linkUp, n.speedMbps, n.duplex, n.mtu, n.description])).toEqual([
      ['vmnic0', true, 1000, 'Full', 1500, 'Broadcom Corporation NetXtreme BCM5720 Gigabit Ethernet'],
      ['vmnic1', false, 0, 'Half', 1500, 'Broadcom Corporation NetXtreme BCM5720 Gigabit Ethernet'],
      ['vmnic2', false, 100000, 'Full', 1500, 'Intel(R) Ethernet Controller E810-C for QSFP'],
      ['vmnic3', true, 100000, 'Full', 9000, 'Intel(R) Ethernet Controller E810-C for QSFP'],
      ['vmnic10', true, 10000, 'Full', 1500, 'Intel(R) Ethernet Controller X710 for 10GbE SFP+'],
    ]);
  });

  it('reads the squeezed paste the same as the aligned one', () => {
    expect(nics(squeezed)).toEqual(nics(byoi70));
  });

  it('keeps a NIC whose MTU cannot be read, without the MTU, and warns', () => {
    const text = byoi70.replace('88:e9:a4:6b:b8:55 1500', '88:e9:a4:6b:b8:55 15OO');
    expect(nics(text)[1]).not.toHaveProperty('mtu');
    expect(nics(text)[1]?.mac).toBe('88:e9:a4:6b:b8:55');
    expect(parse(text).warnings).toEqual([{ line: 3, message: 'expected an MTU (integer) in column MTU (found "15OO"); that value is left out' }]);
  });

  it('fails without a header', () => {
    expect(parse('vmnic0  0000:0f:00.0 nmlx5_core  Up   25000Mbps  Full').ok).toBe(false);
  });
});

describe('esxcfg-nics command and bare-output recognition', () => {
  it('matches -l only', () => {
    expect(parser.matchesCommand('esxcfg-nics -l')).toBe(true);
    expect(parser.matchesCommand('esxcfg-nics -l | more')).toBe(true);
    expect(parser.matchesCommand('esxcfg-nics -s 10000 vmnic0')).toBe(false);
    expect(parser.matchesCommand('esxcfg-nics -a vmnic0')).toBe(false);
  });

  it('starts at its header, not at the header of esxcli network nic list', () => {
    expect(parser.startsAt(toLines(byoi70), 0)).toBe(true);
    expect(parser.startsAt(toLines(esxi6x), 0)).toBe(true);
    expect(parser.startsAt(toLines(byoi70), 1)).toBe(false);
    expect(parser.startsAt(toLines('Name    PCI Device     Driver  Link  Speed  Duplex  MAC Address         MTU  Description'), 0)).toBe(false);
    expect(
      parser.startsAt(toLines('Name    PCI Device    Driver    Admin Status  Link Status  Speed  Duplex  MAC Address         MTU  Description'), 0),
    ).toBe(false);
  });
});
