/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { blockOf, toLines } from './types.ts';
import { advancedListParser as parser } from './advanced-list.ts';
import bind70 from './__fixtures__/advanced-list/bind-70.txt?raw';
import bind60u3 from './__fixtures__/advanced-list/bind-60u3.txt?raw';
import deltaMany from './__fixtures__/advanced-list/delta-many.txt?raw';

const parse = (text: string, command?: string) =>
  parser.parse(blockOf(text, { file: 'adv.txt', ...(command !== undefined ? { command } : {}) }));

describe('advancedListParser.matchesCommand', () => {
  it('accepts list with -o, --option=, -d and localcli', () => {
    expect(parser.matchesCommand('esxcli system settings advanced list -o /Migrate/BindToVmknic')).toBe(true);
    expect(parser.matchesCommand('esxcli system settings advanced list --option=/Migrate/BindToVmknic')).toBe(true);
    expect(parser.matchesCommand('localcli system settings advanced list -d')).toBe(true);
  });

  it('rejects advanced set, which changes the host', () => {
    expect(parser.matchesCommand('esxcli system settings advanced set -o /Migrate/BindToVmknic -i 3')).toBe(false);
    expect(parser.matchesCommand('esxcli system settings advanced set --default -o /Migrate/BindToVmknic')).toBe(false);
    expect(parser.matchesCommand('esxcli system settings kernel list')).toBe(false);
  });
});

describe('advancedListParser.startsAt', () => {
  it('recognises the first "Path: /…" line only', () => {
    const lines = toLines(deltaMany);
    expect(parser.startsAt(lines, 0)).toBe(true);
    const second = lines.findIndex((l) => l.text.includes('Path: /Migrate/Vmknic'));
    expect(parser.startsAt(lines, second)).toBe(false);
    expect(parser.startsAt(toLines('   Path: relative'), 0)).toBe(false);
  });
});

describe('advancedListParser.parse', () => {
  it('reads the verbatim 7.0 BindToVmknic block of domain.md §4.8', () => {
    const r = parse(bind70, 'esxcli system settings advanced list -o /Migrate/BindToVmknic');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.warnings).toEqual([]);
    expect(r.value).toEqual([
      {
        path: '/Migrate/BindToVmknic',
        type: 'integer',
        intValue: 3,
        defaultIntValue: 3,
        minValue: 0,
        maxValue: 3,
        description:
          'Bind the vMotion socket to a specific vmknic.  0 for never, 1 to bind only with FT, 2 to bind with FT or for multi-vmknic support, 3 to always bind',
        ref: { file: 'adv.txt', line: 3, text: '   Int Value: 3' },
      },
    ]);
  });

  it('keeps both the value and the build default (6.0 U3: default 2, max 2)', () => {
    const r = parse(bind60u3);
    expect(r.ok && r.value[0]).toMatchObject({ intValue: 1, defaultIntValue: 2, maxValue: 2 });
  });

  it('reads many blocks; string options keep their string (even empty) and drop placeholder integers', () => {
    const r = parse(deltaMany, 'esxcli system settings advanced list -d');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.warnings).toEqual([]);
    const [auto, vmknic, prov] = r.value;
    expect(auto).toMatchObject({ path: '/Migrate/AutoBindVmknic', intValue: 0, defaultIntValue: 1 });
    expect(auto).not.toHaveProperty('stringValue');
    expect(vmknic).toMatchObject({ path: '/Migrate/Vmknic', type: 'string', stringValue: 'vmk1', defaultStringValue: '' });
    expect(vmknic).not.toHaveProperty('intValue');
    expect(prov).toMatchObject({ path: '/Net/ProvisioningVmknics', type: 'string', stringValue: '' });
  });

  it('reads tabs, CRLF and no indentation', () => {
    const text = 'Path:\t/Migrate/BindToVmknic\r\nType:\tinteger\r\nInt Value:\t0\r\nDefault Int Value:\t3\r\n';
    const r = parse(text);
    expect(r.ok && r.value[0]).toMatchObject({ path: '/Migrate/BindToVmknic', intValue: 0, defaultIntValue: 3 });
  });

  it('takes the path from -o when the paste lost the Path line, with a warning', () => {
    const r = parse('   Type: integer\n   Int Value: 2\n   Default Int Value: 3', 'esxcli system settings advanced list -o /Migrate/BindToVmknic');
    expect(r.ok && r.value[0]).toMatchObject({ path: '/Migrate/BindToVmknic', intValue: 2 });
    expect(r.warnings.map((w) => w.line)).toEqual([1]);
  });

  it('warns about a damaged number and leaves it out', () => {
    const r = parse('   Path: /Migrate/BindToVmknic\n   Type: integer\n   Int Value: three');
    expect(r.ok && r.value[0]).not.toHaveProperty('intValue');
    expect(r.warnings.map((w) => w.line)).toEqual([3]);
  });

  it('fails with a clear sentence on an esxcli error', () => {
    const r = parse('Unable to find option BindToVmknick', 'esxcli system settings advanced list -o /Migrate/BindToVmknick');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message).toMatch(/"Path: \/Migrate\/BindToVmknic"/);
  });
});
