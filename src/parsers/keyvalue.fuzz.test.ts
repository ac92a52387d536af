import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { blockOf, toLines } from './types.ts';
import type { CommandKind, CommandParser, ParseResult } from './types.ts';
import { interfaceListParser } from './interface-list.ts';
import { tagGetParser } from './tag-get.ts';
import { netstackListParser } from './netstack-list.ts';
import { advcfgGetParser } from './advcfg-get.ts';
import { advancedListParser } from './advanced-list.ts';
import { vmwareVersionParser } from './vmware-version.ts';
import { systemVersionParser } from './system-version.ts';
import { esxConfParser } from './esx-conf.ts';
import { netconfigGetParser } from './netconfig-get.ts';

const parsers: readonly CommandParser<CommandKind, unknown>[] = [
  interfaceListParser,
  tagGetParser,
  netstackListParser,
  advcfgGetParser,
  advancedListParser,
  vmwareVersionParser,
  systemVersionParser,
  esxConfParser,
  netconfigGetParser,
];

// Fragments of the real outputs, so random texts reach the deeper branches and not only "nothing readable".
const fragments = fc.constantFrom(
  'vmk0',
  '   Name: vmk0',
  '   Name: vmk7',
  '   MTU: 9000',
  '   MTU: x',
  '   Enabled: maybe',
  '   Portgroup: N/A',
  'defaultTcpipStack',
  '   Key: vmotion',
  '   Tags: Management, vmotion',
  '   Tags:',
  'Value of BindToVmknic is 3',
  'Value of Vmknic is',
  '   Path: /Migrate/BindToVmknic',
  '   Type: string',
  '   Type: integer',
  '   Int Value: 99999999999999999999',
  'VMware ESXi 7.0.3 build-22348816',
  'VMware ESXi 7.0 Update 3',
  'VMware ESX 4.1.0 GA',
  '   Product: VMware ESXi',
  '   Version: 8.0.3',
  '   Build: Releasebuild-',
  '/adv/Migrate/BindToVmknic = "1"',
  '/net/vmkernelnic/child[0001]/mtu = "abc"',
  '/net/vmkernelnic/child[0001]/enable = "true"',
  '(vim.host.VMotionSystem.NetConfig) {',
  '   selectedVnic = <unset>,',
  '   selectedVnic = (vim.host.VirtualNic) {',
  '         device = "vmk1",',
  '}',
  '',
  '\t',
  '<<truncated>>',
);
const line = fc.oneof(fragments, fc.string({ maxLength: 60 }));
const structured = fc.array(line, { maxLength: 40 }).chain((ls) =>
  fc.constantFrom('\n', '\r\n', '\r').map((eol) => ls.join(eol)),
);
const text = fc.oneof(fc.string({ maxLength: 400 }), fc.string({ unit: 'binary', maxLength: 400 }), structured);
const command = fc.option(
  fc.oneof(
    fc.string({ maxLength: 80 }),
    fc.constantFrom(
      'esxcli network ip interface tag get -i',
      'esxcli network ip interface tag get --interface-name=',
      'esxcfg-advcfg -g /',
      'esxcfg-advcfg -s 3 "/Migrate/BindToVmknic',
      'esxcli system settings advanced list -o',
      "grep 'unterminated /etc/vmware/esx.conf",
    ),
  ),
  { nil: undefined },
);

function isParseResult(r: ParseResult<unknown>, maxLine: number): boolean {
  const lineOk = (n: number) => Number.isInteger(n) && n >= 1 && n <= Math.max(1, maxLine);
  if (!Array.isArray(r.warnings) || !r.warnings.every((w) => lineOk(w.line) && typeof w.message === 'string')) return false;
  if (r.ok) return r.value !== undefined;
  return lineOk(r.error.line) && r.error.message.length > 0;
}

describe('key/value parsers never throw', () => {
  for (const parser of parsers) {
    it(`${parser.kind}: parse returns a ParseResult with real line numbers for any text and command`, () => {
      fc.assert(
        fc.property(text, command, (t, c) => {
          const block = blockOf(t, c === undefined ? {} : { command: c });
          const result = parser.parse(block);
          expect(isParseResult(result, block.lines.length)).toBe(true);
        }),
        { numRuns: 300 },
      );
    });

    it(`${parser.kind}: matchesCommand and startsAt answer a boolean for any input`, () => {
      fc.assert(
        fc.property(fc.string({ maxLength: 120 }), text, fc.nat({ max: 50 }), (c, t, i) => {
          expect(typeof parser.matchesCommand(c)).toBe('boolean');
          const lines = toLines(t);
          expect(typeof parser.startsAt(lines, i)).toBe('boolean');
          expect(typeof parser.startsAt(lines, -1)).toBe('boolean');
        }),
        { numRuns: 300 },
      );
    });
  }
});
