/**
 * Runs Electronegativity (Doyensec's Electron security linter) over the desktop shell's sources, offline.
 *
 * Its `run()` entry point is not used because it reaches the network: it fetches translations from S3 on every run,
 * and AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK downloads Electron's release list from GitHub. CI is offline, so this
 * drives the same pieces `run()` uses (Parser, Finder, GlobalChecks) with the bundled en-US texts and without that
 * one global check (keeping Electron up to date is the dependency updates' job, not a source lint's).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';

export type Severity = 'INFORMATIONAL' | 'LOW' | 'MEDIUM' | 'HIGH';

export interface Finding {
  readonly id: string;
  readonly severity: Severity;
  readonly confidence: 'TENTATIVE' | 'FIRM' | 'CERTAIN';
  /** Relative to the linted root, with forward slashes; `N/A` for "missing everywhere" findings. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly description: string;
  /** Electronegativity's own flag: the check matched a pattern a human must review. */
  readonly manualReview: boolean;
  readonly url: string;
}

export interface Source {
  /** Relative path (its extension picks the parser: .ts/.js/.html/.json). */
  readonly path: string;
  readonly text: string;
}

export interface LintResult {
  readonly checks: readonly string[];
  readonly findings: readonly Finding[];
  /** Sources the parser could not read: a file that does not parse is a file that was not checked. */
  readonly parseErrors: readonly { readonly path: string; readonly message: string }[];
}

/** Needs the network (see the header); every other check of the installed version runs. */
export const SKIPPED_CHECKS: readonly string[] = ['AvailableSecurityFixesGlobalCheck'];

// --- the untyped CommonJS package, described as far as it is used ---
interface Level {
  readonly name: string;
  readonly value: number;
}
interface RawIssue {
  readonly id: string;
  readonly file: string;
  readonly location: { readonly line: number; readonly column: number };
  readonly description: string;
  readonly shortenedURL: string;
  readonly severity: Level;
  readonly confidence: Level;
  readonly manualReview?: boolean;
}
interface Parser {
  parse(file: string, content: Buffer): [type: unknown, data: { errors?: { message: string }[] } | null, content: string, warnings?: { message: string }[]];
}
interface Finder {
  readonly _enabled_checks: readonly { readonly name: string }[];
  find(file: string, data: unknown, type: unknown, content: string, onlyChecks: null, electronVersion: string): Promise<RawIssue[]>;
}
interface GlobalChecks {
  readonly _enabled_checks: readonly { readonly name: string }[];
  getResults(issues: RawIssue[]): Promise<RawIssue[]>;
}
interface Engine {
  readonly Parser: new (babelFirst: boolean, typescriptBabelFirst: boolean) => Parser;
  readonly Finder: new (customScan: string[], exclude: string[]) => Finder;
  readonly GlobalChecks: new (customScan: string[], exclude: string[]) => GlobalChecks;
}

let engine: Engine | undefined;

function loadEngine(): Engine {
  if (engine) return engine;
  const require = createRequire(import.meta.url);
  const runner = require.resolve('@doyensec/electronegativity');
  const local = createRequire(runner);
  // The checks read their texts through a global `__` that run() registers; the same, from the bundled files only.
  const i18n = local('i18n') as { configure(o: object): void; setLocale(l: string): void };
  i18n.configure({ locales: ['en-US'], defaultLocale: 'en-US', directory: join(dirname(runner), 'locales'), updateFiles: false, objectNotation: true, retryInDefaultLocale: true, register: globalThis });
  i18n.setLocale('en-US');
  const finder = local('./finder') as Pick<Engine, 'Finder' | 'GlobalChecks'>;
  const parser = local('./parser') as Pick<Engine, 'Parser'>;
  engine = { Parser: parser.Parser, Finder: finder.Finder, GlobalChecks: finder.GlobalChecks };
  return engine;
}

function toFinding(issue: RawIssue): Finding {
  return {
    id: issue.id,
    severity: issue.severity.name as Severity,
    confidence: issue.confidence.name as Finding['confidence'],
    file: issue.file,
    line: issue.location.line,
    column: issue.location.column,
    description: issue.description,
    manualReview: issue.manualReview === true,
    url: issue.shortenedURL,
  };
}

