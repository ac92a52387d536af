/**
 * Main process: app lifecycle and nothing else of substance (style.md §1: main only opens files, saves cases and
 * guards the window). The analysis runs in the renderer.
 */
import { join } from 'node:path';
import { app, BrowserWindow } from 'electron';
import { autosavesSettled, registerIpc } from './ipc.ts';
import { registerAppScheme, serveRenderer } from './protocol.ts';
import { installSecurity } from './security.ts';
import { createMainWindow } from './window.ts';

// Tests and portable use point the profile somewhere else before anything touches it (style.md §10).
if (process.env.VPD_USER_DATA) app.setPath('userData', process.env.VPD_USER_DATA);

registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const win = BrowserWindow.getAllWindows()[0];
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });

  app.whenReady().then(() => {
    installSecurity();
    // out/main/index.cjs → out/renderer, out/preload
    serveRenderer(join(__dirname, '..', 'renderer'));
    registerIpc();
    createMainWindow(join(__dirname, '..', 'preload', 'index.cjs'));
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createMainWindow(join(__dirname, '..', 'preload', 'index.cjs'));
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // The window's last autosave (sent as the page unloads) is finished before the process ends; a kill still
  // leaves the previous save intact (atomic writes), this only keeps a normal quit from dropping the last change.
  let waited = false;
  app.on('will-quit', (event) => {
    const pending = autosavesSettled();
    if (waited || !pending) return;
    waited = true;
    event.preventDefault();
    void Promise.race([pending, new Promise((r) => setTimeout(r, 5000))]).finally(() => app.quit());
  });
}
