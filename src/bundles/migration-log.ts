/**
 * Reads the log lines that show past migrations (shared/docs/bundles.md §3) and groups them into migrations.
 *
 * Line shapes, and where each comes from (parsing is tolerant: fields are found by name, in any order, with or
 * without the `<…>` around addresses, whatever the line prefix of the build):
 * - vmkernel.log 6.x [V virtuallypeculiar 2015]:
 *   `2015-12-25T16:39:25.565Z cpu4:2758489)Migrate: vm 2758492: 3284: Setting VMOTION info: Source ts = 1451061663105920,
 *   src ip = <192.168.1.176> dest ip = <192.168.1.177> Dest wid = 1830931 using SHARED swap`
 *   The destination's `Setting VMOTION info: Dest ts = …` form is reconstructed [I].
 * - vmkernel.log 8.x [V Broadcom KB 441977, values there are placeholders]:
 *   `… In(182) vmkernel: cpu10:2100002 opID=d5991c6f)Migrate: 314: vmotion: Source vmmLeaderID = 2118927,
 *   ts = 7182955985622810397, srcIP = <10.0.0.1> dstIP = <10.0.0.2> Dest wid = 2109446 using SHARED swap, encrypted`
 *   and `vmotion: Dest vmmLeaderID = …` on the destination. The line prefix (`In(182) vmkernel: cpu10:2100002`) is
 *   reconstructed from the KB's `In() vmkernel: cpu##` [I].
 * - vmkernel.log 6.x multi-NIC [V virtuallypeculiar]: `VMotion: 2734: 1451061663105920 S: Set ip address
 *   '192.168.1.176' worldlet affinity to send World ID 2772001` (one per sending address).
 * - vmkernel.log failure [V findbugzero/VMware KB, 6.7]: `WARNING: Migrate: 5454: 5422550532447652106 S: Migration
 *   considered a failure by the VMX.` (`D:` on the destination is reconstructed [I]).
 * - vmware.log [V haewon83 2023, ESXi 7.x]: `2023-04-15T08:52:34.879Z In(05) vmx - MigrateSetInfo: state=1
 *   srcIp=<192.168.1.22> dstIp=<192.168.1.23> mid=8743996508480001077 uuid=… priority=high`. `mid` equals the
 *   vmkernel `ts` of the same migration [I virtuallypeculiar: "grep for this ID in … vmware.log"].
 * - hostd.log [V Broadcom KB 393932]: `[NFC ERROR]NfcNewAuthdConnectionEx: Failed to connect to server
 *   <IP_address>:902`; the hostd line prefix (`… In(166) Hostd[2099573]: [Originator@6876 sub=Libs]`) is
 *   reconstructed [I]. Only errors towards port 902 (NFC) are kept.
 *
 * What the lines prove [I bundles.md §3]: the addresses chosen for the vMotion stream — not the vmknic the packets
 * left by when the socket is unbound — and, for NFC, only the peer address.
 */
import type { EvidenceRef } from '../core/model/evidence.ts';
import type { Encryption, ObservedMigration } from '../core/observed.ts';

export type LogEvent =
  | {
      readonly type: 'vmotion';
      readonly id?: string;
      readonly role: 'source' | 'destination';
      readonly src?: string;
      readonly dst?: string;
      readonly encrypted: Encryption;
      readonly time?: string;
      readonly ref: EvidenceRef;
    }
  | { readonly type: 'send-address'; readonly id: string; readonly address: string; readonly time?: string; readonly ref: EvidenceRef }
  | { readonly type: 'failure'; readonly id?: string; readonly side?: 'source' | 'destination'; readonly time?: string; readonly ref: EvidenceRef }
  | {
      readonly type: 'vmx';
      readonly id?: string;
      readonly src?: string;
      readonly dst?: string;
      readonly vm?: string;
      readonly time?: string;
      readonly ref: EvidenceRef;
    }
  | { readonly type: 'nfc-failed'; readonly peer: string; readonly time?: string; readonly ref: EvidenceRef };

const TIME = /^\s*\[?(\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)/;
const ADDRESS = '<?((?:\\d{1,3}\\.){3}\\d{1,3}|[0-9A-Fa-f:]*:[0-9A-Fa-f:.]+)>?';
const SRC = new RegExp(`\\bsrc\\s*ip\\s*=\\s*${ADDRESS}`, 'i');
const DST = new RegExp(`\\b(?:dest|dst)\\s*ip\\s*=\\s*${ADDRESS}`, 'i');
const TS = /\bts\s*=\s*<?(\d{6,20})>?/;
const ROLE = /(?:Setting VMOTION info:|vmotion:)\s*(Source|Dest(?:ination)?)\b/i;
const FAILURE = /\b(\d{6,20})\s+([SD]):\s*Migration considered a failure/i;
const SEND_ADDRESS = /VMotion:\s*\d+:\s*(\d{6,20})\s+S:\s*Set ip address '([^']+)'/;
const VMX_SRC = new RegExp(`\\bsrcIp=${ADDRESS}`);
const VMX_DST = new RegExp(`\\bdstIp=${ADDRESS}`);
const MID = /\bmid=(0x[0-9A-Fa-f]+|[0-9A-Fa-f]{6,20})\b/;
const NFC_902 = /\[NFC ERROR\].*?Failed to connect to (?:server|peer)\D{0,40}?((?:\d{1,3}\.){3}\d{1,3}):902\b/;

