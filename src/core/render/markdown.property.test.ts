/**
 * The Markdown report is data (issue 17): whatever a port group, host or VM is called, rendering the report of a
 * real example with that name and reading it back with markdown-it (raw HTML on, as in the most permissive viewers)
 * yields exactly the HTML, links and images the template puts there, and the name's own text, intact.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze.ts';
import type { HostModel } from '../model/host.ts';
import type { ObservedMigration } from '../observed.ts';
import { loadEvidence } from '../../parsers/index.ts';
import { renderMarkdown } from './markdown.ts';
import { VETTED_URLS } from './links.ts';
import { quoteSh, unsafeReason } from '../remediation/shell.ts';

const META = { generatedAt: '2026-11-25T09:30:00.000Z', toolVersion: '9.8.7' };
const md = new MarkdownIt({ html: true });

function loadPaste(text: string, file: string): HostModel {
  const loaded = loadEvidence([{ file, text, defaultHost: 'x' }]);
  if (!loaded.ok) throw new Error(`${file}: ${loaded.error.message}`);
  return loaded.hosts[0]!;
}

const load = (rel: string) => loadPaste(readFileSync(join('examples', rel), 'utf8'), rel);

// bind0-6.7: vMotion on a port group called "vMotion" on vSwitch1; its plan names the port group in steps and commands.
const A = load('bind0-6.7/esx-a.txt');
const B = load('bind0-6.7/esx-b.txt');

function withPortGroup(h: HostModel, name: string): HostModel {
  return {
    ...h,
    vmknics: h.vmknics.map((n) => (n.portGroup === 'vMotion' ? { ...n, portGroup: name } : n)),
    vswitches: h.vswitches.map((s) => ({ ...s, portGroups: s.portGroups.map((p) => (p.name === 'vMotion' ? { ...p, name } : p)) })),
  };
}

function migrationOf(vm: string): ObservedMigration {
  return {
    host: A.name,
    traffic: 'vmotion',
    id: '7182955985622810397',
    vm,
    time: '2024-05-02T10:15:01.123Z',
    direction: 'outgoing',
    encrypted: 'no',
    outcome: 'failed',
    sourceAddresses: ['192.168.20.31'],
    destAddresses: ['192.168.20.132'],
    evidence: [{ file: 'esx31/var/run/log/vmkernel.log', line: 7, text: `Migrate: vmotion of ${vm}` }],
  } as ObservedMigration;
}

type Vector = 'port group' | 'host' | 'VM';

function report(vector: Vector, name: string): string {
  if (vector === 'port group') return renderMarkdown(analyze({ source: withPortGroup(A, name), dest: withPortGroup(B, name), migration: 'snapshots' }), META);
  if (vector === 'host') return renderMarkdown(analyze({ source: { ...A, name }, dest: B, migration: 'snapshots' }), META);
  const result = analyze({ source: A, dest: B, migration: 'snapshots', observed: [migrationOf(name)] });
  return renderMarkdown(result, META);
}

function walk(tokens: readonly Token[], visit: (t: Token) => void): void {
  for (const t of tokens) {
    visit(t);
    if (t.children) walk(t.children, visit);
  }
}

/** What the reader's viewer would turn into markup: raw HTML, links (with their targets) and images. */
function elements(markdown: string): string[] {
  const found: string[] = [];
  walk(md.parse(markdown, {}), (t) => {
    if (t.type === 'html_inline' || t.type === 'html_block') found.push(`${t.type} ${t.content.trim()}`);
    else if (t.type === 'link_open') found.push(`link ${t.attrGet('href')}`);
    else if (t.type === 'image') found.push(`image ${t.attrGet('src')}`);
  });
  return found.sort();
}

/** The text of each inline run (a paragraph, a heading, a list item, a table cell), as a viewer shows it. */
function inlineTexts(markdown: string): string[] {
  const texts: string[] = [];
  walk(md.parse(markdown, {}), (t) => {
    if (t.type === 'inline') texts.push((t.children ?? []).filter((c) => c.type === 'text').map((c) => c.content).join(''));
  });
  return texts;
}

/** The contents of code blocks and spans: commands and evidence lines, shown verbatim. */
function codeTexts(markdown: string): string[] {
  const texts: string[] = [];
  walk(md.parse(markdown, {}), (t) => {
    if (t.type === 'fence' || t.type === 'code_block' || t.type === 'code_inline') texts.push(t.content);
  });
  return texts;
}

