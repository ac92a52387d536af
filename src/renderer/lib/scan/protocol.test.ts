/** The progress part of the worker protocol: one bar over the phases, its sentence, and the throttle. */
import { describe, expect, it } from 'vitest';
import type { ScanHostJson, ScanPairJson, ScanResult } from '../../../core/estate/types.ts';
import type { ScanProgressMessage } from './protocol.ts';
import { ProgressThrottle, progressPercent, progressText, ResultAssembler, resultMessages, SLICE } from './protocol.ts';

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

describe('the result in slices', () => {
  it('crosses as host and pair slices then the rest, and is put back together unchanged', async () => {
    const { runScanJob } = await import('./scan-job.ts');
    const { asInputs, estate50Files } = await import('./test-estate.ts');
    const out = await runScanJob(asInputs(estate50Files()), 'live', async () => ({ ok: false, message: 'no workbook' }), () => {});
    if (!out.ok) throw new Error(out.message);
    const result = out.scan.result;
    const messages = resultMessages(result).map((m) => structuredClone(m));
    expect(messages.at(-1)).toMatchObject({ type: 'done', result: { hosts: [], pairs: [] } });
    expect(messages.filter((m) => m.type === 'hosts').every((m) => m.type === 'hosts' && m.items.length <= SLICE.hosts)).toBe(true);
    const a = new ResultAssembler();
    for (const m of messages) if (m.type === 'hosts' || m.type === 'pairs') a.add(m);
    const done = messages.at(-1)!;
    if (done.type !== 'done') throw new Error(done.type);
    expect(a.finish(done.result)).toEqual(result);
  });

  it('slices 5,000 hosts so that no message carries more than 250 hosts or 1,000 pairs', () => {
    const host = { name: 'h' } as unknown as ScanHostJson;
    const pair = { hosts: ['a', 'b'] } as unknown as ScanPairJson;
    const big = { hosts: Array.from({ length: 5000 }, () => host), pairs: Array.from({ length: 2500 }, () => pair) } as unknown as ScanResult;
    const messages = resultMessages(big);
    expect(messages.map((m) => m.type).filter((t) => t === 'hosts')).toHaveLength(20);
    expect(messages.map((m) => m.type).filter((t) => t === 'pairs')).toHaveLength(3);
    const a = new ResultAssembler();
    for (const m of messages) if (m.type === 'hosts' || m.type === 'pairs') a.add(m);
    const finished = a.finish((messages.at(-1) as { result: ScanResult }).result);
    expect([finished.hosts.length, finished.pairs.length]).toEqual([5000, 2500]);
  });
});
