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
import type { ObservedResult } from './observed.ts';

export interface AnalyzeInput {
  readonly source: HostModel;
  readonly dest?: HostModel;
  readonly migration?: MigrationKind;
  readonly warnings?: readonly ParseWarning[];
}

export interface Verdict {
  /** One sentence a support engineer reads first. */
  readonly summary: string;
  /** The worst finding's severity, or `none`. */
  readonly severity: Severity | 'none';
  /** True when some answer depends on a fact that was not pasted. */
  readonly uncertain: boolean;
}

export interface AnalysisResult {
  readonly migration: MigrationKind;
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

function verdictOf(flows: readonly FlowResult[], findings: readonly FindingResult[], source: string): Verdict {
  const worst = findings.reduce<Severity | 'none'>((w, f) => (w === 'none' || severityRank(f.severity) < severityRank(w) ? f.severity : w), 'none');
  const uncertain = flows.some((f) => f.certainty === 'uncertain');
  const vm = flows.find((f) => f.traffic === 'vmotion' && f.role === 'source' && f.direction === 'egress');
  const nfc = flows.find((f) => f.traffic === 'nfc' && f.role === 'source' && f.direction === 'egress');
  const parts: string[] = [];
  if (vm) {
    if (vm.vmknics.length > 0) {
      const wrong = offIntended(vm);
      parts.push(
        wrong.length > 0
          ? `vMotion leaves ${source} by ${vm.vmknics.join(', ')} instead of ${vm.intended.join(', ') || 'a vMotion vmknic'}`
          : `vMotion leaves ${source} by ${vm.vmknics.join(', ')} as intended`,
      );
    } else if (vm.candidates && vm.candidates.length > 0) {
      parts.push(`vMotion leaves ${source} by ${vm.candidates.join(' or ')}: uncertain until ${(vm.settle ?? []).slice(0, 2).join(' and ') || 'more evidence'} is pasted`);
    } else {
      parts.push(vm.certainty === 'uncertain' ? `No vMotion vmknic of ${source} could be identified` : `${source} has no vMotion path (none)`);
    }
  }
  if (nfc && nfc.vmknics.length > 0) parts.push(`NFC cold data leaves by ${nfc.vmknics.join(', ')}`);
  const head = parts.length > 0 ? `${parts.join('; ')}.` : `No migration path could be computed for ${source}.`;
  const tail =
    worst === 'none'
      ? ' No problem found in the evidence.'
      : ` ${findings.length} finding${findings.length > 1 ? 's' : ''}, worst: ${worst} (${findings[0]!.id}).`;
  return { summary: head + tail, severity: worst, uncertain };
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
  const migration = input.migration ?? 'live';
  const source = buildHostView(input.source);
  const dest = input.dest ? buildHostView(input.dest) : undefined;
  const { views, flows: computed, triggers } = compute(source, dest, migration);

  const flows = computed.map(flowToJson);
  const findings = toFindings(triggers);
  const remediation = planRemediation(findings, views);
  return {
    migration,
    verdict: verdictOf(flows, findings, source.host.name),
    hosts: views.map((v) => hostToJson(v.host, effectiveBinding(v.host))),
    warnings: [...(input.warnings ?? [])],
    flows,
    findings,
    remediation,
    missing: missingCommands(views, flows),
  };
}
