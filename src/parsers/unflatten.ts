/**
 * Re-splits a page that was copied without its line breaks (issue 16; a KB article mirrored as one line:
 * `# esxcfg-route -lVMkernel Routes:Network Netmask Gateway Interface ------------- …-------------8.8.8.8
 * 255.255.255.255 10.27.47.254 vmk0 10.26.162.185 …`). A person reads it by the words they know: the prompt, the
 * output's opening sentence, the table header, the dash ruler, and each row's first value. So does this: only a
 * long line that holds a complete known table header is touched, and it is cut
 * - before a prompt (`# esxcfg-…`, `~ # `, `[root@host:~]`) and before a known opening sentence
 *   (`VMkernel Routes:`, `VMkernel default gateway is`), even when glued to the word before (`-lVMkernel`);
 * - around the header and the dash ruler (also when the ruler is glued to the first value: `----8.8.8.8`);
 * - into rows: a route row is read by its types (network, mask, gateway or `Local Subnet`, vmknic, source) and the
 *   table ends where the words stop fitting (the prose after it becomes its own line); vmknic and ipv4 tables are
 *   cut before each `vmkN` word, which only ever starts their rows.
 * Every piece keeps the line number of the flattened line, so warnings still point at it. Linear in the line.
 */
import type { Line } from './types.ts';
import { isIpv4, isIpv4Mask, isVmkName } from './values.ts';

/** Only lines at least this long are candidates: a flattened page, not a table row. */
const MIN_FLATTENED = 100;
/** A page longer than this is not a paste of one output (and would make the regexes below costly). */
const MAX_FLATTENED = 64 * 1024;

interface TableShape {
  readonly header: RegExp;
  readonly rows: (words: readonly string[]) => { rows: string[]; rest: string[] };
}

const ROUTE_HEADER = /Network Netmask Gateway Interface(?: Source)?/;
const VMKNIC_HEADER =
  /Interface Port(?: |_)Group(?:\/DVPort(?:\/Opaque Network)?)? IP(?: |_)Family IP(?: |_)Address Netmask Broadcast MAC Address MTU(?: TSO MSS)? Enabled(?: Type)?(?: NetStack)?/;
const IPV4_HEADER = /Name IPv4 Address IPv4 Netmask IPv4 Broadcast Address Type(?: Gateway)? DHCP DNS/;

const SHAPES: readonly TableShape[] = [
  { header: ROUTE_HEADER, rows: routeRows },
  { header: VMKNIC_HEADER, rows: (words) => rowsStartingAtVmk(words) },
  { header: IPV4_HEADER, rows: (words) => rowsStartingAtVmk(words) },
];

const OPENERS = /(VMkernel Routes:|VMkernel default gateway is)/g;
const PROMPT = /(?:^|\s)((?:~ )?#\s?(?=(?:esxcfg-|esxcli|vmkping|vim-cmd|vmware\s))|\[[^\s@[\]]{1,64}@[^\s\]]{1,253}\]\s?)/g;
const RULER = /^[-=]{3,}(?:\s+[-=]{3,})*/;

export interface Unflattened {
  readonly lines: readonly Line[];
  /** Numbers of the lines that were re-split. */
  readonly resplit: readonly number[];
}

export function unflatten(lines: readonly Line[]): Unflattened {
  let out: Line[] | undefined;
  const resplit: number[] = [];
  lines.forEach((line, index) => {
    const pieces = line.text.length >= MIN_FLATTENED && line.text.length <= MAX_FLATTENED ? resplitLine(line.text) : undefined;
    if (pieces === undefined) {
      out?.push(line);
      return;
    }
    out ??= lines.slice(0, index);
    resplit.push(line.n);
    for (const text of pieces) out.push({ n: line.n, text });
  });
  return { lines: out ?? lines, resplit };
}

function resplitLine(text: string): string[] | undefined {
  for (const shape of SHAPES) {
    const header = shape.header.exec(text);
    if (header === null) continue;
    const before = text.slice(0, header.index);
    let after = text.slice(header.index + header[0].length).trimStart();
    const pieces: string[] = [...splitBefore(before), header[0]];
    const ruler = RULER.exec(after);
    if (ruler !== null) {
      // The last dash group may be glued to the first value (`-------------8.8.8.8`): the dashes end the ruler.
      pieces.push(ruler[0]);
      after = after.slice(ruler[0].length).trimStart();
    }
    const words = after.split(/\s+/).filter((w) => w !== '');
    const { rows, rest } = shape.rows(words);
    // A header with no row after it is not a flattened table (a sentence that quotes the header, say).
    if (rows.length === 0) return undefined;
    pieces.push(...rows);
    if (rest.length > 0) pieces.push(rest.join(' '));
    return pieces.map((p) => p.trim()).filter((p) => p !== '');
  }
  return undefined;
}

/** Cuts the text before a header at prompts and known opening sentences. */
function splitBefore(text: string): string[] {
  const cuts = new Set<number>();
  for (const m of text.matchAll(PROMPT)) cuts.add((m.index ?? 0) + (m[0].length - (m[1] ?? '').length));
  for (const m of text.matchAll(OPENERS)) cuts.add(m.index ?? 0);
  const points = [...cuts].filter((c) => c > 0).sort((a, b) => a - b);
  const out: string[] = [];
  let from = 0;
  for (const p of points) {
    out.push(text.slice(from, p));
    from = p;
  }
  out.push(text.slice(from));
  return out.map((p) => p.trim()).filter((p) => p !== '');
}

const ROUTE_SOURCE = /^(?:MANUAL|DHCP|STATIC|AUTO|RA|DEFAULT)$/;

/** Route rows by type: network mask gateway|Local Subnet [vmkN] [SOURCE]. Stops where the words stop fitting. */
function routeRows(words: readonly string[]): { rows: string[]; rest: string[] } {
  const rows: string[] = [];
  let i = 0;
  while (i < words.length) {
    const network = words[i] ?? '';
    const mask = words[i + 1] ?? '';
    if (!(isIpv4(network) || /^default$/i.test(network)) || !isIpv4Mask(mask)) break;
    let j = i + 2;
    if (/^local$/i.test(words[j] ?? '') && /^subnet$/i.test(words[j + 1] ?? '')) j += 2;
    else if (isIpv4(words[j] ?? '')) j += 1;
    else break;
    if (isVmkName(words[j] ?? '')) j++;
    if (ROUTE_SOURCE.test(words[j] ?? '')) j++;
    rows.push(words.slice(i, j).join(' '));
    i = j;
  }
  return { rows, rest: words.slice(i) };
}

/** Rows of a table whose rows alone start with `vmkN` (esxcfg-vmknic, ipv4 get). */
function rowsStartingAtVmk(words: readonly string[]): { rows: string[]; rest: string[] } {
  if (!isVmkName(words[0] ?? '')) return { rows: [], rest: [...words] };
  const rows: string[] = [];
  let current: string[] = [];
  for (const w of words) {
    if (isVmkName(w) && current.length > 0) {
      rows.push(current.join(' '));
      current = [];
    }
    current.push(w);
  }
  if (current.length > 0) rows.push(current.join(' '));
  return { rows, rest: [] };
}
