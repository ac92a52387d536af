/**
 * The analysis worker: parsers + core off the UI thread, so a 50 MB paste never freezes typing (style.md §1).
 * One message in (`{ id, request, kept }`), one message out (`{ id, outcome }`); the client drops stale answers.
 */
import { evaluate } from '../evidence/engine.ts';
import type { LoadCache } from '../evidence/engine.ts';
import { HeldTexts, type WorkerAnswer, type WorkerAsk } from './protocol.ts';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<WorkerAsk>) => void) | null;
  postMessage(message: WorkerAnswer): void;
};

// Attached files never change: their parse is kept, so typing next to a 50 MB attachment stays cheap; and their
// text, so it crosses from the page only once.
const cache: LoadCache = new Map();
const held = new HeldTexts();

scope.onmessage = (e) => {
  const { id } = e.data;
  const request = held.restore(e.data);
  scope.postMessage(request ? { id, outcome: evaluate(request, cache) } : { id, lost: true });
};
