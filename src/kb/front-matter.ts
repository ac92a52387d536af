/**
 * Front matter of an article: the YAML block between the first two `---` lines, read with the `yaml` package and
 * checked for shape here (which ids exist is check.ts's job). Never throws: a broken article gives one sentence
 * naming the file and the field, so the build and the tests can point at it.
 */
import { parse } from 'yaml';
import { CLAIM_SOURCES as SOURCES, type ClaimSourceKey as SourceKey } from '../core/claims/sources.ts';
import type { Article, ArticleSource, TopicLink } from './types.ts';

/** What an article's front matter declares: the article's own fields, nothing more (types.ts Article). */
export type FrontMatter = Pick<
  Article,
  'id' | 'title' | 'order' | 'versions' | 'keywords' | 'sources' | 'findings' | 'remediations' | 'questions' | 'commands'
>;

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

const FIELDS = ['id', 'title', 'order', 'versions', 'keywords', 'sources', 'findings', 'remediations', 'questions', 'commands'] as const;
export const ARTICLE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const ANCHOR = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const TOPIC = /^([A-Za-z0-9_-]+)(?:#([a-z0-9]+(?:-[a-z0-9]+)*))?$/;
// `all`, a major line (`5.x`), a release (`6.5`, `7.0`), or a release and later (`6.5+`).
const VERSION = /^(?:all|\d+\.x|\d+\.\d+\+?)$/;

/** Splits `---\nyaml\n---\nbody`; line endings are normalised to \n first. */
export function splitFrontMatter(raw: string): { yaml: string; body: string } | undefined {
  const text = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const m = /^---\n([\s\S]*?)\n---[ \t]*(?:\n|$)/.exec(text);
  if (!m) return undefined;
  return { yaml: m[1]!, body: text.slice(m[0].length) };
}

function stringList(value: unknown, field: string, pattern?: RegExp): Parsed<string[]> {
  if (value === undefined || value === null) return { ok: true, value: [] };
  if (!Array.isArray(value)) return { ok: false, error: `"${field}" must be a list` };
  const out: string[] = [];
  for (const item of value) {
    if (typeof item !== 'string') return { ok: false, error: `"${field}" holds a non-text entry` };
    const s = item.trim();
    if (pattern && !pattern.test(s)) return { ok: false, error: `"${field}" entry "${s}" is malformed` };
    out.push(s);
  }
  return { ok: true, value: out };
}

function topics(value: unknown, field: string): Parsed<TopicLink[]> {
  const list = stringList(value, field, TOPIC);
  if (!list.ok) return list;
  return {
    ok: true,
    value: list.value.map((s) => {
      const m = TOPIC.exec(s)!;
      return m[2] ? { id: m[1]!, section: m[2] } : { id: m[1]! };
    }),
  };
}

function sources(value: unknown): Parsed<ArticleSource[]> {
  if (value === undefined || value === null) return { ok: true, value: [] };
  if (!Array.isArray(value)) return { ok: false, error: '"sources" must be a list' };
  const out: ArticleSource[] = [];
  for (const item of value) {
    if (typeof item === 'string') {
      const known = Object.prototype.hasOwnProperty.call(SOURCES, item) ? SOURCES[item as SourceKey] : undefined;
      // An unknown key is kept with an empty address: check.ts reports it, the renderer shows the key.
      out.push({ key: item, title: known?.title ?? item, url: known?.url ?? '' });
    } else if (item && typeof item === 'object' && typeof item.title === 'string' && typeof item.url === 'string') {
      out.push({ title: item.title, url: item.url });
    } else {
      return { ok: false, error: '"sources" entries must be a SOURCES key or { title, url }' };
    }
  }
  return { ok: true, value: out };
}

/** Reads and shape-checks the YAML of one article. */
export function parseFrontMatter(yamlText: string): Parsed<FrontMatter> {
  let data: unknown;
  try {
    // Failsafe schema: every scalar stays a string, so `versions: [6.0]` is "6.0" (not the number 6) and no word
    // turns into a boolean; `order` is converted below.
    data = parse(yamlText, { schema: 'failsafe' });
  } catch (e) {
    return { ok: false, error: `front matter is not valid YAML (${e instanceof Error ? e.message.split('\n')[0] : String(e)})` };
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return { ok: false, error: 'front matter is not a mapping' };
  const d = data as Record<string, unknown>;
  const unknownField = Object.keys(d).find((k) => !(FIELDS as readonly string[]).includes(k));
  if (unknownField) return { ok: false, error: `unknown front-matter field "${unknownField}"` };
  if (typeof d.id !== 'string' || !ARTICLE_ID.test(d.id)) return { ok: false, error: '"id" must be lower-case words joined by hyphens' };
  if (typeof d.title !== 'string' || d.title.trim() === '') return { ok: false, error: '"title" is missing' };
  const order = d.order === undefined ? Number.MAX_SAFE_INTEGER : typeof d.order === 'string' && /^\d+$/.test(d.order) ? Number(d.order) : NaN;
  if (Number.isNaN(order)) return { ok: false, error: '"order" must be a whole number' };

  const versions = stringList(d.versions, 'versions', VERSION);
  if (!versions.ok) return versions;
  if (versions.value.length === 0) return { ok: false, error: '"versions" is missing (use [all] when the article applies to every release)' };
  const keywords = stringList(d.keywords, 'keywords');
  if (!keywords.ok) return keywords;
  const src = sources(d.sources);
  if (!src.ok) return src;
  const findings = topics(d.findings, 'findings');
  if (!findings.ok) return findings;
  const remediations = topics(d.remediations, 'remediations');
  if (!remediations.ok) return remediations;
  const questions = topics(d.questions, 'questions');
  if (!questions.ok) return questions;
  const commands = topics(d.commands, 'commands');
  if (!commands.ok) return commands;

  return {
    ok: true,
    value: {
      id: d.id,
      title: d.title.trim(),
      order,
      versions: versions.value,
      keywords: keywords.value,
      sources: src.value,
      findings: findings.value,
      remediations: remediations.value,
      questions: questions.value,
      commands: commands.value,
    },
  };
}
