/**
 * What the renderer needs from its host: open/save a case, export a report, print. Two implementations
 * (style.md §4): `electron-api.ts` over `window.vpd`, `web-api.ts` with browser file inputs and downloads.
 */
import type { VpdApi } from '../../../../electron/shared/contract.ts';

export interface OpenedText {
  readonly name: string;
  readonly text: string;
}

export interface Api {
  readonly kind: 'electron' | 'web';
  /** null when the user cancelled. */
  openCase(): Promise<OpenedText | null>;
  /** Resolves to a sentence for the status line ("Saved case.vpd.json"), or null when cancelled. */
  saveCase(name: string, text: string): Promise<string | null>;
  exportReport(name: string, markdown: string): Promise<string | null>;
  print(name: string): Promise<string | null>;
}

declare global {
  interface Window {
    /** Present only inside the Electron shell (electron/preload). */
    readonly vpd?: VpdApi;
  }
}
