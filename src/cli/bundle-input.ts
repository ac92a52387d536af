/**
 * The Node side of the bundle reader (src/bundles is pure): a file on disk as a ByteSource read through a file
 * handle (a 1 GB export is never loaded whole) and an unpacked bundle folder walked without following links. The
 * magic-byte test that tells a bundle from a pasted text file is bundle-kind.ts (re-exported here).
 */
import { lstat, open, readdir } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { isBundleArchive, readBundle, readFolder } from '../bundles/index.ts';
import type { BundleReading, ByteSource, FolderEntry, ReadOptions } from '../bundles/index.ts';
import type { BundleKind } from './bundle-kind.ts';

export { bundleKindOf, type BundleKind } from './bundle-kind.ts';

const CHUNK = 1024 * 1024;
/** Folder depth walked below an unpacked bundle (vmfs/volumes/<ds>/<vm>/… is 5). */
const MAX_FOLDER_DEPTH = 24;

async function fileSource(path: string, handle: FileHandle, size: number): Promise<ByteSource> {
  const read = async (start: number, end: number): Promise<Uint8Array> => {
    const from = Math.max(0, Math.min(size, start));
    const to = Math.max(from, Math.min(size, end));
    const out = new Uint8Array(to - from);
    let at = 0;
    while (at < out.length) {
      const { bytesRead } = await handle.read(out, at, out.length - at, from + at);
      if (bytesRead === 0) break;
      at += bytesRead;
    }
    return at === out.length ? out : out.subarray(0, at);
  };
  return {
    name: basename(path),
    size,
    read,
    async *chunks(start = 0, end = size) {
      for (let at = Math.max(0, start); at < Math.min(size, end); at += CHUNK) {
        const chunk = await read(at, Math.min(end, at + CHUNK));
        if (chunk.length === 0) return;
        yield chunk;
      }
    },
  };
}

/** Walks an unpacked bundle folder: links are reported, never followed; files open lazily (only if read). */
export async function* walkFolder(root: string): AsyncGenerator<FolderEntry> {
  const queue: { dir: string; rel: string; depth: number }[] = [{ dir: root, rel: '', depth: 0 }];
  while (queue.length > 0) {
    const { dir, rel, depth } = queue.shift()!;
    let names: string[];
    try {
      names = (await readdir(dir)).sort();
    } catch {
      continue;
    }
    for (const name of names) {
      const full = join(dir, name);
      const path = rel ? `${rel}/${name}` : name;
      let s;
      try {
        s = await lstat(full);
      } catch {
        continue;
      }
      if (s.isSymbolicLink()) yield { path, type: 'link', size: 0, open: empty };
      else if (s.isDirectory()) {
        yield { path, type: 'directory', size: 0, open: empty };
        if (depth < MAX_FOLDER_DEPTH) queue.push({ dir: full, rel: path, depth: depth + 1 });
      } else if (s.isFile()) yield { path, type: 'file', size: s.size, open: () => fileChunks(full) };
      else yield { path, type: 'other', size: 0, open: empty };
    }
  }
}

async function* empty(): AsyncGenerator<Uint8Array> {
  // Nothing to read.
}

async function* fileChunks(path: string): AsyncGenerator<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    for (;;) {
      const buf = new Uint8Array(CHUNK);
      const { bytesRead } = await handle.read(buf, 0, CHUNK, null);
      if (bytesRead === 0) return;
      yield buf.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}

/** Reads a bundle file or folder from disk. */
export async function readBundlePath(path: string, kind: BundleKind, options: ReadOptions = {}): Promise<BundleReading> {
  if (kind === 'folder') return readFolder(basename(path.replace(/[\\/]+$/, '')) || path, walkFolder(path), options);
  const s = await lstat(path);
  const handle = await open(path, 'r');
  try {
    return await readBundle(await fileSource(path, handle, s.size), options);
  } finally {
    await handle.close();
  }
}

/** `scan`: whether a file is a support bundle (a gzip, or a zip of host bundles) rather than an export. */
export async function isBundleFile(path: string): Promise<boolean> {
  const s = await lstat(path);
  const handle = await open(path, 'r');
  try {
    return await isBundleArchive(await fileSource(path, handle, s.size));
  } finally {
    await handle.close();
  }
}
