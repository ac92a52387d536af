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
 * Handing the case over as a structured object costs the page a copy of its strings (a memcpy); stringifying it
 * costs a scan and escape of every character, and that scan is what used to block the UI thread after a big paste.
 */
import { parseCase, serializeCase, type CaseFile, type ParseCaseResult } from '../../../core/case/index.ts';
import { tooLargeForAutosave, type BlobStore } from '../case/web-case-store.ts';

export type CaseAsk =
  | { readonly kind: 'parse'; readonly seq: number; readonly text: string; readonly name: string }
  | { readonly kind: 'serialize'; readonly seq: number; readonly file: CaseFile }
  | { readonly kind: 'store'; readonly seq: number; readonly id: string; readonly file: CaseFile; readonly maxChars: number };

export type CaseAnswer =
  | { readonly kind: 'parsed'; readonly seq: number; readonly result: ParseCaseResult }
  | { readonly kind: 'serialized'; readonly seq: number; readonly text: string }
  | { readonly kind: 'stored'; readonly seq: number; readonly chars: number }
  /** A job that could not be done, with the sentence that says why (the previous save stays as it was). */
  | { readonly kind: 'failed'; readonly seq: number; readonly message: string };

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
