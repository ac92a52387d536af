/**
 * What one imported file says about the hosts of an estate, before the files are merged (merge.ts): partial host
 * facts, each with the rows it was read from. An export rarely describes a whole host (RVTools has no tags,
 * PowerCLI no netstacks), so every field is optional and absence means "this file did not say".
 */
import type { EvidenceRef } from '../core/model/evidence.ts';
import type { AdvancedValue, HostVersion, PhysicalNic, PingResult, Route, Vmknic } from '../core/model/host.ts';
import type { SourceReport } from '../core/estate/types.ts';
import type { Table, TableRow } from './table.ts';
import { lowerCase } from './values.ts';

/** Formats the importers recognise (SourceReport.format). */
export type FormatId =
  | 'rvtools-xlsx'
  | 'rvtools-csv'
  | 'powercli-vmk-csv'
  | 'powercli-vmk-json'
  | 'powercli-advanced-csv'
  | 'powercli-advanced-json'
  | 'esxcli-tags-csv'
  | 'esxcli-tags-json'
  | 'collector-json'
  | 'esxi-paste';

/**
 * Which file wins when two disagree on one fact: what the host itself printed (the collector's esxcli calls, a
 * pasted session, the ESXCLI tag output) over PowerCLI's object view over RVTools' inventory copy.
 */
export const PRIORITY: Readonly<Record<FormatId, number>> = {
  'collector-json': 3,
  'esxi-paste': 3,
  'esxcli-tags-csv': 3,
  'esxcli-tags-json': 3,
  'powercli-vmk-csv': 2,
  'powercli-vmk-json': 2,
  'powercli-advanced-csv': 2,
  'powercli-advanced-json': 2,
  'rvtools-xlsx': 1,
  'rvtools-csv': 1,
};

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** A vmknic as far as one file describes it. */
export type VmknicFacts = Mutable<Partial<Omit<Vmknic, 'evidence' | 'ipv6'>>> & {
  name: string;
  ipv6?: string[];
  evidence: EvidenceRef[];
};

export interface SwitchFacts {
  name: string;
  kind: 'standard' | 'distributed';
  mtu?: number;
  uplinks: string[];
  portGroups: { name: string; vlan?: number; uplinks: string[] }[];
  /** DVS sections of `esxcfg-vswitch -l` list DVPort ids with their client (vmnicN / vmkN). */
  dvPorts: { id: string; client: string }[];
  evidence: EvidenceRef;
}

export interface HostFacts {
  /** Host name as the file spells it. */
  name: string;
  vcenter?: string;
  datacenter?: string;
  cluster?: string;
  version?: HostVersion;
  defaultGateway?: string;
  vmknics: VmknicFacts[];
  advanced: Record<string, AdvancedValue>;
  /** Absent: this file has no routing table (the analysis then synthesises one). */
  routes?: Route[];
  netstacks?: string[];
  switches: SwitchFacts[];
  nics: PhysicalNic[];
  netconfigSelectedVnic?: string | null;
  pings?: PingResult[];
  /** Kinds of output or export read for this host (HostModel.commandsSeen). */
  seen: string[];
  /** The first row that named the host. */
  evidence: EvidenceRef;
}

/** A distributed switch from RVTools dvSwitch (not tied to one host row). */
export interface DvsFacts {
  vcenter?: string;
  datacenter?: string;
  name: string;
  mtu?: number;
  members: string[];
  evidence: EvidenceRef;
}

/** A distributed port group from RVTools dvPort (no Host column: joined through vmknic port-group names). */
export interface DvPortGroupFacts {
  vcenter?: string;
  name: string;
  switch: string;
  vlan?: number;
  evidence: EvidenceRef;
}

/** Everything one file contributed, and its report. */
export interface FileImport {
  readonly format: FormatId;
  readonly hosts: readonly HostFacts[];
  readonly dvSwitches: readonly DvsFacts[];
  readonly dvPortGroups: readonly DvPortGroupFacts[];
  readonly report: SourceReport;
}

/** Error of a file that cannot be used at all: one sentence naming the file and what was expected. */
export interface ImportError {
  readonly file: string;
  readonly message: string;
}

export type ImportOutcome = { readonly ok: true; readonly value: FileImport } | { readonly ok: false; readonly error: ImportError };

/** Collects the facts of one file, keyed by (vCenter, host name). */
export class FactsBuilder {
  /** The hosts in the order the file first names them. */
  private readonly list: HostFacts[] = [];
  /**
   * Position in `list` by lower-case vCenter ('' for none), then lower-case name: a row's host is found without a
   * joined key string made (and hashed) for every host of every file.
   */
  private readonly index = new Map<string, Map<string, number>>();
  readonly dvSwitches: DvsFacts[] = [];
  readonly dvPortGroups: DvPortGroupFacts[] = [];
  readonly skipped: { line: number; reason: string }[] = [];
  readonly missingColumns: string[] = [];
  readonly notes: string[] = [];
  readonly tabs: string[] = [];
  rows = 0;
  skippedOver = 0;
  version?: string;

