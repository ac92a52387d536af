/**
 * Whether a file given to the CLI is a support bundle (issue 9: by its first bytes, never by the extension). Its own
 * module, apart from bundle-input.ts, so that `analyze` of a pasted file can ask without loading the bundle reader
 * (src/bundles, tar, gzip): the build (tools/build-cli.mjs) splits chunks by file.
 */
import { lstat, open } from 'node:fs/promises';
import { formatOf } from '../bundles/source.ts';

export type BundleKind = 'archive' | 'folder';

/** `archive` for a gzip or zip file (by its first bytes), `folder` for a directory, undefined otherwise. */
export async function bundleKindOf(path: string): Promise<BundleKind | undefined> {
  if (path === '-') return undefined;
  let s;
  try {
    s = await lstat(path);
  } catch {
    return undefined;
  }
  if (s.isDirectory()) return 'folder';
  if (!s.isFile() || s.size < 4) return undefined;
  const handle = await open(path, 'r');
  try {
    const head = new Uint8Array(4);
    await handle.read(head, 0, 4, 0);
    return formatOf(head) === 'unknown' ? undefined : 'archive';
  } finally {
    await handle.close();
  }
}

