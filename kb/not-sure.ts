/**
 * Writes kb/articles/not-sure.md from the claims register (src/kb/not-sure.ts). Run it after changing
 * src/core/claims/rules.ts, then `npx tsx kb/build.ts`:
 *
 *   npx tsx kb/not-sure.ts
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NOT_SURE_FILE, notSureArticle } from '../src/kb/not-sure.ts';

const target = join(dirname(fileURLToPath(import.meta.url)), 'articles', NOT_SURE_FILE);
writeFileSync(target, notSureArticle());
process.stdout.write(`kb/not-sure: wrote ${target}\n`);
