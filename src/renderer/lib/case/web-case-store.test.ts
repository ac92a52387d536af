import { describe, expect, it } from 'vitest';
import { newCase, parseCase, serializeCase } from '../../../core/case/index.ts';
import { caseKey, INDEX_KEY, KEEP_CASES, LEGACY_KEY, LIST_CASES, LOCAL_MAX_CHARS, MAX_AUTOSAVE_CHARS, WebCaseStore } from './web-case-store.ts';
import type { BlobStore, KeyValueStore } from './web-case-store.ts';

/** localStorage with a quota in characters, as browsers count it. */
class FakeStorage implements KeyValueStore {
  readonly map = new Map<string, string>();
  constructor(readonly quota = Infinity) {}
  getItem(k: string): string | null {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string): void {
    const used = [...this.map].reduce((n, [key, val]) => n + (key === k ? 0 : key.length + val.length), 0);
    if (used + k.length + v.length > this.quota) throw new DOMException('full', 'QuotaExceededError');
    this.map.set(k, v);
  }
  removeItem(k: string): void {
    this.map.delete(k);
  }
}

class FakeBlobs implements BlobStore {
  readonly map = new Map<string, string>();
  async put(id: string, text: string): Promise<void> {
    this.map.set(id, text);
  }
  async get(id: string): Promise<string | undefined> {
    return this.map.get(id);
  }
  async delete(id: string): Promise<void> {
    this.map.delete(id);
  }
}

const at = (n: number) => `2026-11-25T09:${String(n).padStart(2, '0')}:00.000Z`;

function caseText(notes: string): string {
  return serializeCase({ ...newCase('2026-11-25T09:00:00.000Z'), notes });
}

