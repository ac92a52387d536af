/**
 * Evidence bookkeeping shared by parsers and the analysis core.
 *
 * Every fact the core uses points back to the line(s) of the paste it was read from, so a support engineer can
 * check the reasoning against the customer's own output.
 */

/** One line of pasted evidence, with its 1-based line number in the original file. */
export interface EvidenceRef {
  readonly file: string;
  readonly line: number;
  readonly text: string;
}

/** How sure a derived fact is (domain.md §1.7 I: the weakest input wins). */
export type Certainty = 'definite' | 'probable' | 'uncertain';

/** Confidence mark of the domain rule that was applied: [V] verified, [I] inferred, [U] unsure. */
export type RuleConfidence = 'verified' | 'inferred' | 'unsure';

const CERTAINTY_RANK: Readonly<Record<Certainty, number>> = { definite: 2, probable: 1, uncertain: 0 };

/** The weakest of several certainties: a result is only as sure as its least sure input. */
export function weakest(...values: readonly Certainty[]): Certainty {
  let result: Certainty = 'definite';
  for (const value of values) {
    if (CERTAINTY_RANK[value] < CERTAINTY_RANK[result]) result = value;
  }
  return result;
}

/** A warning raised while reading evidence: which file, which line, what was wrong. */
export interface ParseWarning {
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

/** Formats an evidence reference the way the trace and the CLI print it: `file:line`. */
export function formatRef(ref: EvidenceRef): string {
  return `${ref.file}:${ref.line}`;
}
