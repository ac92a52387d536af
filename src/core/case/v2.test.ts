import { describe, expect, it } from 'vitest';
import { bundleHost } from './imported.test-support.ts';
import { parseCase } from './parse.ts';
import { serializeCase } from './serialize.ts';

/** A version 2 case byte for byte as the builds before imported hosts wrote it (serializeCase of that time). */
const V2 = `{
  "format": "vpdcase",
  "version": 2,
  "createdAt": "2026-11-20T08:00:00.000Z",
  "updatedAt": "2026-11-25T09:30:12.345Z",
  "title": "esx01 → esx02",
  "screen": "wizard",
  "migration": "snapshots",
  "evidence": [
    {
      "id": "source-paste",
      "name": "source paste",
      "role": "source",
      "text": "[root@esx01:~] esxcfg-vmknic -l\\nInterface  Port Group/DVPort   IP Family IP Address\\n"
    }
  ],
  "picked": {
    "source": "esx01"
  },
  "answers": {
    "symptom": "vmotion-on-management"
  },
  "flow": {
    "id": "vmotion-on-management",
    "state": "askObservedEgress",
    "history": [
      "askSymptom",
      "askObservedEgress"
    ],
    "evidenceUsed": true
  },
  "notes": "Ticket #4711."
}
`;

describe('opening a case saved before imported hosts (format version 2)', () => {
  const r = parseCase(V2, { name: 'old.vpdcase' });

  it('opens it as version 3 without imported hosts, every other field unchanged, and says it was converted', () => {
    expect(r).toEqual({
      ok: true,
      migratedFrom: 2,
      case: {
        format: 'vpdcase',
        version: 3,
        createdAt: '2026-11-20T08:00:00.000Z',
        updatedAt: '2026-11-25T09:30:12.345Z',
        title: 'esx01 → esx02',
        screen: 'wizard',
        evidence: [{ id: 'source-paste', name: 'source paste', role: 'source', text: '[root@esx01:~] esxcfg-vmknic -l\nInterface  Port Group/DVPort   IP Family IP Address\n' }],
        picked: { source: 'esx01' },
        answers: { symptom: 'vmotion-on-management' },
        flow: { id: 'vmotion-on-management', state: 'askObservedEgress', history: ['askSymptom', 'askObservedEgress'], evidenceUsed: true },
        migration: 'snapshots',
        notes: 'Ticket #4711.',
      },
    });
  });

  it('saves back as version 3 with only the version changed, and that reopens without a migration', () => {
    if (!r.ok) throw new Error(r.error);
    const saved = serializeCase(r.case);
    expect(saved).toBe(V2.replace('"version": 2', '"version": 3'));
    expect(parseCase(saved)).toEqual({ ok: true, case: r.case });
  });

  it('a version 3 case with an imported host, saved and reopened, keeps it', () => {
    if (!r.ok) throw new Error(r.error);
    const withHost = { ...r.case, imported: [bundleHost()] };
    expect(parseCase(serializeCase(withHost))).toEqual({ ok: true, case: withHost });
  });

  it('a damaged version 2 case is refused as before, naming the field', () => {
    const bad = parseCase(V2.replace('"migration": "snapshots"', '"migration": "teleport"'), { name: 'old.vpdcase' });
    expect(bad).toEqual({ ok: false, error: 'old.vpdcase is damaged: "migration" must be "live", "snapshots", "non-shared" or "cold", found the text "teleport". Nothing was opened.' });
  });
});
