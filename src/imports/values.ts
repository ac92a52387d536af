/**
 * Cell values of exports: text, booleans, integers, addresses and versions as RVTools and PowerCLI print them
 * (imports.md §1.1, §2.2). A value that cannot be read is `undefined`, never a guess; the caller says so.
 */
import type { HostVersion } from '../core/model/host.ts';
import type { EvidenceRef } from '../core/model/evidence.ts';
import { canonicalIpv4 } from '../core/estate/shape.ts';
import { ipv4ToNumber, maskToPrefix, numberToIpv4, prefixToMask } from '../core/net/ipv4.ts';

/** What PowerShell writes for an object-valued property, and the usual "no value" spellings. */
const NO_VALUE = /^(?:n\/a|na|none|null|-|System\.[A-Za-z.]+(?:\[\])?|VMware\.Vim(?:Automation)?\.[A-Za-z0-9.]+(?:\[\])?)$/i;

/** Longest text kept from a cell: names and addresses are short; a 10 MB "host name" is not one. */
export const MAX_CELL_CHARS = 1024;

export function text(cell: string | undefined): string | undefined {
  if (cell === undefined || cell === '') return undefined;
  const t = cell.trim();
  if (t === '' || t.length > MAX_CELL_CHARS) return undefined;
  // The "no value" spellings start with n, -, s or v (any case): skip the regex for everything else (most cells).
  const c = t.charCodeAt(0) | 32;
  if ((c === 110 || c === 45 || c === 115 || c === 118) && NO_VALUE.test(t)) return undefined;
  return t;
}

/** True/False/TRUE/true/1/0/yes/no (imports.md §2.2). */
export function bool(cell: string | undefined): boolean | undefined {
  if (cell === 'True') return true;
  if (cell === 'False') return false;
  const t = text(cell)?.toLowerCase();
  if (t === undefined) return undefined;
  if (t === 'true' || t === '1' || t === 'yes' || t === 'enabled') return true;
  if (t === 'false' || t === '0' || t === 'no' || t === 'disabled') return false;
  return undefined;
}

