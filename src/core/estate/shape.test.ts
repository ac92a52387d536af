import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HostModel } from '../model/host.ts';
import { host } from '../test-support/hosts.ts';
import { crossRelation, hostShape, ShapeMemo } from './shape.ts';
import { hostArb } from './test-support/random-estate.ts';

function layout(name: string, mgmt: string, vmotion: string, extra: Partial<Parameters<typeof host>[0]> = {}): HostModel {
  return host({
    name,
    version: '7.0.3',
    build: '22348816',
    nics: [
      { name: 'vmk0', ip: mgmt, tags: ['Management'], mtu: 1500, mac: `00:50:56:00:00:${name.length}` },
      { name: 'vmk1', ip: vmotion, tags: ['VMotion'], mtu: 9000 },
    ],
    ...extra,
  });
}

describe('host shapes', () => {
  it('are equal for hosts that differ only in name, MACs, evidence and addresses with the same relation', () => {
    const a = hostShape(layout('esx01', '10.0.1.11', '10.0.2.11'));
    const b = hostShape(layout('esx-other.lab', '172.16.5.40', '172.16.9.40'));
    expect(a.key).toBe(b.key);
  });

  it('differ when the address relation differs (vMotion moved into the management subnet)', () => {
    expect(hostShape(layout('a', '10.0.1.11', '10.0.2.11')).key).not.toBe(hostShape(layout('a', '10.0.1.11', '10.0.1.12')).key);
  });

  it('differ when the assumed peer (first host of the subnet) is one of the host’s own addresses', () => {
    expect(hostShape(layout('a', '10.0.1.11', '10.0.2.11')).key).not.toBe(hostShape(layout('a', '10.0.1.1', '10.0.2.11')).key);
  });

  it('differ on any fact the analysis reads: build, MTU, tags, setting, route', () => {
    const base = hostShape(layout('a', '10.0.1.11', '10.0.2.11')).key;
    const variants = [
      layout('a', '10.0.1.11', '10.0.2.11', { build: '24859861' }),
      host({ ...{ name: 'a', version: '7.0.3', build: '22348816' }, nics: [{ name: 'vmk0', ip: '10.0.1.11', tags: ['Management'], mtu: 1500 }, { name: 'vmk1', ip: '10.0.2.11', tags: ['VMotion'], mtu: 1500 }] }),
      host({ name: 'a', version: '7.0.3', build: '22348816', nics: [{ name: 'vmk0', ip: '10.0.1.11', tags: ['Management', 'VMotion'], mtu: 1500 }, { name: 'vmk1', ip: '10.0.2.11', tags: ['VMotion'], mtu: 9000 }] }),
      layout('a', '10.0.1.11', '10.0.2.11', { bind: 0 }),
      layout('a', '10.0.1.11', '10.0.2.11', { defaultGateway: '10.0.1.1' }),
    ];
    for (const v of variants) expect(hostShape(v).key).not.toBe(base);
  });

  it('property: renaming a host and renumbering every address by a fixed offset in the first octet keeps the key', () => {
    const shift = (model: HostModel): HostModel => JSON.parse(JSON.stringify({ ...model, name: 'renamed' }).replace(/"(\d+)\.(\d+)\.(\d+)\.(\d+)"/g, (m, a: string, b, c, d) => (Number(a) === 0 || m.includes('255.') ? m : `"${Number(a) + 100}.${b}.${c}.${d}"`)));
    fc.assert(
      fc.property(hostArb('esx1'), (model) => {
        // Masks and 0.0.0.0 stay; addresses move from 10.x to 110.x (192.x would leave the address space: skipped).
        const moved = shift(model);
        if (JSON.stringify(moved).match(/"2\d\d\.\d/)) return;
        expect(hostShape(moved).key).toBe(hostShape(model).key);
      }),
      { numRuns: 200 },
    );
  });
});

describe('the scan memo (ShapeMemo)', () => {
  it('property: gives two hosts one value exactly when their keys are equal, and the relation hostShape computes', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(hostArb('esx1'), fc.nat(7)), { minLength: 1, maxLength: 12 }), (drawn) => {
        // Some hosts again under another name (same key), so that hits and misses are both tried.
        const models = drawn.flatMap(([m, k], i) => (k < 3 ? [m, { ...m, name: `copy${i}` }] : [m]));
        const memo = new ShapeMemo<number>();
        const firstOfKey = new Map<string, number>();
        models.forEach((m, i) => {
          const shape = hostShape(m);
          const expected = firstOfKey.get(shape.key) ?? i;
          if (!firstOfKey.has(shape.key)) firstOfKey.set(shape.key, i);
          const got = memo.get(m, () => i);
          expect(got.value).toBe(expected);
          expect(got.hit).toBe(expected !== i);
          expect(got.relation).toEqual({ addresses: shape.addresses, prefixes: shape.prefixes, classes: shape.classes });
        });
      }),
      { numRuns: 150 },
    );
  });

  it('keeps hosts apart whose tokens outgrow the first storage (a host with 200 vmknics), and finds them again', () => {
    const wide = (name: string, last: number) => {
      const base = layout(name, '10.0.1.11', '10.0.2.11');
      const vmknics = Array.from({ length: 200 }, (_, i) => ({ ...base.vmknics[0]!, name: `vmk${i}`, ipv4: `10.1.${i}.${i === 199 ? last : 11}` }));
      return { ...base, vmknics };
    };
    const memo = new ShapeMemo<string>();
    expect(memo.get(wide('a', 11), () => 'first').value).toBe('first');
    expect(memo.get(wide('b', 12), () => 'second').value).toBe('first'); // the same relation, another address
    expect(memo.get(wide('c', 0), () => 'third').value).toBe('third'); // .0: a network address, another shape
    expect(memo.get(wide('d', 0), () => 'fourth')).toMatchObject({ value: 'third', hit: true });
    expect(memo.get(layout('e', '10.0.1.11', '10.0.2.11'), () => 'small').value).toBe('small');
  });

  it('tells apart hosts whose keys differ only in one value', () => {
    const memo = new ShapeMemo<string>();
    expect(memo.get(layout('a', '10.0.1.11', '10.0.2.11'), () => 'first').value).toBe('first');
    expect(memo.get(layout('b', '172.16.5.40', '172.16.9.40'), () => 'second').value).toBe('first');
    expect(memo.get(layout('c', '10.0.1.11', '10.0.2.11', { build: '24859861' }), () => 'third').value).toBe('third');
    expect(memo.get(layout('d', '10.0.1.11', '10.0.1.12'), () => 'fourth').value).toBe('fourth');
  });
});

describe('cross relations', () => {
  it('are equal for pairs in parallel subnets, different when two hosts share an address', () => {
    const pair = (x: string, y: string) => crossRelation(hostShape(layout('a', `${x}.11`, '10.0.2.11')), hostShape(layout('b', `${y}.12`, '10.0.2.12')));
    expect(pair('10.0.1', '10.0.1')).toBe(crossRelation(hostShape(layout('c', '172.16.1.5', '172.16.2.5')), hostShape(layout('d', '172.16.1.6', '172.16.2.6'))));
    expect(pair('10.0.1', '10.0.3')).not.toBe(pair('10.0.1', '10.0.1'));
    const dup = crossRelation(hostShape(layout('a', '10.0.1.11', '10.0.2.11')), hostShape(layout('b', '10.0.1.11', '10.0.2.12')));
    expect(dup).not.toBe(pair('10.0.1', '10.0.1'));
  });
});
