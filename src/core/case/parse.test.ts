import { describe, expect, it } from 'vitest';
import { CASE_FORMAT, CASE_VERSION, MAX_CASE_CHARS, newCase, touchCase, type CaseFile } from './case-file.ts';
import { bundleHost, estateHost } from './imported.test-support.ts';
import { parseCase } from './parse.ts';
import { serializeCase } from './serialize.ts';

const SAMPLE: CaseFile = {
  format: 'vpdcase',
  version: 3,
  createdAt: '2026-11-20T08:00:00.000Z',
  updatedAt: '2026-11-25T09:30:12.345Z',
  title: 'esx01 → esx02',
  screen: 'wizard',
  evidence: [
    { id: 'source-paste', name: 'source paste', text: '[root@esx01:~] esxcfg-vmknic -l\r\nInterface  Port Group/DVPort   IP Family IP Address\n', role: 'source' },
    { id: 'f2', name: 'esx02 "b" <dump>.txt', text: '\u00e9\u{1F600}\ttabs', role: 'destination' },
    { id: 'f3', name: 'notes.md', text: '', role: 'unassigned' },
  ],
  imported: [bundleHost('esx01'), estateHost('esx02')],
  picked: { source: 'esx01', destination: 'esx02.lab.local' },
  answers: { symptom: 'vmotion-on-management', observedEgress: 'vmk0', __proto__x: 'y' },
  flow: { id: 'vmotion-on-management', state: 'askObservedEgress', history: ['askSymptom', 'askObservedEgress'], evidenceUsed: true },
  migration: 'snapshots',
  notes: 'Customer says it got slow after the 7.0 U3 upgrade.\nTicket #4711.',
};

function parsed(text: string): CaseFile {
  const r = parseCase(text);
  if (!r.ok) throw new Error(r.error);
  return r.case;
}

function errorOf(text: string, name?: string): string {
  const r = parseCase(text, name !== undefined ? { name } : {});
  if (r.ok) throw new Error('expected an error');
  return r.error;
}

function withField(path: (o: Record<string, any>) => void): string {
  const o = JSON.parse(serializeCase(SAMPLE));
  path(o);
  return JSON.stringify(o);
}