  constructor(readonly file: string) {}

  // The previous row's host, in three fields rather than an object made for every new host.
  private lastName: string | undefined;
  private lastVcenter: string | undefined;
  private lastHost: HostFacts | undefined;

  /** The facts of a host; `evidence` (or the row that first names it, cut only for a new host) names its source. */
  host(name: string, vcenter: string | undefined, evidence: EvidenceRef | TableRow): HostFacts {
    // Exports list a host's rows together: the previous row's host is the usual answer.
    if (this.lastHost !== undefined && this.lastName === name && this.lastVcenter === vcenter) return this.lastHost;
    const names = this.namesIn(vcenter);
    const key = lowerCase(name);
    const at = names.get(key);
    let h: HostFacts;
    if (at !== undefined) h = this.list[at]!;
    else {
      h = new HostDraft(name, vcenter, 'cells' in evidence ? rowRef(this.file, evidence) : evidence);
      names.set(key, this.list.length);
      this.list.push(h);
    }
    this.lastName = name;
    this.lastVcenter = vcenter;
    this.lastHost = h;
    return h;
  }

  private namesIn(vcenter: string | undefined): Map<string, number> {
    const vc = vcenter === undefined ? '' : lowerCase(vcenter);
    let names = this.index.get(vc);
    if (names === undefined) {
      names = new Map();
      this.index.set(vc, names);
    }
    return names;
  }

  /** Facts made elsewhere (a pasted session's host), under their name and no vCenter; a later one of the same name replaces it. */
  addHost(facts: HostFacts): void {
    const names = this.namesIn(undefined);
    const key = lowerCase(facts.name);
    const at = names.get(key);
    if (at !== undefined) this.list[at] = facts;
    else {
      names.set(key, this.list.length);
      this.list.push(facts);
    }
  }

  skip(line: number, reason: string): void {
    // A hostile file could skip millions of rows: keep the first thousand reasons and a count.
    if (this.skipped.length < MAX_SKIPPED) this.skipped.push({ line, reason });
    else this.skippedOver++;
  }

  build(format: FormatId): FileImport {
    const hosts = [...this.list];
    const notes = [...this.notes];
    if (this.skippedOver > 0) notes.push(`${this.skippedOver} more rows were skipped (only the first ${MAX_SKIPPED} are listed).`);
    return {
      format,
      hosts,
      dvSwitches: this.dvSwitches,
      dvPortGroups: this.dvPortGroups,
      report: {
        file: this.file,
        format,
        ...(this.version ? { version: this.version } : {}),
        ...(this.tabs.length > 0 ? { tabs: [...this.tabs] } : {}),
        rows: this.rows,
        hosts: hosts.length,
        vmknics: hosts.reduce((n, h) => n + h.vmknics.length, 0),
        missingColumns: [...this.missingColumns],
        skipped: [...this.skipped],
        notes,
      },
    };
  }
}

export const MAX_SKIPPED = 1000;

/*
 * A draft's lists and settings start as one shared, frozen empty list (and record) and get their own on the first
 * entry (`append`, `setAdvanced`, `see`). Most files fill one or two of a host's lists: the others, and the uplink and
 * DVPort lists of RVTools switches and port groups, were 190,000 empty arrays for a 5,000-host estate, all kept until
 * the merge. Frozen, so a write that bypasses these helpers throws instead of reaching every host. A first entry
 * starts an exact one-element list (a list grown by `push` from empty has room for 17).
 */
const EMPTY: readonly never[] = Object.freeze([]);
const NO_SETTINGS: Record<string, AdvancedValue> = Object.freeze({}) as Record<string, AdvancedValue>;

/** The shared empty list, typed for a field that `append` fills. */
export function none<T>(): T[] {
  return EMPTY as unknown as T[];
}

/**
 * Adds `item` to the list `key` of `owner`, giving it a list of its own on the first entry. A short list is replaced
 * by an exact copy with the item (a host's vmknics, switches, a switch's port groups: a handful each), where `push`
 * would give it room for 17; the copy it replaces is young garbage, which costs the collector nothing.
 */
