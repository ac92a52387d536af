/**
 * Markdown for the articles, with markdown-it configured for untrusted-looking input even though the files are ours:
 * - `html: false`: raw HTML in a file is printed as text, never passed through;
 * - links: only `https:`/`http:`, `#anchor` (same article), `kb:ARTICLE[#anchor]` (another article) and
 *   `src:KEY` (a source of the claims register, src/core/claims: the claim's source, rendered as a link to its
 *   public address) are links,
 *   anything else (`javascript:`, `file:`, relative paths) stays plain text; images are off (the app is offline and
 *   its Content-Security-Policy would block them anyway);
 * - headings get stable ids from an explicit `{#anchor}` at the end of the heading line (`## Binding {#binding}`),
 *   so a link from a finding keeps working when a heading is reworded.
 */
import MarkdownIt from 'markdown-it';
import type { MarkdownIt as Md, StateCore, Token } from 'markdown-it';
import { CLAIM_SOURCES as SOURCES, type ClaimSourceKey as SourceKey } from '../core/claims/sources.ts';
import type { ArticleSection, RenderOptions } from './types.ts';

const ANCHOR_MARK = /\s*\{#([a-z0-9]+(?:-[a-z0-9]+)*)\}\s*$/;
const KB_LINK = /^kb:([a-z0-9]+(?:-[a-z0-9]+)*)(?:#([a-z0-9]+(?:-[a-z0-9]+)*))?$/;
const ALLOWED_LINK = /^(?:https?:\/\/|kb:|src:|#)/i;
/** `src:KEY`: the source a claim rests on (a SOURCES key). */
export const SOURCE_LINK = /^src:([A-Z][A-Z0-9_]*)$/;

interface HeadingMeta {
  anchor: string;
  /** False when the anchor was derived from the heading text (no `{#…}` given). */
  explicit: boolean;
}

type LinkMeta =
  | { kind: 'kb'; article: string; section: string | undefined; asText?: boolean }
  | { kind: 'anchor'; section: string }
  | { kind: 'external'; url: string }
  | { kind: 'source'; key: SourceKey; url: string }
  | { kind: 'invalid'; href: string; asText?: boolean };

/** What the renderer rules read from markdown-it's `env`. */
interface KbEnv {
  readonly idPrefix: string;
  readonly headingOffset: number;
  readonly kbHref: (article: string, section: string | undefined) => string | undefined;
}

export function slugify(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'section'
  );
}

/** Plain text of an inline token's children (code without backticks, links as their text). */
export function inlinePlain(children: readonly Token[] | null): string {
  let out = '';
  for (const c of children ?? []) {
    if (c.type === 'text' || c.type === 'code_inline' || c.type === 'html_inline') out += c.content;
    else if (c.type === 'softbreak' || c.type === 'hardbreak') out += ' ';
  }
  return out;
}

function classifyLink(href: string): LinkMeta {
  const kb = KB_LINK.exec(href);
  if (kb) return { kind: 'kb', article: kb[1]!, section: kb[2] };
  const src = SOURCE_LINK.exec(href);
  if (src) {
    const key = src[1]!;
    return Object.prototype.hasOwnProperty.call(SOURCES, key) ? { kind: 'source', key: key as SourceKey, url: SOURCES[key as SourceKey].url } : { kind: 'invalid', href };
  }
  if (href.startsWith('#') && /^#[a-z0-9]+(?:-[a-z0-9]+)*$/.test(href)) return { kind: 'anchor', section: href.slice(1) };
  if (/^https?:\/\/[^\s]+$/i.test(href)) return { kind: 'external', url: href };
  return { kind: 'invalid', href };
}

/** Core rule: heading anchors (explicit or derived) and link classification, stored in token.meta. */
function annotate(state: StateCore): void {
  const tokens = state.tokens;
  const used = new Map<string, number>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type === 'heading_open') {
      const inline = tokens[i + 1];
      let anchor: string | undefined;
      let explicit = false;
      if (inline?.type === 'inline') {
        const m = ANCHOR_MARK.exec(inline.content);
        if (m) {
          anchor = m[1]!;
          explicit = true;
          inline.content = inline.content.slice(0, m.index);
          const last = inline.children?.[inline.children.length - 1];
          if (last?.type === 'text') last.content = last.content.replace(ANCHOR_MARK, '');
        }
      }
      anchor ??= slugify(inlinePlain(inline?.children ?? null));
      // Derived anchors can collide ("Example" twice); explicit ones are checked unique by check.ts.
      const seen = used.get(anchor) ?? 0;
      used.set(anchor, seen + 1);
      if (seen > 0 && !explicit) anchor = `${anchor}-${seen + 1}`;
      t.meta = { anchor, explicit } satisfies HeadingMeta;
    } else if (t.type === 'inline' && t.children) {
      let open: Token | undefined;
      for (const c of t.children) {
        if (c.type === 'link_open') {
          c.meta = classifyLink(String(c.attrGet('href') ?? ''));
          open = c;
        } else if (c.type === 'link_close' && open) {
          // Same object: the close tag renders as </a> or </span> to match what the open tag became.
          c.meta = open.meta;
          open = undefined;
        }
      }
    }
  }
}

function createMarkdown(): Md {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  md.disable('image');
  md.validateLink = (url: string) => ALLOWED_LINK.test(url.trim());
  md.core.ruler.push('kb_annotate', annotate);

  const esc = md.utils.escapeHtml;
  const level = (tag: string, env: KbEnv) => `h${Math.min(6, Number(tag.slice(1)) + env.headingOffset)}`;
  const envOf = (env: unknown): KbEnv => env as KbEnv;

  md.renderer.rules.heading_open = (tokens, idx, _o, env) => {
    const t = tokens[idx]!;
    const e = envOf(env);
    const meta = t.meta as unknown as HeadingMeta | null;
    return `<${level(t.tag, e)}${meta ? ` id="${esc(e.idPrefix + meta.anchor)}"` : ''}>`;
  };
  md.renderer.rules.heading_close = (tokens, idx, _o, env) => `</${level(tokens[idx]!.tag, envOf(env))}>\n`;

  md.renderer.rules.link_open = (tokens, idx, _o, env) => {
    const t = tokens[idx]!;
    const e = envOf(env);
    const meta = t.meta as unknown as LinkMeta;
    const title = t.attrGet('title');
    const titleAttr = title ? ` title="${esc(String(title))}"` : '';
    switch (meta.kind) {
      case 'kb': {
        const data = ` data-kb-article="${esc(meta.article)}"${meta.section ? ` data-kb-section="${esc(meta.section)}"` : ''}`;
        const href = e.kbHref(meta.article, meta.section);
        if (href === undefined) {
          meta.asText = true;
          return `<span class="kb-ref"${data}>`;
        }
        return `<a href="${esc(href)}" class="kb-link"${data}${titleAttr}>`;
      }
      case 'anchor':
        return `<a href="#${esc(e.idPrefix + meta.section)}"${titleAttr}>`;
      case 'external':
        return `<a href="${esc(meta.url)}" class="kb-external" rel="noopener noreferrer"${titleAttr}>`;
      case 'source':
        // The claim's source: a link to its public address, titled with the source's full name.
        return `<a href="${esc(meta.url)}" class="kb-external kb-source" rel="noopener noreferrer" title="${esc(SOURCES[meta.key].title)}">`;
      default:
        // Unreachable through validateLink, kept so a future rule change cannot emit an unchecked href.
        meta.asText = true;
        return '<span>';
    }
  };
  md.renderer.rules.link_close = (tokens, idx) => {
    const meta = tokens[idx]!.meta as unknown as LinkMeta | null;
    return meta && 'asText' in meta && meta.asText ? '</span>' : '</a>';
  };
  return md;
}

let instance: Md | undefined;
function markdown(): Md {
  return (instance ??= createMarkdown());
}

export function defaultKbHref(article: string, section: string | undefined): string {
  return `kb:${article}${section ? `#${section}` : ''}`;
}

/** Block tokens of a body, annotated (heading anchors in `meta.anchor`, links classified in `meta`). */
export function parseMarkdown(body: string): Token[] {
  return markdown().parse(body, {});
}

export function renderHtml(body: string, options: RenderOptions = {}): string {
  const env: KbEnv = {
    idPrefix: options.idPrefix ?? '',
    headingOffset: Math.max(0, Math.trunc(options.headingOffset ?? 0)),
    kbHref: options.kbHref ?? defaultKbHref,
  };
  // markdown-it passes env through untouched to the rules above (envOf reads it back).
  return markdown().render(body, { ...env });
}

export function escapeHtml(text: string): string {
  return markdown().utils.escapeHtml(text);
}

/** The headings of a body with their anchors, in order. */
export function sectionsOf(tokens: readonly Token[]): ArticleSection[] {
  const out: ArticleSection[] = [];
  tokens.forEach((t, i) => {
    if (t.type !== 'heading_open') return;
    const meta = t.meta as unknown as HeadingMeta;
    out.push({ anchor: meta.anchor, title: inlinePlain(tokens[i + 1]?.children ?? null).trim(), level: Number(t.tag.slice(1)) });
  });
  return out;
}

/** Anchors written explicitly as `{#…}` (check.ts requires them on every heading, and unique). */
export function explicitAnchors(tokens: readonly Token[]): { anchor: string; explicit: boolean; title: string }[] {
  return tokens
    .map((t, i) => ({ t, i }))
    .filter(({ t }) => t.type === 'heading_open')
    .map(({ t, i }) => {
      const meta = t.meta as unknown as HeadingMeta;
      return { anchor: meta.anchor, explicit: meta.explicit, title: inlinePlain(tokens[i + 1]?.children ?? null) };
    });
}

/** Every link target in the body, as written (`kb:…`, `#…`, `https://…`, or rejected text). */
export function linksOf(tokens: readonly Token[]): LinkMeta[] {
  const out: LinkMeta[] = [];
  for (const t of tokens) for (const c of t.children ?? []) if (c.type === 'link_open') out.push(c.meta as unknown as LinkMeta);
  return out;
}

/** The first paragraph before any heading, as plain text ('' when the body opens with something else). */
export function leadParagraph(tokens: readonly Token[]): string {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type === 'heading_open') return '';
    if (t.type === 'paragraph_open' && t.level === 0) return inlinePlain(tokens[i + 1]?.children ?? null).trim();
    if (t.level === 0 && !t.type.endsWith('_close')) return '';
  }
  return '';
}

export type { LinkMeta };
