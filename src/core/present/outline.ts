/**
 * The result's outline below the first screen: the parts that fold (how to fix it, to be sure, the picture, the
 * paths, the findings, past migrations), each with the line that says what is inside and how many, and whether it
 * starts open. The app folds them; a report lays them out in the same order. Counts and words are decided here,
 * not in a component.
 */
import type { AnalysisResult } from '../analyze.ts';
import { FINDINGS } from '../findings/catalog.ts';
import type { Severity } from '../result.ts';
import { isOnWrongVmknic } from './flow.ts';
import { toBeSure } from './settle.ts';
import { SEVERITY_WORD } from './words.ts';

export type OutlineId = 'settle-h' | 'fix-h' | 'picture-h' | 'paths-h' | 'findings-h' | 'past-h';

export interface OutlinePart {
  /** The heading's id, for in-page links. */
  readonly id: OutlineId;
  readonly title: string;
  /** What the part holds, with counts, in one line. */
  readonly what: string;
  /** Open on the screen from the start (the rest opens on click). */
  readonly open: boolean;
}

const SEVERITIES: readonly Severity[] = ['blocker', 'high', 'medium', 'low', 'info'];

/** `1 fix`, `3 fixes`: the count and its noun. */
export function counted(n: number, one: string, many: string = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A finding's title from the catalog (an id the catalog does not know stays as it is). */
export function findingTitle(id: string): string {
  return (FINDINGS as Readonly<Record<string, { readonly title: string } | undefined>>)[id]?.title ?? id;
}

/** The findings a fix answers, by their titles. */
export function findingTitles(ids: readonly string[]): string {
  return ids.map(findingTitle).join('; ');
}

function settlePart(a: AnalysisResult): OutlinePart {
  const hosts = toBeSure(a);
  const commands = hosts.reduce((n, h) => n + h.commands.length, 0);
  const watch = hosts.some((h) => h.steps.length > 0);
  const where = hosts.map((h) => h.host).join(', ');
  const what =
    hosts.length === 0
      ? 'Nothing is missing: every answer rests on pasted evidence or a documented default.'
      : `${counted(commands, 'command')} to run on ${where}${watch ? ', or a test vMotion to watch' : ''}: ${
          a.verdict.uncertain ? 'they settle the uncertain answer' : 'they would confirm what is now taken from defaults'
        }.`;
  return { id: 'settle-h', title: 'To be sure', what, open: a.verdict.uncertain === true };
}

/** The fixes' fold, on the result and on the wizard's diagnosis: how many, their titles, what each holds. */
export function fixesPart(remediation: readonly { readonly title: string }[]): OutlinePart {
  const n = remediation.length;
  const what =
    n === 0
      ? 'Nothing to change.'
      : `${counted(n, 'fix', 'fixes')}, the most suitable first: ${remediation.map((r) => r.title).join('; ')}. Each with its steps, PowerCLI, verify, roll back and risk.`;
  return { id: 'fix-h', title: 'How to fix it', what, open: false };
}

function pathsPart(a: AnalysisResult): OutlinePart {
  const classes = new Set(a.flows.map((f) => f.traffic)).size;
  const wrong = a.flows.filter(isOnWrongVmknic).length;
  const uncertain = a.flows.filter((f) => f.certainty === 'uncertain').length;
  const notes = [wrong > 0 ? `${wrong} not on the intended vmknic` : '', uncertain > 0 ? `${uncertain} uncertain` : ''].filter((s) => s !== '');
  const what = `${counted(a.flows.length, 'path')} of ${counted(classes, 'traffic class', 'traffic classes')}${notes.length > 0 ? `, ${notes.join(', ')}` : ''}; each with why it takes that vmknic.`;
  return { id: 'paths-h', title: 'Paths per traffic class', what, open: false };
}

/** The findings' fold, on the result and on the wizard's diagnosis: how many of each severity. */
export function findingsPart(findings: readonly { readonly severity: Severity }[]): OutlinePart {
  const bySeverity = SEVERITIES.map((s) => [s, findings.filter((f) => f.severity === s).length] as const).filter(([, n]) => n > 0);
  const what =
    findings.length === 0
      ? 'No problem found in the evidence.'
      : `${bySeverity.map(([s, n]) => `${n} ${SEVERITY_WORD[s]}`).join(', ')}; each with its evidence lines.`;
  return { id: 'findings-h', title: `Findings (${findings.length})`, what, open: false };
}

function pastPart(a: AnalysisResult): OutlinePart | undefined {
  const seen = a.observed ?? [];
  if (seen.length === 0) return undefined;
  const vmotion = seen.filter((o) => o.traffic === 'vmotion').length;
  const failed = seen.filter((o) => o.outcome === 'failed').length;
  const kinds = [vmotion > 0 ? counted(vmotion, 'vMotion') : '', seen.length - vmotion > 0 ? counted(seen.length - vmotion, 'NFC connection') : ''].filter((s) => s !== '');
  const what = `${kinds.join(' and ')}${failed > 0 ? ` (${failed} failed)` : ''}, with the addresses they used and their log lines.`;
  return { id: 'past-h', title: `Past migrations seen in the logs (${seen.length})`, what, open: false };
}

/** The folded parts of a result, in page order. */
export function resultOutline(a: AnalysisResult): OutlinePart[] {
  const picture: OutlinePart = {
    id: 'picture-h',
    title: 'Path picture',
    what: 'Each host and vmknic, one arrow per traffic class from the vmknic it leaves by to the one it enters by.',
    open: false,
  };
  return [settlePart(a), fixesPart(a.remediation), picture, pathsPart(a), findingsPart(a.findings), pastPart(a)].filter((p): p is OutlinePart => p !== undefined);
}
