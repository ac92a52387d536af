import { describe, expect, it } from 'vitest';
import { parseCase } from './parse.ts';
import { serializeCase } from './serialize.ts';

/** A version 1 case exactly as the app's first builds wrote it (JSON.stringify(c, null, 1)). */
const V1 = JSON.stringify(
  {
    format: 'vmotion-path-doctor-case',
    version: 1,
    savedAt: '2026-11-20T10:15:30.000Z',
    title: 'esx11.lab.local → esx12.lab.local',
    flow: 'vmotion-on-management',
    evidence: {
      sourceText: '~ # esxcfg-vmknic -l\nInterface  Port Group/DVPort   IP Family IP Address\n',
      destText: '',
      attachments: [
        { name: 'esx12.txt', side: 'dest', text: '~ # vmware -vl\nVMware ESXi 5.1.0 build-799733\n' },
        { name: 'esx11-route.txt', side: 'source', text: '~ # esxcfg-route -l\n' },
      ],
      migration: 'snapshots',
      pickedSource: 'esx11.lab.local',
    },
  },
  null,
  1,
);

describe('opening a case saved by an older version (format version 1)', () => {
  const r = parseCase(V1, { name: 'old.vpd.json' });

  it('migrates it to the current version (3) and says it did', () => {
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.migratedFrom).toBe(1);
    expect(r.case.format).toBe('vpdcase');
    expect(r.case.version).toBe(3);
    expect(r.case).not.toHaveProperty('imported');
  });

  it('keeps every text, turns pastes and attachments into evidence with a role, and keeps the chosen host', () => {
    if (!r.ok) throw new Error(r.error);
    expect(r.case.evidence).toEqual([
      { id: 'source-paste', name: 'source paste', text: '~ # esxcfg-vmknic -l\nInterface  Port Group/DVPort   IP Family IP Address\n', role: 'source' },
      { id: 'attachment-1', name: 'esx12.txt', text: '~ # vmware -vl\nVMware ESXi 5.1.0 build-799733\n', role: 'destination' },
      { id: 'attachment-2', name: 'esx11-route.txt', text: '~ # esxcfg-route -l\n', role: 'source' },
    ]);
    expect(r.case.picked).toEqual({ source: 'esx11.lab.local' });
    expect(r.case.migration).toBe('snapshots');
    expect(r.case.title).toBe('esx11.lab.local → esx12.lab.local');
  });

  it('dates the case by its save time, restarts its flow from the first question, and starts with no answers or notes', () => {
    if (!r.ok) throw new Error(r.error);
    expect(r.case.createdAt).toBe('2026-11-20T10:15:30.000Z');
    expect(r.case.updatedAt).toBe('2026-11-20T10:15:30.000Z');
    expect(r.case.flow).toEqual({ id: 'vmotion-on-management', state: null, history: [] });
    expect(r.case.answers).toEqual({});
    expect(r.case.notes).toBe('');
  });

  it('saves back as version 3, which reads back unchanged and without a migration', () => {
    if (!r.ok) throw new Error(r.error);
    const again = parseCase(serializeCase(r.case));
    expect(again).toEqual({ ok: true, case: r.case });
  });

  it('a version 1 case without flow, attachments or picked hosts migrates to a case without them', () => {
    const bare = JSON.stringify({
      format: 'vmotion-path-doctor-case',
      version: 1,
      savedAt: '2026-11-20T10:15:30.000Z',
      title: '',
      evidence: { sourceText: 'a', destText: 'b', attachments: [], migration: 'live' },
    });
    const m = parseCase(bare);
    expect(m.ok && m.case).toEqual({
      format: 'vpdcase',
      version: 3,
      createdAt: '2026-11-20T10:15:30.000Z',
      updatedAt: '2026-11-20T10:15:30.000Z',
      evidence: [
        { id: 'source-paste', name: 'source paste', text: 'a', role: 'source' },
        { id: 'destination-paste', name: 'destination paste', text: 'b', role: 'destination' },
      ],
      answers: {},
      migration: 'live',
      notes: '',
    });
  });

  it('a damaged version 1 case names the field', () => {
    const bad = V1.replace('"side": "dest"', '"side": "left"');
    const e = parseCase(bad, { name: 'old.vpd.json' });
    expect(e).toEqual({ ok: false, error: 'old.vpd.json is damaged: "evidence.attachments[0].side" must be "source" or "dest", found the text "left". Nothing was opened.' });
    const noEvidence = parseCase(JSON.stringify({ format: 'vmotion-path-doctor-case', version: 1, savedAt: '2026-11-20T10:15:30.000Z', title: 't' }));
    expect(noEvidence.ok === false && noEvidence.error).toMatch(/"evidence" must be an object, found nothing/);
    const wrongVersion = parseCase(V1.replace('"version": 1', '"version": 2'));
    expect(wrongVersion.ok === false && wrongVersion.error).toMatch(/a case of the first format must say "version": 1, found the number 2/);
  });
});
