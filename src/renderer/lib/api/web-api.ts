/**
 * The plain web build's host API: a file input to open, a download link to save and export, the browser's print
 * dialog (with the print style sheet) for PDF, and the autosave store in localStorage / IndexedDB.
 */
import { serializeCase } from '../../../core/case/index.ts';
import { indexedDbBlobs, LOCAL_MAX_CHARS, WebCaseStore } from '../case/web-case-store.ts';
import { CaseWriter } from '../worker/case-client.ts';
import type { Api, AutosaveEntry, OpenedText } from './api.ts';

function pickFile(accept: string): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.addEventListener('change', () => resolve(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => resolve(null), { once: true });
    input.click();
  });
}

function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function localStorageOrUndefined(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    // Storage disabled for this page (a locked-down browser): autosave then says it cannot save.
    return undefined;
  }
}

export function webApi(): Api {
  const blobs = indexedDbBlobs();
  const store = new WebCaseStore(localStorageOrUndefined(), blobs);
  // Started on the first big autosave; stores into the same IndexedDB database as `blobs`.
  const writer = new CaseWriter({ blobs });
  const autosave = ({ id, file, size }: AutosaveEntry): Promise<void> => {
    const meta = { id, ...(file.title !== undefined ? { title: file.title } : {}), updatedAt: file.updatedAt };
    // Small: written here and now into localStorage, so a save started by pagehide lands before the page is gone.
    if (size <= LOCAL_MAX_CHARS) return store.save({ ...meta, text: serializeCase(file) });
    // Big (it goes to IndexedDB, which is asynchronous anyway): stringified and stored by the case worker.
    return store.saveStored(meta, (maxChars) => writer.store(id, file, maxChars));
  };
  return {
    kind: 'web',
    async openCase(): Promise<OpenedText | null> {
      const file = await pickFile('.vpdcase,.json,application/json');
      return file ? { name: file.name, text: await file.text() } : null;
    },
    async saveCase(name, file, size) {
      download(name, await writer.text(file, size), 'application/json');
      return `Downloaded ${name}.`;
    },
    async exportReport(name, text) {
      const lower = name.toLowerCase();
      download(name, text, lower.endsWith('.html') ? 'text/html' : lower.endsWith('.csv') ? 'text/csv' : 'text/markdown');
      return `Downloaded ${name}.`;
    },
    async print() {
      window.print();
      return null;
    },
    autosave,
    autosaveLandsAtOnce: (size) => size <= LOCAL_MAX_CHARS,
    recentCases: () => store.list(),
    openRecent: (id) => store.read(id),
    markRecentFailed: (id, reason) => store.markFailed(id, reason),
    removeRecent: (id) => store.remove(id),
  };
}
