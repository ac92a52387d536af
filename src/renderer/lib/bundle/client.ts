/**
 * Starts one bundle worker per file and turns its messages into a promise plus progress callbacks; `cancel()`
 * terminates the worker at once (reading a 300 MB export may take a while). Where no Worker can be started the
 * reading runs inline, so the app still works, only with a busier page.
 */
import type { BundleReading, ReadProgress } from '../../../bundles/index.ts';
import type { BundleAnswer, BundleAsk } from './protocol.ts';

export type ReadOutcome =
  | { readonly kind: 'done'; readonly reading: BundleReading }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'failed'; readonly message: string };

export interface BundleJob {
  readonly done: Promise<ReadOutcome>;
  cancel(): void;
}

/** The part of a Worker the client uses (a fake in unit tests). */
export interface WorkerLike {
  onmessage: ((e: MessageEvent<BundleAnswer>) => void) | null;
  onerror: ((e: Event) => void) | null;
  postMessage(message: BundleAsk): void;
  terminate(): void;
}

export type WorkerFactory = () => WorkerLike;

const defaultFactory: WorkerFactory = () =>
  new Worker(new URL('./bundle.worker.ts', import.meta.url), { type: 'module', name: 'bundle' }) as unknown as WorkerLike;

async function readInline(file: File, onProgress: (p: ReadProgress) => void, cancelled: () => boolean): Promise<ReadOutcome> {
  const { blobSource, readBundle } = await import('../../../bundles/index.ts');
  try {
    const reading = await readBundle(blobSource(file.name, file), { onProgress });
    return cancelled() ? { kind: 'cancelled' } : { kind: 'done', reading };
  } catch (e) {
    return { kind: 'failed', message: e instanceof Error ? e.message : String(e) };
  }
}

export function readBundleFile(file: File, onProgress: (p: ReadProgress) => void, factory: WorkerFactory = defaultFactory): BundleJob {
  let settle: (o: ReadOutcome) => void = () => {};
  const done = new Promise<ReadOutcome>((resolve) => (settle = resolve));
  let worker: WorkerLike | undefined;
  let finished = false;
  const finish = (o: ReadOutcome) => {
    if (finished) return;
    finished = true;
    worker?.terminate();
    worker = undefined;
    settle(o);
  };
  const inline = () => void readInline(file, (p) => !finished && onProgress(p), () => finished).then(finish);
  try {
    worker = factory();
  } catch {
    inline();
    return { done, cancel: () => finish({ kind: 'cancelled' }) };
  }
  worker.onmessage = (e) => {
    const m = e.data;
    if (finished) return;
    if (m.kind === 'progress') onProgress(m.progress);
    else if (m.kind === 'done') finish({ kind: 'done', reading: m.reading });
    else finish({ kind: 'failed', message: m.message });
  };
  worker.onerror = () => {
    // A worker that cannot load (CSP, a missing chunk) must not leave the reading hanging: read it here instead.
    worker?.terminate();
    worker = undefined;
    if (!finished) inline();
  };
  worker.postMessage({ file });
  return { done, cancel: () => finish({ kind: 'cancelled' }) };
}
