/**
 * The only addresses a report may link to: the public sources the findings and remediations cite (their catalog,
 * remediation/sources.ts, is the one list of vetted documentation) and the knowledge base's own articles
 * (`kb:article#anchor`). Data, not a pattern: a link to anything else, wherever its text came from, is printed as
 * plain text.
 */
import { SOURCES } from '../remediation/sources.ts';

export const VETTED_URLS: ReadonlySet<string> = new Set(Object.values(SOURCES).map((s) => s.url));

const KB_LINK = /^kb:[a-z0-9-]+(?:#[a-z0-9-]+)?$/;

export function isVettedLink(url: string): boolean {
  return VETTED_URLS.has(url) || KB_LINK.test(url);
}
