/**
 * The analysis result: the stable JSON contract of `path-doctor analyze --format json` (documented in the README).
 * Additive changes only; never rename or remove a field.
 */
import type { Certainty } from './model/evidence.ts';

export type MigrationKind = 'live' | 'snapshots' | 'non-shared' | 'cold';
export const MIGRATION_KINDS: readonly MigrationKind[] = ['live', 'snapshots', 'non-shared', 'cold'];

export type TrafficClass = 'vmotion' | 'nfc' | 'management';
export type Role = 'source' | 'destination';
export type Direction = 'egress' | 'ingress';
export type Severity = 'blocker' | 'high' | 'medium' | 'low' | 'info';

export interface FlowResult {
  readonly host: string;
  readonly role: Role;
  readonly traffic: TrafficClass;
  readonly direction: Direction;
  /** The vmknic(s) the traffic uses; empty when there is no such path (never a fallback to vmk0). */
  readonly vmknics: readonly string[];
  /** For an uncertain flow: every vmknic it could be, depending on the fact that is missing. */
  readonly candidates?: readonly string[];
  readonly certainty: Certainty;
  /** Where the traffic should go by design (the vMotion / provisioning / management vmknics). */
  readonly intended: readonly string[];
  readonly trace: readonly string[];
  /** Commands whose output would settle an uncertain answer. */
  readonly settle?: readonly string[];
}

export interface FindingResult {
  readonly id: string;
  readonly severity: Severity;
  readonly certainty: Certainty;
  readonly title: string;
  readonly detail: string;
  /** `file:line: text` of each evidence line. */
  readonly evidence: readonly string[];
  readonly hosts: readonly string[];
  readonly vmknics?: readonly string[];
  readonly remediation: readonly string[];
}

/**
 * One complete fix plan. Commands are rendered for their shell: evidence values single-quoted where needed,
 * placeholders as `"${FILL_name:?}"` (ESXi shell) / `(throw 'FILL_name')` (PowerCLI) so an unfilled line refuses
 * to run. Every list holds one section per host, each headed by a `# on HOST` line.
 */
export interface RemediationPlanBody {
  readonly steps: readonly string[];
  readonly commands: {
    readonly esxcli: readonly string[];
    readonly esxcfg: readonly string[];
    readonly powercli: readonly string[];
  };
  /** Read-only checks (ESXi shell) that show the fix worked. */
  readonly verify: readonly string[];
  /** ESXi shell commands restoring what the evidence showed. */
  readonly rollback: readonly string[];
  /** PowerCLI checks and rollback (vCenter-side changes: distributed switches, per-VM settings). */
  readonly verifyPowercli?: readonly string[];
  readonly rollbackPowercli?: readonly string[];
  readonly risk: string;
  /** Placeholders that the evidence could not fill (shown as `FILL_<name>` in the commands). */
  readonly unfilled: readonly string[];
  /** What the host versions and switch kinds change in this plan, and what a host cannot get. */
  readonly notes?: readonly string[];
  /** Set when the plan is withheld: a value no shell quoting makes safe (the sentence names value and field). */
  readonly refused?: readonly string[];
  /** The version-dependent forms the plan uses, with the first release that has each and where that comes from. */
  readonly requires?: readonly { readonly form: string; readonly since: string; readonly confidence: string; readonly source: string }[];
}

export interface RemediationAlternative extends RemediationPlanBody {
  /** Key of the choice, e.g. `stack` or `distributed`. */
  readonly variant: string;
  /** The choice as a reader reads it. */
  readonly label: string;
}

export interface RemediationResult extends RemediationPlanBody {
  readonly id: string;
  readonly forFindings: readonly string[];
  readonly title: string;
  readonly hosts: readonly string[];
  /** When the fix has alternatives: the key and label of this (the first, preferred) choice. */
  readonly variant?: string;
  readonly label?: string;
  /** The other choices, each a complete plan of the same shape. */
  readonly alternatives?: readonly RemediationAlternative[];
}
