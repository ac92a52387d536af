/**
 * The page's side of the case worker.
 *
 * - parseCaseOffThread reads a case file in a worker of its own (started for the one file, ended with its answer:
 *   opening a case is rare, and a worker per file leaves no stale answer to drop).
 * - CaseWriter keeps one worker for the autosaves of big cases: it stringifies them (Electron sends the text over
 *   its bridge) or stringifies and stores them in IndexedDB (web), so the UI thread only copies the case over,
 *   and each big text (a paste, an attached log) only once: the worker keeps it for the next save (TextRef).
 *
 * Where no Worker can be started, or it fails to load, the same work runs inline (answerCase), so the app still
 * opens and saves cases, only without the guarantee of a free UI thread.
 */
import { serializeCase, type CaseFile, type ParseCaseResult } from '../../../core/case/index.ts';
import type { BlobStore } from '../case/web-case-store.ts';
import { TOKEN_TEXT_CHARS } from '../case/autosave-key.ts';
import { answerCase, storeCase, type CaseAnswer, type CaseAsk, type TextRef } from './case-protocol.ts';

/** A case whose text is about this long or shorter is written inline: a round trip to the worker buys nothing. */
export const OFF_THREAD_CHARS = 1_000_000;

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
  const ask: CaseAsk = { kind: 'parse', seq: 0, text, name };
  const inline = async (): Promise<ParseCaseResult> => {
    const a = await answerCase(ask, undefined);
    // answerCase answers a parse with `parsed` (parseCase itself never throws).
    if (a.kind !== 'parsed') throw new Error(a.kind === 'failed' ? a.message : 'unexpected answer');
    return a.result;
  };
  let worker: CaseWorker;
  try {
    worker = start();
  } catch {
    return inline();
  }
  return new Promise<ParseCaseResult>((resolve, reject) => {
    worker.onmessage = (e) => {
      worker.terminate();
      if (e.data.kind === 'parsed') resolve(e.data.result);
      else inline().then(resolve, reject);
    };
    worker.onerror = () => {
      // A worker that cannot load (CSP, missing file) must not leave the open hanging: read it here instead.
      worker.terminate();
      inline().then(resolve, reject);
    };
    worker.postMessage(ask);
  });
}

/** An ask as the page made it (every text in place: what runs inline if the worker goes) and who waits for it. */
type Job = { readonly ask: CaseAsk; readonly settle: (a: CaseAnswer) => void };

interface Sent {
  readonly text: string;
  readonly ref: number;
}

export interface CaseWriterOptions {
  readonly start?: () => CaseWorker;
  /** The page's own IndexedDB store, for storing inline when the worker cannot run. */
  readonly blobs?: BlobStore;
}

/** Autosaves of big cases through one long-lived case worker; inline where it cannot run. */
export class CaseWriter {
  readonly #start: () => CaseWorker;
  readonly #blobs: BlobStore | undefined;
  /** undefined: not started yet; null: cannot run here (every job then runs inline). */
  #worker: CaseWorker | undefined | null;
  readonly #jobs = new Map<number, Job>();
  #seq = 0;
  /** The big texts of the last case posted to the worker (it keeps them), and the next ref to give. */
  #sent: readonly Sent[] = [];
  #ref = 0;

  constructor(options: CaseWriterOptions = {}) {
    this.#start = options.start ?? startWorker;
    this.#blobs = options.blobs;
  }

  /** The case file's text: written here when it is small (`size`, as CaseKeys measures it), else by the worker. */
  text(file: CaseFile, size: number): Promise<string> {
    return size <= OFF_THREAD_CHARS ? Promise.resolve(serializeCase(file)) : this.serialize(file);
  }

  /** The case file's text, written by the worker. */
  async serialize(file: CaseFile): Promise<string> {
    const a = await this.#ask({ kind: 'serialize', seq: ++this.#seq, file });
    if (a.kind === 'serialized') return a.text;
    throw new Error(a.kind === 'failed' ? a.message : 'the case worker gave an unexpected answer');
  }

