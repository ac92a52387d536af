/**
 * Host shapes: the key under which two hosts get the same answers from the analysis, so that 5,000 hosts cost a
 * few dozen analyses (issue 8: "group identical hosts first").
 *
 * The analysis reads a host's facts verbatim (tags, netstacks, MTUs, versions, settings, vmknic and switch names)
 * and its IPv4 addresses only through prefix comparisons: "is this address in that network" (route lookup,
 * same-subnet groups, on-link checks, domain.md §1.7 B and H), "is it the same address" (owner of an address), and
 * "the first host of that network" (the assumed peer of a single-host analysis, §1.7 D0). So a host is described
 * by
 *   - its structure: every fact except the host name, evidence lines and MACs, with each address replaced by `@`;
 *   - its address relation: for every prefix length p the host uses (its masks, and 32 for equality), which of its
 *     addresses share their first p bits.
 * Two hosts with equal keys are the same host up to a renaming of addresses that keeps every prefix relation, and
 * the analysis cannot tell them apart. For a pair, the cross relation (which address of one shares its first p bits
 * with which address of the other) is added. `estate/equivalence.test.ts` checks the claim against the direct
 * analysis on random estates.
 */
import type { HostModel } from '../model/host.ts';
import { maskToPrefix, networkOf, someHostIn } from '../net/ipv4.ts';

/** Facts the analysis never compares: evidence lines, MACs, IPv6 (not routed by the analysis), bookkeeping. */
const SKIP = new Set(['evidence', 'mac', 'ipv6', 'commandsSeen', 'nameAssumed', 'description']);
const MASK_KEY = /mask/i;
const MASK_KEYS = new Map<string, boolean>();
/** MASK_KEY.test, remembered per property name (a host has a handful; the test ran on every string). */
function isMaskKey(key: string): boolean {
  let m = MASK_KEYS.get(key);
  if (m === undefined) {
    m = MASK_KEY.test(key);
    if (MASK_KEYS.size < 4096) MASK_KEYS.set(key, m);
  }
  return m;
}
const CIDR = /^(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})\/(\d{1,2})$/;

export interface HostShape {
  /** Structure and address relation; equal keys ⇒ equal analysis answers (up to names). */
  readonly key: string;
  /** Every address of the host (walk order, then derived network and first-host addresses). */
  readonly addresses: readonly number[];
  /** Prefix lengths the host's relation is taken at (ascending, 1–32). */
  readonly prefixes: readonly number[];
  /** Per prefix length: the distinct p-bit prefixes of `addresses`, in label order. */
  readonly classes: ReadonlyMap<number, readonly number[]>;
}

function prefixOf(address: number, p: number): number {
  return p >= 32 ? address : address >>> (32 - p);
}

/** Distinct p-bit prefixes of the addresses in first-seen order, and each address's label. */
function classify(addresses: readonly number[], p: number): { values: number[]; labels: string } {
  const values: number[] = [];
  let labels = '';
  for (const a of addresses) {
    const v = prefixOf(a, p);
    let i = values.indexOf(v);
    if (i < 0) {
      i = values.length;
      values.push(v);
    }
    labels += `${i}.`;
  }
  return { values, labels };
}

/** A dotted quad the analysis would read the same way back (leading zeros, blanks: kept verbatim instead). */
/**
 * A dotted quad written the way the analysis reads it back (no leading zeros, no blanks), as a number; undefined
 * for anything else (kept verbatim in the key). Hand-rolled: it runs on every string of 5,000 hosts.
 */
export function canonicalIpv4(text: string): number | undefined {
  const n = text.length;
  if (n < 7 || n > 15) return undefined;
  let value = 0;
  let octet = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 46) {
      if (digits === 0 || dots === 3) return undefined;
      value = value * 256 + octet;
      octet = 0;
      digits = 0;
      dots++;
    } else if (c >= 48 && c <= 57) {
      if (digits > 0 && octet === 0) return undefined; // leading zero
      octet = octet * 10 + (c - 48);
      if (++digits > 3 || octet > 255) return undefined;
    } else return undefined;
  }
  if (dots !== 3 || digits === 0) return undefined;
  return value * 256 + octet;
}

const PREFIX_OF_MASK = new Map<string, number | undefined>();

/** maskToPrefix, remembered (an estate has a handful of distinct masks). */
function prefixOfMask(mask: string): number | undefined {
  if (PREFIX_OF_MASK.has(mask)) return PREFIX_OF_MASK.get(mask);
  const p = maskToPrefix(mask);
  if (PREFIX_OF_MASK.size < 4096) PREFIX_OF_MASK.set(mask, p);
  return p;
}

/**
 * Walks a host's facts in a fixed order and emits its structure through `emit*`: the key string (KeyWalker, below)
 * or a list of tokens (TokenWalker, the scan's memo). Both emit the same calls in the same order, so two hosts
 * with equal token lists have equal keys.
 */
abstract class Walker {
  readonly addresses: number[] = [0]; // 0.0.0.0: the analysis compares gateways and networks with it
  readonly prefixes = new Set<number>([32]);

