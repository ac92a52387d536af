/**
 * Several files describing one estate → one HostModel per host (issue 8: an RVTools export plus the PowerCLI tag
 * and BindToVmknic exports). Hosts match by name, case-insensitively, an FQDN matching its short name (never for
 * IP-address names), and not across two different vCenters. Each fact keeps the files it came from (evidence
 * lines, and a per-host provenance table); when two files disagree on a fact, the stronger source wins (what the
 * host printed > PowerCLI > RVTools, facts.ts PRIORITY) and a warning names both values.
 * Distributed switches (RVTools dvSwitch/dvPort, which have no Host column) are joined to hosts through the port
 * group of their vmknics (imports.md §1.2 "Joins").
 */
import type { EstateHost } from '../core/estate/types.ts';
import type { EvidenceRef, ParseWarning } from '../core/model/evidence.ts';
import type { AdvancedValue, HostModel, Vmknic, VSwitch } from '../core/model/host.ts';
import type { DvPortGroupFacts, DvsFacts, FileImport, HostFacts, SwitchFacts } from './facts.ts';
import { none, PRIORITY } from './facts.ts';
import { canonicalIpv4 } from '../core/estate/shape.ts';
import { versionLabel } from '../core/present/version.ts';
import { lowerCase, shortName } from './values.ts';

interface Part {
  readonly facts: HostFacts;
  readonly file: string;
  readonly priority: number;
  readonly order: number;
}

interface Entry {
  name: string;
  vcenter?: string;
  readonly parts: Part[];
}

export interface MergeResult {
  readonly hosts: EstateHost[];
  readonly warnings: ParseWarning[];
}

/** At most this many conflict warnings are listed (a file from another estate would conflict on every host). */
const MAX_WARNINGS = 2000;

class Warnings {
  readonly list: ParseWarning[] = [];
  private dropped = 0;
  add(w: ParseWarning): void {
    if (this.list.length < MAX_WARNINGS) this.list.push(w);
    else this.dropped++;
  }
  done(): ParseWarning[] {
    if (this.dropped > 0) this.list.push({ file: 'estate', line: 0, message: `${this.dropped} more warnings were not listed` });
    return this.list;
  }
}

/** A dotted name that is not an IP address. */
function isFqdn(name: string): boolean {
  return name.indexOf('.') > 0 && !name.includes(':') && canonicalIpv4(name) === undefined && !/^\d+(?:\.\d+){3}$/.test(name);
}

const NONE: readonly Entry[] = [];

/** Entries a host of a file may be: not in another vCenter; by short name, not two different FQDNs. */
function compatibleWith(list: readonly Entry[] | undefined, facts: HostFacts, byShortName: boolean): readonly Entry[] {
  if (!list) return NONE;
  // The usual case: one entry, same vCenter (or none known).
  if (list.length === 1) {
    const e = list[0]!;
    const vcOk = !facts.vcenter || !e.vcenter || e.vcenter === facts.vcenter || lowerCase(facts.vcenter) === lowerCase(e.vcenter);
    if (vcOk && !(byShortName && isFqdn(e.name) && isFqdn(facts.name))) return list;
    return NONE;
  }
  const vc = facts.vcenter === undefined ? undefined : lowerCase(facts.vcenter);
  const out: Entry[] = [];
  for (const e of list) {
    if (vc && e.vcenter && vc !== lowerCase(e.vcenter)) continue;
    if (byShortName && isFqdn(e.name) && isFqdn(facts.name)) continue;
    out.push(e);
  }
  return out;
}

function describeEntry(e: Entry): string {
  return `${e.name}${e.vcenter ? ` in ${e.vcenter}` : ''}`;
}

function byPriority(a: Part, b: Part): number {
  return b.priority - a.priority || a.order - b.order;
}