  /** Writes the case and stores it under `id` in IndexedDB, unless it is over `maxChars`; resolves to its length. */
  async store(id: string, file: CaseFile, maxChars: number): Promise<number> {
    const a = await this.#ask({ kind: 'store', seq: ++this.#seq, id, file, maxChars });
    if (a.kind === 'stored') return a.chars;
    throw new Error(a.kind === 'failed' ? a.message : 'the case worker gave an unexpected answer');
  }

  dispose(): void {
    this.#worker?.terminate();
    this.#worker = null;
    this.#failAll();
  }

  #inline(ask: CaseAsk): Promise<CaseAnswer> {
    // The same code as the worker's (answerCase), with the page's IndexedDB.
    if (ask.kind === 'store') {
      return storeCase(ask.id, ask.file, ask.maxChars, this.#blobs).then(
        (chars): CaseAnswer => ({ kind: 'stored', seq: ask.seq, chars }),
        (e: unknown): CaseAnswer => ({ kind: 'failed', seq: ask.seq, message: e instanceof Error ? e.message : String(e) }),
      );
    }
    if (ask.kind === 'serialize') return Promise.resolve({ kind: 'serialized', seq: ask.seq, text: serializeCase(ask.file) });
    return answerCase(ask, undefined);
  }

  #ensureWorker(): CaseWorker | null {
    if (this.#worker !== undefined) return this.#worker;
    try {
      const w = this.#start();
      w.onmessage = (e) => {
        const job = this.#jobs.get(e.data.seq);
        this.#jobs.delete(e.data.seq);
        job?.settle(e.data);
      };
      w.onerror = () => {
        // It failed to load (CSP, missing file) or died: from now on inline, and the jobs it held run inline too.
        w.terminate();
        this.#worker = null;
        this.#failAll();
      };
      this.#worker = w;
    } catch {
      this.#worker = null;
    }
    return this.#worker;
  }

  /** Re-runs inline every job still waiting for the worker (none is lost with it). */
  #failAll(): void {
    const jobs = [...this.#jobs.values()];
    this.#jobs.clear();
    for (const job of jobs) void this.#inline(job.ask).then(job.settle);
  }

  /**
   * The ask as posted: each big text out of the case, with its text when the worker does not hold it yet, by ref
   * when it does (the same string: `===` answers at once for the very object the page keeps).
   */
  #pack(ask: CaseAsk): { readonly posted: CaseAsk; readonly sent: readonly Sent[] } {
    if (ask.kind === 'parse') return { posted: ask, sent: this.#sent };
    const sent: Sent[] = [];
    const texts: TextRef[] = [];
    const evidence = ask.file.evidence.map((e, index) => {
      if (e.text.length < TOKEN_TEXT_CHARS) return e;
      const known = this.#sent.find((k) => k.text === e.text) ?? sent.find((k) => k.text === e.text);
      const ref = known?.ref ?? ++this.#ref;
      texts.push(known ? { index, ref } : { index, ref, text: e.text });
      sent.push({ text: e.text, ref });
      return { ...e, text: '' };
    });
    if (texts.length === 0) return { posted: ask, sent: [] };
    return { posted: { ...ask, file: { ...ask.file, evidence }, texts }, sent };
  }

  #ask(ask: CaseAsk): Promise<CaseAnswer> {
    const w = this.#ensureWorker();
    if (!w) return this.#inline(ask);
    return new Promise<CaseAnswer>((settle) => {
      const { posted, sent } = this.#pack(ask);
      this.#jobs.set(ask.seq, {
        ask,
        settle: (a) => {
          if (a.kind !== 'lost') return settle(a);
          // The worker lacked a text it was thought to hold: send everything again, once.
          this.#sent = [];
          void this.#ask({ ...ask, seq: ++this.#seq }).then(settle);
        },
      });
      try {
        w.postMessage(posted);
        this.#sent = sent;
      } catch {
        // Something in the case cannot be cloned: this one save runs inline.
        this.#jobs.delete(ask.seq);
        void this.#inline(ask).then(settle);
      }
    });
  }
}
