/**
 * `path-doctor`: the headless front end of the core.
 *   path-doctor analyze --source FILE... [--dest FILE...] [--migration live|snapshots|non-shared|cold]
 *                       [--format text|json|markdown|svg|html] [--source-host NAME] [--dest-host NAME] [--trace]
 * Exit codes: 0 no blocker/high finding, 1 at least one, 2 bad input or usage.
 */
import { renderText } from '../core/render/text.ts';
import { MIGRATION_KINDS } from '../core/result.ts';
import { evidenceSet } from '../pipeline/evidence-set.ts';
import { choice, many, one, parseArgs, UsageError } from './args.ts';
import { EvidenceFileError, readEvidenceFiles } from './evidence-files.ts';
import { reportTime, toolVersion } from './report-meta.ts';
// The bundle reader, the flows (xstate), the knowledge base, the xlsx reader and the report renderers are loaded
// by the command or format that needs them (dynamic import: a chunk of their own in the build, tools/build-cli.mjs),
// so `--help` or `analyze` of a paste start as fast as Node does.
import { capSentence } from '../core/sentence.ts';

export interface Io {
  /** Writes to standard output; false (as a Node stream's write) means "wait for drain before writing more". */
  stdout(text: string): boolean | void;
  stderr(text: string): void;
  stdin?: AsyncIterable<Uint8Array>;
  /** Resolves when standard output has room again (a pipe to a slow reader); absent where writes never block. */
  drain?(): Promise<void>;
  /**
   * A status line for a long command ('' removes it): given only when standard error is a terminal (progress.ts),
   * so nothing a script reads ever holds one.
   */
  progress?(text: string): void;
}

export { TerminalStatus } from './progress.ts';

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_BAD_INPUT = 2;

const USAGE = `usage:
  path-doctor analyze --source FILE... [--dest FILE...] [--migration live|snapshots|non-shared|cold]
                      [--format text|json|markdown|svg|html] [--source-host NAME] [--dest-host NAME] [--trace]
  path-doctor flows [--format json|text]
  path-doctor walk FLOW [--answer KEY=VALUE ...] [--source FILE...] [--dest FILE...] [--source-host NAME]
                   [--dest-host NAME] [--format json|text]
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

async function runAnalyze(args: ReturnType<typeof parseArgs>, io: Io): Promise<number> {
  const sourceFiles = many(args, 'source');
  if (sourceFiles.length === 0) throw new UsageError('analyze needs --source FILE');
  const format = choice(args, 'format', ['text', 'json', 'markdown', 'svg', 'html'] as const, 'text');
  // Absent, the analysis says the kind is the default (live) rather than chosen.
  const migration = args.options.has('migration') ? choice(args, 'migration', MIGRATION_KINDS, 'live') : undefined;
  const destFiles = many(args, 'dest');
  if ([...sourceFiles, ...destFiles].filter((f) => f === '-').length > 1) throw new UsageError('standard input (-) can be read only once');

  // Reading, pairing, warnings and the analysis: the pipeline the app uses too (src/pipeline/evidence-set.ts).
  const files = await readEvidenceFiles({ source: sourceFiles, dest: destFiles }, io);
  const sourceName = one(args, 'source-host');
  const destName = one(args, 'dest-host');
  const set = evidenceSet({ ...files, picks: 'refuse', ...(sourceName !== undefined ? { source: sourceName } : {}), ...(destName !== undefined ? { dest: destName } : {}), ...(migration ? { migration } : {}) });
  // A file given by name that cannot be read is bad input, even when the others could be analysed.
  if (set.problems.length > 0) throw new InputError(set.problems[0]!.message);
  if (!set.ok) throw new InputError(set.error);
  const { source, dest, analysis: result } = set;

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
  walk: ['answer', 'source', 'dest', 'source-host', 'dest-host', 'format'],
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
    if (e instanceof InputError || e instanceof EvidenceFileError) {
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
