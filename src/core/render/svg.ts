/**
 * The path picture: a self-contained SVG of the source and destination hosts side by side, their vmknics as rows
 * and one arrow per traffic class from the egress vmknic to the ingress vmknic (which arrows: path-arrows.ts).
 *
 * Pure: result in, string out, the same bytes for the same result (no ids from counters shared between calls, no
 * dates). No script, no foreignObject, no external reference; every text escaped. Every arrow is told apart by
 * colour AND line style AND a text label, carries a `<title>` with its reasoning (hover), and is focusable
 * (`tabindex="0"`, `role="img"`, `aria-label`) so a keyboard user can read it too.
 *
 * Layout: fixed-width boxes and a monospace font, so text widths are known in advance and long values are cut with
 * an ellipsis (the full value stays in the row's `<title>`) instead of overlapping. Labels of arrows sit in the
 * column between the hosts, one per slot, and each arrow passes through its own label, so a label can never be
 * read as belonging to another arrow.
 */
import type { AnalysisResult } from '../analyze.ts';
import type { HostJson, VmknicJson } from '../host-json.ts';
import { maskToPrefix } from '../net/ipv4.ts';
import type { HostModel } from '../model/host.ts';
import type { Severity } from '../result.ts';
import { cellWidth, escapeAttr, escapeText, fit, idPart } from './escape.ts';
import { planPicture, type ArrowClass, type ArrowEnd, type ArrowKind, type PeerRow, type PictureArrow, type Side } from './path-arrows.ts';
import { uplinkIndex, type VmknicUplinks } from './uplinks.ts';
import { versionLabel } from '../present/version.ts';
import { wrap } from './text.ts';

export interface PathSvgOptions {
  /** Host models of the analysed hosts: only used to show each vmknic's uplinks (the result does not carry them). */
  readonly hosts?: readonly HostModel[];
  /** Prefix of every element id, so several pictures can live in one page. Default `vpd`. */
  readonly idPrefix?: string;
  /** Draw the title and the verdict above the hosts (default true; the HTML report prints them itself). */
  readonly heading?: boolean;
}

const FONT = "'DejaVu Sans Mono', Menlo, Consolas, 'Liberation Mono', monospace";
/** Advance width of one monospace cell in em (DejaVu/Menlo 0.602, Consolas 0.55): the widest wins. */
const CELL_EM = 0.61;

const W = 1192;
const M = 16;
const HW = 380;
const GAP = W - 2 * M - 2 * HW;
const LX = M;
const RX = M + HW + GAP;
const COLX = LX + HW;
const COLC = COLX + GAP / 2;
const HEADER_H = 88;
const ROW_LINE = 15;
const ROW_PAD = 8;
const ROW_GAP = 5;
const LABEL_FONT = 11;
const LABEL_H = 24;
const LABEL_GAP = 12;
/** Room left between a label and the host boxes, so arrows have space to bend. */
const LABEL_MARGIN = 64;
const VCENTER_H = 40;

export const CLASS_COLOUR: Readonly<Record<ArrowClass, string>> = {
  vmotion: '#1d4ed8',
  nfc: '#b45309',
  management: '#047857',
  replies: '#7c3aed',
};

/** Line style per class for actual paths; intended and uncertain paths have their own (never colour alone). */
const CLASS_DASH: Readonly<Record<ArrowClass, string | undefined>> = {
  vmotion: undefined,
  nfc: '12 6',
  management: '0.5 6',
  replies: '12 4 3 4',
};
const KIND_DASH: Readonly<Record<Exclude<ArrowKind, 'actual'>, string>> = {
  intended: '6 4',
  uncertain: '2 3 2 3 9 3',
  none: '3 3',
};
const KIND_WIDTH: Readonly<Record<ArrowKind, number>> = { actual: 3, intended: 1.75, uncertain: 2.5, none: 1.5 };

const SEVERITY_STYLE: Readonly<Record<Severity | 'none', { fill: string; text: string }>> = {
  blocker: { fill: '#fecaca', text: '#7f1d1d' },
  high: { fill: '#fed7aa', text: '#7c2d12' },
  medium: { fill: '#fef08a', text: '#713f12' },
  low: { fill: '#dbeafe', text: '#1e3a8a' },
  info: { fill: '#e5e7eb', text: '#374151' },
  none: { fill: '#dcfce7', text: '#14532d' },
};
const SEVERITY_ORDER: readonly Severity[] = ['blocker', 'high', 'medium', 'low', 'info'];

/** Coordinates with at most one decimal, so the output is short and stable. */
function n(v: number): string {
  const r = Math.round(v * 10) / 10;
  return Object.is(r, -0) ? '0' : String(r);
}

function chars(px: number, fontPx: number): number {
  return Math.max(1, Math.floor(px / (fontPx * CELL_EM)));
}

