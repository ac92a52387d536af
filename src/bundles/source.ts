/**
 * Where a bundle's bytes come from: an in-memory array (tests, a worker that received an ArrayBuffer), a Blob or
 * File (the app's drop target), or a file on disk (the CLI builds one over a file handle). Only two operations are
 * needed: a byte range (the zip central directory, the magic bytes) and a stream of chunks (everything else), so a
 * 1 GB export is never held in memory whole.
 */

export interface ByteSource {
  /** Shown in messages: the file name. */
  readonly name: string;
  readonly size: number;
  /** Bytes [start, end), clipped to the source. */
  read(start: number, end: number): Promise<Uint8Array>;
  /** Bytes [start, end) in chunks, in order. */
  chunks(start?: number, end?: number): AsyncIterable<Uint8Array>;
}

const CHUNK = 1024 * 1024;

export function bytesSource(name: string, bytes: Uint8Array, chunkSize = CHUNK): ByteSource {
  return {
    name,
    size: bytes.length,
    read: async (start, end) => bytes.subarray(clip(start, bytes.length), clip(end, bytes.length)),
    async *chunks(start = 0, end = bytes.length) {
      const to = clip(end, bytes.length);
      for (let at = clip(start, bytes.length); at < to; at += chunkSize) yield bytes.subarray(at, Math.min(to, at + chunkSize));
    },
  };
}

/** A Blob or a File: what a browser drop gives the app. */
export function blobSource(name: string, blob: Blob, chunkSize = CHUNK): ByteSource {
  return {
    name,
    size: blob.size,
    read: async (start, end) => new Uint8Array(await blob.slice(clip(start, blob.size), clip(end, blob.size)).arrayBuffer()),
    async *chunks(start = 0, end = blob.size) {
      const to = clip(end, blob.size);
      for (let at = clip(start, blob.size); at < to; at += chunkSize) {
        yield new Uint8Array(await blob.slice(at, Math.min(to, at + chunkSize)).arrayBuffer());
      }
    },
  };
}

function clip(n: number, size: number): number {
  return Math.max(0, Math.min(size, Math.floor(n)));
}

export type ArchiveFormat = 'gzip' | 'zip' | 'unknown';

/** By magic bytes, never by the file name (issue 9): gzip `1f 8b`, zip `50 4b 03 04` (or an empty zip's `50 4b 05 06`). */
export function formatOf(head: Uint8Array): ArchiveFormat {
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  if (head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5) && (head[3] === 4 || head[3] === 6)) {
    return 'zip';
  }
  return 'unknown';
}

export async function sniffFormat(source: ByteSource): Promise<ArchiveFormat> {
  return formatOf(await source.read(0, 4));
}
