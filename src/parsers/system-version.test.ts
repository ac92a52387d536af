/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { blockOf, toLines } from './types.ts';
import { systemVersionParser as parser } from './system-version.ts';
import esxi803 from './__fixtures__/system-version/esxi803.txt?raw';
import esxi670 from './__fixtures__/system-version/esxi670.txt?raw';

const parse = (text: string) => parser.parse(blockOf(text, { file: 'sv.txt' }));

describe('systemVersionParser.matchesCommand', () => {
  it('accepts esxcli and localcli system version get', () => {
    expect(parser.matchesCommand('esxcli system version get')).toBe(true);
    expect(parser.matchesCommand('localcli  system version get | more')).toBe(true);
  });

  it('rejects other system commands', () => {
    expect(parser.matchesCommand('esxcli system hostname get')).toBe(false);
    expect(parser.matchesCommand('esxcli system version')).toBe(false);
    expect(parser.matchesCommand('vmware -vl')).toBe(false);
  });
});

describe('systemVersionParser.startsAt', () => {
  it('needs Product followed by Version', () => {
    expect(parser.startsAt(toLines(esxi803), 0)).toBe(true);
    expect(parser.startsAt(toLines(esxi803), 1)).toBe(false);
    expect(parser.startsAt(toLines('   Product: VMware ESXi\n   Build: Releasebuild-1'), 0)).toBe(false);
  });
});

describe('systemVersionParser.parse', () => {
  it('reads the 8.0 U3 layout of domain.md §4.11, keeping the build number only', () => {
    const r = parse(esxi803);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.warnings).toEqual([]);
    expect(r.value).toMatchObject({ product: 'VMware ESXi', version: '8.0.3', build: '24859861', update: '3' });
    expect(r.value.refs.map((ref) => ref.line)).toEqual([1, 2, 3, 4]);
  });

  it('reads 6.7 U3', () => {
    expect(parse(esxi670)).toMatchObject({ ok: true, value: { version: '6.7.0', build: '14320388', update: '3' } });
  });

  it('reads tabs, CRLF, no indentation and a plain build number', () => {
    const r = parse('Product:\tVMware ESXi\r\nVersion:\t7.0.3\r\nBuild:\t21930508\r\nUpdate:\t3\r\n');
    expect(r.ok && r.value).toMatchObject({ version: '7.0.3', build: '21930508', update: '3' });
  });

  it('assumes VMware ESXi with a warning when the Product line is missing', () => {
    const r = parse('   Version: 7.0.3\n   Build: Releasebuild-22348816');
    expect(r.ok && r.value.product).toBe('VMware ESXi');
    expect(r.warnings).toHaveLength(1);
  });

  it('does not merge a second host\'s block', () => {
    const r = parse(`${esxi803}${esxi670}`);
    expect(r.ok && r.value.version).toBe('8.0.3');
    expect(r.warnings.map((w) => w.line)).toEqual([6]);
  });

  it('fails with a clear sentence when there is no Version line', () => {
    const r = parse('Error: Unknown command or namespace system version gte');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message).toMatch(/"Version: 8\.0\.3"/);
  });
});
