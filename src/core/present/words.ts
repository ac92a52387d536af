/**
 * The one vocabulary a user reads: every closed value of the analysis (certainty, severity, traffic class, role,
 * direction, migration kind) has exactly one word or phrase here, and the CLI, the app, the reports and the Scan view
 * all take their words from this file. Data only: what a value *means* is decided by the analysis, not here.
 */
import type { Certainty } from '../model/evidence.ts';
import type { Direction, MigrationKind, Role, Severity, TrafficClass } from '../result.ts';

/**
 * Certainty in words. domain.md words an inferred conclusion "likely" and an unknown one "uncertain"; the third
 * level (everything pasted, documented rule) is "certain". `definite` / `probable` stay internal values only.
 */
export const CERTAINTY_WORD: Readonly<Record<Certainty, string>> = { definite: 'certain', probable: 'likely', uncertain: 'uncertain' };

/** What each certainty word means, for a legend (reports, the Scan view). */
export const CERTAINTY_MEANING: Readonly<Record<Certainty, string>> = {
  definite: 'every fact it rests on was pasted and the rule is documented',
  probable: 'rests on a default, an assumed route order or a rule that is inferred rather than documented (for example a build default of BindToVmknic)',
  uncertain: 'depends on a fact the evidence does not show; the command or measurement that settles it is named',
};

export const SEVERITY_WORD: Readonly<Record<Severity, string>> = { blocker: 'blocker', high: 'high', medium: 'medium', low: 'low', info: 'info' };

/** What each severity means, so a list of findings explains its own badges. */
export const SEVERITY_MEANING: Readonly<Record<Severity, string>> = {
  blocker: 'migrations fail until it is fixed',
  high: 'migrations run over the wrong network or can disturb it; fix soon',
  medium: 'works, but against VMware best practice or at risk',
  low: 'minor, or only possible',
  info: 'worth knowing; nothing to fix',
};

/** A traffic class in a heading or a table. */
export const TRAFFIC_LABEL: Readonly<Record<TrafficClass, string>> = {
  vmotion: 'vMotion (memory and state, TCP 8000)',
  nfc: 'NFC cold data (disks, snapshots, files, TCP 902)',
  management: 'Management traffic (vCenter and the host agents)',
};

/** A traffic class inside a sentence ("vMotion leaves esx01 by vmk0"). */
export const TRAFFIC_SHORT: Readonly<Record<TrafficClass, string>> = { vmotion: 'vMotion', nfc: 'NFC cold data', management: 'Management traffic' };

export const ROLE_WORD: Readonly<Record<Role, string>> = { source: 'source', destination: 'destination' };

export const DIRECTION_WORD: Readonly<Record<Direction, string>> = { egress: 'leaves by', ingress: 'enters by' };

/** A migration kind as a choice in a list. */
export const MIGRATION_LABEL: Readonly<Record<MigrationKind, string>> = {
  live: 'Live vMotion (running VM, shared storage)',
  snapshots: 'Live vMotion of a VM with snapshots, to another datastore',
  'non-shared': 'vMotion without shared storage (host and datastore)',
  cold: 'Cold migration or clone (powered-off VM)',
};

/** A migration kind inside a sentence ("… of a live vMotion from esx01 …"). */
export const MIGRATION_SHORT: Readonly<Record<MigrationKind, string>> = {
  live: 'a live vMotion',
  snapshots: 'a migration of a VM with snapshots',
  'non-shared': 'a migration without shared storage',
  cold: 'a cold migration',
};

/** What each migration kind moves over the network (domain.md §1.6), for a customer who never saw the app. */
export const MIGRATION_TEXT: Readonly<Record<MigrationKind, string>> = {
  live: 'live vMotion of a running VM to another host on shared storage (memory and device state by vMotion)',
  snapshots: 'migration of a running VM with snapshots to another host and datastore (newest disk layer by vMotion, base disk and older snapshots by NFC)',
  'non-shared': 'migration of a running VM to another host and datastore without shared storage (disks by vMotion, VM home files by NFC)',
  cold: 'cold migration or clone of a powered-off VM (everything by NFC)',
};
