/**
 * The renderer's one call into parsers + core: pasted texts in, a plain, structured-cloneable outcome out.
 * It runs inside the analysis worker (lib/worker) and, where no Worker exists, inline. No troubleshooting logic
 * lives here: which host is the source is the user's choice (defaulting as the CLI does), the rest is `analyze()`.
 */
import { analyze } from '../../../core/analyze.ts';
import type { AnalysisResult, WizardAnswers } from '../../../core/analyze.ts';
import { pairHosts } from '../../../core/pairing.ts';
import type { ParseWarning } from '../../../core/model/evidence.ts';
import type { HostModel } from '../../../core/model/host.ts';
import type { ImportedHost, ImportGap, ImportOrigin } from '../../../core/model/imported.ts';
import { versionLabel } from '../../../core/present/version.ts';
import type { MigrationKind } from '../../../core/result.ts';
import { COMMAND_EXAMPLES, loadEvidence } from '../../../parsers/index.ts';
import type { CommandKind, LoadErrorCode, LoadedBlock } from '../../../parsers/index.ts';

export type Side = 'source' | 'dest';

export interface EvidenceText {
  /** Shown in messages and evidence references (`esx-a.txt`, `Source paste`). */
  readonly file: string;
  readonly text: string;
  readonly side: Side;
  /** Host name for blocks whose prompt names none. */
  readonly defaultHost: string;
  /** Set for texts that never change (attached files): lets a cache skip re-reading a 50 MB file per keystroke. */
  readonly key?: string;
}

type SingleLoad = ReturnType<typeof loadEvidence>;

/** Results of reading one unchanging text alone, by its key (the worker keeps one across requests). */
export type LoadCache = Map<string, SingleLoad>;

const CACHE_LIMIT = 16;

function loadOne(input: EvidenceText, cache: LoadCache | undefined): SingleLoad {
  const cached = input.key !== undefined ? cache?.get(input.key) : undefined;
  if (cached) return cached;
  const r = loadEvidence([{ file: input.file, text: input.text, defaultHost: input.defaultHost }]);
  if (cache && input.key !== undefined) {
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
    cache.set(input.key, r);
  }
  return r;
}

export interface EngineRequest {
  readonly inputs: readonly EvidenceText[];
  /** Hosts read from support bundles or opened from the Scan view, already modelled. */
  readonly imported?: readonly ImportedHost[];
  /** The kind a person chose (or the wizard's answer named); absent → the default, live. */
  readonly migration?: MigrationKind;
  /** Host names the user picked; absent → the default pairing. */
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
      /** Why the pairing is what it is (e.g. two hosts in one paste). */
      readonly notes: readonly string[];
      readonly analysis: AnalysisResult;
      /** The same pair analysed as the request's `factsMigration`, for the wizard's facts (not shown). */
      readonly factsAnalysis?: AnalysisResult;
      /** The analysed hosts' models (source first): the path picture and the report draw their uplinks. */
      readonly models: readonly HostModel[];
    };

interface SideLoad {
  readonly hosts: readonly HostModel[];
  readonly warnings: readonly ParseWarning[];
  readonly blocks: readonly LoadedBlock[];
}

/** Loads one side: each file alone first, so one bad file is named and the others still count. */
function loadSide(inputs: readonly EvidenceText[], problems: FileProblem[], cache: LoadCache | undefined): SideLoad | undefined {
  const good: EvidenceText[] = [];
  let single: SideLoad | undefined;
  for (const input of inputs) {
    if (input.text.trim() === '') continue;
    const r = loadOne(input, cache);
    if (!r.ok) problems.push({ file: input.file, side: input.side, code: r.error.code, message: r.error.message });
    else {
      good.push(input);
      single = r;
    }
  }
  if (good.length === 0) return undefined;
  if (good.length === 1) return single;
  const all = loadEvidence(good.map((i) => ({ file: i.file, text: i.text, defaultHost: i.defaultHost })));
  if (!all.ok) {
    problems.push({ file: all.error.file, side: good[0]!.side, code: all.error.code, message: all.error.message });
    return undefined;
  }
  return all;
}

/** The version as every other screen and report writes it (`VMware ESXi 7.0.3 U3 build 22348816`). */
function versionOf(h: HostModel): string | undefined {
  return h.version ? versionLabel(h.version) : undefined;
}

