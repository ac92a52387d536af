/**
 * Bounds on the sentences a user reads. A hostile or simply huge input must not turn one error into kilobytes on
 * one line (1,000 copies of one host once made a 17 KB error): lists of names collapse repeats into a count and
 * show the first few, and any message is capped in length with a note of what was left out.
 */

/** Longest error or warning sentence shown, in characters. */
export const MAX_SENTENCE_CHARS = 300;
/** Distinct names a list in a sentence shows before "… and N more". */
export const MAX_LISTED_NAMES = 5;
/** Longest single name in such a list. */
const MAX_NAME_CHARS = 60;

function shortName(name: string): string {
  const chars = [...name];
  return chars.length > MAX_NAME_CHARS ? `${chars.slice(0, MAX_NAME_CHARS - 1).join('')}…` : name;
}

/**
 * `esx01 (×1000), esx02, esx03 … and 7 more`: names in first-seen order, each repeat counted once with its count,
 * at most `max` shown.
 */
export function nameList(names: readonly string[], max = MAX_LISTED_NAMES): string {
  const counts = new Map<string, number>();
  for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
  const distinct = [...counts];
  const shown = distinct.slice(0, max).map(([n, c]) => (c > 1 ? `${shortName(n)} (×${c})` : shortName(n)));
  const rest = distinct.length - shown.length;
  return rest > 0 ? `${shown.join(', ')} … and ${rest} more` : shown.join(', ');
}

/**
 * The sentence cut to at most `max` characters (at a space when one is near), ending in `… and N more characters`;
 * unchanged when it fits. Works on code points, so a surrogate pair is never split.
 */
export function capSentence(text: string, max = MAX_SENTENCE_CHARS): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const room = Math.max(1, max - 30);
  let cut = chars.slice(0, room).join('');
  const space = cut.lastIndexOf(' ');
  if (space > room * 0.7) cut = cut.slice(0, space);
  const left = chars.length - [...cut].length;
  return `${cut}… and ${left} more characters`;
}
