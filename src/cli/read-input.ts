/**
 * Reads an evidence file (or standard input) for the CLI with the guards a file from anyone needs: a size cap
 * checked before reading, binary detection, and text decoding that copes with Windows editors (BOMs, UTF-16).
 */
import { open, stat } from 'node:fs/promises';

/** Larger files are refused before they are read: no ESXi paste is this big, and memory stays bounded. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

export type ReadResult = { ok: true; file: string; text: string } | { ok: false; file: string; message: string };

function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

/** Decodes bytes: UTF-8 (with or without BOM) or UTF-16 with a BOM; refuses binary content. */
export function decodeEvidence(file: string, bytes: Uint8Array): ReadResult {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { ok: true, file, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { ok: true, file, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)) };
  }
  const sample = bytes.subarray(0, Math.min(bytes.length, 64 * 1024));
  let control = 0;
  for (const b of sample) {
    if (b === 0) return { ok: false, file, message: `${file} is a binary file (it contains NUL bytes), not pasted command output` };
    if (b < 9 || (b > 13 && b < 32 && b !== 27)) control++;
  }
  if (sample.length > 0 && control / sample.length > 0.1) {
    return { ok: false, file, message: `${file} looks like a binary file (${Math.round((control / sample.length) * 100)}% control characters), not pasted command output` };
  }
  const start = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  return { ok: true, file, text: new TextDecoder('utf-8').decode(bytes.subarray(start)) };
}

async function readStdin(stdin: AsyncIterable<Uint8Array>): Promise<ReadResult> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of stdin) {
    total += chunk.length;
    if (total > MAX_INPUT_BYTES) {
      return { ok: false, file: 'standard input', message: `standard input is larger than the ${mib(MAX_INPUT_BYTES)} limit for evidence` };
    }
    chunks.push(chunk);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  return decodeEvidence('standard input', bytes);
}

export async function readEvidenceFile(path: string, stdin: AsyncIterable<Uint8Array>): Promise<ReadResult> {
  if (path === '-') return readStdin(stdin);
  let size: number;
  try {
    const s = await stat(path);
    if (s.isDirectory()) return { ok: false, file: path, message: `${path} is a folder, not a file of pasted command output` };
    size = s.size;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, file: path, message: code === 'ENOENT' ? `${path} does not exist` : `${path} cannot be read (${code ?? String(e)})` };
  }
  if (size > MAX_INPUT_BYTES) {
    return { ok: false, file: path, message: `${path} is ${mib(size)}, larger than the ${mib(MAX_INPUT_BYTES)} limit for evidence; paste only the command outputs` };
  }
  try {
    const handle = await open(path, 'r');
    try {
      const bytes = new Uint8Array(size);
      const { bytesRead } = await handle.read(bytes, 0, size, 0);
      return decodeEvidence(path, bytes.subarray(0, bytesRead));
    } finally {
      await handle.close();
    }
  } catch (e) {
    return { ok: false, file: path, message: `${path} cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})` };
  }
}
