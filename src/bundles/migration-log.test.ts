import { describe, expect, it } from 'vitest';
import type { EvidenceRef } from '../core/model/evidence.ts';
import { groupMigrations, readLogLine, readLogLines } from './migration-log.ts';

let n = 0;
const ref = (text: string, file = 'vmkernel.log'): EvidenceRef => ({ file, line: ++n, text });

// Verbatim public lines (shared/docs/bundles.md §3, sources in migration-log.ts).
const V6_SOURCE =
  '2015-12-25T16:39:25.565Z cpu4:2758489)Migrate: vm 2758492: 3284: Setting VMOTION info: Source ts = 1451061663105920, src ip = <192.168.1.176> dest ip = <192.168.1.177> Dest wid = 1830931 using SHARED swap';
const V6_SEND = "2015-12-25T16:39:25.567Z cpu4:2758489)VMotion: 2734: 1451061663105920 S: Set ip address '192.168.1.176' worldlet affinity to send World ID 2772001";
const V6_FAILURE = '2018-10-21T03:12:42.047Z cpu13:857334255)WARNING: Migrate: 5454: 5422550532447652106 S: Migration considered a failure by the VMX.';
const VMX =
  '2023-04-15T08:52:34.879Z In(05) vmx - MigrateSetInfo: state=1 srcIp=<192.168.1.22> dstIp=<192.168.1.23> mid=8743996508480001077 uuid=920c4d56-7808-0d0d-4c93-719b81b66bc3 priority=high';
// KB 441977 shows placeholders (`<ex. 2118927>`, `<xx.xx.xx.xx>`); values filled in, line prefix as the KB prints it.
const V8_SOURCE =
  '2024-03-01T10:00:00.000Z In() vmkernel: cpu12 opID=d5991c6f)Migrate: 314: vmotion: Source vmmLeaderID = 2118927, ts = 7182955985622810397, srcIP = <10.20.30.51> dstIP = <10.20.30.52> Dest wid = 2109446 using SHARED swap, encrypted';
const V8_DEST =
  '2024-03-01T10:00:00.100Z In() vmkernel: cpu3 )Migrate: 314: vmotion: Dest vmmLeaderID = 2109446, ts =7182955985622810397, srcIP = <10.20.30.51> dstIP = <10.20.30.52> Dest wid = 0 using SHARED swap, encrypted';
const NFC = '[NFC ERROR]NfcNewAuthdConnectionEx: Failed to connect to server 172.16.21.219:902';

describe('readLogLine', () => {
  it('reads the 6.x vmkernel Setting VMOTION info line: role, ts, both addresses; encryption is not logged there', () => {
    expect(readLogLine(ref(V6_SOURCE))).toMatchObject({
      type: 'vmotion',
      role: 'source',
      id: '1451061663105920',
      src: '192.168.1.176',
      dst: '192.168.1.177',
      encrypted: 'unknown',
      time: '2015-12-25T16:39:25.565Z',
    });
  });

  it('reads the 8.x vmkernel vmotion: Source/Dest lines, with `ts =` spaced either way, and the encrypted suffix', () => {
    expect(readLogLine(ref(V8_SOURCE))).toMatchObject({ type: 'vmotion', role: 'source', id: '7182955985622810397', src: '10.20.30.51', dst: '10.20.30.52', encrypted: 'yes' });
    expect(readLogLine(ref(V8_DEST))).toMatchObject({ type: 'vmotion', role: 'destination', id: '7182955985622810397', encrypted: 'yes' });
    // The 8.x form without the suffix: read as not encrypted [I].
    expect(readLogLine(ref(V8_SOURCE.replace(', encrypted', '')))).toMatchObject({ encrypted: 'no' });
  });

  it('tolerates another build\'s prefix, missing angle brackets and fields in another order', () => {
    const variant = '2023-07-01T01:02:03.456Z cpu9:2101234 opID=abc)Migrate: 401: vmotion: Source ts = 123456789012, dstIP = 10.1.1.2, srcIP = 10.1.1.1, vmmLeaderID = 1 using SHARED swap';
    expect(readLogLine(ref(variant))).toMatchObject({ role: 'source', id: '123456789012', src: '10.1.1.1', dst: '10.1.1.2' });
    expect(readLogLine(ref(V6_SOURCE.replace('Source ts', 'Dest ts')))).toMatchObject({ role: 'destination' });
  });

  it('reads the per-address 6.x line, the failure line and the VM log line', () => {
    expect(readLogLine(ref(V6_SEND))).toMatchObject({ type: 'send-address', id: '1451061663105920', address: '192.168.1.176' });
    expect(readLogLine(ref(V6_FAILURE))).toMatchObject({ type: 'failure', id: '5422550532447652106', side: 'source', time: '2018-10-21T03:12:42.047Z' });
    expect(readLogLine(ref(VMX, 'vmware.log'), 'test')).toMatchObject({ type: 'vmx', id: '8743996508480001077', src: '192.168.1.22', dst: '192.168.1.23', vm: 'test' });
  });

  it('reads a hexadecimal mid as the same id as the decimal one', () => {
    const hex = VMX.replace('mid=8743996508480001077', 'mid=7958ea7f2d34d435');
    expect(readLogLine(ref(hex))).toMatchObject({ id: '8743996508480001077' });
  });

  it('keeps NFC connection failures to port 902 only', () => {
    expect(readLogLine(ref(`2024-01-01T00:00:00.000Z In(166) Hostd[1]: [Originator@6876 sub=Libs] ${NFC}`, 'hostd.log'))).toMatchObject({ type: 'nfc-failed', peer: '172.16.21.219' });
    expect(readLogLine(ref('[NFC ERROR]NfcNewAuthdConnectionEx: Failed to connect to server 172.16.21.219:443'))).toBeUndefined();
    // A name-lookup failure names no address.
    expect(readLogLine(ref('[NFC ERROR]NfcNewAuthdConnectionEx: Failed to connect to peer. Error: Host address lookup for server vms02 failed'))).toBeUndefined();
  });

  it('ignores lines that only mention migrations', () => {
    for (const t of [
      '2015-12-25T16:39:25.567Z cpu4:2758489)Hbr: 3340: Migration start received (worldID=2758492) (migrateType=1) (event=0)',
      '2023-04-15T08:52:34.879Z In(05) vmx - MigrateSetState: Transitioning from state 0 to 1.',
      'Migrate: nothing here',
    ]) {
      expect(readLogLine(ref(t))).toBeUndefined();
    }
  });
});

