/**
 * Evidence facts: the compact, serialisable summary of an analysis that the wizard machine consumes. The shell (the
 * CLI walker now, the UI later) runs the core on the pasted evidence and sends `analysis.completed` with these
 * facts; the machine's guards read them and never run the analysis themselves (style.md §6: no `invoke` in the
 * decision trees).
 *
 * Facts answer wizard questions by the same keys the user would (flows/texts/questions.ts). A key is present only
 * when the evidence decides it; absent evidence is never evidence of absence (a question the paste cannot answer
 * is asked to the user instead). Pure: no I/O, runs in the browser too.
 */
import type { AnalysisResult, WizardAnswers } from '../src/core/analyze.ts';
import type { HostJson, VmknicJson } from '../src/core/host-json.ts';
import { networkOf, overlaps } from '../src/core/net/ipv4.ts';
import { MIGRATION_KINDS, type FlowResult, type MigrationKind } from '../src/core/result.ts';
import { bindToVmknicDefault, parseRelease } from '../src/core/versions.ts';
import type { QuestionKey } from './texts/questions.ts';

/**
 * The migration kind the shell analyses evidence as: `snapshots` is the one kind in which both the vMotion stream
 * and NFC cold data flow (domain.md §1.6), so one analysis answers the questions of every branch.
 */
export const EVIDENCE_MIGRATION: MigrationKind = 'snapshots';

/** The branch the evidence points to when the user did not name a symptom (the leading problem). */
export type EvidenceArea = 'fails' | 'vmk0-traffic' | 'cold-slow' | 'flooding' | 'none';

export type EvidenceAnswers = Readonly<Partial<Record<QuestionKey, string>>>;

export interface EvidenceFacts {
  readonly answers: EvidenceAnswers;
  readonly area: EvidenceArea;
  /** Source first, then the destination when one was pasted. */
  readonly hosts: readonly string[];
  /** Finding ids the analysis raised (any host), for display next to the wizard's own conclusion. */
  readonly findings: readonly string[];
}

// Finding groups that point to a branch, in order of priority (§2 severities: blockers and failures first).
const FAILURE_FINDINGS = ['NO_VMOTION_VMKNIC', 'VMOTION_L3_NO_GATEWAY', 'MTU_MISMATCH', 'VMOTION_TAG_SHADOWED'];
const MANAGEMENT_FINDINGS = ['VMOTION_EGRESS_MISMATCH', 'EGRESS_UNCERTAIN', 'VMOTION_ON_MANAGEMENT_NETWORK'];
const COLD_FINDINGS = ['PROVISIONING_ROUTE_FALLBACK', 'COLD_DATA_OVER_MANAGEMENT'];
const FLOODING_FINDINGS = ['UNICAST_FLOODING_RISK'];

interface Side {
  readonly host: HostJson | undefined;
  /** V(host): the vMotion vmknics by design (§1.7 C), as the analysis identified them. */
  readonly vmotion: readonly string[];
  /** M(host): the management vmknic (§1.7 A5). */
  readonly management: string | undefined;
  /** The NFC endpoint by design: P(host) or, without one, M(host) (§1.7 F1–F2). */
  readonly nfc: string | undefined;
  readonly nfcCertainty: FlowResult['certainty'] | undefined;
}

function flow(result: AnalysisResult, host: string, traffic: FlowResult['traffic'], role: FlowResult['role'], direction: FlowResult['direction']): FlowResult | undefined {
  return result.flows.find((f) => f.host === host && f.traffic === traffic && f.role === role && f.direction === direction);
}

function sideOf(result: AnalysisResult, name: string, role: FlowResult['role']): Side {
  const host = result.hosts.find((h) => h.name === name);
  const vmotionFlow = flow(result, name, 'vmotion', role, role === 'source' ? 'egress' : 'ingress');
  const nfcFlow = flow(result, name, 'nfc', role, role === 'source' ? 'egress' : 'ingress');
  const mgmt = result.flows.find((f) => f.host === name && f.traffic === 'management');
  return {
    host,
    vmotion: vmotionFlow?.intended ?? [],
    management: mgmt?.vmknics[0],
    nfc: nfcFlow?.intended[0],
    nfcCertainty: nfcFlow?.certainty,
  };
}

function nic(host: HostJson | undefined, name: string | undefined): VmknicJson | undefined {
  return name === undefined ? undefined : host?.vmknics.find((v) => v.name === name);
}

function networkOfNic(host: HostJson | undefined, name: string | undefined) {
  const v = nic(host, name);
  return networkOf(v?.ipv4, v?.netmask);
}

function majorMinor(host: HostJson | undefined): { major: number; minor: number } | undefined {
  const r = parseRelease(host?.version?.version, host?.version?.build, host?.version?.update);
  return r ? { major: r.major, minor: r.minor } : undefined;
}

function raisedOn(result: AnalysisResult, id: string, host?: string): boolean {
  return result.findings.some((f) => f.id === id && (host === undefined || f.hosts.includes(host)));
}