/**
 * Where a reader finds the name: as text, or in a command exactly as quoted for the ESXi shell (a port group's name
 * now appears only in commands). A name no quoting makes safe withholds the plan instead.
 */
function nameShown(markdown: string, name: string): boolean {
  if (unsafeReason(name) !== undefined && markdown.includes('**Withheld:**')) return true;
  const want = shown(name);
  return inlineTexts(markdown).some((t) => t.includes(want)) || codeTexts(markdown).some((t) => t.includes(quoteSh(name)));
}

/** The name as one line of text: what mdText keeps (line breaks and tabs as spaces, control characters dropped). */
function shown(name: string): string {
  return name
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .replace(/\r\n|[\r\n\t\u2028\u2029\u0085]/g, ' ')
    .trim();
}

const HOSTILE = [
  '<img src=x onerror=alert(1)>',
  'vMotion[Download the fix](https://evil.example/fix.ps1)',
  '![x](https://evil.example/p.png)',
  '<https://evil.example>',
  '[x]: https://evil.example',
  '`code` ``two``',
  '| a | b |',
  '# heading',
  '- item',
  '+ item',
  '1. item',
  '> quote',
  '***bold***',
  '__under__',
  '~~gone~~',
  '&lt;img src=x&gt;',
  '&#60;script&#62;',
  '\\',
  'a\\',
  '<!-- c -->',
  '<script>alert(1)</script>',
  'line one\n# two\n<img src=x>',
  '    indented',
  '---',
  '===',
];

const PIECES = [...HOSTILE, '<', '>', '&', '[', ']', '(', ')', '`', '*', '_', '|', '#', '-', '+', '1.', '!', '~', '\\', '\n', '\r\n', ' ', '\t', 'a', 'é', '漢', '😀', '\u2028', 'https://evil.example'];

const names = fc.oneof(
  fc.constantFrom(...HOSTILE),
  fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 8 }).map((p) => p.join('')),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }),
);

describe.each<Vector>(['port group', 'host', 'VM'])('Markdown report with a hostile %s name', (vector) => {
  const baseline = report(vector, 'plainname');
  const template = elements(baseline);

  it('the plain name shows, and the template links only to vetted addresses', () => {
    expect(nameShown(baseline, 'plainname')).toBe(true);
    for (const e of template.filter((x) => x.startsWith('link '))) expect(VETTED_URLS.has(e.slice(5)), e).toBe(true);
  });

  it('holds no HTML, link or image the template did not put there, and shows the name intact', () => {
    fc.assert(
      fc.property(names, (name) => {
        const text = report(vector, name);
        expect(elements(text)).toEqual(template);
        if (shown(name) !== '') expect(nameShown(text, name), JSON.stringify(name)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});

describe('a hostile port-group name in a pasted esxcfg-vmknic -l', () => {
  // The realistic vector: the name as ESXi prints it in its column, read by the parser like any paste.
  const paste = (name: string) => readFileSync('examples/bind0-6.7/esx-a.txt', 'utf8').replace(/^(vmk1 {7})vMotion {33}/m, `$1${name.padEnd(40)}`).replace(/^( {2})vMotion( {15}0 )/m, `$1${name}$2`);

  it.each(['<img src=x onerror=alert(1)>', 'vMotion[fix](https://evil.ex/f.ps1)'])('%s stays text', (name) => {
    const render = (n: string) => {
      const source = loadPaste(paste(n), 'esx-a.txt');
      expect(source.vmknics.find((v) => v.name === 'vmk1')?.portGroup).toBe(n);
      return renderMarkdown(analyze({ source, dest: B, migration: 'snapshots' }), META);
    };
    const text = render(name);
    expect(text).toContain(quoteSh(name)); // in the commands, exactly as quoted for the shell
    expect(elements(text)).toEqual(elements(render('plainname')));
    // The evidence and the commands are code blocks: the name is there verbatim, as data, never as markup.
    const blocks = md.parse(text, {}).filter((t) => t.type === 'fence').map((t) => t.content);
    expect(blocks.some((b) => b.includes(`vmk1       ${name}`))).toBe(true);
    expect(blocks.some((b) => b.includes(`-p '${name}'`))).toBe(true);
  });
});
