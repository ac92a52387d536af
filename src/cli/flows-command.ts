/**
 * `path-doctor flows` and `path-doctor walk`: the wizard's decision trees without a UI.
 *
 *   path-doctor flows [--format json|text]
 *   path-doctor walk FLOW [--answer KEY=VALUE ...] [--source FILE...] [--dest FILE...] [--source-host NAME]
 *                    [--dest-host NAME] [--format json|text]
 *
 * `walk` reads and pairs the evidence as `analyze` and the app do (src/pipeline/evidence-set.ts), reads the flows'
 * facts from it (as a `snapshots` migration, flows/facts.ts), answers from it what it can,
 * takes `--answer`s for the rest, and prints the outcome or the first question left open.
 * Exit codes: 0 outcome without a blocker/high finding (or an escalation), 1 diagnosis with a blocker/high finding,
 * 2 bad input or usage, 3 a question is unanswered (so a support script can ask it and call again).
 */
import type { AnalysisResult } from '../core/analyze.ts';
import { FINDINGS, type FindingId } from '../core/findings/catalog.ts';
import { REMEDIATIONS, type RemediationId } from '../core/remediation/catalog.ts';
import { evidenceSet } from '../pipeline/evidence-set.ts';
import { collectorCommand } from '../parsers/collector.ts';
import { EVIDENCE_MIGRATION, factsFromAnalysis, wizardAnswers, type EvidenceFacts } from '../../flows/facts.ts';
import { flowStats } from '../../flows/graph.ts';
import { FLOWS, flowById, type FlowDefinition } from '../../flows/index.ts';
import type { Answers } from '../../flows/path-doctor.machine.ts';
import { answerValues, isQuestionKey, QUESTION_KEYS, type QuestionKey } from '../../flows/texts/questions.ts';
import { walkFlow, type WalkResult } from '../../flows/walk.ts';
import { choice, many, one, type ParsedArgs, UsageError } from './args.ts';
import { EvidenceFileError, readEvidenceFiles } from './evidence-files.ts';
import type { Io } from './main.ts';

export const EXIT_PENDING = 3;

/** A bad input: one clear sentence on standard error, exit code 2. */
class WalkInputError extends Error {}

function allowOnly(args: ParsedArgs, command: string, options: readonly string[]): void {
  for (const name of args.options.keys()) if (!options.includes(name)) throw new UsageError(`${command} does not take --${name}`);
  for (const name of args.flags) if (name !== 'help') throw new UsageError(`${command} does not take --${name}`);
}

// ---------------------------------------------------------------------------------------------------------------
// flows
// ---------------------------------------------------------------------------------------------------------------

export async function runFlows(args: ParsedArgs, io: Io): Promise<number> {
  allowOnly(args, 'flows', ['format']);
  if (args.positionals.length > 0) throw new UsageError(`flows takes no argument (got "${args.positionals[0]}")`);
  const format = choice(args, 'format', ['text', 'json'] as const, 'text');
  const flows = FLOWS.map((f) => {
    const stats = flowStats(f);
    return { id: f.id, title: f.title, symptom: f.symptom, states: stats.states, paths: stats.paths };
  });
  if (format === 'json') {
    io.stdout(JSON.stringify({ flows }, null, 2) + '\n');
    return 0;
  }
  const width = Math.max(...flows.map((f) => f.id.length));
  const lines = flows.map((f) => `${f.id.padEnd(width)}  ${String(f.states).padStart(3)} states  ${String(f.paths).padStart(4)} paths  ${f.title}\n${' '.repeat(width + 2)}symptom: ${f.symptom}`);
  io.stdout(`${lines.join('\n')}\n\nRun one with: path-doctor walk FLOW [--answer KEY=VALUE ...] [--source FILE...] [--dest FILE...]\n`);
  return 0;
}

// ---------------------------------------------------------------------------------------------------------------
// walk
// ---------------------------------------------------------------------------------------------------------------

