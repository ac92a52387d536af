/**
 * The core's public question: given a source host (and optionally a destination) and a migration kind, which
 * vmknic does each traffic class leave and enter by, what is wrong, and how is it fixed?
 */
import { analyseManagementPath } from './analysis/management-path.ts';
import { analyseNfcPath } from './analysis/nfc-path.ts';
import { analyseVmotionPath } from './analysis/vmotion-path.ts';
import type { Flow, Pair, Trigger } from './analysis/flow.ts';
import {
  bindToVmknicSet,
  mtuBetweenHosts,
  mtuFromPings,
  mtuWithinHost,
  multipleProvisioningVmknics,
  noVmotionVmknic,
  sameSubnetVmknics,
  unencryptedOnSharedNetwork,
  vmknicDisabled,
  vmotionOnManagementNetwork,
  vmotionTagShadowed,
} from './analysis/host-checks.ts';
import type { HostView } from './analysis/host-view.ts';
import { buildHostView } from './analysis/host-view.ts';
import { effectiveBinding } from './analysis/binding.ts';
import { severityRank, toFindings } from './analysis/findings.ts';
import { planRemediation } from './analysis/remediation-plan.ts';
import { formatStep } from './analysis/trace.ts';
import { offIntended } from './present/flow.ts';
import type { ParseWarning } from './model/evidence.ts';
import type { HostModel } from './model/host.ts';
import type { FindingResult, FlowResult, MigrationKind, RemediationResult, Severity } from './result.ts';
import { hostToJson, type HostJson } from './host-json.ts';
import type { ObservedMigration, ObservedResult } from './observed.ts';
import { observedEvidence } from './observed.ts';
import { applyMeasuredEgress, withAnsweredBinding, type AnswerResult, type WizardAnswers } from './analysis/answers.ts';
import { MIGRATION_SHORT } from './present/words.ts';
import { counted } from './present/outline.ts';
import { flowSentence, flowsThatMatter } from './present/flow.ts';

export type { AnswerResult, WizardAnswers } from './analysis/answers.ts';

export interface AnalyzeInput {
  readonly source: HostModel;
  readonly dest?: HostModel;
  readonly migration?: MigrationKind;
  readonly warnings?: readonly ParseWarning[];
  /** The engineer's answers in the wizard: evidence ranked below command output (analysis/answers.ts). */
  readonly answers?: WizardAnswers;
  /** Past migrations read from the hosts' logs (support bundles): weighed with the configuration. */
  readonly observed?: readonly ObservedMigration[];
}

export interface Verdict {
  /** One sentence a support engineer reads first. */
  readonly summary: string;
  /** The worst finding's severity, or `none`. */
  readonly severity: Severity | 'none';
  /** True when some answer depends on a fact that was not pasted. */
  readonly uncertain: boolean;
  /** The verdict for a ten-second read: one line per traffic class that matters (`vMotion leaves esx01 by vmk0 — likely`). */
  readonly lines?: readonly string[];
  /**
   * What a reader needs beside the lines: the summary without the paths the lines already state (`For a live
   * vMotion: 7 findings, worst: high (…).`, then past migrations and answers that disagree). Screens and reports that
   * show the lines show this instead of `summary`, which repeated them in other words; without lines it is the summary.
   */
  readonly overview: string;
  /**
   * The sentence about problems the logs show with past migrations, when there are any (also part of the summary
   * and the overview): for a screen that shows the worst finding and the migration kind apart, as the result screen does.
   */
  readonly pastMigrations?: string;
}

export interface AnalysisResult {
  readonly migration: MigrationKind;
  /** Where the migration kind comes from: the engineer's answer in the wizard, a choice, or the default (live). */
  readonly migrationFrom?: 'answered' | 'chosen' | 'default';
  /** How each wizard answer was used: it decided an open question, agreed with the evidence or contradicted it. */
  readonly answers?: readonly AnswerResult[];
  readonly verdict: Verdict;
  readonly hosts: readonly HostJson[];
  readonly warnings: readonly ParseWarning[];
  readonly flows: readonly FlowResult[];
  readonly findings: readonly FindingResult[];
  readonly remediation: readonly RemediationResult[];
  /** Commands whose output would complete the picture (what was not pasted but matters). */
  readonly missing: readonly string[];
  /** Past migrations read from host logs (support bundles), with their addresses mapped to vmknics: observed.ts. */
  readonly observed?: readonly ObservedResult[];
}

function hostChecks(view: HostView): Trigger[] {
  return [
    ...noVmotionVmknic(view),
    ...sameSubnetVmknics(view),
    ...vmotionOnManagementNetwork(view),
    ...vmotionTagShadowed(view),
    ...multipleProvisioningVmknics(view),
    ...vmknicDisabled(view),
    ...bindToVmknicSet(view),
    ...mtuWithinHost(view),
    ...mtuFromPings(view),
  ];
}

