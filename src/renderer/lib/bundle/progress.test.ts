import { describe, expect, it } from 'vitest';
import { megabytes, percent, progressText, ProgressThrottle } from './progress.ts';

describe('progress text', () => {
  it('says how far the reading is, in MB, with the export member', () => {
    expect(progressText({ bytesRead: 120_400_000, totalBytes: 303_000_000, member: 'esx02.tgz' })).toBe('120 of 303 MB, esx02.tgz…');
    expect(progressText({ bytesRead: 0, totalBytes: 2_500_000 })).toBe('0.0 of 2.5 MB');
    expect(megabytes(9_960_000)).toBe('10.0');
    expect(megabytes(10_400_000)).toBe('10');
  });

  it('gives whole percentages within 0–100, and 0 for an empty source', () => {
    expect(percent({ bytesRead: 120, totalBytes: 303 })).toBe(39);
    expect(percent({ bytesRead: 400, totalBytes: 303 })).toBe(100);
    expect(percent({ bytesRead: 0, totalBytes: 0 })).toBe(0);
  });
});

describe('ProgressThrottle', () => {
  it('sends at most one message per interval, but always when the member changes or the source is read', () => {
    const t = new ProgressThrottle(100);
    const p = (bytesRead: number, member?: string) => ({ bytesRead, totalBytes: 1000, ...(member ? { member } : {}) });
    expect(t.shouldSend(p(10), 0)).toBe(true);
    expect(t.shouldSend(p(20), 50)).toBe(false);
    expect(t.shouldSend(p(30), 99)).toBe(false);
    expect(t.shouldSend(p(40), 100)).toBe(true);
    expect(t.shouldSend(p(50, 'esx22.tgz'), 110)).toBe(true);
    expect(t.shouldSend(p(60, 'esx22.tgz'), 120)).toBe(false);
    expect(t.shouldSend(p(1000, 'esx22.tgz'), 130)).toBe(true);
  });
});
