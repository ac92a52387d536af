/**
 * Autosave timing, apart from what is saved and where (both injected), so it is unit-tested with fake timers.
 *
 * - Every change restarts a short quiet period (debounce); a change that keeps coming (someone typing without a
 *   pause) is still saved once `maxWaitMs` has passed since the first unsaved change. Once the last save was big
 *   (a case holding a 50 MB paste), both stretch (`bigQuietMs`, `bigMaxWaitMs`): each save of it copies the whole
 *   case to the worker that writes it, and typing into the notes should not rewrite 50 MB every second.
 * - The case is built and keyed only when the save runs (`produce`), not per keystroke. A case identical to the
 *   last one saved (same key) is not written again.
 * - Saves never overlap: a change during a save is saved right after it.
 * - `flushNow` writes at once, without waiting for a save in flight: for `pagehide`, where the web build's
 *   synchronous localStorage write must happen before the page is gone.
 * - `unsaved` says whether leaving now would lose a change: one waiting, or a write that is still on its way (a big
 *   case being stringified and stored), as opposed to one the store took before `write` returned.
 */

export interface AutosaveItem {
  /** What decides "unchanged": the case without its updatedAt (and the slot id). */
  readonly key: string;
  /** Writes it. Where the store is synchronous the write happens before the returned promise is made. */
  write(): Promise<void>;
  /** About the characters written, to stretch the quiet period for very big cases (writing them takes a moment). */
  readonly size: number;
  /** The store has the case once `write` returns (a synchronous store): a page unloaded right after keeps it. */
  readonly landsAtOnce?: boolean;
}

export interface AutosaveOptions {
  /** Builds the save now, or undefined when there is nothing worth saving (an empty case). */
  produce(): AutosaveItem | undefined;
  onError(error: unknown): void;
  /** The case is saved: just written, or unchanged since the last write. */
  onSaved?(): void;
  /** There was nothing worth saving (an empty case). */
  onEmpty?(): void;
  quietMs?: number;
  maxWaitMs?: number;
  /** Quiet period and longest wait once the last save was bigger than `bigChars`. */
  bigQuietMs?: number;
  bigMaxWaitMs?: number;
  bigChars?: number;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export class Autosaver {
  readonly #o: Required<Omit<AutosaveOptions, 'onSaved' | 'onEmpty'>> & Pick<AutosaveOptions, 'onSaved' | 'onEmpty'>;
  #timer: unknown;
  #dirtySince: number | undefined;
  #saving: Promise<void> | undefined;
  /** Writes started and not yet finished that the store did not take at once (see `unsaved`). */
  #onTheWay = 0;
  #lastKey: string | undefined;
  #lastSize = 0;

  constructor(options: AutosaveOptions) {
    this.#o = {
      quietMs: 250,
      maxWaitMs: 1000,
      bigQuietMs: 2000,
      bigMaxWaitMs: 10_000,
      bigChars: 1_000_000,
      now: () => Date.now(),
      setTimer: (fn, ms) => setTimeout(fn, ms),
      clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
      ...options,
    };
  }

  /** True while a change waits to be saved or a save runs. */
  get pending(): boolean {
    return this.#dirtySince !== undefined || this.#saving !== undefined;
  }

  /** True while a change waits to be saved or a write that did not land at once is still running. */
  get unsaved(): boolean {
    return this.#dirtySince !== undefined || this.#onTheWay > 0;
  }

  /** Something in the case changed: save it after a quiet period. */
  changed(): void {
    const now = this.#o.now();
    this.#dirtySince ??= now;
    this.#cancelTimer();
    const big = this.#lastSize > this.#o.bigChars;
    const quiet = big ? this.#o.bigQuietMs : this.#o.quietMs;
    const maxWait = big ? this.#o.bigMaxWaitMs : this.#o.maxWaitMs;
    const wait = Math.max(0, Math.min(quiet, this.#dirtySince + maxWait - now));
    this.#timer = this.#o.setTimer(() => {
      this.#timer = undefined;
      void this.flush();
    }, wait);
  }

  /** The case as it stands now counts as saved (after opening one: nothing to write until it changes). */
  markSaved(key: string): void {
    this.#lastKey = key;
  }

  /** Saves now if anything changed; waits for a save in flight first. Resolves when all is written. */
  async flush(): Promise<void> {
    this.#cancelTimer();
    while (this.#saving) await this.#saving;
    if (this.#dirtySince === undefined) return;
    this.#dirtySince = undefined;
    await this.#write();
  }

  /** Starts the save at once, even beside one in flight (page unload). */
  flushNow(): void {
    this.#cancelTimer();
    if (this.#dirtySince === undefined) return;
    this.#dirtySince = undefined;
    void this.#write();
  }

  dispose(): void {
    this.#cancelTimer();
  }

  #cancelTimer(): void {
    if (this.#timer !== undefined) this.#o.clearTimer(this.#timer);
    this.#timer = undefined;
  }

  #write(): Promise<void> {
    let item: AutosaveItem | undefined;
    try {
      item = this.#o.produce();
    } catch (e) {
      this.#o.onError(e);
      return Promise.resolve();
    }
    if (!item) {
      this.#o.onEmpty?.();
      return Promise.resolve();
    }
    if (item.key === this.#lastKey) {
      this.#o.onSaved?.();
      return Promise.resolve();
    }
    const { key, size } = item;
    let started: Promise<void>;
    try {
      started = item.write();
    } catch (e) {
      started = Promise.reject(e);
    }
    if (item.landsAtOnce !== true) {
      this.#onTheWay++;
      started = started.finally(() => this.#onTheWay--);
    }
    const saving = started.then(
      () => {
        this.#lastKey = key;
        this.#lastSize = size;
        this.#o.onSaved?.();
      },
      (e: unknown) => this.#o.onError(e),
    );
    const tracked = saving.finally(() => {
      if (this.#saving === tracked) this.#saving = undefined;
    });
    this.#saving = tracked;
    return tracked;
  }
}
