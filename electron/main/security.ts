/**
 * Guards every web contents (style.md §5, Podman Desktop's security-restrictions.ts): no navigation away from
 * app://, no new windows (vetted documentation links open in the system browser), no permissions, no network.
 */
import { app, session, shell } from 'electron';
import type { WebContents } from 'electron';
import { isAppUrl, isVettedDocLink } from './paths.ts';

function guard(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isVettedDocLink(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

export function installSecurity(): void {
  app.on('web-contents-created', (_event, contents) => guard(contents));
  const s = session.defaultSession;
  s.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  s.setPermissionCheckHandler(() => false);
  // Nothing leaves the machine: only our own scheme and the blobs/data the page makes itself.
  s.webRequest.onBeforeRequest((details, callback) => {
    const ok = details.url.startsWith('app://renderer/') || details.url.startsWith('blob:app://renderer') || details.url.startsWith('data:') || details.url.startsWith('devtools:');
    callback({ cancel: !ok });
  });
}
