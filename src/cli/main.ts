/**
 * `path-doctor`: the headless front end of the core.
 *   path-doctor analyze --source FILE... [--dest FILE...] [--migration live|snapshots|non-shared|cold]
 *                       [--format text|json|markdown|svg|html] [--source-host NAME] [--dest-host NAME] [--trace]
 * Exit codes: 0 no blocker/high finding, 1 at least one, 2 bad input or usage.
 */
import { basename, extname } from 'node:path';
import { analyze } from '../core/analyze.ts';
import { pairHosts } from '../core/pairing.ts';
import type { ParseWarning } from '../core/model/evidence.ts';
import type { HostModel } from '../core/model/host.ts';
import { renderText } from '../core/render/text.ts';
import { MIGRATION_KINDS } from '../core/result.ts';
import { loadEvidence } from '../parsers/index.ts';
import { choice, many, one, parseArgs, UsageError } from './args.ts';
import { readEvidenceFile } from './read-input.ts';
import { reportTime, toolVersion } from './report-meta.ts';
// The bundle reader, the flows (xstate), the knowledge base, the xlsx reader and the report renderers are loaded
// by the command or format that needs them (dynamic import: a chunk of their own in the build, tools/build-cli.mjs),
// so `--help` or `analyze` of a paste start as fast as Node does.
import { loadBundles } from './bundle-command.ts';
import type { ObservedMigration } from '../core/observed.ts';
import { capSentence } from '../core/sentence.ts';

