/**
 * One ipcMain handler per contract entry (style.md §4): check the sender frame is our app:// page, validate the
 * arguments with the contract's validators, run the handler, and answer with a Result envelope (thrown errors lose
 * their fields across invoke).
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { BrowserWindow, dialog, ipcMain } from 'electron';
import type { IpcMainInvokeEvent } from 'electron';
import { API_NAMES, CHANNELS, ContractError, MAX_TEXT_CHARS, VALIDATE } from '../shared/contract.ts';
import type { ApiName, Contract, OpenedFile, Result, Saved } from '../shared/contract.ts';
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

const handlers: Handlers = {
  async openCase(event): Promise<OpenedFile | null> {
    const win = windowOf(event);
    const options: Electron.OpenDialogOptions = { properties: ['openFile'], filters: [{ name: 'Cases', extensions: ['json'] }, { name: 'All files', extensions: ['*'] }] };
    const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    const path = r.filePaths[0];
    if (r.canceled || !path) return null;
    const size = (await stat(path)).size;
    if (size > MAX_TEXT_CHARS) throw new ContractError('TOO_LARGE', `${basename(path)} is ${Math.round(size / 1048576)} MiB; a case file is at most ${MAX_TEXT_CHARS / 1048576} MiB.`);
    return { name: basename(path), text: await readFile(path, 'utf8') };
  },
  async saveCase(event, { suggestedName, text }): Promise<Saved> {
    const path = await saveDialog(event, suggestedName, [{ name: 'Cases', extensions: ['json'] }]);
    if (!path) return { saved: false };
    await writeFileAtomic(path, text);
    return { saved: true, name: basename(path) };
  },
  async exportReport(event, { suggestedName, text }): Promise<Saved> {
    const path = await saveDialog(event, suggestedName, [{ name: 'Markdown', extensions: ['md'] }]);
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
