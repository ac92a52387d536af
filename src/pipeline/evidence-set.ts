/**
 * The one pipeline from evidence to analysis, shared by the CLI's `analyze` and `walk` and the app's analysis
 * worker: named texts (pastes, files) per side and hosts that arrived already modelled (support bundles, the Scan
 * view) in; the hosts, the source/destination pair, every warning and the analysis out. The front ends only read
 * files or exchange worker messages, and present what comes back — so the rules and the sentences are the same.
 *
 * The rules:
 * - Texts of one side are read together (one host split over two files of a side is one host); each file is read
 *   alone only when the side fails, so every bad file is named and the good ones still count.
 * - Hosts keep the order they were given: source texts, source modelled hosts, destination texts, destination
 *   modelled hosts, then modelled hosts given for no side (the app's bundles and Scan hosts).
 * - A host is one host however often it is given: a name seen again (any case, on any side, in another bundle) is
 *   not a second host. The first copy given is analysed and one note per name says so; the host still counts
 *   as given on each side it appeared on. A placeholder name (no prompt named the host) that collides with another
 *   host's name is numbered instead (`esx-2`), since two unnamed pastes are not known to be one host.
 * - The pair: core/pairing.ts. A pick that names no host is refused (`refuse`: a typed option) or, for remembered
 *   screen state (`ignore`), dropped with a note; the notes are also the analysis's warnings, so every report
 *   carries them.
 * - What reaches the analysis: the texts' parse warnings, the reading-level warnings (a bundle's problems), the
 *   notes (repeated hosts, picks, pairing), and the warnings and logged migrations of the modelled hosts that are
 *   analysed (not of those left out).
 * Pure: no file system, no DOM; it never throws for bad input (a problem or an error sentence instead).
 */
import { analyze } from '../core/analyze.ts';
import type { AnalysisResult, WizardAnswers } from '../core/analyze.ts';
import type { ParseWarning } from '../core/model/evidence.ts';
import type { HostModel } from '../core/model/host.ts';
import type { ObservedMigration } from '../core/observed.ts';
import { pairHosts } from '../core/pairing.ts';
import type { MigrationKind } from '../core/result.ts';
import { nameList } from '../core/sentence.ts';
import { loadEvidence } from '../parsers/index.ts';
import type { LoadErrorCode, LoadResult } from '../parsers/index.ts';

export { placeholderHost } from './placeholder.ts';

export type Side = 'source' | 'dest';

export interface EvidenceText {
  /** Shown in messages and evidence references (`esx-a.txt`, `source paste`). */
  readonly file: string;
  readonly text: string;
  readonly side: Side;
  /** Host name for blocks whose prompt names none (placeholderHost of the file name). */
  readonly defaultHost: string;
  /** Set for texts that never change (attached files): a cache may keep their reading by this key. */
  readonly key?: string;
}

/** A host that arrived already modelled: read from a support bundle, or opened from an estate export. */
export interface ModelledHost {
  readonly model: HostModel;
  /** The file it was read from (the bundle, the export). */
  readonly file: string;
  /** Past migrations from the host's logs. */
  readonly observed: readonly ObservedMigration[];
  /** The readers' warnings about this host. */
  readonly warnings: readonly ParseWarning[];
  /** The side it was given for (`--source BUNDLE`); absent: after the hosts given for a side. */
  readonly side?: Side;
}

type SingleLoad = LoadResult;
/** Readings of single unchanging texts, by their key (the app's worker keeps one across requests). */
export type LoadCache = Map<string, SingleLoad>;
const CACHE_LIMIT = 16;

