/**
 * The shell's guards with Electron mocked (no binary here): navigation, new windows, permissions and requests.
 * The same behaviour is checked in the real shell by e2e/electron/security.spec.ts where a binary exists.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (...args: unknown[]) => void;
const state = vi.hoisted(() => ({
  appListeners: new Map<string, Listener>(),
  permissionRequest: undefined as undefined | ((...a: unknown[]) => void),
  permissionCheck: undefined as undefined | ((...a: unknown[]) => boolean),
  beforeRequest: undefined as undefined | ((d: { url: string }, cb: (r: { cancel: boolean }) => void) => void),
  opened: [] as string[],
}));

vi.mock('electron', () => ({
  app: { on: (event: string, fn: Listener) => state.appListeners.set(event, fn) },
  shell: { openExternal: (url: string) => (state.opened.push(url), Promise.resolve()) },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (fn: (...a: unknown[]) => void) => (state.permissionRequest = fn),
      setPermissionCheckHandler: (fn: (...a: unknown[]) => boolean) => (state.permissionCheck = fn),
      webRequest: { onBeforeRequest: (fn: typeof state.beforeRequest) => (state.beforeRequest = fn) },
    },
  },
}));

const { installSecurity } = await import('./security.ts');

function fakeContents() {
  const on = new Map<string, Listener>();
  let openHandler: ((d: { url: string }) => { action: string }) | undefined;
  return {
    contents: { on: (e: string, fn: Listener) => on.set(e, fn), setWindowOpenHandler: (fn: typeof openHandler) => (openHandler = fn) },
    emit(event: string, url?: string) {
      let prevented = false;
      on.get(event)?.({ preventDefault: () => (prevented = true) }, url);
      return prevented;
    },
    open: (url: string) => openHandler!({ url }),
  };
}

describe('installSecurity', () => {
  beforeEach(() => {
    state.opened.length = 0;
    installSecurity();
  });

  it('blocks navigation and redirects away from app://, and every webview', () => {
    const wc = fakeContents();
    state.appListeners.get('web-contents-created')!({}, wc.contents);
    expect(wc.emit('will-navigate', 'https://example.com/')).toBe(true);
    expect(wc.emit('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(wc.emit('will-redirect', 'http://127.0.0.1:5199/')).toBe(true);
    expect(wc.emit('will-navigate', 'app://renderer/index.html')).toBe(false);
    expect(wc.emit('will-attach-webview')).toBe(true);
  });

  it('denies every new window, opening only vetted documentation links in the system browser', () => {
    const wc = fakeContents();
    state.appListeners.get('web-contents-created')!({}, wc.contents);
    expect(wc.open('https://example.com/')).toEqual({ action: 'deny' });
    expect(wc.open('https://knowledge.broadcom.com/external/article/318546')).toEqual({ action: 'deny' });
    expect(state.opened).toEqual(['https://knowledge.broadcom.com/external/article/318546']);
  });

  it('denies all permissions', () => {
    const answers: boolean[] = [];
    state.permissionRequest!({}, 'media', (ok: boolean) => answers.push(ok));
    state.permissionRequest!({}, 'geolocation', (ok: boolean) => answers.push(ok));
    expect(answers).toEqual([false, false]);
    expect(state.permissionCheck!({}, 'clipboard-read')).toBe(false);
  });

  it('cancels every request that is not the app itself', () => {
    const cancelled = (url: string) => {
      let cancel: boolean | undefined;
      state.beforeRequest!({ url }, (r) => (cancel = r.cancel));
      return cancel;
    };
    expect(cancelled('app://renderer/assets/index.js')).toBe(false);
    expect(cancelled('blob:app://renderer/1234')).toBe(false);
    expect(cancelled('data:image/png;base64,AAAA')).toBe(false);
    expect(cancelled('https://fonts.example.com/x.woff2')).toBe(true);
    expect(cancelled('http://127.0.0.1:5199/')).toBe(true);
    expect(cancelled('file:///etc/passwd')).toBe(true);
  });
});
