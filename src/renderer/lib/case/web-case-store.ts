/**
 * The web build's autosave store: each case in localStorage (synchronous, so a save started while the page
 * unloads lands before it is gone: a reload loses nothing), cases too big for localStorage's few MiB in IndexedDB,
 * and an index of them all for the start screen's recent list. Per origin: 127.0.0.1:<port> in the web build.
 *
 * A save never loses the last good copy: the new copy is written and confirmed (read back from localStorage, the
 * IndexedDB transaction complete) and listed before the old one is dropped; a failed write leaves the previous
 * save in place and listed. The store, not the page, decides how much is kept: one autosave is at most
 * MAX_AUTOSAVE_CHARS (a bigger case is refused with a sentence), all of them together at most MAX_TOTAL_CHARS and
 * KEEP_CASES cases, the oldest saves evicted first (by the store's own save order, not a date the page sends).
 *
 * Also imports the recent list of the app's first builds (`vpd.recent-cases`, version-1 case files) once, migrating
 * each case to the current format.
 */
import { MAX_CASE_CHARS, parseCase, serializeCase } from '../../../core/case/index.ts';
import type { CaseText, OpenedText, RecentCase } from '../api/api.ts';
import { MAX_REASON_CHARS } from '../../../../electron/shared/contract.ts';
import { newCaseId } from './case-content.ts';

/** The part of `Storage` used here (tests pass a Map-backed one). */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Where cases too big for localStorage go (IndexedDB in the browser, a Map in tests). */
export interface BlobStore {
  put(id: string, text: string): Promise<void>;
  get(id: string): Promise<string | undefined>;
  delete(id: string): Promise<void>;
}

interface IndexEntry extends RecentCase {
  readonly where: 'local' | 'idb';
}

export const INDEX_KEY = 'vpd.cases';
export const LEGACY_KEY = 'vpd.recent-cases';
export const caseKey = (id: string): string => `vpd.case.${id}`;
/** Larger cases go to IndexedDB: Chromium gives an origin about 5 M characters of localStorage in all. */
export const LOCAL_MAX_CHARS = 1_000_000;
export const KEEP_CASES = 20;
export const LIST_CASES = 10;
/** A case file the app can open again is at most MAX_CASE_CHARS: a bigger autosave could never be reopened. */
export const MAX_AUTOSAVE_CHARS = MAX_CASE_CHARS;
/** All autosaves together: four cases of the largest size, or the usual hundreds of small ones. */
export const MAX_TOTAL_CHARS = 4 * MAX_AUTOSAVE_CHARS;

const mib = (chars: number): string => (chars < 1048576 ? `${Math.ceil(chars / 1024)} KiB` : `${(chars / 1048576).toFixed(chars < 10 * 1048576 ? 1 : 0)} MiB`);

/** Why a case is not autosaved (the same sentence whether the page or the case worker finds it too big). */
export function tooLargeForAutosave(chars: number, maxChars: number): string {
  return `the case is ${mib(chars)}, more than the ${mib(maxChars)} an autosave holds`;
}

/** What the recent list keeps of a case, without its text (a case stored by the case worker). */
export type CaseMeta = Omit<CaseText, 'text'>;

function isEntry(v: unknown): v is IndexEntry {
  const e = v as Partial<IndexEntry> | null;
  return (
    typeof e === 'object' && e !== null && typeof e.id === 'string' && typeof e.updatedAt === 'string' && typeof e.bytes === 'number' &&
    (e.where === 'local' || e.where === 'idb') && (e.title === undefined || typeof e.title === 'string') && (e.failed === undefined || typeof e.failed === 'string')
  );
}

/** The store's quotas (tests pass small ones). */
export interface StoreLimits {
  readonly maxCaseChars: number;
  readonly maxTotalChars: number;
}

export class WebCaseStore {
  constructor(
    private readonly storage: KeyValueStore | undefined,
    private readonly blobs: BlobStore | undefined,
    private readonly limits: StoreLimits = { maxCaseChars: MAX_AUTOSAVE_CHARS, maxTotalChars: MAX_TOTAL_CHARS },
  ) {}

