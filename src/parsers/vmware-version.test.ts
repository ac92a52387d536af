/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { blockOf, toLines } from './types.ts';
import { vmwareVersionParser as parser } from './vmware-version.ts';
import vl703 from './__fixtures__/vmware-version/vl-703.txt?raw';
import vl650u1 from './__fixtures__/vmware-version/vl-650u1.txt?raw';
import vl550ga from './__fixtures__/vmware-version/vl-550ga.txt?raw';
import l600u3 from './__fixtures__/vmware-version/l-600u3.txt?raw';
import vEsx41 from './__fixtures__/vmware-version/v-esx41.txt?raw';
import v803 from './__fixtures__/vmware-version/v-803.txt?raw';

const parse = (text: string) => parser.parse(blockOf(text, { file: 'ver.txt' }));

describe('vmwareVersionParser.matchesCommand', () => {
  it('accepts -v, -l, -vl, -lv, -v -l and long forms', () => {
    for (const c of ['vmware -v', 'vmware -l', 'vmware -vl', 'vmware -lv', 'vmware -v -l', 'vmware --version', '/bin/vmware  -vl']) {
      expect(parser.matchesCommand(c)).toBe(true);
    }
  });

  it('rejects other vmware invocations and unrelated commands', () => {
    expect(parser.matchesCommand('vmware')).toBe(false);
    expect(parser.matchesCommand('vmware -x')).toBe(false);
    expect(parser.matchesCommand('vmware-toolbox-cmd -v')).toBe(false);
    expect(parser.matchesCommand('esxcli system version get')).toBe(false);
  });
});

describe('vmwareVersionParser.startsAt', () => {
  it('starts at the first line of a -vl pair but not at its second line', () => {
    const lines = toLines(vl703);
    expect(parser.startsAt(lines, 0)).toBe(true);
    expect(parser.startsAt(lines, 1)).toBe(false);
  });

  it('starts again at another host\'s version line, even one of the same release', () => {
    const lines = toLines(`${vl703}VMware ESXi 7.0.3 build-21930508\nVMware ESXi 7.0 Update 3\nVMware ESXi 6.5.0 Update 1\n`);
    expect(parser.startsAt(lines, 2)).toBe(true);
    expect(parser.startsAt(lines, 3)).toBe(false);
    expect(parser.startsAt(lines, 4)).toBe(true);
  });

  it('rejects prose that merely mentions VMware ESXi', () => {
    expect(parser.startsAt(toLines('VMware ESXi is a hypervisor'), 0)).toBe(false);
    expect(parser.startsAt(toLines('   Product: VMware ESXi'), 0)).toBe(false);
  });
});

describe('vmwareVersionParser.parse', () => {
  it('reads the verbatim -vl pair of domain.md §4.11 (BYOI 7.0 U3)', () => {
    expect(parse(vl703)).toEqual({
      ok: true,
      value: {
        product: 'VMware ESXi',
        version: '7.0.3',
        update: '3',
        build: '22348816',
        refs: [
          { file: 'ver.txt', line: 1, text: 'VMware ESXi 7.0.3 build-22348816' },
          { file: 'ver.txt', line: 2, text: 'VMware ESXi 7.0 Update 3' },
        ],
      },
      warnings: [],
    });
  });

  it('reads 6.5.0 Update 1 and 5.5.0 GA (GA read as update 0)', () => {
    expect(parse(vl650u1)).toMatchObject({ ok: true, value: { version: '6.5.0', update: '1', build: '5969303' } });
    expect(parse(vl550ga)).toMatchObject({ ok: true, value: { version: '5.5.0', update: '0', build: '1331820' } });
  });

  it('reads -l alone (version only as far as printed, no build)', () => {
    const r = parse(l600u3);
    expect(r.ok && r.value).toEqual({
      product: 'VMware ESXi',
      version: '6.0.0',
      update: '3',
      refs: [{ file: 'ver.txt', line: 1, text: 'VMware ESXi 6.0.0 Update 3' }],
    });
    const short = parse('VMware ESXi 7.0 Update 3');
    expect(short.ok && short.value.version).toBe('7.0');
  });

  it('reads -v alone and the old ESX product', () => {
    expect(parse(v803)).toMatchObject({ ok: true, value: { version: '8.0.3', build: '24859861' } });
    const esx = parse(vEsx41);
    expect(esx.ok && esx.value).toMatchObject({ product: 'VMware ESX', version: '4.1.0', build: '260247' });
    expect(esx.ok && esx.value).not.toHaveProperty('update');
  });

  it('reads the -lv order, CRLF and stray spaces', () => {
    const r = parse('  VMware ESXi 7.0 Update 3 \r\nVMware  ESXi 7.0.3  build-22348816\r\n');
    expect(r.ok && r.value).toMatchObject({ version: '7.0.3', update: '3', build: '22348816' });
  });

  it('never merges a second host\'s version lines into the record', () => {
    const r = parse('VMware ESXi 7.0.3 build-22348816\nVMware ESXi 6.5.0 Update 1\nVMware ESXi 8.0.3 build-24859861');
    expect(r.ok && r.value).toEqual({
      product: 'VMware ESXi',
      version: '7.0.3',
      build: '22348816',
      refs: [{ file: 'ver.txt', line: 1, text: 'VMware ESXi 7.0.3 build-22348816' }],
    });
    expect(r.warnings.map((w) => w.line)).toEqual([2, 3]);
  });

  it('fails with a clear sentence when no version line is present', () => {
    const r = parse('-sh: vmware: not found');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message).toMatch(/"VMware ESXi 7\.0\.3 build-22348816"/);
  });
});