export interface Io {
  /** Writes to standard output; false (as a Node stream's write) means "wait for drain before writing more". */
  stdout(text: string): boolean | void;
  stderr(text: string): void;
  stdin?: AsyncIterable<Uint8Array>;
  /** Resolves when standard output has room again (a pipe to a slow reader); absent where writes never block. */
  drain?(): Promise<void>;
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_BAD_INPUT = 2;

const USAGE = `usage:
  path-doctor analyze --source FILE... [--dest FILE...] [--migration live|snapshots|non-shared|cold]
                      [--format text|json|markdown|svg|html] [--source-host NAME] [--dest-host NAME] [--trace]
  path-doctor flows [--format json|text]
  path-doctor walk FLOW [--answer KEY=VALUE ...] [--source FILE...] [--dest FILE...] [--format json|text]
  path-doctor explain [ID|TEXT...] [--format text|markdown]   (ID: article, finding, R1-R10, question; no ID lists all)
  path-doctor bundle FILE [--format text|json]   (hosts, recognised outputs, what is missing, past migrations)
  path-doctor scan FILE... [--format text|json|csv|markdown] [--migration live|snapshots|non-shared|cold] [--compact]
                      (whole estate: RVTools xlsx/CSV, PowerCLI CSV/JSON, ESXCLI tags, collector JSON;
                      --compact: JSON on one line, without indentation)
  FILE is a pasted ESXi shell session or command output; - reads standard input. --source and --dest also take an
  ESXi support bundle (.tgz), a vCenter log export (.zip) or an unpacked bundle folder.
  Exit code: 0 no blocker or high finding, 1 at least one, 2 bad input, 3 (walk) a question is unanswered.
  path-doctor --version prints the version.
`;

class InputError extends Error {}

function placeholderName(file: string): string {
  if (file === '-') return 'stdin-host';
  const base = basename(file, extname(file));
  return base || 'host';
}

async function loadSide(files: readonly string[], io: Io): Promise<{ hosts: HostModel[]; warnings: ParseWarning[]; observed: ObservedMigration[] }> {
  // Support bundles (.tgz, vCenter .zip, unpacked folders; by magic bytes) are read by bundle-command.ts.
  const bundles = await loadBundles(files);
  if (bundles.errors.length > 0) throw new InputError(bundles.errors[0]!);
  if (bundles.rest.length === 0) return bundles;
  const inputs: { file: string; text: string; defaultHost: string }[] = [];
  for (const file of bundles.rest) {
    const read = await readEvidenceFile(file, io.stdin ?? (process.stdin as AsyncIterable<Uint8Array>));
    if (!read.ok) throw new InputError(read.message);
    inputs.push({ file: read.file, text: read.text, defaultHost: placeholderName(file) });
  }
  const loaded = loadEvidence(inputs);
  if (!loaded.ok) throw new InputError(loaded.error.message);
  return { hosts: [...bundles.hosts, ...loaded.hosts], warnings: [...bundles.warnings, ...loaded.warnings], observed: bundles.observed };
}


async function runAnalyze(args: ReturnType<typeof parseArgs>, io: Io): Promise<number> {
  const sourceFiles = many(args, 'source');
  if (sourceFiles.length === 0) throw new UsageError('analyze needs --source FILE');
  const format = choice(args, 'format', ['text', 'json', 'markdown', 'svg', 'html'] as const, 'text');
  const migration = choice(args, 'migration', MIGRATION_KINDS, 'live');
  const destFiles = many(args, 'dest');
  if ([...sourceFiles, ...destFiles].filter((f) => f === '-').length > 1) throw new UsageError('standard input (-) can be read only once');

  const src = await loadSide(sourceFiles, io);
  const dst = destFiles.length > 0 ? await loadSide(destFiles, io) : undefined;
  const warnings: ParseWarning[] = [...src.warnings, ...(dst?.warnings ?? [])];

  const sourceName = one(args, 'source-host');
  const destName = one(args, 'dest-host');
  const pair = pairHosts({ source: src.hosts, ...(dst ? { dest: dst.hosts } : {}), ...(sourceName !== undefined ? { sourceName } : {}), ...(destName !== undefined ? { destName } : {}) });
  if (!pair.ok) throw new InputError(pair.error);
  const { source, dest } = pair;
  for (const message of pair.notes) warnings.push({ file: sourceFiles[0]!, line: 1, message });

  const result = analyze({ source, ...(dest ? { dest } : {}), migration, warnings, observed: [...src.observed, ...(dst?.observed ?? [])] });
  if (format === 'json') io.stdout(JSON.stringify(result, null, 2) + '\n');
  else if (format === 'markdown') io.stdout((await import('../core/render/markdown.ts')).renderMarkdown(result));
  // The picture and the report show each vmknic's uplinks, which only the host models carry.
  else if (format === 'svg') io.stdout((await import('../core/render/svg.ts')).renderPathSvg(result, { hosts: dest ? [source, dest] : [source] }));
  else if (format === 'html') {
    // The articles that explain the findings go into the report's appendix (loaded only for this format).
    const { articlesForFindings } = await import('../kb/index.ts');
    const { renderHtmlReport } = await import('../core/render/html.ts');
    const articles = articlesForFindings(result.findings.map((f) => f.id));
    io.stdout(renderHtmlReport(result, { generatedAt: reportTime(), toolVersion: toolVersion(), hosts: dest ? [source, dest] : [source], articles }));
  }
  else io.stdout(renderText(result, { trace: args.flags.has('trace') }));
  return result.findings.some((f) => f.severity === 'blocker' || f.severity === 'high') ? EXIT_FINDINGS : EXIT_OK;
}

/** Which options each command takes: one parser for all, then a check that an option belongs to its command. */
const OPTIONS_OF: Readonly<Record<string, readonly string[]>> = {
  analyze: ['source', 'dest', 'migration', 'format', 'source-host', 'dest-host', 'trace'],
  flows: ['format'],
  walk: ['answer', 'source', 'dest', 'format'],
  bundle: ['format'],
  explain: ['format'],
  scan: ['format', 'migration', 'compact'],
};

export async function main(argv: readonly string[], io: Io): Promise<number> {
  try {
    const args = parseArgs(argv, {
      multi: ['source', 'dest', 'answer'],
      single: ['format', 'migration', 'source-host', 'dest-host'],
      flags: ['trace', 'help', 'compact', 'version'],
    });
    // As other admin CLIs (govc version, esxcli --version): one line a script can log beside its results.
    if (args.flags.has('version') && args.command === undefined) {
      io.stdout(`path-doctor ${toolVersion()}\n`);
      return EXIT_OK;
    }
    if (args.flags.has('help') || args.command === 'help' || args.command === undefined) {
      io.stdout(USAGE);
      return args.command === undefined && !args.flags.has('help') ? EXIT_BAD_INPUT : EXIT_OK;
    }
    const allowed = OPTIONS_OF[args.command];
    if (allowed) {
      const used = [...args.options.keys(), ...args.flags].filter((o) => o !== 'help');
      const wrong = used.find((o) => !allowed.includes(o));
      if (wrong) throw new UsageError(`${args.command} does not take --${wrong}`);
    }
    switch (args.command) {
      case 'analyze':
        return await runAnalyze(args, io);
      case 'flows':
        return await (await import('./flows-command.ts')).runFlows(args, io);
      case 'walk':
        return await (await import('./flows-command.ts')).runWalk(args, io);
      case 'bundle':
        return await (await import('./bundle-command.ts')).runBundle(args, io);
      case 'explain':
        // Loaded on demand: the knowledge base (Markdown, search index, articles) is not needed by the other commands.
        return await (await import('./explain-command.ts')).runExplain(args, io);
      case 'scan':
        // Loaded on demand: the xlsx reader (exceljs) is not needed by the other commands.
        return await (await import('./scan-command.ts')).runScan(args, io);
      default:
        throw new UsageError(`unknown command "${args.command}"`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`path-doctor: ${capSentence(e.message)}\n${USAGE}`);
      return EXIT_BAD_INPUT;
    }
    if (e instanceof InputError) {
      // One sentence however big the input: a list of hosts or file names is cut, saying how much was left out.
      io.stderr(`path-doctor: ${capSentence(e.message)}\n`);
      return EXIT_BAD_INPUT;
    }
    // Never a stack trace for the user: one sentence, and the exit code scripts expect for bad input.
    io.stderr(`path-doctor: internal error: ${capSentence(e instanceof Error ? e.message : String(e))}\n`);
    return EXIT_BAD_INPUT;
  }
}

// Run when executed directly (npm run cli:dev), not when imported by tests or the bin wrapper.
const invokedDirectly = process.argv[1] !== undefined && /(^|[\\/])main\.ts$/.test(process.argv[1]);
if (invokedDirectly) {
  const code = await main(process.argv.slice(2), {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
  });
  process.exitCode = code;
}