/** A non-negative integer, also `9,000` / `9.000` (thousands separators) and `1500.0`. */
export function integer(cell: string | undefined): number | undefined {
  // Nearly every cell is plain digits (`1500`, `9000`): read them without a regex or a copy.
  if (cell !== undefined && cell.length > 0 && cell.length <= 9 && isDigits(cell)) return Number(cell);
  const t = text(cell)?.replace(/[\s']/g, '');
  if (t === undefined) return undefined;
  if (/^\d{1,3}(?:[.,]\d{3})+$/.test(t)) return Number(t.replace(/[.,]/g, ''));
  const m = /^(\d{1,9})(?:\.0+)?$/.exec(t);
  return m ? Number(m[1]) : undefined;
}

function isDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** An MTU ESXi can have (IPv4 minimum 68 up to jumbo 9000; some NICs allow a little more). */
export function mtu(cell: string | undefined): number | undefined {
  const n = integer(cell);
  return n !== undefined && n >= 68 && n <= 9216 ? n : undefined;
}

/** A dotted-quad IPv4 address, normalised (`010.0.0.1` → `10.0.0.1`). */
export function ipv4(cell: string | undefined): string | undefined {
  const t = text(cell);
  if (t === undefined) return undefined;
  if (canonicalIpv4(t) !== undefined) return t; // already as the analysis writes it (nearly every cell)
  const n = ipv4ToNumber(t);
  return n === undefined ? undefined : numberToIpv4(n);
}

const MASKS = new Map<string, string | null>();

/** A netmask: dotted (`255.255.255.0`) or a prefix length (`24`, `/24`), returned dotted. */
export function netmask(cell: string | undefined): string | undefined {
  const t = text(cell);
  if (t === undefined) return undefined;
  // An estate has a handful of distinct masks (one lookup: `null` remembers a cell that is no mask).
  const known = MASKS.get(t);
  if (known !== undefined) return known ?? undefined;
  const m = readMask(t);
  if (MASKS.size < 1024) MASKS.set(t, m ?? null);
  return m;
}

function readMask(t: string): string | undefined {
  const prefix = /^\/?(\d{1,2})$/.exec(t);
  if (prefix) {
    const p = Number(prefix[1]);
    return p <= 32 ? prefixToMask(p) : undefined;
  }
  const dotted = ipv4(t);
  return dotted !== undefined && maskToPrefix(dotted) !== undefined ? dotted : undefined;
}

/** A list cell: `a, b`, `a;b`, or a JSON-ish `[a,b]` / `{a, b}` (how some exports write arrays). */
export function list(cell: string | undefined): string[] {
  const t = cell?.trim();
  if (!t || t.length > MAX_CELL_CHARS * 16 || NO_VALUE.test(t)) return [];
  return t
    .replace(/^[[{(]|[\]})]$/g, '')
    .split(/[,;]/)
    .map((x) => x.trim().replace(/^"|"$/g, ''))
    .filter((x) => x !== '' && !NO_VALUE.test(x));
}

/** IPv6 addresses of a cell (RVTools `IP 6 Address` may list several). */
export function ipv6List(cell: string | undefined): string[] {
  // Most vmknics have no IPv6 address: an empty cell costs no flatMap/filter (one cell per vmknic row).
  if (cell === undefined || cell === '') return [];
  return list(cell)
    .flatMap((x) => x.split(/\s+/))
    .filter((x) => /^[0-9a-f:.]+(?:%\w+)?(?:\/\d{1,3})?$/i.test(x) && x.includes(':'));
}

/**
 * ESXi version cells: `VMware ESXi 8.0.3 build-24859861` (RVTools vHost `ESX Version`, PowerCLI), a bare `8.0.3`,
 * or `8.0.3` with the build in another cell.
 */
export function esxiVersion(cell: string | undefined, buildCell: string | undefined, evidence: EvidenceRef): HostVersion | undefined {
  const t = text(cell);
  if (t === undefined) return undefined;
  const m = /^(?:(VMware ESXi?|ESXi?)\s+)?(\d{1,2}\.\d{1,2}(?:\.\d{1,3})?)(?:\s*(?:build[-\s]?|,\s*|\s+)(\d{4,9}))?/i.exec(t);
  if (!m) return undefined;
  // The build may follow an update name (`7.0.3 Update 3 build-20328353`, `(build 20328353)`), not only the version.
  const build = m[3] ?? /\bbuild[-\s:]*(\d{4,9})\b/i.exec(t)?.[1] ?? /^\D*(\d{4,9})\s*$/.exec(text(buildCell) ?? '')?.[1];
  const update = /Update\s+(\d)/i.exec(t)?.[1];
  return {
    product: m[1] ? (/esxi/i.test(m[1]) ? 'VMware ESXi' : 'VMware ESX') : 'VMware ESXi',
    version: m[2]!,
    ...(update ? { update } : {}),
    ...(build ? { build } : {}),
    evidence: [evidence],
  };
}

/** A character toLowerCase may change: A–Z, or anything beyond ASCII. */
const MAY_CHANGE_CASE = /[A-Z\u0080-\uffff]/;

/**
 * `s.toLowerCase()`, returning `s` itself when it has no upper-case letter (names in exports nearly always are lower
 * case): toLowerCase makes a new string every time, which a map then hashes again — per row and per host of every
 * file, ~0.4 s of the 50,000-host scan. The test is a regular expression: on the names cut from a file it is ~2×
 * faster than a charCodeAt loop (~40 against ~90 ns for a 24-character host name), and runs ~1 million times for
 * 50,000 hosts.
 */
export function lowerCase(s: string): string {
  return MAY_CHANGE_CASE.test(s) ? s.toLowerCase() : s;
}

/** Host names are compared case-insensitively; an FQDN and its short name are one host (not for IP addresses). */
export function shortName(name: string): string {
  const lower = lowerCase(name);
  if (ipv4ToNumber(lower) !== undefined || lower.includes(':')) return lower;
  const dot = lower.indexOf('.');
  return dot > 0 ? lower.slice(0, dot) : lower;
}
