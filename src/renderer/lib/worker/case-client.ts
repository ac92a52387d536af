/**
 * Reads a case file in a worker of its own (started for the one file, ended with its answer: opening a case is
 * rare, and a worker per file leaves no stale answer to drop). Where no Worker can be started, or it fails to
 * load, the same reading runs inline, so the app still opens cases, only without the guarantee of a free UI thread.
 */
import type { ParseCaseResult } from '../../../core/case/index.ts';
import { answerCase, type CaseAnswer, type CaseAsk } from './case-protocol.ts';

/** The part of a Worker used here (tests pass a fake). */
export interface CaseWorker {
  onmessage: ((e: MessageEvent<CaseAnswer>) => void) | null;
  onerror: ((e: unknown) => void) | null;
  postMessage(message: CaseAsk): void;
  terminate(): void;
}

function startWorker(): CaseWorker {
  return new Worker(new URL('./case.worker.ts', import.meta.url), { type: 'module', name: 'case' }) as unknown as CaseWorker;
}

export function parseCaseOffThread(text: string, name: string, start: () => CaseWorker = startWorker): Promise<ParseCaseResult> {
  const inline = (): ParseCaseResult => answerCase({ text, name }).result;
  let worker: CaseWorker;
  try {
    worker = start();
  } catch {
    return Promise.resolve(inline());
  }
  return new Promise<ParseCaseResult>((resolve) => {
    worker.onmessage = (e) => {
      worker.terminate();
      resolve(e.data.result);
    };
    worker.onerror = () => {
      // A worker that cannot load (CSP, missing file) must not leave the open hanging: read it here instead.
      worker.terminate();
      resolve(inline());
    };
    worker.postMessage({ text, name });
  });
}
