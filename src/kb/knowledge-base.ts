/**
 * The knowledge base over a set of article files: list, look up, find the article for a finding / remediation /
 * question / command, search, and render (HTML for the app and the report, text for the terminal). Built once per
 * set of files; the search index is built on the first search.
 */
import { parseArticle } from './article.ts';
import { escapeHtml, renderHtml, parseMarkdown } from './markdown.ts';
import { buildSearchIndex, type SearchIndex } from './search.ts';
import { tokensToText, wrap } from './text.ts';
import type {
  AppendixArticle,
  Article,
  ArticleFile,
  ArticleLocation,
  RenderOptions,
  RenderedArticle,
  SearchHit,
  TopicLink,
  TopicRef,
} from './types.ts';

export interface KnowledgeBase {
  /** Articles that could not be read (one sentence each); empty for the bundled set (tested). */
  readonly problems: readonly string[];
  /** All articles, in Learn-list order. */
  listArticles(): readonly Article[];
  getArticle(id: string): Article | undefined;
  /** The article (and section) that explains a finding, remediation, wizard question or command output. */
  articleFor(ref: TopicRef): ArticleLocation | undefined;
  /** What an exact id names (see searchArticles), or undefined when the text is not an id. */
  lookup(query: string): ExactMatch | undefined;
  /** Best matches first, one hit per article. An exact id (article, finding, R-number, question key) ranks first. */
  searchArticles(query: string, options?: { readonly limit?: number }): readonly SearchHit[];
  renderArticle(id: string, options?: RenderOptions): RenderedArticle | undefined;
  /** The articles explaining these findings, once each, ready for the HTML report's appendix. */
  articlesForFindings(ids: readonly string[]): readonly AppendixArticle[];
}

type TopicKind = 'findings' | 'remediations' | 'questions' | 'commands';

const KIND_NAME = { findings: 'finding', remediations: 'remediation', questions: 'question', commands: 'command' } as const;

export interface ExactMatch {
  readonly kind: 'article' | (typeof KIND_NAME)[TopicKind];
  /** The id as the catalog spells it. */
  readonly id: string;
  readonly location: ArticleLocation;
}

function kindOf(ref: TopicRef): { kind: TopicKind; id: string } {
  if ('finding' in ref) return { kind: 'findings', id: ref.finding };
  if ('remediation' in ref) return { kind: 'remediations', id: ref.remediation };
  if ('question' in ref) return { kind: 'questions', id: ref.question };
  return { kind: 'commands', id: ref.command };
}

function sourcesHtml(article: Article, idPrefix: string, headingOffset: number): string {
  if (article.sources.length === 0) return '';
  const h = `h${Math.min(6, 2 + headingOffset)}`;
  const items = article.sources.map((s) =>
    s.url
      ? `<li><a href="${escapeHtml(s.url)}" class="kb-external" rel="noopener noreferrer">${escapeHtml(s.title)}</a> <span class="kb-address">${escapeHtml(s.url)}</span></li>`
      : `<li>${escapeHtml(s.title)}</li>`,
  );
  return `<${h} id="${escapeHtml(idPrefix)}sources">Sources</${h}>\n<ul class="kb-sources">\n${items.join('\n')}\n</ul>\n`;
}

function sourcesText(article: Article, width: number): string {
  if (article.sources.length === 0) return '';
  // Titles wrap; addresses stay whole on their own line so a terminal can still open them.
  const items = article.sources.map((s) => [...wrap(s.title, width, '- ', '  '), ...(s.url ? [`  ${s.url}`] : [])].join('\n'));
  return `\n\nSources\n-------\n${items.join('\n')}`;
}

