/**
 * The committed bundle must be what kb/build.ts makes from kb/articles, or the app would show stale articles.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTICLE_FILES } from './articles.generated.ts';
import { GENERATED_PATH, generateArticlesModule } from './generate.ts';

const dir = join(import.meta.dirname, '..', '..', 'kb', 'articles');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.md'))
  .map((file) => ({ file, markdown: readFileSync(join(dir, file), 'utf8') }));

describe('src/kb/articles.generated.ts', () => {
  it('is up to date with kb/articles (run `npx tsx kb/build.ts` after editing an article)', () => {
    const committed = readFileSync(join(import.meta.dirname, '..', '..', GENERATED_PATH), 'utf8');
    expect(committed).toBe(generateArticlesModule(files));
  });

  it('holds every article file exactly once', () => {
    expect(ARTICLE_FILES.map((f) => f.file)).toEqual(files.map((f) => f.file).sort());
  });

  it('round-trips text the bundle must not alter: quotes, backslashes, non-ASCII, CRLF normalised', () => {
    const module = generateArticlesModule([{ file: 'x.md', markdown: 'a "b" \\ c … ü\r\nd\u2028e' }]);
    const literal = /markdown: ("[^\n]*"),\n/.exec(module)![1]!;
    expect(JSON.parse(literal)).toBe('a "b" \\ c … ü\nd\u2028e');
  });
});