export interface EvidenceSetInput {
  readonly texts: readonly EvidenceText[];
  readonly modelled?: readonly ModelledHost[];
  /** Warnings about the reading as a whole (a bundle's problems): always reach the analysis. */
  readonly warnings?: readonly ParseWarning[];
  /** Picks: a full host name or the short name; a `null` destination: none, the peer is assumed like the source. */
  readonly source?: string;
  readonly dest?: string | null;
  /** What a pick naming no host does: `refuse` (an error, for a typed option) or `ignore` (a note; the default pair). */
  readonly picks?: 'refuse' | 'ignore';
  /** The analysed kind; absent → the answered kind, else live (core/analyze.ts). */
  readonly migration?: MigrationKind;
  /** The wizard's answers that are evidence. */
  readonly answers?: WizardAnswers;
  /** Also analyse the pair as this kind, without the answered kind (the wizard's facts). */
  readonly factsMigration?: MigrationKind;
}

/** A text that could not be read, with the reader's sentence. */
export interface TextProblem {
  readonly file: string;
  readonly side: Side;
  readonly code: LoadErrorCode;
  readonly message: string;
}

/** What one side's texts gave (the app lists the commands recognised per host from `blocks`). */
export type SideReading = Extract<LoadResult, { ok: true }>;

export interface EvidenceHost {
  readonly model: HostModel;
  /** The sides it was given for (empty: a modelled host given for no side). */
  readonly sides: readonly Side[];
  /** Where the analysed copy came from: a side's texts, or the modelled host at this index of the input. */
  readonly from: { readonly texts: Side } | { readonly modelled: number };
}

export type EvidenceSet =
  | {
      readonly ok: false;
      readonly problems: readonly TextProblem[];
      /** Why there is no analysis: no host in the evidence, or the pair cannot be made (a bad pick). */
      readonly error: string;
      readonly readings: { readonly source?: SideReading; readonly dest?: SideReading };
      readonly hosts: readonly EvidenceHost[];
      readonly warnings: readonly ParseWarning[];
    }
  | {
      readonly ok: true;
      readonly problems: readonly TextProblem[];
      readonly readings: { readonly source?: SideReading; readonly dest?: SideReading };
      /** Every host once, in the order given. */
      readonly hosts: readonly EvidenceHost[];
      readonly source: HostModel;
      readonly dest?: HostModel;
      /** Which hosts are analysed and why: repeated hosts, picks that are gone, the pairing (also among the analysis's warnings). */
      readonly notes: readonly string[];
      /** What was read and what could not be (the analysis's warnings without the notes). */
      readonly warnings: readonly ParseWarning[];
      readonly analysis: AnalysisResult;
      /** The pair analysed as `factsMigration` (the same object when that is what `analysis` already is). */
      readonly factsAnalysis?: AnalysisResult;
    };


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

/**
 * Reads one side: all texts together; when that fails, each alone, so every bad file is named and the good ones
 * are read together (a single text is read alone at once, through the cache).
 */
function readSide(inputs: readonly EvidenceText[], side: Side, problems: TextProblem[], cache: LoadCache | undefined): SideReading | undefined {
  if (inputs.length === 0) return undefined;
  if (inputs.length > 1) {
    const all = loadEvidence(inputs.map((i) => ({ file: i.file, text: i.text, defaultHost: i.defaultHost })));
    if (all.ok) return all;
  }
  const good: EvidenceText[] = [];
  let single: SideReading | undefined;
  for (const input of inputs) {
    const r = loadOne(input, cache);
    if (!r.ok) problems.push({ file: input.file, side, code: r.error.code, message: r.error.message });
    else {
      good.push(input);
      single = r;
    }
  }
  if (good.length <= 1) return single;
  const all = loadEvidence(good.map((i) => ({ file: i.file, text: i.text, defaultHost: i.defaultHost })));
  if (!all.ok) {
    problems.push({ file: all.error.file, side, code: all.error.code, message: all.error.message });
    return undefined;
  }
  return all;
}

interface Given {
  readonly model: HostModel;
  readonly side: Side | undefined;
  readonly from: EvidenceHost['from'];
  readonly file: string;
}

