/**
 * What counts as a claim that needs a source (issue 19): a sentence that states a version boundary ("ESXi 6.5",
 * "6.5 and later", "from 7.0 U3d", "since 5.5", "6.5+"), a default ("defaults to 3", "the default is 2") or how a
 * command behaves ("prints", "captures", "accepts"). The claims tests run every text a user reads through
 * `needsSource` and fail when such a sentence names no source.
 */

const VERSION = String.raw`\d\.\d+(?:\.\d+)?(?: ?U\d+[a-z]?|[a-z])?`;

export const CLAIM_PATTERNS: readonly RegExp[] = [
  /\bESXi \d/,
  new RegExp(String.raw`\b${VERSION}\+`),
  new RegExp(String.raw`\b${VERSION} (?:and|or) (?:later|earlier|newer|older)\b`, 'i'),
  new RegExp(String.raw`\b(?:from|since|before|until|up to|after|older than|newer than|first seen in) (?:ESXi |vSphere )?${VERSION}`, 'i'),
  /\bdefaults? (?:to|is|are|of|value)?\s*\d\b/i,
  /\bdefaults to\b/i,
  /\bby default\b/i,
];

/** A command's behaviour: one of these verbs in a sentence that names a command in backticks. */
const COMMAND_BEHAVIOUR = /\b(?:prints|captures|accepts|refuses)\b/i;

/** True when the sentence states a version boundary, a default or a command's behaviour. */
export function needsSource(sentence: string): boolean {
  return CLAIM_PATTERNS.some((p) => p.test(sentence)) || (COMMAND_BEHAVIOUR.test(sentence) && /`[a-z][^`]*`/.test(sentence));
}

/**
 * Sentences of a plain text: split after `.`, `!` or `?` followed by a space and an upper-case letter, a backtick
 * or a digit, so "e.g. 6.5" and version numbers do not split.
 */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+(?=[A-Z`"(\d*])/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/**
 * How an uncertain claim is worded, the same everywhere: "not documented by VMware; observed by …" or
 * "… inferred from …". These variants are not allowed in user-facing text.
 */
export const OFF_VOCABULARY: readonly RegExp[] = [/\bundocumented\b/i, /\bnever documented\b/i, /\bnot officially documented\b/i];
