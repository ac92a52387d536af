/**
 * The case file (`.vpdcase`): everything needed to reopen a troubleshooting session on exactly the same screen —
 * the evidence pasted or attached (with which host side it belongs to), the answers given in the wizard, the flow
 * and where it stood, the migration kind, and the engineer's notes. Versioned JSON, pure data: reading, writing and
 * migrating live in parse.ts / serialize.ts / v1.ts; saving to disk (atomically) is the shell's job.
 *
 * Schema history (documented in docs/report.md):
 * - version 1 (format "vmotion-path-doctor-case"): the app's first case file — two paste texts, attachments with a
 *   side, the migration kind, the chosen hosts, a title and the id of the flow walked; no answers, no notes, no
 *   flow position. See v1.ts.
 * - version 2 (format "vpdcase"): evidence as a list with roles, wizard answers, flow position and notes. Opens as
 *   version 3 without imported hosts.
 * - version 3 (format "vpdcase"): this file. Adds `imported`, the hosts read from support bundles or opened from the
 *   estate Scan view, kept as their models (with log lines, gaps and warnings) instead of the bundle: a bundle is
 *   hundreds of MB, a model a few KB, and reopening must not need the original file. See imported-host.ts.
 */
import type { ImportedHost } from '../model/imported.ts';
import type { MigrationKind } from '../result.ts';

export const CASE_FORMAT = 'vpdcase';
export const CASE_VERSION = 3;
/** File extension the app offers when saving. */
export const CASE_EXTENSION = '.vpdcase';
/** Largest case text accepted: the parsers' own input limit (64 MiB), measured in characters of the text. */
export const MAX_CASE_CHARS = 64 * 1024 * 1024;

export type EvidenceRole = 'source' | 'destination' | 'unassigned';
/** The app screen the case was left on, so opening it shows the same one. */
export type CaseScreen = 'evidence' | 'result' | 'wizard';
export const CASE_SCREENS: readonly CaseScreen[] = ['evidence', 'result', 'wizard'];
export const EVIDENCE_ROLES: readonly EvidenceRole[] = ['source', 'destination', 'unassigned'];

export interface CaseEvidence {
  /** Unique within the case (stable across saves, so the screen can keep its selection). */
  readonly id: string;
  /** What the user sees: a file name or "source paste". */
  readonly name: string;
  /** The pasted or attached text, verbatim. */
  readonly text: string;
  /** Which host the text is about; `unassigned` until the user (or the splitter) decides. */
  readonly role: EvidenceRole;
}

export interface CaseFlow {
  /** Flow id as `flows/index.ts` lists it (`vmotion-on-management`, `start`, …). */
  readonly id: string;
  /** The state the walk stood in (a state id or dotted path); null when not recorded (replay from the answers). */
  readonly state: string | null;
  /** The states visited, in order (for Back). */
  readonly history: readonly string[];
  /**
   * True when the pasted evidence was handed to the flow ("Use this evidence"): reopening re-reads it and lets it
   * answer first, as it did. Absent when the flow was walked by answers alone.
   */
  readonly evidenceUsed?: boolean;
}

export interface CaseFile {
  readonly format: typeof CASE_FORMAT;
  readonly version: typeof CASE_VERSION;
  /** ISO 8601 timestamps. */
  readonly createdAt: string;
  readonly updatedAt: string;
  /** Optional heading for the recent-cases list (`esx01 → esx02`). */
  readonly title?: string;
  /** The screen the case was left on (absent: the app picks one from the flow and the evidence). */
  readonly screen?: CaseScreen;
  readonly evidence: readonly CaseEvidence[];
  /**
   * Hosts that reached the app already modelled (support bundles, the estate Scan view), verbatim as plain data.
   * Absent when there are none (a case never holds an empty list).
   */
  readonly imported?: readonly ImportedHost[];
  /** When a paste holds several hosts: the host chosen for each side. */
  readonly picked?: { readonly source?: string; readonly destination?: string };
  /** Wizard answers, keyed like the flows' questions (`observedEgress` → `vmk0`). */
  readonly answers: Readonly<Record<string, string>>;
  readonly flow?: CaseFlow;
  readonly migration: MigrationKind;
  readonly notes: string;
}

/** An empty case, created now (the caller passes the clock: core reads none). */
export function newCase(now: string, migration: MigrationKind = 'live'): CaseFile {
  return { format: CASE_FORMAT, version: CASE_VERSION, createdAt: now, updatedAt: now, evidence: [], answers: {}, migration, notes: '' };
}

/** The same case, marked as changed at `now`. */
export function touchCase(c: CaseFile, now: string): CaseFile {
  return { ...c, updatedAt: now };
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** An ISO 8601 date-time with a zone, as `Date.prototype.toISOString` writes it (and a real calendar date). */
export function isTimestamp(value: string): boolean {
  return TIMESTAMP.test(value) && !Number.isNaN(Date.parse(value));
}