/** One entry per host name (first copy kept), placeholders numbered apart; a warning per repeated name. */
function distinctHosts(given: readonly Given[]): { hosts: { host: EvidenceHost; file: string }[]; warnings: ParseWarning[] } {
  const byName = new Map<string, { host: EvidenceHost; sides: Side[]; file: string; files: string[] }>();
  const order: string[] = [];
  for (const g of given) {
    let model = g.model;
    let key = model.name.toLowerCase();
    const seen = byName.get(key);
    if (seen && (model.nameAssumed || seen.host.model.nameAssumed)) {
      // Two placeholders (or a placeholder and a real name) are not known to be one host: number the later one.
      let n = 2;
      while (byName.has(`${key}-${n}`)) n++;
      model = { ...model, name: `${model.name}-${n}` };
      key = model.name.toLowerCase();
    }
    const entry = byName.get(key);
    if (entry) {
      if (g.side && !entry.sides.includes(g.side)) entry.sides.push(g.side);
      entry.files.push(g.file);
      continue;
    }
    const sides: Side[] = g.side ? [g.side] : [];
    byName.set(key, { host: { model, sides, from: g.from }, sides, file: g.file, files: [g.file] });
    order.push(key);
  }
  const warnings: ParseWarning[] = [];
  const hosts = order.map((k) => byName.get(k)!);
  for (const e of hosts) {
    if (e.files.length < 2) continue;
    const files = [...new Set(e.files)];
    const message =
      files.length === 1
        ? `${e.host.model.name} is ${e.files.length} times in ${e.file}; the first copy is analysed.`
        : `${e.host.model.name} is in the evidence ${e.files.length} times (in ${nameList(files)}); the copy from ${e.file}, given first, is analysed.`;
    warnings.push({ file: e.file, line: 1, message });
  }
  return { hosts: hosts.map((e) => ({ host: e.host, file: e.file })), warnings };
}

function findHost(hosts: readonly EvidenceHost[], name: string): EvidenceHost | undefined {
  const lower = name.toLowerCase();
  return hosts.find((h) => h.model.name.toLowerCase() === lower) ?? hosts.find((h) => h.model.name.split('.')[0]!.toLowerCase() === lower);
}

