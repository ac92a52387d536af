import { describe, expect, it } from 'vitest';
import { parseArticle } from './article.ts';
import { parseFrontMatter, splitFrontMatter } from './front-matter.ts';

describe('splitFrontMatter', () => {
  it('takes the block between the first two --- lines, whatever the line endings', () => {
    expect(splitFrontMatter('---\r\nid: a\r\n---\r\nBody\r\n')).toEqual({ yaml: 'id: a', body: 'Body\n' });
    expect(splitFrontMatter('\uFEFF---\nid: a\n---\n')).toEqual({ yaml: 'id: a', body: '' });
    expect(splitFrontMatter('id: a\n---\nBody')).toBeUndefined();
  });
});

describe('parseFrontMatter', () => {
  const base = 'id: some-article\ntitle: What?\nversions: [all]\n';

  it('reads ids with and without sections, versions as text, sources by key or title and address', () => {
    const r = parseFrontMatter(
      `${base.replace('[all]', '[6.0, 6.5+, 5.x]')}order: 7\nsources: [KB318546, { title: Somebody, url: "https://x.example/a" }]\nfindings: [A_B, C_D#some-section]\nremediations: [R1]\nquestions: [someKey#part]\ncommands: [esxcfg-route]\n`,
    );
    expect(r.ok && r.value).toMatchObject({
      order: 7,
      versions: ['6.0', '6.5+', '5.x'],
      sources: [{ key: 'KB318546', url: 'https://knowledge.broadcom.com/external/article?articleNumber=318546' }, { title: 'Somebody', url: 'https://x.example/a' }],
      findings: [{ id: 'A_B' }, { id: 'C_D', section: 'some-section' }],
      questions: [{ id: 'someKey', section: 'part' }],
      commands: [{ id: 'esxcfg-route' }],
    });
  });

  it.each([
    ['title: [a\n', /not valid YAML/],
    ['- a list\n', /not a mapping/],
    [base + 'finding: [X]\n', /unknown front-matter field "finding"/],
    [base.replace('some-article', 'Some Article'), /"id" must be lower-case/],
    [base.replace('title: What?\n', ''), /"title" is missing/],
    [base.replace('versions: [all]\n', ''), /"versions" is missing/],
    [base.replace('[all]', '[latest]'), /"versions" entry "latest" is malformed/],
    [base + 'order: first\n', /"order" must be a whole number/],
    [base + 'findings: X_Y\n', /"findings" must be a list/],
    [base + 'findings: ["X Y"]\n', /"findings" entry "X Y" is malformed/],
    [base + 'sources: [{ title: T }]\n', /"sources" entries must be/],
  ])('rejects %j', (yaml, message) => {
    const r = parseFrontMatter(yaml);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(message);
  });
});

describe('parseArticle', () => {
  it('requires the id to match the file name', () => {
    const r = parseArticle({ file: 'other.md', markdown: '---\nid: some\ntitle: T?\nversions: [all]\n---\nBody.\n' });
    expect(r).toEqual({ ok: false, error: 'other.md: id "some" must match the file name "other"' });
  });

  it('takes the opening paragraph as summary and the headings as sections', () => {
    const r = parseArticle({
      file: 'a.md',
      markdown: '---\nid: a\ntitle: T?\nversions: [all]\n---\nThe *answer*, with `code`.\n\n## One {#one}\n\n### Sub {#sub}\n',
    });
    expect(r.ok && r.value.summary).toBe('The answer, with code.');
    expect(r.ok && r.value.sections).toEqual([
      { anchor: 'one', title: 'One', level: 2 },
      { anchor: 'sub', title: 'Sub', level: 3 },
    ]);
  });
});