describe('WebCaseStore', () => {
  it('writes a small case to localStorage before save() returns, and lists it newest first', async () => {
    const storage = new FakeStorage();
    const store = new WebCaseStore(storage, new FakeBlobs());
    void store.save({ id: 'case-0001', text: caseText('one'), title: 'esx01 → esx02', updatedAt: at(1) });
    // No await: the unload path relies on this being written already.
    expect(storage.getItem(caseKey('case-0001'))).toBe(caseText('one'));
    await store.save({ id: 'case-0002', text: caseText('two'), updatedAt: at(2) });
    expect(await store.list()).toEqual([
      { id: 'case-0002', updatedAt: at(2), bytes: caseText('two').length },
      { id: 'case-0001', title: 'esx01 → esx02', updatedAt: at(1), bytes: caseText('one').length },
    ]);
    expect(await store.read('case-0001')).toEqual({ name: 'esx01 → esx02', text: caseText('one') });
  });

  it('moves a case saved again to the top and keeps one entry for it', async () => {
    const store = new WebCaseStore(new FakeStorage(), new FakeBlobs());
    await store.save({ id: 'case-0001', text: caseText('a'), updatedAt: at(1) });
    await store.save({ id: 'case-0002', text: caseText('b'), updatedAt: at(2) });
    await store.save({ id: 'case-0001', text: caseText('a2'), updatedAt: at(3) });
    expect((await store.list()).map((r) => r.id)).toEqual(['case-0001', 'case-0002']);
    expect((await store.read('case-0001')).text).toBe(caseText('a2'));
  });

  it('puts a case too big for localStorage into IndexedDB, and back when it shrinks', async () => {
    const storage = new FakeStorage();
    const blobs = new FakeBlobs();
    const store = new WebCaseStore(storage, blobs);
    const big = caseText('x'.repeat(LOCAL_MAX_CHARS));
    await store.save({ id: 'case-big1', text: big, updatedAt: at(1) });
    expect(storage.getItem(caseKey('case-big1'))).toBeNull();
    expect(blobs.map.get('case-big1')).toBe(big);
    expect((await store.read('case-big1')).text).toBe(big);
    await store.save({ id: 'case-big1', text: caseText('small'), updatedAt: at(2) });
    await Promise.resolve();
    expect(storage.getItem(caseKey('case-big1'))).toBe(caseText('small'));
    expect(blobs.map.has('case-big1')).toBe(false);
  });

  it('falls back to IndexedDB when localStorage is full', async () => {
    const storage = new FakeStorage(3000);
    const blobs = new FakeBlobs();
    const store = new WebCaseStore(storage, blobs);
    const text = caseText('y'.repeat(4000));
    await store.save({ id: 'case-full', text, updatedAt: at(1) });
    expect(blobs.map.get('case-full')).toBe(text);
    expect((await store.read('case-full')).text).toBe(text);
  });

  it('says so when neither store can take the case', async () => {
    const store = new WebCaseStore(new FakeStorage(100), undefined);
    await expect(store.save({ id: 'case-none', text: caseText('z'.repeat(500)), updatedAt: at(1) })).rejects.toThrow(/too big for this browser's local storage/);
    await expect(new WebCaseStore(undefined, undefined).save({ id: 'case-none', text: 'x', updatedAt: at(1) })).rejects.toThrow(/no local storage/);
  });

  it(`keeps the newest ${KEEP_CASES} cases, lists the newest ${LIST_CASES}, and drops the data of older ones`, async () => {
    const storage = new FakeStorage();
    const store = new WebCaseStore(storage, new FakeBlobs());
    for (let i = 1; i <= KEEP_CASES + 3; i++) await store.save({ id: `case-${String(i).padStart(4, '0')}`, text: caseText(String(i)), updatedAt: at(i) });
    const list = await store.list();
    expect(list).toHaveLength(LIST_CASES);
    expect(list[0]!.id).toBe(`case-${String(KEEP_CASES + 3).padStart(4, '0')}`);
    expect(storage.getItem(caseKey('case-0001'))).toBeNull();
    expect(storage.getItem(caseKey('case-0003'))).toBeNull();
    expect(storage.getItem(caseKey('case-0004'))).not.toBeNull();
  });

  it('answers with a sentence for a case that is gone, and survives a damaged index', async () => {
    const storage = new FakeStorage();
    const store = new WebCaseStore(storage, new FakeBlobs());
    await expect(store.read('case-gone')).rejects.toThrow("This case is no longer in the browser's storage.");
    storage.setItem(INDEX_KEY, '{not json');
    expect(await store.list()).toEqual([]);
    storage.setItem(INDEX_KEY, JSON.stringify([{ id: 'x' }, 42, { id: 'case-0009', updatedAt: at(9), bytes: 3, where: 'local' }]));
    expect((await store.list()).map((r) => r.id)).toEqual(['case-0009']);
  });

  it('imports the first builds\' recent list once, migrating each version 1 case', async () => {
    const storage = new FakeStorage();
    const v1 = (title: string, savedAt: string) =>
      JSON.stringify({ format: 'vmotion-path-doctor-case', version: 1, savedAt, title, evidence: { sourceText: `[root@${title}:~] vmware -vl`, destText: '', attachments: [], migration: 'live' } });
    storage.setItem(
      LEGACY_KEY,
      JSON.stringify([
        { id: 'n', title: 'esx02', savedAt: at(2), json: v1('esx02', at(2)) },
        { id: 'o', title: 'esx01', savedAt: at(1), json: v1('esx01', at(1)) },
        { id: 'bad', title: 'junk', savedAt: at(0), json: '{' },
      ]),
    );
    const store = new WebCaseStore(storage, new FakeBlobs());
    const list = await store.list();
    expect(list.map((r) => r.title)).toEqual(['esx02', 'esx01']);
    expect(storage.getItem(LEGACY_KEY)).toBeNull();
    const read = parseCase((await store.read(list[0]!.id)).text);
    expect(read.ok && read.case.evidence).toEqual([{ id: 'source-paste', name: 'source paste', text: '[root@esx02:~] vmware -vl', role: 'source' }]);
    expect(read.ok && read.case.version).toBe(3);
    expect(await store.list()).toEqual(list);
  });
});

/** IndexedDB whose writes fail (quota, a closed page, a browser that refuses): gets still answer. */
class FailingBlobs extends FakeBlobs {
  override async put(): Promise<void> {
    throw new DOMException('The transaction was aborted', 'AbortError');
  }
}

describe('WebCaseStore never loses the last good copy', () => {
  it('keeps the previous localStorage save listed and readable when the new one must go to IndexedDB and that write fails', async () => {
    const storage = new FakeStorage(6000);
    const store = new WebCaseStore(storage, new FailingBlobs());
    const first = caseText('first');
    await store.save({ id: 'case-keep', text: first, title: 'esx01', updatedAt: at(1) });
    // localStorage is too full for the grown case: it goes to IndexedDB, which fails.
    await expect(store.save({ id: 'case-keep', text: caseText('g'.repeat(8000)), title: 'esx01 grown', updatedAt: at(2) })).rejects.toThrow(/aborted/);
    expect(storage.getItem(caseKey('case-keep'))).toBe(first);
    expect(await store.list()).toEqual([{ id: 'case-keep', title: 'esx01', updatedAt: at(1), bytes: first.length }]);
    expect((await store.read('case-keep')).text).toBe(first);
  });

  it('keeps the previous IndexedDB save when the next IndexedDB write fails', async () => {
    const storage = new FakeStorage();
    const blobs = new FakeBlobs();
    const big = caseText('b'.repeat(LOCAL_MAX_CHARS));
    await new WebCaseStore(storage, blobs).save({ id: 'case-bigk', text: big, updatedAt: at(1) });
    const failing = new FailingBlobs();
    failing.map.set('case-bigk', big);
    const store = new WebCaseStore(storage, failing);
    await expect(store.save({ id: 'case-bigk', text: caseText('c'.repeat(LOCAL_MAX_CHARS)), updatedAt: at(2) })).rejects.toThrow();
    expect(await store.list()).toEqual([{ id: 'case-bigk', updatedAt: at(1), bytes: big.length }]);
    expect((await store.read('case-bigk')).text).toBe(big);
  });

  it('drops the old localStorage copy only after the IndexedDB copy is stored and listed', async () => {
    const storage = new FakeStorage(6000);
    let listedWhenStored: string | null = 'not called';
    const blobs = new FakeBlobs();
    const store = new WebCaseStore(storage, {
      put: async (id, text) => {
        // At the moment IndexedDB confirms, the old copy must still be there.
        listedWhenStored = storage.getItem(caseKey(id));
        await blobs.put(id, text);
      },
      get: (id) => blobs.get(id),
      delete: (id) => blobs.delete(id),
    });
    await store.save({ id: 'case-move', text: caseText('old'), updatedAt: at(1) });
    const grown = caseText('n'.repeat(8000));
    await store.save({ id: 'case-move', text: grown, updatedAt: at(2) });
    expect(listedWhenStored).toBe(caseText('old'));
    expect(storage.getItem(caseKey('case-move'))).toBeNull();
    expect((await store.read('case-move')).text).toBe(grown);
  });
});

describe('WebCaseStore: big cases stored by the case worker', () => {
  /** What the case worker does with a store message (storeCase), into the same IndexedDB store. */
  const worker = (blobs: BlobStore, text: string) => (maxChars: number) =>
    text.length > maxChars ? Promise.reject(new Error('too big')) : blobs.put('case-0001', text).then(() => text.length);

  it('lists the case once the worker has stored it, reads it back whole, and drops the previous local copy', async () => {
    const storage = new FakeStorage();
    const blobs = new FakeBlobs();
    const store = new WebCaseStore(storage, blobs);
    await store.save({ id: 'case-0001', text: caseText('small'), title: 'esx01', updatedAt: at(1) });
    const big = caseText('x'.repeat(LOCAL_MAX_CHARS + 1));
    let asked = 0;
    const saving = store.saveStored({ id: 'case-0001', title: 'esx01', updatedAt: at(2) }, (maxChars) => {
      asked = maxChars;
      return worker(blobs, big)(maxChars);
    });
    // Until the worker answers, the previous save is the one listed and read.
    expect((await store.read('case-0001')).text).toBe(caseText('small'));
    await saving;
    expect(asked).toBe(MAX_AUTOSAVE_CHARS);
    expect(await store.list()).toEqual([{ id: 'case-0001', title: 'esx01', updatedAt: at(2), bytes: big.length }]);
    expect(await store.read('case-0001')).toEqual({ name: 'esx01', text: big });
    expect(storage.getItem(caseKey('case-0001'))).toBeNull();
    const read = parseCase((await store.read('case-0001')).text);
    expect(read.ok && read.case.notes.length).toBe(LOCAL_MAX_CHARS + 1);
  });

  it('keeps the previous save listed and readable when the worker refuses or fails', async () => {
    const storage = new FakeStorage();
    const blobs = new FakeBlobs();
    const store = new WebCaseStore(storage, blobs, { maxCaseChars: LOCAL_MAX_CHARS * 2, maxTotalChars: LOCAL_MAX_CHARS * 8 });
    await store.save({ id: 'case-0001', text: caseText('small'), updatedAt: at(1) });
    await expect(store.saveStored({ id: 'case-0001', updatedAt: at(2) }, worker(blobs, caseText('x'.repeat(LOCAL_MAX_CHARS * 3))))).rejects.toThrow('too big');
    await expect(store.saveStored({ id: 'case-0001', updatedAt: at(3) }, () => Promise.reject(new Error('IndexedDB transaction aborted')))).rejects.toThrow('aborted');
    expect(await store.list()).toEqual([{ id: 'case-0001', updatedAt: at(1), bytes: caseText('small').length }]);
    expect((await store.read('case-0001')).text).toBe(caseText('small'));
  });

  it('says so when the browser has no IndexedDB or no local storage for the page', async () => {
    await expect(new WebCaseStore(new FakeStorage(), undefined).saveStored({ id: 'case-0001', updatedAt: at(1) }, () => Promise.resolve(1))).rejects.toThrow('too big for this browser');
    await expect(new WebCaseStore(undefined, new FakeBlobs()).saveStored({ id: 'case-0001', updatedAt: at(1) }, () => Promise.resolve(1))).rejects.toThrow('no local storage');
  });
});

describe('WebCaseStore quotas are the store\'s', () => {
  const limits = { maxCaseChars: 2000, maxTotalChars: 5000 };

  it('refuses one case over the per-case cap with a sentence, and keeps what was there', async () => {
    const storage = new FakeStorage();
    const store = new WebCaseStore(storage, new FakeBlobs(), limits);
    const small = caseText('s');
    await store.save({ id: 'case-capd', text: small, updatedAt: at(1) });
    await expect(store.save({ id: 'case-capd', text: caseText('x'.repeat(3000)), updatedAt: at(2) })).rejects.toThrow(/the case is 4 KiB, more than the 2 KiB an autosave holds/);
    expect((await store.read('case-capd')).text).toBe(small);
    await expect(new WebCaseStore(storage, new FakeBlobs()).save({ id: 'case-huge', text: 'x'.repeat(MAX_AUTOSAVE_CHARS + 1), updatedAt: at(3) })).rejects.toThrow(
      /more than the 64 MiB an autosave holds/,
    );
  });

  it('evicts the oldest saves once all of them together pass the total cap, never the one just saved', async () => {
    const storage = new FakeStorage();
    const store = new WebCaseStore(storage, new FakeBlobs(), limits);
    const text = (n: number) => caseText(String(n).repeat(1200));
    for (let i = 1; i <= 5; i++) await store.save({ id: `case-tot${i}`, text: text(i), updatedAt: at(i) });
    const size = text(1).length;
    const kept = Math.floor(limits.maxTotalChars / size);
    expect(kept).toBeGreaterThan(1);
    expect((await store.list()).map((r) => r.id)).toEqual(['case-tot5', 'case-tot4', 'case-tot3', 'case-tot2', 'case-tot1'].slice(0, kept));
    expect(storage.getItem(caseKey('case-tot1'))).toBeNull();
    expect(storage.getItem(caseKey('case-tot5'))).toBe(text(5));
  });

  it('orders eviction by its own save order, not by the date the page sends', async () => {
    const storage = new FakeStorage();
    const store = new WebCaseStore(storage, new FakeBlobs(), limits);
    const text = (n: number) => caseText(String(n).repeat(1200));
    // A save claiming a far-future date is not kept longer for it: it is the oldest save once three more came.
    await store.save({ id: 'case-futr', text: text(9), updatedAt: '2099-01-01T00:00:00.000Z' });
    for (let i = 1; i <= 3; i++) await store.save({ id: `case-late${i}`, text: text(i), updatedAt: at(i) });
    expect((await store.list()).map((r) => r.id)).toEqual(['case-late3', 'case-late2', 'case-late1']);
    expect(storage.getItem(caseKey('case-futr'))).toBeNull();
  });
});

describe('WebCaseStore: cases that failed to open', () => {
  it('lists a marked case as failed with the sentence, in its place, until it is removed with its data', async () => {
    const storage = new FakeStorage();
    const store = new WebCaseStore(storage, new FakeBlobs());
    await store.save({ id: 'case-crft', text: caseText('crafted'), updatedAt: at(1) });
    await store.save({ id: 'case-fine', text: caseText('fine'), updatedAt: at(2) });
    await store.markFailed('case-crft', 'crafted.vpdcase holds 200,000 evidence items; a case holds at most 500. ' + 'x'.repeat(1000));
    const list = await store.list();
    expect(list.map((r) => r.id)).toEqual(['case-fine', 'case-crft']);
    expect(list[1]!.failed).toMatch(/^crafted\.vpdcase holds 200,000 evidence items/);
    expect(list[1]!.failed).toHaveLength(300);
    expect(list[0]!.failed).toBeUndefined();
    await store.remove('case-crft');
    expect((await store.list()).map((r) => r.id)).toEqual(['case-fine']);
    expect(storage.getItem(caseKey('case-crft'))).toBeNull();
    await expect(store.markFailed('case-crft', 'x')).rejects.toThrow(/no longer in the browser's storage/);
  });

  it('drops the mark when the case is saved again', async () => {
    const store = new WebCaseStore(new FakeStorage(), new FakeBlobs());
    await store.save({ id: 'case-again', text: caseText('a'), updatedAt: at(1) });
    await store.markFailed('case-again', 'no');
    await store.save({ id: 'case-again', text: caseText('b'), updatedAt: at(2) });
    expect((await store.list())[0]!.failed).toBeUndefined();
  });
});
