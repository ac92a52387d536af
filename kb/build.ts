/**
 * Bundles kb/articles/*.md into src/kb/articles.generated.ts (see src/kb/generate.ts), after checking every
 * article against the catalogs (src/kb/check.ts): a broken link or an unexplained finding stops the build.
 *
 *   npx tsx kb/build.ts          write the generated file
 *   npx tsx kb/build.ts --check  exit 1 when the committed file is out of date or an article has a problem
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createKnowledgeBase } from '../src/kb/knowledge-base.ts';
import { checkKnowledgeBase } from '../src/kb/check.ts';
import { GENERATED_PATH, generateArticlesModule } from '../src/kb/generate.ts';
import { realCatalogs } from '../src/kb/catalogs.ts';
import type { ArticleFile } from '../src/kb/types.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export function readArticleFiles(dir = join(root, 'kb', 'articles')): ArticleFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((file) => ({ file, markdown: readFileSync(join(dir, file), 'utf8') }));
}

function main(): number {
  const files = readArticleFiles();
  const kb = createKnowledgeBase(files);
  const problems = [...kb.problems, ...checkKnowledgeBase(kb.listArticles(), realCatalogs())];
  if (problems.length > 0) {
    process.stderr.write(`kb/build: ${problems.length} problem(s):\n${problems.map((p) => `  ${p}`).join('\n')}\n`);
    return 1;
  }
  const text = generateArticlesModule(files);
  const target = join(root, GENERATED_PATH);
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    current = '';
  }
  if (process.argv.includes('--check')) {
    if (current !== text) {
      process.stderr.write(`kb/build: ${GENERATED_PATH} is out of date: run npx tsx kb/build.ts\n`);
      return 1;
    }
    process.stdout.write(`kb/build: ${files.length} articles, ${GENERATED_PATH} up to date\n`);
    return 0;
  }
  if (current !== text) writeFileSync(target, text);
  process.stdout.write(`kb/build: ${files.length} articles → ${GENERATED_PATH}${current === text ? ' (unchanged)' : ''}\n`);
  return 0;
}

const invokedDirectly = process.argv[1] !== undefined && /(^|[\\/])build\.ts$/.test(process.argv[1]);
if (invokedDirectly) process.exitCode = main();
