import { describe, expect, it } from 'vitest';
import { Autosaver } from './autosave.ts';
import type { AutosaveItem, AutosaveOptions } from './autosave.ts';

/** A hand-driven clock and timer queue. */
class Clock {
  now = 0;
  #timers: { at: number; fn: () => void; id: number }[] = [];
  #ids = 0;
  set = (fn: () => void, ms: number): number => {
    const id = ++this.#ids;
    this.#timers.push({ at: this.now + ms, fn, id });
    return id;
  };
  clear = (h: unknown): void => {
    this.#timers = this.#timers.filter((t) => t.id !== h);
  };
  async advance(ms: number): Promise<void> {
    const end = this.now + ms;
    for (;;) {
      const next = this.#timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!next) break;
      this.#timers = this.#timers.filter((t) => t !== next);
      this.now = next.at;
      next.fn();
      await settle();
    }
    this.now = end;
    await settle();
  }
}

async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

/** The "case": a text the test edits; each save records what was written. */
function harness(options: Partial<AutosaveOptions> = {}, writeImpl?: (text: string) => Promise<void>) {
  const clock = new Clock();
  const state = { text: 'a', empty: false };
  const written: string[] = [];
  const errors: unknown[] = [];
  let produced = 0;
  const saver = new Autosaver({
    produce: (): AutosaveItem | undefined => {
      produced++;
      if (state.empty) return undefined;
      const text = state.text;
      return {
        key: text,
        size: text.length,
        write: () => {
          written.push(text);
          return writeImpl ? writeImpl(text) : Promise.resolve();
        },
      };
    },
    onError: (e) => errors.push(e),
    now: () => clock.now,
    setTimer: clock.set,
    clearTimer: clock.clear,
    ...options,
  });
  return { clock, state, written, errors, saver, produced: () => produced };
}

describe('Autosaver', () => {
  it('saves once after a quiet period, not per change', async () => {
    const h = harness();
    for (const t of ['a', 'ab', 'abc']) {
      h.state.text = t;
      h.saver.changed();
      await h.clock.advance(100);
    }
    expect(h.written).toEqual([]);
    await h.clock.advance(250);
    expect(h.written).toEqual(['abc']);
    expect(h.produced()).toBe(1);
    expect(h.saver.pending).toBe(false);
  });

  it('still saves while changes keep coming, once the first unsaved change is maxWait old', async () => {
    const h = harness({ quietMs: 250, maxWaitMs: 1000 });
    for (let i = 1; i <= 12; i++) {
      h.state.text = 'x'.repeat(i);
      h.saver.changed();
      await h.clock.advance(100);
    }
    // Typing every 100 ms never leaves 250 ms of quiet, but nothing waits longer than a second.
    expect(h.written.length).toBeGreaterThanOrEqual(1);
    expect(h.written[0]).toBe('x'.repeat(10));
  });

  it('does not write a case identical to the last one saved, nor an empty one', async () => {
    const h = harness();
    h.saver.changed();
    await h.clock.advance(300);
    h.saver.changed();
    await h.clock.advance(300);
    expect(h.written).toEqual(['a']);
    h.state.empty = true;
    h.saver.changed();
    await h.clock.advance(300);
    expect(h.written).toEqual(['a']);
  });

  it('counts a case marked as saved (just opened) as unchanged', async () => {
    const h = harness();
    h.saver.markSaved('a');
    h.saver.changed();
    await h.clock.advance(300);
    expect(h.written).toEqual([]);
    h.state.text = 'ab';
    h.saver.changed();
    await h.clock.advance(300);
    expect(h.written).toEqual(['ab']);
  });

  it('never runs two saves at once: a change during a slow save is saved right after it', async () => {
    const releases: (() => void)[] = [];
    const h = harness({}, () => new Promise<void>((r) => releases.push(r)));
    h.saver.changed();
    await h.clock.advance(300);
    expect(h.written).toEqual(['a']);
    h.state.text = 'ab';
    h.saver.changed();
    await h.clock.advance(300);
    expect(h.written).toEqual(['a']);
    releases.shift()!();
    await settle();
    await h.clock.advance(0);
    expect(h.written).toEqual(['a', 'ab']);
    releases.shift()!();
    await h.saver.flush();
    expect(h.saver.pending).toBe(false);
  });

  it('flushNow writes at once, synchronously, even beside a save in flight (page unload)', async () => {
    const releases: (() => void)[] = [];
    const h = harness({}, () => new Promise<void>((r) => releases.push(r)));
    h.saver.changed();
    await h.clock.advance(300);
    h.state.text = 'abc';
    h.saver.changed();
    h.saver.flushNow();
    expect(h.written).toEqual(['a', 'abc']);
    // The timer was cancelled: nothing more is written later.
    await h.clock.advance(5000);
    expect(h.written).toEqual(['a', 'abc']);
  });

  it('flushNow does nothing when no change waits', () => {
    const h = harness();
    h.saver.flushNow();
    expect(h.written).toEqual([]);
    expect(h.produced()).toBe(0);
  });

  it('reports a failed save and tries again on the next change', async () => {
    let fail = true;
    const h = harness({}, () => (fail ? Promise.reject(new Error('quota')) : Promise.resolve()));
    h.saver.changed();
    await h.clock.advance(300);
    expect(h.errors).toHaveLength(1);
    fail = false;
    h.saver.changed();
    await h.clock.advance(300);
    expect(h.written).toEqual(['a', 'a']);
    expect(h.errors).toHaveLength(1);
  });

  it('reports a save that throws instead of returning a promise, and a produce that throws', async () => {
    const h = harness({}, () => {
      throw new Error('sync boom');
    });
    h.saver.changed();
    await h.clock.advance(300);
    expect(h.errors.map(String)).toEqual(['Error: sync boom']);
    const broken = new Autosaver({
      produce: () => {
        throw new Error('serialize');
      },
      onError: (e) => h.errors.push(e),
    });
    broken.changed();
    await broken.flush();
    expect(h.errors.map(String)).toContain('Error: serialize');
  });

  it('waits longer between saves of a very big case', async () => {
    const h = harness({ quietMs: 250, bigQuietMs: 2000, bigChars: 10, maxWaitMs: 5000 });
    h.state.text = 'x'.repeat(20);
    h.saver.changed();
    await h.clock.advance(250);
    expect(h.written).toHaveLength(1);
    h.state.text = 'y'.repeat(20);
    h.saver.changed();
    await h.clock.advance(1000);
    expect(h.written).toHaveLength(1);
    await h.clock.advance(1000);
    expect(h.written).toHaveLength(2);
  });

  it('saves a very big case at most once per bigMaxWait while changes keep coming', async () => {
    const h = harness({ quietMs: 250, maxWaitMs: 1000, bigQuietMs: 2000, bigMaxWaitMs: 10_000, bigChars: 10 });
    h.state.text = 'x'.repeat(20);
    h.saver.changed();
    await h.clock.advance(250);
    expect(h.written).toHaveLength(1);
    // Typing every 100 ms for 9.5 s: a small case would have been written nine times by now, this one not again.
    for (let i = 0; i < 95; i++) {
      h.state.text = `${'x'.repeat(20)}${i}`;
      h.saver.changed();
      await h.clock.advance(100);
    }
    expect(h.written).toHaveLength(1);
    for (let i = 95; i < 110; i++) {
      h.state.text = `${'x'.repeat(20)}${i}`;
      h.saver.changed();
      await h.clock.advance(100);
    }
    expect(h.written).toHaveLength(2);
    expect(h.written[1]).toBe(`${'x'.repeat(20)}99`);
  });
});

