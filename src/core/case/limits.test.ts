import { describe, expect, it } from 'vitest';
import { newCase } from './case-file.ts';
import { bundleHost } from './imported.test-support.ts';
import { jsonDepthOver, MAX_ANSWERS, MAX_CASE_DEPTH, MAX_EVIDENCE_ITEMS, MAX_HISTORY } from './limits.ts';
import { parseCase } from './parse.ts';
import { serializeCase } from './serialize.ts';

const base = () => ({ ...newCase('2026-11-25T09:00:00.000Z'), title: 'esx01 → esx02' });

function refused(text: string): string {
  const r = parseCase(text, { name: 'crafted.vpdcase' });
  expect(r.ok).toBe(false);
  return r.ok ? '' : r.error;
}

describe('case file caps', () => {
  it('refuses 200,000 one-character evidence items, naming the count and the limit, before reading any item', () => {
    const evidence = Array.from({ length: 200_000 }, (_, i) => ({ id: `e${i}`, name: 'x', text: 'x', role: 'source' }));
    // An item that would fail field validation: the count is refused first, without reading it.
    evidence[5] = { id: 'e5', name: 'x', text: 'x', role: 'nonsense' };
    const error = refused(JSON.stringify({ ...base(), evidence }));
    expect(error).toBe(`crafted.vpdcase holds 200,000 evidence items; a case holds at most ${MAX_EVIDENCE_ITEMS}: it is not a case this app wrote. Nothing was opened.`);
  });

  it('opens a case with exactly the most items it allows', () => {
    const evidence = Array.from({ length: MAX_EVIDENCE_ITEMS }, (_, i) => ({ id: `e${i}`, name: 'x', text: 'x', role: 'source' as const }));
    const r = parseCase(serializeCase({ ...base(), evidence }));
    expect(r.ok && r.case.evidence.length).toBe(MAX_EVIDENCE_ITEMS);
  });

  it('counts the attachments of a first-format case too', () => {
    const attachments = Array.from({ length: MAX_EVIDENCE_ITEMS + 1 }, () => ({ name: 'a.txt', side: 'source', text: '' }));
    const v1 = { format: 'vmotion-path-doctor-case', version: 1, savedAt: '2026-11-25T09:00:00.000Z', evidence: { sourceText: '', destText: '', attachments, migration: 'live' } };
    expect(refused(JSON.stringify(v1))).toContain(`holds ${(MAX_EVIDENCE_ITEMS + 1).toLocaleString('en-US')} evidence items; a case holds at most ${MAX_EVIDENCE_ITEMS}`);
  });

  it('refuses too many answers and too long a wizard path', () => {
    const answers = Object.fromEntries(Array.from({ length: MAX_ANSWERS + 1 }, (_, i) => [`q${i}`, 'a']));
    expect(refused(JSON.stringify({ ...base(), answers }))).toContain(`holds ${(MAX_ANSWERS + 1).toLocaleString('en-US')} answers; a case holds at most ${MAX_ANSWERS.toLocaleString('en-US')}`);
    const flow = { id: 'start', state: null, history: Array.from({ length: MAX_HISTORY + 1 }, () => 's') };
    expect(refused(JSON.stringify({ ...base(), flow }))).toContain(`holds a wizard path of ${(MAX_HISTORY + 1).toLocaleString('en-US')} steps; a case holds at most ${MAX_HISTORY.toLocaleString('en-US')}`);
  });

  it('refuses nesting deeper than a case ever has, before parsing the JSON', () => {
    const deep = `{"format": "vpdcase", "version": 3, "notes": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    expect(refused(deep)).toBe(`crafted.vpdcase nests lists and objects more than ${MAX_CASE_DEPTH} deep; a case file is never nested that deep: it is not a case this app wrote. Nothing was opened.`);
  });

  it('measures nesting outside strings only, and a real case with imported hosts stays far below the cap', () => {
    expect(jsonDepthOver('{"a": "[[[[[[[[", "b": [[1]]}', 3)).toBeUndefined();
    expect(jsonDepthOver('{"a": "\\"[[[[", "b": [[[1]]]}', 3)).toBe(4);
    const real = serializeCase({ ...base(), imported: [bundleHost('esx01')] });
    expect(jsonDepthOver(real, 16)).toBeUndefined();
    expect(parseCase(real).ok).toBe(true);
  });
});