function timeOf(text: string): string | undefined {
  const m = TIME.exec(text);
  return m?.[1]?.replace(' ', 'T');
}

/** `mid=7958ea7f2d34d435` (hex, MigrateVMXdrToSpec) and `mid=8743996508480001077` (decimal) name one migration. */
function normaliseId(raw: string): string {
  if (/^0x/i.test(raw) || /[a-f]/i.test(raw)) {
    try {
      return BigInt(/^0x/i.test(raw) ? raw : `0x${raw}`).toString(10);
    } catch {
      return raw;
    }
  }
  return raw.replace(/^0+(?=\d)/, '');
}

/** One kept log line → what it says about a migration, if anything. `vm`: the VM folder of a vmware.log. */
export function readLogLine(ref: EvidenceRef, vm?: string): LogEvent | undefined {
  const text = ref.text;
  const time = timeOf(text);
  const at = time === undefined ? {} : { time };
  if (text.includes('MigrateSetInfo')) {
    const src = VMX_SRC.exec(text)?.[1];
    const dst = VMX_DST.exec(text)?.[1];
    const mid = MID.exec(text)?.[1];
    if (src === undefined && dst === undefined) return undefined;
    return {
      type: 'vmx',
      ...(mid !== undefined ? { id: normaliseId(mid) } : {}),
      ...(src !== undefined ? { src } : {}),
      ...(dst !== undefined ? { dst } : {}),
      ...(vm !== undefined ? { vm } : {}),
      ...at,
      ref,
    };
  }
  const failure = FAILURE.exec(text);
  if (failure && /Migrate/i.test(text)) {
    return { type: 'failure', id: normaliseId(failure[1] ?? ''), side: failure[2] === 'D' ? 'destination' : 'source', ...at, ref };
  }
  const send = SEND_ADDRESS.exec(text);
  if (send) return { type: 'send-address', id: normaliseId(send[1] ?? ''), address: send[2] ?? '', ...at, ref };
  if (/Migrate:/.test(text)) {
    const src = SRC.exec(text)?.[1];
    const dst = DST.exec(text)?.[1];
    const role = ROLE.exec(text)?.[1];
    if ((src !== undefined || dst !== undefined) && role !== undefined) {
      const ts = TS.exec(text)?.[1];
      return {
        type: 'vmotion',
        ...(ts !== undefined ? { id: normaliseId(ts) } : {}),
        role: /^source$/i.test(role) ? 'source' : 'destination',
        ...(src !== undefined ? { src } : {}),
        ...(dst !== undefined ? { dst } : {}),
        encrypted: encryptionOf(text),
        ...at,
        ref,
      };
    }
  }
  const nfc = NFC_902.exec(text);
  if (nfc) return { type: 'nfc-failed', peer: nfc[1] ?? '', ...at, ref };
  return undefined;
}

/**
 * ` using SHARED swap, encrypted` says encrypted [V KB 441977]. The 8.x `vmotion:` form printing nothing after the
 * swap clause is read as not encrypted [I: the KB shows the suffix only for an encrypted stream]; the 6.x
 * `Setting VMOTION info` form never mentions encryption, so it says nothing.
 */
function encryptionOf(text: string): Encryption {
  if (/\b(?:unencrypted|not encrypted)\b/i.test(text)) return 'no';
  if (/\bencrypted\b/i.test(text)) return 'yes';
  return /vmotion:\s*(?:Source|Dest)/i.test(text) ? 'no' : 'unknown';
}

export interface GroupOptions {
  /** The host whose logs these are. */
  readonly host: string;
  /** IPv4 addresses of this host's vmknics: they tell a vmware.log line's direction (the VM's datastore may be shared). */
  readonly addresses: ReadonlySet<string>;
  /** Migrations kept (newest first); NFC peers are grouped, not counted here. */
  readonly maxMigrations?: number;
}

interface Draft {
  id?: string;
  vm?: string;
  time?: string;
  direction: ObservedMigration['direction'];
  src: Set<string>;
  dst: Set<string>;
  encrypted: Encryption;
  failed: boolean;
  evidence: EvidenceRef[];
}