describe('Autosaver callbacks', () => {
  it('calls onSaved for an unchanged case and onEmpty when there is nothing to save', async () => {
    const events: string[] = [];
    const h = harness({ onSaved: () => events.push('saved'), onEmpty: () => events.push('empty') });
    h.saver.changed();
    await h.clock.advance(300);
    h.saver.changed();
    await h.clock.advance(300);
    h.state.empty = true;
    h.saver.changed();
    await h.clock.advance(300);
    expect(events).toEqual(['saved', 'saved', 'empty']);
    expect(h.written).toEqual(['a']);
  });
});

describe('Autosaver.unsaved (what leaving the page now would lose)', () => {
  /** A case whose writes either land at once (a synchronous store) or wait until the test finishes them. */
  function leaving(landsAtOnce: boolean) {
    const finishers: (() => void)[] = [];
    let n = 0;
    const h = harness({
      produce: () => {
        const key = `case ${++n}`;
        return {
          key,
          size: 1,
          landsAtOnce,
          write: () => (landsAtOnce ? Promise.resolve() : new Promise<void>((resolve) => finishers.push(resolve))),
        };
      },
    });
    return { ...h, finishers };
  }

  it('counts a change waiting for its quiet period, and a big write still on its way until it finishes', async () => {
    const h = leaving(false);
    expect(h.saver.unsaved).toBe(false);
    h.saver.changed();
    expect(h.saver.unsaved).toBe(true);
    h.saver.flushNow();
    // Started, not landed: the page must not go yet.
    expect(h.finishers).toHaveLength(1);
    expect(h.saver.unsaved).toBe(true);
    h.finishers[0]!();
    await settle();
    expect(h.saver.unsaved).toBe(false);
    expect(h.saver.pending).toBe(false);
  });

  it('does not count a write the store took before it returned, though its promise has not settled yet', () => {
    const h = leaving(true);
    h.saver.changed();
    h.saver.flushNow();
    expect(h.saver.pending).toBe(true);
    expect(h.saver.unsaved).toBe(false);
  });

  it('stops counting a write that failed (the save indicator says so) and counts the next change again', async () => {
    const failing = harness({ produce: () => ({ key: 'k', size: 1, write: () => Promise.reject(new Error('quota')) }) });
    failing.saver.changed();
    failing.saver.flushNow();
    expect(failing.saver.unsaved).toBe(true);
    await settle();
    expect(failing.errors).toHaveLength(1);
    expect(failing.saver.unsaved).toBe(false);
    failing.saver.changed();
    expect(failing.saver.unsaved).toBe(true);
  });
});