/** Reads, pairs and analyses the evidence. Never throws for bad input. */
export function evidenceSet(input: EvidenceSetInput, cache?: LoadCache): EvidenceSet {
  const problems: TextProblem[] = [];
  const modelled = input.modelled ?? [];
  const readings = {
    source: readSide(input.texts.filter((t) => t.side === 'source'), 'source', problems, cache),
    dest: readSide(input.texts.filter((t) => t.side === 'dest'), 'dest', problems, cache),
  };
  const shown = { ...(readings.source ? { source: readings.source } : {}), ...(readings.dest ? { dest: readings.dest } : {}) };
  const firstFile = (side: Side) => input.texts.find((t) => t.side === side)?.file;
  // The file a text host was first read from: its first block naming it, or the text whose placeholder it bears
  // (one pass over the blocks: a paste of thousands of hosts has tens of thousands of them).
  const firstBlockFile = { source: new Map<string, string>(), dest: new Map<string, string>() };
  for (const side of ['source', 'dest'] as const) {
    for (const b of readings[side]?.blocks ?? []) {
      const name = b.host?.toLowerCase();
      if (name !== undefined && !firstBlockFile[side].has(name)) firstBlockFile[side].set(name, b.file);
    }
  }
  const fileOf = (model: HostModel, side: Side): string =>
    firstBlockFile[side].get(model.name.toLowerCase()) ?? input.texts.find((t) => t.side === side && t.defaultHost === model.name)?.file ?? firstFile(side) ?? side;

  const given: Given[] = [];
  for (const side of ['source', 'dest'] as const) {
    for (const model of readings[side]?.hosts ?? []) given.push({ model, side, from: { texts: side }, file: fileOf(model, side) });
    modelled.forEach((m, i) => {
      if (m.side === side) given.push({ model: m.model, side, from: { modelled: i }, file: m.file });
    });
  }
  modelled.forEach((m, i) => {
    if (m.side === undefined) given.push({ model: m.model, side: undefined, from: { modelled: i }, file: m.file });
  });
  const distinct = distinctHosts(given);
  const hosts = distinct.hosts.map((h) => h.host);
  const warnings: ParseWarning[] = [...(readings.source?.warnings ?? []), ...(readings.dest?.warnings ?? []), ...(input.warnings ?? [])];
  if (hosts.length === 0) {
    return { ok: false, problems, error: 'no host found in the evidence', readings: shown, hosts, warnings };
  }

  const stale: { role: 'source' | 'destination'; name: string }[] = [];
  const pick = (role: 'source' | 'destination', name: string | undefined): string | undefined | { error: string } => {
    if (name === undefined) return undefined;
    const found = findHost(hosts, name);
    if (found) return found.model.name;
    if (input.picks === 'ignore') {
      stale.push({ role, name });
      return undefined;
    }
    return { error: `no host named ${name} in the evidence (found: ${nameList(hosts.map((h) => h.model.name))})` };
  };
  const sourceName = pick('source', input.source);
  let destName = input.dest === null ? null : pick('destination', input.dest);
  const pickError = [sourceName, destName].find((p): p is { error: string } => p !== null && typeof p === 'object');
  if (pickError) return { ok: false, problems, error: pickError.error, readings: shown, hosts, warnings: [...warnings, ...distinct.warnings] };
  // Remembered screen state may hold the same host in both pickers for a moment: the later pick gives way.
  if (input.picks === 'ignore' && destName !== undefined && destName === sourceName) destName = undefined;

  const on = (side: Side) => hosts.filter((h) => h.sides.includes(side)).map((h) => h.model);
  const paired = pairHosts({
    source: on('source'),
    dest: on('dest'),
    imported: hosts.filter((h) => h.sides.length === 0).map((h) => h.model),
    ...(typeof sourceName === 'string' ? { sourceName } : {}),
    ...(typeof destName === 'string' || destName === null ? { destName } : {}),
  });
  if (!paired.ok) return { ok: false, problems, error: paired.error, readings: shown, hosts, warnings: [...warnings, ...distinct.warnings] };
  const { source, dest } = paired;
  const notes = [
    ...distinct.warnings.map((w) => w.message),
    ...stale.map(({ role, name }) => {
      const instead = role === 'source' ? `${source.name} is analysed as the source instead` : dest ? `${dest.name} is analysed as the destination instead` : 'the destination is assumed to be a peer like the source';
      return `${name}, chosen as the ${role}, is no longer in the evidence: ${instead}.`;
    }),
    ...paired.notes,
  ];

  // The analysed modelled hosts bring their readers' warnings and their logs' past migrations.
  const pair = dest ? [source, dest] : [source];
  const analysedModelled = hosts.flatMap((h) => (pair.includes(h.model) && 'modelled' in h.from ? [modelled[h.from.modelled]!] : []));
  const all = [...warnings, ...analysedModelled.flatMap((m) => m.warnings)];
  const noteFile = firstFile('source') ?? distinct.hosts.find((h) => h.host.model === source)?.file ?? 'evidence';
  const observed = analysedModelled.flatMap((m) => m.observed);
  const base = {
    source,
    ...(dest ? { dest } : {}),
    // The repeated-host notes name the file of the copy analysed; the pairing notes, the source's first file.
    warnings: [...all, ...distinct.warnings, ...notes.slice(distinct.warnings.length).map((message) => ({ file: noteFile, line: 1, message }))],
    ...(observed.length > 0 ? { observed } : {}),
  };
  const analysis = analyze({ ...base, ...(input.migration !== undefined ? { migration: input.migration } : {}), ...(input.answers ? { answers: input.answers } : {}) });
  let factsAnalysis: AnalysisResult | undefined;
  if (input.factsMigration !== undefined) {
    const { migration: answeredKind, ...rest } = input.answers ?? {};
    factsAnalysis = input.factsMigration === analysis.migration && answeredKind === undefined ? analysis : analyze({ ...base, migration: input.factsMigration, answers: rest });
  }
  return { ok: true, problems, readings: shown, hosts, source, ...(dest ? { dest } : {}), notes, warnings: all, analysis, ...(factsAnalysis ? { factsAnalysis } : {}) };
}
