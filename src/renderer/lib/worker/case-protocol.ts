/**
 * Messages between the UI and the case worker (plain data only: structured clone). Three jobs, each answered once
 * under the `seq` it was asked with:
 *
 * - parse: read a case file's text (JSON.parse and the validation of every field);
 * - serialize: write a case file's text (JSON.stringify of the whole case, every evidence text escaped), answered
 *   with the text, for the Electron build, whose autosave crosses the bridge from the page;
 * - store: write the text and put it in the web build's IndexedDB store itself, answered with its length only, so
 *   a 50 MB case never comes back to the page.
 *
 * Handing the case over as a structured object costs the page a copy of its strings (a memcpy), and of each big
 * text only once (TextRef, KeptTexts); stringifying it costs a scan and escape of every character, and that scan
 * is what used to block the UI thread after a big paste.
 */
import { parseCase, serializeCase, type CaseFile, type ParseCaseResult } from '../../../core/case/index.ts';
import { tooLargeForAutosave, type BlobStore } from '../case/web-case-store.ts';

/**
 * A big evidence text of a case to write, by its place in `file.evidence`. Sent with its text the first time, by
 * `ref` alone afterwards: the worker keeps the texts of the last case it was sent, so saving the case again after
 * an edit of its notes does not copy a 50 MB paste to the worker again.
 */
export interface TextRef {
  readonly index: number;
  readonly ref: number;
  readonly text?: string;
}

export type CaseAsk =
  | { readonly kind: 'parse'; readonly seq: number; readonly text: string; readonly name: string }
  | { readonly kind: 'serialize'; readonly seq: number; readonly file: CaseFile; readonly texts?: readonly TextRef[] }
  | { readonly kind: 'store'; readonly seq: number; readonly id: string; readonly file: CaseFile; readonly maxChars: number; readonly texts?: readonly TextRef[] };

export type CaseAnswer =
  | { readonly kind: 'parsed'; readonly seq: number; readonly result: ParseCaseResult }
  | { readonly kind: 'serialized'; readonly seq: number; readonly text: string }
  | { readonly kind: 'stored'; readonly seq: number; readonly chars: number }
  /** The ask named a big text by ref that this worker does not hold: the page sends the case again in full. */
  | { readonly kind: 'lost'; readonly seq: number }
  /** A job that could not be done, with the sentence that says why (the previous save stays as it was). */
  | { readonly kind: 'failed'; readonly seq: number; readonly message: string };

/**
 * The worker's memory of big texts: puts each ask's texts back into its case, then keeps only the texts of that
 * ask (asks arrive in the order they were posted, so a later one never needs a text an earlier one dropped).
 */
export class KeptTexts {
  #kept = new Map<number, string>();

  /** The ask with every big text in place, or the `lost` answer when it names a text this worker never got. */
  restore(ask: CaseAsk): { readonly ask: CaseAsk } | { readonly answer: CaseAnswer } {
    if (ask.kind === 'parse' || ask.texts === undefined) return { ask };
    const kept = new Map<number, string>();
    const evidence = [...ask.file.evidence];
    for (const r of ask.texts) {
      const text = r.text ?? kept.get(r.ref) ?? this.#kept.get(r.ref);
      const item = evidence[r.index];
      if (text === undefined || item === undefined) return { answer: { kind: 'lost', seq: ask.seq } };
      kept.set(r.ref, text);
      evidence[r.index] = { ...item, text };
    }
    this.#kept = kept;
    const { texts: _texts, ...rest } = ask;
    return { ask: { ...rest, file: { ...ask.file, evidence } } };
  }
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/**
 * Writes the case and puts it in `blobs` under its id, unless it is over `maxChars`: then nothing is written, so
 * the previous save of the case stays whole. Resolves to the number of characters stored.
 */
export async function storeCase(id: string, file: CaseFile, maxChars: number, blobs: BlobStore | undefined): Promise<number> {
  if (!blobs) throw new Error("this browser keeps no IndexedDB storage for this page, and the case is too big for its local storage");
  const text = serializeCase(file);
  if (text.length > maxChars) throw new Error(tooLargeForAutosave(text.length, maxChars));
  await blobs.put(id, text);
  return text.length;
}

/**
 * What the worker does with one message; also the inline fallback where no worker runs, so both give the same
 * answer. Never rejects: a failure is a `failed` answer.
 */
export async function answerCase(ask: CaseAsk, blobs: BlobStore | undefined): Promise<CaseAnswer> {
  const { seq } = ask;
  try {
    switch (ask.kind) {
      case 'parse':
        return { kind: 'parsed', seq, result: parseCase(ask.text, { name: ask.name }) };
      case 'serialize':
        return { kind: 'serialized', seq, text: serializeCase(ask.file) };
      case 'store':
        return { kind: 'stored', seq, chars: await storeCase(ask.id, ask.file, ask.maxChars, blobs) };
    }
  } catch (e) {
    return { kind: 'failed', seq, message: message(e) };
  }
}

/**
 * The case worker's whole job, one call per message (case.worker.ts; the tests' fake worker runs the same). Call it
 * as each message arrives, in order: it puts the big texts back at once. IndexedDB is opened on the first store
 * only: a worker started to read one file never touches it.
 */
export function caseWorkerJob(openBlobs: () => BlobStore | undefined): (ask: CaseAsk) => Promise<CaseAnswer> {
  const kept = new KeptTexts();
  let blobs: BlobStore | undefined | null = null;
  return (ask) => {
    const restored = kept.restore(ask);
    if ('answer' in restored) return Promise.resolve(restored.answer);
    if (restored.ask.kind === 'store' && blobs === null) blobs = openBlobs();
    return answerCase(restored.ask, blobs ?? undefined);
  };
}
