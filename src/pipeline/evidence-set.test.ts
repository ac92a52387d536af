/**
 * The shared rules of the evidence pipeline, the one path from evidence to analysis for the CLI's `analyze` and
 * `walk` and the app: how texts are read, which side a host is on, what a host given twice is, what a pick does,
 * and which warnings reach the analysis (and so every report).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { host } from '../core/test-support/hosts.ts';
import type { ObservedMigration } from '../core/observed.ts';
import { evidenceSet, placeholderHost } from './evidence-set.ts';
import type { EvidenceSet, EvidenceText, LoadCache, ModelledHost } from './evidence-set.ts';

const ex = (p: string) => readFileSync(`examples/${p}`, 'utf8');
const text = (side: 'source' | 'dest', file: string, body: string): EvidenceText => ({ file, text: body, side, defaultHost: placeholderHost(file) });
const ok = (set: EvidenceSet) => {
  if (!set.ok) throw new Error(set.error);
  return set;
};
const messages = (set: EvidenceSet & { ok: true }) => set.analysis.warnings.map((w) => w.message);

const nics = (ip: number) => [
  { name: 'vmk0', ip: `10.0.0.${ip}`, tags: ['Management'] },
  { name: 'vmk1', ip: `10.0.1.${ip}`, tags: ['VMotion'] },
];
const modelled = (name: string, ip: number, extra: Partial<ModelledHost> = {}): ModelledHost => ({
  model: host({ name, version: '8.0.3', build: '24859861', nics: nics(ip) }),
  file: `esx-${name}.tgz`,
  observed: [],
  warnings: [{ file: `esx-${name}.tgz`, line: 1, message: `${name}: a member could not be read` }],
  ...extra,
});

describe('reading the texts of a side', () => {
  it('reads the texts of one side together: one host split over two files is one host', () => {
    const lines = ex('bind0-6.7/esx-a.txt').split('\n');
    const cut = lines.findIndex((l) => l.includes('tag get -i vmk0'));
    const set = ok(evidenceSet({ texts: [text('source', 'part1.txt', lines.slice(0, cut).join('\n')), text('source', 'part2.txt', lines.slice(cut).join('\n'))] }));
    expect(set.hosts.map((h) => h.model.name)).toEqual(['esx31']);
    expect(set.source.commandsSeen.length).toBeGreaterThan(4);
    expect(set.analysis.verdict.summary).toContain('vMotion leaves esx31 by vmk0 instead of vmk1');
  });

  it('names every file it cannot read, with the reader\'s sentence, and analyses the others', () => {
    const set = ok(evidenceSet({ texts: [text('source', 'esx-a.txt', ex('bind0-6.7/esx-a.txt')), text('source', 'ipconfig.txt', ex('messy/not-esxi.txt')), text('dest', 'empty.txt', '')] }));
    expect(set.problems.map((p) => [p.file, p.side, p.code])).toEqual([
      ['ipconfig.txt', 'source', 'INPUT_UNRECOGNIZED'],
      ['empty.txt', 'dest', 'INPUT_EMPTY'],
    ]);
    expect(set.problems[0]!.message).toMatch(/^No supported ESXi command output found in ipconfig\.txt/);
    expect(set.source.name).toBe('esx31');
  });

  it('says there is no host when nothing could be read, keeping the problems', () => {
    const set = evidenceSet({ texts: [text('source', 'garbage.txt', 'hello\nworld\n')] });
    expect(set).toMatchObject({ ok: false, error: 'no host found in the evidence', hosts: [] });
    expect(set.problems).toHaveLength(1);
  });

  it('reads an unchanging text once through the cache', () => {
    const cache: LoadCache = new Map();
    const file = { ...text('source', 'esx-a.txt', ex('bind0-6.7/esx-a.txt')), key: 'attachment-1' };
    ok(evidenceSet({ texts: [file] }, cache));
    const again = ok(evidenceSet({ texts: [{ ...file, text: 'not read again: the key says it is the same file' }] }, cache));
    expect(again.source.name).toBe('esx31');
  });

  it('names a host without a prompt after its file', () => {
    expect(placeholderHost('C:\\cases\\esx-a.txt')).toBe('esx-a');
    expect(placeholderHost('logs/host.session.log')).toBe('host.session');
    expect(placeholderHost('.txt')).toBe('host');
  });
});

describe('which side a host is on', () => {
  it('takes one host per side as source and destination, without a note', () => {
    const set = ok(evidenceSet({ texts: [text('source', 'a.txt', ex('bind0-6.7/esx-a.txt')), text('dest', 'b.txt', ex('bind0-6.7/esx-b.txt'))] }));
    expect([set.source.name, set.dest?.name]).toEqual(['esx31', 'esx32']);
    expect(set.notes).toEqual([]);
  });

  it('puts the texts of a side before the modelled hosts given for it, and those given for no side last', () => {
    const set = ok(evidenceSet({
      texts: [text('dest', 'b.txt', ex('bind0-6.7/esx-b.txt'))],
      modelled: [modelled('esx09', 9), modelled('esx01', 1, { side: 'source' }), modelled('esx02', 2, { side: 'dest' })],
    }));
    expect(set.hosts.map((h) => [h.model.name, h.sides])).toEqual([
      ['esx01', ['source']],
      ['esx32', ['dest']],
      ['esx02', ['dest']],
      ['esx09', []],
    ]);
    expect([set.source.name, set.dest?.name]).toEqual(['esx01', 'esx32']);
    expect(set.notes).toEqual(['Not analysed: esx02, esx09 (they are in the evidence too; choose it as source or destination to analyse it).']);
  });

  it('pairs the two hosts of one paste and says so, in the notes and among the analysis\'s warnings', () => {
    const set = ok(evidenceSet({ texts: [text('source', 'session.txt', ex('messy/two-hosts-one-paste.txt'))] }));
    expect([set.source.name, set.dest?.name]).toEqual(['esx01', 'esx02']);
    expect(set.notes).toHaveLength(1);
    expect(set.notes[0]).toMatch(/holds more than one host: esx01 is analysed as the source and esx02 as the destination/);
    expect(set.analysis.warnings).toContainEqual({ file: 'session.txt', line: 1, message: set.notes[0] });
    expect(set.warnings.map((w) => w.message)).not.toContain(set.notes[0]);
  });
});

describe('a host given more than once', () => {
  it('is one host, counted on each side it was given for: no stray pairing notes', () => {
    const set = ok(evidenceSet({ texts: [text('source', 'session.txt', ex('messy/two-hosts-one-paste.txt')), text('dest', 'esx02.txt', ex('messy/two-hosts-one-paste.txt'))] }));
    expect(set.hosts.map((h) => [h.model.name, h.sides])).toEqual([
      ['esx01', ['source', 'dest']],
      ['esx02', ['source', 'dest']],
    ]);
    expect([set.source.name, set.dest?.name]).toEqual(['esx01', 'esx02']);
    expect(set.notes).toEqual([
      'esx01 is in the evidence 2 times (in session.txt, esx02.txt); the copy from session.txt, given first, is analysed.',
      'esx02 is in the evidence 2 times (in session.txt, esx02.txt); the copy from session.txt, given first, is analysed.',
    ]);
    expect(set.analysis.warnings).toContainEqual({ file: 'session.txt', line: 1, message: set.notes[0] });
  });

  it('in many bundles is one host: the first copy is analysed, one note with the count, its other copies\' logs ignored', () => {
    const logged = (id: string): ObservedMigration => ({
      host: 'esx21', traffic: 'vmotion', id, direction: 'outgoing', encrypted: 'yes', outcome: 'no-failure-logged',
      sourceAddresses: ['10.0.0.21'], destAddresses: ['10.0.0.22'],
      evidence: [{ file: 'vmkernel.log', line: 1, text: `Migrate: vmotion ${id}` }],
    });
    const copies = Array.from({ length: 30 }, (_, i) => modelled('esx21', 21, { file: 'export.zip', side: 'source', observed: [logged(String(i))] }));
    const set = ok(evidenceSet({ texts: [], modelled: [...copies, modelled('esx22', 22, { side: 'dest' })] }));
    expect(set.hosts.map((h) => h.model.name)).toEqual(['esx21', 'esx22']);
    expect(set.notes).toEqual(['esx21 is 30 times in export.zip; the first copy is analysed.']);
    expect(messages(set).filter((m) => m.includes('times'))).toEqual(set.notes);
    expect(set.analysis.observed?.map((o) => o.id)).toEqual(['0']);
  });

  it('matches names whatever their case', () => {
    const set = ok(evidenceSet({ texts: [], modelled: [modelled('ESX01.lab.local', 1, { side: 'source' }), modelled('esx01.lab.local', 1, { side: 'dest' })] }));
    expect(set.hosts).toHaveLength(1);
    expect(set.dest).toBeUndefined();
  });

  it('is not assumed from a placeholder name: two unnamed pastes are numbered apart and both analysed', () => {
    const bare = ex('messy/bare-outputs.txt');
    const set = ok(evidenceSet({ texts: [text('source', 'a/esx.txt', bare), text('dest', 'b/esx.txt', bare)] }));
    expect([set.source.name, set.dest?.name]).toEqual(['esx', 'esx-2']);
    expect(messages(set).some((m) => m.includes('times'))).toBe(false);
  });
});

describe('the picks', () => {
  const two = [text('source', 'session.txt', ex('messy/two-hosts-one-paste.txt'))];

  it('honours a pick by full or short name, in any case', () => {
    expect(ok(evidenceSet({ texts: two, source: 'ESX02' })).source.name).toBe('esx02');
  });

  it('refuses a pick that names no host, for a typed option', () => {
    expect(evidenceSet({ texts: two, source: 'esx09', picks: 'refuse' })).toMatchObject({ ok: false, error: 'no host named esx09 in the evidence (found: esx01, esx02)' });
    expect(evidenceSet({ texts: two, source: 'esx01', dest: 'esx01', picks: 'refuse' })).toMatchObject({ ok: false, error: 'source and destination are the same host (esx01)' });
  });

  it('drops a remembered pick that names no host any more, and says so', () => {
    const set = ok(evidenceSet({ texts: two, source: 'esx09', picks: 'ignore' }));
    expect([set.source.name, set.dest?.name]).toEqual(['esx01', 'esx02']);
    expect(set.notes[0]).toBe('esx09, chosen as the source, is no longer in the evidence: esx01 is analysed as the source instead.');
  });

  it('says the destination is an assumed peer when a remembered destination is gone and no other host is left', () => {
    const set = ok(evidenceSet({ texts: [text('source', 'a.txt', ex('bind0-6.7/esx-a.txt'))], dest: 'esx32', picks: 'ignore' }));
    expect(set.dest).toBeUndefined();
    expect(set.notes).toEqual(['esx32, chosen as the destination, is no longer in the evidence: the destination is assumed to be a peer like the source.']);
  });

  it('analyses the source against an assumed peer when no destination is chosen, naming the host left out', () => {
    const set = ok(evidenceSet({ texts: two, source: 'esx02', dest: null }));
    expect([set.source.name, set.dest]).toEqual(['esx02', undefined]);
    expect(set.notes).toEqual(['Not analysed: esx01 (it is in the evidence too; choose it as source or destination to analyse it).']);
  });

  it('lets a remembered destination pick give way when it names the picked source', () => {
    const set = ok(evidenceSet({ texts: two, source: 'esx02', dest: 'esx02', picks: 'ignore' }));
    expect([set.source.name, set.dest?.name]).toEqual(['esx02', 'esx01']);
  });
});

describe('what reaches the analysis', () => {
  it('brings the warnings and logged migrations of the analysed modelled hosts only, and the reading\'s own warnings always', () => {
    const onManagement: ObservedMigration = {
      host: 'esx01', traffic: 'vmotion', id: '42', direction: 'outgoing', encrypted: 'yes', outcome: 'no-failure-logged',
      sourceAddresses: ['10.0.0.1'], destAddresses: ['10.0.0.2'],
      evidence: [{ file: 'vmkernel.log', line: 7, text: 'Migrate: 314: vmotion: srcIp 10.0.0.1 dstIp 10.0.0.2' }],
    };
    const set = ok(evidenceSet({
      texts: [],
      modelled: [modelled('esx01', 1, { observed: [onManagement] }), modelled('esx02', 2), modelled('esx03', 3)],
      warnings: [{ file: 'export.zip', line: 1, message: 'a member was skipped' }],
    }));
    const all = messages(set);
    expect(all).toEqual(expect.arrayContaining(['a member was skipped', 'esx01: a member could not be read', 'esx02: a member could not be read']));
    expect(all).not.toContain('esx03: a member could not be read');
    expect(set.analysis.findings.map((f) => f.id)).toContain('OBSERVED_VMOTION_ON_MANAGEMENT');
  });

  it('analyses the chosen kind with the answers, and the facts kind without the answered kind', () => {
    const pair = [text('source', 'a.txt', ex('bind0-6.7/esx-a.txt')), text('dest', 'b.txt', ex('bind0-6.7/esx-b.txt'))];
    const answered = ok(evidenceSet({ texts: pair, answers: { migration: 'cold' }, factsMigration: 'snapshots' }));
    expect([answered.analysis.migration, answered.analysis.migrationFrom]).toEqual(['cold', 'answered']);
    expect(answered.factsAnalysis?.migration).toBe('snapshots');
    expect(answered.factsAnalysis?.answers ?? []).toEqual([]);
    const same = ok(evidenceSet({ texts: pair, migration: 'snapshots', factsMigration: 'snapshots' }));
    expect(same.factsAnalysis).toBe(same.analysis);
    expect(ok(evidenceSet({ texts: pair })).analysis.migrationFrom).toBe('default');
  });
});