function textWidth(text: string, fontPx: number): number {
  return cellWidth(text) * fontPx * CELL_EM;
}

function dashAttr(cls: ArrowClass, kind: ArrowKind): string {
  const dash = kind === 'actual' ? CLASS_DASH[cls] : KIND_DASH[kind];
  return dash ? ` stroke-dasharray="${dash}"` : '';
}

function linecap(cls: ArrowClass, kind: ArrowKind): string {
  return cls === 'management' && kind === 'actual' ? 'round' : 'butt';
}

interface Text {
  x: number;
  y: number;
  size: number;
  text: string;
  weight?: 'bold';
  fill?: string;
  anchor?: 'start' | 'middle' | 'end';
}

function text(t: Text): string {
  const attrs = [`x="${n(t.x)}"`, `y="${n(t.y)}"`, `font-size="${t.size}"`];
  if (t.weight) attrs.push('font-weight="bold"');
  if (t.anchor && t.anchor !== 'start') attrs.push(`text-anchor="${t.anchor}"`);
  attrs.push(`fill="${t.fill ?? '#111827'}"`);
  return `<text ${attrs.join(' ')}>${escapeText(t.text)}</text>`;
}

function title(lines: readonly string[]): string {
  return `<title>${escapeText(lines.join('\n'))}</title>`;
}

/* ----------------------------------------------------------------------------------------------- host boxes -- */

interface RowBox {
  readonly top: number;
  readonly bottom: number;
}

interface HostBox {
  readonly side: Side;
  readonly x: number;
  readonly top: number;
  readonly bottom: number;
  readonly rows: ReadonlyMap<string, RowBox>;
  readonly svg: string;
}

function prefixOf(mask: string | undefined): string {
  if (mask === undefined) return '/?';
  const p = maskToPrefix(mask);
  return p === undefined ? ` mask ${mask}` : `/${p}`;
}

function addressOf(v: VmknicJson): string {
  if (v.ipv4) return `${v.ipv4}${prefixOf(v.netmask)}`;
  if (v.ipv6.length > 0) return v.ipv6[0]!;
  return 'no IPv4 address';
}

/**
 * The text lines of a vmknic row, each cut to `width` cells. The netstack comes before the port group on its line
 * so that a long port-group name is what gets cut, never the netstack.
 */
function vmknicLines(v: VmknicJson, up: VmknicUplinks | undefined, width: number): { head: string; right: string; lines: string[]; full: string[] } {
  const port = v.portGroup !== undefined ? `pg ${v.portGroup}` : v.dvPort !== undefined ? `dvport ${v.dvPort}` : 'port group not shown';
  const stack = `stack ${v.netstack ?? 'not shown'}`;
  const tags = v.tags ? `tags ${v.tags.length > 0 ? v.tags.join(', ') : 'none'}` : 'tags not shown';
  const stackPort = `${stack} · ${fit(port, Math.max(8, width - cellWidth(stack) - 3))}`;
  const lines = [stackPort, tags];
  if (up) {
    const links = up.uplinks.length > 0 ? up.uplinks.map((u) => (up.down.includes(u) ? `${u} (link down)` : u)).join(', ') : 'none active';
    lines.push(`uplinks ${links} · ${up.vswitch}${up.mtu !== undefined ? ` MTU ${up.mtu}` : ''}`);
  }
  const head = `${v.name}  ${addressOf(v)}${v.enabled === false ? '  DISABLED' : ''}`;
  const right = v.mtu !== undefined ? `MTU ${v.mtu}` : 'MTU ?';
  const full = [
    `${v.name}: ${addressOf(v)}${v.enabled === false ? ' (disabled)' : ''}`,
    port,
    stack,
    tags,
    right,
    ...(v.mac ? [`MAC ${v.mac}`] : []),
    ...(v.gateway ? [`gateway override ${v.gateway}`] : []),
    ...(v.ipv6.length > 0 ? [`IPv6 ${v.ipv6.join(', ')}`] : []),
    ...(up ? [lines[lines.length - 1]!] : []),
  ];
  return { head, right, lines, full };
}

interface HostFindings {
  readonly worst: Severity | 'none';
  readonly ids: readonly string[];
}

function findingsOf(result: AnalysisResult, host: string): HostFindings {
  const mine = result.findings.filter((f) => f.hosts.includes(host));
  const worst = SEVERITY_ORDER.find((s) => mine.some((f) => f.severity === s)) ?? 'none';
  return { worst, ids: mine.map((f) => `${f.severity.toUpperCase()} ${f.id}: ${f.title}`) };
}