/** Groups events into migrations: one per migration id (vmkernel `ts` = vmware.log `mid`), NFC failures per peer. */
export function groupMigrations(events: readonly LogEvent[], options: GroupOptions): ObservedMigration[] {
  const byId = new Map<string, Draft>();
  const loose: Draft[] = [];
  const draftFor = (id: string | undefined): Draft => {
    const existing = id === undefined ? undefined : byId.get(id);
    if (existing) return existing;
    const d: Draft = { direction: 'unknown', src: new Set(), dst: new Set(), encrypted: 'unknown', failed: false, evidence: [] };
    if (id !== undefined) {
      d.id = id;
      byId.set(id, d);
    } else loose.push(d);
    return d;
  };
  const failures: Extract<LogEvent, { type: 'failure' }>[] = [];
  const sends: Extract<LogEvent, { type: 'send-address' }>[] = [];
  const nfc = new Map<string, { time?: string; last?: string; count: number; evidence: EvidenceRef[] }>();

  for (const e of events) {
    switch (e.type) {
      case 'vmotion': {
        const d = draftFor(e.id);
        d.direction = e.role === 'source' ? 'outgoing' : 'incoming';
        if (e.src) d.src.add(e.src);
        if (e.dst) d.dst.add(e.dst);
        if (e.encrypted !== 'unknown') d.encrypted = e.encrypted;
        d.time = earliest(d.time, e.time);
        d.evidence.push(e.ref);
        break;
      }
      case 'vmx': {
        const mine = (e.src !== undefined && options.addresses.has(e.src)) || (e.dst !== undefined && options.addresses.has(e.dst));
        // A VM log on a shared datastore also tells of migrations between other hosts: only this host's are kept.
        if (!mine && options.addresses.size > 0 && (e.id === undefined || !byId.has(e.id))) break;
        const d = draftFor(e.id);
        if (d.direction === 'unknown') {
          if (e.src !== undefined && options.addresses.has(e.src)) d.direction = 'outgoing';
          else if (e.dst !== undefined && options.addresses.has(e.dst)) d.direction = 'incoming';
        }
        if (e.src) d.src.add(e.src);
        if (e.dst) d.dst.add(e.dst);
        if (e.vm) d.vm = e.vm;
        d.time = earliest(d.time, e.time);
        d.evidence.push(e.ref);
        break;
      }
      case 'failure':
        failures.push(e);
        break;
      case 'send-address':
        sends.push(e);
        break;
      case 'nfc-failed': {
        const g = nfc.get(e.peer) ?? { count: 0, evidence: [] };
        g.count++;
        g.time = earliest(g.time, e.time);
        g.last = latest(g.last, e.time);
        if (g.evidence.length < 5) g.evidence.push(e.ref);
        nfc.set(e.peer, g);
        break;
      }
    }
  }
  // Failure and per-address lines only name the migration id: they complete a migration seen by its start line.
  for (const f of failures) {
    const d = f.id === undefined ? undefined : byId.get(f.id);
    if (d) {
      d.failed = true;
      d.evidence.push(f.ref);
    }
  }
  for (const s of sends) {
    const d = byId.get(s.id);
    if (d) {
      d.src.add(s.address);
      d.evidence.push(s.ref);
    }
  }

  const migrations: ObservedMigration[] = [...byId.values(), ...loose].map((d) => ({
    host: options.host,
    traffic: 'vmotion' as const,
    ...(d.id !== undefined ? { id: d.id } : {}),
    ...(d.vm !== undefined ? { vm: d.vm } : {}),
    ...(d.time !== undefined ? { time: d.time } : {}),
    direction: d.direction,
    sourceAddresses: [...d.src],
    destAddresses: [...d.dst],
    encrypted: d.encrypted,
    outcome: d.failed ? ('failed' as const) : ('no-failure-logged' as const),
    evidence: sortRefs(d.evidence),
  }));
  const nfcGroups: ObservedMigration[] = [...nfc.entries()].map(([peer, g]) => ({
    host: options.host,
    traffic: 'nfc' as const,
    ...(g.time !== undefined ? { time: g.time } : {}),
    ...(g.last !== undefined && g.last !== g.time ? { lastTime: g.last } : {}),
    direction: 'outgoing' as const,
    sourceAddresses: [],
    destAddresses: [peer],
    encrypted: 'unknown' as const,
    outcome: 'failed' as const,
    count: g.count,
    evidence: g.evidence,
  }));
  const all = [...migrations, ...nfcGroups].sort(newestFirst);
  return options.maxMigrations !== undefined ? all.slice(0, options.maxMigrations) : all;
}

function earliest(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return b < a ? b : a;
}

function latest(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return b > a ? b : a;
}

function newestFirst(a: ObservedMigration, b: ObservedMigration): number {
  const ta = a.time ?? '';
  const tb = b.time ?? '';
  return ta === tb ? 0 : ta < tb ? 1 : -1;
}

function sortRefs(refs: readonly EvidenceRef[]): EvidenceRef[] {
  const seen = new Set<string>();
  const out: EvidenceRef[] = [];
  for (const r of refs) {
    const k = `${r.file}\u0000${r.line}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(r);
  }
  return out;
}
