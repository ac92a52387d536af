/**
 * What the path picture shows, before any geometry: the two host boxes (or one host and an assumed peer) and one
 * arrow per traffic class from the egress vmknic(s) to the ingress vmknic(s), plus the intended path where the
 * actual one differs, the destination's replies where they leave by another vmknic, and uncertain paths with their
 * candidates. Derived only from the analysis result, so every front end draws the same arrows.
 *
 * Rules drawn (domain.md §1.7): vMotion source egress → destination ingress (D, E1); the replies of the destination
 * (E2) only when they leave by another vmknic than the one receiving (E3, unicast flooding); NFC egress → ingress
 * (F3, F4); management towards vCenter (G). A single pasted host is drawn against an assumed peer (D0) and also as
 * a receiver, as the analysis studies it.
 */
import type { AnalysisResult } from '../analyze.ts';
import type { HostJson } from '../host-json.ts';
import { weakest, type Certainty } from '../model/evidence.ts';
import { formatNetwork, networkOf } from '../net/ipv4.ts';
import { isOnWrongVmknic, repliesLeaveByAnotherVmknic, streamOffIntended } from '../present/flow.ts';
import type { FindingResult, FlowResult, Role, Severity, TrafficClass } from '../result.ts';

export type ArrowClass = 'vmotion' | 'nfc' | 'management' | 'replies';
/** `none`: the traffic has no path (no vMotion vmknic); drawn as a note, never as an arrow to vmk0. */
export type ArrowKind = 'actual' | 'intended' | 'uncertain' | 'none';
export type Side = 'left' | 'right';

export interface ArrowEnd {
  readonly side: Side | 'vcenter';
  /** vmknic name, or a row of the assumed peer (`peer:vmotion`, `peer:nfc`); absent = the host as a whole. */
  readonly row?: string;
  /** The far side cannot take the traffic (its ingress is "none"). */
  readonly blocked?: boolean;
}

export interface PictureArrow {
  /** Stable and unique within one picture: `vmotion-actual`, `vmotion-uncertain-in`, … */
  readonly key: string;
  readonly cls: ArrowClass;
  readonly kind: ArrowKind;
  readonly from: readonly ArrowEnd[];
  readonly to: readonly ArrowEnd[];
  /** Short text drawn on the arrow. */
  readonly label: string;
  /** One sentence for screen readers (aria-label). */
  readonly summary: string;
  /** Why: the reasoning lines shown on hover (title). */
  readonly reasons: readonly string[];
  readonly certainty: Certainty;
  /** Arrows of one group (an actual path and its intended path) are laid out next to each other. */
  readonly group: string;
  /** Findings about this traffic on the hosts it joins (worst first), flagged on the arrow. */
  readonly findings: readonly { readonly id: string; readonly severity: Severity; readonly title: string }[];
}

export interface PeerRow {
  readonly key: string;
  readonly name: string;
  readonly detail: string;
}

export interface PicturePlan {
  readonly left: HostJson;
  /** Absent when one host was pasted: the right box is the assumed peer. */
  readonly right?: HostJson;
  readonly peerRows: readonly PeerRow[];
  readonly arrows: readonly PictureArrow[];
}

export const CLASS_NAME: Readonly<Record<ArrowClass, string>> = {
  vmotion: 'vMotion',
  nfc: 'NFC',
  management: 'management',
  replies: 'vMotion replies',
};

const CLASS_LONG: Readonly<Record<ArrowClass, string>> = {
  vmotion: 'vMotion hot data (TCP 8000)',
  nfc: 'NFC cold data (TCP 902)',
  management: 'Management traffic',
  replies: 'vMotion replies (TCP ACKs)',
};

const PEER_VMOTION = 'peer:vmotion';
const PEER_NFC = 'peer:nfc';
const MAX_REASONS = 16;

type Where = { readonly kind: 'actual' | 'uncertain' | 'none'; readonly names: readonly string[] };

function where(f: FlowResult | undefined): Where {
  if (!f) return { kind: 'none', names: [] };
  if (f.vmknics.length > 0) return { kind: 'actual', names: f.vmknics };
  if (f.candidates && f.candidates.length > 0) return { kind: 'uncertain', names: f.candidates };
  return { kind: f.certainty === 'uncertain' ? 'uncertain' : 'none', names: [] };
}