  /** One of the one-character marks `[ ] { } N T F @ ? ;`. */
  protected abstract mark(m: string): void;
  /** A property name, written `name=`. */
  protected abstract name(k: string): void;
  /** A string value, written length-prefixed (`5'hello`): injective without escaping. */
  protected abstract text(s: string): void;
  /** A number value, written `#n;`. */
  protected abstract num(n: number): void;
  /** An address with a prefix length, written `@/p`. */
  protected abstract cidr(p: string): void;

  value(v: unknown, key: string): void {
    switch (typeof v) {
      case 'undefined':
        return;
      case 'string':
        this.string(v, key);
        return;
      case 'number':
        this.num(v);
        return;
      case 'boolean':
        this.mark(v ? 'T' : 'F');
        return;
      case 'object':
        if (v === null) {
          this.mark('N');
          return;
        }
        if (Array.isArray(v)) {
          this.mark('[');
          for (let i = 0; i < v.length; i++) this.value(v[i], key);
          this.mark(']');
          return;
        }
        this.mark('{');
        for (const k in v as Record<string, unknown>) {
          if (SKIP.has(k)) continue;
          const item = (v as Record<string, unknown>)[k];
          if (item === undefined) continue;
          this.name(k);
          this.value(item, k);
        }
        this.mark('}');
        return;
      default:
        this.mark('?');
    }
  }

  string(s: string, key: string): void {
    if (isMaskKey(key)) {
      const p = prefixOfMask(s);
      if (p !== undefined && p > 0) this.prefixes.add(p);
      this.text(s);
      return;
    }
    const n = canonicalIpv4(s);
    if (n !== undefined) {
      this.addresses.push(n);
      this.mark('@');
      return;
    }
    const cidr = s.includes('/') ? CIDR.exec(s) : null;
    const a = cidr ? canonicalIpv4(cidr[1]!) : undefined;
    if (cidr && a !== undefined && Number(cidr[2]) <= 32) {
      this.addresses.push(a);
      if (Number(cidr[2]) > 0) this.prefixes.add(Number(cidr[2]));
      this.cidr(cidr[2]!);
      return;
    }
    this.text(s);
  }

  /** The host's facts (see the module comment), then the addresses the analysis derives; returns the relation. */
  walk(host: HostModel): { prefixes: number[]; classes: Map<number, number[]>; relation: string } {
    for (const k in host) {
      if (k === 'name' || SKIP.has(k)) continue;
      const v = (host as unknown as Record<string, unknown>)[k];
      if (v === undefined) continue;
      this.name(k);
      this.value(v, k);
      this.mark(';');
    }
    // Addresses the analysis derives: each vmknic's network and the first host in it (the assumed peer, §1.7 D0).
    for (const nic of host.vmknics) {
      const address = nic.ipv4 === undefined ? undefined : canonicalIpv4(nic.ipv4);
      const prefix = nic.netmask === undefined ? undefined : prefixOfMask(nic.netmask);
      // Not canonical (rare): the analysis's own parser decides.
      const net =
        address !== undefined && prefix !== undefined
          ? { network: prefix === 0 ? 0 : (address & ((0xffffffff << (32 - prefix)) >>> 0)) >>> 0, prefix }
          : networkOf(nic.ipv4, nic.netmask);
      if (net) this.addresses.push(net.network, someHostIn(net));
    }
    const prefixes = [...this.prefixes].sort((a, b) => a - b);
    const classes = new Map<number, number[]>();
    let relation = '';
    for (const p of prefixes) {
      const { values, labels } = classify(this.addresses, p);
      classes.set(p, values);
      relation += `${p}:${labels}|`;
    }
    return { prefixes, classes, relation };
  }
}

/** The key as one string (the definition of a shape; tests compare it). */
class KeyWalker extends Walker {
  out = '';
  protected mark(m: string): void {
    this.out += m;
  }
  protected name(k: string): void {
    this.out += `${k}=`;
  }
  protected text(s: string): void {
    this.out += `${s.length}'${s}`;
  }
  protected num(n: number): void {
    this.out += `#${n};`;
  }
  protected cidr(p: string): void {
    this.out += `@/${p}`;
  }
}

/**
 * The key as a list of numbers: each mark by its character code, each value after a kind code (1-4) — strings by
 * an id per distinct text (`ids`: V8 hashes a string once, natively, where a hash loop in JavaScript read every
 * character of every host), numbers as they are — so the list reads back one way. Nothing is concatenated: the
 * 1.3 KB key string (and its ~300 pieces) per host was most of the memo's cost.
 */
class TokenWalker extends Walker {
  constructor(
    readonly tokens: TokenList,
    private readonly ids: Map<string, number>,
  ) {
    super();
  }
  private id(s: string): number {
    let i = this.ids.get(s);
    if (i === undefined) {
      i = this.ids.size;
      this.ids.set(s, i);
    }
    return i;
  }
  protected mark(m: string): void {
    this.tokens.put(m.charCodeAt(0));
  }
  protected name(k: string): void {
    this.tokens.put2(1, this.id(k));
  }
  protected text(s: string): void {
    this.tokens.put2(2, this.id(s));
  }
  protected num(n: number): void {
    this.tokens.put2(3, n);
  }
  protected cidr(p: string): void {
    this.tokens.put2(4, this.id(p));
  }
}

