/**
 * `path-doctor explain`: the knowledge base in the terminal (issue 10).
 *
 *   path-doctor explain                       list every article
 *   path-doctor explain ID [--format text|markdown]
 *       ID = an article id (optionally ID#section), a finding id (VMOTION_EGRESS_MISMATCH), a remediation (R4),
 *       a wizard question key (bindToVmknic) or a command kind (esxcfg-route): prints the article
 *   path-doctor explain TEXT...               the best matching articles, with the section and a snippet
 *
 * Exit codes: 0 printed something, 2 nothing matches (one sentence on standard error) or bad usage.
 */
import { getArticle, listArticles, lookupArticle, portableMarkdown, renderArticle, searchArticles, type ExactMatch } from '../kb/index.ts';
import { choice, type ParsedArgs, UsageError } from './args.ts';
import type { Io } from './main.ts';

const EXIT_NO_MATCH = 2;
const WIDTH = 100;

function allowOnly(args: ParsedArgs): void {
  for (const name of args.options.keys()) if (name !== 'format') throw new UsageError(`explain does not take --${name}`);
  for (const name of args.flags) if (name !== 'help') throw new UsageError(`explain does not take --${name}`);
}

/** The line above an article reached through a finding, remediation, question or command id. */
function pointer(match: ExactMatch): string | undefined {
  if (match.kind === 'article' && !match.location.sectionTitle) return undefined;
  const what = match.kind === 'article' ? 'See' : `${match.id} (${match.kind}) is explained in this article; see`;
  return match.location.sectionTitle ? `${what} the section "${match.location.sectionTitle}".` : undefined;
}

function printArticle(match: ExactMatch, format: 'text' | 'markdown', io: Io): number {
  const note = pointer(match);
  if (format === 'markdown') {
    const article = getArticle(match.location.id)!;
    io.stdout(`${note ? `> ${note}\n\n` : ''}${portableMarkdown(article)}`);
  } else {
    const rendered = renderArticle(match.location.id, { width: WIDTH })!;
    io.stdout(`${note ? `${note}\n\n` : ''}${rendered.text}`);
  }
  return 0;
}

function printList(format: 'text' | 'markdown', io: Io): number {
  const articles = listArticles();
  if (format === 'markdown') {
    io.stdout(`${articles.map((a) => `- \`${a.id}\`: ${a.title}`).join('\n')}\n`);
    return 0;
  }
  const width = Math.max(...articles.map((a) => a.id.length));
  io.stdout(`${articles.map((a) => `${a.id.padEnd(width)}  ${a.title}`).join('\n')}\n\nShow one with: path-doctor explain ID\n`);
  return 0;
}

export async function runExplain(args: ParsedArgs, io: Io): Promise<number> {
  allowOnly(args);
  const format = choice(args, 'format', ['text', 'markdown'] as const, 'text');
  const query = args.positionals.join(' ').trim();
  if (query === '') return printList(format, io);

  const match = lookupArticle(query);
  if (match) return printArticle(match, format, io);

  const hits = searchArticles(query, { limit: 5 });
  if (hits.length === 0) {
    io.stderr(`path-doctor: no article matches "${query}"; run "path-doctor explain" to list them all.\n`);
    return EXIT_NO_MATCH;
  }
  const ref = (h: (typeof hits)[number]) => `${h.id}${h.section ? `#${h.section}` : ''}`;
  if (format === 'markdown') {
    const lines = hits.map((h) => `- **${h.title}** (\`${ref(h)}\`${h.sectionTitle ? `, section "${h.sectionTitle}"` : ''})\n  ${h.snippet}`);
    io.stdout(`Articles matching "${query}":\n\n${lines.join('\n')}\n`);
    return 0;
  }
  const blocks = hits.map((h, i) => {
    const head = `${i + 1}. ${h.title}\n   path-doctor explain ${ref(h)}${h.sectionTitle ? `   (section "${h.sectionTitle}")` : ''}`;
    return `${head}\n   ${wrapSnippet(h.snippet)}`;
  });
  io.stdout(`Articles matching "${query}":\n\n${blocks.join('\n\n')}\n`);
  return 0;
}

function wrapSnippet(snippet: string): string {
  const lines: string[] = [];
  let line = '';
  for (const word of snippet.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > WIDTH - 3) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line) lines.push(line);
  return lines.join('\n   ');
}
