/**
 * The renderer's one call into the evidence pipeline (src/pipeline/evidence-set.ts, the same one the CLI's
 * `analyze` and `walk` use): pasted texts and imported hosts in, a plain, structured-cloneable outcome out. It runs
 * inside the analysis worker (lib/worker) and, where no Worker exists, inline. No troubleshooting logic lives here:
 * reading, pairing, warnings and the analysis are the pipeline's; this only lists what was recognised per host.
 */
import type { AnalysisResult, WizardAnswers } from '../../../core/analyze.ts';
import type { ParseWarning } from '../../../core/model/evidence.ts';
import type { HostModel } from '../../../core/model/host.ts';
import type { ImportedHost, ImportGap, ImportOrigin } from '../../../core/model/imported.ts';
import { versionLabel } from '../../../core/present/version.ts';
import type { MigrationKind } from '../../../core/result.ts';
import { COMMAND_EXAMPLES } from '../../../parsers/index.ts';
import type { CommandKind, LoadErrorCode } from '../../../parsers/index.ts';
import { evidenceSet } from '../../../pipeline/evidence-set.ts';
import type { EvidenceText, LoadCache, Side, SideReading } from '../../../pipeline/evidence-set.ts';

export type { EvidenceText, LoadCache, Side } from '../../../pipeline/evidence-set.ts';

export interface EngineRequest {
  readonly inputs: readonly EvidenceText[];
  /** Hosts read from support bundles or opened from the Scan view, already modelled. */
  readonly imported?: readonly ImportedHost[];
  /** The kind a person chose (or the wizard's answer named); absent → the default, live. */
  readonly migration?: MigrationKind;
  /** Host names the user picked; absent → the default pairing; a destination of `''`: none, an assumed peer. */
  readonly source?: string;
  readonly dest?: string;
  /** The wizard's answers that are evidence (measurement, BindToVmknic value, migration kind): flows/facts.ts wizardAnswers. */
  readonly answers?: WizardAnswers;
  /** Set while a wizard walk uses the evidence: also analyse as this kind, in which every traffic class flows, for its facts. */
  readonly factsMigration?: MigrationKind;
}

export interface FileProblem {
  readonly file: string;
  readonly side: Side;
  readonly code: LoadErrorCode;
  readonly message: string;
}

export interface RecognisedCommand {
  readonly command: string;
  readonly kind: CommandKind;
  readonly file: string;
  readonly lines: string;
  readonly parsed: boolean;
}

export interface HostSummary {
  readonly name: string;
  /** Pasted or attached on one side, or `imported` (a bundle, an estate export): then `import` says from where. */
  readonly side: Side | 'imported';
  readonly import?: {
    readonly id: string;
    readonly origin: ImportOrigin;
    readonly file: string;
    readonly detail?: string;
    readonly gaps: readonly ImportGap[];
    readonly observed: number;
  };
  readonly nameAssumed: boolean;
  readonly version?: string;
  readonly commands: readonly RecognisedCommand[];
}

export type EngineOutcome =
  | { readonly kind: 'empty'; readonly problems: readonly FileProblem[] }
  | {
      readonly kind: 'no-hosts';
      readonly problems: readonly FileProblem[];
      readonly warnings: readonly ParseWarning[];
    }
  | {
      readonly kind: 'analysed';
      readonly problems: readonly FileProblem[];
      readonly hosts: readonly HostSummary[];
      readonly ignoredBlocks: number;
      readonly source: string;
      readonly dest?: string;
      /** Why the pairing is what it is (e.g. two hosts in one paste); also among the analysis's warnings. */
      readonly notes: readonly string[];
      /** What was read and what could not be, without the notes (the evidence panel shows the notes apart). */
      readonly warnings: readonly ParseWarning[];
      readonly analysis: AnalysisResult;
      /** The same pair analysed as the request's `factsMigration`, for the wizard's facts (not shown). */
      readonly factsAnalysis?: AnalysisResult;
      /** The analysed hosts' models (source first): the path picture and the report draw their uplinks. */
      readonly models: readonly HostModel[];
    };

/** The version as every other screen and report writes it (`VMware ESXi 7.0.3 U3 build 22348816`). */
function versionOf(h: HostModel): string | undefined {
  return h.version ? versionLabel(h.version) : undefined;
}

/** Which blocks of a reading belong to a host: its prompt names it, or (no prompt) the host stands for its file. */
function blockBelongs(b: SideReading['blocks'][number], h: HostModel, load: SideReading): boolean {
  if (b.host !== undefined) return b.host.toLowerCase() === h.name.toLowerCase();
  return load.hosts.length === 1 || !load.blocks.some((o) => o.file === b.file && o.host !== undefined && o.kind !== null) || h.nameAssumed;
}

