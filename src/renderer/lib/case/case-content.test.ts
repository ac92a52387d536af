import { describe, expect, it } from 'vitest';
import { bytesSource, readBundle } from '../../../bundles/index.ts';
import { bundleA, bundleB, vcenterBundle } from '../../../bundles/fixtures.test-support.ts';
import { zip } from '../../../bundles/test-support.ts';
import { newCase, parseCase, serializeCase } from '../../../core/case/index.ts';
import type { CaseFile } from '../../../core/case/index.ts';
import { bundleHost, estateHost } from '../../../core/case/imported.test-support.ts';
import type { ImportedHost } from '../../../core/model/imported.ts';
import { importedHostsOf } from '../bundle/imported.ts';
import { caseFileName, fromCaseFile, isEmptyCase, newCaseId, toCaseFile } from './case-content.ts';
import type { CaseContent } from './case-content.ts';

const DATES = { createdAt: '2026-11-20T08:00:00.000Z', updatedAt: '2026-11-25T09:30:00.000Z' };

const WIZARD: CaseContent = {
  title: 'esx31 → esx32',
  screen: 'wizard',
  evidence: {
    sourceText: '[root@esx31:~] esxcfg-vmknic -l\nInterface  Port Group/DVPort\n',
    destText: '[root@esx32:~] vmware -vl\r\nVMware ESXi 6.7.0 build-8169922\r\n',
    attachments: [
      { name: 'esx31-routes.txt', side: 'source', text: 'Network  Netmask  Gateway  Interface' },
      { name: 'esx32 "b".log', side: 'dest', text: '\u00e9\u{1F600}' },
    ],
    migration: 'snapshots',
    pickedSource: 'esx31',
    pickedDest: 'esx32',
  },
  answers: { symptom: 'vmk0-traffic', esxiVersion: '6.5+' },
  flow: { id: 'vmotion-on-management', state: 'askBindToVmknic', history: ['askSymptom', 'vmk0Traffic', 'askBindToVmknic'], evidenceUsed: true },
  notes: 'Ticket 4711.\nCustomer: slow since the upgrade.',
};

function roundTrip(content: CaseContent): CaseContent {
  const read = parseCase(serializeCase(toCaseFile(content, DATES)));
  if (!read.ok) throw new Error(read.error);
  return fromCaseFile(read.case);
}

describe('the app state as a case file', () => {
  it('comes back exactly after serializeCase and parseCase: evidence, picks, migration, answers, flow, notes, screen', () => {
    expect(roundTrip(WIZARD)).toEqual(WIZARD);
  });

  it('keeps the imported hosts of a vCenter export read in the app (models, log lines, gaps, warnings)', async () => {
    const reading = await readBundle(bytesSource('export.zip', zip({ 'esx21.tgz': bundleA(), 'esx22.tgz': bundleB(), 'vc01.tgz': vcenterBundle() })));
    const imported: ImportedHost[] = importedHostsOf(reading).map((h, i) => ({ ...h, id: `imported-${i + 1}` }));
    expect(imported.map((h) => h.model.name)).toEqual(['esx21.lab.local', 'esx22.lab.local']);
    expect(imported[0]!.observed.length).toBeGreaterThan(0);
    expect(imported[1]!.gaps.length).toBeGreaterThan(0);
    const content: CaseContent = { ...WIZARD, evidence: { ...WIZARD.evidence, imported } };
    const file = toCaseFile(content, DATES);
    expect(file.imported).toEqual(imported);
    const text = serializeCase(file);
    expect(roundTrip(content)).toEqual(content);
    // Saved again after reopening: the same bytes, so autosave sees no change.
    const reread = parseCase(text);
    expect(reread.ok && serializeCase(reread.case)).toBe(text);
  });

  it('keeps a case holding only a host opened from the Scan view', () => {
    const content: CaseContent = { screen: 'result', evidence: { sourceText: '', destText: '', attachments: [], imported: [estateHost()], migration: 'live' }, answers: {}, notes: '' };
    expect(roundTrip(content)).toEqual(content);
    expect(toCaseFile(content, DATES).evidence).toEqual([]);
  });

  it('leaves imported hosts out of the file, and out of the evidence it opens, when there are none', () => {
    expect(toCaseFile({ ...WIZARD, evidence: { ...WIZARD.evidence, imported: [] } }, DATES)).not.toHaveProperty('imported');
    expect(fromCaseFile(newCase('2026-11-25T09:30:00.000Z')).evidence).not.toHaveProperty('imported');
  });

  it('keeps a case without a flow, picks or title as such', () => {
    const plain: CaseContent = { screen: 'result', evidence: { sourceText: 'x', destText: '', attachments: [], migration: 'cold' }, answers: {}, notes: '' };
    expect(roundTrip(plain)).toEqual(plain);
    const file = toCaseFile(plain, DATES);
    expect(file.flow).toBeUndefined();
    expect(file.picked).toBeUndefined();
    expect(file.title).toBeUndefined();
    expect(file.evidence).toEqual([{ id: 'source-paste', name: 'source paste', text: 'x', role: 'source' }]);
  });

  it('writes the paste boxes and the attachments as evidence items with their host side', () => {
    const file = toCaseFile(WIZARD, DATES);
    expect(file.evidence.map((e) => [e.id, e.role, e.name])).toEqual([
      ['source-paste', 'source', 'source paste'],
      ['destination-paste', 'destination', 'destination paste'],
      ['attachment-1', 'source', 'esx31-routes.txt'],
      ['attachment-2', 'destination', 'esx32 "b".log'],
    ]);
    expect(file.flow).toEqual({ id: 'vmotion-on-management', state: 'askBindToVmknic', history: ['askSymptom', 'vmk0Traffic', 'askBindToVmknic'], evidenceUsed: true });
    expect(file).toMatchObject({ ...DATES, screen: 'wizard', migration: 'snapshots', picked: { source: 'esx31', destination: 'esx32' } });
  });

  it('leaves evidenceUsed out of the file when the flow was walked by answers alone', () => {
    const file = toCaseFile({ ...WIZARD, flow: { ...WIZARD.flow!, evidenceUsed: false } }, DATES);
    expect(file.flow).not.toHaveProperty('evidenceUsed');
    expect(roundTrip({ ...WIZARD, flow: { ...WIZARD.flow!, evidenceUsed: false } }).flow?.evidenceUsed).toBe(false);
  });

  it('opens evidence nobody assigned to a host as a source attachment, and a second "source paste" as an attachment', () => {
    const c: CaseFile = {
      ...newCase('2026-11-25T09:30:00.000Z'),
      evidence: [
        { id: 'source-paste', name: 'source paste', text: 'A', role: 'source' },
        { id: 'x1', name: 'bundle.txt', text: 'B', role: 'unassigned' },
        { id: 'x2', name: 'dest.txt', text: 'C', role: 'destination' },
      ],
    };
    expect(fromCaseFile(c).evidence).toEqual({
      sourceText: 'A',
      destText: '',
      attachments: [
        { name: 'bundle.txt', side: 'source', text: 'B' },
        { name: 'dest.txt', side: 'dest', text: 'C' },
      ],
      migration: 'live',
    });
  });

  it('picks the screen from the flow when the file does not say (version 1 files, other tools)', () => {
    const base = newCase('2026-11-25T09:30:00.000Z');
    expect(fromCaseFile(base).screen).toBe('evidence');
    expect(fromCaseFile({ ...base, flow: { id: 'start', state: null, history: [] } }).screen).toBe('wizard');
  });

  it('opens a version 1 case (the first builds\' .vpd.json) with its texts, attachments, picks and flow', () => {
    const v1 = JSON.stringify({
      format: 'vmotion-path-doctor-case',
      version: 1,
      savedAt: '2026-11-25T12:00:00.000Z',
      title: 'esx31 → esx32',
      flow: 'vmotion-on-management',
      evidence: { sourceText: 'S', destText: 'D', attachments: [{ name: 'esx-b.txt', side: 'dest', text: 'x' }], migration: 'cold', pickedSource: 'esx31' },
    });
    const read = parseCase(v1, { name: 'old.vpd.json' });
    expect(read.ok && read.migratedFrom).toBe(1);
    if (!read.ok) return;
    expect(fromCaseFile(read.case)).toEqual({
      title: 'esx31 → esx32',
      screen: 'wizard',
      evidence: { sourceText: 'S', destText: 'D', attachments: [{ name: 'esx-b.txt', side: 'dest', text: 'x' }], migration: 'cold', pickedSource: 'esx31' },
      answers: {},
      flow: { id: 'vmotion-on-management', state: null, history: [], evidenceUsed: false },
      notes: '',
    });
  });
});

