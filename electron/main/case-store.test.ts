import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from './case-store.ts';

describe('writeFileAtomic', () => {
  it('replaces the file in one step and leaves no temporary file behind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vpd-case-'));
    const target = join(dir, 'case.vpd.json');
    writeFileSync(target, 'old');
    await writeFileAtomic(target, '{"new":true}');
    expect(readFileSync(target, 'utf8')).toBe('{"new":true}');
    expect(readdirSync(dir)).toEqual(['case.vpd.json']);
  });

  it('writes binary data (a PDF) unchanged', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vpd-case-'));
    const target = join(dir, 'report.pdf');
    const bytes = Uint8Array.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0x80]);
    await writeFileAtomic(target, bytes);
    expect([...readFileSync(target)]).toEqual([...bytes]);
  });

  it('runs many writes of one file at once without a clash: the file holds one of them whole, no temp file stays', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vpd-case-'));
    const target = join(dir, 'case.vpdcase');
    const texts = Array.from({ length: 20 }, (_, i) => String(i).repeat(10_000 + i));
    await Promise.all(texts.map((t) => writeFileAtomic(target, t)));
    expect(texts).toContain(readFileSync(target, 'utf8'));
    expect(readdirSync(dir)).toEqual(['case.vpdcase']);
  });

  it('fails without touching the target when the folder does not exist', async () => {
    await expect(writeFileAtomic(join(tmpdir(), 'no-such-dir-vpd', 'x.json'), 'x')).rejects.toThrow();
  });
});
