import { describe, expect, it } from 'vitest';
import type { ObservedResult } from '../../../core/observed.ts';
import { directionText, mappingText, peerText, trafficText } from './observed-view.ts';

const base: ObservedResult = {
  host: 'esx21',
  loggedBy: ['esx21', 'esx22'],
  traffic: 'vmotion',
  id: '1',
  direction: 'outgoing',
  encrypted: 'yes',
  outcome: 'no-failure-logged',
  addresses: [
    { address: '172.16.10.21', side: 'source', host: 'esx21', vmknic: 'vmk0', management: true, vmotionVmknic: false },
    { address: '172.16.10.22', side: 'destination', host: 'esx22', vmknic: 'vmk0', management: true, vmotionVmknic: false },
  ],
  proves: '…',
  evidence: [],
};

describe('past migration words', () => {
  it('names the peer by the far side of the stream: the destination when sent, the source when received', () => {
    expect(peerText(base)).toBe('esx22 (172.16.10.22)');
    expect(directionText(base)).toBe('esx21 sent it');
    const incoming: ObservedResult = { ...base, host: 'esx22', direction: 'incoming' };
    expect(peerText(incoming)).toBe('esx21 (172.16.10.21)');
    expect(directionText(incoming)).toBe('esx22 received it');
    expect(peerText({ ...base, addresses: [{ address: '10.9.9.2', side: 'destination' }] })).toBe('10.9.9.2');
  });

  it('maps each address to its host and vmknic and says which role that vmknic has', () => {
    expect(mappingText(base.addresses[0]!)).toBe('esx21 vmk0 — the management vmknic');
    expect(mappingText({ address: '172.16.10.121', side: 'source', host: 'esx21', vmknic: 'vmk1', management: false, vmotionVmknic: true })).toBe('esx21 vmk1 — a vMotion vmknic');
    expect(mappingText({ address: '10.9.9.9', side: 'source' })).toBe('no vmknic of the analysed hosts has this address');
  });

  it('tells NFC groups by their count', () => {
    const nfc: ObservedResult = { ...base, traffic: 'nfc', count: 2, lastTime: '2024-05-01T11:02:13.004Z', addresses: [{ address: '172.16.10.22', side: 'destination' }] };
    expect(trafficText(nfc)).toBe('NFC (TCP 902), 2 failed connections, the last at 2024-05-01T11:02:13.004Z');
    expect(trafficText(base)).toBe('vMotion (TCP 8000)');
    expect(directionText(nfc)).toBe('esx21 connected out');
  });
});