/** Which blocks of a load belong to a host: its prompt names it, or (no prompt) the host stands for its file. */
function blockBelongs(b: LoadedBlock, h: HostModel, load: SideLoad): boolean {
  if (b.host !== undefined) return b.host.toLowerCase() === h.name.toLowerCase();
  return load.hosts.length === 1 || !load.blocks.some((o) => o.file === b.file && o.host !== undefined && o.kind !== null) || h.nameAssumed;
}

function summarise(load: SideLoad, side: Side): HostSummary[] {
  return load.hosts.map((h) => {
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
  });
}

/** An imported host's summary: the commands its model says were read, and where it came from. */
function summariseImported(h: ImportedHost): HostSummary {
  const version = versionOf(h.model);
  const commands: RecognisedCommand[] = h.model.commandsSeen
    .filter((kind): kind is CommandKind => kind in COMMAND_EXAMPLES)
    .map((kind) => ({ command: COMMAND_EXAMPLES[kind], kind, file: h.file, lines: '', parsed: true }));
  return {
    name: h.model.name,
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
  const problems: FileProblem[] = [];
  const srcInputs = req.inputs.filter((i) => i.side === 'source');
  const dstInputs = req.inputs.filter((i) => i.side === 'dest');
  const imported = req.imported ?? [];
  if (req.inputs.every((i) => i.text.trim() === '') && imported.length === 0) return { kind: 'empty', problems };

  const src = loadSide(srcInputs, problems, cache);
  const dst = loadSide(dstInputs, problems, cache);
  const importedModels = imported.map((i) => i.model);
  const all = [...(src?.hosts ?? []), ...(dst?.hosts ?? []), ...importedModels];
  const warnings = [...(src?.warnings ?? []), ...(dst?.warnings ?? [])];
  if (all.length === 0) return { kind: 'no-hosts', problems, warnings };

  // One pairing rule for the app and the CLI (core/pairing.ts). A pick of a host no longer in the evidence is
  // stale screen state, not input: it falls back to the default pairing.
  const known = (name: string | undefined) => (name !== undefined && all.some((h) => h.name === name) ? name : undefined);
  const sourceName = known(req.source);
  const destName = known(req.dest);
  const paired = pairHosts({
    source: src?.hosts ?? [],
    ...(dst ? { dest: dst.hosts } : {}),
    imported: importedModels,
    ...(sourceName !== undefined ? { sourceName } : {}),
    ...(destName !== undefined && destName !== sourceName ? { destName } : {}),
  });
  if (!paired.ok) {
    problems.push({ file: 'evidence', side: 'source', code: 'INTERNAL', message: paired.error });
    return { kind: 'no-hosts', problems, warnings };
  }
  const { source, dest, notes } = paired;

  // Imported hosts bring their readers' warnings and their logs' past migrations into the analysis of the pair.
  const pair = dest ? [source, dest] : [source];
  const pairImported = imported.filter((i) => pair.includes(i.model));
  const observed = pairImported.flatMap((i) => i.observed);
  const input = { source, ...(dest ? { dest } : {}), warnings: [...warnings, ...pairImported.flatMap((i) => i.warnings)], ...(observed.length > 0 ? { observed } : {}) };
  let analysis: AnalysisResult;
  let factsAnalysis: AnalysisResult | undefined;
  try {
    analysis = analyze({ ...input, ...(req.migration !== undefined ? { migration: req.migration } : {}), ...(req.answers ? { answers: req.answers } : {}) });
    if (req.factsMigration !== undefined) {
      const { migration: _kind, ...rest } = req.answers ?? {};
      factsAnalysis = req.factsMigration === analysis.migration && req.answers?.migration === undefined ? analysis : analyze({ ...input, migration: req.factsMigration, answers: rest });
    }
  } catch (e) {
    problems.push({ file: 'analysis', side: 'source', code: 'INTERNAL', message: `The analysis stopped unexpectedly: ${String(e)}` });
    return { kind: 'no-hosts', problems, warnings };
  }
  const hosts = [...(src ? summarise(src, 'source') : []), ...(dst ? summarise(dst, 'dest') : []), ...imported.map(summariseImported)];
  const ignoredBlocks = [...(src?.blocks ?? []), ...(dst?.blocks ?? [])].filter((b) => b.kind === null).length;
  return {
    kind: 'analysed',
    problems,
    hosts,
    ignoredBlocks,
    source: source.name,
    ...(dest ? { dest: dest.name } : {}),
    notes,
    analysis,
    ...(factsAnalysis ? { factsAnalysis } : {}),
    models: dest ? [source, dest] : [source],
  };
}
