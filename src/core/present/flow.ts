/**
 * The one place that decides how a computed flow reads: whether it uses a vmknic it was not meant to ("on the wrong
 * vmknic"), which vmknic(s) it uses in words, and the one-line sentence of the verdict. The text and Markdown
 * renderers, the HTML report, the app's paths table and the verdict all call these; none of them compares
 * `vmknics` with `intended` itself.
 */
import type { FlowResult } from '../result.ts';
import { CERTAINTY_WORD, ROLE_WORD, TRAFFIC_LABEL, TRAFFIC_SHORT } from './words.ts';

/** The vmknics a flow uses that are not the ones it should use by design (empty when it is on the intended ones). */
export function offIntended(f: Pick<FlowResult, 'vmknics' | 'intended'>): string[] {
  if (f.vmknics.length === 0 || f.intended.length === 0) return [];
  return f.vmknics.filter((n) => !f.intended.includes(n));
}

/** True when the flow leaves or enters by a vmknic that is not its intended one. */
export function isOnWrongVmknic(f: Pick<FlowResult, 'vmknics' | 'intended'>): boolean {
  return offIntended(f).length > 0;
}

/**
 * The path picture's rule for drawing a stream's intended path beside the actual one: the stream leaves or enters by
 * a vmknic that is not its intended one (the same decision as every table and sentence; an uncertain flow, which
 * uses no identified vmknic yet, is not on a wrong one).
 */
export function streamOffIntended(
  egress: Pick<FlowResult, 'vmknics' | 'intended'>,
  ingress?: Pick<FlowResult, 'vmknics' | 'intended'>,
): boolean {
  return isOnWrongVmknic(egress) || (ingress !== undefined && isOnWrongVmknic(ingress));
}

/**
 * The destination's replies (its vMotion egress) leave by a vmknic other than the one receiving the stream, so the
 * receiving vmknic's MAC is never a source on the wire (domain.md §1.7 E3). With no receiving vmknic identified,
 * every reply vmknic counts as another one.
 */
export function repliesLeaveByAnotherVmknic(reply: Pick<FlowResult, 'vmknics'>, ingress: Pick<FlowResult, 'vmknics'> | undefined): boolean {
  const receiving = ingress?.vmknics ?? [];
  return reply.vmknics.some((n) => !receiving.includes(n));
}

/** Which vmknic(s) a flow uses, in words: a list, the candidates of an uncertain answer, or none. */
export function whereOf(f: FlowResult): string {
  if (f.vmknics.length > 0) return f.vmknics.join(', ');
  if (f.candidates && f.candidates.length > 0) return `${f.candidates.join(' or ')} (uncertain)`;
  // No vmknic and uncertain means the evidence does not show it, not that there is no path.
  return f.certainty === 'uncertain' ? 'not identified' : 'none';
}

/** The destination's vMotion egress carries the replies (acknowledgements) of the stream. */
export function isReplyFlow(f: Pick<FlowResult, 'traffic' | 'role' | 'direction'>): boolean {
  return f.traffic === 'vmotion' && f.role === 'destination' && f.direction === 'egress';
}

/** A flow in one line: `esx11 (source) vMotion (memory and state, TCP 8000) leaves by vmk0 [likely]`. */
export function flowHeading(f: FlowResult): string {
  const reply = isReplyFlow(f);
  const replies = reply ? ' replies' : '';
  const verb = f.direction === 'egress' ? (reply ? 'leave' : 'leaves') : 'enters';
  return `${f.host} (${ROLE_WORD[f.role]}) ${TRAFFIC_LABEL[f.traffic]}${replies} ${verb} by ${whereOf(f)} [${CERTAINTY_WORD[f.certainty]}]`;
}

/**
 * The verdict's line for one flow, readable in a glance: `vMotion leaves esx01 by vmk0 instead of vmk1 — likely`,
 * `vMotion leaves esx01 by vmk0 or vmk1 — uncertain`.
 */
export function flowSentence(f: FlowResult): string {
  const reply = isReplyFlow(f);
  const verb = f.direction === 'egress' ? (reply ? 'leave' : 'leaves') : 'enters';
  const what = reply ? 'vMotion replies' : TRAFFIC_SHORT[f.traffic];
  const wrong = offIntended(f);
  let where: string;
  if (f.vmknics.length > 0) {
    // vMotion on its intended vmknic says so, as the verdict's summary always did (NFC has no vmknic of its own to
    // be intended: cold data on vmk0 is a finding, not an intention).
    const intended = f.traffic === 'vmotion' && f.intended.length > 0 ? ' as intended' : '';
    where = `by ${f.vmknics.join(', ')}${wrong.length > 0 ? ` instead of ${f.intended.join(', ')}` : intended}`;
  } else if (f.candidates && f.candidates.length > 0) {
    where = `by ${f.candidates.join(' or ')}`;
  } else {
    return f.certainty === 'uncertain'
      ? `${what} of ${f.host}: no vmknic could be identified — uncertain`
      : `${what} has no path ${f.direction === 'egress' ? 'out of' : 'into'} ${f.host}`;
  }
  return `${what} ${verb} ${f.host} ${where} — ${CERTAINTY_WORD[f.certainty]}`;
}

/**
 * The flows a reader needs first: the source's vMotion and NFC egress (what leaves the host), plus any other flow
 * that is on the wrong vmknic. Management paths and flows on their intended vmknic stay in the detail below.
 */
export function flowsThatMatter(flows: readonly FlowResult[]): FlowResult[] {
  return flows.filter(
    (f) => f.traffic !== 'management' && ((f.role === 'source' && f.direction === 'egress') || isOnWrongVmknic(f) || f.certainty === 'uncertain'),
  );
}

/** A fix named for a reader: its number with its title (`R4 — Bind vMotion …`), never the number alone. */
export function fixName(id: string, titles: Readonly<Record<string, { readonly title: string }>>): string {
  const t = titles[id]?.title;
  return t ? `${id} — ${t}` : id;
}
