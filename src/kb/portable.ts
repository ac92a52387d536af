/**
 * An article as self-contained Markdown (for `path-doctor explain --format markdown`, or pasting into a ticket):
 * a `#` title, the body without the `{#anchor}` markers, links into the knowledge base reduced to their text (they
 * mean nothing outside the app), and the sources with their addresses.
 */
import { CLAIM_SOURCES as SOURCES, type ClaimSourceKey as SourceKey } from '../core/claims/sources.ts';
import type { Article } from './types.ts';

const HEADING_ANCHOR = /^(#{1,6}[ \t].*?)[ \t]*\{#[a-z0-9]+(?:-[a-z0-9]+)*\}[ \t]*$/gm;
const INTERNAL_LINK = /\[([^\]\n]+)\]\((?:kb:[a-z0-9#-]*|#[a-z0-9-]*)\)/g;
/** A claim's source link becomes a plain link to the source's address. */
const SOURCE_LINK = /\]\(src:([A-Z][A-Z0-9_]*)\)/g;

function sourceUrl(_m: string, key: string): string {
  return Object.prototype.hasOwnProperty.call(SOURCES, key) ? `](${SOURCES[key as SourceKey].url})` : `](${key})`;
}

export function portableMarkdown(article: Article): string {
  const body = article.body.replace(HEADING_ANCHOR, '$1').replace(INTERNAL_LINK, '$1').replace(SOURCE_LINK, sourceUrl).trim();
  const sources = article.sources.map((s) => (s.url ? `- ${s.title}: <${s.url}>` : `- ${s.title}`));
  return `# ${article.title}\n\n${body}\n${sources.length > 0 ? `\n## Sources\n\n${sources.join('\n')}\n` : ''}`;
}