/** §1.7 H: does any vMotion vmknic share (or overlap) the management vmknic's subnet on this host? */
function sharesManagementSubnet(side: Side): string | undefined {
  const m = networkOfNic(side.host, side.management);
  const nets = side.vmotion.filter((n) => n !== side.management).map((n) => networkOfNic(side.host, n));
  if (m === undefined || nets.length === 0 || nets.some((n) => n === undefined)) return undefined;
  return nets.some((n) => n !== undefined && overlaps(n, m)) ? 'yes' : 'no';
}

function esxiVersion(host: HostJson | undefined): string | undefined {
  const r = parseRelease(host?.version?.version, host?.version?.build, host?.version?.update);
  if (!r) return undefined;
  // §1.4: the untouched BindToVmknic of 5.0/5.1 is reported to behave like 2; 5.5 (and older than 5.0) has no report.
  if (r.major < 6) return r.major === 5 && r.minor <= 1 ? '5.0-5.1' : '5.5';
  if (r.major === 6 && r.minor < 5) return '6.0';
  // §1.4: 6.5 GA–c (before 6.5d) has no dump, so its default is unknown; 6.5 without a build that says d+ counts as early.
  if (r.major === 6 && r.minor === 5 && bindToVmknicDefault(r).value === undefined) return '6.5-early';
  return '6.5+';
}

function vmotionStack(side: Side): string | undefined {
  const stacks = side.vmotion.map((n) => nic(side.host, n)?.netstack);
  if (stacks.length === 0) return undefined;
  if (stacks.every((s) => s === 'vmotion')) return 'yes';
  if (stacks.some((s) => s !== undefined && s !== 'vmotion')) return 'no';
  // 5.x has one TCP/IP stack only (§1.2): no NetStack column, and no vmotion stack to be on.
  const v = majorMinor(side.host);
  return v && v.major < 6 ? 'no' : undefined;
}

function bindToVmknic(host: HostJson | undefined): string | undefined {
  const b = host?.bindToVmknic;
  if (!b) return undefined;
  if (b.source === 'evidence' && b.value !== undefined && b.value >= 0 && b.value <= 3) return String(b.value);
  if (b.source === 'version-default') return 'default';
  // 5.0/5.1 with no value shown: the analysis uses the behaviour of the untouched setting, as for a build default.
  if (b.source === 'unknown' && b.behavesLike !== undefined) return 'default';
  return undefined;
}

function vmotionVmknic(result: AnalysisResult, side: Side, name: string): string | undefined {
  if (raisedOn(result, 'NO_VMOTION_VMKNIC', name)) return 'none';
  if (side.vmotion.length === 0) return undefined;
  return side.management !== undefined && side.vmotion.includes(side.management) ? 'vmk0' : 'separate';
}

/** §1.7 C1: a vmotion-stack vmknic shadows VMotion tags on default-stack vmknics. */
function tagShadowed(result: AnalysisResult, side: Side, name: string): string | undefined {
  if (raisedOn(result, 'VMOTION_TAG_SHADOWED', name)) return 'yes';
  const v = majorMinor(side.host);
  if (v && v.major < 6) return 'no'; // no vmotion stack before 6.0 (§1.2)
  const nics = side.host?.vmknics ?? [];
  return nics.length > 0 && nics.every((n) => n.netstack !== undefined) ? 'no' : undefined;
}

function vmotionL3(src: Side, dst: Side | undefined): string | undefined {
  if (!dst) return undefined;
  const a = networkOfNic(src.host, src.vmotion[0]);
  const b = networkOfNic(dst.host, dst.vmotion[0]);
  if (!a || !b) return undefined;
  return overlaps(a, b) ? 'same' : 'different';
}

function receiverAutobind(result: AnalysisResult, receiver: Side, name: string): string | undefined {
  const f = result.findings.find((x) => x.id === 'UNICAST_FLOODING_RISK' && x.hosts.includes(name));
  // §1.7 E2: probable/definite = no receive autobind (old build or AutoBindVmknic 0); uncertain = 7.0 U3d+ [U].
  if (f) return f.certainty === 'uncertain' ? 'autobind-gone' : 'no-autobind';
  return sharesManagementSubnet(receiver) === 'yes' ? 'autobind' : undefined;
}

function hasProvisioning(side: Side): boolean | undefined {
  if (side.nfc === undefined || side.nfcCertainty === 'uncertain') return undefined;
  return side.nfc !== side.management;
}

function provisioningVmknic(src: Side, dst: Side | undefined): string | undefined {
  const s = hasProvisioning(src);
  if (!dst) return s === false ? 'none' : undefined; // one host: a missing P is already a fallback on this side
  const d = hasProvisioning(dst);
  if (s === undefined || d === undefined) return undefined;
  return s && d ? 'both' : s || d ? 'one' : 'none';
}

