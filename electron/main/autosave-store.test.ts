import { mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newCase, parseCase, serializeCase } from '../../src/core/case/index.ts';
import { AutosaveStore, KEEP_CASES, LIST_CASES, MAX_AUTOSAVE_CHARS } from './autosave-store.ts';
import { writeFileAtomic } from './case-store.ts';

const folder = () => join(mkdtempSync(join(tmpdir(), 'vpd-autosave-')), 'cases');

function caseText(title: string | undefined, updatedAt = '2026-11-25T09:30:00.000Z', notes = ''): string {
  return serializeCase({ ...newCase('2026-11-25T09:00:00.000Z'), updatedAt, ...(title !== undefined ? { title } : {}), notes });
}

describe('AutosaveStore', () => {
  it('creates the folder, writes the case as <id>.vpdcase and reads it back', async () => {
    const store = new AutosaveStore(folder());
    const text = caseText('esx01 → esx02');
    await store.write('7f3c2a10-aaaa-bbbb-cccc-000000000001', text);
    expect(readdirSync(store.dir)).toEqual(['7f3c2a10-aaaa-bbbb-cccc-000000000001.vpdcase']);
    expect(await store.read('7f3c2a10-aaaa-bbbb-cccc-000000000001')).toEqual({ name: '7f3c2a10-aaaa-bbbb-cccc-000000000001.vpdcase', text });
  });

  it('lists cases newest first with the title and date from their first lines', async () => {
    const store = new AutosaveStore(folder());
    await store.write('case-0001', caseText('esx01 → esx02 "quoted" \\ back', '2026-11-25T09:31:00.000Z'));
    await store.write('case-0002', caseText(undefined, '2026-11-25T09:32:00.000Z'));
    utimesSync(join(store.dir, 'case-0001.vpdcase'), new Date(1000), new Date(1000));
    const list = await store.list();
    expect(list).toEqual([
      { id: 'case-0002', updatedAt: '2026-11-25T09:32:00.000Z', bytes: expect.any(Number) },
      { id: 'case-0001', title: 'esx01 → esx02 "quoted" \\ back', updatedAt: '2026-11-25T09:31:00.000Z', bytes: Buffer.byteLength(caseText('esx01 → esx02 "quoted" \\ back', '2026-11-25T09:31:00.000Z')) },
    ]);
  });

  it('ignores files that are not autosaves and names no title it cannot read', async () => {
    const store = new AutosaveStore(folder());
    await store.write('case-0001', caseText('ok'));
    writeFileSync(join(store.dir, 'notes.txt'), 'x');
    writeFileSync(join(store.dir, '..hidden.vpdcase'), 'x');
    writeFileSync(join(store.dir, 'case-0002.vpdcase'), '{"format": "vpdcase", "title": 3}');
    const list = await store.list();
    expect(list.map((r) => r.id).sort()).toEqual(['case-0001', 'case-0002']);
    expect(list.find((r) => r.id === 'case-0002')?.title).toBeUndefined();
  });

  it('queues saves of one case, so the last one written is the last one asked for', async () => {
    const store = new AutosaveStore(folder());
    const texts = Array.from({ length: 12 }, (_, i) => caseText('t', undefined, 'n'.repeat(i * 5000)));
    await Promise.all(texts.map((t) => store.write('case-0001', t)));
    expect(readFileSync(join(store.dir, 'case-0001.vpdcase'), 'utf8')).toBe(texts[texts.length - 1]);
    expect(readdirSync(store.dir)).toEqual(['case-0001.vpdcase']);
  });

  it('keeps the previous save intact when a save dies half way (only a temp file is left), and cleans that up later', async () => {
    const dir = folder();
    const before = new AutosaveStore(dir);
    const good = caseText('esx01', undefined, 'typed so far');
    await before.write('case-0001', good);
    // What a kill during writeFileAtomic leaves: a partial temp file next to the intact case.
    writeFileSync(join(dir, '.case-0001.vpdcase.4242.abcdef.tmp'), good.slice(0, 40));
    utimesSync(join(dir, '.case-0001.vpdcase.4242.abcdef.tmp'), new Date(1000), new Date(1000));
    const after = new AutosaveStore(dir);
    const read = parseCase((await after.read('case-0001')).text);
    expect(read.ok && read.case.notes).toBe('typed so far');
    expect((await after.list()).map((r) => r.id)).toEqual(['case-0001']);
    expect(readdirSync(dir)).toEqual(['case-0001.vpdcase']);
  });

  it(`keeps the newest ${KEEP_CASES} cases and lists ${LIST_CASES}`, async () => {
    const store = new AutosaveStore(folder());
    for (let i = 1; i <= KEEP_CASES + 2; i++) {
      const id = `case-${String(i).padStart(4, '0')}`;
      await store.write(id, caseText(String(i)));
      utimesSync(join(store.dir, `${id}.vpdcase`), new Date(i * 1000), new Date(i * 1000));
    }
    await store.write('case-9999', caseText('newest'));
    const files = readdirSync(store.dir);
    expect(files).toHaveLength(KEEP_CASES);
    expect(files).not.toContain('case-0001.vpdcase');
    expect(files).not.toContain('case-0003.vpdcase');
    const list = await store.list();
    expect(list).toHaveLength(LIST_CASES);
    expect(list[0]!.title).toBe('newest');
  });

  it('refuses ids that could name another file, and says when a case is gone', async () => {
    const store = new AutosaveStore(folder());
    expect(() => store.write('../etc', caseText('x'))).toThrow();
    await expect(store.read('case-missing')).rejects.toThrow(/no longer in the app's data folder/);
    expect(await new AutosaveStore(join(tmpdir(), 'no-such-vpd-folder', 'cases')).list()).toEqual([]);
  });
});

describe('AutosaveStore.settled', () => {
  it('is undefined when idle and resolves once the saves asked for are on disk', async () => {
    const store = new AutosaveStore(folder());
    expect(store.settled()).toBeUndefined();
    void store.write('case-0001', caseText('a'));
    const pending = store.settled();
    expect(pending).toBeDefined();
    await pending;
    expect(readdirSync(store.dir)).toEqual(['case-0001.vpdcase']);
  });
});

describe('AutosaveStore never loses the last good copy', () => {
  it('keeps the previous save intact and listed when the new write fails (disk full), and evicts nothing for it', async () => {
    const dir = folder();
    const good = caseText('esx01', '2026-11-25T09:31:00.000Z', 'typed so far');
    await new AutosaveStore(dir).write('case-0001', good);
    await new AutosaveStore(dir).write('case-0002', caseText('other'));
    // The fs layer of a full disk: the temp file cannot be completed, so the rename never happens.
    const full = new AutosaveStore(dir, Date.now(), {
      writeFile: async () => {
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      },
    });
    await expect(full.write('case-0001', caseText('esx01', '2026-11-25T09:40:00.000Z', 'typed more'))).rejects.toThrow(/ENOSPC/);
    expect((await full.read('case-0001')).text).toBe(good);
    expect((await full.list()).map((r) => [r.id, r.updatedAt])).toContainEqual(['case-0001', '2026-11-25T09:31:00.000Z']);
    expect(readdirSync(dir).sort()).toEqual(['case-0001.vpdcase', 'case-0002.vpdcase']);
  });

  it('refuses a save that comes out shorter than the text (a writer that lies), saying so', async () => {
    const dir = folder();
    const store = new AutosaveStore(dir, Date.now(), { writeFile: (path, text) => writeFileAtomic(path, text.slice(0, 10)) });
    await expect(store.write('case-0001', caseText('x'))).rejects.toThrow(/cut short \(10 of \d+ bytes written\)/);
  });
});

describe('AutosaveStore quotas are main\'s', () => {
  const limits = { maxCaseChars: 4000, maxTotalBytes: 10_000 };

  it('refuses one case over the per-case cap with a sentence naming both sizes, keeping the previous save', async () => {
    const dir = folder();
    const store = new AutosaveStore(dir, Date.now(), { limits });
    const small = caseText('small');
    await store.write('case-0001', small);
    await expect(store.write('case-0001', caseText('big', undefined, 'x'.repeat(5000)))).rejects.toThrow(/The case is 6 KiB, more than the 4 KiB an autosave holds/);
    expect((await store.read('case-0001')).text).toBe(small);
    await expect(new AutosaveStore(dir).write('case-0002', `{"format": "vpdcase"${' '.repeat(MAX_AUTOSAVE_CHARS)}`)).rejects.toThrow(/more than the 64 MiB an autosave holds/);
  });

  it('evicts the saves written longest ago once all of them pass the total cap, never the one just written', async () => {
    const store = new AutosaveStore(folder(), Date.now(), { limits });
    const text = (n: number) => caseText(String(n), undefined, String(n).repeat(3000));
    for (let i = 1; i <= 4; i++) {
      await store.write(`case-000${i}`, text(i));
      // The store's own order: file times it set, one second apart (a page's dates play no part).
      utimesSync(join(store.dir, `case-000${i}.vpdcase`), new Date(i * 1000), new Date(i * 1000));
    }
    const size = Buffer.byteLength(text(1));
    const kept = Math.floor(limits.maxTotalBytes / size);
    expect(kept).toBeGreaterThan(1);
    expect(kept).toBeLessThan(4);
    expect(readdirSync(store.dir).sort()).toEqual(['case-0001', 'case-0002', 'case-0003', 'case-0004'].slice(4 - kept).map((id) => `${id}.vpdcase`));
    // A case bigger than what is left still lands: the older ones make room, it is never the one evicted.
    await store.write('case-0009', caseText('nine', undefined, '9'.repeat(3500)));
    expect(readdirSync(store.dir)).toContain('case-0009.vpdcase');
  });
});

describe('AutosaveStore: cases that failed to open', () => {
  it('lists a marked case as failed with the sentence, until it is removed (case and mark together)', async () => {
    const store = new AutosaveStore(folder());
    await store.write('case-0001', caseText('crafted'));
    await store.write('case-0002', caseText('fine'));
    await store.markFailed('case-0001', 'crafted.vpdcase holds 200,000 evidence items; a case holds at most 500.');
    const list = await store.list();
    expect(list.find((r) => r.id === 'case-0001')?.failed).toBe('crafted.vpdcase holds 200,000 evidence items; a case holds at most 500.');
    expect(list.find((r) => r.id === 'case-0002')?.failed).toBeUndefined();
    await store.remove('case-0001');
    expect((await store.list()).map((r) => r.id)).toEqual(['case-0002']);
    expect(readdirSync(store.dir)).toEqual(['case-0002.vpdcase']);
  });

  it('clears the mark when the case is saved again, refuses to mark a case that is gone, and drops orphan marks', async () => {
    const store = new AutosaveStore(folder());
    await store.write('case-0001', caseText('a'));
    await store.markFailed('case-0001', 'no');
    await store.write('case-0001', caseText('a', undefined, 'fixed'));
    expect((await store.list())[0]?.failed).toBeUndefined();
    await expect(store.markFailed('case-0404', 'x')).rejects.toThrow(/no longer in the app's data folder/);
    writeFileSync(join(store.dir, 'case-0777.failed'), 'orphan');
    await store.list();
    expect(readdirSync(store.dir)).toEqual(['case-0001.vpdcase']);
  });
});
