/**
 * The offline knowledge base (issue 10): the articles of kb/articles, bundled at build time, with lookup, search
 * and safe rendering. Pure TypeScript: runs in the renderer, a worker, the CLI and the HTML report.
 *
 *   listArticles()                       all articles (Learn list order)
 *   getArticle(id)                       one article: front matter, sections, summary, Markdown body
 *   articleFor({ finding | remediation | question | command })
 *                                        → { id, title, section?, sectionTitle? }: where "learn more" opens
 *   searchArticles(query)                ranked hits, one per article, with section and snippet
 *   lookupArticle(text)                  what an exact id (article, finding, R-number, question, command) names
 *   portableMarkdown(article)            the article as stand-alone Markdown (CLI --format markdown)
 *   renderArticle(id, options?)          → { html, text }: safe HTML (no raw HTML from the files) and terminal text
 *   articlesForFindings(ids)             → [{ id, title, anchor, html, findings }] for the HTML report's appendix
 *
 * The default instance is built on first use; createKnowledgeBase() builds one over other files (tests).
 */
import { ARTICLE_FILES } from './articles.generated.ts';
import { createKnowledgeBase, type KnowledgeBase } from './knowledge-base.ts';
import type { RenderOptions, TopicRef } from './types.ts';

export { createKnowledgeBase, type ExactMatch, type KnowledgeBase } from './knowledge-base.ts';
export { portableMarkdown } from './portable.ts';
export type * from './types.ts';

let instance: KnowledgeBase | undefined;

export function knowledgeBase(): KnowledgeBase {
  return (instance ??= createKnowledgeBase(ARTICLE_FILES));
}

export const listArticles = () => knowledgeBase().listArticles();
export const getArticle = (id: string) => knowledgeBase().getArticle(id);
export const articleFor = (ref: TopicRef) => knowledgeBase().articleFor(ref);
export const lookupArticle = (query: string) => knowledgeBase().lookup(query);
export const searchArticles = (query: string, options?: { readonly limit?: number }) => knowledgeBase().searchArticles(query, options);
export const renderArticle = (id: string, options?: RenderOptions) => knowledgeBase().renderArticle(id, options);
export const articlesForFindings = (ids: readonly string[]) => knowledgeBase().articlesForFindings(ids);
