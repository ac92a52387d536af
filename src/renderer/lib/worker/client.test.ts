import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate, type EngineRequest, type LoadCache } from '../evidence/engine.ts';
import { AnalysisClient, type AnalysisWorker } from './client.ts';
import { HeldTexts, type WorkerAnswer, type WorkerAsk } from './protocol.ts';

/** The analysis worker's own code (analysis.worker.ts) behind the Worker interface, answering on a later task. */
class FakeWorker implements AnalysisWorker {
  onmessage: ((e: MessageEvent<WorkerAnswer>) => void) | null = null;
  onerror: ((e: unknown) => void) | null = null;
  readonly asked: WorkerAsk[] = [];
  /** Replaced by a test to stand for a worker that lost what it held. */
  held = new HeldTexts();
  readonly #cache: LoadCache = new Map();
  postMessage(message: WorkerAsk): void {
    const copy = structuredClone(message);
    this.asked.push(copy);
    const request = this.held.restore(copy);
    const data: WorkerAnswer = request ? { id: copy.id, outcome: evaluate(request, this.#cache) } : { id: copy.id, lost: true };
    setTimeout(() => this.onmessage?.({ data } as MessageEvent<WorkerAnswer>), 0);
  }
  terminate(): void {}
}

const pasted = readFileSync('examples/bind0-6.7/esx-a.txt', 'utf8');
const log = '2026-11-25T12:00:00.123Z info hostd[2099421] Task Completed\n'.repeat(20_000);

function request(typed: string): EngineRequest {
  return {
    inputs: [
      { file: 'Source paste', text: typed, side: 'source', defaultHost: 'source-host' },
      { file: 'Pasted text 1', text: log, side: 'source', defaultHost: 'Pasted text 1', key: 'attachment-0' },
    ],
  };
}

describe('AnalysisClient', () => {
  it('copies an attached text to the worker once; later asks leave it out and get the same outcome', async () => {
    const w = new FakeWorker();
    const client = new AnalysisClient(() => w);
    const first = await client.evaluate(request(pasted.slice(0, 2000)));
    const second = await client.evaluate(request(pasted));
    expect(first).toEqual(evaluate(request(pasted.slice(0, 2000))));
    expect(second).toEqual(evaluate(request(pasted)));
    expect(w.asked[0]!.request.inputs[1]!.text).toBe(log);
    expect(w.asked[1]!.kept).toEqual([1]);
    expect(w.asked[1]!.request.inputs[1]!.text).toBe('');
    // The typed text always goes over as it is.
    expect(w.asked[1]!.request.inputs[0]!.text).toBe(pasted);
  });

  it('sends every text again when the worker lost what it held', async () => {
    const w = new FakeWorker();
    const client = new AnalysisClient(() => w);
    await client.evaluate(request('a'));
    w.held = new HeldTexts();
    expect(await client.evaluate(request(pasted))).toEqual(evaluate(request(pasted)));
    expect(w.asked.map((a) => a.kept)).toEqual([undefined, [1], undefined]);
    expect(w.asked[2]!.request.inputs[1]!.text).toBe(log);
  });

  it('answers inline when the worker fails to load', async () => {
    const w = new FakeWorker();
    w.postMessage = () => setTimeout(() => w.onerror?.(new Event('error')), 0);
    const client = new AnalysisClient(() => w);
    expect(await client.evaluate(request(pasted))).toEqual(evaluate(request(pasted)));
  });
});
