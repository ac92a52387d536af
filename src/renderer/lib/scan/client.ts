/**
 * Talks to the scan worker: one worker per scan (a new scan or Cancel terminates the previous one, which is how a
 * scan is stopped mid-way), progress and the result by callbacks, a host's ImportedHost on request.
 */
import type { ScanResult } from '../../../core/estate/types.ts';
import type { MigrationKind } from '../../../core/result.ts';
import { ResultAssembler } from './protocol.ts';
import type { ImportedHostDraft, ScanAsk, ScanFileInput, ScanProgressMessage, ScanTell } from './protocol.ts';

export interface ScanCallbacks {
  progress(message: ScanProgressMessage): void;
  done(result: ScanResult): void;
  failed(message: string): void;
}

export type WorkerFactory = () => Worker;

const defaultFactory: WorkerFactory = () => new Worker(new URL('./scan.worker.ts', import.meta.url), { type: 'module', name: 'scan' });

export class ScanClient {
  #worker: Worker | undefined;
  #next = 1;
  #asks = new Map<number, (host: ImportedHostDraft | null) => void>();

  constructor(private readonly factory: WorkerFactory = defaultFactory) {}

  start(files: readonly ScanFileInput[], migration: MigrationKind, on: ScanCallbacks): void {
    this.cancel();
    let worker: Worker;
    try {
      worker = this.factory();
    } catch (e) {
      on.failed(`The scan could not start its worker (${e instanceof Error ? e.message : String(e)}); this browser may block workers.`);
      return;
    }
    this.#worker = worker;
    const assembler = new ResultAssembler();
    worker.onmessage = (e: MessageEvent<ScanTell>) => {
      const m = e.data;
      if (m.type === 'progress') on.progress(m);
      else if (m.type === 'hosts' || m.type === 'pairs') assembler.add(m);
      else if (m.type === 'done') on.done(assembler.finish(m.result));
      else if (m.type === 'failed') on.failed(m.message);
      else {
        this.#asks.get(m.id)?.(m.host);
        this.#asks.delete(m.id);
      }
    };
    worker.onerror = (e) => {
      e.preventDefault();
      if (this.#worker !== worker) return;
      this.cancel();
      on.failed(`The scan stopped: its worker failed${e.message ? ` (${e.message})` : ''}, for example out of memory on a very large file. The app still works; try fewer or smaller files.`);
    };
    // Bytes already in memory move to the worker instead of being copied; File objects are cloned by reference.
    const transfer = files.flatMap((f) => (f instanceof Blob ? [] : [f.bytes]));
    const ask: ScanAsk = { type: 'scan', files: [...files], migration };
    worker.postMessage(ask, transfer);
  }

  /** The ImportedHost of a host of the last finished scan; null when it is gone (cancelled, another scan). */
  openHost(name: string): Promise<ImportedHostDraft | null> {
    const worker = this.#worker;
    if (!worker) return Promise.resolve(null);
    const id = this.#next++;
    return new Promise((resolve) => {
      this.#asks.set(id, resolve);
      const ask: ScanAsk = { type: 'open', id, name };
      worker.postMessage(ask);
    });
  }

  /** Stops the running scan (if any) and forgets the last one. */
  cancel(): void {
    this.#worker?.terminate();
    this.#worker = undefined;
    for (const resolve of this.#asks.values()) resolve(null);
    this.#asks.clear();
  }
}
