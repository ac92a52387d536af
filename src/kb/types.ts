/**
 * The knowledge base's data: articles (kb/articles/*.md, bundled into articles.generated.ts) parsed into plain
 * objects the app, the CLI and the HTML report can use without knowing Markdown. Pure types, no runtime.
 */

/** One article file as bundled at build time: its file name and its raw Markdown (front matter included). */
export interface ArticleFile {
  readonly file: string;
  readonly markdown: string;
}

/**
 * A front-matter entry naming a finding, remediation, question or command. Written `ID` (the article is related)
 * or `ID#section` (the article explains it, and `section` is where: the app opens the article there).
 */
export interface TopicLink {
  readonly id: string;
  readonly section?: string;
}

/** A source the article cites, resolved to its title and public address. `key` when it came from SOURCES. */
export interface ArticleSource {
  readonly key?: string;
  readonly title: string;
  readonly url: string;
}

/** A heading of the article with its stable anchor (`## Title {#anchor}` in the file). */
export interface ArticleSection {
  readonly anchor: string;
  readonly title: string;
  /** 2 for `##`, 3 for `###`. */
  readonly level: number;
}

export interface Article {
  readonly id: string;
  readonly file: string;
  readonly title: string;
  /** Position in the Learn list (lower first); articles without one come last, by title. */
  readonly order: number;
  /** ESXi releases the article applies to: `all`, or labels such as `6.5+`, `7.0`, `5.x`. */
  readonly versions: readonly string[];
  /** Extra words the search should find the article by (synonyms, old names). */
  readonly keywords: readonly string[];
  readonly sources: readonly ArticleSource[];
  readonly findings: readonly TopicLink[];
  readonly remediations: readonly TopicLink[];
  readonly questions: readonly TopicLink[];
  /** Parser kinds (src/parsers/types.ts CommandKind) whose output the article teaches to read. */
  readonly commands: readonly TopicLink[];
  /** The first paragraph as plain text: the answer to the title's question. */
  readonly summary: string;
  readonly sections: readonly ArticleSection[];
  /** The Markdown after the front matter. */
  readonly body: string;
}

/** What `articleFor` answers: the article and, when known, the section to open. */
export interface ArticleLocation {
  readonly id: string;
  readonly title: string;
  readonly section?: string;
  readonly sectionTitle?: string;
}

export type TopicRef =
  | { readonly finding: string }
  | { readonly remediation: string }
  | { readonly question: string }
  | { readonly command: string };

export interface SearchHit {
  readonly id: string;
  readonly title: string;
  /** The best-matching section (absent when the match is in the article's opening paragraph). */
  readonly section?: string;
  readonly sectionTitle?: string;
  readonly score: number;
  /** Plain text around the first match, for a result list. */
  readonly snippet: string;
  /** [start, end) offsets in `snippet` of the matched words, so a UI can mark them without building HTML. */
  readonly highlights: readonly (readonly [number, number])[];
}

export interface RenderOptions {
  /** Prefix for every element id (headings, the sources list), so several articles can share one document. */
  readonly idPrefix?: string;
  /**
   * Where a `kb:` link points. Return undefined to print the link text without a link (e.g. an article that is not
   * in the document). Default: `kb:ID#section`, plus `data-kb-article` / `data-kb-section` attributes either way.
   */
  readonly kbHref?: (article: string, section: string | undefined) => string | undefined;
  /** Added to every heading level (1 turns the articles' `h2` into `h3`); the result is capped at h6. */
  readonly headingOffset?: number;
  /** Line width of the terminal text (default 100). */
  readonly width?: number;
}

export interface RenderedArticle {
  readonly id: string;
  readonly title: string;
  /** Safe HTML of the body and its sources list, without the title. Raw HTML in the files is escaped. */
  readonly html: string;
  /** Plain text for a terminal: the title, the body and the sources with their addresses. */
  readonly text: string;
}

/** One article of the HTML report's appendix. */
export interface AppendixArticle {
  readonly id: string;
  readonly title: string;
  /** The element id to give the article's wrapper: links between appendix articles point at it. */
  readonly anchor: string;
  /** Body HTML, headings shifted one level down, ids prefixed with `${anchor}--`. */
  readonly html: string;
  /** The findings (of those asked for) this article explains. */
  readonly findings: readonly string[];
}
