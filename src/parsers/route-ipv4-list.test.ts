/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { routeIpv4ListParser as parser } from './route-ipv4-list.ts';
import { blockOf, toLines } from './types.ts';
import type { RouteTable } from './records.ts';
import byoi from './__fixtures__/route-ipv4-list/byoi-70u3.txt?raw';
import vmotionStack from './__fixtures__/route-ipv4-list/vmotion-stack.txt?raw';
import dhcpMulti from './__fixtures__/route-ipv4-list/dhcp-multi.txt?raw';

function parse(text: string, command?: string) {
  return parser.parse(blockOf(text, { file: 'routes.txt', ...(command !== undefined ? { command } : {}) }));
}

function table(text: string, command?: string): RouteTable {
  const result = parse(text, command);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('esxcli network ip route ipv4 list (domain.md §4.6)', () => {
  it('reads the verbatim 7.0 U3 table: default as 0.0.0.0, connected routes with gateway 0.0.0.0, Source kept', () => {
    const t = table(byoi, 'esxcli network ip route ipv4 list');
    expect(t.format).toBe('esxcli');
    expect(t).not.toHaveProperty('netstack');
    expect(t.routes.map(({ ref, ...r }) => ({ ...r, line: ref.line }))).toEqual([
      { network: '0.0.0.0', netmask: '0.0.0.0', gateway: '172.26.64.1', interface: 'vmk0', source: 'MANUAL', line: 3 },
      { network: '172.26.64.0', netmask: '255.255.255.192', gateway: '0.0.0.0', interface: 'vmk0', source: 'MANUAL', line: 4 },
    ]);
  });

  it('names the stack of a -N, --netstack or localcli listing', () => {
    expect(table(vmotionStack, 'esxcli network ip route ipv4 list -N vmotion').netstack).toBe('vmotion');
    expect(table(vmotionStack, 'esxcli network ip route ipv4 list --netstack=vmotion').netstack).toBe('vmotion');
    expect(table(vmotionStack, 'localcli network ip route ipv4 list --netstack vmotion').netstack).toBe('vmotion');
    expect(table(vmotionStack, 'esxcli network ip route ipv4 list -N vmotion').routes.map((r) => r.interface)).toEqual(['vmk2', 'vmk2']);
  });

  it('keeps the printed order, duplicates for two vmknics in one subnet, DHCP sources and static routes', () => {
    expect(table(dhcpMulti).routes.map((r) => `${r.network}/${r.netmask} ${r.gateway} ${r.interface} ${r.source ?? ''}`)).toEqual([
      '0.0.0.0/0.0.0.0 192.168.8.1 vmk0 DHCP',
      '10.10.10.0/255.255.255.0 0.0.0.0 vmk1 MANUAL',
      '192.168.8.0/255.255.255.0 0.0.0.0 vmk0 MANUAL',
      '192.168.8.0/255.255.255.0 0.0.0.0 vmk3 MANUAL',
      '172.16.100.0/255.255.252.0 10.10.10.254 vmk1 MANUAL',
    ]);
  });

  it('drops a last row cut before its Source (its Interface may be cut too: vmk1 of vmk10)', () => {
    const text = `${byoi.trimEnd()}\n10.10.0.0    255.255.0.0      0.0.0.0      vmk1`;
    expect(table(text).routes).toHaveLength(2);
    expect(parse(text).warnings).toEqual([{ line: 5, message: 'row does not match the header: the row ends before column Source (was it cut off?)' }]);
  });

  it('keeps a default route printed with a netmask other than 0.0.0.0, its netmask unknown', () => {
    const text = `${byoi.trimEnd()}\ndefault      255.255.255.0    10.0.0.1     vmk1       MANUAL`;
    expect(table(text).routes).toHaveLength(3);
    expect(table(text).routes[2]).not.toHaveProperty('netmask');
    expect(parse(text).warnings[0]?.message).toContain('the default route has netmask 255.255.255.0');
  });

  it('reads a squeezed paste with the ruler squeezed too', () => {
    const squeezed = byoi.replace(/ +/g, ' ');
    const withoutText = (t: RouteTable) => t.routes.map(({ ref, ...r }) => ({ ...r, line: ref.line }));
    expect(withoutText(table(squeezed))).toEqual(withoutText(table(byoi)));
  });

  it('fails with a sentence without a header', () => {
    const result = parse('default      0.0.0.0          172.26.64.1  vmk0       MANUAL');
    expect(result.ok).toBe(false);
  });
});

describe('route ipv4 list command and bare-output recognition', () => {
  it('matches the list form only', () => {
    expect(parser.matchesCommand('esxcli network ip route ipv4 list')).toBe(true);
    expect(parser.matchesCommand('localcli  network ip route ipv4 list  -N vmotion | less')).toBe(true);
    expect(parser.matchesCommand('esxcli network ip route ipv4 add -n 10.0.0.0/24 -g 10.1.1.1')).toBe(false);
    expect(parser.matchesCommand('esxcli network ip route ipv6 list')).toBe(false);
    expect(parser.matchesCommand('esxcli network ip route ipv4 list -N')).toBe(false);
    expect(parser.matchesCommand('esxcfg-route -l')).toBe(false);
  });

  it('starts at a header with Source or a ruler, not at esxcfg-route\'s', () => {
    expect(parser.startsAt(toLines(byoi), 0)).toBe(true);
    expect(parser.startsAt(toLines(byoi), 2)).toBe(false);
    expect(parser.startsAt(toLines('Network          Netmask          Gateway          Interface\n10.0.0.0  255.0.0.0  Local Subnet  vmk0'), 0)).toBe(false);
  });
});
