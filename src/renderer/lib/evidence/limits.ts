/** Size rules of the evidence panel; pure, so unit tests and the UI share them. */

/** Larger pastes go to an attachment instead of the text box, which stays fast to type in. */
export const LARGE_PASTE_CHARS = 512 * 1024;

/**
 * Text files above this are refused before they are read (the parsers' own limit is 64 MiB of text). Support
 * bundles are recognised by their first bytes before this applies and meet the bundle reader's caps instead
 * (lib/bundle/route.ts).
 */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  if (bytes < 1024 * 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  return `${(bytes / (1024 * 1024 * 1024)).toFixed(1)} GiB`;
}

/** The host name for a paste without a prompt naming one: the pipeline's rule, as the CLI names its files' hosts. */
export { placeholderHost } from '../../../pipeline/placeholder.ts';