  #index(): IndexEntry[] {
    try {
      const raw = this.storage?.getItem(INDEX_KEY);
      const list: unknown = raw ? JSON.parse(raw) : [];
      return Array.isArray(list) ? list.filter(isEntry) : [];
    } catch {
      return [];
    }
  }

  /**
   * Writes the index, newest first, keeping at most KEEP_CASES cases and MAX_TOTAL_CHARS (the newest, just saved,
   * always stays); only once the index no longer lists them is the data of the evicted cases dropped.
   */
  #writeIndex(entries: readonly IndexEntry[]): void {
    const keep: IndexEntry[] = [];
    const evict: IndexEntry[] = [];
    let total = 0;
    // Oldest first: once one save does not fit, it and every older one go.
    let full = false;
    for (const e of entries) {
      full ||= keep.length > 0 && (keep.length >= KEEP_CASES || total + e.bytes > this.limits.maxTotalChars);
      if (full) evict.push(e);
      else {
        keep.push(e);
        total += e.bytes;
      }
    }
    this.storage?.setItem(INDEX_KEY, JSON.stringify(keep));
    for (const old of evict) this.#drop(old);
  }

  #drop(e: IndexEntry): void {
    if (e.where === 'local') this.storage?.removeItem(caseKey(e.id));
    else void this.blobs?.delete(e.id).catch(() => undefined);
  }

  #record(e: CaseMeta, chars: number, where: IndexEntry['where']): void {
    // A new save of the case is a case that opened: no failure mark is carried over.
    const entry: IndexEntry = { id: e.id, ...(e.title !== undefined ? { title: e.title } : {}), updatedAt: e.updatedAt, bytes: chars, where };
    this.#writeIndex([entry, ...this.#index().filter((x) => x.id !== e.id)]);
  }

  /**
   * Saves one case. A case that fits in localStorage is written before this returns (the promise only reports);
   * a bigger one goes to IndexedDB and is listed once it is stored there. Either way the previous save of the case
   * is dropped only after the new one is confirmed and listed: a failed save leaves it intact.
   */
  save(e: CaseText): Promise<void> {
    if (!this.storage) return Promise.reject(new Error('this browser keeps no local storage for this page'));
    if (e.text.length > this.limits.maxCaseChars) return Promise.reject(new Error(tooLargeForAutosave(e.text.length, this.limits.maxCaseChars)));
    const storage = this.storage;
    const before = this.#index().find((x) => x.id === e.id);
    if (e.text.length <= LOCAL_MAX_CHARS) {
      let stored = false;
      try {
        // Same key: the browser replaces the value whole or throws and keeps the old one.
        storage.setItem(caseKey(e.id), e.text);
        stored = storage.getItem(caseKey(e.id)) === e.text;
      } catch {
        // Quota: the other stored cases leave too little room. IndexedDB has far more; the old copy stays.
      }
      if (stored) {
        try {
          this.#record(e, e.text.length, 'local');
        } catch (err) {
          return Promise.reject(err instanceof Error ? err : new Error(String(err)));
        }
        if (before?.where === 'idb') void this.blobs?.delete(e.id).catch(() => undefined);
        return Promise.resolve();
      }
    }
    const blobs = this.blobs;
    if (!blobs) return Promise.reject(new Error(`the case (${Math.round(e.text.length / 1024)} KiB) is too big for this browser's local storage`));
    // put resolves once the transaction is complete (indexedDbBlobs): only then is the new copy listed and the
    // old local one dropped.
    return blobs.put(e.id, e.text).then(() => {
      this.#record(e, e.text.length, 'idb');
      if (before?.where === 'local') storage.removeItem(caseKey(e.id));
    });
  }

  /**
   * Saves a big case whose text someone else writes into this store's IndexedDB (the case worker: the page never
   * holds the text). `put` gets the store's limit per case, must refuse a bigger case without writing, and resolves
   * with the characters written once the IndexedDB transaction is complete; only then is the case listed and its
   * previous local copy dropped. A failed or refused put leaves the previous save listed and intact.
   */
  saveStored(e: CaseMeta, put: (maxChars: number) => Promise<number>): Promise<void> {
    const storage = this.storage;
    if (!storage) return Promise.reject(new Error('this browser keeps no local storage for this page'));
    if (!this.blobs) return Promise.reject(new Error("the case is too big for this browser's local storage"));
    const before = this.#index().find((x) => x.id === e.id);
    return put(this.limits.maxCaseChars).then((chars) => {
      this.#record(e, chars, 'idb');
      if (before?.where === 'local') storage.removeItem(caseKey(e.id));
    });
  }

  /**
   * Marks a case that could not be opened, with the sentence that said why (cut to MAX_REASON_CHARS): the list
   * shows it as failed, in its place; nothing reopens it on its own.
   */
  async markFailed(id: string, reason: string): Promise<void> {
    const index = this.#index();
    if (!index.some((x) => x.id === id)) throw new Error("This case is no longer in the browser's storage.");
    this.storage?.setItem(INDEX_KEY, JSON.stringify(index.map((x) => (x.id === id ? { ...x, failed: reason.slice(0, MAX_REASON_CHARS) || 'It could not be opened.' } : x))));
  }

  /** Removes a case from the list and its data from the browser. */
  async remove(id: string): Promise<void> {
    const index = this.#index();
    const gone = index.find((x) => x.id === id);
    this.storage?.setItem(INDEX_KEY, JSON.stringify(index.filter((x) => x.id !== id)));
    if (gone) this.#drop(gone);
  }

  /** Newest first; imports the first builds' recent list once. */
  async list(): Promise<RecentCase[]> {
    await this.#importLegacy();
    return this.#index()
      .slice(0, LIST_CASES)
      .map(({ where: _where, ...recent }) => recent);
  }

  async read(id: string): Promise<OpenedText> {
    const entry = this.#index().find((x) => x.id === id);
    const text = entry === undefined ? undefined : entry.where === 'local' ? (this.storage?.getItem(caseKey(id)) ?? undefined) : await this.blobs?.get(id);
    if (text === undefined) throw new Error("This case is no longer in the browser's storage.");
    return { name: entry?.title ?? 'Autosaved case', text };
  }

  async #importLegacy(): Promise<void> {
    const raw = this.storage?.getItem(LEGACY_KEY);
    if (raw === null || raw === undefined) return;
    let list: unknown;
    try {
      list = JSON.parse(raw);
    } catch {
      list = [];
    }
    // Oldest first, so the newest ends up on top of the index.
    const items = Array.isArray(list) ? [...list].reverse() : [];
    for (const item of items) {
      const json = (item as { json?: unknown } | null)?.json;
      if (typeof json !== 'string') continue;
      const read = parseCase(json);
      if (!read.ok) continue;
      const c = read.case;
      try {
        await this.save({ id: newCaseId(), text: serializeCase(c), ...(c.title !== undefined ? { title: c.title } : {}), updatedAt: c.updatedAt });
      } catch {
        // A case that no longer fits is skipped; the others still come over.
      }
    }
    this.storage?.removeItem(LEGACY_KEY);
  }
}

