import { describe, expect, it } from 'vitest';
import { FINDINGS, FINDING_IDS } from '../core/findings/catalog.ts';
import { REMEDIATIONS, REMEDIATION_IDS } from '../core/remediation/catalog.ts';
import { CLAIM_SOURCES as SOURCES } from '../core/claims/sources.ts';
import { QUESTION_KEYS } from '../../flows/texts/questions.ts';
import { realCatalogs } from './catalogs.ts';
import { checkKnowledgeBase, type Catalogs } from './check.ts';
import { createKnowledgeBase, knowledgeBase } from './index.ts';
import { sectionTexts } from './search.ts';
import type { ArticleFile } from './types.ts';

const kb = knowledgeBase();
const articles = kb.listArticles();

describe('the bundled articles', () => {
  it('all parse', () => {
    expect(kb.problems).toEqual([]);
    expect(articles.length).toBeGreaterThanOrEqual(15);
  });

  it('pass every link check: ids exist, links resolve, sources have addresses, headings have anchors', () => {
    expect(checkKnowledgeBase(articles, realCatalogs())).toEqual([]);
  });

  it('explain every finding, remediation, question and command kind at exactly one section', () => {
    const catalogs = realCatalogs();
    for (const id of FINDING_IDS) expect(kb.articleFor({ finding: id })?.section, id).toBeTruthy();
    for (const id of REMEDIATION_IDS) expect(kb.articleFor({ remediation: id })?.section, id).toBeTruthy();
    for (const key of QUESTION_KEYS) expect(kb.articleFor({ question: key })?.section, key).toBeTruthy();
    for (const kind of catalogs.commands) expect(kb.articleFor({ command: kind })?.section, kind).toBeTruthy();
  });

  it('cite only sources that have a public address', () => {
    for (const a of articles) {
      for (const s of a.sources) {
        expect(s.url, `${a.id}: ${s.title}`).toMatch(/^https?:\/\/\S+$/);
        if (s.key) expect(SOURCES).toHaveProperty(s.key);
      }
    }
  });

  it('open with a non-empty paragraph (the answer to the title) before any heading', () => {
    for (const a of articles) {
      expect(a.summary.length, a.id).toBeGreaterThan(80);
      expect(a.body.trimStart().startsWith('#'), a.id).toBe(false);
    }
  });

  it('say "likely", "inferred" or "uncertain" where they explain an inferred or unsure finding or fix', () => {
    const hedged = /\b(likely|inferred|uncertain|possible)\b/i;
    const check = (loc: { id: string; section?: string } | undefined, what: string) => {
      const article = kb.getArticle(loc!.id)!;
      const part = sectionTexts(article).find((p) => p.anchor === (loc!.section ?? ''));
      expect(part?.text ?? '', `${what} in ${loc!.id}#${loc!.section}`).toMatch(hedged);
    };
    for (const id of FINDING_IDS) if (FINDINGS[id].confidence !== 'verified') check(kb.articleFor({ finding: id }), id);
    for (const id of REMEDIATION_IDS) if (REMEDIATIONS[id].confidence !== 'verified') check(kb.articleFor({ remediation: id }), id);
  });
});

describe('checkKnowledgeBase', () => {
  const catalogs: Catalogs = { findings: ['F_ONE', 'F_TWO'], remediations: ['R1'], questions: ['q1'], commands: ['cmd'] };
  const file = (id: string, front: string, body: string): ArticleFile => ({
    file: `${id}.md`,
    markdown: `---\nid: ${id}\ntitle: What is ${id}?\nversions: [all]\nsources: [LAMW]\n${front}---\n${body}`,
  });
  const good = file(
    'good',
    'findings: [F_ONE#one, F_TWO#two]\nremediations: [R1#one]\nquestions: [q1#two]\ncommands: [cmd#one]\n',
    'The answer, in a first paragraph.\n\n## One {#one}\n\nText with a [link](kb:other#part) and [another](#two).\n\n## Two {#two}\n\nMore.\n',
  );
  const other = file('other', '', 'Other answer.\n\n## Part {#part}\n\nText.\n');
  const run = (...files: ArticleFile[]) => {
    const k = createKnowledgeBase(files);
    return [...k.problems, ...checkKnowledgeBase(k.listArticles(), catalogs)];
  };

  it('accepts a consistent set', () => {
    expect(run(good, other)).toEqual([]);
  });

  it('reports unknown ids, missing sections and unexplained ids', () => {
    const bad = file('bad', 'findings: [F_GONE, F_ONE#nowhere]\n', 'Answer.\n\n## A {#a}\n\nText.\n');
    const problems = run(bad, other);
    expect(problems).toContain('bad.md: findings: "F_GONE" does not exist');
    expect(problems).toContain('bad.md: findings: F_ONE#nowhere names no heading of this article');
    expect(problems.some((p) => p.startsWith('findings: F_TWO is explained by no article'))).toBe(true);
    expect(problems.some((p) => p.startsWith('remediations: R1 is explained by no article'))).toBe(true);
  });

  it('reports an id explained by two articles', () => {
    const twin = file('twin', 'findings: [F_ONE#a]\n', 'Answer.\n\n## A {#a}\n\nText.\n');
    expect(run(good, other, twin)).toContain('findings: F_ONE is explained by several articles (good, twin); keep one "#section"');
  });

  it('reports broken and unsafe links', () => {
    const links = file(
      'links',
      '',
      'Answer with [x](kb:missing), [y](kb:other#nope), [z](#nothing), [js](javascript:alert(1)) and [rel](../docs/kb.md).\n\n## A {#a}\n\nText.\n',
    );
    const problems = run(good, other, links);
    expect(problems).toContain('links.md: kb:missing names no article');
    expect(problems).toContain('links.md: kb:other#nope names no heading of that article');
    expect(problems).toContain('links.md: link #nothing names no heading of this article');
    expect(problems.filter((p) => p.startsWith('links.md: link target'))).toHaveLength(2);
  });

  it('reports a heading without a stable anchor, a missing opening paragraph and a source without address', () => {
    const sloppy: ArticleFile = {
      file: 'sloppy.md',
      markdown: '---\nid: sloppy\ntitle: Sloppy?\nversions: [all]\nsources: [NO_SUCH_SOURCE, { title: Somebody, url: "" }]\n---\n## Starts with a heading\n\nText.\n',
    };
    const problems = run(good, other, sloppy);
    expect(problems).toContain('sloppy.md: the body must open with a paragraph that answers the title (found a heading or nothing)');
    expect(problems).toContain('sloppy.md: heading "Starts with a heading" has no {#anchor}');
    expect(problems).toContain('sloppy.md: source NO_SUCH_SOURCE has no address (unknown SOURCES key?)');
    expect(problems).toContain('sloppy.md: source Somebody has no address');
  });
});
