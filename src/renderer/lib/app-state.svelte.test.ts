/**
 * The current case across save, autosave and open: AppState with an in-memory host API (no DOM, no Electron). The
 * analysis runs inline (no Worker in Node), the flows' real machine drives the wizard.
 */
import { readFileSync } from 'node:fs';
import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import { parseCase, serializeCase } from '../../core/case/index.ts';
import type { Api, AutosaveEntry, CaseText, OpenedText, RecentCase } from './api/index.ts';
import { AppState } from './app-state.svelte.ts';

class MemoryApi implements Api {
  readonly kind = 'web' as const;
  readonly saved = new Map<string, CaseText>();
  /** What each autosave was handed: the case as data, before any host API wrote its text. */
  readonly entries: AutosaveEntry[] = [];
  writes = 0;
  async openCase(): Promise<OpenedText | null> {
    return null;
  }
  async saveCase(): Promise<string | null> {
    return null;
  }
  async exportReport(): Promise<string | null> {
    return null;
  }
  async print(): Promise<string | null> {
    return null;
  }
  autosave(entry: AutosaveEntry): Promise<void> {
    // Synchronous, like the web build's localStorage (the host APIs write the text; here serializeCase, as they do).
    const { id, file } = entry;
    this.entries.push(entry);
    this.saved.set(id, { id, text: serializeCase(file), ...(file.title !== undefined ? { title: file.title } : {}), updatedAt: file.updatedAt });
    this.writes++;
    return Promise.resolve();
  }
  autosaveLandsAtOnce(): boolean {
    return true;
  }
  async recentCases(): Promise<readonly RecentCase[]> {
    return [...this.saved.values()].map((e) => ({ id: e.id, updatedAt: e.updatedAt, bytes: e.text.length, ...(e.title ? { title: e.title } : {}) }));
  }
  async openRecent(id: string): Promise<OpenedText> {
    const e = this.saved.get(id);
    if (!e) throw new Error('gone');
    return { name: e.title ?? id, text: e.text };
  }
  readonly failed = new Map<string, string>();
  async markRecentFailed(id: string, reason: string): Promise<void> {
    this.failed.set(id, reason);
  }
  async removeRecent(id: string): Promise<void> {
    this.saved.delete(id);
    this.failed.delete(id);
  }
}

const example = (p: string) => readFileSync(`examples/${p}`, 'utf8');

/** An AppState with the autosave effect wired as App.svelte wires it. */
function mounted(api = new MemoryApi()) {
  const app = new AppState(api);
  const stop = $effect.root(() => {
    $effect(() => app.autosaveOnChange());
  });
  flushSync();
  return { app, api, stop };
}

/** Answers the pending question with its first offered answer, `n` times (a generic walk of any flow). */
function walk(app: AppState, n: number): void {
  for (let i = 0; i < n; i++) {
    const v = app.wizard!.view;
    if (v.status !== 'pending' || v.pending.key === 'evidence') return;
    app.wizard!.answer(v.pending.key, v.pending.answers[0]!.value);
  }
}

