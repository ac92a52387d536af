/**
 * Full-text search over the articles with MiniSearch. Each section of each article is one document, so a hit can
 * open the article at the section that matched; hits are then folded to one per article (its best section).
 * Typo-tolerant (fuzzy, about one edit per five letters) and prefix matching, so "bindtovmknik" and "provision"
 * find what they mean; the article title weighs most, then keywords, then the section heading, then the text.
 */
import MiniSearch from 'minisearch';
import { parseMarkdown } from './markdown.ts';
import { tokensToText } from './text.ts';
import type { Article, SearchHit } from './types.ts';

interface SectionDoc {
  readonly id: string;
  readonly article: string;
  /** '' for the opening paragraph(s) before the first heading. */
  readonly anchor: string;
  readonly title: string;
  readonly keywords: string;
  readonly heading: string;
  readonly text: string;
}

// Question words carry no meaning for ranking ("why does vMotion use vmk0" is about vMotion and vmk0).
const STOP_WORDS = new Set(
  'a an and are as at be by can do does for from how i in is it my of on or the this to use uses using what when where which why with'.split(' '),
);

/**
 * Lower case, no stop words, and plurals folded ("netstacks", "adapters", "frames" → singular), the same for the
 * index and the query, so "netstack" finds the article titled "TCP/IP stacks (netstacks)".
 */
function processTerm(term: string): string | null {
  const t = term.toLowerCase();
  if (STOP_WORDS.has(t)) return null;
  return t.length > 4 && t.endsWith('s') && !/(?:ss|us|is)$/.test(t) ? t.slice(0, -1) : t;
}

/** The article split at its headings, each part as plain text. */
export function sectionTexts(article: Article): { anchor: string; heading: string; text: string }[] {
  const tokens = parseMarkdown(article.body);
  const parts: { anchor: string; heading: string; start: number }[] = [{ anchor: '', heading: '', start: 0 }];
  let h = 0;
  tokens.forEach((t, i) => {
    if (t.type !== 'heading_open') return;
    const s = article.sections[h++];
    if (s) parts.push({ anchor: s.anchor, heading: s.title, start: i + 3 });
  });
  return parts.map((p, k) => {
    const end = k + 1 < parts.length ? parts[k + 1]!.start - 3 : tokens.length;
    return { anchor: p.anchor, heading: p.heading, text: tokensToText(tokens.slice(p.start, end), { width: Infinity }) };
  });
}

export interface SearchIndex {
  search(query: string, limit?: number): SearchHit[];
}

const SNIPPET = 180;

function snippetOf(text: string, terms: readonly string[]): { snippet: string; highlights: [number, number][] } {
  const lower = text.toLowerCase();
  let pos = -1;
  for (const term of terms) {
    const at = lower.indexOf(term);
    if (at >= 0 && (pos < 0 || at < pos)) pos = at;
  }
  let start = pos < 0 ? 0 : Math.max(0, pos - 60);
  if (start > 0) {
    const space = text.indexOf(' ', start);
    start = space >= 0 && space < pos ? space + 1 : start;
  }
  let end = Math.min(text.length, start + SNIPPET);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > start + 40) end = space;
  }
  const body = text.slice(start, end).replace(/\s+/g, ' ');
  const snippet = `${start > 0 ? '…' : ''}${body}${end < text.length ? '…' : ''}`;
  const offset = start > 0 ? 1 : 0;
  const highlights: [number, number][] = [];
  const lowBody = body.toLowerCase();
  for (const term of terms) {
    for (let at = lowBody.indexOf(term); at >= 0; at = lowBody.indexOf(term, at + term.length)) {
      highlights.push([at + offset, at + offset + term.length]);
    }
  }
  highlights.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const h of highlights) {
    const last = merged[merged.length - 1];
    if (last && h[0] <= last[1]) last[1] = Math.max(last[1], h[1]);
    else merged.push([h[0], h[1]]);
  }
  return { snippet, highlights: merged };
}

export function buildSearchIndex(articles: readonly Article[]): SearchIndex {
  const mini = new MiniSearch<SectionDoc>({
    fields: ['title', 'keywords', 'heading', 'text'],
    storeFields: ['article', 'anchor'],
    processTerm,
    searchOptions: {
      boost: { title: 4, keywords: 3, heading: 2, text: 1 },
      // Short words match exactly: fuzzy "mtu" or "nfc" would match half the index.
      prefix: (term) => term.length >= 3,
      fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
      combineWith: 'OR',
    },
  });
  const docs = new Map<string, { article: Article; heading: string; text: string }>();
  for (const article of articles) {
    for (const part of sectionTexts(article)) {
      const id = `${article.id}#${part.anchor}`;
      docs.set(id, { article, heading: part.heading, text: part.text });
      mini.add({ id, article: article.id, anchor: part.anchor, title: article.title, keywords: article.keywords.join(' '), heading: part.heading, text: part.text });
    }
  }

  return {
    search(query, limit = 10) {
      if (query.trim() === '') return [];
      const hits: SearchHit[] = [];
      const seen = new Set<string>();
      for (const r of mini.search(query)) {
        const doc = docs.get(String(r.id));
        if (!doc || seen.has(doc.article.id)) continue;
        seen.add(doc.article.id);
        const anchor = String(r.anchor ?? '');
        const source = doc.text.trim() !== '' ? doc.text : doc.article.summary;
        const { snippet, highlights } = snippetOf(source, r.terms);
        hits.push({
          id: doc.article.id,
          title: doc.article.title,
          ...(anchor ? { section: anchor, sectionTitle: doc.heading } : {}),
          score: r.score,
          snippet,
          highlights,
        });
        if (hits.length >= limit) break;
      }
      return hits;
    },
  };
}
