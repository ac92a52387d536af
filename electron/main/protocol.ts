/** Serves the built renderer from app://renderer/ with the CSP header; refuses everything outside it. */
import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { APP_SCHEME, contentType, CSP, resolveAppFile } from './paths.ts';

/** Must run before `app` is ready: app:// behaves like https (secure context, fetch, workers, localStorage). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true } },
  ]);
}

export function serveRenderer(root: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppFile(root, request.url);
    if (!file) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(file);
      return new Response(body, {
        status: 200,
        headers: { 'content-type': contentType(file), 'content-security-policy': CSP, 'x-content-type-options': 'nosniff' },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
