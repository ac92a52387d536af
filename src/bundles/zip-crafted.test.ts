/**
 * Crafted zip directories (issue 17): entries sharing bytes, or one name listed twice, are refused whole with a
 * sentence naming the entries, by the support-bundle reader and by the xlsx guard alike. The archives are written
 * byte by byte here, since no zip library writes such a directory.
 */
import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { inspectZip } from '../imports/zip-guard.ts';
import { bundleA } from './fixtures.test-support.ts';
import { bytesSource, readBundle } from './index.ts';
import { listZip } from './zip.ts';
import { Budget, DEFAULT_LIMITS } from './limits.ts';
import { zip } from './test-support.ts';

interface Entry {
  readonly name: string;
  /** Index of the stored blob this entry points at. */
  readonly blob: number;
}

const enc = new TextEncoder();

function le(n: number, bytes: number): number[] {
  return Array.from({ length: bytes }, (_, i) => Math.floor(n / 2 ** (8 * i)) & 0xff);
}

/** A zip whose blobs are written once (DEFLATE) and whose directory lists `entries`, each pointing at a blob. */
function craftedZip(blobs: readonly Uint8Array[], entries: readonly Entry[]): Uint8Array {
  const out: number[] = [];
  const located: { offset: number; compressed: number; size: number; name: Uint8Array }[] = [];
  blobs.forEach((blob, i) => {
    const data = deflateSync(blob);
    const name = enc.encode(entries.find((e) => e.blob === i)?.name ?? `blob${i}`);
    located.push({ offset: out.length, compressed: data.length, size: blob.length, name });
    out.push(...le(0x04034b50, 4), ...le(20, 2), ...le(0, 2), ...le(8, 2), ...le(0, 4), ...le(0, 4), ...le(data.length, 4), ...le(blob.length, 4), ...le(name.length, 2), ...le(0, 2), ...name);
    for (const b of data) out.push(b);
  });
  const dirStart = out.length;
  for (const e of entries) {
    const at = located[e.blob]!;
    const name = enc.encode(e.name);
    out.push(...le(0x02014b50, 4), ...le(20, 2), ...le(20, 2), ...le(0, 2), ...le(8, 2), ...le(0, 4), ...le(0, 4), ...le(at.compressed, 4), ...le(at.size, 4));
    out.push(...le(name.length, 2), ...le(0, 2), ...le(0, 2), ...le(0, 2), ...le(0, 2), ...le(0, 4), ...le(at.offset, 4), ...name);
  }
  const dirSize = out.length - dirStart;
  out.push(...le(0x06054b50, 4), ...le(0, 2), ...le(0, 2), ...le(entries.length, 2), ...le(entries.length, 2), ...le(dirSize, 4), ...le(dirStart, 4), ...le(0, 2));
  return Uint8Array.from(out);
}

const hostNames = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `esx${String(i + 1).padStart(3, '0')}.lab.local-vm2024-05-03@09-30-11.tgz`, blob: 0 }));

describe('a crafted vCenter export zip', () => {
  it('with 300 entries pointing at one host bundle is refused, naming two of them, before any host is read', async () => {
    const crafted = craftedZip([bundleA()], hostNames(300));
    const reading = await readBundle(bytesSource('export.zip', crafted));
    expect(reading.hosts).toEqual([]);
    expect(reading.uncompressedBytes).toBe(0);
    expect(reading.problems).toHaveLength(1);
    expect(reading.problems[0]!.fatal).toBe(true);
    expect(reading.problems[0]!.message).toMatch(/^export\.zip is refused: its members "esx\d{3}\.lab\.local-vm2024-05-03@09-30-11\.tgz" and "esx\d{3}\.lab\.local-vm2024-05-03@09-30-11\.tgz" point at the same bytes \(offsets 0 and 0\)/);
  });

  it('listing one name twice is refused, naming it and the count', async () => {
    const crafted = craftedZip([bundleA(), bundleA()], [
      { name: 'esx01.tgz', blob: 0 },
      { name: 'esx01.tgz', blob: 1 },
    ]);
    await expect(listZip(bytesSource('export.zip', crafted), new Budget(DEFAULT_LIMITS))).rejects.toThrow('export.zip is refused: its table of contents lists "esx01.tgz" 2 times.');
  });

  it('is read when each entry has its own bytes (the same writer, honest)', async () => {
    const honest = craftedZip([bundleA(), bundleA()], [
      { name: 'a.tgz', blob: 0 },
      { name: 'b.tgz', blob: 1 },
    ]);
    const listing = await listZip(bytesSource('export.zip', honest), new Budget(DEFAULT_LIMITS));
    expect(listing.members.map((m) => m.path)).toEqual(['a.tgz', 'b.tgz']);
    // And a zip from a real library too.
    const real = await listZip(bytesSource('real.zip', zip({ 'a.tgz': bundleA(), 'b.tgz': bundleA(), 'dir/': '' })), new Budget(DEFAULT_LIMITS));
    expect(real.members).toHaveLength(3);
  });
});

describe('a crafted xlsx', () => {
  const sheet = enc.encode('<worksheet/>');

  it('whose entries share bytes is refused by the guard, naming them', () => {
    const crafted = craftedZip([sheet], [
      { name: 'xl/worksheets/sheet1.xml', blob: 0 },
      { name: 'xl/worksheets/sheet2.xml', blob: 0 },
    ]);
    const r = inspectZip(crafted);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toBe('its entries "xl/worksheets/sheet1.xml" and "xl/worksheets/sheet2.xml" point at the same bytes (offsets 0 and 0): a crafted zip, not a workbook');
  });

  it('listing one name twice is refused by the guard', () => {
    const crafted = craftedZip([sheet, sheet], [
      { name: 'xl/workbook.xml', blob: 0 },
      { name: 'xl/workbook.xml', blob: 1 },
    ]);
    const r = inspectZip(crafted);
    expect(!r.ok && r.reason).toBe('it lists the entry "xl/workbook.xml" 2 times: a crafted zip, not a workbook');
  });
});