function ends(side: Side, names: readonly string[]): ArrowEnd[] {
  return names.map((row) => ({ side, row }));
}

function list(names: readonly string[], joiner: string): string {
  return names.length > 0 ? names.join(joiner) : '?';
}

function reasonsOf(summary: string, flows: readonly (FlowResult | undefined)[], extra: readonly string[] = []): string[] {
  const out = [summary, ...extra];
  for (const f of flows) {
    if (!f) continue;
    const dir = f.direction === 'egress' ? 'leaves' : 'enters';
    out.push(`${f.host} (${f.role}, ${f.traffic} ${dir}), ${f.certainty}:`);
    out.push(...f.trace.map((t) => `- ${t}`));
    if (f.settle && f.settle.length > 0) out.push(...f.settle.map((s) => `To settle: ${s}`));
  }
  if (out.length <= MAX_REASONS) return out;
  return [...out.slice(0, MAX_REASONS - 1), `… ${out.length - MAX_REASONS + 1} more lines in the trace`];
}

function certaintyOf(...flows: readonly (FlowResult | undefined)[]): Certainty {
  return weakest(...flows.filter((f): f is FlowResult => f !== undefined).map((f) => f.certainty));
}

interface Pairing {
  readonly single: boolean;
  readonly leftName: string;
  readonly rightName: string;
  readonly find: (traffic: TrafficClass, role: Role, direction: FlowResult['direction']) => FlowResult | undefined;
}

