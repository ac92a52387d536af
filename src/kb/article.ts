/**
 * One article file → an Article: front matter (front-matter.ts) plus what the body says about itself (its
 * sections with anchors, its opening paragraph). Shape errors come back as a sentence, never as an exception.
 */
import { parseFrontMatter, splitFrontMatter, type Parsed } from './front-matter.ts';
import { leadParagraph, parseMarkdown, sectionsOf } from './markdown.ts';
import type { Article, ArticleFile } from './types.ts';

export function parseArticle(file: ArticleFile): Parsed<Article> {
  const split = splitFrontMatter(file.markdown);
  if (!split) return { ok: false, error: `${file.file}: no front matter (the file must start with a --- block)` };
  const fm = parseFrontMatter(split.yaml);
  if (!fm.ok) return { ok: false, error: `${file.file}: ${fm.error}` };
  const expected = file.file.replace(/^.*\//, '').replace(/\.md$/, '');
  if (fm.value.id !== expected) return { ok: false, error: `${file.file}: id "${fm.value.id}" must match the file name "${expected}"` };
  const tokens = parseMarkdown(split.body);
  return {
    ok: true,
    value: {
      ...fm.value,
      file: file.file,
      summary: leadParagraph(tokens),
      sections: sectionsOf(tokens),
      body: split.body,
    },
  };
}
