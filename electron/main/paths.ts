/**
 * Which file an app:// URL may serve: only files under the built renderer folder, never a path that climbs out
 * of it (`..`, encoded `%2e%2e`, backslashes, absolute paths). Pure, so it is tested without Electron.
 */
import { extname, isAbsolute, normalize, relative, resolve, sep } from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'renderer';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/** The file for an app:// URL, or undefined when the URL is not ours or points outside `root`. */
export function resolveAppFile(root: string, url: string): string | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return undefined;
  let path: string;
  try {
    path = decodeURIComponent(u.pathname);
  } catch {
    return undefined;
  }
  if (path.includes('\0') || path.includes('\\')) return undefined;
  const rel = normalize(path === '/' || path === '' ? 'index.html' : path.replace(/^\/+/, ''));
  const file = resolve(root, rel);
  const inside = relative(resolve(root), file);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside) || inside.split(sep).includes('..')) return undefined;
  return file;
}

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

export function contentType(file: string): string {
  return TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** The Content-Security-Policy every app:// response carries (style.md §5); dev relaxations never ship. */
export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; worker-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** Origins whose documentation pages may be opened in the system browser (nothing else leaves the app). */
export const DOC_ORIGINS: readonly string[] = ['https://knowledge.broadcom.com', 'https://techdocs.broadcom.com', 'https://docs.vmware.com'];

export function isVettedDocLink(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && DOC_ORIGINS.includes(u.origin);
  } catch {
    return false;
  }
}

export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}
