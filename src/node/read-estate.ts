/**
 * Node side of the estate import: files on disk → `importEstate`. Guards a file from anyone needs, in this order:
 * it exists and is a regular file; its size is under the cap (checked with stat, before a byte is read, so a 1 GB
 * or sparse file costs nothing); an xlsx passes the zip-bomb guard before exceljs opens it; text is decoded with
 * BOM / UTF-8 / Windows-1252 detection. Every refusal is one sentence naming the file.
 */
import { open, stat } from 'node:fs/promises';
import type { EstateFile, EstateImport, FileImport } from '../imports/index.ts';
import { canonicalTab, combineImports, importEstate, importFile, inspectZip, isZipMagic, sizeRefusal, slimWorkbook, USED_TABS } from '../imports/index.ts';

// The caps live in src/imports/limits.ts (pure), shared with the app's scan worker.
export { MAX_TEXT_FILE_BYTES, MAX_XLSX_FILE_BYTES } from '../imports/index.ts';

export type ReadFile = { readonly ok: true; readonly file: EstateFile } | { readonly ok: false; readonly message: string };

async function readBytes(path: string, size: number): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const bytes = new Uint8Array(size);
    let at = 0;
    while (at < size) {
      const { bytesRead } = await handle.read(bytes, at, size - at, at);
      if (bytesRead === 0) break;
      at += bytesRead;
    }
    return bytes.subarray(0, at);
  } finally {
    await handle.close();
  }
}

async function head(path: string): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const bytes = new Uint8Array(4);
    const { bytesRead } = await handle.read(bytes, 0, 4, 0);
    return bytes.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Reads one file into an EstateFile (an xlsx already streamed into its used sheets). */
export async function readEstateFile(path: string): Promise<ReadFile> {
  const name = path;
  let size: number;
  try {
    const s = await stat(path);
    if (s.isDirectory()) return { ok: false, message: `${path} is a folder, not an export file` };
    if (!s.isFile()) return { ok: false, message: `${path} is not a regular file` };
    size = s.size;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, message: code === 'ENOENT' ? `${path} does not exist` : `${path} cannot be read (${code ?? String(e)})` };
  }
  try {
    const xlsx = /\.xlsx$/i.test(path) || isZipMagic(await head(path));
    const tooLarge = sizeRefusal(path, size, xlsx);
    if (tooLarge !== undefined) return { ok: false, message: tooLarge };
    const bytes = await readBytes(path, size);
    if (!xlsx) return { ok: true, file: { name, kind: 'bytes', bytes } };
    const zip = inspectZip(bytes);
    if (!zip.ok) return { ok: false, message: `${path} was refused before opening: ${zip.reason}` };
    // Only the used sheets go to the xlsx reader (the VM tabs are the bulk of a workbook); a package that cannot be
    // slimmed is read as it is.
    const slim = slimWorkbook(bytes, (sheet) => (USED_TABS as readonly string[]).includes(canonicalTab(sheet) ?? ''));
    // Loaded only for a workbook: exceljs is large, and a CSV scan should not pay for it.
    const { isTooLarge, readWorkbookTables } = await import('./xlsx.ts');
    try {
      const { sheets, otherSheets } = await readWorkbookTables(name, slim.ok ? slim.bytes : bytes);
      return { ok: true, file: { name, kind: 'workbook', sheets, otherSheets: slim.ok ? [...slim.dropped] : otherSheets } };
    } catch (e) {
      if (isTooLarge(e)) return { ok: false, message: `${path} was refused: ${e.message}` };
      return { ok: false, message: `${path} is not a readable xlsx workbook (${e instanceof Error ? e.message.slice(0, 160) : String(e)})` };
    }
  } catch (e) {
    return { ok: false, message: `${path} cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})` };
  }
}

/**
 * Reads and imports every file; the first unusable file stops it with its sentence. `onFile` hears of each file
 * before it is read (a progress line).
 */
export async function readEstate(paths: readonly string[], onFile?: (path: string, index: number) => void): Promise<EstateImport> {
  if (paths.length === 0) return importEstate([]);
  // Each file is imported as soon as it is read, so its bytes are garbage before the next file is read (the host
  // facts keep only what they need), instead of every file's bytes staying alive through the merge and the scan.
  const imports: FileImport[] = [];
  for (const [i, p] of paths.entries()) {
    onFile?.(p, i);
    const r = await readEstateFile(p);
    if (!r.ok) return { ok: false, error: { file: p, message: r.message } };
    const imported = importFile(r.file);
    if (!imported.ok) return imported;
    imports.push(imported.value);
  }
  return combineImports(imports, paths);
}
