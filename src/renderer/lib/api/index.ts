/** Picks the host API once at start-up: the Electron bridge when the preload exposed it, the web one otherwise. */
import type { Api } from './api.ts';
import { electronApi } from './electron-api.ts';
import { webApi } from './web-api.ts';

export function chooseApi(): Api {
  return typeof window !== 'undefined' && window.vpd ? electronApi(window.vpd) : webApi();
}

export type { Api, AutosaveEntry, CaseText, OpenedText, RecentCase } from './api.ts';
