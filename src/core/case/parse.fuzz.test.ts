import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MIGRATION_KINDS } from '../result.ts';
import { CASE_SCREENS, EVIDENCE_ROLES, type CaseFile } from './case-file.ts';
import { bundleHost, estateHost } from './imported.test-support.ts';
import { parseCase } from './parse.ts';
import { serializeCase } from './serialize.ts';

const timestamp = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true }).map((d) => d.toISOString());
const text = fc.string({ unit: 'binary', maxLength: 60 });

/**
 * Imported hosts: the realistic test hosts under arbitrary ids, files and names, with arbitrary gaps and warnings
 * (the mutation test below then damages any value inside them, the models included).
 */
const importedHost = fc
  .record({
    base: fc.constantFrom(bundleHost(), estateHost()),
    id: fc.string({ minLength: 1, maxLength: 12 }),
    file: text,
    name: text,
    gaps: fc.array(fc.record({ fact: text, fill: text }), { maxLength: 3 }),
    warnings: fc.array(fc.record({ file: text, line: fc.nat(), message: text }), { maxLength: 3 }),
  })
  .map(({ base, id, file, name, gaps, warnings }) => ({ ...base, id, file, model: { ...base.model, name }, gaps, warnings }));

const caseFile: fc.Arbitrary<CaseFile> = fc
  .record(
    {
      createdAt: timestamp,
      updatedAt: timestamp,
      title: text,
      screen: fc.constantFrom(...CASE_SCREENS),
      evidence: fc.uniqueArray(fc.record({ id: fc.string({ minLength: 1, maxLength: 12 }), name: text, text: fc.string({ unit: 'binary', maxLength: 200 }), role: fc.constantFrom(...EVIDENCE_ROLES) }), {
        maxLength: 5,
        selector: (e) => e.id,
      }),
      imported: fc.uniqueArray(importedHost, { minLength: 1, maxLength: 3, selector: (h) => h.id }),
      picked: fc.record({ source: text, destination: text }, { requiredKeys: [] }),
      answers: fc.dictionary(fc.string({ maxLength: 12 }), text, { maxKeys: 6 }),
      flow: fc.record(
        { id: fc.string({ minLength: 1, maxLength: 20 }), state: fc.option(text, { nil: null }), history: fc.array(text, { maxLength: 5 }), evidenceUsed: fc.boolean() },
        { requiredKeys: ['id', 'state', 'history'] },
      ),
      migration: fc.constantFrom(...MIGRATION_KINDS),
      notes: text,
    },
    { requiredKeys: ['createdAt', 'updatedAt', 'evidence', 'answers', 'migration', 'notes'] },
  )
  .map((c) => ({ format: 'vpdcase', version: 3, ...c }) as CaseFile);

/** Replaces the value at a random place of a JSON tree with another value. */
function mutate(value: unknown, path: readonly number[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  if (Array.isArray(value) && value.length > 0) {
    const i = path[0]! % value.length;
    return value.map((v, j) => (j === i ? mutate(v, path.slice(1), replacement) : v));
  }
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value);
    if (keys.length === 0) return replacement;
    const k = keys[path[0]! % keys.length]!;
    return { ...(value as Record<string, unknown>), [k]: mutate((value as Record<string, unknown>)[k], path.slice(1), replacement) };
  }
  return replacement;
}

function answers(t: string): boolean {
  const r = parseCase(t);
  return r.ok ? typeof r.case === 'object' : typeof r.error === 'string' && r.error.length > 0;
}

describe('parseCase never throws', () => {
  it('on any text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (t) => answers(t)), { numRuns: 400 });
  });

  it('on any JSON value', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 4 }), (v) => answers(JSON.stringify(v))), { numRuns: 400 });
  });

  it('on a valid case with any one value replaced by anything, or cut anywhere', () => {
    fc.assert(
      fc.property(caseFile, fc.array(fc.nat(), { maxLength: 5 }), fc.jsonValue({ maxDepth: 2 }), fc.nat(), (c, path, replacement, cut) => {
        const json = JSON.parse(serializeCase(c));
        const mutated = JSON.stringify(mutate(json, path, replacement));
        const full = serializeCase(c);
        return answers(mutated) && answers(full.slice(0, cut % (full.length + 1)));
      }),
      { numRuns: 300 },
    );
  });
});

describe('round trip (property)', () => {
  it('every valid case reads back equal to what was written', () => {
    fc.assert(
      fc.property(caseFile, (c) => {
        expect(parseCase(serializeCase(c))).toEqual({ ok: true, case: c });
      }),
      { numRuns: 300 },
    );
  });
});
