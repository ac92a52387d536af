import { describe, expect, it } from 'vitest';
import { PERIOD_MS, TerminalStatus } from './progress.ts';
import { main } from './main.ts';

describe('the status line of a long command (a terminal only)', () => {
  it('rewrites one line in place, at most every PERIOD_MS, and clears it once', () => {
    const out: string[] = [];
    let now = 0;
    const status = new TerminalStatus((s) => out.push(s), () => now);
    status.show('reading a.csv');
    now += PERIOD_MS / 2;
    status.show('reading b.csv'); // too soon: skipped
    now += PERIOD_MS;
    status.show(`reading ${'x'.repeat(200)}\u001b[2J.csv`);
    status.clear();
    status.clear();
    expect(out[0]).toBe('\rreading a.csv\u001b[K');
    expect(out).toHaveLength(3);
    expect(out[1]).toMatch(/^\rreading x+…\u001b\[K$/);
    expect(out[1]!.length).toBeLessThanOrEqual(1 + 78 + 3);
    expect(out[2]).toBe('\r\u001b[K');
    // A file name cannot move the cursor or clear the screen.
    now += PERIOD_MS;
    status.show('reading a\u001b[2J\r.csv');
    expect(out[3]).toBe('\rreading a [2J .csv\u001b[K');
  });

  it('scan reports each file, the hosts and the pairs, then clears the line; without a terminal nothing is written', async () => {
    const F = 'src/imports/__fixtures__';
    const files = ['vSC_VMK', 'vHost', 'vSwitch', 'vPort'].map((t) => `${F}/rvtools-4x/RVTools_tab${t}.csv`);
    const progress: string[] = [];
    const stdout: string[] = [];
    const stderr: string[] = [];
    const code = await main(['scan', ...files, '--format', 'json'], { stdout: (s) => void stdout.push(s), stderr: (s) => void stderr.push(s), progress: (t) => void progress.push(t) });
    expect(code).toBe(1);
    expect(progress.slice(0, 4)).toEqual(files.map((f, i) => `reading ${f.split('/').pop()} (file ${i + 1} of 4)`));
    expect(progress).toContain('merged 3 hosts; analysing them');
    expect(progress).toContain('analysing hosts: 3 of 3');
    expect(progress.some((p) => /^checking host pairs in clusters: \d+ of \d+$/.test(p))).toBe(true);
    expect(progress).toContain('writing the JSON of 3 hosts');
    expect(progress.at(-1)).toBe('');
    expect(stderr).toEqual([]);
    const quiet: string[] = [];
    await main(['scan', ...files, '--format', 'json'], { stdout: (s) => void stdout.push(s), stderr: (s) => void quiet.push(s) });
    expect(quiet).toEqual([]);
  });

  it('clears the line after a refused file too', async () => {
    const progress: string[] = [];
    const stderr: string[] = [];
    const code = await main(['scan', 'no-such-file.csv'], { stdout: () => undefined, stderr: (s) => void stderr.push(s), progress: (t) => void progress.push(t) });
    expect(code).toBe(2);
    expect(stderr.join('')).toMatch(/no-such-file\.csv does not exist/);
    expect(progress.at(-1)).toBe('');
  });
});
