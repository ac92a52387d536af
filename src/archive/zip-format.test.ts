import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { findEocd, readCentralEntry, readEocd, readZip64Record } from './zip-format.ts';
import { findDuplicateName, findOverlap } from './zip-format.ts';

describe('zip directory records', () => {
  it('finds the directory of a real zip and reads each entry with its sizes and offsets', () => {
    const bytes = zipSync({ 'a.txt': new TextEncoder().encode('hello hello hello'), 'dir/b.bin': new Uint8Array(1000) }, { level: 6 });
    const eocd = findEocd(bytes);
    expect(eocd).toBeGreaterThan(0);
    const where = readEocd(bytes, eocd);
    expect(where).toMatchObject({ entries: 2, zip64: false });
    const first = readCentralEntry(bytes, where.offset)!;
    const second = readCentralEntry(bytes, first.next)!;
    expect(new TextDecoder().decode(first.rawName)).toBe('a.txt');
    expect(first.size).toBe(17);
    expect(new TextDecoder().decode(second.rawName)).toBe('dir/b.bin');
    expect(second.size).toBe(1000);
    expect(second.compressedSize).toBeLessThan(1000);
    expect(second.next).toBe(where.offset + where.size);
  });

  it('applies the ZIP64 extra field to saturated sizes, and refuses a damaged entry or record', () => {
    const entry = new Uint8Array(46 + 1 + 4 + 24);
    const v = new DataView(entry.buffer);
    v.setUint32(0, 0x02014b50, true);
    v.setUint32(20, 0xffffffff, true); // compressed size → ZIP64
    v.setUint32(24, 0xffffffff, true); // size → ZIP64
    v.setUint16(28, 1, true); // name length
    v.setUint16(30, 28, true); // extra length
    v.setUint32(42, 0xffffffff, true); // local header offset → ZIP64
    entry[46] = 0x78; // 'x'
    v.setUint16(47, 0x0001, true);
    v.setUint16(49, 24, true);
    v.setBigUint64(51, 5_000_000_000n, true); // size
    v.setBigUint64(59, 4_000_000_000n, true); // compressed size
    v.setBigUint64(67, 6_000_000_000n, true); // local header offset
    expect(readCentralEntry(entry, 0)).toMatchObject({ size: 5_000_000_000, compressedSize: 4_000_000_000, localHeaderOffset: 6_000_000_000 });
    expect(readCentralEntry(entry.subarray(0, 40), 0)).toBeUndefined();
    expect(readZip64Record(new Uint8Array(56))).toBeUndefined();
  });
});

describe('crafted directories', () => {
  const span = (name: string, localHeaderOffset: number, compressedSize: number) => ({ name, localHeaderOffset, compressedSize });

  it('finds members sharing bytes: the same offset, or one inside another', () => {
    expect(findOverlap([span('a', 0, 100), span('b', 0, 100)])?.map((s) => s.name)).toEqual(['a', 'b']);
    expect(findOverlap([span('big', 0, 1000), span('x', 200, 10), span('inner', 500, 10)])?.map((s) => s.name)).toEqual(['big', 'x']);
    expect(findOverlap([span('b', 130, 5), span('a', 0, 101)])?.map((s) => s.name)).toEqual(['a', 'b']);
  });

  it('accepts members laid one after another, in any directory order', () => {
    expect(findOverlap([span('b', 130, 5), span('a', 0, 100), span('c', 165, 0), span('d', 195, 0)])).toBeUndefined();
    expect(findOverlap([])).toBeUndefined();
  });

  it('finds the first name listed more than once, with its count', () => {
    expect(findDuplicateName(['a', 'b', 'a', 'c', 'a'])).toEqual({ name: 'a', count: 3 });
    expect(findDuplicateName(['a', 'A', 'b'])).toBeUndefined();
  });
});
