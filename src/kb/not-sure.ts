/**
 * Generates the article "What are we not sure of?" (kb/articles/not-sure.md) from the claims register
 * (src/core/claims/rules.ts): every rule the analysis relies on that no VMware document states, with its sources,
 * what the analysis does with it and what would settle it. kb/not-sure.ts writes the file; not-sure.test.ts fails
 * when the committed article differs from what this function makes.
 */
import { needsSource, sentences } from '../core/claims/pattern.ts';
import { UNSURE_RULES, type ClaimStatus, type UnsureRule } from '../core/claims/rules.ts';
import type { ClaimSourceKey } from '../core/claims/sources.ts';

export const NOT_SURE_FILE = 'not-sure.md';

/** How a source is named in running text. */
const SHORT: Partial<Record<ClaimSourceKey, string>> = {
  SEED0: 'Chan 2012',
  SEED1: 'Denneman 2013',
  ELATOV: 'Elatov 2012',
  LAMW: "Lam's dumps",
  LTLNETWORKER: 'ltlnetworker 2014',
  KB318546: 'KB 318546',
  KB323116: 'KB 323116',
  KB429518: 'KB 429518',
  KB340170: 'KB 340170',
  DOC70: 'vSphere 7.0 documentation',
  UDT: 'VMware UDT paper',
  YELLOWBRICKS: 'Epping 2011',
};

const STATUS_WORD: Readonly<Record<ClaimStatus, string>> = {
  inferred: 'inferred',
  observed: 'observed in the field',
  conflicting: 'the sources disagree',
  unknown: 'not known',
};

function links(keys: readonly ClaimSourceKey[]): string {
  return keys.map((k) => `[${SHORT[k] ?? k}](src:${k})`).join(', ');
}

/** Adds the rule's source links to every sentence that states a claim, so each claim carries its source. */
function sourced(text: string, keys: readonly ClaimSourceKey[]): string {
  return sentences(text)
    .map((s) => (needsSource(s) && !/\]\(src:/.test(s) ? s.replace(/([.!?])?$/, (_m, p: string | undefined) => ` (${links(keys)})${p ?? '.'}`) : s))
    .join(' ');
}

function item(rule: UnsureRule): string {
  return [
    `### ${rule.rule.replace(/\.$/, '')} {#${rule.id}}`,
    '',
    `- **How sure**: ${STATUS_WORD[rule.status]}. ${sourced(rule.basis, rule.sources)} Sources: ${links(rule.sources)}.`,
    `- **What Path Doctor does with it**: ${sourced(rule.effect, rule.sources)}`,
    `- **What would settle it**: ${sourced(rule.settle, rule.sources)}`,
    '',
  ].join('\n');
}

export function notSureArticle(): string {
  const keys = [...new Set(UNSURE_RULES.flatMap((r) => r.sources))];
  return [
    '---',
    'id: not-sure',
    'title: What are we not sure of, and what would settle it?',
    'order: 16',
    'versions: [all]',
    'keywords: [uncertain, unknown, inferred, assumption, open questions, not documented, observed, settle, measurement]',
    `sources: [${keys.join(', ')}]`,
    '---',
    'Path Doctor relies on a few rules that no VMware document states. Some are inferred from several sources, some were',
    'observed by engineers in the field, one rests on sources that disagree, and some are simply not known. Each is listed',
    'below with its sources, what Path Doctor does with it, and the command or test that would settle it on your hosts.',
    'Answers that depend on them are marked *likely* or *uncertain*, never certain',
    '([why Path Doctor says "likely"](kb:uncertainty)). This article is generated from the same list the analysis uses.',
    '',
    '## The rules {#rules}',
    '',
    ...UNSURE_RULES.map(item),
  ].join('\n');
}
