import { describe, expect, it } from 'vitest';
import { toLines } from '../parsers/types.ts';
import { vimdump } from './fixtures.test-support.ts';
import { readVimdump } from './vimdump.ts';

describe('readVimdump', () => {
  it('reads which vmknic each service selects, and the Migrate/Net advanced options', () => {
    const r = readVimdump(toLines(vimdump('vmk0', 'vmk1')), 'vimdump.txt');
    expect(Object.fromEntries(r.services?.tags ?? [])).toEqual({ vmk0: ['Management'], vmk1: ['VMotion'] });
    expect(r.options).toEqual([{ key: 'Migrate.Vmknic', value: 'vmk1', ref: expect.objectContaining({ file: 'vimdump.txt' }) }]);
  });

  it('puts several services on one vmknic, accepts single quotes and one-line lists, and reads <unset>', () => {
    const text = [
      "nicType = 'management',",
      "selectedVnic = ('management.key-vim.host.VirtualNic-vmk0'),",
      "nicType = 'vmotion',",
      "selectedVnic = ['vmotion.key-vim.host.VirtualNic-vmk0', 'vmotion.key-vim.host.VirtualNic-vmk2'],",
      "nicType = 'vSphereProvisioning',",
      'selectedVnic = <unset>,',
      "key = 'Migrate.BindToVmknic',",
      'value = (long) 3',
    ].join('\n');
    const r = readVimdump(toLines(text), 'd.txt');
    expect(Object.fromEntries(r.services?.tags ?? [])).toEqual({ vmk0: ['Management', 'VMotion'], vmk2: ['VMotion'] });
    expect(r.services?.nicTypes).toEqual(['management', 'vmotion', 'vSphereProvisioning']);
    expect(r.options).toEqual([expect.objectContaining({ key: 'Migrate.BindToVmknic', value: '3' })]);
  });

  it('claims no services from a dump that lacks the management or vMotion selection', () => {
    const text = "nicType = 'vmotion',\nselectedVnic = ['vmotion.key-vim.host.VirtualNic-vmk1'],";
    expect(readVimdump(toLines(text), 'd.txt').services).toBeUndefined();
  });
});