function badge(p: string, side: Side, f: HostFindings, xRight: number, y: number): string {
  const label = f.ids.length === 0 ? 'no findings' : `${f.worst.toUpperCase()} · ${f.ids.length} finding${f.ids.length > 1 ? 's' : ''}`;
  const style = SEVERITY_STYLE[f.worst];
  const w = textWidth(label, 11) + 16;
  const x = xRight - w;
  const aria = f.ids.length === 0 ? 'No findings on this host' : `${f.ids.length} finding${f.ids.length > 1 ? 's' : ''}, worst ${f.worst}`;
  return (
    `<g class="badge" id="${p}-badge-${side}" data-severity="${f.worst}" tabindex="0" role="img" aria-label="${escapeAttr(aria)}">` +
    title(f.ids.length === 0 ? ['No findings for this host.'] : ['Findings on this host:', ...f.ids]) +
    `<rect x="${n(x)}" y="${n(y - 13)}" width="${n(w)}" height="19" rx="9.5" fill="${style.fill}" stroke="${style.text}" stroke-width="1"/>` +
    text({ x: x + w / 2, y: y + 1, size: 11, text: label, weight: 'bold', fill: style.text, anchor: 'middle' }) +
    '</g>'
  );
}

function hostBox(p: string, side: Side, top: number, host: HostJson | undefined, role: string, peerRows: readonly PeerRow[], result: AnalysisResult, ups: ReadonlyMap<string, VmknicUplinks> | undefined): HostBox {
  const x = side === 'left' ? LX : RX;
  const parts: string[] = [];
  const rows = new Map<string, RowBox>();
  const assumed = host === undefined;
  const inner = HW - 24;

  // Header: role, findings badge, name, version, binding.
  let badgeSvg = '';
  let roleRoom = inner;
  if (host) {
    const f = findingsOf(result, host.name);
    badgeSvg = badge(p, side, f, x + HW - 10, top + 20);
    roleRoom = inner - textWidth(f.ids.length === 0 ? 'no findings' : `${f.worst.toUpperCase()} · ${f.ids.length} findings`, 11) - 24;
  }
  parts.push(text({ x: x + 12, y: top + 20, size: 10.5, text: fit(role, chars(roleRoom, 10.5)), weight: 'bold', fill: '#475569' }));
  parts.push(badgeSvg);
  const name = host ? host.name : 'assumed peer';
  parts.push(text({ x: x + 12, y: top + 42, size: 15, text: fit(name, chars(inner, 15)), weight: 'bold' }));
  const sub1 = host ? versionLabel(host.version) : 'not pasted: configured like the pasted host';
  const b = host?.bindToVmknic;
  const sub2 = !b ? 'its address is not known' : `Migrate.BindToVmknic ${b.value !== undefined ? `${b.value} (${b.source === 'evidence' ? 'pasted' : 'build default'})` : 'unknown (not pasted)'}`;
  parts.push(text({ x: x + 12, y: top + 60, size: 11.5, text: fit(sub1, chars(inner, 11.5)), fill: '#334155' }));
  parts.push(text({ x: x + 12, y: top + 77, size: 11.5, text: fit(sub2, chars(inner, 11.5)), fill: '#334155' }));

  // Rows.
  let y = top + HEADER_H;
  const rowInner = HW - 36;
  if (host) {
    for (const v of host.vmknics) {
      const l = vmknicLines(v, ups?.get(v.name), chars(rowInner, 11.5));
      const h = ROW_PAD + (1 + l.lines.length) * ROW_LINE + 2;
      const disabled = v.enabled === false;
      const rightW = textWidth(l.right, 11.5);
      parts.push(
        `<g class="vmknic" id="${p}-${side}-${idPart(v.name)}" data-vmknic="${escapeAttr(v.name)}">` +
          title(l.full) +
          `<rect x="${n(x + 8)}" y="${n(y)}" width="${n(HW - 16)}" height="${n(h)}" rx="4" fill="${disabled ? '#f1f5f9' : '#f8fafc'}" stroke="#94a3b8" stroke-width="1"${disabled ? ' stroke-dasharray="4 3"' : ''}/>` +
          text({ x: x + 18, y: y + ROW_PAD + 11, size: 12.5, text: fit(l.head, chars(rowInner - rightW - 12, 12.5)), weight: 'bold', fill: disabled ? '#64748b' : '#0f172a' }) +
          text({ x: x + HW - 18, y: y + ROW_PAD + 11, size: 11.5, text: l.right, anchor: 'end', fill: '#334155' }) +
          l.lines.map((line, i) => text({ x: x + 18, y: y + ROW_PAD + 11 + (i + 1) * ROW_LINE, size: 11.5, text: fit(line, chars(rowInner, 11.5)), fill: disabled ? '#64748b' : '#334155' })).join('') +
          '</g>',
      );
      rows.set(v.name, { top: y, bottom: y + h });
      y += h + ROW_GAP;
    }
    if (host.vmknics.length === 0) {
      parts.push(text({ x: x + 18, y: y + 18, size: 11.5, text: 'no vmknic in the evidence', fill: '#64748b' }));
      y += 30;
    }
  } else {
    for (const r of peerRows) {
      const h = ROW_PAD + 2 * ROW_LINE + 2;
      parts.push(
        `<g class="vmknic peer" id="${p}-${side}-${idPart(r.key)}">` +
          title([`${r.name}: ${r.detail} (assumed, not pasted)`]) +
          `<rect x="${n(x + 8)}" y="${n(y)}" width="${n(HW - 16)}" height="${n(h)}" rx="4" fill="#ffffff" stroke="#94a3b8" stroke-width="1" stroke-dasharray="5 4"/>` +
          text({ x: x + 18, y: y + ROW_PAD + 11, size: 12.5, text: fit(r.name, chars(rowInner, 12.5)), weight: 'bold', fill: '#334155' }) +
          text({ x: x + 18, y: y + ROW_PAD + 11 + ROW_LINE, size: 11.5, text: fit(r.detail, chars(rowInner, 11.5)), fill: '#475569' }) +
          '</g>',
      );
      rows.set(r.key, { top: y, bottom: y + h });
      y += h + ROW_GAP;
    }
    if (peerRows.length === 0) y += 10;
  }
  const bottom = y + 6;
  const frame =
    `<rect x="${n(x)}" y="${n(top)}" width="${HW}" height="${n(bottom - top)}" rx="8" fill="${assumed ? '#ffffff' : '#ffffff'}" stroke="${assumed ? '#64748b' : '#334155'}" stroke-width="${assumed ? 1.5 : 2}"${assumed ? ' stroke-dasharray="8 5"' : ''}/>` +
    `<line x1="${n(x)}" y1="${n(top + HEADER_H - 6)}" x2="${n(x + HW)}" y2="${n(top + HEADER_H - 6)}" stroke="#cbd5e1" stroke-width="1"/>`;
  const aria = host ? `${role}: ${host.name}, ${host.vmknics.length} vmknic${host.vmknics.length === 1 ? '' : 's'}` : 'assumed peer (not pasted)';
  const svg = `<g class="host${assumed ? ' assumed' : ''}" id="${p}-host-${side}" data-side="${side}" aria-label="${escapeAttr(aria)}">${frame}${parts.join('')}</g>`;
  return { side, x, top, bottom, rows, svg };
}

