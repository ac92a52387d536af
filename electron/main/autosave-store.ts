/**
 * The autosaved cases in the app's data folder (`<userData>/cases/<id>.vpdcase`, one file per case, each written
 * atomically by writeFileAtomic): killing the app mid-save loses at most the change being saved and never the
 * previous save. Writes of one case are queued, so an older save can never land after a newer one. The folder keeps
 * the newest KEEP_CASES cases; the start screen lists the newest LIST_CASES.
 *
 * Main, not the page, decides how much is kept: one autosave is at most MAX_AUTOSAVE_CHARS (a bigger case is
 * refused with a sentence, the previous save staying as it was), all of them at most MAX_TOTAL_BYTES on disk, and
 * the saves written longest ago (file times set by this process, not dates the page sends) are evicted first; the
 * case just written is never evicted.
 */
import { mkdir, open, readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { AutosavedCase, OpenedFile } from '../shared/contract.ts';
import { ContractError, isCaseId, MAX_REASON_CHARS, MAX_TEXT_CHARS } from '../shared/contract.ts';
// The constant alone (case-file.ts holds only types and constants): main bundles none of the case parser.
import { MAX_CASE_CHARS } from '../../src/core/case/case-file.ts';
import { isTempName, writeFileAtomic } from './case-store.ts';

export const KEEP_CASES = 20;
export const LIST_CASES = 10;
/** A case file the app can open again is at most MAX_CASE_CHARS: a bigger autosave could never be reopened. */
export const MAX_AUTOSAVE_CHARS = MAX_CASE_CHARS;
/** All autosaves together on disk. */
export const MAX_TOTAL_BYTES = 256 * 1024 * 1024;

export interface AutosaveLimits {
  readonly maxCaseChars: number;
  readonly maxTotalBytes: number;
}

export interface AutosaveStoreOptions {
  readonly limits?: AutosaveLimits;
  /** Writes one file atomically (tests pass one that fails, as a full disk does). */
  readonly writeFile?: (path: string, text: string) => Promise<void>;
}

const mib = (n: number): string => (n < 1048576 ? `${Math.ceil(n / 1024)} KiB` : `${(n / 1048576).toFixed(n < 10 * 1048576 ? 1 : 0)} MiB`);
const EXT = '.vpdcase';
/** `<id>.failed` next to a case that could not be opened: the sentence that said why. */
const FAILED_EXT = '.failed';
/** serializeCase writes the small fields (format … title, screen) before the evidence: they sit in the first lines. */
const HEAD_BYTES = 4096;

function idOf(file: string): string | undefined {
  if (!file.endsWith(EXT)) return undefined;
  const id = file.slice(0, -EXT.length);
  return isCaseId(id) ? id : undefined;
}

/** A top-level string field of a case file's head, as serializeCase writes it (two-space indent, one per line). */
function headField(head: string, key: 'title' | 'updatedAt'): string | undefined {
  const m = new RegExp(`^ {2}"${key}": ("(?:[^"\\\\\\n]|\\\\.)*"),?\\r?$`, 'm').exec(head);
  if (!m) return undefined;
  try {
    const v: unknown = JSON.parse(m[1]!);
    return typeof v === 'string' ? v : undefined;
  } catch {
    return undefined;
  }
}

async function readHead(path: string): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const buf = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buf, 0, HEAD_BYTES, 0);
    return buf.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

interface Entry {
  readonly id: string;
  readonly path: string;
  readonly mtimeMs: number;
  readonly size: number;
}

export class AutosaveStore {
  readonly #queues = new Map<string, Promise<void>>();
  readonly #limits: AutosaveLimits;
  readonly #writeFile: (path: string, text: string) => Promise<void>;

  constructor(
    readonly dir: string,
    /** Temp files older than this were left by a process that died mid-save: safe to delete. */
    readonly startedAt: number = Date.now(),
    options: AutosaveStoreOptions = {},
  ) {
    this.#limits = options.limits ?? { maxCaseChars: MAX_AUTOSAVE_CHARS, maxTotalBytes: MAX_TOTAL_BYTES };
    this.#writeFile = options.writeFile ?? writeFileAtomic;
  }

  pathOf(id: string): string {
    if (!isCaseId(id)) throw new ContractError('BAD_ARGUMENT', 'not a case id');
    return join(this.dir, `${id}${EXT}`);
  }