function provisioningRoute(result: AnalysisResult, src: Side, name: string): string | undefined {
  if (raisedOn(result, 'PROVISIONING_ROUTE_FALLBACK', name)) return 'no';
  const egress = flow(result, name, 'nfc', 'source', 'egress');
  if (!egress || egress.vmknics.length === 0 || hasProvisioning(src) !== true) return undefined;
  return egress.vmknics.every((n) => egress.intended.includes(n)) ? 'yes' : 'no';
}

function mtuConsistent(result: AnalysisResult, src: Side, dst: Side | undefined): string | undefined {
  if (raisedOn(result, 'MTU_MISMATCH')) return 'mismatch';
  if (!dst) return undefined; // the path between hosts cannot be checked from one host
  const mtus = [...src.vmotion.map((n) => nic(src.host, n)?.mtu), ...dst.vmotion.map((n) => nic(dst.host, n)?.mtu)];
  return mtus.length > 0 && mtus.every((m) => m !== undefined) ? 'consistent' : undefined;
}

function areaOf(ids: readonly string[]): EvidenceArea {
  const any = (group: readonly string[]) => ids.some((id) => group.includes(id));
  if (any(FAILURE_FINDINGS)) return 'fails';
  if (any(MANAGEMENT_FINDINGS)) return 'vmk0-traffic';
  if (any(COLD_FINDINGS)) return 'cold-slow';
  if (any(FLOODING_FINDINGS)) return 'flooding';
  return 'none';
}

/** Derives the wizard's evidence facts from an analysis (run with {@link EVIDENCE_MIGRATION}). */
export function factsFromAnalysis(result: AnalysisResult): EvidenceFacts {
  const sourceName = result.hosts[0]?.name ?? '';
  const destName = result.hosts[1]?.name;
  const src = sideOf(result, sourceName, 'source');
  // One host pasted: the analysis studies it as the receiver too (§1.7 D0), under the destination role.
  const receiver = destName !== undefined ? sideOf(result, destName, 'destination') : sideOf(result, sourceName, 'destination');
  const dst = destName !== undefined ? receiver : undefined;

  const l3 = vmotionL3(src, dst);
  const candidates: Record<QuestionKey, string | undefined> = {
    symptom: undefined,
    evidence: undefined,
    vmotionVmknic: vmotionVmknic(result, src, sourceName),
    vmotionStack: vmotionStack(src),
    sameSubnet: sharesManagementSubnet(src),
    esxiVersion: esxiVersion(src.host),
    bindToVmknic: bindToVmknic(src.host),
    vmotionVmknicCount: src.vmotion.length === 0 ? undefined : src.vmotion.length === 1 ? 'one' : 'several',
    observedEgress: undefined,
    migrationKind: undefined,
    vmotionL3: l3,
    vmotionGateway: raisedOn(result, 'VMOTION_L3_NO_GATEWAY', sourceName) ? 'no' : l3 === 'different' ? 'yes' : undefined,
    receiverSharesSubnet: sharesManagementSubnet(receiver),
    receiverAutobind: receiverAutobind(result, receiver, destName ?? sourceName),
    macLearned: undefined,
    provisioningVmknic: provisioningVmknic(src, dst),
    provisioningRoute: provisioningRoute(result, src, sourceName),
    vmotionTagShadowed: tagShadowed(result, src, sourceName),
    mtuConsistent: mtuConsistent(result, src, dst),
    encryptedVmotion: undefined,
  };
  const answers: Partial<Record<QuestionKey, string>> = {};
  for (const [key, value] of Object.entries(candidates) as [QuestionKey, string | undefined][]) {
    if (value !== undefined) answers[key] = value;
  }
  const ids = [...new Set(result.findings.map((f) => f.id))];
  return { answers, area: areaOf(ids), hosts: destName !== undefined ? [sourceName, destName] : [sourceName], findings: ids };
}

/**
 * The wizard's answers that are evidence for the core (analysis/answers.ts): the measurement during a test vMotion,
 * the engineer's BindToVmknic value and the migration kind. "I don't know" and answers the core has no use for are
 * left out. The app, the CLI `walk` and the case file all hand the same answers to `analyze` through this.
 */
export function wizardAnswers(answers: Readonly<Record<string, string | undefined>>): WizardAnswers {
  const out: { -readonly [K in keyof WizardAnswers]: WizardAnswers[K] } = {};
  const measured = answers.observedEgress;
  if (measured === 'vmk0') out.measuredEgress = 'management';
  else if (measured === 'vmotion-vmknic' || measured === 'both') out.measuredEgress = measured;
  const bind = answers.bindToVmknic;
  if (bind === '0' || bind === '1' || bind === '2' || bind === '3') out.bindToVmknic = Number(bind) as 0 | 1 | 2 | 3;
  const kind = answers.migrationKind;
  if (kind !== undefined && (MIGRATION_KINDS as readonly string[]).includes(kind)) out.migration = kind as MigrationKind;
  return out;
}