/** Groups the host facts of all files into hosts. */
function identify(files: readonly FileImport[], warnings: Warnings): Entry[] {
  const entries: Entry[] = [];
  const byFull = new Map<string, Entry[]>();
  const byShort = new Map<string, Entry[]>();
  const add = (map: Map<string, Entry[]>, key: string, e: Entry) => {
    const list = map.get(key);
    if (!list) map.set(key, [e]);
    else if (!list.includes(e)) list.push(e);
  };
  const index = (e: Entry) => {
    const lower = lowerCase(e.name);
    add(byFull, lower, e);
    add(byShort, shortName(lower), e);
  };
  let order = 0;
  for (const f of files) {
    for (const facts of f.hosts) {
      const part: Part = { facts, file: f.report.file, priority: PRIORITY[f.format], order: order++ };
      const lower = lowerCase(facts.name);
      let candidates = compatibleWith(byFull.get(lower), facts, false);
      // An FQDN matches an entry known by its short name and the other way round; two FQDNs never match each other.
      if (candidates.length === 0) candidates = compatibleWith(byShort.get(shortName(lower)), facts, true);
      if (candidates.length > 1) {
        warnings.add({
          file: part.file,
          line: facts.evidence.line,
          message: `${facts.name} matches ${candidates.length} hosts (${candidates.map(describeEntry).join(', ')}): its facts from this file are not used`,
        });
        continue;
      }
      let entry = candidates[0];
      if (!entry) {
        entry = facts.vcenter ? { name: facts.name, vcenter: facts.vcenter, parts: [] } : { name: facts.name, parts: [] };
        entries.push(entry);
      } else {
        // The FQDN is the better name; a vCenter learnt from a later file fills the gap.
        if (facts.name !== entry.name && isFqdn(facts.name) && !isFqdn(entry.name)) entry.name = facts.name;
        entry.vcenter ??= facts.vcenter;
      }
      const renamed = entry.parts.length > 0 && entry.name !== entry.parts[entry.parts.length - 1]!.facts.name;
      if (entry.parts.length === 0 || renamed) index(entry);
      entry.parts.push(part);
    }
  }
  return entries;
}

/** Fact → files it came from (a plain object: 5,000 hosts × a few facts). */
type Provenance = Record<string, string[]>;

function note(p: Provenance, fact: string, file: string): void {
  const files = p[fact];
  if (files === undefined) p[fact] = [file];
  else if (!files.includes(file)) files.push(file);
}

/**
 * A version as the conflict check compares and names it, written the one way every screen writes versions. The
 * update is left out: most exports do not show it (RVTools prints `VMware ESXi 7.0.3 build-…`), so one that does is
 * not a conflict with one that does not.
 */
function versionKey(v: NonNullable<HostModel['version']>): string {
  return versionLabel({ product: v.product, version: v.version, ...(v.build ? { build: v.build } : {}) });
}

function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');
  return a === b;
}

/**
 * Takes `value` for a field unless a stronger source already set a different one (then warns). `origin` remembers
 * which file set each field of one object (a vmknic, the host), so the warning can name both files.
 */
class Merger {
  constructor(
    private readonly host: string,
    private readonly warnings: Warnings,
  ) {}

  /** `what` (and `subject`, e.g. the vmknic) name the fact in a warning; the sentence is built only on a conflict. */
  take<T>(origin: Record<string, string>, field: string, current: T | undefined, value: T | undefined, part: Part, what: string, line = part.facts.evidence.line, subject?: string): T | undefined {
    if (value === undefined) return current;
    if (current === undefined) {
      origin[field] = part.file;
      return value;
    }
    if (!same(current, value)) {
      const first = origin[field] ?? 'another file';
      this.warnings.add({
        file: part.file,
        line,
        message: `${this.host}: ${subject ? `${subject} ` : ''}${what} is ${show(value)} in ${part.file} but ${show(current)} in ${first}; the value from ${first} is used`,
      });
    }
    return current;
  }
}

const SETTING_LABELS = new Map<string, string>();

