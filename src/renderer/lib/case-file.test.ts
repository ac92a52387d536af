import { describe, expect, it } from 'vitest';
import { CASE_FORMAT, CASE_VERSION, caseToJson, readCase } from './case-file.ts';
import type { CaseFile } from './case-file.ts';

const sample: CaseFile = {
  format: CASE_FORMAT,
  version: CASE_VERSION,
  savedAt: '2026-11-25T12:00:00.000Z',
  title: 'esx31 → esx32',
  flow: 'vmotion-on-management',
  evidence: { sourceText: '[root@esx31:~] vmware -vl', destText: '', attachments: [{ name: 'esx-b.txt', side: 'dest', text: 'x' }], migration: 'cold', pickedSource: 'esx31' },
};

describe('case files', () => {
  it('round-trip through JSON unchanged', () => {
    expect(readCase('a.vpd.json', caseToJson(sample))).toEqual({ ok: true, value: sample });
  });

  it('refuse what is not a case with one sentence naming the file', () => {
    expect(readCase('esx-a.txt', '[root@esx31:~] vmware -vl')).toEqual({ ok: false, message: expect.stringMatching(/^esx-a\.txt is not a case file/) });
    expect(readCase('x.json', '{"a":1}')).toEqual({ ok: false, message: 'x.json is not a vMotion Path Doctor case file.' });
    expect(readCase('x.json', JSON.stringify({ ...sample, version: 9 }))).toEqual({ ok: false, message: expect.stringMatching(/version 9/) });
    const damaged = { ...sample, evidence: { ...sample.evidence, attachments: [{ name: 'a', side: 'left', text: '' }] } };
    expect(readCase('x.json', JSON.stringify(damaged))).toEqual({ ok: false, message: expect.stringMatching(/damaged/) });
  });

  it('falls back to a live migration for an unknown kind', () => {
    const odd = { ...sample, evidence: { ...sample.evidence, migration: 'teleport' } };
    const r = readCase('x.json', JSON.stringify(odd));
    expect(r.ok && r.value.evidence.migration).toBe('live');
  });
});
