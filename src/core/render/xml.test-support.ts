/**
 * A small, strict XML reader for the render tests: it checks well-formedness (every tag closed and nested, quoted
 * attributes without `<`, no duplicate attribute, only the five predefined entities and character references, no
 * stray `&` or `<` in text) and returns the element tree, so tests can count and inspect elements instead of
 * comparing snapshots. It also reads the HTML report, which is written as well-formed XHTML-compatible markup.
 */

export interface XmlElement {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: readonly XmlNode[];
}
export type XmlNode = XmlElement | string;

export class XmlError extends Error {}

const NAME = /^[A-Za-z_:][-A-Za-z0-9_:.]*/;
const ENTITY: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string, at: number): string {
  return text.replace(/&([^;\s&<]*);?/g, (m, body: string) => {
    if (!m.endsWith(';')) throw new XmlError(`stray & near offset ${at}: ${JSON.stringify(text.slice(0, 60))}`);
    if (body in ENTITY) return ENTITY[body]!;
    const num = /^#(?:x([0-9a-fA-F]+)|([0-9]+))$/.exec(body);
    if (!num) throw new XmlError(`unknown entity &${body}; near offset ${at}`);
    const cp = num[1] !== undefined ? parseInt(num[1], 16) : parseInt(num[2]!, 10);
    const valid = cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
    if (!valid) throw new XmlError(`character reference &${body}; is not an XML character`);
    return String.fromCodePoint(cp);
  });
}

const INVALID_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Parses a document; throws XmlError with the reason when it is not well-formed. */
export function parseXml(source: string): XmlElement {
  const bad = INVALID_CHAR.exec(source);
  if (bad) throw new XmlError(`character U+${bad[0].charCodeAt(0).toString(16)} is not allowed in XML (offset ${bad.index})`);
  let i = 0;
  const root: { name: string; attrs: Record<string, string>; children: XmlNode[] } = { name: '#document', attrs: {}, children: [] };
  const stack = [root];
  const top = () => stack[stack.length - 1]!;
  while (i < source.length) {
    if (source.startsWith('<!--', i)) {
      const end = source.indexOf('-->', i + 4);
      if (end < 0) throw new XmlError(`unclosed comment at ${i}`);
      i = end + 3;
    } else if (source.startsWith('<![CDATA[', i)) {
      const end = source.indexOf(']]>', i);
      if (end < 0) throw new XmlError(`unclosed CDATA at ${i}`);
      top().children.push(source.slice(i + 9, end));
      i = end + 3;
    } else if (source.startsWith('<?', i)) {
      const end = source.indexOf('?>', i);
      if (end < 0) throw new XmlError(`unclosed processing instruction at ${i}`);
      i = end + 2;
    } else if (/^<!DOCTYPE\s/i.test(source.slice(i, i + 10))) {
      const end = source.indexOf('>', i);
      if (end < 0 || stack.length > 1) throw new XmlError(`misplaced DOCTYPE at ${i}`);
      i = end + 1;
    } else if (source.startsWith('</', i)) {
      const m = NAME.exec(source.slice(i + 2));
      if (!m) throw new XmlError(`bad end tag at ${i}`);
      const close = source.indexOf('>', i);
      if (close < 0 || source.slice(i + 2 + m[0].length, close).trim() !== '') throw new XmlError(`bad end tag </${m[0]} at ${i}`);
      const open = stack.pop();
      if (!open || open === root || open.name !== m[0]) throw new XmlError(`</${m[0]}> at ${i} does not close <${open?.name}>`);
      i = close + 1;
    } else if (source[i] === '<') {
      const m = NAME.exec(source.slice(i + 1));
      if (!m) throw new XmlError(`bad start tag at ${i}: ${JSON.stringify(source.slice(i, i + 20))}`);
      const el = { name: m[0], attrs: {} as Record<string, string>, children: [] as XmlNode[] };
      let j = i + 1 + m[0].length;
      for (;;) {
        const ws = /^\s*/.exec(source.slice(j))![0].length;
        j += ws;
        if (source.startsWith('/>', j)) {
          top().children.push(el);
          j += 2;
          break;
        }
        if (source[j] === '>') {
          top().children.push(el);
          stack.push(el);
          j += 1;
          break;
        }
        if (ws === 0) throw new XmlError(`attributes of <${el.name}> must be separated by spaces (offset ${j})`);
        const a = NAME.exec(source.slice(j));
        if (!a) throw new XmlError(`bad attribute in <${el.name}> at ${j}`);
        j += a[0].length;
        const eq = /^\s*=\s*(["'])/.exec(source.slice(j));
        if (!eq) throw new XmlError(`attribute ${a[0]} of <${el.name}> has no quoted value (offset ${j})`);
        j += eq[0].length;
        const end = source.indexOf(eq[1]!, j);
        if (end < 0) throw new XmlError(`unterminated attribute ${a[0]}`);
        const raw = source.slice(j, end);
        if (raw.includes('<')) throw new XmlError(`< inside attribute ${a[0]} of <${el.name}>`);
        if (a[0] in el.attrs) throw new XmlError(`duplicate attribute ${a[0]} on <${el.name}>`);
        el.attrs[a[0]] = decode(raw, j);
        j = end + 1;
      }
      i = j;
    } else {
      const next = source.indexOf('<', i);
      const end = next < 0 ? source.length : next;
      const raw = source.slice(i, end);
      if (stack.length === 1 && raw.trim() !== '') throw new XmlError(`text outside the root element at ${i}`);
      if (stack.length > 1) top().children.push(decode(raw, i));
      i = end;
    }
  }
  if (stack.length > 1) throw new XmlError(`<${top().name}> is never closed`);
  const elements = root.children.filter((c): c is XmlElement => typeof c !== 'string');
  if (elements.length !== 1) throw new XmlError(`a document has exactly one root element, found ${elements.length}`);
  return elements[0]!;
}

/** Every element below (and including) `el`, depth first, in document order. */
export function allElements(el: XmlElement): XmlElement[] {
  return [el, ...el.children.flatMap((c) => (typeof c === 'string' ? [] : allElements(c)))];
}

/** Elements matching a predicate. */
export function findAll(el: XmlElement, test: (e: XmlElement) => boolean): XmlElement[] {
  return allElements(el).filter(test);
}

/** Concatenated text content. */
export function textOf(node: XmlNode): string {
  return typeof node === 'string' ? node : node.children.map(textOf).join('');
}

/** Direct children elements with a given name. */
export function childrenNamed(el: XmlElement, name: string): XmlElement[] {
  return el.children.filter((c): c is XmlElement => typeof c !== 'string' && c.name === name);
}

/** Whether a class attribute holds a class. */
export function hasClass(el: XmlElement, cls: string): boolean {
  return (el.attrs.class ?? '').split(/\s+/).includes(cls);
}