describe('case file round trip', () => {
  it('reads back exactly what was written, every field included', () => {
    const r = parseCase(serializeCase(SAMPLE));
    expect(r).toEqual({ ok: true, case: SAMPLE });
  });

  it('writes the same bytes for the same case, in a fixed key order, ending in a newline', () => {
    const text = serializeCase(SAMPLE);
    expect(serializeCase(parsed(text))).toBe(text);
    expect(Object.keys(JSON.parse(text))).toEqual(['format', 'version', 'createdAt', 'updatedAt', 'title', 'screen', 'migration', 'evidence', 'imported', 'picked', 'answers', 'flow', 'notes']);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('keeps optional fields absent and a flow position that was not recorded as null', () => {
    const minimal = newCase('2026-11-25T09:30:00.000Z', 'cold');
    expect(parsed(serializeCase(minimal))).toEqual(minimal);
    expect(serializeCase(minimal)).not.toMatch(/"title"|"screen"|"imported"|"picked"|"flow"/);
    const noState: CaseFile = { ...minimal, flow: { id: 'start', state: null, history: [] } };
    expect(parsed(serializeCase(noState)).flow).toEqual({ id: 'start', state: null, history: [] });
    expect(serializeCase(noState)).not.toContain('evidenceUsed');
  });

  it('keeps an answer named __proto__ as a plain answer (no prototype pollution)', () => {
    const text = withField((o) => {
      o.answers = JSON.parse('{"__proto__": "vmk0", "constructor": "x"}');
    });
    const c = parsed(text);
    expect(Object.keys(c.answers)).toEqual(['__proto__', 'constructor']);
    expect(c.answers['__proto__']).toBe('vmk0');
    expect(Object.getPrototypeOf(c.answers)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(JSON.parse(serializeCase(c)).answers).toEqual(JSON.parse('{"__proto__": "vmk0", "constructor": "x"}'));
  });

  it('marks a change with a new updatedAt and keeps createdAt', () => {
    const t = touchCase(SAMPLE, '2026-12-01T00:00:00.000Z');
    expect(t.updatedAt).toBe('2026-12-01T00:00:00.000Z');
    expect(t.createdAt).toBe(SAMPLE.createdAt);
    expect(CASE_FORMAT).toBe('vpdcase');
    expect(CASE_VERSION).toBe(3);
  });

  it('accepts a byte-order mark and surrounding whitespace, as editors write them', () => {
    expect(parsed(`\uFEFF  ${serializeCase(SAMPLE)}\n\n`)).toEqual(SAMPLE);
  });
});

describe('case files that cannot be opened get one clear sentence', () => {
  it('an empty file', () => {
    expect(errorOf('', 'a.vpdcase')).toBe('a.vpdcase is empty: it is not a case file.');
    expect(errorOf('  \n\t')).toMatch(/^This file is empty/);
  });

  it('a case cut off while saving', () => {
    const text = serializeCase(SAMPLE);
    const e = errorOf(text.slice(0, text.length / 2), 'esx.vpdcase');
    expect(e).toMatch(/^esx\.vpdcase is damaged: it starts like a case file but is not valid JSON \(.+\); it may have been cut off while saving\. Nothing was opened\.$/);
  });

  it('a text file that is not JSON at all', () => {
    expect(errorOf('[root@esx01:~] esxcfg-vmknic -l\nInterface ...', 'paste.txt')).toBe(
      'paste.txt is not a vMotion Path Doctor case file (it is not JSON). Open a .vpdcase file, or paste the evidence instead.',
    );
    expect(errorOf('{"name": "my-app", "depend', 'package.json')).toMatch(/^package\.json is not a vMotion Path Doctor case file \(it is not valid JSON: .+\)\. Open a \.vpdcase file saved by this app\.$/);
  });

  it('foreign JSON: another program\'s file, a list, a string, the analyze output', () => {
    expect(errorOf('{"name": "my-app", "version": "1.0.0"}', 'package.json')).toBe(
      'package.json is not a vMotion Path Doctor case file: it is JSON, but has no "format": "vpdcase" field. Open a .vpdcase file saved by this app.',
    );
    expect(errorOf('[1,2,3]')).toMatch(/holds a list instead of a case/);
    expect(errorOf('"vpdcase"')).toMatch(/holds the text "vpdcase" instead of a case/);
    expect(errorOf('null')).toMatch(/holds null instead of a case/);
    expect(errorOf('{"format": "drawio", "version": 2}')).toMatch(/its format is the text "drawio", not "vpdcase"/);
    expect(errorOf('{"migration": "live", "verdict": {}, "flows": [], "findings": []}')).toMatch(/JSON output of "path-doctor analyze"/);
  });

  it('a case from a newer version of the app', () => {
    const e = errorOf(withField((o) => (o.version = 4)), 'new.vpdcase');
    expect(e).toBe('new.vpdcase was saved by a newer version of vMotion Path Doctor (case format version 4); this version reads versions 1 to 3. Update the app to open it.');
  });

  it('a nonsense version', () => {
    expect(errorOf(withField((o) => (o.version = '3')))).toMatch(/"version" must be a whole number, found the text "3"/);
    expect(errorOf(withField((o) => (o.version = 2.5)))).toMatch(/"version" must be a whole number, found the number 2.5/);
    expect(errorOf(withField((o) => delete o.version))).toMatch(/"version" must be a whole number, found nothing/);
    expect(errorOf(withField((o) => (o.version = 1)))).toMatch(/version 1 cases use the format "vmotion-path-doctor-case"/);
  });

  it('a file larger than 64 MiB, refused before parsing', () => {
    const huge = '{"format":"vpdcase","version":3,"notes":"' + 'x'.repeat(MAX_CASE_CHARS) + '"}';
    expect(errorOf(huge, 'big.vpdcase')).toBe('big.vpdcase is larger than 64 MiB: it is not a case file this app wrote. Nothing was opened.');
  });

  const wrongTypes: [string, (o: Record<string, any>) => void, RegExp][] = [
    ['createdAt missing', (o) => delete o.createdAt, /"createdAt" must be a text, found nothing/],
    ['updatedAt not a date', (o) => (o.updatedAt = 'last tuesday'), /"updatedAt" must be a date and time like .*, found "last tuesday"/],
    ['impossible date', (o) => (o.createdAt = '2026-13-45T99:99:00Z'), /"createdAt" must be a date and time/],
    ['evidence not a list', (o) => (o.evidence = {}), /"evidence" must be a list, found an object/],
    ['evidence item not an object', (o) => (o.evidence[1] = 'text'), /"evidence\[1\]" must be an object, found the text "text"/],
    ['evidence role unknown', (o) => (o.evidence[2].role = 'dest'), /"evidence\[2\]\.role" must be "source", "destination" or "unassigned", found the text "dest"/],
    ['evidence text a number', (o) => (o.evidence[0].text = 42), /"evidence\[0\]\.text" must be a text, found the number 42/],
    ['evidence id repeated', (o) => (o.evidence[1].id = 'source-paste'), /"evidence\[1\]\.id" repeats the id "source-paste"/],
    ['evidence id empty', (o) => (o.evidence[0].id = ''), /"evidence\[0\]\.id" must not be empty/],
    ['answers a list', (o) => (o.answers = []), /"answers" must be an object, found a list/],
    ['answer not a text', (o) => (o.answers.symptom = true), /"answers\.symptom" must be a text, found true/],
    ['flow state a number', (o) => (o.flow.state = 3), /"flow\.state" must be a text or null, found the number 3/],
    ['flow history with a number', (o) => (o.flow.history = ['a', 7]), /"flow\.history\[1\]" must be a text, found the number 7/],
    ['flow id missing', (o) => delete o.flow.id, /"flow\.id" must be a text, found nothing/],
    ['migration unknown', (o) => (o.migration = 'teleport'), /"migration" must be "live", "snapshots", "non-shared" or "cold", found the text "teleport"/],
    ['notes missing', (o) => delete o.notes, /"notes" must be a text, found nothing/],
    ['picked a string', (o) => (o.picked = 'esx01'), /"picked" must be an object/],
    ['title null', (o) => (o.title = null), /"title" must be a text, found null/],
    ['screen unknown', (o) => (o.screen = 'settings'), /"screen" must be "evidence", "result" or "wizard", found the text "settings"/],
    ['evidenceUsed a text', (o) => (o.flow.evidenceUsed = 'yes'), /"flow\.evidenceUsed" must be true or false, found the text "yes"/],
  ];
  for (const [what, change, message] of wrongTypes) {
    it(`a field of the wrong type: ${what}`, () => {
      const e = errorOf(withField(change), 'c.vpdcase');
      expect(e).toMatch(/^c\.vpdcase is damaged: /);
      expect(e).toMatch(message);
      expect(e.endsWith('Nothing was opened.')).toBe(true);
    });
  }

  it('JSON nested deeper than the engine can follow is an answer, not a crash', () => {
    const deep = '['.repeat(200_000) + ']'.repeat(200_000);
    const r = parseCase(deep);
    expect(r.ok).toBe(false);
  });
});