describe('groupMigrations', () => {
  const events = (texts: [string, string?][]) => texts.map(([t, file]) => readLogLine(ref(t, file ?? 'vmkernel.log'))).filter((e) => e !== undefined);

  it('merges the lines of one migration id: start, per-address lines (multi-NIC), failure and the VM log', () => {
    const vmx = VMX.replace('mid=8743996508480001077', 'mid=1451061663105920').replace('192.168.1.22', '192.168.1.176').replace('192.168.1.23', '192.168.1.177');
    const list = groupMigrations(
      events([[V6_SOURCE], [V6_SEND], ["2015-12-25T16:39:25.568Z cpu4:2758489)VMotion: 2734: 1451061663105920 S: Set ip address '192.168.1.178' worldlet affinity to send World ID 2772002"], [V6_FAILURE.replace('5422550532447652106', '1451061663105920')], [vmx, 'vmware.log']]),
      { host: 'esx01', addresses: new Set(['192.168.1.176', '192.168.1.178']) },
    );
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      host: 'esx01',
      id: '1451061663105920',
      direction: 'outgoing',
      sourceAddresses: ['192.168.1.176', '192.168.1.178'],
      destAddresses: ['192.168.1.177'],
      outcome: 'failed',
      time: '2015-12-25T16:39:25.565Z',
    });
    expect(list[0]?.evidence).toHaveLength(5);
  });

  it('takes a VM log line\'s direction from the host\'s own addresses and drops other hosts\' migrations', () => {
    const list = groupMigrations(events([[VMX, 'vmware.log']]), { host: 'esx23', addresses: new Set(['192.168.1.23']) });
    expect(list[0]).toMatchObject({ direction: 'incoming', destAddresses: ['192.168.1.23'] });
    expect(groupMigrations(events([[VMX, 'vmware.log']]), { host: 'esx99', addresses: new Set(['10.0.0.1']) })).toEqual([]);
  });

  it('groups NFC failures per peer with a count, first and last time', () => {
    const list = groupMigrations(
      events([
        [`2024-01-01T00:00:01.000Z x ${NFC}`, 'hostd.log'],
        [`2024-01-01T00:05:01.000Z x ${NFC}`, 'hostd.log'],
      ]),
      { host: 'esx01', addresses: new Set() },
    );
    expect(list).toEqual([
      expect.objectContaining({ traffic: 'nfc', destAddresses: ['172.16.21.219'], count: 2, time: '2024-01-01T00:00:01.000Z', lastTime: '2024-01-01T00:05:01.000Z', outcome: 'failed' }),
    ]);
  });

  it('lists migrations newest first and caps the list', () => {
    const lines: [string][] = [0, 1, 2, 3].map((i) => [V8_SOURCE.replace('2024-03-01T10', `2024-03-0${i + 1}T10`).replace('7182955985622810397', `71829559856228103${i}0`)]);
    const list = groupMigrations(events(lines), { host: 'h', addresses: new Set(), maxMigrations: 3 });
    expect(list.map((m) => m.time?.slice(0, 10))).toEqual(['2024-03-04', '2024-03-03', '2024-03-02']);
  });
});

