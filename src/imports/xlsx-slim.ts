/**
 * A slimmed copy of an RVTools workbook holding only what the scan reads, built before the xlsx reader opens it.
 * An RVTools workbook is dominated by its VM tabs (vInfo, vDisk, vPartition, vNetwork: tens of MB for 40,000 VMs,
 * imports.md §1.3), and exceljs's streaming reader inflates every entry and spools every sheet that comes before
 * `sharedStrings.xml` to a temporary file. The copy keeps the package parts exceljs needs and the sheets of the
 * used tabs, with `sharedStrings.xml` and the workbook parts first; entries are copied byte for byte (still
 * compressed), so nothing is inflated here but the small workbook part and its relationships. Pure (fflate).
 * Run after `inspectZip`: it trusts the central directory that guard checked.
 */
import { inflateSync } from 'fflate';

interface Entry {
  readonly name: string;
  readonly cd: number;
  readonly cdLength: number;
  readonly local: number;
  readonly method: number;
  readonly flags: number;
  readonly compressed: number;
}

export type SlimWorkbook =
  | { readonly ok: true; readonly bytes: Uint8Array; readonly kept: readonly string[]; readonly dropped: readonly string[] }
  | { readonly ok: false; readonly reason: string };

function u16(b: Uint8Array, at: number): number {
  return b[at]! | (b[at + 1]! << 8);
}
function u32(b: Uint8Array, at: number): number {
  return (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
}
function put16(b: Uint8Array, at: number, v: number): void {
  b[at] = v & 255;
  b[at + 1] = (v >>> 8) & 255;
}
function put32(b: Uint8Array, at: number, v: number): void {
  put16(b, at, v & 0xffff);
  put16(b, at + 2, (v >>> 16) & 0xffff);
}

function entries(b: Uint8Array): Entry[] | undefined {
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
    if (u32(b, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return undefined;
  const count = u16(b, eocd + 10);
  let p = u32(b, eocd + 16);
  // ZIP64 archives (over 4 GiB or 65,535 entries) are not slimmed: no RVTools export of one vCenter is one.
  if (count === 0xffff || p === 0xffffffff) return undefined;
  const out: Entry[] = [];
  for (let i = 0; i < count; i++) {
    if (p + 46 > b.length || u32(b, p) !== 0x02014b50) return undefined;
    const nameLen = u16(b, p + 28);
    const len = 46 + nameLen + u16(b, p + 30) + u16(b, p + 32);
    out.push({
      name: new TextDecoder().decode(b.subarray(p + 46, p + 46 + nameLen)),
      cd: p,
      cdLength: len,
      local: u32(b, p + 42),
      method: u16(b, p + 10),
      flags: u16(b, p + 8),
      compressed: u32(b, p + 20),
    });
    p += len;
  }
  return out;
}

function content(b: Uint8Array, e: Entry): string | undefined {
  if (e.local + 30 > b.length) return undefined;
  const start = e.local + 30 + u16(b, e.local + 26) + u16(b, e.local + 28);
  if (start + e.compressed > b.length) return undefined;
  const data = b.subarray(start, start + e.compressed);
  try {
    return new TextDecoder().decode(e.method === 0 ? data : inflateSync(data));
  } catch {
    return undefined;
  }
}

/** Bytes of an entry as stored: local header, data, and its data descriptor when the entry has one. */
function storedLength(b: Uint8Array, e: Entry): number {
  let end = e.local + 30 + u16(b, e.local + 26) + u16(b, e.local + 28) + e.compressed;
  if (e.flags & 8) end += u32(b, end) === 0x08074b50 ? 16 : 12;
  return end - e.local;
}

function attr(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}\\s*=\\s*"([^"]*)"`).exec(tag)?.[1];
}

