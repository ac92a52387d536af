/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { blockOf, toLines } from './types.ts';
import { tagGetParser as parser } from './tag-get.ts';
import management from './__fixtures__/tag-get/management.txt?raw';
import managementVmotion from './__fixtures__/tag-get/management-vmotion.txt?raw';
import empty from './__fixtures__/tag-get/empty.txt?raw';
import mixed from './__fixtures__/tag-get/mixed-spelling.txt?raw';

const parse = (text: string, command?: string) =>
  parser.parse(blockOf(text, { file: 'tags.txt', ...(command !== undefined ? { command } : {}) }));

describe('tagGetParser.matchesCommand', () => {
  it('accepts short and long interface options and localcli', () => {
    expect(parser.matchesCommand('esxcli network ip interface tag get -i vmk0')).toBe(true);
    expect(parser.matchesCommand('esxcli network ip interface tag get --interface-name=vmk1')).toBe(true);
    expect(parser.matchesCommand('localcli  network ip interface tag get --interface-name vmk1')).toBe(true);
  });

  it('rejects tag add/remove, which change the host', () => {
    expect(parser.matchesCommand('esxcli network ip interface tag add -i vmk1 -t VMotion')).toBe(false);
    expect(parser.matchesCommand('esxcli network ip interface tag remove -i vmk0 -t VMotion')).toBe(false);
    expect(parser.matchesCommand('esxcli network ip interface list')).toBe(false);
  });
});

describe('tagGetParser.startsAt', () => {
  it('recognises a lone Tags line', () => {
    expect(parser.startsAt(toLines(management), 0)).toBe(true);
    expect(parser.startsAt(toLines('VMkernel default gateway is 10.0.0.1\n   Tags: VMotion'), 1)).toBe(true);
    expect(parser.startsAt(toLines('   Name: vmk0'), 0)).toBe(false);
  });

  it('does not start inside another key/value block that happens to carry a Tags field', () => {
    const lines = toLines('vmk1\n   Name: vmk1\n   IPv6 Enabled: false\n   Tags: VSAN');
    expect(parser.startsAt(lines, 3)).toBe(false);
    expect(parser.startsAt(toLines('\n   Tags: VSAN'), 1)).toBe(true);
    expect(parser.startsAt(toLines('   Tags: Management\n   Tags: VMotion'), 1)).toBe(true);
  });
});

describe('tagGetParser.parse', () => {
  it('takes the vmknic from the short -i option (domain.md §4.4)', () => {
    const r = parse(management, 'esxcli network ip interface tag get -i vmk0');
    expect(r).toEqual({
      ok: true,
      value: { vmknic: 'vmk0', tags: ['Management'], ref: { file: 'tags.txt', line: 1, text: '   Tags: Management' } },
      warnings: [],
    });
  });

  it('takes the vmknic from --interface-name=vmkN and reads comma-separated tags', () => {
    const r = parse(managementVmotion, 'esxcli network ip interface tag get --interface-name=vmk1');
    expect(r.ok && r.value).toMatchObject({ vmknic: 'vmk1', tags: ['Management', 'VMotion'] });
  });

  it('reads an empty Tags line as no tags', () => {
    const r = parse(empty, 'esxcli network ip interface tag get -i vmk3');
    expect(r.ok && r.value).toMatchObject({ vmknic: 'vmk3', tags: [] });
  });

  it('normalises tag spelling and keeps unknown tags verbatim', () => {
    const r = parse(mixed, 'esxcli network ip interface tag get -i vmk2');
    expect(r.ok && r.value.tags).toEqual(['VMotion', 'VSAN', 'vSphereProvisioning', 'faultToleranceLogging', 'NewFancyTag']);
  });

  it('leaves the vmknic absent and warns when the command line was not pasted', () => {
    const r = parse(management);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).not.toHaveProperty('vmknic');
    expect(r.value.tags).toEqual(['Management']);
    expect(r.warnings).toEqual([{ line: 1, message: expect.stringContaining('vmknic these tags belong to is unknown') }]);
  });

  it('never takes a vmknic name from the output itself', () => {
    const r = parse('vmk4\n   Tags: VMotion');
    expect(r.ok && r.value).not.toHaveProperty('vmknic');
  });

  it('reads CRLF and tab-separated output', () => {
    const r = parse('\tTags:\tManagement,\tVMotion\r\n', 'esxcli network ip interface tag get -i vmk0');
    expect(r.ok && r.value.tags).toEqual(['Management', 'VMotion']);
  });

  it('warns about a second Tags line and keeps the first', () => {
    const r = parse('   Tags: Management\n   Tags: VMotion', 'esxcli network ip interface tag get -i vmk0');
    expect(r.ok && r.value.tags).toEqual(['Management']);
    expect(r.warnings.map((w) => w.line)).toEqual([2]);
  });

  it('fails with a clear sentence when there is no Tags line (e.g. an error message)', () => {
    const r = parse('Invalid Interface: vmk9 does not exist', 'esxcli network ip interface tag get -i vmk9');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toEqual({ line: 1, message: expect.stringMatching(/No "Tags:" line found/) });
  });
});