export function createKnowledgeBase(files: readonly ArticleFile[]): KnowledgeBase {
  const problems: string[] = [];
  const articles: Article[] = [];
  for (const file of files) {
    const parsed = parseArticle(file);
    if (parsed.ok) articles.push(parsed.value);
    else problems.push(parsed.error);
  }
  articles.sort((a, b) => a.order - b.order || a.title.localeCompare(b.title));
  const byId = new Map(articles.map((a) => [a.id, a]));
  let index: SearchIndex | undefined;

  function locate(article: Article, section: string | undefined): ArticleLocation {
    const s = section ? article.sections.find((x) => x.anchor === section) : undefined;
    return { id: article.id, title: article.title, ...(s ? { section: s.anchor, sectionTitle: s.title } : {}) };
  }

  function articleFor(ref: TopicRef): ArticleLocation | undefined {
    const { kind, id } = kindOf(ref);
    let fallback: ArticleLocation | undefined;
    for (const article of articles) {
      const link = (article[kind] as readonly TopicLink[]).find((t) => t.id === id);
      if (!link) continue;
      // `ID#section` marks the article that explains it; a bare `ID` is only related.
      if (link.section) return locate(article, link.section);
      fallback ??= locate(article, undefined);
    }
    return fallback;
  }

  /** An exact id typed into the search box: article id (optionally `#section`), finding id, R-number, question key
   * or command kind; case does not matter. */
  function lookup(query: string): ExactMatch | undefined {
    const q = query.trim();
    if (q === '') return undefined;
    const [idPart, section] = q.split('#', 2) as [string, string | undefined];
    const article = byId.get(idPart.toLowerCase());
    if (article) return { kind: 'article', id: article.id, location: locate(article, section?.toLowerCase()) };
    const lower = q.toLowerCase();
    for (const kind of ['findings', 'remediations', 'questions', 'commands'] as const) {
      // The catalogs' spelling (FINDING_ID, R4, questionKey, command-kind) as written in the front matter.
      const id = articles.flatMap((a) => a[kind].map((t) => t.id)).find((k) => k.toLowerCase() === lower);
      if (!id) continue;
      const ref: TopicRef =
        kind === 'findings' ? { finding: id } : kind === 'remediations' ? { remediation: id } : kind === 'questions' ? { question: id } : { command: id };
      const location = articleFor(ref);
      if (location) return { kind: KIND_NAME[kind], id, location };
    }
    return undefined;
  }

  function render(id: string, options: RenderOptions = {}): RenderedArticle | undefined {
    const article = byId.get(id);
    if (!article) return undefined;
    const idPrefix = options.idPrefix ?? '';
    const headingOffset = Math.max(0, Math.trunc(options.headingOffset ?? 0));
    const html = renderHtml(article.body, options) + sourcesHtml(article, idPrefix, headingOffset);
    const width = options.width ?? 100;
    const title = `${article.title}\n${'='.repeat(Math.min(article.title.length, width))}`;
    const text = `${title}\n\n${tokensToText(parseMarkdown(article.body), { width })}${sourcesText(article, width)}\n`;
    return { id: article.id, title: article.title, html, text };
  }

  return {
    problems,
    listArticles: () => articles,
    getArticle: (id) => byId.get(id),
    articleFor,
    lookup,
    searchArticles(query, options = {}) {
      const limit = options.limit ?? 10;
      index ??= buildSearchIndex(articles);
      const hits = index.search(query, limit + 1);
      const direct = lookup(query)?.location;
      if (!direct) return hits.slice(0, limit);
      const first: SearchHit = {
        id: direct.id,
        title: direct.title,
        ...(direct.section ? { section: direct.section, sectionTitle: direct.sectionTitle ?? '' } : {}),
        // Above every text match, and still a finite number (JSON has no Infinity).
        score: (hits[0]?.score ?? 0) + 1,
        snippet: byId.get(direct.id)?.summary ?? '',
        highlights: [],
      };
      return [first, ...hits.filter((h) => h.id !== direct.id)].slice(0, limit);
    },
    renderArticle: render,
    articlesForFindings(ids) {
      const order: string[] = [];
      const covers = new Map<string, string[]>();
      for (const finding of ids) {
        const loc = articleFor({ finding });
        if (!loc) continue;
        if (!covers.has(loc.id)) {
          covers.set(loc.id, []);
          order.push(loc.id);
        }
        const list = covers.get(loc.id)!;
        if (!list.includes(finding)) list.push(finding);
      }
      const included = new Set(order);
      return order.map((id) => {
        const anchor = `kb-${id}`;
        const rendered = render(id, {
          idPrefix: `${anchor}--`,
          headingOffset: 1,
          // Inside the report only articles of the appendix can be linked; others print as text.
          kbHref: (target, section) => (included.has(target) ? `#kb-${target}${section ? `--${section}` : ''}` : undefined),
        })!;
        return { id, title: rendered.title, anchor, html: rendered.html, findings: covers.get(id)! };
      });
    },
  };
}
