/**
 * The claims check of an article (issue 19): every sentence that states a version boundary, a default or a command's
 * behaviour links its source (`[Lam's dumps](src:LAMW)`), and uncertain claims use the one vocabulary
 * ("not documented by VMware; observed by …"). Pure: reads the article's Markdown, returns problems.
 */
import type { Token } from 'markdown-it';
import { needsSource, OFF_VOCABULARY, sentences } from '../core/claims/pattern.ts';
import { parseMarkdown } from './markdown.ts';

const HAS_SOURCE = /\]\(src:[A-Z][A-Z0-9_]*\)/;

/**
 * The prose units of a body: each paragraph and list item, and each table row as one unit. Headings are titles, not
 * claims. A table whose header row links a source covers every row (a table of values from one source).
 */
function proseUnits(tokens: readonly Token[]): string[] {
  const out: string[] = [];
  let row: string[] | undefined;
  let inHeading = false;
  let tableCovered = false;
  let inHead = false;
  for (const t of tokens) {
    if (t.type === 'heading_open') inHeading = true;
    else if (t.type === 'heading_close') inHeading = false;
    else if (t.type === 'table_open') tableCovered = false;
    else if (t.type === 'thead_open') inHead = true;
    else if (t.type === 'thead_close') inHead = false;
    else if (t.type === 'tr_open') row = [];
    else if (t.type === 'tr_close') {
      const text = (row ?? []).join(' | ');
      if (inHead && HAS_SOURCE.test(text)) tableCovered = true;
      if (!tableCovered) out.push(text);
      row = undefined;
    } else if (t.type === 'inline' && !inHeading) {
      if (row) row.push(t.content);
      else out.push(t.content.replace(/\n/g, ' '));
    }
  }
  return out;
}

/** Sentences (table rows count as one) that state a claim without a `src:` link. */
export function unsourcedClaims(body: string): string[] {
  const out: string[] = [];
  for (const unit of proseUnits(parseMarkdown(body))) {
    const parts = unit.includes(' | ') ? [unit] : sentences(unit);
    for (const s of parts) if (needsSource(s) && !HAS_SOURCE.test(s)) out.push(s);
  }
  return out;
}

/** Wordings of uncertainty outside the one vocabulary. */
export function offVocabulary(body: string): string[] {
  return OFF_VOCABULARY.flatMap((p) => {
    const m = p.exec(body);
    return m ? [m[0]] : [];
  });
}
