import { describe, expect, it } from 'vitest';
import { snippetPieces, withoutBackticks } from './highlight.ts';

const join = (p: { text: string }[]) => p.map((x) => x.text).join('');

describe('snippetPieces', () => {
  it('marks the highlighted ranges and keeps the text between them plain', () => {
    const p = snippetPieces('set BindToVmknic to 3 on BindToVmknic hosts', [
      [4, 16],
      [25, 37],
    ]);
    expect(p).toEqual([
      { text: 'set ', marked: false },
      { text: 'BindToVmknic', marked: true },
      { text: ' to 3 on ', marked: false },
      { text: 'BindToVmknic', marked: true },
      { text: ' hosts', marked: false },
    ]);
  });

  it('gives the whole snippet as one plain piece when nothing is highlighted', () => {
    expect(snippetPieces('cold data', [])).toEqual([{ text: 'cold data', marked: false }]);
  });

  it('merges overlapping and touching ranges in any order without repeating text', () => {
    const s = 'abcdefghij';
    const p = snippetPieces(s, [
      [5, 8],
      [2, 6],
      [8, 9],
    ]);
    expect(join(p)).toBe(s);
    expect(p.filter((x) => x.marked).map((x) => x.text)).toEqual(['cdefghi']);
  });

  it('ignores empty and out-of-range offsets', () => {
    const p = snippetPieces('vmk0', [
      [3, 3],
      [-5, 1],
      [2, 99],
    ]);
    expect(p).toEqual([
      { text: 'v', marked: true },
      { text: 'm', marked: false },
      { text: 'k0', marked: true },
    ]);
  });
});

describe('withoutBackticks', () => {
  it('drops the code backticks and keeps the highlights on the same words', () => {
    const snippet = 'Read it with `esxcfg-advcfg -g /Migrate/BindToVmknic` (prints `Value of BindToVmknic is N`)';
    const start = snippet.indexOf('BindToVmknic');
    const second = snippet.indexOf('BindToVmknic', start + 1);
    const r = withoutBackticks(snippet, [
      [start, start + 12],
      [second, second + 12],
    ]);
    expect(r.snippet).toBe('Read it with esxcfg-advcfg -g /Migrate/BindToVmknic (prints Value of BindToVmknic is N)');
    expect(r.highlights.map(([s, e]) => r.snippet.slice(s, e))).toEqual(['BindToVmknic', 'BindToVmknic']);
  });

  it('leaves a snippet without backticks as it is', () => {
    expect(withoutBackticks('cold data over vmk0', [[0, 4]])).toEqual({ snippet: 'cold data over vmk0', highlights: [[0, 4]] });
  });
});