/** IndexedDB as a BlobStore: one database, one object store, the case id as key. */
export function indexedDbBlobs(factory: IDBFactory | undefined = globalThis.indexedDB): BlobStore | undefined {
  if (!factory) return undefined;
  let db: Promise<IDBDatabase> | undefined;
  const open = (): Promise<IDBDatabase> =>
    (db ??= new Promise<IDBDatabase>((resolve, reject) => {
      const req = factory.open('vpd-cases', 1);
      req.onupgradeneeded = () => req.result.createObjectStore('cases');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => {
        // Try again on the next save instead of keeping the failure for the page's lifetime.
        db = undefined;
        reject(req.error ?? new Error('IndexedDB could not be opened'));
      };
    }));
  const run = <T>(mode: IDBTransactionMode, act: (s: IDBObjectStore) => IDBRequest): Promise<T> =>
    open().then(
      (d) =>
        new Promise<T>((resolve, reject) => {
          const tx = d.transaction('cases', mode);
          const req = act(tx.objectStore('cases'));
          // Resolve on the transaction's completion: only then is a write durable.
          tx.oncomplete = () => resolve(req.result as T);
          tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
          tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
        }),
    );
  return {
    put: (id, text) => run<unknown>('readwrite', (s) => s.put(text, id)).then(() => undefined),
    get: (id) => run<unknown>('readonly', (s) => s.get(id)).then((v) => (typeof v === 'string' ? v : undefined)),
    delete: (id) => run<unknown>('readwrite', (s) => s.delete(id)).then(() => undefined),
  };
}