function parseAnswers(raw: readonly string[], flow: FlowDefinition): Answers {
  const answers: Partial<Record<QuestionKey, string>> = {};
  for (const item of raw) {
    const eq = item.indexOf('=');
    if (eq <= 0) throw new WalkInputError(`--answer ${item}: write it as KEY=VALUE, e.g. --answer sameSubnet=yes`);
    const key = item.slice(0, eq).trim();
    const value = item.slice(eq + 1).trim();
    if (!isQuestionKey(key)) throw new WalkInputError(`--answer ${item}: "${key}" is not a question of the wizard (questions: ${QUESTION_KEYS.join(', ')})`);
    const allowed = answerValues(key);
    if (!allowed.includes(value)) throw new WalkInputError(`--answer ${item}: ${key} takes one of ${allowed.join(', ')}`);
    if (answers[key] !== undefined && answers[key] !== value) throw new WalkInputError(`--answer ${key} is given twice with different values (${answers[key]}, ${value})`);
    const preset = flow.answers[key];
    if (preset !== undefined && preset !== value) {
      throw new WalkInputError(`--answer ${item}: the flow ${flow.id} starts from ${key}=${preset}; use the flow "start" to choose another ${key}`);
    }
    answers[key] = value;
  }
  return answers;
}

/** The evidence as the wizard's facts: read, paired and analysed by the pipeline `analyze` and the app use. */
async function evidenceOf(args: ParsedArgs, io: Io, answers: Readonly<Record<string, string>>): Promise<Evidence | undefined> {
  const sourceFiles = many(args, 'source');
  const destFiles = many(args, 'dest');
  if (sourceFiles.length === 0) {
    if (destFiles.length > 0) throw new UsageError('--dest needs --source as well');
    return undefined;
  }
  if ([...sourceFiles, ...destFiles].filter((f) => f === '-').length > 1) throw new UsageError('standard input (-) can be read only once');
  let files;
  try {
    files = await readEvidenceFiles({ source: sourceFiles, dest: destFiles }, io);
  } catch (e) {
    if (e instanceof EvidenceFileError) throw new WalkInputError(e.message);
    throw e;
  }
  const sourceName = one(args, 'source-host');
  const destName = one(args, 'dest-host');
  // The flows read facts of every traffic class (the kind in which all of them flow); what is shown and reported is
  // the analysis of the kind the engineer answered (live when not answered), with every answer as evidence.
  const set = evidenceSet({
    ...files,
    picks: 'refuse',
    ...(sourceName !== undefined ? { source: sourceName } : {}),
    ...(destName !== undefined ? { dest: destName } : {}),
    answers: wizardAnswers(answers),
    factsMigration: EVIDENCE_MIGRATION,
  });
  if (set.problems.length > 0) throw new WalkInputError(set.problems[0]!.message);
  if (!set.ok) throw new WalkInputError(set.error);
  return { facts: factsFromAnalysis(set.factsAnalysis ?? set.analysis), result: set.analysis, notes: set.notes };
}

/** Like `analyze`: 1 when the diagnosis names a blocker or high finding (at the severity the analysis gave it). */
function exitCodeOf(walk: WalkResult, result: AnalysisResult | undefined): number {
  if (walk.status !== 'outcome' || walk.outcome.kind !== 'diagnosis') return 0;
  const serious = walk.outcome.findings.some((id) => {
    const raised = result?.findings.filter((f) => f.id === id) ?? [];
    const severities = raised.length > 0 ? raised.map((f) => f.severity) : [FINDINGS[id as FindingId]?.defaultSeverity];
    return severities.some((s) => s === 'blocker' || s === 'high');
  });
  return serious ? 1 : 0;
}

function remediationTitle(id: string): string {
  return REMEDIATIONS[id as RemediationId]?.title ?? id;
}

type Evidence = { readonly facts: EvidenceFacts; readonly result: AnalysisResult; readonly notes: readonly string[] };

function walkJson(flow: FlowDefinition, walk: WalkResult, evidence: Evidence | undefined): unknown {
  const common = {
    flow: flow.id,
    visited: walk.visited,
    answeredByEvidence: walk.answeredByEvidence,
    contradictions: walk.contradictions,
    ...(evidence
      ? {
          evidence: {
            hosts: evidence.facts.hosts,
            findings: evidence.facts.findings,
            // The analysis a report of this walk would show: the answered migration kind and every answer as evidence.
            migration: evidence.result.migration,
            migrationFrom: evidence.result.migrationFrom,
            verdict: evidence.result.verdict,
            ...(evidence.result.answers ? { answers: evidence.result.answers } : {}),
            ...(evidence.notes.length > 0 ? { notes: evidence.notes } : {}),
          },
        }
      : {}),
  };
  if (walk.status === 'outcome') return { outcome: walk.outcome, ...common };
  if (walk.status === 'pending') {
    const { state, key, question, help, answers } = walk.pending;
    return { pending: { state, key, question, answers, help, ...(key === 'evidence' ? { collector: collectorCommand() } : {}) }, ...common };
  }
  return common;
}

