import { describe, expect, it } from 'vitest';
import { analyze, type AnalysisResult } from '../analyze.ts';
import { host, route } from '../test-support/hosts.ts';
import { analyseExample, EXAMPLES } from '../../test-support/examples.ts';
import { isOnWrongVmknic } from '../present/flow.ts';
import { renderPathSvg } from './svg.ts';
import { allElements, childrenNamed, findAll, hasClass, parseXml, textOf, type XmlElement } from './xml.test-support.ts';

const FONT_EM = 0.61;

function arrowsOf(svg: XmlElement): XmlElement[] {
  return findAll(svg, (e) => e.name === 'g' && hasClass(e, 'arrow'));
}

function inventory(svg: XmlElement): string[] {
  return arrowsOf(svg)
    .map((a) => `${a.attrs['data-class']}/${a.attrs['data-kind']} ${a.attrs['data-from']} -> ${a.attrs['data-to']}`)
    .sort();
}

function num(e: XmlElement, attr: string): number {
  const v = Number(e.attrs[attr]);
  if (!Number.isFinite(v)) throw new Error(`<${e.name}> has no numeric ${attr}`);
  return v;
}

/** What each seed example must draw, from the analysis examples/README.md specifies. */
const EXPECTED: Readonly<Record<string, readonly string[]>> = {
  'seed-chan-5.0': [
    'management/actual left:vmk0 -> vcenter:',
    'management/actual right:vmk0 -> vcenter:',
    'nfc/actual left:vmk0 -> right:vmk0',
    'vmotion-replies/actual right:vmk0 -> left:vmk0 left:vmk1',
    'vmotion-replies/intended right:vmk1 -> left:vmk0 left:vmk1',
    'vmotion/uncertain left:vmk0 left:vmk1 -> right:vmk1',
  ],
  // 5.1 without the value: the untouched setting behaves like 2 (Denneman), so vMotion leaves by vmk0, likely.
  'seed-denneman-5.1': [
    'management/actual left:vmk0 -> vcenter:',
    'management/actual right:vmk0 -> vcenter:',
    'nfc/actual left:vmk0 -> right:vmk0',
    'vmotion-replies/actual right:vmk0 -> left:vmk0',
    'vmotion-replies/intended right:vmk1 -> left:vmk0',
    'vmotion/actual left:vmk0 -> right:vmk1',
    'vmotion/intended left:vmk1 -> right:vmk1',
  ],
  'modern-7.0u3-same-subnet': [
    'management/actual left:vmk0 -> vcenter:',
    'management/actual right:vmk0 -> vcenter:',
    'nfc/actual left:vmk0 -> right:vmk0',
    'vmotion-replies/uncertain right:vmk1 right:vmk0 -> left:vmk1',
    'vmotion/actual left:vmk1 -> right:vmk1',
  ],
  'bind0-6.7': [
    'management/actual left:vmk0 -> vcenter:',
    'management/actual right:vmk0 -> vcenter:',
    'nfc/actual left:vmk0 -> right:vmk0',
    'vmotion/actual left:vmk0 -> right:vmk1',
    'vmotion/intended left:vmk1 -> right:vmk1',
  ],
  'multinic-6.0u3': [
    'management/actual left:vmk0 -> vcenter:',
    'nfc/actual left:vmk0 -> right:peer:nfc',
    'nfc/actual right:peer:nfc -> left:vmk0',
    'vmotion/actual left:vmk1 left:vmk2 -> right:peer:vmotion',
    'vmotion/actual right:peer:vmotion -> left:vmk1 left:vmk2',
  ],
  'vmotion-stack-8.0': [
    'management/actual left:vmk0 -> vcenter:',
    'management/actual right:vmk0 -> vcenter:',
    'nfc/actual left:vmk2 -> right:vmk2',
    'vmotion/actual left:vmk1 -> right:vmk1',
  ],
  'l3-vmotion-7.0': [
    'management/actual left:vmk0 -> vcenter:',
    'management/actual right:vmk0 -> vcenter:',
    'nfc/actual left:vmk0 -> right:vmk0',
    'vmotion-replies/uncertain right:vmk1 right:vmk0 -> left:vmk1',
    'vmotion/actual left:vmk1 -> right:vmk1',
  ],
  'provisioning-fallback-7.0': [
    'management/actual left:vmk0 -> vcenter:',
    'management/actual right:vmk0 -> vcenter:',
    'nfc/actual left:vmk0 -> right:vmk2',
    'nfc/intended left:vmk2 -> right:vmk2',
  ],
  'messy/typo-session': ['management/actual left:vmk0 -> vcenter:', 'vmotion/none left: -> '],
  'messy/only-version': ['management/uncertain left: -> ', 'vmotion/uncertain left: -> '],
};