describe('autosave of the current case', () => {
  it('saves typed evidence, notes and choices after a change, and nothing for an empty case', async () => {
    const { app, api, stop } = mounted();
    await app.autosaver.flush();
    expect(api.writes).toBe(0);
    app.newCase();
    app.go('evidence');
    app.evidence.setText('source', example('bind0-6.7/esx-a.txt'));
    app.notes = 'ticket 4711';
    flushSync();
    await app.autosaver.flush();
    const saved = api.saved.get(app.caseId);
    const read = parseCase(saved!.text);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.case.evidence[0]).toMatchObject({ id: 'source-paste', text: example('bind0-6.7/esx-a.txt') });
    expect(read.case.notes).toBe('ticket 4711');
    expect(read.case.screen).toBe('evidence');
    expect(app.saveState).toBe('saved');
    stop();
    app.evidence.dispose();
  });

  it('writes the last keystroke at once when the page goes away (flushNow), before any timer', () => {
    const { app, api, stop } = mounted();
    app.go('evidence');
    app.evidence.setText('source', 'esxcfg-vmknic -');
    flushSync();
    app.evidence.setText('source', 'esxcfg-vmknic -l');
    flushSync();
    app.autosaver.flushNow();
    const read = parseCase(api.saved.get(app.caseId)!.text);
    expect(read.ok && read.case.evidence[0]!.text).toBe('esxcfg-vmknic -l');
    stop();
    app.evidence.dispose();
  });

  it('hands a big paste to the host API as data (never stringified here), rewrites it only on a change, and reopens with the last edit', async () => {
    const { app, api, stop } = mounted();
    app.go('evidence');
    const log = '2026-11-25T12:00:00.123Z info hostd[2099421] [Originator@6876 sub=Vimsvc.TaskManager] "done"\n'.repeat(12_000);
    expect(app.evidence.divertLargePaste('source', log)).toBe(true);
    flushSync();
    await app.autosaver.flush();
    expect(api.writes).toBe(1);
    const entry = api.entries[0]!;
    // The very string pasted, handed over as it is; the size stretches the autosave's waits for big cases.
    expect(entry.file.evidence.find((e) => e.name === 'Pasted text 1')!.text).toBe(log);
    expect(entry.size).toBeGreaterThanOrEqual(log.length);

    // Nothing changed: nothing written. The notes changed: written again, the paste with them.
    app.autosaver.changed();
    await app.autosaver.flush();
    expect(api.writes).toBe(1);
    app.notes = 'customer says: after the paste';
    flushSync();
    await app.autosaver.flush();
    expect(api.writes).toBe(2);

    // Reopened from the recent list (as after a reload): the paste and the last edit, and no new save until a change.
    const id = app.caseId;
    const second = mounted(api);
    const reopened = second.app;
    await reopened.openCase(await api.openRecent(id), id);
    flushSync();
    expect(reopened.notes).toBe('customer says: after the paste');
    expect(reopened.evidence.attachments.map((a) => [a.name, a.text === log])).toEqual([['Pasted text 1', true]]);
    const writes = api.writes;
    await reopened.autosaver.flush();
    expect(api.writes).toBe(writes);
    stop();
    second.stop();
    app.evidence.dispose();
    reopened.evidence.dispose();
  });

  it('counts another big text of the same length as a change', async () => {
    const { app, api, stop } = mounted();
    app.go('evidence');
    const a = 'a'.repeat(600_000);
    const b = `${'a'.repeat(599_999)}b`;
    app.evidence.divertLargePaste('source', a);
    flushSync();
    await app.autosaver.flush();
    app.evidence.remove(app.evidence.attachments[0]!.id);
    app.evidence.divertLargePaste('source', b);
    flushSync();
    await app.autosaver.flush();
    expect(api.writes).toBe(2);
    const read = parseCase(api.saved.get(app.caseId)!.text);
    expect(read.ok && read.case.evidence.map((e) => e.text.endsWith('b'))).toEqual([true]);
    stop();
    app.evidence.dispose();
  });

  it('dates each save and keeps the creation date', async () => {
    const { app, api, stop } = mounted();
    app.notes = 'a';
    flushSync();
    await app.autosaver.flush();
    const first = parseCase(api.saved.get(app.caseId)!.text);
    app.notes = 'ab';
    flushSync();
    await app.autosaver.flush();
    const second = parseCase(api.saved.get(app.caseId)!.text);
    if (!first.ok || !second.ok) throw new Error('unreadable');
    expect(second.case.createdAt).toBe(first.case.createdAt);
    expect(second.case.updatedAt >= first.case.updatedAt).toBe(true);
    expect(second.case.updatedAt).not.toBe('1970-01-01T00:00:00.000Z');
    stop();
    app.evidence.dispose();
  });
});