/* ------------------------------------------------------------------------------------------------- arrows -- */

interface Label {
  readonly arrow: PictureArrow;
  readonly text: string;
  cx: number;
  cy: number;
  readonly w: number;
}

interface Anchor {
  readonly x: number;
  readonly y: number;
}

function anchorKey(e: ArrowEnd): string {
  return `${e.side}:${e.row ?? ''}`;
}

/** Room for the "!" marker of an arrow that carries findings. */
const MARK_W = 22;

function labelText(a: PictureArrow, maxW: number): { text: string; w: number } {
  const mark = a.findings.length > 0 ? MARK_W : 0;
  const t = fit(a.label, chars(maxW - 14 - mark, LABEL_FONT));
  return { text: t, w: textWidth(t, LABEL_FONT) + 14 + mark };
}

function worstOf(findings: PictureArrow['findings']): Severity {
  return SEVERITY_ORDER.find((s) => findings.some((f) => f.severity === s)) ?? 'info';
}

/** Desired vertical position of a label: between the rows it joins. */
function desiredY(a: PictureArrow, boxes: Readonly<Record<Side, HostBox>>, vcenterY: number): number {
  const ys = [...a.from, ...a.to].map((e) => {
    if (e.side === 'vcenter') return vcenterY;
    const box = boxes[e.side];
    const r = e.row !== undefined ? box.rows.get(e.row) : undefined;
    return r ? (r.top + r.bottom) / 2 : box.top + 40;
  });
  return ys.reduce((s, v) => s + v, 0) / Math.max(1, ys.length);
}

function curve(x1: number, y1: number, x2: number, y2: number): string {
  const k = Math.max(12, Math.abs(x2 - x1) / 2) * Math.sign(x2 - x1 || 1);
  return `M${n(x1)} ${n(y1)} C${n(x1 + k)} ${n(y1)} ${n(x2 - k)} ${n(y2)} ${n(x2)} ${n(y2)}`;
}

function head(x: number, y: number, dir: 'left' | 'right' | 'up', colour: string, hollow: boolean): string {
  const s = 10;
  const h = 5.5;
  const pts =
    dir === 'up'
      ? [[x, y], [x - h, y + s], [x + h, y + s]]
      : dir === 'right'
        ? [[x, y], [x - s, y - h], [x - s, y + h]]
        : [[x, y], [x + s, y - h], [x + s, y + h]];
  return `<polygon class="head" points="${pts.map(([a, b]) => `${n(a!)},${n(b!)}`).join(' ')}" fill="${hollow ? '#ffffff' : colour}" stroke="${colour}" stroke-width="1.5"/>`;
}

