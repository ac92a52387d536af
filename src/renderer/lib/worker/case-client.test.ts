import { describe, expect, it } from 'vitest';
import { newCase, parseCase, serializeCase, type CaseFile } from '../../../core/case/index.ts';
import type { BlobStore } from '../case/web-case-store.ts';
import { caseWorkerJob, type CaseAnswer, type CaseAsk } from './case-protocol.ts';
import { CaseWriter, OFF_THREAD_CHARS, parseCaseOffThread, type CaseWorker } from './case-client.ts';

class MapBlobs implements BlobStore {
  readonly map = new Map<string, string>();
  puts = 0;
  async put(id: string, text: string): Promise<void> {
    this.puts++;
    this.map.set(id, text);
  }
  async get(id: string): Promise<string | undefined> {
    return this.map.get(id);
  }
  async delete(id: string): Promise<void> {
    this.map.delete(id);
  }
}

/**
 * A worker that answers on a later task with the worker's own code (caseWorkerJob), as a real one does; the message
 * goes through structuredClone, as postMessage copies it. Records what it was asked and whether it ended.
 */
class FakeWorker implements CaseWorker {
  onmessage: ((e: MessageEvent<CaseAnswer>) => void) | null = null;
  onerror: ((e: unknown) => void) | null = null;
  asked: CaseAsk[] = [];
  terminated = false;
  /** Replaced by a test to stand for a worker that lost its memory. */
  job: (ask: CaseAsk) => Promise<CaseAnswer>;
  constructor(
    private readonly fail = false,
    readonly blobs: BlobStore | undefined = undefined,
    /** Answers in the reverse order of the questions (a store waits for IndexedDB, a serialize does not). */
    private readonly reverse = false,
  ) {
    this.job = caseWorkerJob(() => blobs);
  }
  postMessage(message: CaseAsk): void {
    const copy = structuredClone(message);
    this.asked.push(copy);
    const delay = this.reverse ? 10 - this.asked.length : 0;
    // The job starts as the message arrives (in order), its answer comes later.
    const answer = this.fail ? undefined : this.job(copy);
    setTimeout(() => {
      if (!answer) this.onerror?.(new Event('error'));
      else void answer.then((data) => this.onmessage?.({ data } as MessageEvent<CaseAnswer>));
    }, delay);
  }
  terminate(): void {
    this.terminated = true;
  }
}

const text = serializeCase({ ...newCase('2026-11-25T09:00:00.000Z'), title: 'esx01', notes: 'n' });

/** A case with a big attached log (quotes, backslashes and a non-Latin-1 character, which JSON must escape or keep). */
function bigCase(notes: string): CaseFile {
  const log = '2026-11-25T12:00:00.123Z info hostd[2099421] "quoted" C:\\path → ok\n'.repeat(20_000);
  return { ...newCase('2026-11-25T09:00:00.000Z'), updatedAt: '2026-11-25T09:30:00.000Z', title: 'esx01 → esx02', evidence: [{ id: 'attachment-1', name: 'Pasted text 1', role: 'source', text: log }], notes };
}

describe('parseCaseOffThread', () => {
  it('hands the text to the worker and answers with what parseCase says, then ends the worker', async () => {
    const w = new FakeWorker();
    const r = await parseCaseOffThread(text, 'a.vpdcase', () => w);
    expect(w.asked).toEqual([{ kind: 'parse', seq: 0, text, name: 'a.vpdcase' }]);
    expect(r).toEqual(parseCase(text, { name: 'a.vpdcase' }));
    expect(w.terminated).toBe(true);
  });

  it('answers a refusal with the same sentence', async () => {
    const r = await parseCaseOffThread('{"format": "vpdcase"', 'bad.vpdcase', () => new FakeWorker());
    expect(r).toEqual(parseCase('{"format": "vpdcase"', { name: 'bad.vpdcase' }));
    expect(r.ok).toBe(false);
  });

  it('reads inline when no worker can start, or when it fails to load', async () => {
    const none = await parseCaseOffThread(text, 'a.vpdcase', () => {
      throw new Error('Worker is not defined');
    });
    expect(none.ok && none.case.title).toBe('esx01');
    const w = new FakeWorker(true);
    const failed = await parseCaseOffThread(text, 'a.vpdcase', () => w);
    expect(failed.ok && failed.case.notes).toBe('n');
    expect(w.terminated).toBe(true);
  });
});

