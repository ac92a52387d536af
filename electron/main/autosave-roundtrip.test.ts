/**
 * The Electron autosave end to end, short of the window: the renderer's electronApi writes a big case through the
 * case worker (here the worker's own code in-process, behind the same message interface), its text crosses the
 * bridge to main's autosaveCase handler (sender check, contract validation, AutosaveStore), and opening it from
 * the recent list gives back the same case: the paste whole and the last edit. Electron itself is mocked.
 */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { newCase, parseCase, serializeCase, type CaseFile } from '../../src/core/case/index.ts';
import { electronApi } from '../../src/renderer/lib/api/electron-api.ts';
import { CaseWriter, OFF_THREAD_CHARS, type CaseWorker } from '../../src/renderer/lib/worker/case-client.ts';
import { caseWorkerJob, type CaseAnswer, type CaseAsk } from '../../src/renderer/lib/worker/case-protocol.ts';
import type { ApiName, Contract, Result, VpdApi } from '../shared/contract.ts';

const dir = mkdtempSync(join(tmpdir(), 'vpd-autosave-roundtrip-'));

vi.mock('electron', () => ({
  app: { getPath: () => join(dir, 'user-data') },
  BrowserWindow: { fromWebContents: () => undefined },
  dialog: {},
  ipcMain: { handle: () => undefined },
}));

const { invokeChecked } = await import('./ipc.ts');
const fromApp = { senderFrame: { url: 'app://renderer/index.html' }, sender: {} } as unknown as IpcMainInvokeEvent;

/** window.vpd as the preload exposes it: every call through main's checked handler (structuredClone: the bridge copies). */
const vpd = new Proxy({} as VpdApi, {
  get: (_t, name: string) => (...args: unknown[]) => invokeChecked(name as ApiName, fromApp, structuredClone(args)) as Promise<Result<Contract[ApiName]['result']>>,
});

/** The case worker's own code in this process, answering on a later task. */
class InProcessWorker implements CaseWorker {
  onmessage: ((e: MessageEvent<CaseAnswer>) => void) | null = null;
  onerror: ((e: unknown) => void) | null = null;
  readonly asked: CaseAsk[] = [];
  readonly #job = caseWorkerJob(() => undefined);
  postMessage(message: CaseAsk): void {
    const copy = structuredClone(message);
    this.asked.push(copy);
    const answer = this.#job(copy);
    setTimeout(() => void answer.then((data) => this.onmessage?.({ data } as MessageEvent<CaseAnswer>)), 0);
  }
  terminate(): void {}
}

function bigCase(notes: string): CaseFile {
  const log = '2026-11-25T12:00:00.123Z info hostd[2099421] Task "Completed" : C:\\ha-root-pool\n'.repeat(Math.ceil((OFF_THREAD_CHARS * 1.5) / 80));
  return { ...newCase('2026-11-25T09:00:00.000Z'), updatedAt: '2026-11-25T09:30:00.000Z', title: 'esx01 → esx02', evidence: [{ id: 'attachment-1', name: 'Pasted text 1', role: 'source', text: log }], notes };
}

describe('Electron autosave of a big case', () => {
  it('is written by the case worker, validated and stored by main, and reopens with the paste and the last edit', async () => {
    const worker = new InProcessWorker();
    const api = electronApi(vpd, new CaseWriter({ start: () => worker }));
    const id = '7f3c2a10-aaaa-bbbb-cccc-000000000042';
    const first = bigCase('before');
    const size = first.evidence[0]!.text.length;
    await api.autosave({ id, file: first, size });
    const last = { ...first, notes: 'the last edit', updatedAt: '2026-11-25T09:31:00.000Z' };
    await api.autosave({ id, file: last, size });

    // Both went through the worker; the second named the log by ref instead of copying it again.
    expect(worker.asked.map((a) => a.kind)).toEqual(['serialize', 'serialize']);
    expect(worker.asked.map((a) => a.kind !== 'parse' && a.texts?.map((t) => t.text !== undefined))).toEqual([[true], [false]]);
    expect(readdirSync(join(dir, 'user-data', 'cases'))).toEqual([`${id}.vpdcase`]);

    const recent = await api.recentCases();
    expect(recent).toEqual([{ id, title: 'esx01 → esx02', updatedAt: '2026-11-25T09:31:00.000Z', bytes: Buffer.byteLength(serializeCase(last)) }]);
    const opened = await api.openRecent(id);
    expect(opened.text).toBe(serializeCase(last));
    const read = parseCase(opened.text);
    expect(read.ok && read.case).toEqual(last);
  });

  it('writes a small case inline: the bridge call leaves before autosave returns (a save on pagehide lands)', async () => {
    const worker = new InProcessWorker();
    const calls: unknown[] = [];
    const spy = new Proxy({} as VpdApi, {
      get: (_t, name: string) => (...args: unknown[]) => {
        calls.push([name, ...args]);
        return invokeChecked(name as ApiName, fromApp, args);
      },
    });
    const api = electronApi(spy, new CaseWriter({ start: () => worker }));
    const small = { ...newCase('2026-11-25T09:00:00.000Z'), notes: 'typed' };
    const saving = api.autosave({ id: 'case-small-0001', file: small, size: 100 });
    expect(calls).toEqual([['autosaveCase', { id: 'case-small-0001', text: serializeCase(small) }]]);
    await saving;
    expect(worker.asked).toEqual([]);
  });

  it('is refused by main, with its sentence, when the text is not a case file', async () => {
    const worker = new InProcessWorker();
    // A worker gone wrong: answers with text that is no case file. Main's validation still holds the line.
    worker.postMessage = (m: CaseAsk) => setTimeout(() => worker.onmessage?.({ data: { kind: 'serialized', seq: m.seq, text: 'not a case' } } as MessageEvent<CaseAnswer>), 0);
    const api = electronApi(vpd, new CaseWriter({ start: () => worker }));
    await expect(api.autosave({ id: 'case-bad-0001', file: bigCase('x'), size: OFF_THREAD_CHARS * 2 })).rejects.toThrow('text must be a case file');
  });
});
