/** The IPC wrapper: sender check, argument validation and the Result envelope (Electron mocked). */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'vpd-ipc-'));
const registered = vi.hoisted(() => new Map<string, unknown>());

vi.mock('electron', () => ({
  app: { getPath: () => join(dir, 'user-data') },
  BrowserWindow: { fromWebContents: () => undefined },
  dialog: {
    showSaveDialog: async (o: { defaultPath: string }) => ({ canceled: false, filePath: join(dir, o.defaultPath) }),
    showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
  },
  ipcMain: { handle: (channel: string, fn: unknown) => registered.set(channel, fn) },
}));

const { invokeChecked, registerIpc } = await import('./ipc.ts');

const fromApp = { senderFrame: { url: 'app://renderer/index.html' }, sender: {} } as unknown as IpcMainInvokeEvent;
const fromElsewhere = { senderFrame: { url: 'https://example.com/' }, sender: {} } as unknown as IpcMainInvokeEvent;

describe('invokeChecked', () => {
  it('saves a case from the app page atomically and says under which name', async () => {
    const r = await invokeChecked('saveCase', fromApp, [{ suggestedName: 'esx31_esx32.vpdcase', text: '{"ok":1}' }]);
    expect(r).toEqual({ ok: true, value: { saved: true, name: 'esx31_esx32.vpdcase' } });
    expect(readFileSync(join(dir, 'esx31_esx32.vpdcase'), 'utf8')).toBe('{"ok":1}');
  });

  it('refuses a call from any other page', async () => {
    const r = await invokeChecked('saveCase', fromElsewhere, [{ suggestedName: 'a.json', text: '' }]);
    expect(r).toEqual({ ok: false, error: { code: 'BAD_SENDER', message: expect.any(String) } });
  });

  it('refuses bad arguments with a code, never a throw', async () => {
    expect(await invokeChecked('exportReport', fromApp, [{ suggestedName: '../x.md', text: '' }])).toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENT' } });
    expect(await invokeChecked('openCase', fromApp, ['extra'])).toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENT' } });
  });

  it('exports the HTML report under its name', async () => {
    const r = await invokeChecked('exportReport', fromApp, [{ suggestedName: 'esx31-report.html', text: '<!DOCTYPE html>' }]);
    expect(r).toEqual({ ok: true, value: { saved: true, name: 'esx31-report.html' } });
    expect(readFileSync(join(dir, 'esx31-report.html'), 'utf8')).toBe('<!DOCTYPE html>');
  });

  it('autosaves a case into <userData>/cases, lists it and reads it back', async () => {
    const text = '{\n  "format": "vpdcase",\n  "version": 2,\n  "createdAt": "2026-11-25T09:00:00.000Z",\n  "updatedAt": "2026-11-25T09:30:00.000Z",\n  "title": "esx31 → esx32"\n}\n';
    expect(await invokeChecked('autosaveCase', fromApp, [{ id: 'case-0001', text }])).toEqual({ ok: true, value: null });
    expect(readFileSync(join(dir, 'user-data', 'cases', 'case-0001.vpdcase'), 'utf8')).toBe(text);
    expect(await invokeChecked('listAutosaved', fromApp, [])).toEqual({ ok: true, value: [{ id: 'case-0001', title: 'esx31 → esx32', updatedAt: '2026-11-25T09:30:00.000Z', bytes: Buffer.byteLength(text) }] });
    expect(await invokeChecked('openAutosaved', fromApp, ['case-0001'])).toEqual({ ok: true, value: { name: 'case-0001.vpdcase', text } });
    expect(await invokeChecked('autosaveCase', fromElsewhere, [{ id: 'case-0001', text }])).toMatchObject({ ok: false, error: { code: 'BAD_SENDER' } });
    expect(await invokeChecked('openAutosaved', fromApp, ['case-0404'])).toMatchObject({ ok: false, error: { code: 'IO' } });
  });

  it('answers null when the user cancels the open dialog', async () => {
    expect(await invokeChecked('openCase', fromApp, [])).toEqual({ ok: true, value: null });
  });

  it('registers one handler per contract channel and nothing else', () => {
    registerIpc();
    expect([...registered.keys()].sort()).toEqual(['vpd:autosave.failed', 'vpd:autosave.list', 'vpd:autosave.read', 'vpd:autosave.remove', 'vpd:autosave.write', 'vpd:case.open', 'vpd:case.save', 'vpd:report.export', 'vpd:report.print']);
  });
});
