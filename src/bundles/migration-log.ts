/**
 * Reads the log lines that show past migrations (shared/docs/bundles.md §3) by family, not by keyword (issue 16),
 * and groups them into migrations by id across vmkernel.log, vmware.log, hostd.log and vpxa.log.
 *
 * Families, each with where its shape comes from. [V] = seen in a published real log, kept verbatim in
 * src/bundles/__fixtures__/published/ with its source; [R] = reconstructed, never checked against a real log.
 * Parsing is tolerant: fields are found by name, in any order, with or without `<…>` around addresses, whatever
 * the line prefix (a syslog relay adds `<timestamp> <host> Hostd:` or `Vpxa:` in front: the same words follow
 * [V SexiLog 2015]).
 * - vmkernel start, 6.x [V virtuallypeculiar 2015]: `Migrate: vm 2758492: 3284: Setting VMOTION info: Source ts =
 *   1451061663105920, src ip = <192.168.1.176> dest ip = <192.168.1.177> …`. The destination's `Dest ts` form [R].
 * - vmkernel start, 8.x [V KB 441977, placeholders in place of the values]: `Migrate: 314: vmotion: Source
 *   vmmLeaderID = …, ts = …, srcIP = <…> dstIP = <…> … using SHARED swap, encrypted`; `vmotion: Dest …` likewise.
 * - vmkernel per-address [V virtuallypeculiar]: `VMotion: 2734: <id> S: Set ip address '192.168.1.176' …`.
 * - vmkernel side lines [V VMTN 2014 (5.5), KB 436882]: `VMotion: 3680: <id> S: failed to end preCopy stream`,
 *   `VMotion: 4650: <id> S: Stopping pre-copy …`, `VMotionSend: 4156: <id> S: …`: the id and `S:` (this host
 *   sent) or `D:` (received). `D:` is reconstructed [R]: every published line is `S:`.
 * - vmkernel failure [V VMTN 2014, KB 59665 mirror]: `WARNING: Migrate: 5289: <id> S: Migration considered a
 *   failure by the VMX.` and `Migrate: 269: <id> S: Failed: …`, also with no start line (after `grep WARNING`):
 *   a past migration, failed, addresses unknown. The bare message without prefix or id [V lab.florian.ca 2017].
 * - vmware.log [V haewon83 2023]: `MigrateSetInfo: state=1 srcIp=<…> dstIp=<…> mid=…`, `MigrateVMXdrToSpec: …
 *   srcIp=<…> dstIp=<…> mid=<hex>` and `Received migrate 'to' request for mid id …, src ip <…>, dst ip <…>`;
 *   `mid` equals the vmkernel `ts`. Direction from this host's own addresses.
 * - vmware.log, destination [V KB 436882]: `Migrate_Open: Restoring from <10.0.0.2> with migration id …`.
 * - vmware.log failure [V KB 320352, timestamps replaced there]: `[msg.checkpoint.migration.…]` / `[msg.migrate.…]`
 *   message lines and `Migrate: Attempting to continue running on the source.` (the source side).
 * - hostd.log [V KB 59665 mirror, lines glued by the page]: `[Originator@6876 sub=Vcsvc.VMotionSrc (<id>)]
 *   ResolveCb: Failed with fault …`: `VMotionSrc` = this host sent, `VMotionDst` [R: no published sample kept] =
 *   received; "Failed with fault" = failed. The 5.x form `[52F4CB90 verbose 'VMotionSrc (<id>)'] Set source task
 *   result precopyStunTime to …` [V SexiLog 2015, forwarded through syslog]. `VMotionPrepare (<id>)` [V jlscz
 *   2011, ESX 4.1] names the id only.
 * - vpxa.log `[MIGRATE] (<id>) immigrating VM at path … has vmid …` (received) [V SexiLog 2015, forwarded through
 *   syslog]; `emigrating` (sent) [R: the counterpart word, no published sample kept]. fdm.log is scanned for the
 *   same families; no fdm migration line is known [R].
 * - hostd.log NFC [V Broadcom KB 393932]: `[NFC ERROR]NfcNewAuthdConnectionEx: Failed to connect to server
 *   <IP_address>:902`. Only errors towards port 902 (NFC) are kept.
 * Several log lines glued into one by a web page are cut at each embedded timestamp first (readLogLines).
 *
 * What the lines prove [I bundles.md §3]: the addresses chosen for the vMotion stream — not the vmknic the packets
 * left by when the socket is unbound — the side (sent or received) and a failure; each migration lists which of
 * its lines prove which (`proof`), and nothing more. NFC lines give only the peer address.
 */