describe('CaseWriter', () => {
  it('has the worker write the case file text: the same bytes serializeCase writes, which read back as the case', async () => {
    const w = new FakeWorker();
    const writer = new CaseWriter({ start: () => w });
    const file = bigCase('after the paste');
    const written = await writer.serialize(file);
    expect(w.asked).toHaveLength(1);
    expect(w.asked[0]).toMatchObject({ kind: 'serialize', texts: [{ index: 0, ref: 1, text: file.evidence[0]!.text }] });
    expect(written).toBe(serializeCase(file));
    const read = parseCase(written);
    expect(read.ok && read.case.evidence[0]!.text).toBe(file.evidence[0]!.text);
    expect(read.ok && read.case.notes).toBe('after the paste');
  });

  it('writes a small case inline and a big one in the worker ("Save case" and the autosave alike), the same bytes', async () => {
    const w = new FakeWorker();
    const writer = new CaseWriter({ start: () => w });
    const small = newCase('2026-12-07T08:00:00.000Z', 'live');
    expect(await writer.text(small, serializeCase(small).length)).toBe(serializeCase(small));
    expect(w.asked).toHaveLength(0);
    const big = bigCase('a note');
    const size = big.evidence[0]!.text.length;
    expect(size).toBeGreaterThan(OFF_THREAD_CHARS);
    expect(await writer.text(big, size)).toBe(serializeCase(big));
    expect(w.asked.map((a) => a.kind)).toEqual(['serialize']);
  });

  it('keeps one worker for every save and matches each answer to its question, whatever the order', async () => {
    let started = 0;
    const w = new FakeWorker(false, undefined, true);
    const writer = new CaseWriter({
      start: () => {
        started++;
        return w;
      },
    });
    const [a, b, c] = await Promise.all(['one', 'two', 'three'].map((n) => writer.serialize(bigCase(n))));
    expect(started).toBe(1);
    expect(w.terminated).toBe(false);
    expect([a, b, c].map((t) => parseCase(t!)).map((r) => r.ok && r.case.notes)).toEqual(['one', 'two', 'three']);
    expect(new Set(w.asked.map((x) => x.seq)).size).toBe(3);
  });

  it('copies a big text to the worker once: later saves of the case name it by ref, and still write it whole', async () => {
    const workerBlobs = new MapBlobs();
    const w = new FakeWorker(false, workerBlobs);
    const writer = new CaseWriter({ start: () => w });
    const first = bigCase('first');
    const log = first.evidence[0]!.text;
    await writer.store('case-0001', first, 64 * 1024 * 1024);
    // The notes change; the case holds the very same log string.
    const second = { ...first, notes: 'second' };
    await writer.store('case-0001', second, 64 * 1024 * 1024);
    expect(w.asked.map((a) => a.kind !== 'parse' && a.texts)).toEqual([[{ index: 0, ref: 1, text: log }], [{ index: 0, ref: 1 }]]);
    // What crosses to the worker the second time holds no copy of the log.
    expect(JSON.stringify(w.asked[1]).length).toBeLessThan(2000);
    expect(workerBlobs.map.get('case-0001')).toBe(serializeCase(second));

    // Another log in its place goes over in full; two items with one text go over once.
    const other = `${log.slice(0, -2)}!\n`;
    const third = { ...second, evidence: [...second.evidence, { ...second.evidence[0]!, id: 'attachment-2', text: other }, { ...second.evidence[0]!, id: 'attachment-3', text: other }] };
    await writer.store('case-0001', third, 64 * 1024 * 1024);
    expect(w.asked[2]!.kind !== 'parse' && w.asked[2]!.texts).toEqual([{ index: 0, ref: 1 }, { index: 1, ref: 2, text: other }, { index: 2, ref: 2 }]);
    expect(workerBlobs.map.get('case-0001')).toBe(serializeCase(third));
  });

  it('sends the case again in full when the worker no longer holds a text it names', async () => {
    const workerBlobs = new MapBlobs();
    const w = new FakeWorker(false, workerBlobs);
    const writer = new CaseWriter({ start: () => w });
    const file = bigCase('one');
    await writer.store('case-0001', file, 64 * 1024 * 1024);
    w.job = caseWorkerJob(() => workerBlobs);
    const again = { ...file, notes: 'two' };
    expect(await writer.store('case-0001', again, 64 * 1024 * 1024)).toBe(serializeCase(again).length);
    expect(w.asked.map((a) => a.kind !== 'parse' && a.texts?.map((t) => t.text !== undefined))).toEqual([[true], [false], [true]]);
    expect(workerBlobs.map.get('case-0001')).toBe(serializeCase(again));
  });

  it('stores the case in IndexedDB from the worker and answers with its length only; the text restores the case', async () => {
    const workerBlobs = new MapBlobs();
    const writer = new CaseWriter({ start: () => new FakeWorker(false, workerBlobs) });
    const file = bigCase('last edit');
    const chars = await writer.store('case-0001', file, 64 * 1024 * 1024);
    const stored = workerBlobs.map.get('case-0001')!;
    expect(chars).toBe(stored.length);
    expect(stored).toBe(serializeCase(file));
    const read = parseCase(stored);
    expect(read.ok && read.case).toEqual(file);
  });

  it('refuses a case over the limit without writing, so the previous save stays', async () => {
    const workerBlobs = new MapBlobs();
    workerBlobs.map.set('case-0001', 'the previous save');
    const writer = new CaseWriter({ start: () => new FakeWorker(false, workerBlobs) });
    const file = bigCase('too big');
    await expect(writer.store('case-0001', file, 1000)).rejects.toThrow(/^the case is 1\.\d MiB, more than the 1 KiB an autosave holds$/);
    expect(workerBlobs.puts).toBe(0);
    expect(workerBlobs.map.get('case-0001')).toBe('the previous save');
  });

  it('works inline with the page IndexedDB when no worker starts, and when the worker fails to load', async () => {
    const pageBlobs = new MapBlobs();
    const none = new CaseWriter({
      start: () => {
        throw new Error('Worker is not defined');
      },
      blobs: pageBlobs,
    });
    expect(await none.serialize(bigCase('a'))).toBe(serializeCase(bigCase('a')));
    await none.store('case-0001', bigCase('b'), 64 * 1024 * 1024);
    expect(pageBlobs.map.get('case-0001')).toBe(serializeCase(bigCase('b')));

    // The worker dies with two saves in flight: both still land, inline; later ones go inline without it.
    const dying = new FakeWorker(true);
    let starts = 0;
    const failing = new CaseWriter({
      start: () => {
        starts++;
        return dying;
      },
      blobs: pageBlobs,
    });
    const [x, y] = await Promise.all([failing.store('case-0002', bigCase('x'), 64 * 1024 * 1024), failing.serialize(bigCase('y'))]);
    expect(x).toBe(serializeCase(bigCase('x')).length);
    expect(pageBlobs.map.get('case-0002')).toBe(serializeCase(bigCase('x')));
    expect(y).toBe(serializeCase(bigCase('y')));
    expect(dying.terminated).toBe(true);
    expect(await failing.serialize(bigCase('z'))).toBe(serializeCase(bigCase('z')));
    expect(starts).toBe(1);
  });

  it('says so when there is no IndexedDB to store a big case in', async () => {
    const writer = new CaseWriter({ start: () => new FakeWorker(false, undefined) });
    await expect(writer.store('case-0001', bigCase('n'), 64 * 1024 * 1024)).rejects.toThrow('no IndexedDB storage');
  });

  it('saves inline a case that cannot be copied to the worker', async () => {
    const w = new FakeWorker();
    w.postMessage = () => {
      throw new DOMException('could not be cloned', 'DataCloneError');
    };
    const writer = new CaseWriter({ start: () => w });
    expect(await writer.serialize(bigCase('n'))).toBe(serializeCase(bigCase('n')));
  });
});