function line(d: string, a: PictureArrow, colour: string): string {
  return `<path class="line" d="${d}" fill="none" stroke="${colour}" stroke-width="${KIND_WIDTH[a.kind]}" stroke-linecap="${linecap(a.cls, a.kind)}"${dashAttr(a.cls, a.kind)}/>`;
}

function arrowSvg(p: string, l: Label, anchors: ReadonlyMap<string, Anchor>, boxes: Readonly<Record<Side, HostBox>>, vcenter: { x: number; w: number; bottom: number } | undefined): string {
  const a = l.arrow;
  const colour = CLASS_COLOUR[a.cls];
  const hollow = a.kind === 'intended';
  const lx = l.cx - l.w / 2;
  const rx = l.cx + l.w / 2;
  const parts: string[] = [];
  const at = (e: ArrowEnd, role: 'from' | 'to'): Anchor => {
    const got = anchors.get(`${a.key}|${role}|${anchorKey(e)}`);
    if (got) return got;
    const box = boxes[e.side as Side];
    return { x: e.side === 'left' ? box.x + HW : box.x, y: box.top + 40 };
  };
  for (const e of a.from) {
    if (e.side === 'vcenter') continue;
    const s = at(e, 'from');
    const toLabel = e.side === 'left' ? lx : rx;
    parts.push(line(curve(s.x, s.y, toLabel, l.cy), a, colour));
    if (a.kind === 'none' || e.row === undefined) {
      // A note about the host as a whole: a bar on the box edge, not a vmknic dot.
      parts.push(`<line x1="${n(s.x)}" y1="${n(s.y - 7)}" x2="${n(s.x)}" y2="${n(s.y + 7)}" stroke="${colour}" stroke-width="3"/>`);
    } else {
      parts.push(`<circle cx="${n(s.x)}" cy="${n(s.y)}" r="3.5" fill="${hollow ? '#ffffff' : colour}" stroke="${colour}" stroke-width="1.5"/>`);
    }
  }
  for (const e of a.to) {
    if (e.side === 'vcenter') {
      if (!vcenter) continue;
      // Straight up from the label into the vCenter box, at a point both of them span.
      const top = l.cy - LABEL_H / 2;
      const x = Math.min(Math.max(l.cx, vcenter.x + 12, lx + 8), vcenter.x + vcenter.w - 12, rx - 8);
      parts.push(line(`M${n(x)} ${n(top)} L${n(x)} ${n(vcenter.bottom + 10)}`, a, colour));
      parts.push(head(x, vcenter.bottom, 'up', colour, hollow));
      continue;
    }
    const t = at(e, 'to');
    const dir = e.side === 'right' ? 'right' : 'left';
    const fromLabel = e.side === 'right' ? rx : lx;
    const end = dir === 'right' ? t.x - 9 : t.x + 9;
    parts.push(line(curve(fromLabel, l.cy, end, t.y), a, colour));
    if (e.blocked) parts.push(`<line x1="${n(t.x)}" y1="${n(t.y - 8)}" x2="${n(t.x)}" y2="${n(t.y + 8)}" stroke="${colour}" stroke-width="3.5"/>`);
    else parts.push(head(t.x, t.y, dir, colour, hollow));
  }
  const labelRect = `<rect class="lbl" x="${n(lx)}" y="${n(l.cy - LABEL_H / 2)}" width="${n(l.w)}" height="${LABEL_H}" rx="4" fill="#ffffff" stroke="${colour}" stroke-width="2" stroke-linecap="${linecap(a.cls, a.kind)}"${dashAttr(a.cls, a.kind)}/>`;
  const mark = a.findings.length > 0 ? MARK_W : 0;
  const labelText = text({ x: l.cx - mark / 2, y: l.cy + 4, size: LABEL_FONT, text: l.text, anchor: 'middle', fill: colour, ...(a.kind === 'intended' ? {} : { weight: 'bold' as const }) });
  let marker = '';
  if (mark > 0) {
    // A finding concerns this path: a "!" in the worst finding's colours (the title names the findings).
    const st = SEVERITY_STYLE[worstOf(a.findings)];
    const mx = rx - MARK_W / 2 - 2;
    marker =
      `<g class="path-finding" data-findings="${escapeAttr(a.findings.map((f) => f.id).join(' '))}">` +
      `<circle cx="${n(mx)}" cy="${n(l.cy)}" r="7.5" fill="${st.fill}" stroke="${st.text}" stroke-width="1.2"/>` +
      text({ x: mx, y: l.cy + 4, size: 11, text: '!', weight: 'bold', anchor: 'middle', fill: st.text }) +
      '</g>';
  }
  const cls = a.cls === 'replies' ? 'vmotion-replies' : a.cls;
  return (
    `<g class="arrow arrow-${cls} arrow-${a.kind}" id="${p}-arrow-${idPart(a.key)}" data-class="${cls}" data-kind="${a.kind}" data-certainty="${a.certainty}" data-from="${escapeAttr(a.from.map(anchorKey).join(' '))}" data-to="${escapeAttr(a.to.map(anchorKey).join(' '))}" tabindex="0" role="img" aria-label="${escapeAttr(a.summary)}">` +
    title(a.reasons) +
    parts.join('') +
    labelRect +
    labelText +
    marker +
    '</g>'
  );
}