import type { EvidenceRef } from '../core/model/evidence.ts';
import type { Encryption, ObservedMigration } from '../core/observed.ts';

export type Side = 'source' | 'destination';

export type LogEvent =
  | {
      readonly type: 'vmotion';
      readonly id?: string;
      readonly role: Side;
      readonly src?: string;
      readonly dst?: string;
      readonly encrypted: Encryption;
      readonly time?: string;
      readonly ref: EvidenceRef;
    }
  | { readonly type: 'send-address'; readonly id: string; readonly address?: string; readonly time?: string; readonly ref: EvidenceRef }
  | { readonly type: 'failure'; readonly id?: string; readonly side?: Side; readonly time?: string; readonly ref: EvidenceRef }
  /** A line that names the migration id and this host's side (`<id> S:`, `VMotionSrc (<id>)`, `immigrating`). */
  | { readonly type: 'side'; readonly id: string; readonly side: Side; readonly time?: string; readonly ref: EvidenceRef }
  /** A line that only names the migration id (`VMotionPrepare (<id>)`). */
  | { readonly type: 'mention'; readonly id: string; readonly time?: string; readonly ref: EvidenceRef }
  | {
      readonly type: 'vmx';
      readonly id?: string;
      readonly src?: string;
      readonly dst?: string;
      /** Set when the line itself says the side of the VM process that wrote it (`Migrate_Open: Restoring from`). */
      readonly side?: Side;
      readonly vm?: string;
      readonly time?: string;
      readonly ref: EvidenceRef;
    }
  | { readonly type: 'nfc-failed'; readonly peer: string; readonly time?: string; readonly ref: EvidenceRef };

