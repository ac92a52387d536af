/**
 * The case worker: reading a case file (JSON.parse of up to 64 MiB and the validation of every field) and writing
 * one (JSON.stringify of the whole case, and in the web build its IndexedDB write) off the UI thread, so opening a
 * huge or hostile `.vpdcase` never freezes the app, and neither does autosaving a case that holds a 50 MB paste.
 * One answer per message, under the message's `seq` (a store answers when IndexedDB has committed it).
 */
import { indexedDbBlobs, type BlobStore } from '../case/web-case-store.ts';
import { answerCase, type CaseAnswer, type CaseAsk } from './case-protocol.ts';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<CaseAsk>) => void) | null;
  postMessage(message: CaseAnswer): void;
  indexedDB?: IDBFactory;
};

// Opened on the first store only: a worker started to read one file never touches IndexedDB.
let blobs: BlobStore | undefined | null = null;

scope.onmessage = (e) => {
  if (e.data.kind === 'store' && blobs === null) blobs = indexedDbBlobs(scope.indexedDB);
  void answerCase(e.data, blobs ?? undefined).then((answer) => scope.postMessage(answer));
};