describe('log families of issue 16', () => {
  it('reads a failure line with no start line as a failed past migration of this host, addresses unknown', () => {
    const line = '2014-11-08T03:11:10.328Z cpu20:3343190)WARNING: Migrate: 5289: 1415416254017461 S: Migration considered a failure by the VMX. It is most likely a timeout';
    const list = groupMigrations(readLogLines(ref(line)), { host: 'esx01', addresses: new Set() });
    expect(list).toEqual([
      expect.objectContaining({ id: '1415416254017461', direction: 'outgoing', outcome: 'failed', sourceAddresses: [], destAddresses: [] }),
    ]);
    expect(list[0]?.proof?.failure).toHaveLength(1);
    expect(list[0]?.proof?.addresses).toEqual([]);
  });

  // Shapes of the published SexiLog samples (src/bundles/__fixtures__/published/sexilog-2015-*), joined by id here.
  it('reads hostd VMotionSrc lines behind a syslog prefix and vpxa [MIGRATE] lines, joined by id with vmkernel', () => {
    const hostd = ref("2015-02-20T10:01:02.000Z esx01.lab Hostd: [52F4CB90 verbose 'VMotionSrc (1424439619388924)'] Set source task result precopyStunTime to 80477", 'hostd.log');
    const vpxa = ref('2015-02-20T10:01:00.000Z esx02 Vpxa: [MIGRATE] (1424439619388924) immigrating VM 42 from host esx01', 'vpxa.log');
    expect(readLogLines(hostd)).toEqual([expect.objectContaining({ type: 'side', id: '1424439619388924', side: 'source' })]);
    expect(readLogLines(vpxa)).toEqual([expect.objectContaining({ type: 'side', id: '1424439619388924', side: 'destination' })]);
    const start = ref(V6_SOURCE.replace('1451061663105920', '1424439619388924'));
    const list = groupMigrations([...readLogLines(start), ...readLogLines(hostd)], { host: 'esx01', addresses: new Set() });
    expect(list).toHaveLength(1);
    expect(list[0]?.proof?.direction.map((r) => r.file)).toEqual(['vmkernel.log', 'hostd.log']);
    expect(list[0]?.proof?.addresses.map((r) => r.file)).toEqual(['vmkernel.log']);
  });

  it('cuts log lines a web page glued together and reads each', () => {
    const glued = ref(
      '2018-10-20T23:21:53.072Z info hostd[A1BF1B70] [Originator@6876 sub=Vmsvc] state: VM_STATE_EMIGRATING)2018-10-20T23:21:53.073Z info hostd[A1BF1B70] [Originator@6876 sub=Vcsvc.VMotionSrc (5422550518507384986)] ResolveCb: Failed with fault: x',
      'hostd.log',
    );
    expect(readLogLines(glued)).toEqual([expect.objectContaining({ type: 'failure', id: '5422550518507384986', side: 'source', time: '2018-10-20T23:21:53.073Z' })]);
  });

  it('reads the destination vmware.log restore line and keeps redacted addresses unknown', () => {
    expect(readLogLine(ref('2026-04-14T15:38:20.200Z| vmx| I120: Migrate_Open: Restoring from <10.0.0.2> with migration id 1446046703473901', 'vmware.log'))).toMatchObject({
      type: 'vmx',
      id: '1446046703473901',
      src: '10.0.0.2',
      side: 'destination',
    });
    const redacted = readLogLine(ref('x vmkernel: cpu## )Migrate: 314: vmotion: Dest vmmLeaderID = <ex. 2109446>, ts =<ex. 7182955985622810397>, srcIP = <xx.xx.xx.xx> dstIP = <yy.yy.yy.yy>'));
    expect(redacted).toMatchObject({ type: 'vmotion', role: 'destination', id: '7182955985622810397' });
    expect(redacted).not.toHaveProperty('src');
  });
});