/** vMotion or NFC: the stream from the source to the destination (or, single host, to the assumed peer). */
function streamArrows(p: Pairing, traffic: 'vmotion' | 'nfc'): PictureArrow[] {
  const out: PictureArrow[] = [];
  const cls: ArrowClass = traffic;
  const egress = p.find(traffic, 'source', 'egress');
  const ingress = p.find(traffic, 'destination', 'ingress');
  if (!egress && !ingress) return out;
  const peerRow = traffic === 'vmotion' ? PEER_VMOTION : PEER_NFC;
  const src = where(egress);
  const dst = p.single ? ({ kind: 'actual', names: [peerRow] } as Where) : where(ingress);
  const dstIsNone = !p.single && ingress !== undefined && dst.kind === 'none';
  const toEnds: ArrowEnd[] = dst.names.length > 0 ? ends('right', dst.names) : [{ side: 'right', ...(dstIsNone ? { blocked: true } : {}) }];
  const toText = p.single ? 'peer' : dst.names.length > 0 ? list(dst.names, ', ') : dstIsNone ? 'none' : '?';
  const ingressFlow = p.single ? undefined : ingress;

  if (egress) {
    if (src.kind === 'none') {
      out.push({
        key: `${cls}-none`,
        cls,
        kind: 'none',
        from: [{ side: 'left' }],
        to: [],
        label: `${CLASS_NAME[cls]}: none (no path)`,
        summary: `${CLASS_LONG[cls]} has no path out of ${p.leftName}: none (never a fallback to vmk0).`,
        reasons: reasonsOf(`${CLASS_LONG[cls]}: ${p.leftName} has no path (none).`, [egress]),
        certainty: egress.certainty,
        group: cls,
        findings: [],
      });
    } else if (src.names.length === 0) {
      out.push({
        key: `${cls}-uncertain`,
        cls,
        kind: 'uncertain',
        from: [{ side: 'left' }],
        to: [],
        label: `? ${CLASS_NAME[cls]}: not identified`,
        summary: `${CLASS_LONG[cls]}: the vmknic it leaves ${p.leftName} by could not be identified from the evidence.`,
        reasons: reasonsOf(`${CLASS_LONG[cls]}: egress on ${p.leftName} not identified.`, [egress]),
        certainty: 'uncertain',
        group: cls,
        findings: [],
      });
    } else {
      const uncertain = src.kind === 'uncertain';
      const from = src.names;
      const summary = uncertain
        ? `${CLASS_LONG[cls]} leaves ${p.leftName} by ${from.join(' or ')} (uncertain) and enters ${p.rightName}${toText === 'peer' ? '' : ` by ${toText}`}.`
        : `${CLASS_LONG[cls]} leaves ${p.leftName} by ${from.join(', ')} and enters ${p.rightName}${toText === 'peer' ? '' : ` by ${toText}`} (${certaintyOf(egress, ingressFlow)}).`;
      out.push({
        key: `${cls}-${uncertain ? 'uncertain' : 'actual'}`,
        cls,
        kind: uncertain ? 'uncertain' : 'actual',
        from: ends('left', from),
        to: toEnds,
        label: uncertain ? `? ${CLASS_NAME[cls]} ${list(from, ' or ')} → ${toText}` : `${CLASS_NAME[cls]} ${list(from, ', ')} → ${toText}`,
        summary,
        reasons: reasonsOf(summary, [egress, ingressFlow], egress.intended.length > 0 ? [`Intended: ${egress.intended.join(', ')}.`] : []),
        certainty: certaintyOf(egress, ingressFlow),
        group: cls,
        findings: [],
      });
      // The intended path beside the actual one where the stream is on a wrong vmknic, decided as every table and
      // sentence decides it (text output marks it "<-- intended").
      const intendedTo = !p.single && ingress && ingress.intended.length > 0 ? ingress.intended : dst.names;
      if (egress.intended.length > 0 && intendedTo.length > 0 && streamOffIntended(egress, p.single ? undefined : ingress)) {
        const iText = p.single ? 'peer' : intendedTo.join(', ');
        const s = `Intended ${CLASS_LONG[cls]} path: ${p.leftName} ${egress.intended.join(', ')} to ${p.rightName}${p.single ? '' : ` ${iText}`}; the actual path differs.`;
        out.push({
          key: `${cls}-intended`,
          cls,
          kind: 'intended',
          from: ends('left', egress.intended),
          to: ends('right', intendedTo),
          label: `intended ${CLASS_NAME[cls]} ${egress.intended.join(', ')} → ${iText}`,
          summary: s,
          reasons: [s, 'The intended vmknics are the ones tagged or built for this traffic (vMotion tag or vmotion stack; provisioning vmknic; management vmknic).'],
          certainty: 'definite',
          group: cls,
          findings: [],
        });
      }
    }
  }

  // Single host: it is also studied as the receiver of a peer configured like it (§1.7 D0).
  if (p.single && ingress) {
    const inn = where(ingress);
    if (inn.names.length > 0) {
      const uncertain = inn.kind === 'uncertain';
      const s = `${CLASS_LONG[cls]} from the assumed peer enters ${p.leftName} by ${inn.names.join(uncertain ? ' or ' : ', ')} (${ingress.certainty}).`;
      out.push({
        key: `${cls}-${uncertain ? 'uncertain' : 'actual'}-in`,
        cls,
        kind: uncertain ? 'uncertain' : 'actual',
        from: [{ side: 'right', row: peerRow }],
        to: ends('left', inn.names),
        label: `${uncertain ? '? ' : ''}${CLASS_NAME[cls]} in: peer → ${list(inn.names, uncertain ? ' or ' : ', ')}`,
        summary: s,
        reasons: reasonsOf(s, [ingress]),
        certainty: ingress.certainty,
        group: `${cls}-in`,
        findings: [],
      });
    }
  }
  return out;
}

