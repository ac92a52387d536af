import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { mdCode, mdFence, mdText } from './escape.ts';
import { isVettedLink, VETTED_URLS } from './links.ts';
import { SOURCES } from '../remediation/sources.ts';

const md = new MarkdownIt({ html: true });
/** The HTML a permissive viewer makes of one paragraph. */
const html = (text: string) => md.render(text).trim();

describe('Markdown escaping of evidence text', () => {
  it('turns markup characters into text a viewer shows as they are', () => {
    expect(html(mdText('<img src=x onerror=alert(1)>'))).toBe('<p>&lt;img src=x onerror=alert(1)&gt;</p>');
    expect(html(mdText('vMotion[Download the fix](https://evil.example/fix.ps1)'))).toBe('<p>vMotion[Download the fix](https://evil.example/fix.ps1)</p>');
    expect(html(mdText('![i](x) *a* __b__ ~~c~~ `d` a|b \\'))).toBe('<p>![i](x) *a* __b__ ~~c~~ `d` a|b \\</p>');
    expect(html(mdText('&lt; &#60; &amp;'))).toBe('<p>&amp;lt; &amp;#60; &amp;amp;</p>');
  });

  it('cannot start a block, whatever the value begins with', () => {
    for (const v of ['# h', '- item', '+ item', '1. item', '> quote', '---', '===', '    code', '1) item']) {
      expect(html(mdText(v)), v).toMatch(/^<p>/);
      expect(html(`1. ${mdText(v)}`), v).toMatch(/^<ol>\n<li>[^<]/);
    }
  });

  it('keeps one line: breaks and tabs become spaces, controls and bidi overrides are dropped', () => {
    expect(mdText('a\r\nb\nc\td\u2028e')).toBe('a b c d e');
    expect(mdText('a\u0000b\u202ec\u0007')).toBe('abc');
  });

  it('leaves readable what is harmless: dots, dashes inside, underscores inside a word', () => {
    expect(mdText('esx01.lab.local')).toBe('esx01.lab.local');
    expect(mdText('VMOTION_EGRESS_MISMATCH')).toBe('VMOTION_EGRESS_MISMATCH');
    expect(mdText('9.8.7')).toBe('9.8.7');
    expect(mdText('_x_')).toBe('\\_x\\_');
  });

  it('puts code in a span or block whose fence outgrows any backtick run inside', () => {
    expect(html(mdCode('a ``b`` c'))).toBe('<p><code>a ``b`` c</code></p>');
    expect(html(mdCode('`x`'))).toBe('<p><code>`x`</code></p>');
    const block = mdFence(['echo "```"', 'esxcli network ip interface list'], 'sh');
    expect(block[0]).toBe('````sh');
    expect(md.parse(block.join('\n'), {}).find((t) => t.type === 'fence')?.content).toBe('echo "```"\nesxcli network ip interface list\n');
  });
});

describe('vetted links', () => {
  it('are the catalog sources and knowledge-base articles only', () => {
    for (const s of Object.values(SOURCES)) expect(isVettedLink(s.url)).toBe(true);
    expect(VETTED_URLS.size).toBe(new Set(Object.values(SOURCES).map((s) => s.url)).size);
    expect(isVettedLink('kb:multihoming#what-happens')).toBe(true);
    expect(isVettedLink('https://evil.example/fix.ps1')).toBe(false);
    expect(isVettedLink('javascript:alert(1)')).toBe(false);
  });

  it('can each be written as a Markdown link destination as they are', () => {
    for (const url of VETTED_URLS) expect(url, url).toMatch(/^https?:\/\/[^\s<>()]+$/);
  });
});

describe('code stays exact', () => {
  it('keeps every character of a command in a block, controls and bidi marks included', () => {
    const command = 'esxcli network vswitch standard portgroup set -p "vMotion\u202e<img>`x`" -v 20';
    const block = mdFence([command], 'sh');
    expect(md.parse(block.join('\n'), {}).find((t) => t.type === 'fence')?.content).toBe(`${command}\n`);
  });
});
