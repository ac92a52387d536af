/** The one BrowserWindow factory sets every secure webPreference and loads app:// (Electron mocked). */
import { describe, expect, it, vi } from 'vitest';

const made = vi.hoisted(() => ({ options: undefined as undefined | Record<string, unknown>, url: '' }));

vi.mock('electron', () => ({
  BrowserWindow: class {
    constructor(options: Record<string, unknown>) {
      made.options = options;
    }
    once() {}
    loadURL(url: string) {
      made.url = url;
      return Promise.resolve();
    }
  },
}));

const { createMainWindow } = await import('./window.ts');

describe('createMainWindow', () => {
  it('uses the secure webPreferences explicitly and loads the app:// start page', () => {
    createMainWindow('/app/out/preload/index.cjs');
    expect(made.options?.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(made.url).toBe('app://renderer/index.html');
  });
});
