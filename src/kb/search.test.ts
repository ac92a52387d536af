import { describe, expect, it } from 'vitest';
import { createKnowledgeBase, searchArticles } from './index.ts';
import type { ArticleFile } from './types.ts';

describe('searchArticles over the bundled articles', () => {
  it.each([
    ['bindtovmknik', 'bind-to-vmknic'], // typo: one letter wrong
    ['cold data', 'nfc-cold-data'],
    ['snapshot migration slow', 'nfc-cold-data'],
    ['unicast flooding', 'unicast-flooding'],
    ['mac aging switch flood', 'unicast-flooding'],
    ['jumbo frames', 'mtu-jumbo-frames'],
    ['routed vmotion gateway', 'l3-vmotion'],
    ['netstack', 'tcpip-stacks'],
    ['multihoming', 'multihoming'],
    ['encrypted', 'encrypted-vmotion'],
    ['why does vmotion use vmk0', 'vmotion-on-vmk0'],
    ['esxcfg-route', 'read-routes'],
    ['provision', 'nfc-cold-data'], // prefix
    ['glossary', 'glossary'],
  ])('"%s" finds %s first', (query, expected) => {
    expect(searchArticles(query)[0]?.id).toBe(expected);
  });

  it('puts the article of an exact id first, at its section: finding, remediation, question, command', () => {
    expect(searchArticles('VMOTION_EGRESS_MISMATCH')[0]).toMatchObject({ id: 'vmknic-selection', section: 'routing-table' });
    expect(searchArticles('r6')[0]).toMatchObject({ id: 'choosing-a-fix', section: 'provisioning' });
    expect(searchArticles('bindToVmknic')[0]).toMatchObject({ id: 'bind-to-vmknic', section: 'values' });
    expect(searchArticles('esxcfg-vmknic')[0]).toMatchObject({ id: 'read-vmknic-tables', section: 'esxcfg-vmknic' });
  });

  it('returns one hit per article, best first, with a snippet holding the matched word', () => {
    const hits = searchArticles('provisioning adapter');
    expect(new Set(hits.map((h) => h.id)).size).toBe(hits.length);
    for (let i = 1; i < hits.length; i++) expect(hits[i - 1]!.score).toBeGreaterThanOrEqual(hits[i]!.score);
    const first = hits[0]!;
    expect(first.highlights.length).toBeGreaterThan(0);
    const [s, e] = first.highlights[0]!;
    expect(first.snippet.slice(s, e).toLowerCase()).toMatch(/^provisioning|^adapter/);
    expect(first.snippet.length).toBeLessThanOrEqual(200);
  });

  it('finds nothing for unrelated words or an empty query', () => {
    expect(searchArticles('kubernetes pods')).toEqual([]);
    expect(searchArticles('   ')).toEqual([]);
  });

  it('honours the limit', () => {
    expect(searchArticles('vmotion', { limit: 3 })).toHaveLength(3);
  });
});

describe('search ranking', () => {
  const article = (id: string, title: string, body: string): ArticleFile => ({
    file: `${id}.md`,
    markdown: `---\nid: ${id}\ntitle: ${title}\nversions: [all]\nsources: [LAMW]\n---\n${body}\n`,
  });

  it('weighs a title match above the same word in another article body', () => {
    const kb = createKnowledgeBase([
      article('body-only', 'Something else', 'The word gateway appears here, and gateway again.'),
      article('titled', 'What is a gateway?', 'An answer about routers.'),
    ]);
    expect(kb.searchArticles('gateway').map((h) => h.id)).toEqual(['titled', 'body-only']);
  });

  it('opens the section that matched', () => {
    const kb = createKnowledgeBase([article('a', 'Routing', 'Intro.\n\n## First {#first}\n\nNothing.\n\n## Second {#second}\n\nThe longest prefix wins.')]);
    expect(kb.searchArticles('longest prefix')[0]).toMatchObject({ id: 'a', section: 'second', sectionTitle: 'Second' });
  });
});
