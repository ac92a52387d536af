/**
 * Size caps of estate files, checked before a byte is read (the CLI with stat, the app with File.size), so a 1 GB
 * or sparse file costs nothing. Shared by src/node/read-estate.ts and the app's scan worker.
 */

/** CSV, JSON and pasted text: an RVTools vHost tab of 15,000 hosts is ~8 MB. */
export const MAX_TEXT_FILE_BYTES = 64 * 1024 * 1024;
/** An xlsx workbook: a 40,000-VM RVTools export is tens of MB. */
export const MAX_XLSX_FILE_BYTES = 256 * 1024 * 1024;

function mib(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}

/** The first four bytes of a zip (an xlsx) local header. */
export function isZipMagic(magic: Uint8Array): boolean {
  return magic.length >= 4 && magic[0] === 0x50 && magic[1] === 0x4b && magic[2] === 0x03 && magic[3] === 0x04;
}

/** One sentence when a file is over its cap, undefined when its size is fine. */
export function sizeRefusal(name: string, size: number, workbook: boolean): string | undefined {
  const cap = workbook ? MAX_XLSX_FILE_BYTES : MAX_TEXT_FILE_BYTES;
  if (size <= cap) return undefined;
  return `${name} is ${mib(size)}, larger than the ${mib(cap)} limit for ${workbook ? 'a workbook' : 'a CSV, JSON or text export'}; it was not read`;
}