function flowToJson(f: Flow): FlowResult {
  return {
    host: f.host,
    role: f.role,
    traffic: f.traffic,
    direction: f.direction,
    vmknics: [...f.vmknics],
    ...(f.candidates && f.candidates.length > 0 ? { candidates: [...f.candidates] } : {}),
    certainty: f.certainty,
    intended: [...f.intended],
    trace: f.steps.map(formatStep),
    ...(f.settle.length > 0 ? { settle: [...new Set(f.settle)] } : {}),
  };
}

/** What was not pasted but would change or firm up the answer (§1.7 I: the weakest link must be visible). */
function missingCommands(views: readonly HostView[], flows: readonly FlowResult[]): string[] {
  const out = new Set<string>();
  for (const v of views) {
    const seen = new Set(v.host.commandsSeen);
    const who = views.length > 1 ? ` (on ${v.host.name})` : '';
    if (!seen.has('esxcfg-vmknic') && !seen.has('interface-list') && !seen.has('esx-conf')) out.add(`esxcfg-vmknic -l${who}`);
    if (!seen.has('vmware-version') && !seen.has('system-version')) out.add(`vmware -vl${who}`);
    if (!v.host.advanced['/Migrate/BindToVmknic'] && !v.host.advancedAtDefault?.['/Migrate/BindToVmknic']) out.add(`esxcfg-advcfg -g /Migrate/BindToVmknic${who}`);
    if (!seen.has('esxcfg-route') && !seen.has('route-ipv4-list')) out.add(`esxcfg-route -l${who}`);
    for (const nic of v.enabled) {
      // Only default-stack vmknics need their tags shown: the vmotion and provisioning stacks imply the service,
      // and custom stacks (NSX vxlan, hyperbus) never carry vMotion or NFC (domain.md §1.2).
      if (nic.nic.tags === undefined && nic.netstack === 'defaultTcpipStack') {
        out.add(`esxcli network ip interface tag get -i ${nic.nic.name}${who}`);
      }
    }
  }
  // A flow's settle command already listed per host (`cmd (on host)`) is not repeated bare.
  const listed = [...out].map((m) => m.replace(/ \(on [^)]*\)$/, ''));
  for (const f of flows) for (const s of f.settle ?? []) if (!listed.includes(s)) out.add(s);
  return [...out];
}

function verdictOf(
  flows: readonly FlowResult[],
  findings: readonly FindingResult[],
  source: string,
  extra: { readonly migration: MigrationKind; readonly answers: readonly AnswerResult[]; readonly fromLogs: readonly FindingResult[] },
): Verdict {
  const worst = findings.reduce<Severity | 'none'>((w, f) => (w === 'none' || severityRank(f.severity) < severityRank(w) ? f.severity : w), 'none');
  const uncertain = flows.some((f) => f.certainty === 'uncertain');
  const vm = flows.find((f) => f.traffic === 'vmotion' && f.role === 'source' && f.direction === 'egress');
  const nfc = flows.find((f) => f.traffic === 'nfc' && f.role === 'source' && f.direction === 'egress');
  const parts: string[] = [];
  // A probable answer says so in the sentence itself, so the verdict never states as fact what the trace calls likely.
  const likely = (f: FlowResult) => (f.certainty === 'probable' ? ' — likely' : '');
  if (vm) {
    if (vm.vmknics.length > 0) {
      const wrong = offIntended(vm);
      parts.push(
        wrong.length > 0
          ? `vMotion leaves ${source} by ${vm.vmknics.join(', ')} instead of ${vm.intended.join(', ') || 'a vMotion vmknic'}${likely(vm)}`
          : `vMotion leaves ${source} by ${vm.vmknics.join(', ')} as intended${likely(vm)}`,
      );
    } else if (vm.candidates && vm.candidates.length > 0) {
      parts.push(`vMotion leaves ${source} by ${vm.candidates.join(' or ')}: uncertain until the output that settles it is pasted or a test vMotion is measured`);
    } else {
      parts.push(vm.certainty === 'uncertain' ? `No vMotion vmknic of ${source} could be identified` : `${source} has no vMotion path (none)`);
    }
  }
  if (nfc && nfc.vmknics.length > 0) parts.push(`NFC cold data leaves by ${nfc.vmknics.join(', ')}${likely(nfc)}`);
  const head = parts.length > 0 ? `For ${MIGRATION_SHORT[extra.migration]}: ${parts.join('; ')}.` : `No migration path could be computed for ${source}.`;
  const found = worst === 'none' ? 'No problem found in the evidence.' : `${counted(findings.length, 'finding')}, worst: ${worst} (${findings[0]!.title}).`;
  const tail = ` ${found}`;
  const contradicted = extra.answers.filter((a) => a.use === 'contradicts');
  const against = contradicted.length > 0 ? ` An answer in the wizard disagrees with the evidence: ${contradicted.map((a) => a.text).join(' ')}` : '';
  const ids = [...new Set(extra.fromLogs.map((f) => f.title))];
  const pastMigrations = extra.fromLogs.length > 0 ? `The logs show ${counted(extra.fromLogs.length, 'problem')} with past migrations (${ids.join('; ')}).` : undefined;
  const logs = pastMigrations ? ` ${pastMigrations}` : '';
  const lines = [...new Set(flowsThatMatter(flows).map(flowSentence))];
  const summary = head + tail + logs + against;
  // The lines always include the source's vMotion and NFC egress, the paths the summary's head names.
  const overview = parts.length > 0 && lines.length > 0 ? `For ${MIGRATION_SHORT[extra.migration]}: ${found.charAt(0).toLowerCase()}${found.slice(1)}${logs}${against}` : summary;
  return { summary, severity: worst, uncertain, lines, overview, ...(pastMigrations ? { pastMigrations } : {}) };
}

