/// <reference types="vite/client" />
/**
 * Property tests: no column-table parser throws, whatever the text, and each always answers with a ParseResult
 * (domain.md §4: parsers report, they never throw).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { esxcfgVmknicParser } from './esxcfg-vmknic.ts';
import { ipv4GetParser } from './ipv4-get.ts';
import { esxcfgRouteParser } from './esxcfg-route.ts';
import { routeIpv4ListParser } from './route-ipv4-list.ts';
import { esxcfgVswitchParser } from './esxcfg-vswitch.ts';
import { esxcfgNicsParser } from './esxcfg-nics.ts';
import { blockOf, toLines } from './types.ts';
import type { CommandParser, ParseResult } from './types.ts';
import type { CommandKind } from './types.ts';
import vmknic from './__fixtures__/esxcfg-vmknic/shifted-na-multi-ipv6.txt?raw';
import ipv4 from './__fixtures__/ipv4-get/equinix-65.txt?raw';
import route from './__fixtures__/esxcfg-route/gateway-and-list.txt?raw';
import routeList from './__fixtures__/route-ipv4-list/dhcp-multi.txt?raw';
import vswitch from './__fixtures__/esxcfg-vswitch/mixed-long-names.txt?raw';
import nics from './__fixtures__/esxcfg-nics/long-speed-half.txt?raw';

const PARSERS: readonly [string, CommandParser<CommandKind, unknown>, string][] = [
  ['esxcfg-vmknic', esxcfgVmknicParser, vmknic],
  ['ipv4-get', ipv4GetParser, ipv4],
  ['esxcfg-route', esxcfgRouteParser, route],
  ['route-ipv4-list', routeIpv4ListParser, routeList],
  ['esxcfg-vswitch', esxcfgVswitchParser, vswitch],
  ['esxcfg-nics', esxcfgNicsParser, nics],
];

const WORDS = [
  'Interface', 'Port Group/DVPort/Opaque Network', 'Port_Group', 'IP Family', 'IP Address', 'Netmask', 'Broadcast',
  'MAC Address', 'MTU', 'TSO MSS', 'Enabled', 'Type', 'NetStack', 'Name', 'IPv4 Address', 'IPv4 Netmask',
  'IPv4 Broadcast', 'Address Type', 'Gateway', 'DHCP DNS', 'Network', 'Source', 'VMkernel Routes:',
  'VMkernel default gateway is', 'Local Subnet', 'default', 'Switch Name', 'DVS Name', 'Num Ports', 'Used Ports',
  'Configured Ports', 'Uplinks', 'PortGroup Name', 'VLAN ID', 'DVPort ID', 'In Use', 'Client', 'PCI', 'Driver',
  'Link Speed', 'Duplex', 'Description', 'vmk0', 'vmk10', 'vmnic0', 'IPv4', 'IPv6', '10.0.0.1', '255.255.255.0',
  '0.0.0.0', 'fe80::1', '64', '00:50:56:aa:bb:cc', '1500', '65535', 'true', 'false', 'STATIC,', 'PREFERRED',
  'defaultTcpipStack', 'vmotion', 'Up', '25000Mbps', 'Full', 'N/A', '----', '```', '[root@esx01:~]', '~ #',
  'vmnic0,vmnic1', 'MANUAL', '0000:0f:00.0', 'ad451e93-a608-48ac-8099-84fbb44f3a23', 'é', '漢字', '🙂',
];
const SEPARATORS = [' ', '  ', '      ', '\t', '\n', '\r\n', '_', ''];

const wordSoup = fc
  .array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...SEPARATORS)), { maxLength: 200 })
  .map((parts) => parts.map(([w, s]) => w + s).join(''));

/** A real fixture with random characters deleted, inserted or lines shuffled: near-misses of every rule. */
function damaged(fixture: string): fc.Arbitrary<string> {
  const edit = fc.oneof(
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 20 }) }),
    fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom(...WORDS, ...SEPARATORS) }),
    fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), with: fc.nat() }),
  );
  return fc.array(edit, { minLength: 1, maxLength: 8 }).map((edits) => {
    let text = fixture;
    for (const e of edits) {
      if (e.kind === 'delete') {
        const at = e.at % (text.length + 1);
        text = text.slice(0, at) + text.slice(at + e.length);
      } else if (e.kind === 'insert') {
        const at = e.at % (text.length + 1);
        text = text.slice(0, at) + e.text + text.slice(at);
      } else {
        const lines = text.split('\n');
        const a = e.at % lines.length;
        const b = e.with % lines.length;
        [lines[a], lines[b]] = [lines[b] ?? '', lines[a] ?? ''];
        text = lines.join('\n');
      }
    }
    return text;
  });
}

function isParseResult(result: ParseResult<unknown>): boolean {
  if (!Array.isArray(result.warnings)) return false;
  if (!result.warnings.every((w) => Number.isInteger(w.line) && typeof w.message === 'string' && w.message !== '')) return false;
  return result.ok ? result.value !== undefined : Number.isInteger(result.error.line) && result.error.message !== '';
}

const commands = fc.oneof(fc.string(), wordSoup, fc.constantFrom('esxcfg-vmknic -l', 'esxcli network ip route ipv4 list -N vmotion', 'esxcfg-route -N'));

describe.each(PARSERS)('%s never throws', (_name, parser, fixture) => {
  const check = (text: string, command?: string): void => {
    const result = parser.parse(blockOf(text, command === undefined ? {} : { command }));
    expect(isParseResult(result)).toBe(true);
    const lines = toLines(text);
    for (let i = 0; i < Math.min(lines.length, 50); i++) expect(typeof parser.startsAt(lines, i)).toBe('boolean');
  };

  it('on arbitrary unicode text and command lines', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), commands, (text, command) => {
        check(text, command);
        expect(typeof parser.matchesCommand(command)).toBe('boolean');
      }),
      { numRuns: 150 },
    );
  });

  it('on random mixes of header words, values and separators', () => {
    fc.assert(
      fc.property(wordSoup, (text) => check(text)),
      { numRuns: 150 },
    );
  });

  it('on damaged copies of a real output', () => {
    fc.assert(
      fc.property(damaged(fixture), (text) => check(text)),
      { numRuns: 150 },
    );
  });

  it('on very long lines under a real header', () => {
    const header = fixture.split('\n').slice(0, 2).join('\n');
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...WORDS), { minLength: 100, maxLength: 600 }), (words) => {
        check(`${header}\n${words.join(' ')}\n${words.join('')}`);
      }),
      { numRuns: 20 },
    );
  });
});
