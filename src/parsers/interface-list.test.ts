/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { blockOf, toLines } from './types.ts';
import { interfaceListParser as parser } from './interface-list.ts';
import esxi70 from './__fixtures__/interface-list/esxi70-standard.txt?raw';
import esxi67Dvs from './__fixtures__/interface-list/esxi67-dvs.txt?raw';
import esxi50 from './__fixtures__/interface-list/esxi50.txt?raw';
import squeezed from './__fixtures__/interface-list/squeezed-web.txt?raw';
import truncated from './__fixtures__/interface-list/truncated.txt?raw';
import tabs from './__fixtures__/interface-list/tabs-blog.txt?raw';

const parse = (text: string) => parser.parse(blockOf(text, { file: 'case.txt' }));

describe('interfaceListParser.matchesCommand', () => {
  it('accepts esxcli and localcli, -N, extra spaces and a pipe', () => {
    expect(parser.matchesCommand('esxcli network ip interface list')).toBe(true);
    expect(parser.matchesCommand('localcli network ip interface list')).toBe(true);
    expect(parser.matchesCommand('esxcli  network  ip interface list -N vmotion')).toBe(true);
    expect(parser.matchesCommand('esxcli network ip interface list --netstack=vmotion | more')).toBe(true);
  });

  it('rejects sibling and set commands', () => {
    expect(parser.matchesCommand('esxcli network ip interface ipv4 get')).toBe(false);
    expect(parser.matchesCommand('esxcli network ip interface tag get -i vmk0')).toBe(false);
    expect(parser.matchesCommand('esxcli network ip interface set -i vmk1 -m 9000')).toBe(false);
    expect(parser.matchesCommand('esxcli network ip interface add -i vmk2 -p PG')).toBe(false);
    expect(parser.matchesCommand('esxcfg-vmknic -l')).toBe(false);
  });
});

describe('interfaceListParser.startsAt', () => {
  const lines = toLines(esxi70);

  it('recognises a vmkN line followed by "Name: vmkN" as the start of the output', () => {
    expect(parser.startsAt(lines, 0)).toBe(true);
  });

  it('does not restart the output at the second vmknic of the same listing', () => {
    const second = lines.findIndex((l) => l.text === 'vmk1');
    expect(second).toBeGreaterThan(0);
    expect(parser.startsAt(lines, second)).toBe(false);
  });

  it('needs the Name line right after the head', () => {
    expect(parser.startsAt(toLines('vmk0\n   MTU: 1500'), 0)).toBe(false);
    expect(parser.startsAt(toLines('   Name: vmk0'), 0)).toBe(false);
  });

  it('starts after an unrelated line even when a listing preceded it earlier', () => {
    const mixed = toLines('Interface  Port Group\nvmk0\n   Name: vmk0');
    expect(parser.startsAt(mixed, 1)).toBe(true);
  });
});

describe('interfaceListParser.parse', () => {
  it('reads the 7.0 layout of domain.md §4.2 with N/A read as absent', () => {
    const r = parse(esxi70);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.warnings).toEqual([]);
    expect(r.value).toEqual([
      {
        name: 'vmk0',
        mac: '00:50:56:6c:01:11',
        enabled: true,
        portset: 'vSwitch0',
        portgroup: 'Management',
        netstack: 'defaultTcpipStack',
        mtu: 1500,
        ref: { file: 'case.txt', line: 1, text: 'vmk0' },
      },
      {
        name: 'vmk1',
        mac: '00:50:56:6a:2b:3c',
        enabled: true,
        portset: 'vSwitch1',
        portgroup: 'vMotion-Stack',
        netstack: 'vmotion',
        mtu: 9000,
        ref: { file: 'case.txt', line: 20, text: 'vmk1' },
      },
    ]);
    expect(r.value[0]).not.toHaveProperty('vdsName');
  });

  it('reads DVS and NSX blocks: DvsPortset, no port group, VDS name and port, opaque network, disabled', () => {
    const r = parse(esxi67Dvs);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const [, vmk2, vmk10] = r.value;
    expect(vmk2).toMatchObject({ name: 'vmk2', enabled: false, portset: 'DvsPortset-0', vdsName: 'DSwitch-Prod', vdsPort: '16', mtu: 9000 });
    expect(vmk2).not.toHaveProperty('portgroup');
    expect(vmk10).toMatchObject({
      name: 'vmk10',
      netstack: 'vxlan',
      vdsName: 'nsxvswitch',
      opaqueNetworkId: 'ad451e93-a608-48ac-8099-84fbb44f3a23',
      mtu: 1600,
    });
  });

  it('reads the 5.0 layout, which has no Netstack Instance', () => {
    const r = parse(esxi50);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.map((e) => e.name)).toEqual(['vmk0', 'vmk1']);
    expect(r.value[1]).toMatchObject({ portgroup: 'VMkernel', portset: 'vSwitch0', mtu: 1500 });
    expect(r.value[1]).not.toHaveProperty('netstack');
  });

  it('reads a web paste with one-space indentation, keeps a name-only block and warns about the truncation mark', () => {
    const r = parse(squeezed);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.map((e) => e.name)).toEqual(['vmk0', 'vmk1']);
    expect(r.value[1]).toMatchObject({ portset: 'DvsPortset-0', vdsName: 'vDS', vdsPort: '16', mtu: 9000 });
    expect(r.warnings).toEqual([{ line: 3, message: expect.stringContaining('<<truncated>>') }]);
  });

  it('reads tab-indented blog pastes', () => {
    const r = parse(tabs);
    expect(r.ok && r.value.map((e) => [e.name, e.portgroup, e.netstack])).toEqual([
      ['vmk0', 'Management Network', 'defaultTcpipStack'],
      ['vmk1', 'vMotion', 'defaultTcpipStack'],
    ]);
  });

  it('gives the same records for CRLF line ends', () => {
    const lf = parse(esxi70);
    const crlf = parse(esxi70.replace(/\n/g, '\r\n'));
    expect(crlf).toEqual(lf);
  });

  it('skips a truncated block without a name and warns about damaged values on their own lines', () => {
    const r = parse(truncated);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toHaveLength(1);
    expect(r.value[0]).toMatchObject({ name: 'vmk1', portgroup: 'vMotion' });
    expect(r.value[0]).not.toHaveProperty('enabled');
    expect(r.value[0]).not.toHaveProperty('mtu');
    const lines = r.warnings.map((w) => w.line);
    expect(lines).toContain(1); // block without a name
    expect(lines).toContain(8); // Enabled: yes please
    expect(lines).toContain(12); // MTU: 90O0
  });

  it('fails with a sentence naming the expected layout when nothing is readable', () => {
    const r = parse('Interface  Port Group/DVPort   IP Family IP Address\nvmk0       Management Network  IPv4  10.0.0.1');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.line).toBe(1);
    expect(r.error.message).toMatch(/"vmkN" line followed by "Name: vmkN"/);
  });

  it('fails on an empty block', () => {
    expect(parse('').ok).toBe(false);
  });
});
