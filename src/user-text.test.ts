/**
 * No text a user reads cites the project's internal documents or marks (§ sections, [U]/[I]/[V], domain.md and
 * the other reference files, remediation numbers without their title). Scans every user-facing string: the flows'
 * question and outcome texts, the finding and remediation catalogs, the knowledge-base articles as rendered, the
 * text of every Svelte component, and every report format of every seed example.
 * Any reference fails, wherever it is.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COLLECT, OUTCOME_TEXTS } from '../flows/texts/outcomes.ts';
import { QUESTIONS } from '../flows/texts/questions.ts';
import { FINDINGS } from './core/findings/catalog.ts';
import { findInternalReferences } from './core/present/internal-refs.ts';
import { REMEDIATIONS } from './core/remediation/catalog.ts';
import { renderHtmlReport } from './core/render/html.ts';
import { renderMarkdown } from './core/render/markdown.ts';
import { renderText } from './core/render/text.ts';
import { listArticles, renderArticle } from './kb/index.ts';
import { analyseExample, EXAMPLES } from './test-support/examples.ts';

interface Text {
  readonly where: string;
  readonly text: string;
}

/** Every string inside a value, with its path; `skip` names keys that hold ids, not words. */
function strings(value: unknown, where: string, skip: ReadonlySet<string>): Text[] {
  if (typeof value === 'string') return [{ where, text: value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${where}[${i}]`, skip));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => (skip.has(k) ? [] : strings(v, `${where}.${k}`, skip)));
  }
  return [];
}

const ID_KEYS = new Set(['id', 'sources', 'remediation', 'forFindings', 'findings', 'key', 'value', 'kb']);

function svelteFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return svelteFiles(path);
    return name.endsWith('.svelte') ? [path] : [];
  });
}

/** The markup text of a component: scripts, styles, comments and `{…}` expressions removed. */
function markupText(source: string): string {
  return source
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/\{[^{}]*\}/g, ' ');
}

function allTexts(): Text[] {
  const out: Text[] = [];
  out.push(...strings(QUESTIONS, 'flows/texts/questions.ts', ID_KEYS));
  out.push(...strings(OUTCOME_TEXTS, 'flows/texts/outcomes.ts', ID_KEYS));
  out.push(...strings(COLLECT, 'flows/texts/outcomes.ts COLLECT', ID_KEYS));
  for (const [id, f] of Object.entries(FINDINGS)) out.push({ where: `findings catalog ${id}.title`, text: f.title }, { where: `findings catalog ${id}.why`, text: f.why });
  out.push(...strings(REMEDIATIONS, 'remediation catalog', ID_KEYS));
  for (const a of listArticles()) {
    const r = renderArticle(a.id);
    if (r) out.push({ where: `kb article ${a.id} (text)`, text: r.text });
  }
  for (const file of svelteFiles('src/renderer')) out.push({ where: file, text: markupText(readFileSync(file, 'utf8')) });
  for (const example of EXAMPLES) {
    const { result, hosts } = analyseExample(example);
    const meta = { generatedAt: '2026-12-06T00:00:00.000Z', toolVersion: 'test' };
    out.push({ where: `${example.name}: text`, text: renderText(result, { trace: true }) });
    out.push({ where: `${example.name}: markdown report`, text: renderMarkdown(result, meta) });
    out.push({ where: `${example.name}: html report`, text: renderHtmlReport(result, { ...meta, hosts }) });
  }
  return out;
}

const CATALOG = 'remediation catalog';

const squeeze = (t: string) => t.replace(/<[^>]+>/g, ' ').replace(/&#39;|&apos;/g, "'").replace(/&quot;/g, '"').replace(/\s+/g, ' ');

function owner(where: string, text: string, index: number, length: number, catalogTexts: readonly string[]): string {
  if (/: (text|markdown report|html report)$/.test(where)) {
    // The words just before the mark, down to the mark and the word before it: text output wraps and numbers lines.
    const words = squeeze(text.slice(Math.max(0, index - 40), index + length)).trim().split(' ').slice(1);
    for (let n = words.length; n >= 2; n--) {
      const snippet = words.slice(-n).join(' ');
      if (catalogTexts.some((c) => c.includes(snippet))) return `reports, from the ${CATALOG}`;
    }
  }
  return where;
}

describe('user-facing text', () => {
  const texts = allTexts();
  const catalogTexts = strings(REMEDIATIONS, CATALOG, ID_KEYS).map((t) => squeeze(t.text));

  it('scans the texts it claims to scan', () => {
    expect(texts.filter((t) => t.where.endsWith('.svelte')).length).toBeGreaterThan(30);
    expect(texts.filter((t) => t.where.startsWith('kb article')).length).toBeGreaterThan(15);
    expect(texts.filter((t) => t.where.includes('html report')).length).toBe(EXAMPLES.length);
  });

  it('cites no internal document, section or mark', () => {
    const found = new Map<string, string[]>();
    for (const t of texts) {
      for (const r of findInternalReferences(t.text)) {
        const key = owner(t.where, t.text, r.index, r.match.length, catalogTexts);
        const context = t.text.slice(Math.max(0, r.index - 40), r.index + 40).replace(/\s+/g, ' ');
        found.set(key, [...(found.get(key) ?? []), `${r.match} in "…${context}…"`]);
      }
    }
    const unexpected = [...found].map(([k, v]) => `${k}: ${v.join(' | ')}`);
    expect(unexpected).toEqual([]);
  });
});
