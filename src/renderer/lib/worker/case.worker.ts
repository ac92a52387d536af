/**
 * The case worker: reading a case file (JSON.parse of up to 64 MiB and the validation of every field) and writing
 * one (JSON.stringify of the whole case, and in the web build its IndexedDB write) off the UI thread, so opening a
 * huge or hostile `.vpdcase` never freezes the app, and neither does autosaving a case that holds a 50 MB paste.
 * One answer per message, under the message's `seq` (a store answers when IndexedDB has committed it).
 */
import { indexedDbBlobs } from '../case/web-case-store.ts';
import { caseWorkerJob, type CaseAnswer, type CaseAsk } from './case-protocol.ts';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<CaseAsk>) => void) | null;
  postMessage(message: CaseAnswer): void;
  indexedDB?: IDBFactory;
};

const job = caseWorkerJob(() => indexedDbBlobs(scope.indexedDB));

scope.onmessage = (e) => {
  void job(e.data).then((answer) => scope.postMessage(answer));
};