/** Lints the given sources as one application (global checks such as "no CSP anywhere" see all of them). */
export async function lintSources(sources: readonly Source[], electronVersion: string): Promise<LintResult> {
  const { Parser, Finder, GlobalChecks } = loadEngine();
  const skipped = SKIPPED_CHECKS.map((c) => c.toLowerCase());
  const parser = new Parser(false, true); // run()'s settings: Babel first for TypeScript
  const globalChecks = new GlobalChecks([], skipped);
  const finder = new Finder([], []);
  const raw: RawIssue[] = [];
  const parseErrors: { path: string; message: string }[] = [];
  for (const source of sources) {
    try {
      const [type, data, content, warnings] = parser.parse(source.path, Buffer.from(source.text));
      if (data === null) {
        parseErrors.push({ path: source.path, message: 'no parser for this file type' });
        continue;
      }
      for (const w of warnings ?? []) parseErrors.push({ path: source.path, message: w.message });
      raw.push(...(await finder.find(source.path, data, type, content, null, electronVersion)));
    } catch (e) {
      parseErrors.push({ path: source.path, message: e instanceof Error ? e.message : String(e) });
    }
  }
  const findings = (await globalChecks.getResults(raw)).map(toFinding);
  return { checks: [...finder._enabled_checks, ...globalChecks._enabled_checks].map((c) => c.name), findings, parseErrors };
}

export const aboveInformational = (f: Finding): boolean => f.severity !== 'INFORMATIONAL';

export function formatFinding(f: Finding): string {
  return `${f.id} [${f.severity}/${f.confidence}${f.manualReview ? ', review' : ''}] ${f.file}:${f.line}:${f.column} ${f.description} (${f.url})`;
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return tsFiles(path);
    return e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path] : [];
  });
}

/**
 * What is linted: every shipped or build source under electron/ (tests excluded: they hold deliberately insecure
 * fixtures), the page the window loads (its CSP meta; the protocol handler sends the same policy as a header), and
 * package.json (the Electron version, and scripts passing insecure Chromium switches).
 */
export function appSources(root: string): Source[] {
  const lintDir = join(root, 'electron', 'security-lint');
  const files = [
    ...tsFiles(join(root, 'electron')).filter((f) => !f.startsWith(lintDir + sep)),
    join(root, 'src', 'renderer', 'index.html'),
    join(root, 'package.json'),
  ];
  return files.sort().map((f) => ({ path: relative(root, f).split(sep).join('/'), text: readFileSync(f, 'utf8') }));
}

/**
 * A reviewed finding that stays: which check, in which file, with which description (a check has several: the CSP
 * one says "seems to be vulnerable" or "are vulnerable"), and the one sentence saying why it is harmless.
 */
export interface Accepted {
  readonly id: string;
  readonly file: string;
  readonly description: string;
  readonly reason: string;
}

/** Reads accepted-findings.json; a malformed entry is named, never skipped. */
export function parseAccepted(text: string): Accepted[] {
  const data: unknown = JSON.parse(text);
  const list = typeof data === 'object' && data !== null && 'accepted' in data ? data.accepted : undefined;
  if (!Array.isArray(list)) throw new Error('accepted-findings.json: expected an object with an "accepted" array');
  return list.map((e: unknown, i): Accepted => {
    const o = (typeof e === 'object' && e !== null ? e : {}) as Record<string, unknown>;
    const { id, file, description, reason } = o;
    if (typeof id !== 'string' || typeof file !== 'string' || typeof description !== 'string' || typeof reason !== 'string' || reason.trim() === '') {
      throw new Error(`accepted-findings.json: entry ${i + 1} needs a string id, file, description and a non-empty reason`);
    }
    return { id, file, description, reason };
  });
}

const matches = (a: Accepted, f: Finding): boolean => a.id === f.id && a.file === f.file && a.description === f.description;

/**
 * The gate: findings above INFORMATIONAL that no accepted entry covers (they fail CI), and accepted entries that no
 * longer match any finding (stale exemptions also fail, so the list never outlives its reasons).
 */
export function review(findings: readonly Finding[], accepted: readonly Accepted[]): { unaccepted: Finding[]; stale: Accepted[] } {
  const serious = findings.filter(aboveInformational);
  return {
    unaccepted: serious.filter((f) => !accepted.some((a) => matches(a, f))),
    stale: accepted.filter((a) => !serious.some((f) => matches(a, f))),
  };
}
