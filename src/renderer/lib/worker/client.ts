/**
 * Runs `evaluate` in the analysis worker, latest request wins. Falls back to running inline where no Worker can be
 * started (a locked-down browser), so the app still works, only less smoothly on huge pastes. An attached file's
 * text is copied to the worker once (protocol.ts: packAsk, HeldTexts).
 */
import type { EngineOutcome, EngineRequest } from '../evidence/engine.ts';
import { packAsk, type WorkerAnswer, type WorkerAsk } from './protocol.ts';

/** The part of a Worker used here (tests pass a fake). */
export interface AnalysisWorker {
  onmessage: ((e: MessageEvent<WorkerAnswer>) => void) | null;
  onerror: ((e: unknown) => void) | null;
  postMessage(message: WorkerAsk): void;
  terminate(): void;
}

function startWorker(): AnalysisWorker {
  return new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module', name: 'analysis' }) as unknown as AnalysisWorker;
}

export class AnalysisClient {
  #worker: AnalysisWorker | undefined;
  /** The keyed texts the worker holds (from the last ask posted). */
  #held: ReadonlyMap<string, string> = new Map();
  #failed = false;
  #next = 1;
  #pending = new Map<number, { request: EngineRequest; resolve: (o: EngineOutcome) => void }>();

  readonly #startWorker: () => AnalysisWorker;

  constructor(start: () => AnalysisWorker = startWorker) {
    this.#startWorker = start;
  }

  #start(): AnalysisWorker | undefined {
    if (this.#worker || this.#failed) return this.#worker;
    try {
      const w = this.#startWorker();
      w.onmessage = (e: MessageEvent<WorkerAnswer>) => {
        const done = this.#pending.get(e.data.id);
        this.#pending.delete(e.data.id);
        if (!done) return;
        if ('outcome' in e.data) done.resolve(e.data.outcome);
        else {
          // It lacked a text it was thought to hold: ask again with every text.
          this.#held = new Map();
          void this.evaluate(done.request).then(done.resolve);
        }
      };
      w.onerror = () => {
        // A worker that cannot load (CSP, missing file) must not leave requests hanging: answer them inline.
        this.#failed = true;
        this.#worker = undefined;
        w.terminate();
        const waiting = [...this.#pending.values()];
        this.#pending.clear();
        for (const { request, resolve } of waiting) void this.#inline(request).then(resolve);
      };
      this.#worker = w;
    } catch {
      this.#failed = true;
    }
    return this.#worker;
  }

  async evaluate(request: EngineRequest): Promise<EngineOutcome> {
    const worker = this.#start();
    if (!worker) return this.#inline(request);
    const id = this.#next++;
    return new Promise((resolve) => {
      this.#pending.set(id, { request, resolve });
      const packed = packAsk(id, request, this.#held);
      worker.postMessage(packed.ask);
      this.#held = packed.held;
    });
  }

  async #inline(request: EngineRequest): Promise<EngineOutcome> {
    const { evaluate } = await import('../evidence/engine.ts');
    return evaluate(request);
  }

  dispose(): void {
    this.#worker?.terminate();
    this.#worker = undefined;
  }
}
