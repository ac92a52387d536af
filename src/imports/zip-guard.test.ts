import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { inspectZip, ZIP_LIMITS } from './zip-guard.ts';

const enc = (s: string) => new TextEncoder().encode(s);

/** A small workbook-shaped zip. */
function workbook(extra: Record<string, Uint8Array> = {}): Uint8Array {
  return zipSync({
    '[Content_Types].xml': enc('<Types/>'),
    'xl/workbook.xml': enc('<workbook><sheets><sheet name="vSC_VMK" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    'xl/worksheets/sheet1.xml': enc(`<worksheet><sheetData>${'<row><c t="inlineStr"><is><t>vmk0</t></is></c></row>'.repeat(500)}</sheetData></worksheet>`),
    ...extra,
  });
}

/** Offsets of every central-directory entry. */
function centralEntries(b: Uint8Array): number[] {
  const out: number[] = [];
  for (let i = 0; i + 4 <= b.length; i++) if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 0x01 && b[i + 3] === 0x02) out.push(i);
  return out;
}

function setU32(b: Uint8Array, at: number, v: number): void {
  b[at] = v & 255;
  b[at + 1] = (v >>> 8) & 255;
  b[at + 2] = (v >>> 16) & 255;
  b[at + 3] = (v >>> 24) & 255;
}

describe('zip guard (before an xlsx is opened)', () => {
  it('accepts a workbook-shaped zip and counts its entries', () => {
    expect(inspectZip(workbook())).toMatchObject({ ok: true, entries: 3, verifiedEntries: 0 });
  });

  it('refuses a zip bomb: a sheet that inflates a thousand times', () => {
    const bomb = workbook({ 'xl/worksheets/sheet2.xml': new Uint8Array(20 * 1024 * 1024) });
    const r = inspectZip(bomb);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/^entry xl\/worksheets\/sheet2\.xml would inflate \d+ times \(20 MiB from \d+ bytes\): a zip bomb, not a workbook$/);
  });

  it('refuses entries over the per-entry and total caps', () => {
    const zip = workbook({ 'a.bin': new Uint8Array(300 * 1024).map((_, i) => (i * 7919) & 255), 'b.bin': new Uint8Array(300 * 1024).map((_, i) => (i * 104729) & 255) });
    expect(inspectZip(zip, { ...ZIP_LIMITS, maxEntryBytes: 200 * 1024 })).toMatchObject({ ok: false, reason: 'entry a.bin would inflate to 300 KiB (at most 200 KiB per entry)' });
    expect(inspectZip(zip, { ...ZIP_LIMITS, maxTotalBytes: 500 * 1024 })).toEqual({ ok: false, reason: 'its entries would inflate to more than 500 KiB in all' });
  });

  it('refuses too many entries', () => {
    const files = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`f${i}.xml`, enc('<x/>')]));
    expect(inspectZip(zipSync(files), { ...ZIP_LIMITS, maxEntries: 10 })).toEqual({ ok: false, reason: 'it has 12 entries (at most 10 are accepted)' });
  });

  it('inflates an entry whose directory lies about its size, and refuses it', () => {
    const zip = workbook({ 'xl/sharedStrings.xml': new Uint8Array(4 * 1024 * 1024) });
    // Forge the directory: the 4 MiB of zeros now claim to be 1,000 bytes (ratio checks pass on the declared size).
    const cd = centralEntries(zip).find((p) => new TextDecoder().decode(zip.subarray(p + 46, p + 46 + 20)) === 'xl/sharedStrings.xml')!;
    setU32(zip, cd + 24, 1000);
    const r = inspectZip(zip, { ...ZIP_LIMITS, maxEntryBytes: 1024 * 1024 });
    expect(r).toEqual({ ok: false, reason: 'entry xl/sharedStrings.xml inflates to more than the 1000 bytes its directory declares: a forged zip (zip bomb)' });
  });

  it('refuses encrypted entries, unknown compression and files that are not zips', () => {
    const enc1 = workbook();
    const cd = centralEntries(enc1)[0]!;
    enc1[cd + 8] = enc1[cd + 8]! | 1;
    expect(inspectZip(enc1)).toEqual({ ok: false, reason: 'entry [Content_Types].xml is encrypted' });
    const bz = workbook();
    bz[centralEntries(bz)[1]! + 10] = 12;
    expect(inspectZip(bz)).toEqual({ ok: false, reason: 'entry xl/workbook.xml uses compression method 12 (xlsx uses deflate)' });
    expect(inspectZip(enc('Host,Device\nesx1,vmk0\n'))).toEqual({ ok: false, reason: 'it is not a zip file (no end-of-central-directory record), so not an xlsx workbook' });
  });

  it('refuses a truncated zip whose directory points past the end', () => {
    const zip = workbook();
    const cut = new Uint8Array([...zip.subarray(0, 40), ...zip.subarray(zip.length - 22)]);
    expect(inspectZip(cut)).toEqual({ ok: false, reason: 'its central directory points beyond the end of the file (truncated or damaged)' });
  });
});
