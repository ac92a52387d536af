import { describe, expect, it } from 'vitest';
import type { BundleReading } from '../../../bundles/index.ts';
import { readBundleFile } from './client.ts';
import type { WorkerLike } from './client.ts';
import type { BundleAnswer, BundleAsk } from './protocol.ts';

class FakeWorker implements WorkerLike {
  onmessage: ((e: MessageEvent<BundleAnswer>) => void) | null = null;
  onerror: ((e: Event) => void) | null = null;
  asked: BundleAsk[] = [];
  terminated = false;
  postMessage(m: BundleAsk): void {
    this.asked.push(m);
  }
  terminate(): void {
    this.terminated = true;
  }
  answer(m: BundleAnswer): void {
    this.onmessage?.({ data: m } as MessageEvent<BundleAnswer>);
  }
}

const reading = { source: 'x.tgz', format: 'host-bundle', hosts: [], skipped: [], problems: [], uncompressedBytes: 0, collector: '' } satisfies BundleReading;

describe('readBundleFile', () => {
  it('posts the file, forwards progress, resolves with the reading and ends the worker', async () => {
    const w = new FakeWorker();
    const seen: number[] = [];
    const file = new File(['abc'], 'x.tgz');
    const job = readBundleFile(file, (p) => seen.push(p.bytesRead), () => w);
    expect(w.asked).toEqual([{ file }]);
    w.answer({ kind: 'progress', progress: { bytesRead: 1, totalBytes: 3 } });
    w.answer({ kind: 'progress', progress: { bytesRead: 3, totalBytes: 3 } });
    w.answer({ kind: 'done', reading });
    expect(await job.done).toEqual({ kind: 'done', reading });
    expect(seen).toEqual([1, 3]);
    expect(w.terminated).toBe(true);
  });

  it('cancel terminates the worker at once and ignores what it still sends', async () => {
    const w = new FakeWorker();
    const seen: number[] = [];
    const job = readBundleFile(new File(['abc'], 'x.tgz'), (p) => seen.push(p.bytesRead), () => w);
    job.cancel();
    w.answer({ kind: 'progress', progress: { bytesRead: 2, totalBytes: 3 } });
    w.answer({ kind: 'done', reading });
    expect(await job.done).toEqual({ kind: 'cancelled' });
    expect(w.terminated).toBe(true);
    expect(seen).toEqual([]);
  });

  it('passes on a failure of the reader as a message', async () => {
    const w = new FakeWorker();
    const job = readBundleFile(new File(['abc'], 'x.tgz'), () => {}, () => w);
    w.answer({ kind: 'failed', message: 'boom' });
    expect(await job.done).toEqual({ kind: 'failed', message: 'boom' });
  });

  it('reads inline when no worker can be started', async () => {
    const job = readBundleFile(new File(['not an archive'], 'x.tgz'), () => {}, () => {
      throw new Error('no workers here');
    });
    const out = await job.done;
    expect(out.kind).toBe('done');
    if (out.kind === 'done') expect(out.reading.problems[0]?.code).toBe('NOT_A_BUNDLE');
  });
});
