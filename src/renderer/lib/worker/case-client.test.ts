import { describe, expect, it } from 'vitest';
import { newCase, parseCase, serializeCase } from '../../../core/case/index.ts';
import { answerCase, type CaseAnswer, type CaseAsk } from './case-protocol.ts';
import { parseCaseOffThread, type CaseWorker } from './case-client.ts';

/** A worker that answers on a later task, as a real one does, and records what it was asked and whether it ended. */
class FakeWorker implements CaseWorker {
  onmessage: ((e: MessageEvent<CaseAnswer>) => void) | null = null;
  onerror: ((e: unknown) => void) | null = null;
  asked: CaseAsk[] = [];
  terminated = false;
  constructor(private readonly fail = false) {}
  postMessage(message: CaseAsk): void {
    this.asked.push(message);
    setTimeout(() => {
      if (this.fail) this.onerror?.(new Event('error'));
      else this.onmessage?.({ data: answerCase(message) } as MessageEvent<CaseAnswer>);
    }, 0);
  }
  terminate(): void {
    this.terminated = true;
  }
}

const text = serializeCase({ ...newCase('2026-11-25T09:00:00.000Z'), title: 'esx01', notes: 'n' });

describe('parseCaseOffThread', () => {
  it('hands the text to the worker and answers with what parseCase says, then ends the worker', async () => {
    const w = new FakeWorker();
    const r = await parseCaseOffThread(text, 'a.vpdcase', () => w);
    expect(w.asked).toEqual([{ text, name: 'a.vpdcase' }]);
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