describe('opening a case', () => {
  it('restores the wizard at the same question, with the same answers, evidence, notes and migration kind', async () => {
    const first = mounted();
    expect(first.app.startFlow('vmotion-on-management', true)).toBe(true);
    walk(first.app, 2);
    expect(first.app.wizard!.userSteps).toBe(3); // the flow's symptom and two answers
    first.app.notes = 'customer on the phone';
    first.app.evidence.setText('dest', example('bind0-6.7/esx-b.txt'));
    const before = first.app.wizard!.view;
    const text = serializeCase(first.app.caseFile());

    const second = mounted();
    const r = await second.app.openCase({ name: 'walk.vpdcase', text });
    expect(r).toEqual({ ok: true });
    expect(second.app.screen).toBe('wizard');
    expect(second.app.flowId).toBe('vmotion-on-management');
    expect(second.app.wizard!.view).toEqual(before);
    expect(second.app.wizard!.answers).toEqual(first.app.wizard!.answers);
    expect(second.app.notes).toBe('customer on the phone');
    expect(second.app.evidence.destText).toBe(example('bind0-6.7/esx-b.txt'));
    expect(second.app.evidence.migration).toBe(first.app.evidence.migration);
    for (const m of [first, second]) {
      m.stop();
      m.app.evidence.dispose();
    }
  });

  it('restores a walk that used the evidence: the evidence answers again, then the answers given after it', async () => {
    const first = mounted();
    first.app.startFlow('vmotion-fails', true);
    walk(first.app, 1);
    first.app.evidence.setText('source', example('bind0-6.7/esx-a.txt'));
    first.app.evidence.setText('dest', example('bind0-6.7/esx-b.txt'));
    const o = await first.app.evidence.settle();
    if (o.kind !== 'analysed') throw new Error('example not analysed');
    first.app.wizard!.useEvidence(o.factsAnalysis ?? o.analysis);
    walk(first.app, 3);
    const before = first.app.wizard!.view;
    expect(before.answeredByEvidence.length).toBeGreaterThan(0);
    const file = first.app.caseFile();
    expect(file.flow?.evidenceUsed).toBe(true);

    const second = mounted();
    await second.app.openCase({ name: 'walk.vpdcase', text: serializeCase(file) });
    expect(second.app.wizard!.view).toEqual(before);
    expect(second.app.wizard!.facts).toEqual(first.app.wizard!.facts);
    expect(second.app.wizard!.analysis).toBeDefined();
    for (const m of [first, second]) {
      m.stop();
      m.app.evidence.dispose();
    }
  });

  it('opens the result screen of an evidence-first case, and the evidence screen when the evidence no longer analyses', async () => {
    const first = mounted();
    first.app.go('evidence');
    first.app.evidence.setText('source', example('l3-vmotion-7.0/esx-a.txt'));
    first.app.evidence.setMigration('cold');
    await first.app.evidence.settle();
    first.app.go('result');
    const file = first.app.caseFile();
    expect(file).toMatchObject({ screen: 'result', migration: 'cold', title: 'esx61' });

    const second = mounted();
    await second.app.openCase({ name: 'a.vpdcase', text: serializeCase(file) });
    expect(second.app.screen).toBe('result');
    expect(second.app.evidence.outcome.kind).toBe('analysed');
    expect(second.app.evidence.migration).toBe('cold');

    await second.app.openCase({ name: 'b.vpdcase', text: serializeCase({ ...file, evidence: [{ id: 'source-paste', name: 'source paste', text: 'hello', role: 'source' }] }) });
    expect(second.app.screen).toBe('evidence');
    for (const m of [first, second]) {
      m.stop();
      m.app.evidence.dispose();
    }
  });

  it('changes nothing when the file is corrupt or foreign, and says why in one sentence', async () => {
    const { app, api, stop } = mounted();
    app.go('evidence');
    app.evidence.setText('source', 'typed before');
    app.notes = 'my notes';
    flushSync();
    await app.autosaver.flush();
    const id = app.caseId;
    const writes = api.writes;
    const good = serializeCase(app.caseFile());
    for (const [name, text, message] of [
      ['cut.vpdcase', good.slice(0, good.length / 2), /^cut\.vpdcase is damaged: .*Nothing was opened\.$/],
      ['package.json', '{"name": "x", "version": "1.0.0"}', /^package\.json is not a vMotion Path Doctor case file/],
      ['esx.txt', '[root@esx01:~] vmware -vl', /^esx\.txt is not a vMotion Path Doctor case file \(it is not JSON\)/],
    ] as const) {
      const r = await app.openCase({ name, text });
      expect(r.ok).toBe(false);
      expect(!r.ok && r.message).toMatch(message);
    }
    flushSync();
    await app.autosaver.flush();
    expect(app.caseId).toBe(id);
    expect(app.evidence.sourceText).toBe('typed before');
    expect(app.notes).toBe('my notes');
    expect(app.screen).toBe('evidence');
    expect(api.writes).toBe(writes);
    stop();
    app.evidence.dispose();
  });

  it('continues an autosaved case in its own slot without saving it again until it changes; a file opened gets a new slot', async () => {
    const { app, api, stop } = mounted();
    app.go('evidence');
    app.evidence.setText('source', example('bind0-6.7/esx-a.txt'));
    flushSync();
    await app.autosaver.flush();
    const id = app.caseId;
    const text = api.saved.get(id)!.text;
    app.newCase();
    flushSync();
    const writes = api.writes;

    await app.openCase(await api.openRecent(id), id);
    flushSync();
    await app.autosaver.flush();
    expect(app.caseId).toBe(id);
    expect(api.writes).toBe(writes);
    app.notes = 'more';
    flushSync();
    await app.autosaver.flush();
    expect(api.writes).toBe(writes + 1);

    await app.openCase({ name: 'copy.vpdcase', text });
    flushSync();
    await app.autosaver.flush();
    expect(app.caseId).not.toBe(id);
    expect(api.saved.has(app.caseId)).toBe(true);
    stop();
    app.evidence.dispose();
  });

  it('marks an autosaved case that cannot be opened as failed, with the sentence, and changes nothing else', async () => {
    const { app, api, stop } = mounted();
    app.go('evidence');
    app.evidence.setText('source', example('bind0-6.7/esx-a.txt'));
    flushSync();
    await app.autosaver.flush();
    const current = app.caseId;
    const evidence = Array.from({ length: 600 }, (_, i) => ({ id: `e${i}`, name: 'x', text: 'x', role: 'source' }));
    api.saved.set('case-crafted', { id: 'case-crafted', text: JSON.stringify({ format: 'vpdcase', version: 3, evidence }), updatedAt: '2026-11-25T09:00:00.000Z' });
    const r = await app.openCase(await api.openRecent('case-crafted'), 'case-crafted');
    expect(r.ok).toBe(false);
    expect(api.failed.get('case-crafted')).toBe(!r.ok ? r.message : '');
    expect(api.failed.get('case-crafted')).toContain('holds 600 evidence items; a case holds at most 500');
    expect(app.caseId).toBe(current);
    // A file opened from disk is not on the recent list: nothing to mark.
    await app.openCase({ name: 'bad.vpdcase', text: '{' });
    expect([...api.failed.keys()]).toEqual(['case-crafted']);
    stop();
    app.evidence.dispose();
  });

  it('converts a version 1 file and says so', async () => {
    const { app, stop } = mounted();
    const v1 = JSON.stringify({
      format: 'vmotion-path-doctor-case',
      version: 1,
      savedAt: '2026-11-25T12:00:00.000Z',
      title: 'esx31 → esx32',
      evidence: { sourceText: example('bind0-6.7/esx-a.txt'), destText: '', attachments: [{ name: 'esx-b.txt', side: 'dest', text: example('bind0-6.7/esx-b.txt') }], migration: 'live' },
    });
    expect(await app.openCase({ name: 'old.vpd.json', text: v1 })).toEqual({ ok: true });
    expect(app.screen).toBe('evidence');
    expect(app.evidence.attachments.map((a) => [a.name, a.side])).toEqual([['esx-b.txt', 'dest']]);
    await Promise.resolve();
    expect(app.status).toMatch(/older version of the app and converted/);
    stop();
    app.evidence.dispose();
  });

  it('keeps the status sentence short whatever a case title or an error holds', async () => {
    const { app, stop } = mounted();
    app.say(`Opened ${'esx01 '.repeat(3000)}.`);
    await Promise.resolve();
    expect([...app.status].length).toBeLessThanOrEqual(300);
    expect(app.status).toMatch(/^Opened esx01 esx01 .*… and \d+ more characters$/);
    stop();
    app.evidence.dispose();
  });
});
