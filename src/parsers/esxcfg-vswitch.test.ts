/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { esxcfgVswitchParser as parser } from './esxcfg-vswitch.ts';
import { blockOf, toLines } from './types.ts';
import type { VSwitchRecord } from './records.ts';
import byoi from './__fixtures__/esxcfg-vswitch/byoi-standard.txt?raw';
import nsxDvs from './__fixtures__/esxcfg-vswitch/nsx-dvs.txt?raw';
import mixed from './__fixtures__/esxcfg-vswitch/mixed-long-names.txt?raw';
import squeezed from './__fixtures__/esxcfg-vswitch/no-uplinks-squeezed.txt?raw';
import wrapped from './__fixtures__/esxcfg-vswitch/wrapped-uplinks-80.txt?raw';

function parse(text: string) {
  return parser.parse(blockOf(text, { file: 'vswitch.txt' }));
}

function switches(text: string): readonly Omit<VSwitchRecord, 'ref'>[] {
  const result = parse(text);
  if (!result.ok) throw new Error(result.error.message);
  return result.value.map(({ ref, ...rest }) => rest);
}

describe('esxcfg-vswitch -l (domain.md §4.9)', () => {
  it('reads a standard switch and its port groups with spaces in their names', () => {
    expect(switches(byoi)).toEqual([
      {
        name: 'vSwitch0',
        kind: 'standard',
        numPorts: 8960,
        usedPorts: 4,
        mtu: 1500,
        uplinks: ['vmnic0'],
        portGroups: [
          { name: 'VM Network', vlan: 0, uplinks: ['vmnic0'] },
          { name: 'Management Network', vlan: 0, uplinks: ['vmnic0'] },
        ],
        dvPorts: [],
      },
    ]);
    const result = parse(byoi);
    expect(result.ok && result.value[0]?.ref.line).toBe(2);
  });

  it('reads a distributed switch, its comma-separated uplinks and DVPort clients, skipping unused ports', () => {
    expect(switches(nsxDvs)).toEqual([
      {
        name: 'Mgmt_Edge_VDS',
        kind: 'distributed',
        numPorts: 1536,
        usedPorts: 13,
        mtu: 1600,
        uplinks: ['vmnic1', 'vmnic0'],
        portGroups: [],
        dvPorts: [
          { id: '897', client: 'vmnic0' },
          { id: '898', client: 'vmnic1' },
          { id: '510', client: 'vmk0' },
          { id: '905', client: 'vmk3' },
        ],
      },
    ]);
    expect(parse(nsxDvs).warnings).toEqual([]);
  });

  it('reads several switches, long names that push cells, misaligned rows and a port group without uplinks', () => {
    const read = switches(mixed);
    expect(read.map((s) => [s.name, s.kind, s.mtu, s.uplinks.join(',')])).toEqual([
      ['vSwitch0', 'standard', 1500, 'vmnic0'],
      ['vSwitch1-vMotion-and-storage', 'standard', 9000, 'vmnic2,vmnic3'],
      ['DSwitch_063LongName', 'distributed', 9000, 'vmnic3'],
    ]);
    expect(read[0]?.portGroups.map((p) => p.name)).toEqual(['ATmng', 'VM Network', 'Management Network']);
    expect(read[1]?.portGroups).toEqual([
      { name: 'vMotion A', vlan: 120, uplinks: ['vmnic2', 'vmnic3'] },
      { name: 'vMotion B (standby reversed)', vlan: 120, uplinks: ['vmnic3', 'vmnic2'] },
      { name: 'NFS Storage', vlan: 130, uplinks: ['vmnic3'] },
      { name: 'Isolated', vlan: 999, uplinks: [] },
    ]);
    expect(read[2]?.dvPorts).toEqual([
      { id: '0', client: 'vmnic3' },
      { id: '9', client: 'vmk1' },
    ]);
    expect(parse(mixed).warnings).toEqual([]);
  });

  it('reads a squeezed paste: switch without uplinks, names with spaces and digits', () => {
    const read = switches(squeezed);
    expect(read.map((s) => [s.name, s.numPorts, s.mtu, s.uplinks])).toEqual([
      ['vSwitch0', 128, 1500, []],
      ['vSwitch 2', 1536, 9000, ['vmnic4', 'vmnic5']],
    ]);
    expect(read[0]?.portGroups).toEqual([
      { name: 'VM Network', vlan: 0, uplinks: [] },
      { name: 'Management Network', vlan: 10, uplinks: [] },
    ]);
    expect(read[1]?.portGroups).toEqual([{ name: 'VLAN 20', vlan: 20, uplinks: ['vmnic4', 'vmnic5'] }]);
  });

  it('joins uplink lists an 80-column terminal wrapped', () => {
    const read = switches(wrapped);
    expect(read[0]?.uplinks).toEqual(['vmnic2', 'vmnic3', 'vmnic4', 'vmnic5']);
    expect(read[0]?.portGroups).toEqual([
      { name: 'vMotion-01', vlan: 120, uplinks: ['vmnic2', 'vmnic3', 'vmnic4', 'vmnic5'] },
      { name: 'iSCSI A', vlan: 130, uplinks: ['vmnic4'] },
    ]);
  });

  it('drops the port groups of a switch whose row cannot be read, with warnings', () => {
    const text = [
      'Switch Name      Num Ports   Used Ports  Configured Ports  MTU     Uplinks',
      'vSwitch0         8960        4           128               1500    vmnic0,??',
      '',
      '  PortGroup Name                            VLAN ID  Used Ports  Uplinks',
      '  VM Network                                0        0           vmnic0',
    ].join('\n');
    const result = parse(text);
    expect(result.ok && result.value).toEqual([]);
    expect(result.warnings.map((w) => w.line)).toEqual([2, 5]);
    expect(result.warnings[0]?.message).toBe('row does not match the header: expected uplinks (vmnicN,…) in column Uplinks (found "vmnic0,??")');
  });

  it('keeps a switch whose port count cannot be read, without that count', () => {
    const text = byoi.replace('vSwitch0         8960', 'vSwitch0         lots');
    const read = switches(text);
    expect(read[0]).not.toHaveProperty('numPorts');
    expect(read[0]).toMatchObject({ name: 'vSwitch0', mtu: 1500, uplinks: ['vmnic0'] });
    expect(read[0]?.portGroups).toHaveLength(2);
    expect(parse(text).warnings).toEqual([{ line: 2, message: 'expected a port count in column Num Ports (found "lots"); that value is left out' }]);
  });

  it('refuses a port group whose uplinks cell it cannot read rather than reporting no uplinks', () => {
    const text = byoi.replace('  VM Network                                0        0           vmnic0', '  VM Network                                0        0           vmnic0,??');
    const read = switches(text);
    expect(read[0]?.portGroups.map((p) => p.name)).toEqual(['Management Network']);
    expect(parse(text).warnings[0]).toMatchObject({ line: 5, message: expect.stringContaining('column Uplinks') });
  });

  it('fails without a switch header', () => {
    const result = parse('  PortGroup Name    VLAN ID  Used Ports  Uplinks\n  VM Network  0  0  vmnic0');
    expect(result.ok).toBe(false);
  });
});

