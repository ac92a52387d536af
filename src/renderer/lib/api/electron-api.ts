/** The desktop shell's host API: every call goes through `window.vpd` (electron/preload) and its typed contract. */
import type { Result, Saved, VpdApi } from '../../../../electron/shared/contract.ts';
import { serializeCase } from '../../../core/case/index.ts';
import { CaseWriter, OFF_THREAD_CHARS } from '../worker/case-client.ts';
import type { Api } from './api.ts';

function unwrap<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

function said(s: Saved, verb: string): string | null {
  return s.saved ? `${verb} ${s.name ?? ''}`.trim() + '.' : null;
}

export function electronApi(vpd: VpdApi, writer: CaseWriter = new CaseWriter()): Api {
  return {
    kind: 'electron',
    openCase: async () => unwrap(await vpd.openCase()),
    saveCase: async (name, file, size) => said(unwrap(await vpd.saveCase({ suggestedName: name, text: await writer.text(file, size) })), 'Saved'),
    exportReport: async (name, text) => said(unwrap(await vpd.exportReport({ suggestedName: name, text })), 'Exported'),
    print: async (name) => said(unwrap(await vpd.printReport({ suggestedName: name })), 'Printed to'),
    // Main reads the title and date from the file itself: only the id and the text cross the bridge. A small case
    // is stringified inline (the call leaves before this returns, as a pagehide save needs); a big one by the case
    // worker (the worker cannot reach the bridge: its text comes back to be sent).
    autosave: async ({ id, file, size }) => {
      // Not `writer.text`: awaiting even its resolved promise would send a small case a microtask later, after the
      // page may be gone.
      const text = size <= OFF_THREAD_CHARS ? serializeCase(file) : await writer.serialize(file);
      unwrap(await vpd.autosaveCase({ id, text }));
    },
    // A small case's message has left for main when autosave returns; main writes it even if the window closes.
    autosaveLandsAtOnce: (size) => size <= OFF_THREAD_CHARS,
    recentCases: async () => unwrap(await vpd.listAutosaved()),
    openRecent: async (id) => unwrap(await vpd.openAutosaved(id)),
    markRecentFailed: async (id, reason) => {
      unwrap(await vpd.markAutosaveFailed({ id, reason }));
    },
    removeRecent: async (id) => {
      unwrap(await vpd.removeAutosaved(id));
    },
  };
}