/** The destination's replies, drawn only when they leave by another vmknic than the receiving one (§1.7 E2/E3). */
function replyArrows(p: Pairing): PictureArrow[] {
  const R = p.find('vmotion', 'destination', 'egress');
  const I = p.find('vmotion', 'destination', 'ingress');
  const E = p.find('vmotion', 'source', 'egress');
  if (!R) return [];
  const rep = where(R);
  if (rep.names.length === 0) return [];
  const ingress = I?.vmknics ?? [];
  if (rep.kind === 'actual' && !repliesLeaveByAnotherVmknic(R, I)) return [];

  // Replies go back to the address the stream came from: on the source, its egress (or candidates, or intended).
  const receiver: Side = p.single ? 'left' : 'right';
  const sender: Side = p.single ? 'right' : 'left';
  const srcNames = p.single ? [PEER_VMOTION] : (E && (E.vmknics.length > 0 ? E.vmknics : E.candidates && E.candidates.length > 0 ? E.candidates : E.intended)) ?? [];
  const target: ArrowEnd[] = srcNames.length > 0 ? ends(sender, srcNames) : [{ side: sender }];
  const tText = p.single ? 'peer' : srcNames.length > 0 ? srcNames.join(', ') : '?';
  const replier = p.single ? p.leftName : p.rightName;
  const toHost = p.single ? 'the assumed peer' : p.leftName;
  const uncertain = rep.kind === 'uncertain';
  const out: PictureArrow[] = [];
  const s = uncertain
    ? `${CLASS_LONG.replies} leave ${replier} by ${rep.names.join(' or ')} (uncertain) towards ${toHost}; it receives on ${ingress.join(', ') || '?'}.`
    : `${CLASS_LONG.replies} leave ${replier} by ${rep.names.join(', ')} towards ${toHost}, not by the receiving vmknic ${ingress.join(', ') || '?'} (${R.certainty}).`;
  out.push({
    key: `replies-${uncertain ? 'uncertain' : 'actual'}`,
    cls: 'replies',
    kind: uncertain ? 'uncertain' : 'actual',
    from: ends(receiver, rep.names),
    to: target,
    label: uncertain ? `? ${CLASS_NAME.replies} ${rep.names.join(' or ')} → ${tText}` : `${CLASS_NAME.replies} ${rep.names.join(', ')} → ${tText}`,
    summary: s,
    reasons: reasonsOf(s, [R]),
    certainty: R.certainty,
    group: 'replies',
    findings: [],
  });
  if (!uncertain && isOnWrongVmknic(R)) {
    const si = `Intended ${CLASS_LONG.replies}: from ${replier} ${R.intended.join(', ')}, the vmknic receiving the stream; the actual replies differ.`;
    out.push({
      key: 'replies-intended',
      cls: 'replies',
      kind: 'intended',
      from: ends(receiver, R.intended),
      to: target,
      label: `intended replies ${R.intended.join(', ')} → ${tText}`,
      summary: si,
      reasons: [si],
      certainty: 'definite',
      group: 'replies',
      findings: [],
    });
  }
  return out;
}

function managementArrows(p: Pairing, flows: readonly FlowResult[]): PictureArrow[] {
  const out: PictureArrow[] = [];
  const seen = new Set<Side>();
  for (const f of flows) {
    if (f.traffic !== 'management' || f.direction !== 'egress') continue;
    const side: Side = p.single || f.role === 'source' ? 'left' : 'right';
    if (seen.has(side)) continue;
    seen.add(side);
    const w = where(f);
    const suffix = side === 'left' ? '' : '-dest';
    if (w.names.length === 0) {
      const none = w.kind === 'none';
      const s = none ? `Management traffic has no path out of ${f.host}.` : `Management traffic: the management vmknic of ${f.host} could not be identified.`;
      out.push({
        key: `management-${none ? 'none' : 'uncertain'}${suffix}`,
        cls: 'management',
        kind: none ? 'none' : 'uncertain',
        from: [{ side }],
        to: [],
        label: none ? 'management: none' : '? management: not identified',
        summary: s,
        reasons: reasonsOf(s, [f]),
        certainty: f.certainty,
        group: `management${suffix}`,
        findings: [],
      });
      continue;
    }
    const uncertain = w.kind === 'uncertain';
    const s = `Management traffic leaves ${f.host} by ${w.names.join(uncertain ? ' or ' : ', ')} towards vCenter (${f.certainty}).`;
    out.push({
      key: `management-${uncertain ? 'uncertain' : 'actual'}${suffix}`,
      cls: 'management',
      kind: uncertain ? 'uncertain' : 'actual',
      from: ends(side, w.names),
      to: [{ side: 'vcenter' }],
      label: `${uncertain ? '? ' : ''}management ${w.names.join(uncertain ? ' or ' : ', ')}`,
      summary: s,
      reasons: reasonsOf(s, [f]),
      certainty: f.certainty,
      group: `management${suffix}`,
      findings: [],
    });
  }
  return out;
}

