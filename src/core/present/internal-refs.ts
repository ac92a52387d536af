/**
 * Marks that belong to the project's own documents and must never reach a user: section signs, the confidence
 * marks [V]/[I]/[U], the names of the internal reference documents, and remediation numbers (R1–R10) without their
 * title, which mean nothing alone. Used by the test that scans every user-facing text.
 */
export interface InternalReference {
  readonly pattern: string;
  readonly match: string;
  readonly index: number;
}

export const INTERNAL_REFERENCE_PATTERNS: readonly { readonly name: string; readonly re: RegExp }[] = [
  { name: 'section sign', re: /§/g },
  { name: 'confidence mark', re: /\[(?:U|I|V)\]/g },
  { name: 'internal document', re: /\b(?:domain|imports|bundles|style|esxcli-releases)\.md\b/g },
  // `R4 — Bind vMotion to its vmknic` names the fix; `R4` alone, or `R1/R4`, does not.
  { name: 'bare remediation id', re: /(?<![\w-])R(?:10|[1-9])(?![\w-])(?! —)/g },
];

/** Every internal reference in a text (empty when the text is clean). */
export function findInternalReferences(text: string): InternalReference[] {
  const out: InternalReference[] = [];
  for (const { name, re } of INTERNAL_REFERENCE_PATTERNS) {
    for (const m of text.matchAll(re)) out.push({ pattern: name, match: m[0], index: m.index ?? 0 });
  }
  return out;
}
