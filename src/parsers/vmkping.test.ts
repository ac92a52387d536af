import { describe, expect, it } from 'vitest';
import { vmkpingParser } from './vmkping.ts';
import { blockOf } from './types.ts';
import { loadEvidence } from './load-evidence.ts';
import { analyze } from '../core/analyze.ts';

const OK = ['PING 10.20.30.12 (10.20.30.12): 1472 data bytes', '1480 bytes from 10.20.30.12: icmp_seq=0 ttl=64 time=0.2 ms', '', '--- 10.20.30.12 ping statistics ---', '3 packets transmitted, 3 packets received, 0% packet loss'].join('\n');
const LOST = ['PING 10.20.30.12 (10.20.30.12): 8972 data bytes', '', '--- 10.20.30.12 ping statistics ---', '3 packets transmitted, 0 packets received, 100% packet loss'].join('\n');

describe('vmkping parser', () => {
  it('reads vmknic, size and do-not-fragment from the command line and the result from the statistics', () => {
    const r = vmkpingParser.parse(blockOf(LOST, { command: 'vmkping -I vmk1 -d -s 8972 10.20.30.12' }));
    expect(r.ok && r.value).toMatchObject({ vmknic: 'vmk1', dontFragment: true, size: 8972, target: '10.20.30.12', transmitted: 3, received: 0, messageTooLong: false });
  });

  it('reads the netstack option and the "Message too long" refusal', () => {
    const r = vmkpingParser.parse(blockOf('sendto() failed (Message too long)\nsendto() failed (Message too long)', { command: 'vmkping -S vmotion -I vmk2 -d -s 8972 10.20.30.12' }));
    expect(r.ok && r.value).toMatchObject({ vmknic: 'vmk2', netstack: 'vmotion', messageTooLong: true });
  });

  it('refuses an interrupted ping and a ping without its command line', () => {
    expect(vmkpingParser.parse(blockOf('PING 10.0.0.1 (10.0.0.1): 56 data bytes\n^C', { command: 'vmkping 10.0.0.1' })).ok).toBe(false);
    expect(vmkpingParser.parse(blockOf(OK)).ok).toBe(false);
    expect(vmkpingParser.startsAt([{ n: 1, text: 'PING 10.0.0.1 (10.0.0.1): 56 data bytes' }], 0)).toBe(false);
  });
});

describe('MTU_MISMATCH from pings', () => {
  const session = (big: string) =>
    [
      '[root@esx01:~] esxcli network ip interface tag get -i vmk1',
      '   Tags: VMotion',
      '[root@esx01:~] vmkping -I vmk1 -d -s 1472 10.20.30.12',
      OK,
      '[root@esx01:~] vmkping -I vmk1 -d -s 8972 10.20.30.12',
      big,
    ].join('\n');

  it('is raised when the jumbo ping fails and the standard one works, with both lines as evidence', () => {
    const loaded = loadEvidence([{ file: 'p.txt', text: session(LOST) }]);
    if (!loaded.ok) throw new Error(loaded.error.message);
    const f = analyze({ source: loaded.hosts[0]! }).findings.find((x) => x.id === 'MTU_MISMATCH');
    expect(f?.detail).toMatch(/8972 bytes to 10\.20\.30\.12 through vmk1 got no reply/);
    expect(f?.evidence.length).toBe(2);
  });

  it('is not raised when the jumbo ping answers too', () => {
    const answered = LOST.replace('0 packets received, 100%', '3 packets received, 0%');
    const loaded = loadEvidence([{ file: 'p.txt', text: session(answered) }]);
    if (!loaded.ok) throw new Error(loaded.error.message);
    expect(analyze({ source: loaded.hosts[0]! }).findings.map((x) => x.id)).not.toContain('MTU_MISMATCH');
  });
});