interface ArrowLayout {
  readonly svg: string;
  readonly bottom: number;
}

/**
 * Places the labels in the middle column and the arrows through them. All labels share one left and one right edge,
 * so the curves stay in the two gutters between the column and the host boxes and never pass under a label; the
 * management labels sit side by side in the first slot, right under the vCenter box, so their vertical links to it
 * cross nothing.
 */
function layoutArrows(p: string, arrows: readonly PictureArrow[], boxes: Readonly<Record<Side, HostBox>>, top: number): ArrowLayout {
  const out: string[] = [];
  const mgmt = arrows.filter((a) => a.cls === 'management');
  const others = arrows.filter((a) => a.cls !== 'management');
  const maxW = GAP - 2 * LABEL_MARGIN;
  const mgmtLeft = mgmt.filter((a) => a.from[0]?.side !== 'right');
  const mgmtRight = mgmt.filter((a) => a.from[0]?.side === 'right');
  const bothMgmt = mgmtLeft.length > 0 && mgmtRight.length > 0;
  const natural = [
    ...others.map((a) => labelText(a, maxW).w),
    // Side by side, each management label needs its own width twice over plus the space between (+1 for rounding).
    ...mgmt.map((a) => (labelText(a, bothMgmt ? (maxW - 10) / 2 : maxW).w + 1) * (bothMgmt ? 2 : 1) + (bothMgmt ? 10 : 0)),
  ];
  const colW = Math.min(maxW, Math.max(200, ...natural));
  const lx = COLC - colW / 2;
  const rx = COLC + colW / 2;
  const hasVcenter = mgmt.some((a) => a.to.some((e) => e.side === 'vcenter'));
  const vc = { x: lx + 20, w: colW - 40, bottom: top + VCENTER_H };
  const labels: Label[] = [];
  let cursor = top;

  if (hasVcenter) {
    out.push(
      `<g class="vcenter" id="${p}-vcenter">${title(['vCenter Server: where management traffic goes (its address was not given, so the route towards it is the default stack\'s).'])}` +
        `<rect x="${n(vc.x)}" y="${n(top)}" width="${n(vc.w)}" height="${VCENTER_H}" rx="6" fill="#ecfdf5" stroke="${CLASS_COLOUR.management}" stroke-width="1.5"/>` +
        text({ x: COLC, y: top + 17, size: 12.5, text: 'vCenter', weight: 'bold', anchor: 'middle', fill: '#064e3b' }) +
        text({ x: COLC, y: top + 32, size: 10.5, text: 'management peer', anchor: 'middle', fill: '#065f46' }) +
        '</g>',
    );
  }
  // Management: the source's label flush with the left edge, the destination's flush with the right edge.
  if (mgmt.length > 0) {
    const cy = top + (hasVcenter ? VCENTER_H + 34 : LABEL_H / 2);
    const room = bothMgmt ? (colW - 10) / 2 : colW;
    for (const a of mgmt) {
      const { text: t, w } = labelText(a, room);
      const right = a.from[0]?.side === 'right';
      labels.push({ arrow: a, text: t, cx: right ? rx - w / 2 : lx + w / 2, cy, w });
    }
    cursor = cy + LABEL_H / 2 + LABEL_GAP + 6;
  }

  // The other labels: grouped (an actual path and its intended path stay together), ordered by where they join.
  const vcY = top + VCENTER_H / 2;
  const groups = new Map<string, PictureArrow[]>();
  for (const a of others) groups.set(a.group, [...(groups.get(a.group) ?? []), a]);
  const ordered = [...groups.values()].map((g) => ({ g, y: desiredY(g[0]!, boxes, vcY) })).sort((x, y) => x.y - y.y);
  for (const { g } of ordered) {
    for (const a of g) {
      const cy = Math.max(desiredY(a, boxes, vcY), cursor + LABEL_H / 2);
      labels.push({ arrow: a, text: labelText(a, colW).text, cx: COLC, cy, w: colW });
      cursor = cy + LABEL_H / 2 + LABEL_GAP;
    }
  }

  // Anchor points on the rows: spread the ends that touch one row, in the order of their labels (fewer crossings).
  const byRow = new Map<string, { key: string; cy: number }[]>();
  for (const l of labels) {
    for (const role of ['from', 'to'] as const) {
      for (const e of l.arrow[role]) {
        if (e.side === 'vcenter') continue;
        const k = anchorKey(e);
        byRow.set(k, [...(byRow.get(k) ?? []), { key: `${l.arrow.key}|${role}|${k}`, cy: l.cy }]);
      }
    }
  }
  const anchors = new Map<string, Anchor>();
  for (const [k, list] of byRow) {
    const cut = k.indexOf(':');
    const side = k.slice(0, cut) as Side;
    const row = k.slice(cut + 1);
    const box = boxes[side];
    const x = side === 'left' ? box.x + HW : box.x;
    const r = row !== '' ? box.rows.get(row) : undefined;
    const lo = r ? r.top + 7 : box.top + 30;
    const hi = r ? r.bottom - 7 : box.top + 50;
    list.sort((a, b) => a.cy - b.cy);
    list.forEach((item, i) => anchors.set(item.key, { x, y: lo + ((hi - lo) * (i + 1)) / (list.length + 1) }));
  }

  for (const l of labels) out.push(arrowSvg(p, l, anchors, boxes, hasVcenter ? vc : undefined));
  const bottom = labels.reduce((m, l) => Math.max(m, l.cy + LABEL_H / 2), hasVcenter ? top + VCENTER_H : top);
  return { svg: out.join(''), bottom };
}

