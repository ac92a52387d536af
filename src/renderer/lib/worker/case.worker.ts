/**
 * The case worker: reading a case file (JSON.parse of up to 64 MiB and the validation of every field) off the UI
 * thread, so opening a huge or hostile `.vpdcase` never freezes the app. One message in, one answer out.
 */
import { answerCase, type CaseAnswer, type CaseAsk } from './case-protocol.ts';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<CaseAsk>) => void) | null;
  postMessage(message: CaseAnswer): void;
};

scope.onmessage = (e) => {
  scope.postMessage(answerCase(e.data));
};
