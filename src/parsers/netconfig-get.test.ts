/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { blockOf, toLines } from './types.ts';
import { netconfigGetParser as parser } from './netconfig-get.ts';
import selectedVmk1 from './__fixtures__/netconfig-get/selected-vmk1.txt?raw';
import unset from './__fixtures__/netconfig-get/unset.txt?raw';

const parse = (text: string) => parser.parse(blockOf(text, { file: 'nc.txt' }));

describe('netconfigGetParser.matchesCommand', () => {
  it('accepts vim-cmd hostsvc/vmotion/netconfig_get, also piped to grep', () => {
    expect(parser.matchesCommand('vim-cmd hostsvc/vmotion/netconfig_get')).toBe(true);
    expect(parser.matchesCommand('vim-cmd  hostsvc/vmotion/netconfig_get | grep selectedVnic')).toBe(true);
  });

  it('rejects vnic_set/vnic_unset, which change the host, and other vim-cmd calls', () => {
    expect(parser.matchesCommand('vim-cmd hostsvc/vmotion/vnic_set vmk1')).toBe(false);
    expect(parser.matchesCommand('vim-cmd hostsvc/vmotion/vnic_unset vmk0')).toBe(false);
    expect(parser.matchesCommand('vim-cmd hostsvc/net/info')).toBe(false);
  });
});

describe('netconfigGetParser.startsAt', () => {
  it('recognises the NetConfig header only', () => {
    expect(parser.startsAt(toLines(selectedVmk1), 0)).toBe(true);
    expect(parser.startsAt(toLines(selectedVmk1), 1)).toBe(false);
    expect(parser.startsAt(toLines('(vim.host.VirtualNic) {'), 0)).toBe(false);
  });
});

describe('netconfigGetParser.parse', () => {
  it('reads the selected vmknic with the §4.14 regex and the candidate devices', () => {
    const r = parse(selectedVmk1);
    expect(r).toEqual({
      ok: true,
      value: {
        selectedVnic: 'vmk1',
        candidateVnics: ['vmk0', 'vmk1'],
        ref: { file: 'nc.txt', line: 34, text: '   selectedVnic = <vim.host.VirtualNic:VMotionConfig.vmotion.key-vim.host.VirtualNic-vmk1>,' },
      },
      warnings: [],
    });
  });

  it('reads <unset> as null (no vMotion vmknic)', () => {
    const r = parse(unset);
    expect(r.ok && r.value).toMatchObject({ selectedVnic: null, candidateVnics: ['vmk0'] });
  });

  it('reads a grep-filtered line alone, also the string form of the key', () => {
    const a = parse('   selectedVnic = <vim.host.VirtualNic:VMotionConfig.vmotion.key-vim.host.VirtualNic-vmk2>,');
    expect(a.ok && a.value).toEqual({ selectedVnic: 'vmk2', candidateVnics: [], ref: expect.any(Object) });
    const b = parse('selectedVnic = "VMotionConfig.vmotion.key-vim.host.VirtualNic-vmk3",\r\n');
    expect(b.ok && b.value.selectedVnic).toBe('vmk3');
  });

  it('does not count the selected vmknic\'s own nested device line as a candidate', () => {
    const text = [
      '(vim.host.VMotionSystem.NetConfig) {',
      '   candidateVnic = (vim.host.VirtualNic) [',
      '      (vim.host.VirtualNic) {',
      '         device = "vmk0",',
      '      }',
      '   ],',
      '   selectedVnic = (vim.host.VirtualNic) {',
      '      device = "vmk4",',
      '   },',
      '}',
    ].join('\n');
    const r = parse(text);
    expect(r.ok && r.value).toMatchObject({ selectedVnic: 'vmk4', candidateVnics: ['vmk0'], ref: { line: 7 } });
  });

  it('fails when the selectedVnic line is missing or unreadable', () => {
    const missing = parse('(vim.host.VMotionSystem.NetConfig) {\n   candidateVnic = (vim.host.VirtualNic) [\n');
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.error.message).toMatch(/"selectedVnic = …"/);
    const odd = parse('   selectedVnic = something else');
    expect(odd.ok).toBe(false);
    if (!odd.ok) expect(odd.error.line).toBe(1);
  });
});
