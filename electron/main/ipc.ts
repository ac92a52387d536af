/**
 * One ipcMain handler per contract entry (style.md §4): check the sender frame is our app:// page, validate the
 * arguments with the contract's validators, run the handler, and answer with a Result envelope (thrown errors lose
 * their fields across invoke).
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain } from 'electron';
import type { IpcMainInvokeEvent } from 'electron';
import { API_NAMES, CHANNELS, ContractError, MAX_TEXT_CHARS, VALIDATE } from '../shared/contract.ts';
import type { ApiName, AutosavedCase, Contract, OpenedFile, Result, Saved } from '../shared/contract.ts';
import { AutosaveStore } from './autosave-store.ts';
import { writeFileAtomic } from './case-store.ts';
import { isAppUrl } from './paths.ts';

type Handlers = { [K in ApiName]: (event: IpcMainInvokeEvent, ...args: Contract[K]['args']) => Promise<Contract[K]['result']> };

function windowOf(event: IpcMainInvokeEvent): BrowserWindow | undefined {
  return BrowserWindow.fromWebContents(event.sender) ?? undefined;
}

async function saveDialog(event: IpcMainInvokeEvent, suggestedName: string, filters: Electron.FileFilter[]): Promise<string | undefined> {
  const win = windowOf(event);
  const options = { defaultPath: suggestedName, filters };
  const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
  return r.canceled || !r.filePath ? undefined : r.filePath;
}

let autosaves: AutosaveStore | undefined;

/** The autosave folder, `<userData>/cases` (VPD_USER_DATA moves userData for tests: index.ts). */
function autosaveStore(): AutosaveStore {
  autosaves ??= new AutosaveStore(join(app.getPath('userData'), 'cases'));
  return autosaves;
}

/** Autosaves still being written (the app waits for them before it quits), or undefined. */
export function autosavesSettled(): Promise<void> | undefined {
  return autosaves?.settled();
}

/** The save dialog's filter follows the report's extension (the contract allows .md, .html and .csv only). */
function reportFilter(name: string): Electron.FileFilter {
  const lower = name.toLowerCase();
  if (lower.endsWith('.html')) return { name: 'HTML report', extensions: ['html'] };
  if (lower.endsWith('.csv')) return { name: 'CSV table', extensions: ['csv'] };
  return { name: 'Markdown', extensions: ['md'] };
}

const handlers: Handlers = {
  async openCase(event): Promise<OpenedFile | null> {
    const win = windowOf(event);
    const options: Electron.OpenDialogOptions = { properties: ['openFile'], filters: [{ name: 'Cases', extensions: ['vpdcase', 'json'] }, { name: 'All files', extensions: ['*'] }] };
    const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    const path = r.filePaths[0];
    if (r.canceled || !path) return null;
    const size = (await stat(path)).size;
    if (size > MAX_TEXT_CHARS) throw new ContractError('TOO_LARGE', `${basename(path)} is ${Math.round(size / 1048576)} MiB; a case file is at most ${MAX_TEXT_CHARS / 1048576} MiB.`);
    return { name: basename(path), text: await readFile(path, 'utf8') };
  },
  async saveCase(event, { suggestedName, text }): Promise<Saved> {
    const path = await saveDialog(event, suggestedName, [{ name: 'Cases', extensions: ['vpdcase'] }]);
    if (!path) return { saved: false };
    await writeFileAtomic(path, text);
    return { saved: true, name: basename(path) };
  },
  async exportReport(event, { suggestedName, text }): Promise<Saved> {
    const path = await saveDialog(event, suggestedName, [reportFilter(suggestedName)]);
    if (!path) return { saved: false };
    await writeFileAtomic(path, text);
    return { saved: true, name: basename(path) };
  },
  async printReport(event, { suggestedName }): Promise<Saved> {
    const path = await saveDialog(event, suggestedName, [{ name: 'PDF', extensions: ['pdf'] }]);
    if (!path) return { saved: false };
    const pdf = await event.sender.printToPDF({ printBackground: true, pageSize: 'A4' });
    await writeFileAtomic(path, pdf);
    return { saved: true, name: basename(path) };
  },
  async autosaveCase(_event, { id, text }): Promise<null> {
    await autosaveStore().write(id, text);
    return null;
  },
  async listAutosaved(): Promise<readonly AutosavedCase[]> {
    return autosaveStore().list();
  },
  async openAutosaved(_event, id): Promise<OpenedFile> {
    return autosaveStore().read(id);
  },
  async markAutosaveFailed(_event, { id, reason }): Promise<null> {
    await autosaveStore().markFailed(id, reason);
    return null;
  },
  async removeAutosaved(_event, id): Promise<null> {
    await autosaveStore().remove(id);
    return null;
  },
};

/** Wraps one handler: sender check, validation, Result envelope. Exported for tests of the envelope. */
export async function invokeChecked<K extends ApiName>(name: K, event: IpcMainInvokeEvent, args: unknown[]): Promise<Result<Contract[K]['result']>> {
  try {
    const url = event.senderFrame?.url ?? '';
    if (!isAppUrl(url)) throw new ContractError('BAD_SENDER', 'this call is only accepted from the app itself');
    const checked = VALIDATE[name](args);
    const handler = handlers[name] as (e: IpcMainInvokeEvent, ...a: unknown[]) => Promise<Contract[K]['result']>;
    return { ok: true, value: await handler(event, ...checked) };
  } catch (e) {
    if (e instanceof ContractError) return { ok: false, error: { code: e.code, message: e.message } };
    return { ok: false, error: { code: 'IO', message: e instanceof Error ? e.message : String(e) } };
  }
}

export function registerIpc(): void {
  for (const name of API_NAMES) {
    ipcMain.handle(CHANNELS[name], (event, ...args: unknown[]) => invokeChecked(name, event, args));
  }
}
