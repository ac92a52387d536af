/** Display words for the core's closed unions (certainty, severity, traffic classes); text only, no logic. */
import type { Certainty } from '../../../core/model/evidence.ts';
import type { Direction, MigrationKind, Role, TrafficClass } from '../../../core/result.ts';

export const CERTAINTY_WORD: Record<Certainty, string> = { definite: 'certain', probable: 'likely', uncertain: 'uncertain' };
export const TRAFFIC_NAME: Record<TrafficClass, string> = { vmotion: 'vMotion (memory and state)', nfc: 'NFC (cold data: disks, snapshots, files)', management: 'Management' };
export const ROLE_NAME: Record<Role, string> = { source: 'source', destination: 'destination' };
export const DIRECTION_WORD: Record<Direction, string> = { egress: 'leaves by', ingress: 'arrives on' };
export const MIGRATION_NAME: Record<MigrationKind, string> = {
  live: 'Live vMotion (running VM, shared storage)',
  snapshots: 'Live vMotion of a VM with snapshots',
  'non-shared': 'vMotion without shared storage (compute + storage)',
  cold: 'Cold migration (powered-off VM)',
};
