/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { blockOf, toLines } from './types.ts';
import { advcfgGetParser as parser } from './advcfg-get.ts';
import bindInt from './__fixtures__/advcfg-get/bind-int.txt?raw';
import vmknicString from './__fixtures__/advcfg-get/vmknic-string.txt?raw';
import vmknicEmpty from './__fixtures__/advcfg-get/vmknic-empty.txt?raw';

const parse = (text: string, command?: string) =>
  parser.parse(blockOf(text, { file: 'adv.txt', ...(command !== undefined ? { command } : {}) }));

describe('advcfgGetParser.matchesCommand', () => {
  it('accepts -g/--get and the -s/--set form that prints the value in force', () => {
    expect(parser.matchesCommand('esxcfg-advcfg -g /Migrate/BindToVmknic')).toBe(true);
    expect(parser.matchesCommand('/usr/sbin/esxcfg-advcfg --get /Migrate/Vmknic')).toBe(true);
    expect(parser.matchesCommand('esxcfg-advcfg -s 1 /Migrate/BindToVmknic')).toBe(true);
    expect(parser.matchesCommand('esxcfg-advcfg  -g  /Migrate/BindToVmknic | more')).toBe(true);
  });

  it('rejects other esxcfg-advcfg actions and the esxcli set command', () => {
    expect(parser.matchesCommand('esxcfg-advcfg -d /Migrate/BindToVmknic')).toBe(false);
    expect(parser.matchesCommand('esxcfg-advcfg -l')).toBe(false);
    expect(parser.matchesCommand('esxcli system settings advanced set -o /Migrate/BindToVmknic -i 3')).toBe(false);
    expect(parser.matchesCommand('esxcfg-route -l')).toBe(false);
  });
});

describe('advcfgGetParser.startsAt', () => {
  it('recognises the "Value of X is" sentence only', () => {
    expect(parser.startsAt(toLines(bindInt), 0)).toBe(true);
    expect(parser.startsAt(toLines('The value of X is 1'), 0)).toBe(false);
    expect(parser.startsAt(toLines('/adv/Migrate/BindToVmknic = "1"'), 0)).toBe(false);
  });
});

describe('advcfgGetParser.parse', () => {
  it('reads SEED0\'s verbatim output with the path from the command line (domain.md §4.8)', () => {
    expect(parse(bindInt, 'esxcfg-advcfg -g /Migrate/BindToVmknic')).toEqual({
      ok: true,
      value: {
        path: '/Migrate/BindToVmknic',
        type: 'integer',
        intValue: 1,
        ref: { file: 'adv.txt', line: 1, text: 'Value of BindToVmknic is 1' },
      },
      warnings: [],
    });
  });

  it('reads -s output as the value now in force', () => {
    const r = parse('Value of BindToVmknic is 3', 'esxcfg-advcfg -s 3 /Migrate/BindToVmknic');
    expect(r.ok && r.value).toMatchObject({ path: '/Migrate/BindToVmknic', intValue: 3 });
  });

  it('keeps only the option name when no command line was pasted', () => {
    const r = parse(bindInt);
    expect(r.ok && r.value.path).toBe('BindToVmknic');
  });

  it('takes a printed slash path as it is', () => {
    const r = parse('Value of /Migrate/BindToVmknic is 2');
    expect(r.ok && r.value).toMatchObject({ path: '/Migrate/BindToVmknic', intValue: 2 });
  });

  it('reads string options, including an empty value', () => {
    const s = parse(vmknicString, 'esxcfg-advcfg -g /Migrate/Vmknic');
    expect(s.ok && s.value).toMatchObject({ path: '/Migrate/Vmknic', type: 'string', stringValue: 'vmk1' });
    const e = parse(vmknicEmpty, 'esxcfg-advcfg --get=/Migrate/Vmknic');
    expect(e.ok && e.value).toMatchObject({ path: '/Migrate/Vmknic', type: 'string', stringValue: '' });
  });

  it('keeps the printed name and warns when the command asked for another option', () => {
    const r = parse('Value of AutoBindVmknic is 1', 'esxcfg-advcfg -g /Migrate/BindToVmknic');
    expect(r.ok && r.value.path).toBe('AutoBindVmknic');
    expect(r.warnings).toHaveLength(1);
  });

  it('reads CRLF and leading blanks, and warns about extra lines', () => {
    const r = parse('\r\n  Value of BindToVmknic is 0\r\nsome noise\r\n', 'esxcfg-advcfg -g /Migrate/BindToVmknic');
    expect(r.ok && r.value).toMatchObject({ intValue: 0, ref: { line: 2 } });
    expect(r.warnings.map((w) => w.line)).toEqual([3]);
  });

  it('fails with a clear sentence on an error message', () => {
    const r = parse('Unable to find option BindToVmknick', 'esxcfg-advcfg -g /Migrate/BindToVmknick');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message).toMatch(/"Value of <option> is <value>"/);
  });
});
