/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { esxcfgRouteParser as parser } from './esxcfg-route.ts';
import { blockOf, toLines } from './types.ts';
import type { RouteTable } from './records.ts';
import byoiGateway from './__fixtures__/esxcfg-route/byoi-gateway.txt?raw';
import byoiList from './__fixtures__/esxcfg-route/byoi-list.txt?raw';
import elatov50 from './__fixtures__/esxcfg-route/elatov-50.txt?raw';
import vcapSqueezed from './__fixtures__/esxcfg-route/vcap-static-squeezed.txt?raw';
import obfuscated from './__fixtures__/esxcfg-route/obfuscated-no-interface.txt?raw';
import gatewayAndList from './__fixtures__/esxcfg-route/gateway-and-list.txt?raw';

function parse(text: string, command?: string) {
  return parser.parse(blockOf(text, { file: 'route.txt', ...(command !== undefined ? { command } : {}) }));
}

function table(text: string, command?: string): RouteTable {
  const result = parse(text, command);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** Routes as `network/netmask gateway interface @line`, in printed order. */
function routes(t: RouteTable): string[] {
  return t.routes.map((r) => `${r.network}/${r.netmask} ${r.gateway} ${r.interface} @${r.ref.line}`);
}

describe('esxcfg-route (domain.md §4.5)', () => {
  it('reads the default gateway sentence of plain esxcfg-route', () => {
    expect(table(byoiGateway, 'esxcfg-route')).toEqual({
      format: 'esxcfg-route',
      routes: [],
      defaultGateway: { address: '172.26.64.1', ref: { file: 'route.txt', line: 1, text: 'VMkernel default gateway is 172.26.64.1' } },
    });
  });

  it('reads the -l table: Local Subnet as gateway 0.0.0.0, default as network 0.0.0.0', () => {
    const t = table(byoiList, 'esxcfg-route -l');
    expect(routes(t)).toEqual(['172.26.64.0/255.255.255.192 0.0.0.0 vmk0 @3', '0.0.0.0/0.0.0.0 172.26.64.1 vmk0 @4']);
    expect(t.format).toBe('esxcfg-route');
    expect(t).not.toHaveProperty('netstack');
    expect(t.routes[0]).not.toHaveProperty('source');
  });

  it('reads the narrower, tab-indented 5.0 table', () => {
    expect(routes(table(elatov50))).toEqual(['10.0.1.0/255.255.255.0 0.0.0.0 vmk0 @3', '0.0.0.0/0.0.0.0 10.0.1.2 vmk0 @4']);
  });

  it('keeps the printed order of a squeezed table with a static route first', () => {
    expect(routes(table(vcapSqueezed))).toEqual([
      '10.12.10.0/255.255.255.0 192.168.1.2 vmk1 @3',
      '192.168.0.0/255.255.255.0 0.0.0.0 vmk0 @4',
      '192.168.1.0/255.255.255.0 0.0.0.0 vmk1 @5',
      '192.168.3.0/255.255.255.0 0.0.0.0 vmk2 @6',
      '0.0.0.0/0.0.0.0 192.168.0.1 vmk0 @7',
    ]);
  });

  it('reads the gateway sentence and the table from one block', () => {
    const t = table(gatewayAndList);
    expect(t.defaultGateway?.address).toBe('10.1.1.1');
    expect(routes(t)).toHaveLength(4);
    expect(t.routes[2]).toMatchObject({ network: '10.99.0.0', netmask: '255.255.0.0', gateway: '10.2.2.254', interface: 'vmk1' });
  });

  it('keeps a route for two vmknics in one subnet as printed: one Local Subnet line naming the first', () => {
    const text = [
      'VMkernel Routes:',
      'Network          Netmask          Gateway          Interface',
      '10.0.1.0         255.255.255.0    Local Subnet     vmk0',
      'default          0.0.0.0          10.0.1.2         vmk0',
    ].join('\n');
    expect(table(text).routes.map((r) => r.interface)).toEqual(['vmk0', 'vmk0']);
  });

  it('joins a route whose interface an 80-column terminal cut (vmk1|0), and only then', () => {
    const padded = `${'10.99.0.0        255.255.0.0      10.2.2.254'.padEnd(76)}vmk10`;
    expect(padded.length).toBe(81);
    const text = ['VMkernel Routes:', 'Network          Netmask          Gateway          Interface', padded.slice(0, 80), padded.slice(80)].join('\n');
    expect(table(text).routes.map((r) => r.interface)).toEqual(['vmk10']);
    expect(parse(text).warnings).toEqual([]);
    // The same row, not cut at a terminal width, keeps vmk1 and reports the stray line.
    const stray = ['VMkernel Routes:', 'Network          Netmask          Gateway          Interface', '10.99.0.0        255.255.0.0      10.2.2.254       vmk1', '0'].join('\n');
    expect(table(stray).routes.map((r) => r.interface)).toEqual(['vmk1']);
    expect(parse(stray).warnings.map((w) => w.line)).toEqual([4]);
  });

  it('names the netstack given by -N on the command line', () => {
    expect(table(byoiList, 'esxcfg-route -l -N vmotion').netstack).toBe('vmotion');
    expect(table(byoiList, 'esxcfg-route --netstack=vSphereProvisioning -l').netstack).toBe('vSphereProvisioning');
  });

  it('reads the ESX 4.x table with a misprinted Netmask title, no Interface column and O for 0 (ELATOV 2012)', () => {
    const result = parse(obfuscated);
    expect(result.ok).toBe(true);
    expect(routes(table(obfuscated))).toEqual([
      '10.178.46.0/255.255.255.240 0.0.0.0 undefined @3',
      '10.178.47.0/255.255.255.128 0.0.0.0 undefined @4',
      '0.0.0.0/0.0.0.0 10.178.47.1 undefined @5',
    ]);
    const messages = result.warnings.map((w) => `${w.line}: ${w.message}`);
    expect(messages).toContain('2: damaged header: the second "Network" read as Netmask (the header names Network twice); check the values of that column');
    expect(messages.some((m) => m.startsWith('2: the route table has no Interface column'))).toBe(true);
    expect(messages).toContain('3: Network of the route on this line is printed "1O.178.46.O" and read as 10.178.46.0 (O as 0: a font or OCR look-alike)');
  });

  it('keeps every row, leaving unknown only what is damaged: an IPv6 network, a letter inside an octet, a cut gateway', () => {
    const text = [
      'VMkernel Routes:',
      'Network          Netmask          Gateway          Interface',
      '10.0.1.0         255.255.255.0    Local Subnet     vmk0',
      '10.0.x.0         255.255.255.0    Local Subnet     vmk1',
      '10.0.O.0         255.255.255.0    Local Subnet     vmk1',
      'default          0.0.0.0          10.0.1',
    ].join('\n');
    expect(routes(table(text))).toEqual([
      '10.0.1.0/255.255.255.0 0.0.0.0 vmk0 @3',
      'undefined/255.255.255.0 0.0.0.0 vmk1 @4',
      '10.0.0.0/255.255.255.0 0.0.0.0 vmk1 @5',
    ]);
    expect(parse(text).warnings.map((w) => w.line)).toEqual([4, 5, 6]);
  });

  it('fails when neither the gateway sentence nor a table is there', () => {
    const result = parse('esxcfg-route: unknown option');
    expect(result.ok).toBe(false);
  });
});

describe('esxcfg-route command and bare-output recognition', () => {
  it('matches the listing forms only', () => {
    expect(parser.matchesCommand('esxcfg-route')).toBe(true);
    expect(parser.matchesCommand('esxcfg-route -l')).toBe(true);
    expect(parser.matchesCommand('esxcfg-route -l -N vmotion | more')).toBe(true);
    expect(parser.matchesCommand('esxcfg-route 10.0.0.1')).toBe(false);
    expect(parser.matchesCommand('esxcfg-route -a 10.12.10.0/24 192.168.1.2')).toBe(false);
    expect(parser.matchesCommand('esxcfg-route -d 10.12.10.0/24 192.168.1.2')).toBe(false);
    expect(parser.matchesCommand('esxcfg-route -n')).toBe(false);
    expect(parser.matchesCommand('esxcfg-route -f V6 -l')).toBe(false);
    expect(parser.matchesCommand('esxcli network ip route ipv4 list')).toBe(false);
  });

  it('starts at the gateway sentence, at "VMkernel Routes:", or at a bare header without Source and ruler', () => {
    expect(parser.startsAt(toLines(byoiGateway), 0)).toBe(true);
    expect(parser.startsAt(toLines(byoiList), 0)).toBe(true);
    expect(parser.startsAt(toLines(byoiList), 1)).toBe(false);
    expect(parser.startsAt(toLines(byoiList.split('\n').slice(1).join('\n')), 0)).toBe(true);
    expect(parser.startsAt(toLines('Network      Netmask          Gateway      Interface  Source\n-----------  -------  ---  ---  ---'), 0)).toBe(false);
    expect(parser.startsAt(toLines('Network Destination        Netmask          Gateway       Interface  Metric'), 0)).toBe(false);
  });
});
