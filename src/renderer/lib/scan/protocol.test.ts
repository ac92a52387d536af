/** The progress part of the worker protocol: one bar over the phases, its sentence, and the throttle. */
import { describe, expect, it } from 'vitest';
import type { ScanProgressMessage } from './protocol.ts';
import { ProgressThrottle, progressPercent, progressText } from './protocol.ts';

describe('progress', () => {
  it('maps every phase onto one bar that only moves forward, from 0 to 100', () => {
    const steps: Pick<ScanProgressMessage, 'phase' | 'done' | 'total'>[] = [
      { phase: 'reading', done: 0, total: 3 },
      { phase: 'reading', done: 3, total: 3 },
      { phase: 'importing', done: 0, total: 1 },
      { phase: 'importing', done: 1, total: 1 },
      { phase: 'hosts', done: 256, total: 5000 },
      { phase: 'hosts', done: 5000, total: 5000 },
      { phase: 'pairs', done: 1024, total: 100_000 },
      { phase: 'pairs', done: 100_000, total: 100_000 },
    ];
    const p = steps.map(progressPercent);
    expect(p[0]).toBe(0);
    expect(p.at(-1)).toBe(100);
    expect(p).toEqual([...p].sort((a, b) => a - b));
    expect(progressPercent({ phase: 'hosts', done: 9, total: 0 })).toBe(25);
    expect(progressPercent({ phase: 'hosts', done: 9, total: 3 })).toBe(75);
  });

  it('says what is happening in words', () => {
    expect(progressText({ phase: 'hosts', done: 1024, total: 5000 })).toBe('Analysing the hosts: 1,024 of 5,000 hosts');
    expect(progressText({ phase: 'importing', done: 0, total: 0 })).toBe('Recognising and merging the exports…');
  });

  it('posts a message only when the bar moves, and always the end of a phase', () => {
    const posted: ScanProgressMessage[] = [];
    const t = new ProgressThrottle((m) => posted.push(m));
    for (let i = 1; i <= 5000; i++) t.report('hosts', i, 5000);
    // One per percent of the hosts' span (25–75) at most, plus the first.
    expect(posted.length).toBeLessThanOrEqual(52);
    expect(posted.at(-1)).toEqual({ type: 'progress', phase: 'hosts', done: 5000, total: 5000 });
    t.report('pairs', 0, 10);
    expect(posted.at(-1)!.phase).toBe('pairs');
  });
});
