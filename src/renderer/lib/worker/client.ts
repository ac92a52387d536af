/**
 * Runs `evaluate` in the analysis worker, latest request wins. Falls back to running inline where no Worker can be
 * started (a locked-down browser), so the app still works, only less smoothly on huge pastes.
 */
import type { EngineOutcome, EngineRequest } from '../evidence/engine.ts';
import type { WorkerAnswer, WorkerAsk } from './protocol.ts';

export class AnalysisClient {
  #worker: Worker | undefined;
  #failed = false;
  #next = 1;
  #pending = new Map<number, { request: EngineRequest; resolve: (o: EngineOutcome) => void }>();

  #start(): Worker | undefined {
    if (this.#worker || this.#failed) return this.#worker;
    try {
      const w = new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module', name: 'analysis' });
      w.onmessage = (e: MessageEvent<WorkerAnswer>) => {
        const done = this.#pending.get(e.data.id);
        this.#pending.delete(e.data.id);
        done?.resolve(e.data.outcome);
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
      const ask: WorkerAsk = { id, request };
      worker.postMessage(ask);
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
