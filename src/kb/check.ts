/**
 * The link checks of the knowledge base (issue 10): every id an article names exists, every link resolves, every
 * source has an address, every heading has a stable anchor, every article opens with the answer, and every
 * finding, remediation, question and command is explained by exactly one article section. Pure: the catalogs to
 * check against are passed in, so the same function serves the tests and kb/build.ts.
 */
import { offVocabulary, unsourcedClaims } from './claims.ts';
import { explicitAnchors, linksOf, parseMarkdown } from './markdown.ts';
import type { Article, TopicLink } from './types.ts';

export interface Catalogs {
  readonly findings: readonly string[];
  readonly remediations: readonly string[];
  readonly questions: readonly string[];
  readonly commands: readonly string[];
}

type Kind = keyof Catalogs;
const KINDS: readonly Kind[] = ['findings', 'remediations', 'questions', 'commands'];

/** `](target)` in the raw Markdown: catches links markdown-it refused (they would silently print as text). */
const RAW_LINK = /\]\(\s*<?([^)\s>]*)>?(?:\s+"[^"]*")?\s*\)/g;
const GOOD_TARGET = /^(?:https?:\/\/\S+|src:[A-Z][A-Z0-9_]*|kb:[a-z0-9]+(?:-[a-z0-9]+)*(?:#[a-z0-9]+(?:-[a-z0-9]+)*)?|#[a-z0-9]+(?:-[a-z0-9]+)*)$/;

function anchorsOf(article: Article): Set<string> {
  return new Set(article.sections.map((s) => s.anchor));
}

/** Problems of one article on its own (anchors, opening paragraph, sources, link syntax). */
export function checkArticle(article: Article): string[] {
  const problems: string[] = [];
  const at = (msg: string) => problems.push(`${article.file}: ${msg}`);
  const tokens = parseMarkdown(article.body);

  if (article.summary === '') at('the body must open with a paragraph that answers the title (found a heading or nothing)');
  const seen = new Set<string>();
  for (const h of explicitAnchors(tokens)) {
    if (!h.explicit) at(`heading "${h.title.trim()}" has no {#anchor}`);
    if (seen.has(h.anchor)) at(`anchor #${h.anchor} is used twice`);
    if (h.anchor === 'sources') at('anchor #sources is reserved for the generated sources list');
    seen.add(h.anchor);
  }
  if (tokens.some((t) => t.type === 'heading_open' && t.tag === 'h1')) at('the body must not have a # heading (the title comes from the front matter)');

  if (article.sources.length === 0) at('cites no source');
  for (const s of article.sources) {
    if (!/^https?:\/\/\S+$/.test(s.url)) at(`source ${s.key ?? s.title} has no address${s.key ? ' (unknown SOURCES key?)' : ''}`);
  }

  for (const m of article.body.matchAll(RAW_LINK)) {
    const target = m[1]!;
    if (!GOOD_TARGET.test(target)) at(`link target "${target}" is not https:, http:, src:KEY, kb:ARTICLE[#anchor] or #anchor`);
  }
  const cited = new Set(article.sources.map((s) => s.key).filter((k) => k !== undefined));
  for (const link of linksOf(tokens)) {
    if (link.kind === 'anchor' && !anchorsOf(article).has(link.section)) at(`link #${link.section} names no heading of this article`);
    // A claim's source must also be in the front matter, so the Sources list at the end gives its address.
    if (link.kind === 'source' && !cited.has(link.key)) at(`src:${link.key} is not in the front matter's sources`);
    if (link.kind === 'invalid' && link.href.startsWith('src:')) at(`${link.href} names no source (unknown SOURCES key)`);
  }
  for (const claim of unsourcedClaims(article.body)) at(`claim without a source (add a [text](src:KEY) link): "${claim.slice(0, 160)}"`);
  for (const word of offVocabulary(article.body)) at(`"${word}": say "not documented by VMware; observed by …" or "inferred from …"`);
  return problems;
}

/** Problems across articles and catalogs. */
export function checkKnowledgeBase(articles: readonly Article[], catalogs: Catalogs): string[] {
  const problems: string[] = articles.flatMap(checkArticle);
  const byId = new Map(articles.map((a) => [a.id, a]));
  if (byId.size !== articles.length) problems.push('two articles share an id');

  for (const article of articles) {
    const at = (msg: string) => problems.push(`${article.file}: ${msg}`);
    for (const link of linksOf(parseMarkdown(article.body))) {
      if (link.kind !== 'kb') continue;
      const target = byId.get(link.article);
      if (!target) at(`kb:${link.article} names no article`);
      else if (link.section && !anchorsOf(target).has(link.section)) at(`kb:${link.article}#${link.section} names no heading of that article`);
    }
    for (const kind of KINDS) {
      const known = new Set(catalogs[kind]);
      for (const t of article[kind] as readonly TopicLink[]) {
        if (!known.has(t.id)) at(`${kind}: "${t.id}" does not exist`);
        if (t.section && !anchorsOf(article).has(t.section)) at(`${kind}: ${t.id}#${t.section} names no heading of this article`);
      }
    }
  }

  // Coverage: each id is explained (`ID#section`) by exactly one article, so "learn more" has one place to open.
  for (const kind of KINDS) {
    for (const id of catalogs[kind]) {
      const primary = articles.filter((a) => (a[kind] as readonly TopicLink[]).some((t) => t.id === id && t.section));
      if (primary.length === 0) problems.push(`${kind}: ${id} is explained by no article (add "${id}#section" to one)`);
      if (primary.length > 1) problems.push(`${kind}: ${id} is explained by several articles (${primary.map((a) => a.id).join(', ')}); keep one "#section"`);
    }
  }
  return problems;
}