interface Box {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  text: string;
}

/** The box a text element covers, from its font size and the monospace cell width (the renderer's own model). */
function textBox(t: XmlElement): Box {
  const size = num(t, 'font-size');
  const content = textOf(t);
  const w = [...content].length * size * FONT_EM;
  const x = num(t, 'x');
  const y = num(t, 'y');
  const anchor = t.attrs['text-anchor'] ?? 'start';
  const x0 = anchor === 'middle' ? x - w / 2 : anchor === 'end' ? x - w : x;
  return { x0, x1: x0 + w, y0: y - size * 0.8, y1: y + size * 0.2, text: content };
}

function overlapping(boxes: readonly Box[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      if (a.x0 < b.x1 - 0.5 && b.x0 < a.x1 - 0.5 && a.y0 < b.y1 - 0.5 && b.y0 < a.y1 - 0.5) out.push(`"${a.text}" overlaps "${b.text}"`);
    }
  }
  return out;
}

describe.each(EXAMPLES.map((e) => [e.name, e] as const))('path picture of %s', (_name, example) => {
  const { result, hosts } = analyseExample(example);
  const source = renderPathSvg(result, { hosts });
  const svg = parseXml(source);

  it('is a well-formed, self-contained SVG: no script, no foreignObject, no external reference', () => {
    expect(svg.name).toBe('svg');
    expect(svg.attrs.xmlns).toBe('http://www.w3.org/2000/svg');
    expect(svg.attrs.viewBox).toMatch(/^0 0 \d+ \d+$/);
    const names = new Set(allElements(svg).map((e) => e.name));
    for (const banned of ['script', 'foreignObject', 'image', 'use', 'a', 'iframe', 'object', 'feImage']) expect(names.has(banned)).toBe(false);
    for (const e of allElements(svg)) {
      for (const [k, v] of Object.entries(e.attrs)) {
        expect(k.toLowerCase().startsWith('on'), `${e.name} ${k}`).toBe(false);
        expect(k).not.toMatch(/href$/i);
        if (!(e === svg && k === 'xmlns')) expect(v, `${e.name} ${k}`).not.toMatch(/url\(|https?:|data:/i);
      }
    }
    expect(source).not.toMatch(/@import|url\(/);
  });

  it('draws one arrow per traffic class, the intended path beside a differing one, and replies only when they leave by another vmknic', () => {
    expect(inventory(svg)).toEqual([...EXPECTED[example.name]!].sort());
  });

  it('draws an intended path exactly where the paths table says "not the intended vmknic" (one rule, in the core)', () => {
    const flagged = (traffic: 'vmotion' | 'nfc', role: 'source' | 'destination', direction: 'egress' | 'ingress') =>
      result.flows.some((f) => f.traffic === traffic && f.role === role && f.direction === direction && isOnWrongVmknic(f));
    const drawn = (cls: string) => arrowsOf(svg).some((a) => a.attrs['data-class'] === cls && a.attrs['data-kind'] === 'intended');
    const single = result.hosts.length === 1;
    for (const traffic of ['vmotion', 'nfc'] as const) {
      const wrong = flagged(traffic, 'source', 'egress') || (!single && flagged(traffic, 'destination', 'ingress'));
      expect(drawn(traffic), `${example.name} ${traffic}`).toBe(wrong);
    }
    expect(drawn('vmotion-replies'), `${example.name} replies`).toBe(flagged('vmotion', 'destination', 'egress'));
  });

  it('starts each arrow on its egress vmknic row and ends it on its ingress vmknic row', () => {
    const frame = (side: string) => childrenNamed(findAll(svg, (e) => e.attrs.id === `vpd-host-${side}`)[0]!, 'rect')[0]!;
    const edge = { left: num(frame('left'), 'x') + num(frame('left'), 'width'), right: num(frame('right'), 'x') };
    const row = (side: string, name: string) => {
      const g = findAll(svg, (e) => e.attrs.id === `vpd-${side}-${name.replace(/[^A-Za-z0-9_-]+/g, '_')}`)[0];
      expect(g, `row ${side}:${name}`).toBeDefined();
      const r = childrenNamed(g!, 'rect')[0]!;
      return { top: num(r, 'y'), bottom: num(r, 'y') + num(r, 'height') };
    };
    for (const a of arrowsOf(svg)) {
      const dots = findAll(a, (e) => e.name === 'circle' && !findAll(a, (g) => hasClass(g, 'path-finding')).some((g) => allElements(g).includes(e)));
      const heads = findAll(a, (e) => e.name === 'polygon' && hasClass(e, 'head'));
      const from = (a.attrs['data-from'] ?? '').split(' ').filter((t) => /^(left|right):./.test(t));
      const to = (a.attrs['data-to'] ?? '').split(' ').filter(Boolean);
      expect(dots).toHaveLength(from.length);
      expect(heads).toHaveLength(to.length);
      for (const end of from) {
        const [side, name] = end.split(/:(.*)/s) as ['left' | 'right', string];
        const r = row(side, name);
        expect(dots.some((d) => num(d, 'cx') === edge[side] && num(d, 'cy') > r.top && num(d, 'cy') < r.bottom), `${a.attrs.id} starts on ${end}`).toBe(true);
      }
      for (const end of to) {
        const [side, name] = end.split(/:(.*)/s) as [string, string];
        const tips = heads.map((h) => h.attrs.points!.split(' ')[0]!.split(',').map(Number) as [number, number]);
        if (side === 'vcenter') {
          const vc = childrenNamed(findAll(svg, (e) => e.attrs.id === 'vpd-vcenter')[0]!, 'rect')[0]!;
          expect(tips.some(([x, y]) => y === num(vc, 'y') + num(vc, 'height') && x >= num(vc, 'x') && x <= num(vc, 'x') + num(vc, 'width'))).toBe(true);
          continue;
        }
        const r = row(side, name);
        const x = edge[side as 'left' | 'right'];
        expect(tips.some(([tx, ty]) => tx === x && ty > r.top && ty < r.bottom), `${a.attrs.id} ends on ${end}`).toBe(true);
      }
    }
  });

  it('makes every arrow focusable with its reason on hover and a text label naming its class', () => {
    const arrows = arrowsOf(svg);
    expect(arrows.length).toBeGreaterThan(0);
    const ids = new Set<string>();
    for (const a of arrows) {
      expect(a.attrs.tabindex).toBe('0');
      expect(a.attrs.role).toBe('img');
      expect((a.attrs['aria-label'] ?? '').length).toBeGreaterThan(20);
      const first = a.children.find((c) => typeof c !== 'string') as XmlElement;
      expect(first.name).toBe('title');
      expect(textOf(first).length).toBeGreaterThan(20);
      expect(ids.has(a.attrs.id!)).toBe(false);
      ids.add(a.attrs.id!);
      const label = textOf(childrenNamed(a, 'text')[0]!);
      const cls = a.attrs['data-class'];
      const name = cls === 'vmotion' ? 'vMotion' : cls === 'vmotion-replies' ? 'replies' : cls === 'nfc' ? 'NFC' : 'management';
      expect(label).toContain(name);
      if (a.attrs['data-kind'] === 'uncertain') expect(label.startsWith('?')).toBe(true);
      if (a.attrs['data-kind'] === 'intended') expect(label.startsWith('intended')).toBe(true);
    }
  });

  it('shows every vmknic of every host as a row, a findings badge per host and a legend', () => {
    for (const [i, h] of result.hosts.entries()) {
      const side = i === 0 ? 'left' : 'right';
      const box = findAll(svg, (e) => e.attrs.id === `vpd-host-${side}`)[0]!;
      expect(textOf(box)).toContain(h.name.slice(0, 20));
      const rows = findAll(box, (e) => hasClass(e, 'vmknic')).map((e) => e.attrs['data-vmknic']);
      expect(rows).toEqual(h.vmknics.map((v) => v.name));
      for (const v of h.vmknics) if (v.ipv4) expect(textOf(box)).toContain(v.ipv4);
      const badge = findAll(box, (e) => hasClass(e, 'badge'))[0]!;
      const mine = result.findings.filter((f) => f.hosts.includes(h.name));
      const worst = ['blocker', 'high', 'medium', 'low', 'info'].find((s) => mine.some((f) => f.severity === s)) ?? 'none';
      expect(badge.attrs['data-severity']).toBe(worst);
      expect(badge.attrs.tabindex).toBe('0');
      expect(textOf(badge)).toContain(mine.length === 0 ? 'no findings' : worst.toUpperCase());
    }
    if (result.hosts.length === 1) {
      const peer = findAll(svg, (e) => e.attrs.id === 'vpd-host-right')[0]!;
      expect(hasClass(peer, 'assumed')).toBe(true);
      expect(textOf(peer)).toContain('assumed peer');
      expect(childrenNamed(peer, 'rect')[0]!.attrs['stroke-dasharray']).toBeDefined();
    }
    const legend = textOf(findAll(svg, (e) => e.attrs.id === 'vpd-legend')[0]!);
    for (const t of ['vMotion', 'NFC', 'management', 'replies', 'intended', '? uncertain']) expect(legend).toContain(t);
  });

  it('never lets two texts overlap and keeps every text inside the picture', () => {
    const [, , w, h] = svg.attrs.viewBox!.split(' ').map(Number) as [number, number, number, number];
    const boxes = findAll(svg, (e) => e.name === 'text').map(textBox);
    expect(overlapping(boxes)).toEqual([]);
    for (const b of boxes) {
      expect(b.x0, b.text).toBeGreaterThanOrEqual(0);
      expect(b.x1, b.text).toBeLessThanOrEqual(w);
      expect(b.y1, b.text).toBeLessThanOrEqual(h);
    }
  });

  it('is deterministic', () => {
    expect(renderPathSvg(result, { hosts })).toBe(source);
  });
});

describe('path picture details', () => {
  const bind0 = analyseExample(EXAMPLES.find((e) => e.name === 'bind0-6.7')!);

  it('tells classes apart by line style, not only colour, and draws intended paths thin with hollow heads', () => {
    const svg = parseXml(renderPathSvg(bind0.result));
    const lineOf = (cls: string, kind: string) => {
      const a = arrowsOf(svg).find((x) => x.attrs['data-class'] === cls && x.attrs['data-kind'] === kind)!;
      return findAll(a, (e) => hasClass(e, 'line'))[0]!;
    };
    const styles = ['vmotion', 'nfc', 'management'].map((c) => `${lineOf(c, 'actual').attrs['stroke-dasharray'] ?? 'solid'}`);
    expect(new Set(styles).size).toBe(3);
    const intended = lineOf('vmotion', 'intended');
    expect(Number(intended.attrs['stroke-width'])).toBeLessThan(Number(lineOf('vmotion', 'actual').attrs['stroke-width']));
    expect(intended.attrs['stroke-dasharray']).toBeDefined();
    const head = findAll(arrowsOf(svg).find((x) => x.attrs['data-kind'] === 'intended')!, (e) => hasClass(e, 'head'))[0]!;
    expect(head.attrs.fill).toBe('#ffffff');
  });

  it('flags a path a finding is about, and names the finding on hover', () => {
    const svg = parseXml(renderPathSvg(bind0.result));
    const vm = arrowsOf(svg).find((x) => x.attrs['data-class'] === 'vmotion' && x.attrs['data-kind'] === 'actual')!;
    const mark = findAll(vm, (e) => hasClass(e, 'path-finding'))[0]!;
    expect(mark.attrs['data-findings']).toContain('VMOTION_EGRESS_MISMATCH');
    expect(textOf(childrenNamed(vm, 'title')[0]!)).toContain('VMOTION_EGRESS_MISMATCH');
    const intended = arrowsOf(svg).find((x) => x.attrs['data-kind'] === 'intended')!;
    expect(findAll(intended, (e) => hasClass(e, 'path-finding'))).toEqual([]);
  });

  it('lists the candidates of an uncertain egress in its "?" label and the command that settles it in the title', () => {
    // Chan's esx01 shows BindToVmknic 1 on 5.0: its meaning there is unverified, so only a measurement settles it.
    const { result } = analyseExample(EXAMPLES.find((e) => e.name === 'seed-chan-5.0')!);
    const svg = parseXml(renderPathSvg(result));
    const vm = arrowsOf(svg).find((x) => x.attrs['data-class'] === 'vmotion')!;
    expect(vm.attrs['data-kind']).toBe('uncertain');
    expect(textOf(childrenNamed(vm, 'text')[0]!)).toBe('? vMotion vmk0 or vmk1 → vmk1');
    expect(textOf(childrenNamed(vm, 'title')[0]!)).toContain('To settle: esxcli network ip connection list | grep :8000');
    const dash = findAll(vm, (e) => hasClass(e, 'line')).map((e) => e.attrs['stroke-dasharray']);
    expect(new Set(dash).size).toBe(1);
    expect(dash[0]).toBeDefined();
  });

  it('shows uplinks only when host models are given', () => {
    const ex = analyseExample(EXAMPLES.find((e) => e.name === 'vmotion-stack-8.0')!);
    const withUplinks = parseXml(renderPathSvg(ex.result, { hosts: ex.hosts }));
    const row = findAll(withUplinks, (e) => e.attrs.id === 'vpd-left-vmk1')[0]!;
    expect(textOf(row)).toContain('uplinks vmnic2, vmnic3 · vSwitch1 MTU 9000');
    expect(textOf(parseXml(renderPathSvg(ex.result)))).not.toContain('uplinks');
  });

  it('prefixes every id, so two pictures can share a page, and can leave the heading to the page', () => {
    const svg = parseXml(renderPathSvg(bind0.result, { idPrefix: 'case 2', heading: false }));
    const ids = allElements(svg).map((e) => e.attrs.id).filter((x): x is string => x !== undefined);
    expect(ids.length).toBeGreaterThan(10);
    for (const id of ids) expect(id.startsWith('case_2-')).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(svg.attrs['aria-labelledby']).toBe('case_2-title case_2-desc');
    const texts = findAll(svg, (e) => e.name === 'text').map(textOf);
    expect(texts.some((t) => t.startsWith('Migration paths'))).toBe(false);
  });
});

describe('path picture of hostile or crowded evidence', () => {
  const crowded = (name: string, base: number) =>
    host({
      name,
      version: '7.0.3',
      build: '22348816',
      update: '3',
      bind: 0,
      nics: [
        { name: 'vmk0', ip: `10.0.0.${base}`, tags: ['Management'], netstack: 'defaultTcpipStack', portGroup: 'Mgmt <prod & "core"> ]]> \u0001' },
        { name: 'vmk1', ip: `10.0.0.${base + 1}`, tags: ['VMotion'], netstack: 'defaultTcpipStack', portGroup: 'dvPortGroup-vMotion-Cluster-Production-East-01-with-a-very-long-name', mtu: 9000 },
        { name: 'vmk2', ip: `10.0.2.${base}`, tags: ['VSAN'], netstack: 'defaultTcpipStack', portGroup: 'vSAN' },
        { name: 'vmk3', ip: `10.0.3.${base}`, tags: ['vSphereReplication', 'vSphereReplicationNFC', 'vSphereBackupNFC'], netstack: 'defaultTcpipStack', portGroup: 'Replication' },
        { name: 'vmk4', ip: `10.0.4.${base}`, tags: [], netstack: 'defaultTcpipStack', portGroup: 'iSCSI-A' },
        { name: 'vmk5', ip: `10.0.5.${base}`, tags: [], netstack: 'defaultTcpipStack', portGroup: '存储网络-iSCSI-B-非常长的名字' },
        { name: 'vmk6', ip: `172.16.0.${base}`, tags: [], netstack: 'vxlan', portGroup: 'vxw-vmknicPg-dvs-35-0-f1e2d3c4-aaaa-bbbb-cccc-0123456789ab' },
        { name: 'vmk10', ip: `10.0.9.${base}`, tags: ['vSphereProvisioning'], netstack: 'defaultTcpipStack', portGroup: 'Prov', enabled: false },
      ],
      routes: [route('defaultTcpipStack', '10.0.0.0', '255.255.255.0', '0.0.0.0', 'vmk0', 0)],
    });
  const evil = 'esx-<script>&"\'-01.very-long-domain-name.production.datacenter.example.com';
  const result: AnalysisResult = analyze({ source: crowded(evil, 10), dest: crowded('esx02', 20), migration: 'snapshots' });
  const source = renderPathSvg(result);
  const svg = parseXml(source);

  it('escapes <, &, quotes and drops characters XML cannot carry', () => {
    expect(source).not.toContain('<script>');
    expect(source).not.toContain('\u0001');
    expect(findAll(svg, (e) => e.name === 'script')).toEqual([]);
    expect(textOf(childrenNamed(svg, 'title')[0]!)).toContain(evil);
    const row = findAll(svg, (e) => e.attrs.id === 'vpd-left-vmk0')[0]!;
    expect(textOf(childrenNamed(row, 'title')[0]!)).toContain('pg Mgmt <prod & "core"> ]]> ');
    const arrow = arrowsOf(svg).find((a) => a.attrs['data-class'] === 'vmotion')!;
    expect(arrow.attrs['aria-label']).toContain(evil);
  });

  it('keeps 8 vmknics per host, long names and wide characters readable without overlap', () => {
    expect(findAll(svg, (e) => hasClass(e, 'vmknic'))).toHaveLength(16);
    const boxes = findAll(svg, (e) => e.name === 'text').map(textBox);
    // Wide (CJK) characters take two cells: measure them so.
    for (const b of boxes) {
      const wide = [...b.text].filter((c) => c.codePointAt(0)! >= 0x2e80).length;
      b.x1 += wide * 12.5 * FONT_EM;
    }
    expect(overlapping(boxes)).toEqual([]);
    const longName = findAll(svg, (e) => e.name === 'text' && textOf(e).startsWith('stack defaultTcpipStack · pg dvPortGroup'));
    expect(longName.length).toBe(2);
    for (const t of longName) expect(textOf(t).endsWith('…')).toBe(true);
  });
});

describe('path picture embedded in a page', () => {
  it('scopes its style to the picture, so it cannot restyle the page around it', () => {
    const { result } = analyseExample(EXAMPLES.find((e) => e.name === 'bind0-6.7')!);
    const svg = parseXml(renderPathSvg(result));
    expect(hasClass(svg, 'vpd-path-picture')).toBe(true);
    const css = findAll(svg, (e) => e.name === 'style').map(textOf).join('');
    const selectors = css.replace(/\{[^}]*\}/g, ',').split(',').map((s) => s.trim()).filter(Boolean);
    expect(selectors.length).toBeGreaterThan(3);
    for (const sel of selectors) expect(sel.startsWith('.vpd-path-picture ')).toBe(true);
  });
});