/** `/Migrate/BindToVmknic` → `Migrate.BindToVmknic`, remembered (a few settings, named on every host). */
function settingLabel(key: string): string {
  let label = SETTING_LABELS.get(key);
  if (label === undefined) {
    label = key.replace(/^\//, '').replace(/\//g, '.');
    if (SETTING_LABELS.size < 1024) SETTING_LABELS.set(key, label);
  }
  return label;
}

function show(v: unknown): string {
  if (Array.isArray(v)) return v.length === 0 ? '(none)' : v.join(', ');
  return String(v);
}

/** A merged vmknic as `put` writes it: its fields by name. */
type NicFields = Record<string, unknown> & { name: string; ipv6: string[]; evidence: EvidenceRef[]; tags?: readonly string[] };

/**
 * A merged vmknic, made by a constructor: the ten or so fields `put` adds stay in the object, where an object
 * literal's later fields went to a separate property store, regrown as it filled (see HostDraft in facts.ts). The
 * merged vmknics live to the end of a scan.
 */
class MergedNic {
  declare name: string;
  declare ipv6: string[];
  declare evidence: EvidenceRef[];

  constructor(name: string) {
    // Assigned here, in this order (the order of a model's fields), not as class fields.
    this.name = name;
    this.ipv6 = none();
    this.evidence = [];
  }
}

/** A vmknic being merged: its fields so far, and which file set each. */
interface NicMerge {
  readonly key: string;
  readonly nic: NicFields;
  readonly origin: Record<string, string>;
}

/** One field of a vmknic: taken when the stronger parts left it unset, else checked for a conflict. */
function put(cur: NicMerge, field: string, value: unknown, label: string, part: Part, m: Merger, line: number): void {
  if (value === undefined) return;
  const had = cur.nic[field];
  if (had === undefined) {
    cur.origin[field] = part.file;
    cur.nic[field] = value;
  } else m.take(cur.origin, field, had, value, part, label, line, cur.key);
}

/**
 * Merges the vmknics of a host's parts. Each field is read and written by name, in a fixed order (also the order
 * fields are added to the merged object): a loop over a list of field names made every read and write a
 * megamorphic keyed access, the largest cost of the merge at 5,000 hosts.
 */
function mergeVmknics(parts: readonly Part[], m: Merger, prov: Provenance): Vmknic[] {
  // A host has a handful of vmknics: a list searched by name costs less than a map per host.
  const out: NicMerge[] = [];
  for (const part of parts) {
    for (const v of part.facts.vmknics) {
      const key = lowerCase(v.name);
      let cur: NicMerge | undefined;
      for (const c of out) {
        if (c.key === key) {
          cur = c;
          break;
        }
      }
      if (!cur) {
        cur = { key, nic: new MergedNic(key) as unknown as NicFields, origin: {} };
        out.push(cur);
      }
      const { nic, origin } = cur;
      const line = v.evidence[v.evidence.length - 1]?.line ?? part.facts.evidence.line;
      // The label names the fact in a conflict warning.
      put(cur, 'portGroup', v.portGroup, 'port group', part, m, line);
      put(cur, 'dvPort', v.dvPort, 'DVPort', part, m, line);
      put(cur, 'ipv4', v.ipv4, 'IPv4 address', part, m, line);
      put(cur, 'netmask', v.netmask, 'netmask', part, m, line);
      put(cur, 'mac', v.mac, 'MAC', part, m, line);
      put(cur, 'mtu', v.mtu, 'MTU', part, m, line);
      put(cur, 'netstack', v.netstack, 'TCP/IP stack', part, m, line);
      put(cur, 'enabled', v.enabled, 'enabled flag', part, m, line);
      put(cur, 'addressType', v.addressType, 'address type', part, m, line);
      put(cur, 'gateway', v.gateway, 'gateway', part, m, line);
      put(cur, 'vswitch', v.vswitch, 'switch', part, m, line);
      if (v.tags !== undefined) {
        const had = nic.tags;
        nic.tags = m.take(origin, 'tags', had, v.tags, part, 'service tags', line, key);
        if (had === undefined && v.tagSource) nic['tagSource'] = v.tagSource;
        note(prov, 'tags', part.file);
      }
      if (nic.ipv6.length === 0 && v.ipv6) nic.ipv6 = [...v.ipv6];
      for (const e of v.evidence) nic.evidence.push(e);
      note(prov, 'vmknics', part.file);
      if (v.netstack) note(prov, 'netstack', part.file);
      if (v.mtu !== undefined) note(prov, 'mtu', part.file);
    }
  }
  const merged: Vmknic[] = [];
  for (const { nic } of out) {
    nic.evidence = exact(nic.evidence);
    if (Array.isArray(nic.tags)) nic.tags = exact(nic.tags as string[]);
    merged.push(nic as unknown as Vmknic);
  }
  return merged;
}

/**
 * A copy of `list` with exactly its length as capacity. V8 gives an array grown by `push` from empty room for ~17
 * elements; the merged models keep ~15 such arrays per host (evidence, provenance, uplinks) holding 1–3 elements,
 * ~12 MB of empty slots for 5,000 hosts (a heap snapshot's 152-byte element stores), ~120 MB for 50,000. An empty
 * list is the shared frozen one (facts.ts `none`): 90,000 of the lists (uplinks, DVPorts, NICs, IPv6 addresses) are
 * empty for the 5,000-host estate, and models are read-only (their list types are `readonly`).
 */
function exact<T>(list: readonly T[]): T[] {
  return list.length === 0 ? none<T>() : list.slice();
}

/**
 * The switches of a host's parts. A port group is the file's own object until a later part adds an uplink to it
 * (copied then, so the files' facts are never changed): most port groups come from one file, and the models are
 * built from fresh objects anyway, so a copy made here for every one of them (8 per host) was garbage at once.
 */
function mergeSwitches(parts: readonly Part[], prov: Provenance, m: Merger): SwitchFacts[] {
  const out: SwitchFacts[] = [];
  const origin: Record<string, string> = {};
  let owned: Set<object> | undefined;
  for (const part of parts) {
    for (const s of part.facts.switches) {
      let cur: SwitchFacts | undefined;
      for (const x of out) {
        if (x.name === s.name) {
          cur = x;
          break;
        }
      }
      if (!cur) {
        cur = { name: s.name, kind: s.kind, uplinks: [], portGroups: [], dvPorts: [], evidence: s.evidence };
        out.push(cur);
      }
      if (s.mtu !== undefined) {
        // As Merger.take, with the conflict's wording made only for a conflict.
        const field = `${s.name}.mtu`;
        if (cur.mtu === undefined) {
          origin[field] = part.file;
          cur.mtu = s.mtu;
        } else m.take(origin, field, cur.mtu, s.mtu, part, `switch ${s.name} MTU`);
      }
      for (const u of s.uplinks) if (!cur.uplinks.includes(u)) cur.uplinks.push(u);
      const pgs = cur.portGroups;
      for (const pg of s.portGroups) {
        let at = -1;
        for (let i = 0; i < pgs.length; i++) {
          if (pgs[i]!.name === pg.name) {
            at = i;
            break;
          }
        }
        if (at < 0) {
          pgs.push(pg);
          continue;
        }
        for (const u of pg.uplinks) {
          let known = pgs[at]!;
          if (known.uplinks.includes(u)) continue;
          if (!owned?.has(known)) {
            known = { ...known, uplinks: [...known.uplinks] };
            (owned ??= new Set()).add(known);
            pgs[at] = known;
          }
          known.uplinks.push(u);
        }
      }
      for (const d of s.dvPorts) if (!cur.dvPorts.some((x) => x.id === d.id)) cur.dvPorts.push({ ...d });
      note(prov, 'switches', part.file);
    }
  }
  return out;
}

/** dvPort → dvSwitch joins: a vmknic on a distributed port group gets that switch (and its Max MTU). */
function joinDistributed(
  host: { name: string; vcenter?: string; datacenter?: string },
  vmknics: Vmknic[],
  switches: SwitchFacts[],
  dvs: readonly { facts: DvsFacts; file: string }[],
  dvpg: readonly { facts: DvPortGroupFacts; file: string }[],
  prov: Provenance,
): Vmknic[] {
  if (dvs.length === 0 && dvpg.length === 0) return vmknics;
  const sameVc = (vc: string | undefined) => !vc || !host.vcenter || vc.toLowerCase() === host.vcenter.toLowerCase();
  const findDvs = (name: string) => dvs.filter((d) => d.facts.name === name && sameVc(d.facts.vcenter) && (!d.facts.datacenter || !host.datacenter || d.facts.datacenter === host.datacenter));
  const attach = (d: { facts: DvsFacts; file: string }, pg?: DvPortGroupFacts) => {
    let sw = switches.find((s) => s.name === d.facts.name);
    if (!sw) {
      sw = { name: d.facts.name, kind: 'distributed', ...(d.facts.mtu !== undefined ? { mtu: d.facts.mtu } : {}), uplinks: [], portGroups: [], dvPorts: [], evidence: d.facts.evidence };
      switches.push(sw);
      note(prov, 'switches', d.file);
    }
    if (pg && !sw.portGroups.some((p) => p.name === pg.name)) sw.portGroups.push({ name: pg.name, ...(pg.vlan !== undefined ? { vlan: pg.vlan } : {}), uplinks: [] });
    return sw;
  };
  const short = shortName(host.name);
  for (const d of dvs) if (sameVc(d.facts.vcenter) && d.facts.members.some((mem) => mem.toLowerCase() === host.name.toLowerCase() || shortName(mem) === short)) attach(d);
  return vmknics.map((v) => {
    if (!v.portGroup || switches.some((s) => s.kind === 'standard' && s.portGroups.some((p) => p.name === v.portGroup))) return v;
    const pgs = dvpg.filter((p) => p.facts.name === v.portGroup && sameVc(p.facts.vcenter));
    const switchNames = [...new Set(pgs.map((p) => p.facts.switch))];
    if (switchNames.length !== 1) return v;
    const candidates = findDvs(switchNames[0]!);
    if (candidates.length !== 1) return v;
    const sw = attach(candidates[0]!, pgs[0]!.facts);
    return v.vswitch ? v : { ...v, vswitch: sw.name };
  });
}

/**
 * One provenance table per distinct content: hosts read from the same files have equal tables (5,000 hosts of one
 * export set: a handful), and a read-only table can be shared instead of held 5,000 times (~8 arrays each).
 */
class Provenances {
  private readonly known = new Map<string, Provenance>();

  intern(prov: Provenance): Provenance {
    // Facts in insertion order with their files: equal keys, equal tables (key order included).
    let key = '';
    for (const fact in prov) key += `${fact}\u0000${prov[fact]!.join('\u0001')}\u0002`;
    const hit = this.known.get(key);
    if (hit) return hit;
    for (const fact in prov) prov[fact] = exact(prov[fact]!);
    if (this.known.size < 4096) this.known.set(key, prov);
    return prov;
  }
}

export function mergeImports(files: readonly FileImport[]): MergeResult {
  const warnings = new Warnings();
  const entries = identify(files, warnings);
  const dvs = files.flatMap((f) => f.dvSwitches.map((facts) => ({ facts, file: f.report.file })));
  const dvpg = files.flatMap((f) => f.dvPortGroups.map((facts) => ({ facts, file: f.report.file })));
  const provenances = new Provenances();
  const hosts: EstateHost[] = entries.map((entry) => {
    // Strongest source first (ties: file order), so its values stand and weaker ones only fill gaps.
    const parts = entry.parts.length > 1 ? [...entry.parts].sort(byPriority) : entry.parts;
    const m = new Merger(entry.name, warnings);
    const origin: Record<string, string> = {};
    const prov: Provenance = {};
    let datacenter: string | undefined;
    let cluster: string | undefined;
    let version: HostModel['version'];
    let defaultGateway: string | undefined;
    let routes: HostModel['routes'] | undefined;
    let netstacks: HostModel['netstacks'];
    let netconfig: HostModel['netconfigSelectedVnic'];
    const advanced: Record<string, AdvancedValue> = {};
    const nics: HostModel['nics'][number][] = [];
    const pings: NonNullable<HostModel['pings']>[number][] = [];
    const seen: string[] = [];
    for (const part of parts) {
      const f = part.facts;
      datacenter = m.take(origin, 'datacenter', datacenter, f.datacenter, part, 'datacenter');
      cluster = m.take(origin, 'cluster', cluster, f.cluster, part, 'cluster');
      if (f.cluster) note(prov, 'cluster', part.file);
      if (f.version) {
        const picked = m.take(origin, 'version', version ? versionKey(version) : undefined, versionKey(f.version), part, 'ESXi version');
        if (version === undefined && picked !== undefined) version = f.version;
        note(prov, 'version', part.file);
      }
      defaultGateway = m.take(origin, 'gateway', defaultGateway, f.defaultGateway, part, 'default gateway');
      if (f.routes && routes === undefined) {
        routes = f.routes;
        note(prov, 'routes', part.file);
      }
      if (f.netstacks && netstacks === undefined) netstacks = f.netstacks;
      if (f.netconfigSelectedVnic !== undefined && netconfig === undefined) netconfig = f.netconfigSelectedVnic;
      for (const key in f.advanced) {
        const val = f.advanced[key]!;
        const cur = advanced[key];
        const picked = m.take(origin, `adv${key}`, cur?.value, val.value, part, settingLabel(key));
        if (cur === undefined && picked !== undefined) advanced[key] = val;
        note(prov, key === '/Migrate/BindToVmknic' ? 'bindToVmknic' : 'advanced', part.file);
      }
      for (const n of f.nics) {
        let known = false;
        for (const x of nics) if (x.name === n.name) known = true;
        if (!known) nics.push(n);
      }
      if (f.pings) pings.push(...f.pings);
      for (const s of f.seen) if (!seen.includes(s)) seen.push(s);
    }
    const switchFacts = mergeSwitches(parts, prov, m);
    let vmknics = mergeVmknics(parts, m, prov);
    vmknics = joinDistributed({ name: entry.name, ...(entry.vcenter ? { vcenter: entry.vcenter } : {}), ...(datacenter ? { datacenter } : {}) }, vmknics, switchFacts, dvs, dvpg, prov);
    const vswitches: VSwitch[] = switchFacts.map((s) => ({
      name: s.name,
      kind: s.kind,
      ...(s.mtu !== undefined ? { mtu: s.mtu } : {}),
      uplinks: exact(s.uplinks),
      portGroups: s.portGroups.map((p) => ({ name: p.name, ...(p.vlan !== undefined ? { vlan: p.vlan } : {}), uplinks: exact(p.uplinks) })),
      dvPorts: exact(s.dvPorts),
      evidence: s.evidence as EvidenceRef,
    }));
    const model: HostModel = {
      name: entry.name,
      nameAssumed: false,
      ...(version ? { version } : {}),
      ...(defaultGateway ? { defaultGateway } : {}),
      vmknics,
      routes: routes ?? none(),
      ...(netstacks ? { netstacks } : {}),
      vswitches,
      nics: exact(nics),
      advanced,
      ...(netconfig !== undefined ? { netconfigSelectedVnic: netconfig } : {}),
      ...(pings.length > 0 ? { pings: exact(pings) } : {}),
      commandsSeen: exact(seen),
    };
    return {
      model,
      ...(entry.vcenter ? { vcenter: entry.vcenter } : {}),
      ...(datacenter ? { datacenter } : {}),
      ...(cluster ? { cluster } : {}),
      provenance: provenances.intern(prov),
    };
  });
  return { hosts, warnings: warnings.done() };
}
