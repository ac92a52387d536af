/**
 * The host-facts drafts: lists shared empty until their first entry (facts.ts `append`, `see`, `setAdvanced`), and
 * a frozen shared list, so a write that bypasses the helpers fails instead of reaching every host of the file.
 */
import { describe, expect, it } from 'vitest';
import type { EvidenceRef } from '../core/model/evidence.ts';
import { append, FactsBuilder, see, setAdvanced, vmknicOf } from './facts.ts';

const ref = (line: number): EvidenceRef => ({ file: 'f.csv', line, text: `row ${line}` });

describe('host facts drafts', () => {
  it('give each host its own lists on the first entry, never one another’s', () => {
    const b = new FactsBuilder('f.csv');
    const a = b.host('esx01', undefined, ref(1));
    const c = b.host('esx02', undefined, ref(2));
    expect(a.vmknics).toBe(c.vmknics); // both the shared empty list
    vmknicOf(a, 'vmk0', ref(3));
    see(a, 'rvtools-vSC_VMK');
    setAdvanced(a, '/Migrate/BindToVmknic', { value: 1, evidence: ref(4) });
    expect(a.vmknics.map((v) => v.name)).toEqual(['vmk0']);
    expect(a.seen).toEqual(['rvtools-vSC_VMK']);
    expect(Object.keys(a.advanced)).toEqual(['/Migrate/BindToVmknic']);
    expect(c.vmknics).toEqual([]);
    expect(c.seen).toEqual([]);
    expect(c.advanced).toEqual({});
  });

  it('keep entries in order past the short lists grown by copies, without repeats in seen', () => {
    const b = new FactsBuilder('f.csv');
    const h = b.host('esx01', undefined, ref(1));
    const names = Array.from({ length: 40 }, (_, i) => `vmk${i}`);
    for (const [i, n] of names.entries()) vmknicOf(h, n, ref(i + 2));
    vmknicOf(h, 'VMK3', ref(99)); // the same vmknic again, another case: one entry, two evidence lines
    expect(h.vmknics.map((v) => v.name)).toEqual(names);
    expect(h.vmknics[3]!.evidence.map((e) => e.line)).toEqual([5, 99]);
    see(h, 'powercli-vmk-csv');
    see(h, 'powercli-vmk-csv');
    see(h, 'rvtools-vHost');
    expect(h.seen).toEqual(['powercli-vmk-csv', 'rvtools-vHost']);
    const owner = { list: [] as number[] };
    for (let i = 0; i < 20; i++) append(owner, 'list', i);
    expect(owner.list).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it('throw on a write that bypasses the helpers into a shared empty list', () => {
    const h = new FactsBuilder('f.csv').host('esx01', undefined, ref(1));
    expect(() => h.nics.push({ name: 'vmnic0', evidence: ref(2) })).toThrow(TypeError);
    expect(() => {
      h.advanced['/Net/Foo'] = { value: 1, evidence: ref(3) };
    }).toThrow(TypeError);
  });
});