function walkText(flow: FlowDefinition, walk: WalkResult, evidence: Evidence | undefined): string {
  const out: string[] = [`Flow ${flow.id}: ${flow.title}`];
  if (evidence) {
    out.push(`Evidence: ${evidence.facts.hosts.join(' → ')}; the analysis raised ${evidence.facts.findings.join(', ') || 'no finding'}.`);
    out.push(...evidence.notes.map((n) => `Note: ${n}`));
    out.push(`Verdict: ${evidence.result.verdict.overview}`, ...(evidence.result.verdict.lines ?? []).map((l) => `  ${l}`));
    for (const a of evidence.result.answers ?? []) out.push(`  ${a.text}`);
  }
  out.push(`Visited: ${walk.visited.join(' → ')}`);
  if (walk.answeredByEvidence.length > 0) {
    const answered = walk.answeredByEvidence.map((state) => {
      const key = walk.visitedQuestions[state];
      const value = key !== undefined ? evidence?.facts.answers[key] : undefined;
      return value !== undefined ? `${state} (${key}=${value})` : state;
    });
    out.push(`Answered by the evidence: ${answered.join(', ')}`);
  }
  for (const c of walk.contradictions) {
    out.push(`Note: the evidence contradicts your answer ${c.question}=${c.answered}: it shows ${c.question}=${c.evidence}, and the wizard follows the evidence.`);
  }
  out.push('');
  if (walk.status === 'outcome') {
    const o = walk.outcome;
    out.push(`${o.kind === 'diagnosis' ? 'DIAGNOSIS' : 'ESCALATION'}: ${o.title}`, o.summary);
    if (o.findings.length > 0) out.push(`Findings: ${o.findings.join(', ')}`);
    if (o.remediation.length > 0) out.push('Remediation, in order of preference:', ...o.remediation.map((id) => `  ${id.padEnd(3)}  ${remediationTitle(id)}`));
    if (o.collect.length > 0) out.push('Collect:', ...o.collect.map((c) => `  - ${c.label}: ${c.how}`));
  } else if (walk.status === 'pending') {
    const p = walk.pending;
    out.push(`QUESTION (${p.state}): ${p.question}`, `  ${p.help}`, 'Answer with one of:');
    const width = Math.max(...p.answers.map((a) => a.value.length));
    out.push(...p.answers.map((a) => `  --answer ${p.key}=${a.value.padEnd(width)}  ${a.label}`));
    if (p.key === 'evidence') {
      out.push('', 'Or run this on each host and pass its output with --source FILE (and --dest FILE):', `  ${collectorCommand()}`);
    }
  }
  return out.join('\n') + '\n';
}

export async function runWalk(args: ParsedArgs, io: Io): Promise<number> {
  allowOnly(args, 'walk', ['answer', 'source', 'dest', 'source-host', 'dest-host', 'format']);
  const format = choice(args, 'format', ['text', 'json'] as const, 'text');
  const [flowId, extra] = args.positionals;
  if (flowId === undefined) throw new UsageError(`walk needs a FLOW: one of ${FLOWS.map((f) => f.id).join(', ')}`);
  if (extra !== undefined) throw new UsageError(`walk takes one FLOW (got "${flowId}" and "${extra}")`);
  try {
    const flow = flowById(flowId);
    if (!flow) throw new WalkInputError(`unknown flow "${flowId}": choose one of ${FLOWS.map((f) => f.id).join(', ')}`);
    const answers = parseAnswers(many(args, 'answer'), flow);
    const evidence = await evidenceOf(args, io, { ...flow.answers, ...answers });
    const walk = walkFlow(flow, { answers, ...(evidence ? { facts: evidence.facts } : {}) });
    if (walk.status === 'stuck') throw new Error(`the flow stopped in ${walk.state}, which is neither a question nor an outcome`);
    io.stdout(format === 'json' ? JSON.stringify(walkJson(flow, walk, evidence), null, 2) + '\n' : walkText(flow, walk, evidence));
    return walk.status === 'pending' ? EXIT_PENDING : exitCodeOf(walk, evidence?.result);
  } catch (e) {
    if (e instanceof WalkInputError) {
      io.stderr(`path-doctor: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}