/** The shape of one host (see the module comment). */
export function hostShape(host: HostModel): HostShape {
  const w = new KeyWalker();
  const { prefixes, classes, relation } = w.walk(host);
  return { key: `${w.out}#${relation}`, addresses: w.addresses, prefixes, classes };
}

/** A host's address relation without its key: what the scan keeps per host (pair checks read it). */
export type HostRelation = Omit<HostShape, 'key'>;

/**
 * The tokens of one host, in a typed array kept from host to host. A plain array emptied with `length = 0` gives up
 * its storage, so it was regrown through ~6 copies for every host: the 5,000-host scan allocated ~54 MB less
 * with this list (514 → 460 MB in a sampling heap profile of the whole scan).
 */
class TokenList {
  data = new Float64Array(1024);
  length = 0;

  put(x: number): void {
    if (this.length === this.data.length) this.grow();
    this.data[this.length++] = x;
  }

  put2(kind: number, x: number): void {
    if (this.length + 2 > this.data.length) this.grow();
    this.data[this.length++] = kind;
    this.data[this.length++] = x;
  }

  private grow(): void {
    const more = new Float64Array(this.data.length * 2);
    more.set(this.data);
    this.data = more;
  }

  /** A copy of exactly the tokens (what a shape keeps). */
  copy(): Float64Array {
    return this.data.slice(0, this.length);
  }
}

/** FNV-1a over the tokens and the relation: a bucket, never a verdict. */
function hashTokens(list: TokenList, relation: string): number {
  const tokens = list.data;
  let h = 0x811c9dc5;
  for (let i = 0; i < list.length; i++) h = Math.imul(h ^ (tokens[i]! | 0), 0x01000193);
  for (let j = 0; j < relation.length; j++) h = Math.imul(h ^ relation.charCodeAt(j), 0x01000193);
  return h;
}

function sameTokens(a: Float64Array, list: TokenList): boolean {
  if (a.length !== list.length) return false;
  const b = list.data;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    // NaN: equal in the key string (`#NaN;`), so equal here too.
    if (x !== y && !(Number.isNaN(x) && Number.isNaN(y))) return false;
  }
  return true;
}

/**
 * Host shapes → a value computed once per shape, without building key strings: a host's key is taken as numeric
 * tokens into a reused list, hashed, and compared token by token with the shapes already seen under that hash. Equal
 * token lists mean equal keys (`hostShape`); a hash collision only costs a comparison.
 */
export class ShapeMemo<T> {
  private readonly buckets = new Map<number, { tokens: Float64Array; relation: string; value: T }[]>();
  private readonly scratch = new TokenList();
  private readonly ids = new Map<string, number>();

  /** The host's relation, and the value of its shape: remembered, or `compute()` remembered now. */
  get(host: HostModel, compute: () => T): { relation: HostRelation; value: T; hit: boolean } {
    const tokens = this.scratch;
    tokens.length = 0; // the storage stays
    const w = new TokenWalker(tokens, this.ids);
    const { prefixes, classes, relation } = w.walk(host);
    const shape: HostRelation = { addresses: w.addresses, prefixes, classes };
    const h = hashTokens(tokens, relation);
    let bucket = this.buckets.get(h);
    if (bucket) {
      for (const c of bucket) if (c.relation === relation && sameTokens(c.tokens, tokens)) return { relation: shape, value: c.value, hit: true };
    } else {
      bucket = [];
      this.buckets.set(h, bucket);
    }
    const value = compute();
    bucket.push({ tokens: tokens.copy(), relation, value });
    return { relation: shape, value, hit: false };
  }
}

/** The distinct p-bit classes of a host's addresses, in label order. */
export function classesAt(shape: HostRelation, p: number): readonly number[] {
  return shape.classes.get(p) ?? classify(shape.addresses, p).values;
}

/**
 * The cross relation of two hosts: for every prefix length either uses, which p-bit class of `b` equals which
 * class of `a` (-1: none). With both hosts' own keys it fixes the relation over all their addresses.
 */
export function crossRelation(a: HostRelation, b: HostRelation): string {
  let out = '';
  let i = 0;
  let j = 0;
  // Merge the two ascending prefix lists.
  while (i < a.prefixes.length || j < b.prefixes.length) {
    const pa = a.prefixes[i];
    const pb = b.prefixes[j];
    let p: number;
    if (pb === undefined || (pa !== undefined && pa <= pb)) {
      p = pa!;
      i++;
      if (pb === p) j++;
    } else {
      p = pb;
      j++;
    }
    const ca = classesAt(a, p);
    const cb = classesAt(b, p);
    out += `${p}:`;
    for (const v of cb) out += `${ca.indexOf(v)}.`;
    out += '|';
  }
  return out;
}