function peerRows(left: HostJson, arrows: readonly PictureArrow[], E: FlowResult | undefined): PeerRow[] {
  const used = new Set(arrows.flatMap((a) => [...a.from, ...a.to]).filter((e) => e.side === 'right').map((e) => e.row));
  const rows: PeerRow[] = [];
  if (used.has(PEER_VMOTION)) {
    const nic = left.vmknics.find((n) => n.name === (E?.intended[0] ?? E?.vmknics[0] ?? E?.candidates?.[0]));
    const net = networkOf(nic?.ipv4, nic?.netmask);
    const detail = nic && net ? `assumed in ${nic.name}'s subnet ${formatNetwork(net)}` : 'assumed in the source\'s vMotion subnet';
    rows.push({ key: PEER_VMOTION, name: 'vMotion vmknic', detail });
  }
  if (used.has(PEER_NFC)) rows.push({ key: PEER_NFC, name: 'NFC target', detail: 'the peer\'s provisioning or management vmknic' });
  return rows;
}

/** Which findings are about which traffic (domain.md §2): they are flagged on that traffic's arrows. */
const FINDINGS_OF: Readonly<Record<ArrowClass, readonly string[]>> = {
  vmotion: [
    'NO_VMOTION_VMKNIC',
    'VMOTION_EGRESS_MISMATCH',
    'VMOTION_ON_MANAGEMENT_NETWORK',
    'MTU_MISMATCH',
    'VMOTION_L3_NO_GATEWAY',
    'VMOTION_UNENCRYPTED_ON_SHARED_NETWORK',
    'EGRESS_UNCERTAIN',
  ],
  replies: ['UNICAST_FLOODING_RISK'],
  nfc: ['COLD_DATA_OVER_MANAGEMENT', 'PROVISIONING_ROUTE_FALLBACK', 'MULTIPLE_PROVISIONING_VMKNICS'],
  management: [],
};

function withFindings(a: PictureArrow, findings: readonly FindingResult[], hosts: Readonly<Record<Side, string | undefined>>): PictureArrow {
  if (a.kind === 'intended') return a;
  const onArrow = new Set([...a.from, ...a.to].map((e) => (e.side === 'vcenter' ? undefined : hosts[e.side])).filter((h): h is string => h !== undefined));
  const mine = findings.filter((f) => FINDINGS_OF[a.cls].includes(f.id) && f.hosts.some((h) => onArrow.has(h)));
  if (mine.length === 0) return a;
  // A finding raised on each host (e.g. COLD_DATA_OVER_MANAGEMENT) would otherwise read as the same line twice.
  const lines = mine.map((f) => `Finding ${f.id} (${f.severity}${f.hosts.length > 0 ? `, ${f.hosts.join(', ')}` : ''}): ${f.title}`);
  return { ...a, findings: mine.map((f) => ({ id: f.id, severity: f.severity, title: f.title })), reasons: [a.reasons[0] ?? a.summary, ...lines, ...a.reasons.slice(1)] };
}

/** Decides the boxes and arrows of the path picture for an analysis result. */
export function planPicture(result: AnalysisResult): PicturePlan | undefined {
  const sourceName = result.flows.find((f) => f.role === 'source')?.host ?? result.hosts[0]?.name;
  const left = result.hosts.find((h) => h.name === sourceName) ?? result.hosts[0];
  if (!left) return undefined;
  const right = result.hosts.find((h) => h !== left);
  const single = right === undefined;
  const pairing: Pairing = {
    single,
    leftName: left.name,
    rightName: right?.name ?? 'the assumed peer',
    find: (traffic, role, direction) => result.flows.find((f) => f.traffic === traffic && f.role === role && f.direction === direction),
  };
  const hostsBySide = { left: left.name, right: right?.name };
  const arrows = [...streamArrows(pairing, 'vmotion'), ...replyArrows(pairing), ...streamArrows(pairing, 'nfc'), ...managementArrows(pairing, result.flows)].map((a) =>
    withFindings(a, result.findings, hostsBySide),
  );
  return {
    left,
    ...(right ? { right } : {}),
    peerRows: single ? peerRows(left, arrows, pairing.find('vmotion', 'source', 'egress')) : [],
    arrows,
  };
}