  /**
   * Saves one case atomically; resolves when it is on disk and its size checked. Saves of the same case run one
   * after another. A failed write leaves the previous save as it was (writeFileAtomic replaces it by a rename only
   * once the new copy is complete and synced), and nothing is evicted for it.
   */
  write(id: string, text: string): Promise<void> {
    const path = this.pathOf(id);
    if (text.length > this.#limits.maxCaseChars) {
      return Promise.reject(new ContractError('TOO_LARGE', `The case is ${mib(text.length)}, more than the ${mib(this.#limits.maxCaseChars)} an autosave holds; save it to a file instead.`));
    }
    const previous = this.#queues.get(id) ?? Promise.resolve();
    const next = previous
      .catch(() => undefined)
      .then(async () => {
        await mkdir(this.dir, { recursive: true });
        await this.#writeFile(path, text);
        const written = (await stat(path)).size;
        const expected = Buffer.byteLength(text, 'utf8');
        if (written !== expected) throw new ContractError('IO', `The autosave was cut short (${written} of ${expected} bytes written).`);
        // A new save of the case is a case that opened: it is no longer marked as failed.
        await rm(this.#failedPath(id), { force: true });
        await this.#prune(id);
      });
    this.#queues.set(id, next);
    void next.finally(() => {
      if (this.#queues.get(id) === next) this.#queues.delete(id);
    }).catch(() => undefined);
    return next;
  }

  #failedPath(id: string): string {
    if (!isCaseId(id)) throw new ContractError('BAD_ARGUMENT', 'not a case id');
    return join(this.dir, `${id}${FAILED_EXT}`);
  }

  /** Marks a case that could not be opened, with the sentence that said why; the list shows it as failed. */
  async markFailed(id: string, reason: string): Promise<void> {
    const path = this.pathOf(id);
    try {
      await stat(path);
    } catch {
      throw new ContractError('IO', "This case is no longer in the app's data folder.");
    }
    await this.#queues.get(id)?.catch(() => undefined);
    await writeFileAtomic(this.#failedPath(id), reason);
  }

  /** Removes an autosaved case (and its failure mark) from the folder. */
  async remove(id: string): Promise<void> {
    const path = this.pathOf(id);
    await this.#queues.get(id)?.catch(() => undefined);
    await rm(path, { force: true });
    await rm(this.#failedPath(id), { force: true });
  }

  /** Resolves when every save asked for so far has finished (or failed); undefined when none is running. */
  settled(): Promise<void> | undefined {
    if (this.#queues.size === 0) return undefined;
    return Promise.allSettled([...this.#queues.values()]).then(() => undefined);
  }

  async #entries(): Promise<Entry[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch {
      return [];
    }
    const entries: Entry[] = [];
    for (const name of names) {
      const path = join(this.dir, name);
      if (name.endsWith(FAILED_EXT)) {
        // A mark whose case is gone (evicted, removed) goes with it.
        const id = name.slice(0, -FAILED_EXT.length);
        if (!isCaseId(id) || !names.includes(`${id}${EXT}`)) await rm(path, { force: true }).catch(() => undefined);
        continue;
      }
      if (isTempName(name)) {
        // Left behind by a killed save (ours finish before this process lists): the case it was for is intact.
        try {
          if ((await stat(path)).mtimeMs < this.startedAt) await rm(path, { force: true });
        } catch {
          // gone already
        }
        continue;
      }
      const id = idOf(name);
      if (id === undefined) continue;
      try {
        const s = await stat(path);
        if (s.isFile()) entries.push({ id, path, mtimeMs: s.mtimeMs, size: s.size });
      } catch {
        // removed meanwhile
      }
    }
    return entries.sort((a, b) => b.mtimeMs - a.mtimeMs || a.id.localeCompare(b.id));
  }

  /** Keeps the newest KEEP_CASES cases within MAX_TOTAL_BYTES, newest (by file time) first; `keep` always stays. */
  async #prune(keep: string): Promise<void> {
    const entries = await this.#entries();
    const kept = entries.filter((e) => e.id === keep);
    let total = kept.reduce((n, e) => n + e.size, 0);
    // Oldest first: once one save does not fit, it and every older one go.
    let full = false;
    for (const e of entries) {
      if (e.id === keep) continue;
      full ||= kept.length >= KEEP_CASES || total + e.size > this.#limits.maxTotalBytes;
      if (full) await rm(e.path, { force: true });
      else {
        kept.push(e);
        total += e.size;
      }
    }
  }

  /** The newest cases, newest first, with the title and date read from each file's first lines. */
  async list(): Promise<AutosavedCase[]> {
    const out: AutosavedCase[] = [];
    for (const e of (await this.#entries()).slice(0, LIST_CASES)) {
      let head = '';
      try {
        head = await readHead(e.path);
      } catch {
        continue;
      }
      const title = headField(head, 'title');
      const updatedAt = headField(head, 'updatedAt') ?? new Date(e.mtimeMs).toISOString();
      let failed: string | undefined;
      try {
        failed = (await readFile(this.#failedPath(e.id), 'utf8')).slice(0, MAX_REASON_CHARS) || 'It could not be opened.';
      } catch {
        // not marked
      }
      out.push({ id: e.id, ...(title !== undefined ? { title } : {}), updatedAt, bytes: e.size, ...(failed !== undefined ? { failed } : {}) });
    }
    return out;
  }

  /** The text of one autosaved case (the renderer parses and validates it like any opened file). */
  async read(id: string): Promise<OpenedFile> {
    const path = this.pathOf(id);
    await this.#queues.get(id)?.catch(() => undefined);
    let size: number;
    try {
      size = (await stat(path)).size;
    } catch {
      throw new ContractError('IO', 'This case is no longer in the app\'s data folder.');
    }
    if (size > MAX_TEXT_CHARS) throw new ContractError('TOO_LARGE', `The autosaved case is ${Math.round(size / 1048576)} MiB; a case file is at most ${MAX_TEXT_CHARS / 1048576} MiB.`);
    return { name: `${id}${EXT}`, text: await readFile(path, 'utf8') };
  }
}
