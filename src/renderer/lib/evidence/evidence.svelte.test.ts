/**
 * The evidence store's reading state: `busy` stays true until the reading of the latest evidence has answered, so
 * nothing (a person, a test waiting for "idle") acts on a stale outcome while a newer reading waits for its timer.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EngineOutcome, EngineRequest } from './engine.ts';
import { EvidenceStore } from './evidence.svelte.ts';

/** A client whose answers arrive only when the test releases them, in any order. */
function heldClient() {
  const asked: { request: EngineRequest; answer: (o: EngineOutcome) => void }[] = [];
  return {
    asked,
    client: {
      evaluate: (request: EngineRequest) => new Promise<EngineOutcome>((answer) => asked.push({ request, answer })),
      dispose: () => {},
    },
  };
}

const empty = (note: string): EngineOutcome => ({ kind: 'empty', problems: [{ file: note, side: 'source', code: 'empty', message: note }] }) as unknown as EngineOutcome;

describe('EvidenceStore busy', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('an answer for evidence changed since it was asked neither shows nor clears busy; the latest answer does both', async () => {
    const { asked, client } = heldClient();
    const ev = new EvidenceStore(client);
    ev.setText('source', 'first paste');
    expect(ev.busy).toBe(true);
    await vi.advanceTimersByTimeAsync(200);
    expect(asked).toHaveLength(1);

    // The destination is pasted while the source's reading is still in flight; then that reading answers.
    ev.setText('dest', 'second paste');
    asked[0]!.answer(empty('stale'));
    await vi.advanceTimersByTimeAsync(0);
    expect(ev.busy).toBe(true);
    expect(ev.outcome.kind).toBe('empty');
    expect(JSON.stringify(ev.outcome)).not.toContain('stale');

    await vi.advanceTimersByTimeAsync(200);
    expect(asked).toHaveLength(2);
    expect(asked[1]!.request.inputs.map((i) => i.text)).toEqual(['first paste', 'second paste']);
    asked[1]!.answer(empty('latest'));
    await vi.advanceTimersByTimeAsync(0);
    expect(ev.busy).toBe(false);
    expect(JSON.stringify(ev.outcome)).toContain('latest');
  });

  it('settle() waits for the pending reading and returns its outcome', async () => {
    const { asked, client } = heldClient();
    const ev = new EvidenceStore(client);
    ev.setText('source', 'paste');
    const settled = ev.settle();
    await vi.advanceTimersByTimeAsync(0);
    expect(asked).toHaveLength(1);
    asked[0]!.answer(empty('answer'));
    await vi.advanceTimersByTimeAsync(50);
    expect(JSON.stringify(await settled)).toContain('answer');
    expect(ev.busy).toBe(false);
  });
});
