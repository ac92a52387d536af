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

export interface RemediationResult {
  readonly id: string;
  readonly forFindings: readonly string[];
  readonly title: string;
  readonly hosts: readonly string[];
  readonly steps: readonly string[];
  readonly commands: {
    readonly esxcli: readonly string[];
    readonly esxcfg: readonly string[];
    readonly powercli: readonly string[];
  };
  readonly verify: readonly string[];
  readonly rollback: readonly string[];
  readonly risk: string;
  /** Placeholders that the evidence could not fill (left visible as `<name>` in the commands). */
  readonly unfilled: readonly string[];
}
