/**
 * Preload: exposes exactly the contract as `window.vpd`, one function per entry, and nothing else (no ipcRenderer,
 * no `on` passthrough, no getters). Bundled to one CommonJS file: sandboxed preloads cannot load ESM (style.md §13).
 */
import { contextBridge, ipcRenderer } from 'electron';
import { API_NAMES, CHANNELS, isChannel } from '../shared/contract.ts';
import type { VpdApi } from '../shared/contract.ts';

function invoke(channel: string, args: unknown[]): Promise<never> {
  // Refuse anything outside the contract's `vpd:` channels even if this file is changed carelessly (VS Code's validateIPC).
  if (!isChannel(channel)) return Promise.reject(new Error(`Unknown channel ${channel}`));
  return ipcRenderer.invoke(channel, ...args) as Promise<never>;
}

const api = Object.fromEntries(API_NAMES.map((name) => [name, (...args: unknown[]) => invoke(CHANNELS[name], args)])) as unknown as VpdApi;

contextBridge.exposeInMainWorld('vpd', api);
