/**
 * Bytes of an export → text. RVTools CSV encoding is not pinned down (imports.md §1.1 [U]) and PowerShell 5.1
 * writes ASCII, UTF-8 with a BOM or UTF-16 depending on `-Encoding`: a BOM decides; otherwise strict UTF-8, and
 * Windows-1252 when the bytes are not valid UTF-8 (an "Ä" from a German export is never turned into U+FFFD).
 */

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export type Decoded =
  | { readonly ok: true; readonly text: string; readonly encoding: TextEncodingName }
  | { readonly ok: false; readonly message: string };

export function decodeText(file: string, bytes: Uint8Array): Decoded {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  const sample = body.subarray(0, Math.min(body.length, 64 * 1024));
  if (sample.includes(0)) return { ok: false, message: `${file} is a binary file (it contains NUL bytes), not a CSV, JSON or text export` };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: bom ? 'utf-8-bom' : 'utf-8' };
  } catch {
    return { ok: true, text: new TextDecoder('windows-1252').decode(body), encoding: 'windows-1252' };
  }
}
