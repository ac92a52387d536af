import { describe, expect, it } from 'vitest';
import { toLines } from './types.ts';
import { weakest } from '../core/model/evidence.ts';

describe('toLines', () => {
  it('numbers lines from 1 and normalises CRLF, CR and trailing blanks', () => {
    const lines = toLines('a  \r\nb\t\rc\n');
    expect(lines).toEqual([
      { n: 1, text: 'a' },
      { n: 2, text: 'b' },
      { n: 3, text: 'c' },
      { n: 4, text: '' },
    ]);
  });

  it('strips ANSI colour codes that terminals leave in copied text', () => {
    const [line] = toLines('\u001b[1;32m[root@esx01:~]\u001b[0m esxcfg-vmknic -l');
    expect(line?.text).toBe('[root@esx01:~] esxcfg-vmknic -l');
  });
});

describe('weakest', () => {
  it('returns the least sure certainty', () => {
    expect(weakest('definite', 'probable')).toBe('probable');
    expect(weakest('probable', 'uncertain', 'definite')).toBe('uncertain');
    expect(weakest()).toBe('definite');
  });
});