function xmlUnescape(s: string): string {
  return s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/**
 * Keeps the sheets whose tab name `keep` accepts. Returns the original bytes' slim copy, or a reason when the
 * package cannot be slimmed (the caller then reads the original).
 */
export function slimWorkbook(bytes: Uint8Array, keep: (sheetName: string) => boolean): SlimWorkbook {
  const all = entries(bytes);
  if (!all) return { ok: false, reason: 'no readable central directory' };
  const byName = new Map(all.map((e) => [e.name.replace(/^\//, ''), e] as const));
  const wbEntry = byName.get('xl/workbook.xml');
  const relsEntry = byName.get('xl/_rels/workbook.xml.rels');
  if (!wbEntry || !relsEntry) return { ok: false, reason: 'no xl/workbook.xml or its relationships' };
  const wb = content(bytes, wbEntry);
  const rels = content(bytes, relsEntry);
  if (wb === undefined || rels === undefined) return { ok: false, reason: 'the workbook part cannot be read' };
  const target = new Map<string, string>();
  for (const m of rels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const id = attr(m[0], 'Id');
    const t = attr(m[0], 'Target');
    if (id && t) target.set(id, t.replace(/^\/?(?:xl\/)?/, 'xl/'));
  }
  const keptSheets = new Set<string>();
  const droppedSheets = new Set<string>();
  const kept: string[] = [];
  const dropped: string[] = [];
  for (const m of wb.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = xmlUnescape(attr(m[0], 'name') ?? '');
    const rid = attr(m[0], 'r:id') ?? attr(m[0], 'id');
    const path = rid ? target.get(rid) : undefined;
    if (!path) continue;
    if (keep(name)) {
      keptSheets.add(path);
      kept.push(name);
    } else {
      droppedSheets.add(path);
      dropped.push(name);
    }
  }
  if (keptSheets.size === 0) return { ok: false, reason: 'none of the sheets is used' };
  // Order: package and workbook parts, shared strings, then the kept sheets; everything about dropped sheets goes.
  const rank = (n: string): number => {
    if (n === '[Content_Types].xml' || n.startsWith('_rels/')) return 0;
    if (n === 'xl/workbook.xml' || n === 'xl/_rels/workbook.xml.rels') return 1;
    if (n === 'xl/sharedStrings.xml' || n === 'xl/styles.xml') return 2;
    return 3;
  };
  const sheetOf = (n: string): string | undefined => {
    const m = /^xl\/worksheets\/(?:_rels\/)?(sheet\d+\.xml)(?:\.rels)?$/.exec(n);
    return m ? `xl/worksheets/${m[1]}` : undefined;
  };
  const chosen = all
    .filter((e) => {
      const n = e.name.replace(/^\//, '');
      const sheet = sheetOf(n);
      if (sheet) return keptSheets.has(sheet) && !n.includes('_rels/');
      // Other sheet-only parts (drawings, comments, tables) are not needed to read cell values.
      if (/^xl\/(?:drawings|comments|tables|printerSettings|pivotTables|pivotCache|externalLinks)/.test(n)) return false;
      return rank(n) < 3 || !n.startsWith('xl/');
    })
    .sort((a, b) => rank(a.name.replace(/^\//, '')) - rank(b.name.replace(/^\//, '')));
  // Write: each entry's stored bytes, then its central-directory record with the new offset, then the end record.
  let size = 22;
  for (const e of chosen) {
    // Every copied range must lie in the file (a damaged directory is declined, never trusted into an allocation).
    if (e.local + 30 > bytes.length || u32(bytes, e.local) !== 0x04034b50) return { ok: false, reason: `entry ${e.name} has no local header` };
    const len = storedLength(bytes, e);
    if (e.local + len > bytes.length) return { ok: false, reason: `entry ${e.name} runs past the end of the file` };
    size += len + e.cdLength;
  }
  const out = new Uint8Array(size);
  let at = 0;
  const offsets: number[] = [];
  for (const e of chosen) {
    const len = storedLength(bytes, e);
    offsets.push(at);
    out.set(bytes.subarray(e.local, e.local + len), at);
    at += len;
  }
  const cdStart = at;
  chosen.forEach((e, i) => {
    out.set(bytes.subarray(e.cd, e.cd + e.cdLength), at);
    put32(out, at + 42, offsets[i]!);
    at += e.cdLength;
  });
  put32(out, at, 0x06054b50);
  put16(out, at + 8, chosen.length);
  put16(out, at + 10, chosen.length);
  put32(out, at + 12, at - cdStart);
  put32(out, at + 16, cdStart);
  return { ok: true, bytes: out, kept, dropped };
}
