/**
 * Messages between the UI and the analysis worker (plain data only: structured clone, no Proxies).
 *
 * Attached files never change (EvidenceText.key), and a 50 MB one would otherwise be copied to the worker again for
 * every evaluation (each keystroke in a text box next to it, after the debounce): a copy that holds the UI thread
 * for tens of milliseconds. So a keyed text goes over once; later asks send it empty and list its index in `kept`,
 * and the worker puts back the text it holds under that key (HeldTexts).
 */
import type { EngineOutcome, EngineRequest, EvidenceText } from '../evidence/engine.ts';

export interface WorkerAsk {
  readonly id: number;
  readonly request: EngineRequest;
  /** Indexes in `request.inputs` of keyed texts sent empty: the worker holds them from an earlier ask. */
  readonly kept?: readonly number[];
}

export type WorkerAnswer =
  | { readonly id: number; readonly outcome: EngineOutcome }
  /** The ask named a text the worker does not hold: the client sends it again in full. */
  | { readonly id: number; readonly lost: true };

/** The page's side: what the worker holds (key → the very text sent), and the ask that leaves held texts out. */
export function packAsk(id: number, request: EngineRequest, held: ReadonlyMap<string, string>): { readonly ask: WorkerAsk; readonly held: Map<string, string> } {
  const next = new Map<string, string>();
  const kept: number[] = [];
  const inputs = request.inputs.map((input, i): EvidenceText => {
    if (input.key === undefined) return input;
    next.set(input.key, input.text);
    // `===`: the store keeps the very string it attached, so this answers at once.
    if (held.get(input.key) !== input.text) return input;
    kept.push(i);
    return { ...input, text: '' };
  });
  return { ask: kept.length > 0 ? { id, request: { ...request, inputs }, kept } : { id, request }, held: next };
}

/** The worker's side: the keyed texts of the last ask, put back into the next one. */
export class HeldTexts {
  #held = new Map<string, string>();

  /** The request with every kept text in place, or undefined when one is not held (the client resends). */
  restore(ask: WorkerAsk): EngineRequest | undefined {
    const kept = new Set(ask.kept ?? []);
    const next = new Map<string, string>();
    const inputs: EvidenceText[] = [];
    for (const [i, input] of ask.request.inputs.entries()) {
      const text = kept.has(i) && input.key !== undefined ? this.#held.get(input.key) : input.text;
      if (text === undefined) return undefined;
      if (input.key !== undefined) next.set(input.key, text);
      inputs.push(text === input.text ? input : { ...input, text });
    }
    this.#held = next;
    return { ...ask.request, inputs };
  }
}