const TIME = /^\s*\[?(\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)/;
const ADDRESS = '<?((?:\\d{1,3}\\.){3}\\d{1,3}|[0-9A-Fa-f:]*:[0-9A-Fa-f:.]+)>?';
const SRC = new RegExp(`\\bsrc\\s*ip\\s*=\\s*${ADDRESS}`, 'i');
const DST = new RegExp(`\\b(?:dest|dst)\\s*ip\\s*=\\s*${ADDRESS}`, 'i');
// `ts = <ex. 7182955985622810397>`: KB 441977 prints its example values that way.
const TS = /\bts\s*=\s*<?(?:ex\.\s*)?(\d{6,20})>?/;
const ROLE = /(?:Setting VMOTION info:|vmotion:)\s*(Source|Dest(?:ination)?)\b/i;
const FAILURE = /\b(\d{6,20})\s+([SD]):\s*(?:Migration considered a failure|Failed:)/i;
const BARE_FAILURE = /Migration considered a failure by the VMX/i;
const SEND_ADDRESS = /VMotion:\s*\d+:\s*(\d{6,20})\s+S:\s*Set ip address '([^']*)'/;
// `VMotion: 3680: <id> S: …`, `VMotionSend: 4156: <id> S: …`, `Migrate: 269: <id> S: …`.
const SIDE_LINE = /\b(?:VMotion\w*|Migrate):\s*\d+:\s*(\d{6,20})\s+([SD]):/;
const VMX_SRC = new RegExp(`\\bsrcIp=${ADDRESS}`);
const VMX_DST = new RegExp(`\\bdstIp=${ADDRESS}`);
const MID = /\bmid=(0x[0-9A-Fa-f]+|[0-9A-Fa-f]{6,20})\b/;
const RECEIVED_TO = new RegExp(`Received migrate '(?:to|from)' request for mid id (\\d{6,20}), src ip ${ADDRESS}, dst ip ${ADDRESS}`);
const RESTORING = new RegExp(`Migrate_Open: Restoring from ${ADDRESS} with migration id (\\d{6,20})`);
const VMX_FAILURE = /\[msg\.(?:checkpoint\.migration|migrate)\.[\w.]+\]/;
const VMX_SOURCE_CONTINUES = /Migrate: Attempting to continue running on the source/;
const HOSTD_TASK = /\bVMotion(Src|Dst)\s*\((\d{6,20})\)/;
const HOSTD_FAILED = /\bFailed with fault\b/;
const HOSTD_PREPARE = /\bVMotionPrepare\s*\((\d{6,20})\)/;
const VPXA_MIGRATE = /\[MIGRATE\]\s*\((\d{6,20})\)\s*(immigrating|emigrating)\b/i;
const NFC_902 = /\[NFC ERROR\].*?Failed to connect to (?:server|peer)\D{0,40}?((?:\d{1,3}\.){3}\d{1,3}):902\b/;
/** A log line's own timestamp inside a longer line: where a web page glued two lines together. */
const GLUED = /(?<=\S\s?)(?=\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z?\s+(?:cpu\d|In\(|info |verbose |warning |error |Hostd|Vpxa|Fdm|Wa\(|Er\(|\w+\[))/g;

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

/**
 * A kept line that may hold several log lines glued together by a web page (`…stable? false)2018-10-20T23:21:53…`):
 * cut at each embedded timestamp that opens a log line, each piece keeping the line number, then read each piece.
 */
export function readLogLines(ref: EvidenceRef, vm?: string): LogEvent[] {
  const pieces = ref.text.length > 40 ? ref.text.split(GLUED) : [ref.text];
  const out: LogEvent[] = [];
  for (const piece of pieces) {
    const e = readLogLine(pieces.length === 1 ? ref : { ...ref, text: piece.trim() }, vm);
    if (e !== undefined) out.push(e);
  }
  return out;
}

/** One log line → what it says about a migration, if anything. `vm`: the VM folder of a vmware.log. */
export function readLogLine(ref: EvidenceRef, vm?: string): LogEvent | undefined {
  const text = ref.text;
  const time = timeOf(text);
  const at = time === undefined ? {} : { time };
  const inVm = vm !== undefined ? { vm } : {};
  if (/MigrateSetInfo|MigrateVMXdrToSpec/.test(text)) {
    const src = VMX_SRC.exec(text)?.[1];
    const dst = VMX_DST.exec(text)?.[1];
    const mid = MID.exec(text)?.[1];
    if (src === undefined && dst === undefined && mid === undefined) return undefined;
    return { type: 'vmx', ...(mid !== undefined ? { id: normaliseId(mid) } : {}), ...(src !== undefined ? { src } : {}), ...(dst !== undefined ? { dst } : {}), ...inVm, ...at, ref };
  }
  const received = RECEIVED_TO.exec(text);
  if (received) {
    return { type: 'vmx', id: normaliseId(received[1] ?? ''), src: received[2] ?? '', dst: received[3] ?? '', ...inVm, ...at, ref };
  }
  const restoring = RESTORING.exec(text);
  if (restoring) {
    // Written by the destination's VM process: it restores from the source's address.
    return { type: 'vmx', id: normaliseId(restoring[2] ?? ''), src: restoring[1] ?? '', side: 'destination', ...inVm, ...at, ref };
  }
  if (VMX_SOURCE_CONTINUES.test(text)) return { type: 'failure', side: 'source', ...at, ref };
  if (VMX_FAILURE.test(text)) return { type: 'failure', ...at, ref };
  const failure = FAILURE.exec(text);
  if (failure && /Migrat/i.test(text)) {
    return { type: 'failure', id: normaliseId(failure[1] ?? ''), side: failure[2] === 'D' ? 'destination' : 'source', ...at, ref };
  }
  if (BARE_FAILURE.test(text)) return { type: 'failure', ...at, ref };
  const send = SEND_ADDRESS.exec(text);
  if (send) {
    const address = send[2] ?? '';
    return { type: 'send-address', id: normaliseId(send[1] ?? ''), ...(address !== '' ? { address } : {}), ...at, ref };
  }
  if (/Migrate:/.test(text)) {
    const role = ROLE.exec(text)?.[1];
    if (role !== undefined) {
      const src = SRC.exec(text)?.[1];
      const dst = DST.exec(text)?.[1];
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
  const side = SIDE_LINE.exec(text);
  if (side) return { type: 'side', id: normaliseId(side[1] ?? ''), side: side[2] === 'D' ? 'destination' : 'source', ...at, ref };
  const task = HOSTD_TASK.exec(text);
  if (task) {
    const id = normaliseId(task[2] ?? '');
    const taskSide: Side = task[1] === 'Src' ? 'source' : 'destination';
    if (HOSTD_FAILED.test(text)) return { type: 'failure', id, side: taskSide, ...at, ref };
    return { type: 'side', id, side: taskSide, ...at, ref };
  }
  const vpxa = VPXA_MIGRATE.exec(text);
  if (vpxa) return { type: 'side', id: normaliseId(vpxa[1] ?? ''), side: /^immigrating$/i.test(vpxa[2] ?? '') ? 'destination' : 'source', ...at, ref };
  const prepare = HOSTD_PREPARE.exec(text);
  if (prepare) return { type: 'mention', id: normaliseId(prepare[1] ?? ''), ...at, ref };
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
  proof: { addresses: EvidenceRef[]; direction: EvidenceRef[]; failure: EvidenceRef[] };
  /** For a migration without id: the file and line of its last line (id-less lines close together are one). */
  near?: { file: string; line: number };
}

/** Lines without an id that are at most this many lines apart in one file tell of one migration. */
const LOOSE_SPAN = 50;

const directionOf = (side: Side): ObservedMigration['direction'] => (side === 'source' ? 'outgoing' : 'incoming');

/**
 * Groups events into migrations: one per migration id (vmkernel `ts` = vmware.log `mid` = hostd/vpxa task id),
 * whichever log each line is from; lines without an id join the id-less migration just above them in the same
 * file. NFC failures are grouped per peer.
 */
export function groupMigrations(events: readonly LogEvent[], options: GroupOptions): ObservedMigration[] {
  const byId = new Map<string, Draft>();
  const loose: Draft[] = [];
  const fresh = (): Draft => ({
    direction: 'unknown',
    src: new Set(),
    dst: new Set(),
    encrypted: 'unknown',
    failed: false,
    evidence: [],
    proof: { addresses: [], direction: [], failure: [] },
  });
  const draftFor = (id: string | undefined, ref: EvidenceRef): Draft => {
    if (id !== undefined) {
      const existing = byId.get(id);
      if (existing) return existing;
      const d = fresh();
      d.id = id;
      byId.set(id, d);
      return d;
    }
    const last = loose[loose.length - 1];
    if (last?.near !== undefined && last.near.file === ref.file && Math.abs(ref.line - last.near.line) <= LOOSE_SPAN) {
      last.near = { file: ref.file, line: ref.line };
      return last;
    }
    const d = fresh();
    d.near = { file: ref.file, line: ref.line };
    loose.push(d);
    return d;
  };
  const side = (d: Draft, s: Side, ref: EvidenceRef): void => {
    if (d.direction === 'unknown') d.direction = directionOf(s);
    if (d.direction === directionOf(s)) d.proof.direction.push(ref);
  };
  const nfc = new Map<string, { time?: string; last?: string; count: number; evidence: EvidenceRef[] }>();
  // vmware.log lines are placed last: whether they are this host's depends on what the other logs said.
  const ordered = [...events.filter((e) => e.type !== 'vmx'), ...events.filter((e) => e.type === 'vmx')];
  // Evidence is listed in reading order (the order the events came in), whatever order they were attributed in.
  const readingOrder = new Map<EvidenceRef, number>(events.map((e, i) => [e.ref, i]));
  const inOrder = (refs: readonly EvidenceRef[]): EvidenceRef[] =>
    sortRefs([...refs].sort((a, b) => (readingOrder.get(a) ?? 0) - (readingOrder.get(b) ?? 0)));

  for (const e of ordered) {
    switch (e.type) {
      case 'vmotion': {
        const d = draftFor(e.id, e.ref);
        side(d, e.role, e.ref);
        if (e.src) d.src.add(e.src);
        if (e.dst) d.dst.add(e.dst);
        if (e.src !== undefined || e.dst !== undefined) d.proof.addresses.push(e.ref);
        if (e.encrypted !== 'unknown') d.encrypted = e.encrypted;
        d.time = earliest(d.time, e.time);
        d.evidence.push(e.ref);
        break;
      }
      case 'vmx': {
        const mine = (e.src !== undefined && options.addresses.has(e.src)) || (e.dst !== undefined && options.addresses.has(e.dst));
        // A VM log on a shared datastore also tells of migrations between other hosts: only this host's are kept.
        if (!mine && options.addresses.size > 0 && (e.id === undefined || !byId.has(e.id))) break;
        const d = draftFor(e.id, e.ref);
        if (e.side !== undefined && (options.addresses.size === 0 || (e.src !== undefined && !options.addresses.has(e.src)))) {
          side(d, e.side, e.ref);
        } else if (e.src !== undefined && options.addresses.has(e.src)) {
          side(d, 'source', e.ref);
        } else if (e.dst !== undefined && options.addresses.has(e.dst)) {
          side(d, 'destination', e.ref);
        }
        if (e.src) d.src.add(e.src);
        if (e.dst) d.dst.add(e.dst);
        if (e.src !== undefined || e.dst !== undefined) d.proof.addresses.push(e.ref);
        if (e.vm) d.vm = e.vm;
        d.time = earliest(d.time, e.time);
        d.evidence.push(e.ref);
        break;
      }
      case 'failure': {
        // A failure with no start line (after `grep WARNING`, or a rotated log) is still a past migration.
        const d = draftFor(e.id, e.ref);
        d.failed = true;
        d.proof.failure.push(e.ref);
        if (e.side !== undefined) side(d, e.side, e.ref);
        d.time = earliest(d.time, e.time);
        d.evidence.push(e.ref);
        break;
      }
      case 'send-address': {
        const d = draftFor(e.id, e.ref);
        side(d, 'source', e.ref);
        if (e.address !== undefined) {
          d.src.add(e.address);
          d.proof.addresses.push(e.ref);
        }
        d.time = earliest(d.time, e.time);
        d.evidence.push(e.ref);
        break;
      }
      case 'side': {
        const d = draftFor(e.id, e.ref);
        side(d, e.side, e.ref);
        d.time = earliest(d.time, e.time);
        d.evidence.push(e.ref);
        break;
      }
      case 'mention': {
        const d = draftFor(e.id, e.ref);
        d.time = earliest(d.time, e.time);
        d.evidence.push(e.ref);
        break;
      }
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
    evidence: inOrder(d.evidence),
    proof: { addresses: inOrder(d.proof.addresses), direction: inOrder(d.proof.direction), failure: inOrder(d.proof.failure) },
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