/* ------------------------------------------------------------------------------------------------- legend -- */

function legend(p: string, top: number, single: boolean): { svg: string; bottom: number } {
  type Entry = { sample: (x: number, y: number) => string; text: string };
  const lineSample = (cls: ArrowClass, kind: ArrowKind) => (x: number, y: number) => {
    const c = CLASS_COLOUR[cls];
    return `<path d="M${n(x)} ${n(y)} L${n(x + 46)} ${n(y)}" fill="none" stroke="${c}" stroke-width="${KIND_WIDTH[kind]}" stroke-linecap="${linecap(cls, kind)}"${dashAttr(cls, kind)}/>` + head(x + 56, y, 'right', c, kind === 'intended');
  };
  const entries: Entry[] = [
    { sample: lineSample('vmotion', 'actual'), text: 'vMotion: hot data, memory and active disk (TCP 8000)' },
    { sample: lineSample('nfc', 'actual'), text: 'NFC: cold data, base disk and older snapshots (TCP 902)' },
    { sample: lineSample('management', 'actual'), text: 'management: host to vCenter' },
    { sample: lineSample('replies', 'actual'), text: 'vMotion replies (ACKs) leaving by another vmknic' },
    { sample: lineSample('vmotion', 'intended'), text: 'intended: where the traffic should go (thin, hollow head)' },
    { sample: lineSample('vmotion', 'uncertain'), text: '? uncertain: the label lists the candidate vmknics' },
    {
      sample: (x, y) => `<circle cx="${n(x + 4)}" cy="${n(y)}" r="3.5" fill="#334155"/><line x1="${n(x + 4)}" y1="${n(y)}" x2="${n(x + 46)}" y2="${n(y)}" stroke="#334155" stroke-width="2"/>` + head(x + 56, y, 'right', '#334155', false),
      text: 'dot: the vmknic traffic leaves by; arrowhead: where it enters',
    },
    {
      sample: (x, y) => `<rect x="${n(x)}" y="${n(y - 9)}" width="58" height="18" rx="9" fill="${SEVERITY_STYLE.high.fill}" stroke="${SEVERITY_STYLE.high.text}" stroke-width="1"/>` + text({ x: x + 29, y: y + 4, size: 10, text: 'HIGH · 2', weight: 'bold', anchor: 'middle', fill: SEVERITY_STYLE.high.text }),
      text: 'findings badge: worst severity and number of findings',
    },
    {
      sample: (x, y) =>
        `<circle cx="${n(x + 29)}" cy="${n(y)}" r="7.5" fill="${SEVERITY_STYLE.high.fill}" stroke="${SEVERITY_STYLE.high.text}" stroke-width="1.2"/>` +
        text({ x: x + 29, y: y + 4, size: 11, text: '!', weight: 'bold', anchor: 'middle', fill: SEVERITY_STYLE.high.text }),
      text: '! on a path: a finding concerns this traffic (hover for it)',
    },
  ];
  if (single) {
    entries.push({
      sample: (x, y) => `<rect x="${n(x)}" y="${n(y - 9)}" width="58" height="18" rx="4" fill="#ffffff" stroke="#64748b" stroke-width="1.5" stroke-dasharray="8 5"/>`,
      text: 'assumed peer: not pasted, taken to be configured like the pasted host',
    });
  }
  const colW = (W - 2 * M) / 2;
  const rowH = 22;
  const parts: string[] = [text({ x: M, y: top + 14, size: 12.5, text: 'Legend', weight: 'bold' })];
  entries.forEach((e, i) => {
    const col = i % 2;
    const row = Math.floor(i / 2);
    const x = M + col * colW;
    const y = top + 36 + row * rowH;
    parts.push(`<g class="legend-entry">${e.sample(x, y)}${text({ x: x + 72, y: y + 4, size: 11.5, text: fit(e.text, chars(colW - 84, 11.5)), fill: '#1f2937' })}</g>`);
  });
  const bottom = top + 36 + Math.ceil(entries.length / 2) * rowH;
  return { svg: `<g class="legend" id="${p}-legend">${parts.join('')}</g>`, bottom };
}

