import { describe, expect, it } from 'vitest';
import { parseMarkdown } from './markdown.ts';
import { tokensToText } from './text.ts';

const text = (md: string, width = 60) => tokensToText(parseMarkdown(md), { width });

describe('terminal text', () => {
  it('wraps paragraphs at the width and keeps inline code in backticks', () => {
    const out = text('The command `esxcfg-route -l` lists the routes of the default TCP/IP stack and names the adapter of each.', 40);
    expect(out.split('\n').every((l) => l.length <= 40)).toBe(true);
    expect(out).toContain('`esxcfg-route -l`');
  });

  it('underlines headings without the anchor marker', () => {
    expect(text('Intro.\n\n## Binding {#binding}\n\nText.')).toBe('Intro.\n\nBinding\n-------\n\nText.');
  });

  it('prints bullets and numbers, continuation lines indented under the text', () => {
    const out = text('- first item that is long enough to wrap onto a second line here\n- second\n\n1. one\n2. two', 40);
    expect(out).toBe(
      ['- first item that is long enough to wrap', '  onto a second line here', '- second', '', '1. one', '2. two'].join('\n'),
    );
  });

  it('indents code blocks and never wraps them', () => {
    const long = 'esxcli network ip interface ipv4 set -i vmk1 -t static -I 10.0.0.1 -N 255.255.255.0';
    expect(text(`Run:\n\n\`\`\`\n${long}\n\`\`\``, 40)).toBe(`Run:\n\n    ${long}`);
  });

  it('aligns a table that fits, and prints one record per row when it does not', () => {
    const table = '| Value | Meaning |\n| --- | --- |\n| 0 | never |\n| 3 | always |';
    expect(text(table)).toBe('Value  Meaning\n-----  -------\n0      never\n3      always');
    expect(text(table, 10)).toBe('* Value: 0\n  Meaning:\n    never\n* Value: 3\n  Meaning:\n    always');
  });

  it('shows where links go: the address of a web link, the article of a kb: link', () => {
    expect(text('See [the KB](https://kb.example/1) and [binding](kb:bind-to-vmknic#values), or <https://x.example>.')).toBe(
      'See the KB (https://kb.example/1) and binding\n[bind-to-vmknic#values], or https://x.example.',
    );
  });
});
