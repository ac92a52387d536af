/**
 * The real shell's guards (style.md §5, §10): no Node in the page, `window.vpd` holds only the contract, other
 * origins cannot be navigated to or opened, nothing leaves app://. Runs where an Electron binary exists.
 */
import { expect, test } from '@playwright/test';
import { API_NAMES } from '../../electron/shared/contract.ts';
import { launchApp, skipWithoutElectron } from '../support/electron-app.ts';
import type { Launched } from '../support/electron-app.ts';

let shell: Launched;

test.beforeEach(async () => {
  skipWithoutElectron();
  shell = await launchApp();
});

test.afterEach(async () => {
  await shell?.close();
});

test('the renderer has no Node: require and process are undefined', async () => {
  const types = await shell.page.evaluate(() => [typeof (window as unknown as { require?: unknown }).require, typeof (window as unknown as { process?: unknown }).process]);
  expect(types).toEqual(['undefined', 'undefined']);
});

test('window.vpd exposes exactly the contract functions', async () => {
  const exposed = await shell.page.evaluate(() => {
    const vpd = (window as unknown as { vpd: Record<string, unknown> }).vpd;
    return Object.keys(vpd).map((k) => [k, typeof vpd[k]]);
  });
  expect(exposed.sort()).toEqual(API_NAMES.map((n) => [n, 'function']).sort());
});

test('the page is served from app:// with the CSP header', async () => {
  expect(shell.page.url()).toBe('app://renderer/index.html');
  const csp = await shell.page.evaluate(async () => (await fetch('app://renderer/index.html')).headers.get('content-security-policy'));
  expect(csp).toContain("default-src 'self'");
});

test('navigation to another origin and window.open are refused', async () => {
  await shell.page.evaluate(() => {
    window.location.href = 'https://example.com/';
  });
  await shell.page.waitForTimeout(500);
  expect(shell.page.url()).toBe('app://renderer/index.html');
  const before = shell.app.windows().length;
  await shell.page.evaluate(() => window.open('https://example.com/'));
  await shell.page.waitForTimeout(500);
  expect(shell.app.windows().length).toBe(before);
});

test('no request leaves app://', async () => {
  const blocked = await shell.page.evaluate(async () => {
    try {
      await fetch('http://127.0.0.1:9/');
      return false;
    } catch {
      return true;
    }
  });
  expect(blocked).toBe(true);
});

test('webPreferences are the secure ones', async () => {
  const prefs = await shell.app.evaluate(({ BrowserWindow }) => {
    const wc = BrowserWindow.getAllWindows()[0]!.webContents as unknown as { getLastWebPreferences(): Record<string, unknown> };
    const p = wc.getLastWebPreferences();
    return { contextIsolation: p.contextIsolation, sandbox: p.sandbox, nodeIntegration: p.nodeIntegration, webviewTag: p.webviewTag, webSecurity: p.webSecurity };
  });
  expect(prefs).toEqual({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false, webSecurity: true });
});
