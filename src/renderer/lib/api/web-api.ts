/**
 * The plain web build's host API: a file input to open, a download link to save and export, the browser's print
 * dialog (with the print style sheet) for PDF, and the autosave store in localStorage / IndexedDB.
 */
import { indexedDbBlobs, WebCaseStore } from '../case/web-case-store.ts';
import type { Api, OpenedText } from './api.ts';

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
  const store = new WebCaseStore(localStorageOrUndefined(), indexedDbBlobs());
  return {
    kind: 'web',
    async openCase(): Promise<OpenedText | null> {
      const file = await pickFile('.vpdcase,.json,application/json');
      return file ? { name: file.name, text: await file.text() } : null;
    },
    async saveCase(name, text) {
      download(name, text, 'application/json');
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
    autosave: (entry) => store.save(entry),
    recentCases: () => store.list(),
    openRecent: (id) => store.read(id),
    markRecentFailed: (id, reason) => store.markFailed(id, reason),
    removeRecent: (id) => store.remove(id),
  };
}