/* ----------------------------------------------------------------------------------------------- the whole -- */

/** Hover and focus emphasis; scoped to the picture, since an inline SVG's style applies to the whole page. */
const STYLE =
  '<style>' +
  '.vpd-path-picture .arrow{cursor:help}' +
  '.vpd-path-picture .arrow:hover .line,.vpd-path-picture .arrow:focus .line{stroke-width:5}' +
  '.vpd-path-picture .arrow:hover .lbl,.vpd-path-picture .arrow:focus .lbl{stroke-width:3;fill:#fffbeb}' +
  '.vpd-path-picture .arrow:focus,.vpd-path-picture .badge:focus{outline:2px solid #111827;outline-offset:2px}' +
  '.vpd-path-picture .badge{cursor:help}' +
  '</style>';

/** Renders the path picture of an analysis as a self-contained SVG document (no XML declaration). */
export function renderPathSvg(result: AnalysisResult, options: PathSvgOptions = {}): string {
  const p = idPart(options.idPrefix ?? 'vpd');
  const plan = planPicture(result);
  const heading = options.heading ?? true;
  const ups = options.hosts ? uplinkIndex(options.hosts) : undefined;
  const hostNames = plan ? [plan.left.name, plan.right?.name ?? 'assumed peer'] : [];
  const titleText = plan ? `Migration paths: ${hostNames.join(' → ')} (${result.migration} migration)` : `Migration paths (${result.migration} migration)`;
  const body: string[] = [];
  let y = M;
  if (heading) {
    body.push(text({ x: M, y: y + 16, size: 16, text: fit(titleText, chars(W - 2 * M, 16)), weight: 'bold' }));
    y += 26;
    const lines = wrap(result.verdict.summary, chars(W - 2 * M, 12));
    const shown = lines.slice(0, 3);
    if (lines.length > 3) shown[2] = fit(`${shown[2]} ${lines.slice(3).join(' ')}`, chars(W - 2 * M, 12));
    for (const l of shown) {
      y += 17;
      body.push(text({ x: M, y, size: 12, text: l, fill: '#1f2937' }));
    }
    y += 20;
  }
  let bottom = y;
  if (plan) {
    const single = plan.right === undefined;
    const left = hostBox(p, 'left', y, plan.left, single ? 'PASTED HOST (SOURCE)' : 'SOURCE', [], result, ups?.get(plan.left.name));
    const right = hostBox(p, 'right', y, plan.right, plan.right ? 'DESTINATION' : 'DESTINATION (NOT PASTED)', plan.peerRows, result, plan.right ? ups?.get(plan.right.name) : undefined);
    const boxes = { left, right };
    const arrows = layoutArrows(p, plan.arrows, boxes, y);
    // Arrows first, host boxes on top: a line never covers a vmknic's text.
    body.push(`<g class="arrows">${arrows.svg}</g>`, left.svg, right.svg);
    bottom = Math.max(left.bottom, right.bottom, arrows.bottom);
    const lg = legend(p, bottom + 24, single);
    body.push(lg.svg);
    bottom = lg.bottom;
  } else {
    body.push(text({ x: M, y: y + 16, size: 13, text: 'No host was recognised in the evidence: nothing to draw.', fill: '#334155' }));
    bottom = y + 30;
  }
  const H = Math.ceil(bottom + M);
  const desc = result.verdict.summary;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="vpd-path-picture" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="group" aria-labelledby="${p}-title ${p}-desc" font-family="${escapeAttr(FONT)}">` +
    `<title id="${p}-title">${escapeText(titleText)}</title>` +
    `<desc id="${p}-desc">${escapeText(desc)}</desc>` +
    STYLE +
    `<rect x="0" y="0" width="${W}" height="${H}" fill="#ffffff"/>` +
    body.join('') +
    '</svg>\n'
  );
}
