import { describe, expect, it } from 'vitest';
import { capSentence, MAX_SENTENCE_CHARS, nameList } from './sentence.ts';

describe('nameList', () => {
  it('collapses 1,000 copies of one host into one name with a count', () => {
    expect(nameList(Array.from({ length: 1000 }, () => 'esx01.lab.local'))).toBe('esx01.lab.local (×1000)');
  });

  it('shows the first few distinct names in order, then how many more', () => {
    const names = ['a', 'b', 'a', 'c', 'd', 'e', 'f', 'g'];
    expect(nameList(names)).toBe('a (×2), b, c, d, e … and 2 more');
    expect(nameList(['x', 'y'])).toBe('x, y');
    expect(nameList([])).toBe('');
  });

  it('shortens a very long name', () => {
    expect(nameList(['n'.repeat(500)])).toBe(`${'n'.repeat(59)}…`);
  });
});

describe('capSentence', () => {
  it('leaves a sentence that fits as it is', () => {
    expect(capSentence('short')).toBe('short');
    const exact = 'x'.repeat(MAX_SENTENCE_CHARS);
    expect(capSentence(exact)).toBe(exact);
  });

  it('cuts a long one within the cap, at a space, and says how much was left out', () => {
    const words = Array.from({ length: 3000 }, (_, i) => `esx${i}`).join(', ');
    const capped = capSentence(words);
    expect([...capped].length).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
    const m = /^(.*)… and (\d+) more characters$/.exec(capped);
    expect(m).not.toBeNull();
    expect(words.startsWith(m![1]!)).toBe(true);
    expect(m![1]!.length + Number(m![2])).toBe(words.length);
    expect(m![1]!.endsWith(',')).toBe(true);
  });

  it('never splits a surrogate pair', () => {
    const capped = capSentence('😀'.repeat(1000), 50);
    expect(capped).toMatch(/^(?:😀)+… and \d+ more characters$/u);
  });
});
