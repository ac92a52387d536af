/**
 * Terminal text from the article tokens: wrapped paragraphs, `-` bullets, indented code, aligned tables (or one
 * "Header: value" record per row when a table is wider than the terminal), headings underlined. Inline code keeps
 * its backticks so commands stand out; links print their address after the text in parentheses, `kb:` links the
 * `article#section` to pass to `path-doctor explain` in brackets.
 */
import type { Token } from 'markdown-it';

export interface TextOptions {
  /** Wrap width; Infinity for no wrapping (search index). */
  readonly width: number;
}

function inlineText(children: readonly Token[] | null): string {
  let out = '';
  let link: { after: string; url?: string } | undefined;
  for (const c of children ?? []) {
    switch (c.type) {
      case 'text':
      case 'html_inline':
        out += c.content;
        break;
      case 'code_inline':
        out += `\`${c.content}\``;
        break;
      case 'softbreak':
        out += ' ';
        break;
      case 'hardbreak':
        out += '\n';
        break;
      case 'link_open': {
        const meta = c.meta as { kind: string; article?: string; section?: string; url?: string } | null;
        if (meta?.kind === 'kb') link = { after: ` [${meta.article}${meta.section ? `#${meta.section}` : ''}]` };
        else if (meta?.kind === 'external' && meta.url) link = { after: ` (${meta.url})`, url: meta.url };
        // A claim's source: its address is in the article's Sources list, so the text stays readable.
        else if (meta?.kind === 'source') link = { after: '' };
        else link = { after: '' };
        break;
      }
      case 'link_close':
        // An external link whose text is its address needs no repetition.
        if (link && !(link.url && out.endsWith(link.url))) out += link.after;
        link = undefined;
        break;
      default:
        break;
    }
  }
  return out;
}

/** Word-wraps `text` to `width`, `first` before the first line and `rest` before the others. */
export function wrap(text: string, width: number, first: string, rest: string): string[] {
  const lines: string[] = [];
  for (const para of text.split('\n')) {
    const words = para.split(/ +/).filter((w) => w !== '');
    let line = '';
    for (const w of words) {
      const prefix = lines.length === 0 ? first : rest;
      if (line !== '' && prefix.length + line.length + 1 + w.length > width) {
        lines.push(prefix + line);
        line = w;
      } else line = line === '' ? w : `${line} ${w}`;
    }
    lines.push((lines.length === 0 ? first : rest) + line);
  }
  return lines;
}

function table(rows: string[][], header: number, width: number, indent: string): string[] {
  const cols = Math.max(...rows.map((r) => r.length));
  const widths = Array.from({ length: cols }, (_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  const total = indent.length + widths.reduce((a, b) => a + b, 0) + 2 * (cols - 1);
  if (total <= width) {
    const out: string[] = [];
    rows.forEach((r, i) => {
      out.push((indent + r.map((cell, c) => cell.padEnd(widths[c]!)).join('  ')).trimEnd());
      if (i === header - 1) out.push(indent + widths.map((w) => '-'.repeat(w)).join('  '));
    });
    return out;
  }
  // Too wide: one record per row, "Header: value", so nothing is cut off.
  const head = rows[0] ?? [];
  const out: string[] = [];
  for (const r of rows.slice(header)) {
    r.forEach((cell, c) => {
      const label = head[c] ? `${head[c]}: ` : '';
      out.push(...wrap(`${label}${cell}`, width, `${indent}${c === 0 ? '* ' : '  '}`, `${indent}    `));
    });
  }
  return out;
}

export function tokensToText(tokens: readonly Token[], options: TextOptions): string {
  const width = options.width;
  const out: string[] = [];
  const lists: { ordered: boolean; next: number }[] = [];
  let indent = '';
  let itemPrefix: string | undefined;
  let quote = 0;

  const blank = () => {
    if (out.length > 0 && out[out.length - 1] !== '') out.push('');
  };
  const prefix = () => '> '.repeat(quote) + indent;
  // The first line of a list item carries its bullet in place of the item's indentation.
  const firstPrefix = () =>
    itemPrefix === undefined ? prefix() : '> '.repeat(quote) + indent.slice(0, indent.length - itemPrefix.length) + itemPrefix;
  const startBlock = (tight: boolean) => {
    if (!tight && itemPrefix === undefined) blank();
  };

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    switch (t.type) {
      case 'heading_open': {
        const text = inlineText(tokens[i + 1]?.children ?? null).trim();
        blank();
        out.push(prefix() + text);
        // The title above the body is underlined with '='; sections with '-', subsections with '~'.
        out.push(prefix() + (t.tag === 'h1' ? '=' : t.tag === 'h2' ? '-' : '~').repeat(Math.min(text.length, width)));
        i += 2;
        break;
      }
      case 'paragraph_open': {
        const text = inlineText(tokens[i + 1]?.children ?? null);
        // Paragraphs of a tight list are `hidden`: no blank line between the items.
        startBlock(t.hidden);
        out.push(...wrap(text, width, firstPrefix(), prefix()));
        itemPrefix = undefined;
        i += 2;
        break;
      }
      case 'bullet_list_open':
      case 'ordered_list_open': {
        if (lists.length === 0) blank();
        const start = Number(t.attrGet('start') ?? 1);
        lists.push({ ordered: t.type === 'ordered_list_open', next: Number.isFinite(start) ? start : 1 });
        break;
      }
      case 'bullet_list_close':
      case 'ordered_list_close':
        lists.pop();
        if (lists.length === 0) blank();
        break;
      case 'list_item_open': {
        const list = lists[lists.length - 1];
        const p = list?.ordered ? `${list.next++}. ` : '- ';
        itemPrefix = p;
        indent += ' '.repeat(p.length);
        break;
      }
      case 'list_item_close': {
        const list = lists[lists.length - 1];
        const p = list?.ordered ? `${list.next - 1}. ` : '- ';
        indent = indent.slice(0, Math.max(0, indent.length - p.length));
        itemPrefix = undefined;
        break;
      }
      case 'blockquote_open':
        blank();
        quote++;
        break;
      case 'blockquote_close':
        quote--;
        blank();
        break;
      case 'fence':
      case 'code_block': {
        startBlock(false);
        // A list item that opens with code: the bullet on a line of its own.
        if (itemPrefix !== undefined) out.push(firstPrefix().trimEnd());
        itemPrefix = undefined;
        for (const line of t.content.replace(/\n$/, '').split('\n')) out.push(`${prefix()}    ${line}`.trimEnd());
        blank();
        break;
      }
      case 'hr':
        blank();
        out.push(prefix() + '-'.repeat(Math.min(40, width)));
        break;
      case 'table_open': {
        const rows: string[][] = [];
        let header = 0;
        let row: string[] | undefined;
        let j = i + 1;
        for (; j < tokens.length && tokens[j]!.type !== 'table_close'; j++) {
          const c = tokens[j]!;
          if (c.type === 'tr_open') row = [];
          else if (c.type === 'tr_close' && row) rows.push(row);
          else if (c.type === 'inline' && row) row.push(inlineText(c.children).trim());
          else if (c.type === 'thead_close') header = rows.length;
        }
        startBlock(false);
        out.push(...table(rows, header, width, prefix()));
        blank();
        i = j;
        break;
      }
      default:
        break;
    }
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  while (out.length > 0 && out[0] === '') out.shift();
  return out.join('\n');
}
