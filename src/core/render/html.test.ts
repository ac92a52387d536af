import { MIGRATION_LABEL } from '../present/words.ts';
import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze.ts';
import { FINDINGS, type FindingId } from '../findings/catalog.ts';
import { REMEDIATIONS, SOURCES, type RemediationId } from '../remediation/catalog.ts';
import { host, route } from '../test-support/hosts.ts';
import { analyseExample, EXAMPLES } from '../../test-support/examples.ts';
import { WHAT_A_LINE_PROVES } from '../observed.ts';
import { toBeSure } from '../present/settle.ts';
import { renderHtmlReport, REPORT_CSP } from './html.ts';
import { allElements, childrenNamed, findAll, hasClass, parseXml, textOf, type XmlElement } from './xml.test-support.ts';

const META = { generatedAt: '2026-11-25T09:30:00.000Z', toolVersion: '9.8.7' };

function byId(doc: XmlElement, id: string): XmlElement | undefined {
  return findAll(doc, (e) => e.attrs.id === id)[0];
}

describe.each(EXAMPLES.map((e) => [e.name, e] as const))('HTML report of %s', (_name, example) => {
  const { result, hosts } = analyseExample(example);
  const html = renderHtmlReport(result, { ...META, hosts });
  const doc = parseXml(html);
  const text = textOf(doc);

  it('is one self-contained document: strict CSP, inline CSS, no script, no external font, image or frame', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    const csp = findAll(doc, (e) => e.name === 'meta' && e.attrs['http-equiv'] === 'Content-Security-Policy');
    expect(csp).toHaveLength(1);
    expect(csp[0]!.attrs.content).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    expect(REPORT_CSP).toBe(csp[0]!.attrs.content);
    const names = new Set(allElements(doc).map((e) => e.name));
    for (const banned of ['script', 'link', 'img', 'iframe', 'object', 'embed', 'foreignObject', 'base', 'form']) expect(names.has(banned)).toBe(false);
    for (const el of allElements(doc)) {
      expect(Object.keys(el.attrs).filter((k) => /^on|^src$|^srcset$/i.test(k))).toEqual([]);
      if (el.name === 'a') expect(el.attrs.href).toMatch(/^(#|https?:\/\/)/);
    }
    const css = findAll(doc, (e) => e.name === 'style').map(textOf).join('\n');
    expect(css).not.toMatch(/@import|@font-face|url\(/);
    expect(css).toMatch(/@media print \{[\s\S]*\.appendix \{ break-before: page; \}/);
    expect(findAll(doc, (e) => e.name === 'svg')).toHaveLength(1);
  });

  it('carries title, date, tool version, the question, the verdict, hosts and versions', () => {
    const title = textOf(findAll(doc, (e) => e.name === 'title')[0]!);
    for (const h of result.hosts) {
      expect(textOf(byId(doc, 'hosts')!)).toContain(h.name);
      expect(title).toContain(h.name);
      if (h.version) expect(textOf(byId(doc, 'hosts')!)).toContain(h.version.version);
    }
    expect(text).toContain('Generated 2026-11-25 09:30 UTC by vMotion Path Doctor 9.8.7');
    expect(textOf(byId(doc, 'question')!)).toContain(`Migration kind: ${MIGRATION_LABEL[result.migration]}`);
    expect(textOf(byId(doc, 'verdict')!)).toContain(result.verdict.overview);
    for (const l of result.verdict.lines ?? []) expect(textOf(byId(doc, 'verdict')!).split(l)).toHaveLength(2);
    expect(textOf(findAll(doc, (e) => e.name === 'footer')[0]!)).toContain('9.8.7');
  });

  it('puts the sections in reading order, the picture inline, the trace in an appendix', () => {
    const order = ['question', 'verdict', 'hosts', 'picture', 'paths', 'findings', 'plan', 'settle', 'appendix'].filter((id) => byId(doc, id));
    const positions = order.map((id) => html.indexOf(`id="${id}"`));
    expect([...positions].sort((x, y) => x - y)).toEqual(positions);
    expect(order.slice(0, 7)).toEqual(['question', 'verdict', 'hosts', 'picture', 'paths', 'findings', 'plan']);
    expect(findAll(byId(doc, 'picture')!, (e) => e.name === 'svg')).toHaveLength(1);
    expect(hasClass(byId(doc, 'appendix')!, 'appendix')).toBe(true);
    const appendix = textOf(byId(doc, 'appendix')!);
    for (const f of result.flows) for (const t of f.trace) expect(appendix).toContain(t);
    for (const h of toBeSure(result)) for (const c of h.commands) expect(textOf(byId(doc, 'settle')!)).toContain(c.command);
  });

  it('shows every finding with its evidence lines, fixes and the sources of its rule', () => {
    const articles = findAll(byId(doc, 'findings')!, (e) => e.name === 'article');
    expect(articles).toHaveLength(result.findings.length);
    result.findings.forEach((f, i) => {
      const art = textOf(articles[i]!);
      expect(art).toContain(f.id);
      expect(art).toContain(f.detail);
      for (const ev of f.evidence) expect(art).toContain(ev);
      for (const r of f.remediation) expect(art).toContain(r);
      const urls = findAll(articles[i]!, (e) => e.name === 'a').map((a) => a.attrs.href);
      for (const key of FINDINGS[f.id as FindingId].sources) expect(urls).toContain(SOURCES[key].url);
    });
  });

  it('gives each remediation its commands with ESXi shell and PowerCLI side by side, verification, rollback and sources', () => {
    const articles = findAll(doc, (e) => e.name === 'article' && hasClass(e, 'remedy'));
    expect(articles).toHaveLength(result.remediation.length);
    result.remediation.forEach((r, i) => {
      const art = articles[i]!;
      expect(art.attrs.id).toBe(`remedy-${r.id}`);
      const side = findAll(art, (e) => hasClass(e, 'commands'))[0]!;
      const cols = childrenNamed(side, 'div');
      expect(cols.map((c) => textOf(childrenNamed(c, 'h4')[0]!))).toEqual(['ESXi shell (SSH on each host)', 'PowerCLI (against vCenter)']);
      for (const c of r.commands.esxcli) expect(textOf(cols[0]!)).toContain(c);
      for (const c of r.commands.powercli) expect(textOf(cols[1]!)).toContain(c);
      const body = textOf(art);
      for (const v of [...r.verify, ...r.rollback, ...r.commands.esxcfg, ...r.steps]) expect(body).toContain(v);
      expect(body).toContain(r.risk);
      const urls = findAll(art, (e) => e.name === 'a').map((a) => a.attrs.href);
      for (const key of REMEDIATIONS[r.id as RemediationId].sources) expect(urls).toContain(SOURCES[key].url);
    });
  });

  it('lists every cited source with its address in the appendix, and is deterministic', () => {
    const appendix = byId(doc, 'appendix')!;
    const urls = new Set(findAll(appendix, (e) => e.name === 'a').map((a) => a.attrs.href));
    const cited = new Set([...result.findings.flatMap((f) => FINDINGS[f.id as FindingId].sources), ...result.remediation.flatMap((r) => REMEDIATIONS[r.id as RemediationId].sources)]);
    for (const key of cited) expect(urls.has(SOURCES[key].url), key).toBe(true);
    expect(textOf(appendix)).toContain('9.8.7');
    expect(renderHtmlReport(result, { ...META, hosts })).toBe(html);
  });
});

describe('HTML report details', () => {
  it('escapes everything that comes from the evidence', () => {
    const evil = 'esx<img src=x onerror=alert(1)>&"\'';
    const result = analyze({
      source: host({
        name: evil,
        version: '6.7.0',
        build: '14320388',
        bind: 0,
        nics: [
          { name: 'vmk0', ip: '10.0.1.10', tags: ['Management'], netstack: 'defaultTcpipStack', portGroup: '</style><script>alert(1)</script>' },
          { name: 'vmk1', ip: '10.0.1.11', tags: ['VMotion'], netstack: 'defaultTcpipStack', portGroup: 'vMotion & <b>' },
        ],
        routes: [route('defaultTcpipStack', '10.0.1.0', '255.255.255.0', '0.0.0.0', 'vmk0', 0)],
      }),
      migration: 'snapshots',
      warnings: [{ file: 'paste<1>.txt', line: 3, message: 'row "<x>" & more' }],
    });
    const html = renderHtmlReport(result, { ...META, question: 'Why <b>slow</b> & "stuck"?' });
    const doc = parseXml(html);
    expect(findAll(doc, (e) => ['script', 'img', 'b'].includes(e.name))).toEqual([]);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('</style><script>');
    expect(textOf(byId(doc, 'question')!)).toContain('Why <b>slow</b> & "stuck"?');
    expect(textOf(byId(doc, 'hosts')!)).toContain(evil);
    expect(textOf(byId(doc, 'hosts')!)).toContain('</style><script>alert(1)</script>');
    expect(textOf(byId(doc, 'warnings')!)).toContain('paste<1>.txt:3 row "<x>" & more');
  });

  it('asks the default question of the migration kind and says when only one host was pasted', () => {
    const { result } = analyseExample(EXAMPLES.find((e) => e.name === 'multinic-6.0u3')!);
    const doc = parseXml(renderHtmlReport(result, META));
    expect(textOf(byId(doc, 'question')!)).toContain('Which VMkernel adapters does a migration of a VM with snapshots from esx41 to a peer configured like it');
    expect(textOf(byId(doc, 'hosts')!)).toContain('Only one host was pasted');
  });

  it('shows a date it cannot parse as given', () => {
    const { result } = analyseExample(EXAMPLES.find((e) => e.name === 'bind0-6.7')!);
    expect(renderHtmlReport(result, { generatedAt: 'yesterday', toolVersion: '1' })).toContain('Generated yesterday by vMotion Path Doctor 1');
  });

  it('marks the fill-in placeholders of a plan and links each fix to its remediation', () => {
    const { result } = analyseExample(EXAMPLES.find((e) => e.name === 'bind0-6.7')!);
    const doc = parseXml(renderHtmlReport(result, META));
    const r1 = byId(doc, 'remedy-R1')!;
    expect(textOf(findAll(r1, (e) => hasClass(e, 'fill'))[0]!)).toContain('FILL_vlan');
    const links = findAll(byId(doc, 'findings')!, (e) => e.name === 'a' && e.attrs.href === '#remedy-R1');
    expect(links.length).toBeGreaterThan(0);
  });
});

describe('renderHtmlReport: past migrations from host logs', () => {
  const esx01 = host({ name: 'esx01', version: '8.0.3', build: '24859861', nics: [{ name: 'vmk0', ip: '10.0.0.11', tags: ['Management'] }, { name: 'vmk1', ip: '10.0.1.11', tags: ['VMotion'] }] });
  const esx02 = host({ name: 'esx02', version: '8.0.3', build: '24859861', nics: [{ name: 'vmk0', ip: '10.0.0.12', tags: ['Management'] }, { name: 'vmk1', ip: '10.0.1.12', tags: ['VMotion'] }] });
  const lineText = '2024-05-02T10:15:01.123Z Migrate: 314: vmotion: Source ts = 7182955985622810397, srcIP = <10.0.0.11> dstIP = <10.0.0.12>';

  it('has no such section when the logs showed nothing', () => {
    const doc = parseXml(renderHtmlReport(analyze({ source: esx01, dest: esx02 }), META));
    expect(byId(doc, 'observed')).toBeUndefined();
  });

  it('lists each migration with its addresses mapped to vmknics, the management one marked, and its escaped log lines', () => {
    const result = analyze({
      source: esx01,
      dest: esx02,
      observed: [
        {
          host: 'esx01',
          traffic: 'vmotion',
          id: '7182955985622810397',
          vm: 'web<01>',
          time: '2024-05-02T10:15:01.123Z',
          direction: 'outgoing',
          sourceAddresses: ['10.0.0.11'],
          destAddresses: ['10.0.0.12'],
          encrypted: 'no',
          outcome: 'failed',
          evidence: [{ file: 'esx01/var/run/log/vmkernel.log', line: 7, text: lineText }],
          proof: {
            addresses: [{ file: 'esx01/var/run/log/vmkernel.log', line: 7, text: lineText }],
            direction: [{ file: 'esx01/var/run/log/vmkernel.log', line: 7, text: lineText }],
            failure: [],
          },
        },
      ],
    });
    const doc = parseXml(renderHtmlReport(result, META));
    const section = byId(doc, 'observed')!;
    const text = textOf(section);
    expect(text).toContain(WHAT_A_LINE_PROVES);
    expect(text).toContain('vMotion outgoing of web<01>');
    expect(text).toContain('10.0.0.11 (esx01 vmk0 management vmknic)');
    expect(text).toContain('10.0.0.12 (esx02 vmk0 management vmknic)');
    expect(text).toContain('failed');
    expect(text).toContain(`esx01/var/run/log/vmkernel.log:7: ${lineText}`);
    expect(text).toContain('These lines prove the addresses chosen for this vMotion stream');
    // Which lines prove what, in words, and nothing about a failure no line proves.
    const proof = findAll(section, (x) => x.name === 'p' && x.attrs.class === 'proof').map(textOf);
    expect(proof).toEqual([
      'The addresses are proved by esx01/var/run/log/vmkernel.log:7. That esx01 sent it is proved by esx01/var/run/log/vmkernel.log:7.',
    ]);
    // The section sits between the findings (which carry OBSERVED_VMOTION_ON_MANAGEMENT) and the plan.
    const ids = findAll(doc, (e) => e.name === 'section' && ['findings', 'observed', 'plan'].includes(e.attrs.id ?? '')).map((e) => e.attrs.id);
    expect(ids).toEqual(['findings', 'observed', 'plan']);
    expect(textOf(byId(doc, 'findings')!)).toContain('OBSERVED_VMOTION_ON_MANAGEMENT');
  });
});

describe('renderHtmlReport: background articles', () => {
  it('puts the given articles in their own appendix, and none when none are given', () => {
    const { result } = analyseExample(EXAMPLES.find((x) => x.name === 'bind0-6.7')!);
    const meta = { generatedAt: '2026-11-25T12:00:00Z', toolVersion: '0.1.0' };
    const without = renderHtmlReport(result, meta);
    expect(without).not.toContain('background on the findings');
    const withArticles = renderHtmlReport(result, { ...meta, articles: [{ id: 'x', title: 'Why <vmk0>?', anchor: 'kb-x', html: '<p>Because.</p>' }] });
    expect(withArticles).toContain('<h2 id="articles">Appendix D: background on the findings</h2><section id="kb-x" class="article"><h3>Why &lt;vmk0&gt;?</h3><p>Because.</p></section>');
    expect(withArticles).toContain('Appendix E: about this report');
  });
});