function summarise(h: HostModel, load: SideReading, side: Side): HostSummary {
  const commands: RecognisedCommand[] = [];
  const seen = new Set(h.commandsSeen);
  for (const b of load.blocks) {
    if (b.kind === null || !seen.has(b.kind) || !blockBelongs(b, h, load)) continue;
    commands.push({
      command: b.command ?? COMMAND_EXAMPLES[b.kind],
      kind: b.kind,
      file: b.file,
      lines: b.startLine === b.endLine ? `${b.startLine}` : `${b.startLine}–${b.endLine}`,
      parsed: b.parsed,
    });
  }
  // The model's own list is the authority on what was read for this host; blocks only add where it was read.
  for (const kind of h.commandsSeen) {
    if (!commands.some((c) => c.kind === kind) && kind in COMMAND_EXAMPLES) {
      const k = kind as CommandKind;
      commands.push({ command: COMMAND_EXAMPLES[k], kind: k, file: '', lines: '', parsed: true });
    }
  }
  const version = versionOf(h);
  return { name: h.name, side, nameAssumed: h.nameAssumed, ...(version ? { version } : {}), commands };
}

/** An imported host's summary: the commands its model says were read, and where it came from. */
function summariseImported(h: ImportedHost, model: HostModel): HostSummary {
  const version = versionOf(h.model);
  const commands: RecognisedCommand[] = h.model.commandsSeen
    .filter((kind): kind is CommandKind => kind in COMMAND_EXAMPLES)
    .map((kind) => ({ command: COMMAND_EXAMPLES[kind], kind, file: h.file, lines: '', parsed: true }));
  return {
    // The pipeline's name: a placeholder that collided with another host's is numbered apart.
    name: model.name,
    side: 'imported',
    nameAssumed: h.model.nameAssumed,
    ...(version ? { version } : {}),
    commands,
    import: {
      id: h.id,
      origin: h.origin,
      file: h.file,
      ...(h.detail !== undefined ? { detail: h.detail } : {}),
      gaps: h.gaps,
      observed: h.observed.length,
    },
  };
}

/** Parses every text and analyses the chosen pair. Never throws: a failure is an outcome with a message. */
export function evaluate(req: EngineRequest, cache?: LoadCache): EngineOutcome {
  // An empty paste box or a blank file is not evidence (the CLI, given a blank file by name, says it is empty).
  const texts = req.inputs.filter((i) => i.text.trim() !== '');
  const imported = req.imported ?? [];
  if (texts.length === 0 && imported.length === 0) return { kind: 'empty', problems: [] };
  let set: ReturnType<typeof evidenceSet>;
  try {
    set = evidenceSet(
      {
        texts,
        modelled: imported,
        // A pick is remembered screen state: one that names no host any more gives way to the default pair.
        picks: 'ignore',
        ...(req.source !== undefined ? { source: req.source } : {}),
        ...(req.dest !== undefined ? { dest: req.dest === '' ? null : req.dest } : {}),
        ...(req.migration !== undefined ? { migration: req.migration } : {}),
        ...(req.answers ? { answers: req.answers } : {}),
        ...(req.factsMigration !== undefined ? { factsMigration: req.factsMigration } : {}),
      },
      cache,
    );
  } catch (e) {
    return { kind: 'no-hosts', problems: [{ file: 'analysis', side: 'source', code: 'INTERNAL', message: `The analysis stopped unexpectedly: ${String(e)}` }], warnings: [] };
  }
  const problems: FileProblem[] = [...set.problems];
  if (!set.ok) {
    // No host at all is said by each file's problem; a pair that cannot be made is one more problem.
    if (set.hosts.length > 0) problems.push({ file: 'evidence', side: 'source', code: 'INTERNAL', message: set.error });
    return { kind: 'no-hosts', problems, warnings: set.warnings };
  }
  const hosts = set.hosts.map((h) => {
    if ('modelled' in h.from) return summariseImported(imported[h.from.modelled]!, h.model);
    const side = h.from.texts;
    return summarise(h.model, set.readings[side]!, side);
  });
  const ignoredBlocks = [...(set.readings.source?.blocks ?? []), ...(set.readings.dest?.blocks ?? [])].filter((b) => b.kind === null).length;
  return {
    kind: 'analysed',
    problems,
    hosts,
    ignoredBlocks,
    source: set.source.name,
    ...(set.dest ? { dest: set.dest.name } : {}),
    notes: set.notes,
    warnings: set.warnings,
    analysis: set.analysis,
    ...(set.factsAnalysis ? { factsAnalysis: set.factsAnalysis } : {}),
    models: set.dest ? [set.source, set.dest] : [set.source],
  };
}
