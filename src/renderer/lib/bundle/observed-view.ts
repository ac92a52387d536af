/**
 * The words of the result screen's "Past migrations seen in the logs": direction, peer, traffic, encryption and
 * outcome of one ObservedResult, and each address with the host and vmknic it maps to. Pure; texts as data.
 */
import type { ObservedAddress, ObservedResult } from '../../../core/observed.ts';

export const ENCRYPTED_TEXT: Readonly<Record<ObservedResult['encrypted'], string>> = {
  yes: 'encrypted',
  no: 'not encrypted',
  unknown: 'not logged',
};

export const OUTCOME_TEXT: Readonly<Record<ObservedResult['outcome'], string>> = {
  failed: 'failed',
  'no-failure-logged': 'no failure logged (not proof of success)',
};

export function trafficText(o: ObservedResult): string {
  if (o.traffic === 'nfc') return `NFC (TCP 902)${o.count && o.count > 1 ? `, ${o.count} failed connections${o.lastTime ? `, the last at ${o.lastTime}` : ''}` : ''}`;
  return 'vMotion (TCP 8000)';
}

export function directionText(o: ObservedResult): string {
  if (o.traffic === 'nfc') return `${o.host} connected out`;
  return o.direction === 'outgoing' ? `${o.host} sent it` : o.direction === 'incoming' ? `${o.host} received it` : `logged by ${o.host}`;
}

/** The other end: the host that owns the far side's address when one does, else the address itself. */
export function peerText(o: ObservedResult): string {
  const far: ObservedAddress['side'] = o.traffic === 'nfc' || o.direction !== 'incoming' ? 'destination' : 'source';
  const ends = o.addresses.filter((a) => a.side === far);
  if (ends.length === 0) return 'not logged';
  return [...new Set(ends.map((a) => (a.host !== undefined && a.host !== o.host ? `${a.host} (${a.address})` : a.address)))].join(', ');
}

/** `esx21 vmk0 — management vmknic`, `esx22 vmk1 — a vMotion vmknic`, or why it maps to nothing. */
export function mappingText(a: ObservedAddress): string {
  if (a.vmknic === undefined) return 'no vmknic of the analysed hosts has this address';
  const role = a.management ? 'the management vmknic' : a.vmotionVmknic ? 'a vMotion vmknic' : 'neither management nor vMotion';
  return `${a.host} ${a.vmknic} — ${role}`;
}
