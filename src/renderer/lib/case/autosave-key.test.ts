import { describe, expect, it } from 'vitest';
import { newCase, serializeCase, type CaseFile } from '../../../core/case/index.ts';
import { CaseKeys, TOKEN_TEXT_CHARS } from './autosave-key.ts';

const big = (fill: string) => fill.repeat(Math.ceil((TOKEN_TEXT_CHARS * 4) / fill.length));

function caseWith(texts: readonly string[], notes = ''): CaseFile {
  return { ...newCase('2026-11-25T09:00:00.000Z'), evidence: texts.map((text, i) => ({ id: `attachment-${i + 1}`, name: `Pasted text ${i + 1}`, role: 'source', text })), notes };
}

describe('CaseKeys', () => {
  it('keeps big texts out of the key and still counts them in the size', () => {
    const log = big('2026-11-25 hostd Task Completed\n');
    const { key, size } = new CaseKeys().of(caseWith([log, 'esxcfg-vmknic -l']));
    expect(key.length).toBeLessThan(2000);
    expect(key).not.toContain('hostd');
    expect(key).toContain('esxcfg-vmknic -l');
    expect(size).toBeGreaterThanOrEqual(log.length);
    expect(size).toBeLessThanOrEqual(serializeCase(caseWith([log, 'esxcfg-vmknic -l'])).length);
  });

  it('gives the same key to the same case, and another when anything changes', () => {
    const keys = new CaseKeys();
    const log = big('line\n');
    const first = keys.of(caseWith([log], 'a')).key;
    expect(keys.of(caseWith([log], 'a')).key).toBe(first);
    // The same text in another string object: still the same case.
    expect(keys.of(caseWith([log.slice(0, 10) + log.slice(10)], 'a')).key).toBe(first);
    expect(keys.of(caseWith([log], 'ab')).key).not.toBe(first);
    // A text of the same length that differs in its last character.
    const other = `${log.slice(0, -1)}x`;
    const changed = keys.of(caseWith([other], 'a')).key;
    expect(changed).not.toBe(first);
    // Back to the first text: the same case as at first, but a new token, never a wrong "unchanged".
    expect(keys.of(caseWith([log], 'a')).key).not.toBe(changed);
  });

  it('never takes a case whose small text reads like a token for one holding a big text', () => {
    const keys = new CaseKeys();
    const withBig = keys.of(caseWith([big('x')])).key;
    const evidence = (JSON.parse(withBig) as { evidence: unknown[] }).evidence;
    const lookalike = keys.of(caseWith([JSON.stringify(evidence[0])])).key;
    expect(lookalike).not.toBe(withBig);
  });

  it('tells two big texts in one case apart, and equal ones by content', () => {
    const keys = new CaseKeys();
    const a = big('a');
    const b = big('b');
    const ab = JSON.parse(keys.of(caseWith([a, b])).key) as { evidence: { token: number }[] };
    expect(ab.evidence[0]!.token).not.toBe(ab.evidence[1]!.token);
    const aa = JSON.parse(keys.of(caseWith([a, a.slice(0, 5) + a.slice(5)])).key) as { evidence: { token: number }[] };
    expect(aa.evidence[0]!.token).toBe(aa.evidence[1]!.token);
  });
});