describe('an empty case', () => {
  const empty: CaseContent = { screen: 'evidence', evidence: { sourceText: '  \n', destText: '', attachments: [], migration: 'live' }, answers: {}, notes: '' };

  it('has no evidence, no answer beyond the flow\'s starting one and no notes', () => {
    expect(isEmptyCase(empty)).toBe(true);
    expect(isEmptyCase({ ...empty, answers: { symptom: 'flooding' } }, { symptom: 'flooding' })).toBe(true);
  });

  it('stops being empty with a typed character, an attachment, an imported host, an answer or a note', () => {
    expect(isEmptyCase({ ...empty, evidence: { ...empty.evidence, destText: 'e' } })).toBe(false);
    expect(isEmptyCase({ ...empty, evidence: { ...empty.evidence, imported: [bundleHost()] } })).toBe(false);
    expect(isEmptyCase({ ...empty, evidence: { ...empty.evidence, imported: [estateHost()] } })).toBe(false);
    expect(isEmptyCase({ ...empty, evidence: { ...empty.evidence, imported: [] } })).toBe(true);
    expect(isEmptyCase({ ...empty, evidence: { ...empty.evidence, attachments: [{ name: 'a', side: 'source', text: '' }] } })).toBe(false);
    expect(isEmptyCase({ ...empty, answers: { symptom: 'flooding', esxiVersion: '6.0' } }, { symptom: 'flooding' })).toBe(false);
    expect(isEmptyCase({ ...empty, notes: 'call back' })).toBe(false);
  });
});

describe('names', () => {
  it('turns the title into a plain .vpdcase file name', () => {
    expect(caseFileName('esx61 → esx62')).toBe('esx61_esx62.vpdcase');
    expect(caseFileName('esx01.lab.local → esx02.lab.local')).toBe('esx01.lab.local_esx02.lab.local.vpdcase');
    expect(caseFileName(undefined)).toBe('case.vpdcase');
    expect(caseFileName('../../etc/passwd')).toBe('etc_passwd.vpdcase');
    expect(caseFileName('→')).toBe('case.vpdcase');
  });

  it('makes autosave ids the IPC contract accepts', () => {
    const id = newCaseId();
    expect(id).toMatch(/^[A-Za-z0-9][A-Za-z0-9-]{7,63}$/);
    expect(newCaseId()).not.toBe(id);
  });
});