interface Computed {
  readonly views: readonly HostView[];
  readonly flows: readonly Flow[];
  readonly triggers: readonly Trigger[];
}

/** The paths and finding triggers of one question, before any wording, JSON or remediation planning. */
function compute(source: HostView, dest: HostView | undefined, migration: MigrationKind): Computed {
  const pair: Pair = { source, ...(dest ? { dest } : {}), migration };
  const views = dest ? [source, dest] : [source];

  const vmotion = analyseVmotionPath(pair);
  const nfc = analyseNfcPath(pair);
  const management = [analyseManagementPath(source, 'source'), ...(dest ? [analyseManagementPath(dest, 'destination')] : [])];

  const triggers: Trigger[] = [...views.flatMap(hostChecks), ...vmotion.triggers, ...nfc.triggers];
  if (dest) triggers.push(...mtuBetweenHosts(source, dest));
  triggers.push(...unencryptedOnSharedNetwork(views, triggers));
  return { views, flows: [...vmotion.flows, ...nfc.flows, ...management], triggers };
}

/**
 * The findings `analyze` would return for the same hosts, from host views built once by the caller, without the
 * flows JSON, the verdict or the remediation plan (whose templating is most of `analyze`'s time). The estate scan
 * (src/core/estate) calls this for thousands of hosts and host pairs.
 */
export function analyzeFindings(source: HostView, dest?: HostView, migration: MigrationKind = 'live'): FindingResult[] {
  return toFindings(compute(source, dest, migration).triggers);
}

export function analyze(input: AnalyzeInput): AnalysisResult {
  const answers = input.answers;
  const migration = input.migration ?? answers?.migration ?? 'live';
  const migrationFrom = answers?.migration === migration ? 'answered' : input.migration !== undefined ? 'chosen' : 'default';
  const bound = withAnsweredBinding(input.source, answers);
  const source = buildHostView(bound.host);
  const dest = input.dest ? buildHostView(input.dest) : undefined;
  const computed = compute(source, dest, migration);
  const { views } = computed;
  const measured = applyMeasuredEgress(source, computed.flows, computed.triggers, answers);
  // A value only the engineer gave is weaker than a pasted one: what rests on it is at best likely.
  const answeredFlows = bound.used?.use === 'decides' ? measured.flows.map((f) => (f.host === source.host.name && f.traffic === 'vmotion' && f.certainty === 'definite' ? { ...f, certainty: 'probable' as const } : f)) : measured.flows;
  // Only the analysed hosts' own logs tell about this pair.
  const names = new Set(views.map((v) => v.host.name));
  const logs = observedEvidence(views, (input.observed ?? []).filter((m) => names.has(m.host)));
  const used = [
    ...(answers?.migration !== undefined
      ? [{ question: 'migrationKind' as const, answer: MIGRATION_SHORT[answers.migration], use: answers.migration === migration ? ('decides' as const) : ('contradicts' as const), text: answers.migration === migration ? `Answered in the wizard: the migration is ${MIGRATION_SHORT[migration]}.` : `Answered in the wizard: ${MIGRATION_SHORT[answers.migration]}; analysed as ${MIGRATION_SHORT[migration]}, as chosen afterwards.` }]
      : []),
    ...(bound.used ? [bound.used] : []),
    ...(measured.used ? [measured.used] : []),
  ];

  const flows = answeredFlows.map(flowToJson);
  const findings = toFindings([...measured.triggers, ...logs.triggers]);
  const fromLogs = findings.filter((f) => f.id.startsWith('OBSERVED_'));
  const remediation = planRemediation(findings, views);
  return {
    migration,
    migrationFrom,
    ...(used.length > 0 ? { answers: used } : {}),
    verdict: verdictOf(flows, findings, source.host.name, { migration, answers: used, fromLogs }),
    hosts: views.map((v) => hostToJson(v.host, effectiveBinding(v.host))),
    warnings: [...(input.warnings ?? [])],
    flows,
    findings,
    remediation,
    missing: missingCommands(views, flows),
    ...(logs.observed.length > 0 ? { observed: logs.observed } : {}),
  };
}
