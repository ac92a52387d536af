/**
 * Internal shapes shared by the path analyses: a computed flow with its reasoning, and a finding trigger (the raw
 * fact that a rule of domain.md §2 fired, before the catalog turns it into a worded finding).
 */
import type { Certainty, EvidenceRef } from '../model/evidence.ts';
import type { FindingId } from '../findings/catalog.ts';
import type { Direction, MigrationKind, Role, Severity, TrafficClass } from '../result.ts';
import type { HostView } from './host-view.ts';
import type { Step } from './trace.ts';

export interface Flow {
  readonly host: string;
  readonly role: Role;
  readonly traffic: TrafficClass;
  readonly direction: Direction;
  readonly vmknics: readonly string[];
  readonly candidates?: readonly string[];
  readonly certainty: Certainty;
  readonly intended: readonly string[];
  readonly steps: readonly Step[];
  readonly settle: readonly string[];
}

export interface Trigger {
  readonly id: FindingId;
  readonly hosts: readonly string[];
  readonly vmknics: readonly string[];
  readonly certainty: Certainty;
  /** Overrides the catalog's default severity where the rule says so (e.g. flooding: high if probable). */
  readonly severity?: Severity;
  /** What exactly was seen, in one or two sentences with the real names and addresses. */
  readonly detail: string;
  readonly evidence: readonly EvidenceRef[];
}

/** The hosts of one question: a source and, when pasted, a destination. */
export interface Pair {
  readonly source: HostView;
  /** Absent when only one host was pasted: the source is then also studied as a receiver (role destination). */
  readonly dest?: HostView;
  readonly migration: MigrationKind;
}

export interface PathAnswer {
  readonly flows: readonly Flow[];
  readonly triggers: readonly Trigger[];
}

export function names(views: readonly { readonly nic: { readonly name: string } }[]): string[] {
  return views.map((v) => v.nic.name);
}

export function sameSet(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const s = new Set(a);
  return b.every((x) => s.has(x));
}

export function uniq(values: Iterable<string>): string[] {
  return [...new Set(values)];
}
