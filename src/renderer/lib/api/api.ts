/**
 * What the renderer needs from its host: open/save a case, export a report, print, and autosave the current case
 * with a list of recent ones. Two implementations (style.md §4): `electron-api.ts` over `window.vpd`, `web-api.ts`
 * with browser file inputs, downloads, localStorage and (for big cases) IndexedDB.
 */
import type { AutosavedCase, VpdApi } from '../../../../electron/shared/contract.ts';
import type { CaseFile } from '../../../core/case/index.ts';

export interface OpenedText {
  readonly name: string;
  readonly text: string;
}

/** A case on the start screen's recent list (the same shape in both builds). */
export type RecentCase = AutosavedCase;

/**
 * One autosave: the case as data, dated, and about how many characters its text will have. The host API writes
 * the text: inline for a small case (so the web build's synchronous store still lands while the page unloads),
 * in the case worker for a big one (a 50 MB paste is never stringified on the UI thread).
 */
export interface AutosaveEntry {
  readonly id: string;
  readonly file: CaseFile;
  /** At least the length of the case's text (its evidence texts and the rest without escaping). */
  readonly size: number;
}

/** A case file's text, plus what the recent list shows (the web build keeps its own index). */
export interface CaseText {
  readonly id: string;
  readonly text: string;
  readonly title?: string;
  readonly updatedAt: string;
}

export interface Api {
  readonly kind: 'electron' | 'web';
  /** null when the user cancelled. */
  openCase(): Promise<OpenedText | null>;
  /**
   * Saves the case to a file the user picks (desktop) or downloads it (web). Resolves to a sentence for the status
   * line ("Saved case.vpdcase"), or null when cancelled. The host API writes the text: a big case (`size` over
   * OFF_THREAD_CHARS, as for autosave) in the case worker, so a 50 MB paste is not stringified on the UI thread.
   */
  saveCase(name: string, file: CaseFile, size: number): Promise<string | null>;
  /** A report file: `name` ends in `.html` (the self-contained report), `.md`, or `.csv` (the Scan view's table). */
  exportReport(name: string, text: string): Promise<string | null>;
  print(name: string): Promise<string | null>;
  /**
   * Stores the current case in the app's data (Electron: a file written atomically by main; web: localStorage,
   * IndexedDB for big cases). A small case is written inline and, where the store is synchronous, before this
   * returns its promise, so a save started while the page unloads still lands; a big one (`size` over
   * OFF_THREAD_CHARS) is stringified, and in the web build stored, by the case worker.
   */
  autosave(entry: AutosaveEntry): Promise<void>;
  /** Whether an autosave of `size` characters is stored before `autosave` returns (so it survives a page unload). */
  autosaveLandsAtOnce(size: number): boolean;
  /** The autosaved cases, newest first. */
  recentCases(): Promise<readonly RecentCase[]>;
  /** The text of one autosaved case; throws with a sentence when it is gone. */
  openRecent(id: string): Promise<OpenedText>;
  /** Marks an autosaved case that could not be opened, with the sentence that said why (the list shows it). */
  markRecentFailed(id: string, reason: string): Promise<void>;
  /** Removes an autosaved case from the list and from storage. */
  removeRecent(id: string): Promise<void>;
}

declare global {
  interface Window {
    /** Present only inside the Electron shell (electron/preload). */
    readonly vpd?: VpdApi;
  }
}
