/**
 * DOM glue for an article rendered by src/kb (renderArticle): the HTML is already safe (markdown-it with raw HTML
 * off), this only adapts it to the app. External sources become text with their address, because the app never
 * navigates away and the web build has no safe way to open another site; `kb:` and `#section` links are caught by
 * the panel (linkTarget) and never reach the browser.
 */
import type { ArticlePlace } from './learn-state.svelte.ts';

/** Prefix of every element id inside the panel's article, so its anchors cannot clash with the app's own ids. */
export const ARTICLE_ID_PREFIX = 'kb-art-';

export function sectionElementId(section: string): string {
  return ARTICLE_ID_PREFIX + section;
}

/** Rewrites the rendered article once it is in the page. Idempotent. */
export function adaptArticle(root: HTMLElement): void {
  for (const a of Array.from(root.querySelectorAll<HTMLAnchorElement>('a.kb-external'))) {
    const url = a.getAttribute('href') ?? '';
    const text = document.createElement('span');
    text.className = 'kb-source-title';
    text.textContent = a.textContent;
    a.replaceWith(text);
    // A claim's source (`src:KEY`): its full name on hover, its address once in the Sources list at the end, so a
    // paragraph citing three sources does not carry three addresses.
    if (a.classList.contains('kb-source')) {
      const title = a.getAttribute('title');
      if (title) text.title = title;
      continue;
    }
    // The sources list already prints the address beside the title; a link in the text gets it added.
    const next = text.nextElementSibling;
    if (url && !(next instanceof HTMLElement && next.classList.contains('kb-address'))) {
      const address = document.createElement('span');
      address.className = 'kb-address';
      address.textContent = url;
      text.after(' (', address, ')');
    }
  }
  // Command outputs keep their columns and scroll sideways; a scroll box needs a keyboard stop (axe
  // scrollable-region-focusable) and a name for the screen reader landing on it.
  for (const pre of Array.from(root.querySelectorAll<HTMLElement>('pre'))) {
    pre.tabIndex = 0;
    pre.setAttribute('role', 'region');
    pre.setAttribute('aria-label', 'Example output');
  }
}

/** What a click on a link inside the article means: another place in the knowledge base, or nothing for us. */
export function linkTarget(link: Element, current: string): ArticlePlace | undefined {
  const article = link.getAttribute('data-kb-article');
  const section = link.getAttribute('data-kb-section') ?? undefined;
  if (article) return section ? { id: article, section } : { id: article };
  const href = link.getAttribute('href') ?? '';
  if (href.startsWith(`#${ARTICLE_ID_PREFIX}`)) return { id: current, section: href.slice(1 + ARTICLE_ID_PREFIX.length) };
  return undefined;
}
