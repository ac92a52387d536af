/** Size rules of the evidence panel; pure, so unit tests and the UI share them. */

/** Larger pastes go to an attachment instead of the text box, which stays fast to type in. */
export const LARGE_PASTE_CHARS = 512 * 1024;

/** Files above this are refused before they are read (the parsers' own limit is 64 MiB of text). */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

/** The host name for a paste without a prompt naming one: the file name without its extension. */
export function placeholderHost(file: string): string {
  const base = file.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  return base.trim() || 'host';
}