export function append<O extends object, K extends keyof O>(owner: O, key: K, item: O[K] extends readonly (infer T)[] ? T : never): void {
  const list = owner[key] as unknown as unknown[];
  const n = list.length;
  if (n < EXACT_UP_TO) {
    // Sized up front: a spread or `slice` + `push` would leave room to grow again.
    const copy = new Array<unknown>(n + 1);
    for (let i = 0; i < n; i++) copy[i] = list[i];
    copy[n] = item;
    (owner as Record<K, unknown>)[key] = copy;
  } else list.push(item);
}

/** Lists up to this long are grown by exact copies (see `append`). */
const EXACT_UP_TO = 16;

/** Sets an advanced setting of a host, giving it a record of its own on the first one. */
export function setAdvanced(host: HostFacts, key: string, value: AdvancedValue): void {
  if (host.advanced === NO_SETTINGS) host.advanced = {};
  host.advanced[key] = value;
}

/** Records that `kind` of output or export described the host. */
export function see(host: HostFacts, kind: string): void {
  if (!host.seen.includes(kind)) append(host, 'seen', kind);
}

/** The vmknic of a host by name (vmk names are lower-case in ESXi; exports sometimes are not). */
export function vmknicOf(host: HostFacts, name: string, evidence: EvidenceRef): VmknicFacts {
  const lower = lowerCase(name);
  let v: VmknicFacts | undefined;
  for (const n of host.vmknics) {
    if (n.name === lower || lowerCase(n.name) === lower) {
      v = n;
      break;
    }
  }
  if (!v) {
    v = new NicDraft(name, evidence);
    append(host, 'vmknics', v);
  } else v.evidence.push(evidence);
  return v;
}

/*
 * Hosts and vmknics are made by constructors rather than object literals. Readers add most fields after the object
 * exists (cluster, version; address, mask, MTU): V8 gives a constructed object in-object room for fields added later,
 * where a literal's later fields each go to a separate property store that is regrown as it fills (85,000 such
 * stores for a 5,000-host estate). A first evidence line starts a one-element list, not one grown by `push` (room
 * for 17).
 */
class HostDraft implements HostFacts {
  declare vcenter?: string;
  declare datacenter?: string;
  declare cluster?: string;
  declare version?: HostFacts['version'];
  declare defaultGateway?: string;
  declare routes?: HostFacts['routes'];
  declare netstacks?: string[];
  declare netconfigSelectedVnic?: string | null;
  declare pings?: HostFacts['pings'];
  vmknics: VmknicFacts[] = none();
  advanced: Record<string, AdvancedValue> = NO_SETTINGS;
  switches: SwitchFacts[] = none();
  nics: PhysicalNic[] = none();
  seen: string[] = none();

  constructor(
    public name: string,
    vcenter: string | undefined,
    public evidence: EvidenceRef,
  ) {
    if (vcenter) this.vcenter = vcenter;
  }
}

class NicDraft {
  evidence: EvidenceRef[];

  constructor(
    public name: string,
    first: EvidenceRef,
  ) {
    this.evidence = [first];
  }
}

/** An evidence line for a table row: `file:line` and the row as written (CSV) or its cells, cut to 240 chars. */
export function rowRef(file: string, row: TableRow): EvidenceRef {
  if (row.raw !== undefined) return { file, line: row.line, text: row.raw.length > 240 ? `${row.raw.slice(0, 237)}...` : row.raw };
  let text = '';
  for (const c of row.cells) {
    if (text.length > 0) text += ',';
    text += c.length > 80 ? `${c.slice(0, 77)}...` : c;
    if (text.length > 240) {
      text = `${text.slice(0, 237)}...`;
      break;
    }
  }
  return { file, line: row.line, text };
}

/**
 * Iterates a table's rows, reading only the located columns, counting rows and collecting skipped ones. The rows are
 * transient (Table.rows): each is read before the next, and nothing keeps a row or its cells array.
 */
export function eachRow(b: FactsBuilder, table: Table, index: Readonly<Partial<Record<string, number>>>): Iterable<TableRow> {
  const wanted = Object.values(index).filter((i): i is number => typeof i === 'number');
  return new CountedRows(b, table, table.rows(wanted, true)[Symbol.iterator]());
}

/** eachRow's iterator: passes the table's own results through (no object per row, unlike a generator). */
class CountedRows implements Iterable<TableRow>, Iterator<TableRow> {
  private finished = false;

  constructor(
    private readonly b: FactsBuilder,
    private readonly table: Table,
    private readonly rows: Iterator<TableRow>,
  ) {}

  [Symbol.iterator](): Iterator<TableRow> {
    return this;
  }

  next(): IteratorResult<TableRow> {
    const r = this.rows.next();
    if (!r.done) this.b.rows++;
    else if (!this.finished) {
      this.finished = true;
      for (const s of this.table.skipped) this.b.skip(s.line, s.reason);
    }
    return r;
  }
}
