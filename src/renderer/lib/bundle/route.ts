/**
 * Which dropped or chosen files are support bundles: by their first bytes (gzip `1f 8b`, zip `50 4b 03 04`, or a
 * plain tar's `ustar` at 257), like the CLI. Bundles go to the bundle reader, which again decides by the bytes;
 * everything else is read as text as before. Also the one size rule a bundle meets before it is read.
 */
import { DEFAULT_LIMITS } from '../../../bundles/limits.ts';
import { formatOf } from '../../../bundles/source.ts';
import { formatSize } from '../evidence/limits.ts';

export type FileKind = 'bundle' | 'text';

export function kindOfHead(head: Uint8Array): FileKind {
  if (formatOf(head) !== 'unknown') return 'bundle';
  const magic = head.length >= 262 ? String.fromCharCode(...head.subarray(257, 262)) : '';
  return magic === 'ustar' ? 'bundle' : 'text';
}

/** By the first bytes only: a `.tgz` that is not gzip is read as text, and the text reader says it is binary. */
export async function kindOfFile(file: File): Promise<FileKind> {
  try {
    return kindOfHead(new Uint8Array(await file.slice(0, 262).arrayBuffer()));
  } catch {
    return 'text';
  }
}

/**
 * Bundles are read up to the reader's cap on what one reading may expand to: a larger file cannot be read within
 * it (a zip stores its host bundles uncompressed), so it is refused before a byte is read.
 */
export const MAX_BUNDLE_BYTES = DEFAULT_LIMITS.maxTotalBytes;

export function bundleSizeRefusal(name: string, size: number, max = MAX_BUNDLE_BYTES): string | undefined {
  if (size <= max) return undefined;
  return `${name} was not read: it is ${formatSize(size)}, and a support bundle is read up to ${formatSize(max)} (what it expands to is capped at the same size). Export fewer hosts at a time.`;
}

export async function splitFiles(files: Iterable<File>): Promise<{ bundles: File[]; texts: File[] }> {
  const bundles: File[] = [];
  const texts: File[] = [];
  for (const f of files) ((await kindOfFile(f)) === 'bundle' ? bundles : texts).push(f);
  return { bundles, texts };
}
