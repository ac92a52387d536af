/**
 * The engineer's answers in the wizard as evidence of their own kind. They rank below command output: an answer
 * settles what the pasted output leaves open, corroborates what it shows, and never overrides it — a disagreement is
 * kept and shown as a contradiction. Every use leaves a trace line that starts "Answered in the wizard".
 */
import type { EvidenceRef } from '../model/evidence.ts';
import { weakest } from '../model/evidence.ts';
import type { HostModel } from '../model/host.ts';
import type { MigrationKind } from '../result.ts';
import type { Flow, Trigger } from './flow.ts';
import type { HostView } from './host-view.ts';
import { step } from './trace.ts';

/** What the engineer answered, in the core's terms (the wizard's question keys map onto these). */
export interface WizardAnswers {
  /** What a test vMotion showed on the source host (esxtop network view, or the connection list on port 8000). */
  readonly measuredEgress?: 'management' | 'vmotion-vmknic' | 'both';
  /** "The engineer says Migrate.BindToVmknic on the source is N." */
  readonly bindToVmknic?: 0 | 1 | 2 | 3;
  /** The migration kind the engineer named. */
  readonly migration?: MigrationKind;
}

/** How an answer was used, for the result, the reports and the case file. */
export interface AnswerResult {
  readonly question: 'measuredEgress' | 'bindToVmknic' | 'migrationKind';
  readonly host?: string;
  /** The answer in words. */
  readonly answer: string;
  /** decides: it settled an open question; agrees: it matches the evidence; contradicts: the evidence says otherwise (and is used). */
  readonly use: 'decides' | 'agrees' | 'contradicts';
  /** One sentence a reader understands without the wizard. */
  readonly text: string;
}

export const ANSWER_FILE = 'answered in the wizard';

function answerRef(text: string): EvidenceRef {
  return { file: ANSWER_FILE, line: 1, text };
}

const BIND = '/Migrate/BindToVmknic';

/**
 * The source model with the answered BindToVmknic value where no output showed one. A pasted value always wins; an
 * answer that disagrees with it is reported, not used.
 */
export function withAnsweredBinding(host: HostModel, answers: WizardAnswers | undefined): { host: HostModel; used?: AnswerResult } {
  const n = answers?.bindToVmknic;
  if (n === undefined) return { host };
  const pasted = host.advanced[BIND];
  const answer = `Migrate.BindToVmknic is ${n}`;
  if (pasted) {
    const same = Number(pasted.value) === n;
    return {
      host,
      used: {
        question: 'bindToVmknic',
        host: host.name,
        answer,
        use: same ? 'agrees' : 'contradicts',
        text: same
          ? `Answered in the wizard: ${answer} on ${host.name}, as the pasted output shows.`
          : `Answered in the wizard: ${answer} on ${host.name}, but the pasted output shows ${pasted.value} (${pasted.evidence.file}:${pasted.evidence.line}); the pasted value is used.`,
      },
    };
  }
  return {
    host: { ...host, advanced: { ...host.advanced, [BIND]: { value: n, evidence: answerRef(`Migrate.BindToVmknic = ${n} (the engineer's answer)`) } } },
    used: { question: 'bindToVmknic', host: host.name, answer, use: 'decides', text: `Answered in the wizard: ${answer} on ${host.name} (no output showed the value; the answer is used, marked likely).` },
  };
}

const MEASURED_WORDS: Readonly<Record<NonNullable<WizardAnswers['measuredEgress']>, string>> = {
  management: 'the management vmknic',
  'vmotion-vmknic': 'the vMotion vmknic',
  both: 'both the management and the vMotion vmknic, one after the other',
};

/**
 * Applies a test vMotion's measurement to the source's vMotion egress: it decides an uncertain flow (likely: one
 * migration shows one moment), and is compared with a computed one. Returns the flows and triggers to use.
 */
export function applyMeasuredEgress(
  source: HostView,
  flows: readonly Flow[],
  triggers: readonly Trigger[],
  answers: WizardAnswers | undefined,
): { flows: Flow[]; triggers: Trigger[]; used?: AnswerResult } {
  const measured = answers?.measuredEgress;
  const i = flows.findIndex((f) => f.traffic === 'vmotion' && f.role === 'source' && f.direction === 'egress');
  if (measured === undefined || i < 0) return { flows: [...flows], triggers: [...triggers] };
  const f = flows[i]!;
  const mgmt = source.management?.nic.nic.name;
  const vmotion = source.vmotion.nics.map((v) => v.nic.name).filter((n) => n !== mgmt);
  const name = source.host.name;
  const seen = measured === 'management' ? (mgmt ? [mgmt] : []) : measured === 'vmotion-vmknic' ? vmotion : [...(mgmt ? [mgmt] : []), ...vmotion];
  const words = `a test vMotion showed the traffic on ${MEASURED_WORDS[measured]}${seen.length > 0 ? ` (${seen.join(', ')})` : ''}`;
  const ref = answerRef(`During a test vMotion, ${name} sent by ${MEASURED_WORDS[measured]}`);
  const out = [...flows];

  if (f.vmknics.length === 0 && f.certainty === 'uncertain') {
    if (seen.length === 0) return { flows: out, triggers: [...triggers] };
    out[i] = {
      ...f,
      vmknics: seen,
      certainty: 'probable',
      steps: [...f.steps, step(`Answered in the wizard: ${words}. The configuration alone cannot tell, so this measurement decides (likely: one migration shows one moment).`, { evidence: [ref] })],
      settle: [],
    };
    const rest = triggers.filter((t) => !(t.id === 'EGRESS_UNCERTAIN' && t.hosts.includes(name)));
    const wrong = seen.filter((n) => !f.intended.includes(n));
    if (wrong.length > 0) {
      rest.push({
        id: 'VMOTION_EGRESS_MISMATCH',
        hosts: [name],
        vmknics: [...wrong, ...f.intended],
        certainty: 'probable',
        detail: `During a test vMotion answered in the wizard, vMotion traffic from ${name} left by ${wrong.join(', ')}${wrong.includes(mgmt ?? '') ? ' (management)' : ''} instead of the vMotion vmknic ${f.intended.join(', ')}: the socket is not bound and the routing table picks ${wrong.join(', ')}.`,
        evidence: [ref],
      });
    }
    return { flows: out, triggers: rest, used: { question: 'measuredEgress', host: name, answer: words, use: 'decides', text: `Answered in the wizard: ${words} on ${name}; it decides the vMotion egress the configuration left open.` } };
  }

  const agrees = seen.length > 0 && f.vmknics.every((n) => seen.includes(n)) && seen.every((n) => f.vmknics.includes(n));
  const text = agrees
    ? `Answered in the wizard: ${words}, as the configuration says.`
    : `Answered in the wizard: ${words}, but the configuration says ${f.vmknics.join(', ') || 'no vmknic'}; the configuration is used. Check the measurement (the right host, during the migration) and the pasted output (current, complete).`;
  out[i] = { ...f, certainty: agrees ? f.certainty : weakest(f.certainty, 'probable'), steps: [...f.steps, step(text, { evidence: [ref] })] };
  return { flows: out, triggers: [...triggers], used: { question: 'measuredEgress', host: name, answer: words, use: agrees ? 'agrees' : 'contradicts', text } };
}
