/**
 * The worker's reading step: dropped or chosen files → EstateFiles for `importEstate`, with the same guards as the
 * CLI (src/node/read-estate.ts) in the same order: the size cap before a byte is read, the zip-bomb guard before
 * an xlsx reader opens a workbook, then only the used sheets. Every refusal is one sentence naming the file.
 */
import type { EstateFile } from '../../../imports/index.ts';
import { isZipMagic, sizeRefusal } from '../../../imports/index.ts';
import type { ScanFileInput } from './protocol.ts';

export type ReadOutcome = { readonly ok: true; readonly file: EstateFile } | { readonly ok: false; readonly message: string };

/** Reads a workbook's bytes into its used sheets (scan/workbook.ts in the app; injectable for tests). */
export type WorkbookReader = (name: string, bytes: Uint8Array) => Promise<ReadOutcome>;

function sizeOf(input: ScanFileInput): number {
  return input instanceof Blob ? input.size : input.bytes.byteLength;
}

async function bytesOf(input: ScanFileInput, start = 0, end?: number): Promise<Uint8Array> {
  if (input instanceof Blob) return new Uint8Array(await input.slice(start, end).arrayBuffer());
  return new Uint8Array(input.bytes, start, Math.max(0, Math.min(end ?? input.bytes.byteLength, input.bytes.byteLength) - start));
}

export async function readScanFile(input: ScanFileInput, readWorkbook: WorkbookReader): Promise<ReadOutcome> {
  const name = input.name;
  try {
    const size = sizeOf(input);
    const workbook = /\.xlsx$/i.test(name) || isZipMagic(await bytesOf(input, 0, 4));
    const tooLarge = sizeRefusal(name, size, workbook);
    if (tooLarge !== undefined) return { ok: false, message: tooLarge };
    const bytes = await bytesOf(input);
    if (!workbook) return { ok: true, file: { name, kind: 'bytes', bytes } };
    return await readWorkbook(name, bytes);
  } catch (e) {
    // A file removed or unreadable after it was chosen.
    return { ok: false, message: `${name} could not be read (${e instanceof Error ? e.message : String(e)})` };
  }
}