describe('esxcfg-vswitch command and bare-output recognition', () => {
  it('matches -l only', () => {
    expect(parser.matchesCommand('esxcfg-vswitch -l')).toBe(true);
    expect(parser.matchesCommand('esxcfg-vswitch --list | more')).toBe(true);
    expect(parser.matchesCommand('esxcfg-vswitch -a vSwitch1')).toBe(false);
    expect(parser.matchesCommand('esxcfg-vswitch -A "vMotion" vSwitch1')).toBe(false);
    expect(parser.matchesCommand('esxcfg-vswitch -m 9000 vSwitch1')).toBe(false);
    expect(parser.matchesCommand('esxcfg-vswitch -l vSwitch0')).toBe(false);
  });

  it('starts at a Switch Name or DVS Name header only', () => {
    expect(parser.startsAt(toLines(byoi), 0)).toBe(true);
    expect(parser.startsAt(toLines(nsxDvs), 0)).toBe(true);
    expect(parser.startsAt(toLines(byoi), 3)).toBe(false);
    expect(parser.startsAt(toLines(byoi), 1)).toBe(false);
  });

  it('does not start a new output at the header of the second switch of one listing', () => {
    const lines = toLines(mixed);
    const headers = lines.flatMap((l, i) => (/^(Switch|DVS) Name/.test(l.text) ? [i] : []));
    expect(headers).toHaveLength(3);
    expect(headers.map((i) => parser.startsAt(lines, i))).toEqual([true, false, false]);
  });

  it('starts at a switch header that follows another command\'s output', () => {
    const lines = toLines(`Name    PCI          Driver      Link Speed      Duplex MAC Address       MTU    Description\nvmnic0  0000:0f:00.0 nmlx5_core  Up   25000Mbps  Full   88:e9:a4:6b:b8:54 1500   Mellanox\n${byoi}`);
    expect(parser.startsAt(lines, 2)).toBe(true);
  });
});
