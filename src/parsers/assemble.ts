/**
 * Merges the records read from every block into one HostModel per host (src/core/model/host.ts).
 *
 * Rules (domain.md §4, §1.7 A): a block belongs to the host of its prompt; blocks without one belong to their file's
 * unnamed host. Values a parser returned are facts: nothing is guessed, and no vmknic exists unless an output listed
 * it. When two outputs disagree on one fact the later one (in paste order) is kept and a warning names both lines;
 * equal values only add evidence.
 */
import type { EvidenceRef, ParseWarning } from '../core/model/evidence.ts';
import { DEFAULT_NETSTACK } from '../core/model/host.ts';
import type {
  AddressType,
  AdvancedValue,
  HostModel,
  HostVersion,
  PhysicalNic,
  Route,
  ServiceTag,
  Vmknic,
  VSwitch,
  PingResult,
} from '../core/model/host.ts';
import type {
  AdvancedSettingRecord,
  EsxConfRecord,
  InterfaceListEntry,
  Ipv4Row,
  NicRecord,
  RecordsByKind,
  RouteRow,
  RouteTable,
  VersionRecord,
  VmknicRow,
  VSwitchRecord,
} from './records.ts';
import type { Block, CommandKind } from './types.ts';

/** A block its parser read successfully, with the records it returned. Array order = paste order. */
export type ParsedBlock = {
  [K in CommandKind]: { readonly kind: K; readonly block: Block; readonly value: RecordsByKind[K] };
}[CommandKind];

/** The host that blocks without a prompt host belong to, per file. */
export interface UnnamedHost {
  readonly name: string;
  /** True when `name` is a placeholder (a file name), false when the user named the host. */
  readonly assumed: boolean;
}

export interface AssembleOptions {
  /** Default: the file name, assumed. */
  readonly unnamedHost?: (file: string) => UnnamedHost;
}

export interface AssembleResult {
  readonly hosts: HostModel[];
  readonly warnings: ParseWarning[];
}

export function assembleHosts(parsed: readonly ParsedBlock[], options: AssembleOptions = {}): AssembleResult {
  return assembleReleasing([...parsed], options);
}

/**
 * `assembleHosts` for a caller that gives up its list: hosts are built one at a time — each from its blocks in
 * paste order, each block cleared once merged and each builder let go once its model is built — so a large paste
 * never holds every host's builder at once beside the records and the models (issue 17: peak memory of a 60 MB
 * paste). The result, warnings included and in the same order, is what merging every block first and building
 * every host after gives: a block's warnings are placed by the block's position, a build's after all of them.
 */
export function assembleReleasing(parsed: (ParsedBlock | undefined)[], options: AssembleOptions = {}): AssembleResult {
  const warnings: ParseWarning[] = [];
  const identity = resolveHosts(parsed as readonly ParsedBlock[], options, warnings);
  // Blocks of each host in paste order; the map keeps hosts in the order they first appear.
  const byHost = new Map<string, { readonly id: HostId; readonly blocks: number[] }>();
  identity.forEach((id, i) => {
    if (id === undefined) return;
    const entry = byHost.get(id.key);
    if (entry === undefined) byHost.set(id.key, { id, blocks: [i] });
    else entry.blocks.push(i);
  });
  identity.length = 0;
  const merged: { readonly at: number; readonly warning: ParseWarning }[] = [];
  const built: ParseWarning[] = [];
  const models: HostModel[] = [];
  for (const [key, { id, blocks }] of byHost) {
    const own: ParseWarning[] = [];
    const builder = new HostBuilder(id.name, id.assumed, own);
    for (const i of blocks) {
      const p = parsed[i];
      parsed[i] = undefined;
      if (p === undefined) continue;
      const before = own.length;
      builder.add(p);
      for (let k = before; k < own.length; k++) merged.push({ at: i, warning: own[k] as ParseWarning });
    }
    const before = own.length;
    models.push(builder.build());
    for (let k = before; k < own.length; k++) built.push(own[k] as ParseWarning);
    byHost.delete(key);
  }
  // Stable sort: warnings of one block keep their order.
  merged.sort((a, b) => a.at - b.at);
  for (const m of merged) warnings.push(m.warning);
  for (const w of built) warnings.push(w);
  return { hosts: models, warnings };
}

// ---------------------------------------------------------------------------------------------------------------
// Which host each block belongs to
// ---------------------------------------------------------------------------------------------------------------

interface HostId {
  readonly key: string;
  readonly name: string;
  readonly assumed: boolean;
}

/** `esx01` and `esx01.lab.local` name the same host (a prompt shows the short name, hostname the FQDN). */
function sameHost(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x === y || x.split('.')[0] === y || y.split('.')[0] === x;
}

function resolveHosts(parsed: readonly ParsedBlock[], options: AssembleOptions, warnings: ParseWarning[]): HostId[] {
  const unnamedOf = options.unnamedHost ?? ((file: string) => ({ name: file, assumed: true }));
  // Host names are DNS names: `ESX01` and `esx01` are one host; the first spelling printed is kept.
  const spelling = new Map<string, string>();
  const hostnamesByFile = new Map<string, EsxConfRecord['hostname'][]>();
  for (const p of parsed) {
    const host = p.block.host?.trim();
    // The host's own name: esx.conf's hostname, or `esxcli system hostname get` / `hostname`.
    const own = p.kind === 'esx-conf' ? p.value.hostname : p.kind === 'hostname' ? p.value : undefined;
    const source = p.kind === 'esx-conf' ? 'esx.conf' : 'the hostname output';
    if (host) {
      if (!spelling.has(host.toLowerCase())) spelling.set(host.toLowerCase(), host);
      if (own && !sameHost(own.name, host)) {
        warnings.push({
          file: own.ref.file,
          line: own.ref.line,
          message: `${source} names the host "${own.name}" but the prompt says "${host}"; the prompt's name is used.`,
        });
      }
      continue;
    }
    const list = hostnamesByFile.get(p.block.file) ?? [];
    hostnamesByFile.set(p.block.file, list);
    if (own) list.push(own);
  }

  const unnamed = new Map<string, HostId>();
  const used = new Set([...spelling.keys()]);
  for (const [file, hostnames] of hostnamesByFile) {
    const given = unnamedOf(file);
    if (!given.assumed) {
      const key = given.name.toLowerCase();
      unnamed.set(file, { key: `n:${key}`, name: spelling.get(key) ?? given.name, assumed: false });
      used.add(key);
      continue;
    }
    const names = [...new Map(hostnames.map((h) => [h?.name.toLowerCase() ?? '', h])).values()].filter((h) => h !== undefined);
    const only = names.length === 1 ? names[0] : undefined;
    if (only !== undefined) {
      // If the host's own name (esx.conf or hostname output) is the only name, use it — and it is the same host as
      // a prompt of that name.
      const key = only.name.toLowerCase();
      unnamed.set(file, { key: `n:${key}`, name: spelling.get(key) ?? only.name, assumed: false });
      used.add(key);
      continue;
    }
    if (names.length > 1) {
      const ref = names[1]?.ref;
      warnings.push({
        file,
        line: ref?.line ?? 1,
        message: `The outputs without a prompt in ${file} come from esx.conf files naming different hosts (${names.map((h) => h.name).join(', ')}); they are kept together under the placeholder "${given.name}". Paste each host with its prompt to keep them apart.`,
      });
    }
    const joined = joinPromptHost(parsed, file, spelling, warnings);
    if (joined !== undefined) {
      unnamed.set(file, joined);
      continue;
    }
    unnamed.set(file, { key: `u:${file}`, name: given.name, assumed: true });
  }
  // A placeholder must not look like another host's name.
  for (const [file, id] of unnamed) {
    if (!id.assumed) continue;
    let name = id.name;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${id.name} (${n})`;
    used.add(name.toLowerCase());
    unnamed.set(file, { ...id, name });
  }

  return parsed.map((p) => {
    const host = p.block.host?.trim();
    if (host) {
      const key = host.toLowerCase();
      return { key: `n:${key}`, name: spelling.get(key) ?? host, assumed: false };
    }
    return unnamed.get(p.block.file) as HostId;
  });
}

/**
 * Issue 16: a session whose first command was pasted without its prompt and the rest with `[root@esx01:~]` is one
 * host, not a placeholder host beside esx01 (which would be analysed as a migration to itself). The blocks without
 * a prompt join the host the rest of the file names when the file names exactly one host and nothing in them
 * contradicts it: no vmknic of the same name with another address or MAC, no other version. Warned, since it is
 * inferred. A file naming two hosts, or with a contradiction, keeps the placeholder: two hosts are never merged.
 */
function joinPromptHost(
  parsed: readonly ParsedBlock[],
  file: string,
  spelling: ReadonlyMap<string, string>,
  warnings: ParseWarning[],
): HostId | undefined {
  const inFile = parsed.filter((p) => p.block.file === file);
  const named = new Set(inFile.flatMap((p) => (p.block.host?.trim() ? [p.block.host.trim().toLowerCase()] : [])));
  if (named.size !== 1) return undefined;
  const key = [...named][0] as string;
  const bare = inFile.filter((p) => !p.block.host?.trim());
  const prompted = inFile.filter((p) => p.block.host?.trim());
  const a = identityFacts(bare);
  const b = identityFacts(prompted);
  const conflict = [...a.entries()].find(([k, v]) => b.has(k) && b.get(k) !== v);
  const name = spelling.get(key) ?? key;
  const first = bare[0]?.block.lines.find((l) => l.text.trim() !== '')?.n ?? 1;
  if (conflict !== undefined) {
    warnings.push({
      file,
      line: first,
      message: `The outputs without a prompt in ${file} are not read as ${name}'s: ${conflict[0]} is ${conflict[1]} there but ${b.get(conflict[0]) ?? ''} in ${name}'s outputs, so they come from another host; they are kept apart.`,
    });
    return undefined;
  }
  const shared = [...a.keys()].filter((k) => b.has(k));
  warnings.push({
    file,
    line: first,
    message:
      `The outputs without a prompt in ${file} are read as ${name}'s: the rest of the paste names only ${name}` +
      (shared.length > 0 ? ` and they agree with it (${shared.slice(0, 3).join(', ')})` : ' and nothing in them contradicts it') +
      `. If they came from another host, paste them with that host's prompt.`,
  });
  return { key: `n:${key}`, name, assumed: false };
}

/** Facts that tell hosts apart: each vmknic's IPv4 address and MAC, and the version/build. */
function identityFacts(blocks: readonly ParsedBlock[]): Map<string, string> {
  const facts = new Map<string, string>();
  const set = (k: string, v: string | undefined): void => {
    if (v !== undefined && !facts.has(k)) facts.set(k, v.toLowerCase());
  };
  for (const p of blocks) {
    switch (p.kind) {
      case 'esxcfg-vmknic':
        for (const r of p.value) {
          if (r.family === 'IPv4') set(`${r.name} address`, r.address);
          set(`${r.name} MAC`, r.mac);
        }
        break;
      case 'interface-list':
        for (const r of p.value) set(`${r.name} MAC`, r.mac);
        break;
      case 'ipv4-get':
        for (const r of p.value) set(`${r.name} address`, r.address);
        break;
      case 'vmware-version':
      case 'system-version':
        set('the build', p.value.build);
        break;
      default:
        break;
    }
  }
  return facts;
}

// ---------------------------------------------------------------------------------------------------------------
// Facts with provenance
// ---------------------------------------------------------------------------------------------------------------

type FactValue = string | number | boolean | null | readonly string[];

interface Fact<T extends FactValue = FactValue> {
  readonly value: T;
  readonly ref: EvidenceRef;
}

function sameValue(a: FactValue, b: FactValue): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => x === b[i]);
  }
  // An advanced option read as "3" from esx.conf and as 3 from esxcfg-advcfg is the same value.
  return a === b || (a !== null && b !== null && String(a) === String(b));
}

function show(value: FactValue): string {
  if (value === null) return '<unset>';
  if (Array.isArray(value)) return value.length === 0 ? '(none)' : value.join(', ');
  return String(value);
}

function where(ref: EvidenceRef, relativeTo: EvidenceRef): string {
  return ref.file === relativeTo.file ? `line ${ref.line}` : `${ref.file} line ${ref.line}`;
}

function lineKey(ref: EvidenceRef): string {
  return `${ref.file}\u0000${ref.line}`;
}

/** A vmknic as the outputs describe it, field by field. */
interface VmknicDraft {
  readonly name: string;
  readonly facts: Map<VmknicField, Fact>;
  readonly ipv6: string[];
  readonly ipv6Seen: Set<string>;
  readonly evidence: EvidenceRef[];
  readonly evidenceSeen: Set<string>;
}

type VmknicField =
  | 'portGroup'
  | 'dvPort'
  | 'ipv4'
  | 'netmask'
  | 'mac'
  | 'mtu'
  | 'netstack'
  | 'tags'
  | 'enabled'
  | 'addressType'
  | 'gateway'
  | 'vswitch';

const FIELD_LABEL: Readonly<Record<VmknicField, string>> = {
  portGroup: 'port group',
  dvPort: 'DVPort',
  ipv4: 'IPv4 address',
  netmask: 'netmask',
  mac: 'MAC address',
  mtu: 'MTU',
  netstack: 'netstack',
  tags: 'tags',
  enabled: 'enabled flag',
  addressType: 'address type',
  gateway: 'gateway',
  vswitch: 'switch',
};

interface RouteSet {
  readonly format: RouteTable['format'];
  readonly rows: readonly RouteRow[];
}

interface VersionDraft {
  product: string;
  version?: string;
  update?: string;
  build?: string;
  refs: EvidenceRef[];
  /** Lines already in `refs`: a paste repeating `vmware -vl` many times must stay linear. */
  seen: Set<string>;
}

const VMK_NAME = /^vmk\d+$/i;

// ---------------------------------------------------------------------------------------------------------------
// One host
// ---------------------------------------------------------------------------------------------------------------

class HostBuilder {
  private readonly vmknics = new Map<string, VmknicDraft>();
  private readonly routes = new Map<string, RouteSet>();
  private readonly facts = new Map<string, Fact>();
  private readonly advancedDefaults = new Map<string, number | string>();
  private readonly vswitches = new Map<string, VSwitch>();
  private readonly nics = new Map<string, PhysicalNic>();
  private readonly pings: PingResult[] = [];
  private readonly commands = new Set<string>();
  private vmk0Gateway: Fact<string> | undefined;
  private version: VersionDraft | undefined;

  constructor(
    private readonly name: string,
    private readonly nameAssumed: boolean,
    private readonly warnings: ParseWarning[],
  ) {}

  add(p: ParsedBlock): void {
    this.commands.add(p.kind);
    switch (p.kind) {
      case 'esxcfg-vmknic':
        for (const row of p.value) this.vmknicRow(row);
        return;
      case 'interface-list':
        for (const entry of p.value) this.interfaceEntry(entry);
        return;
      case 'ipv4-get':
        for (const row of p.value) this.ipv4Row(row);
        return;
      case 'tag-get': {
        // Without the command line the tags belong to no known vmknic (the parser has said so).
        const vmk = p.value.vmknic === undefined ? undefined : this.vmknic(p.value.vmknic, p.value.ref);
        if (vmk) this.set(vmk, 'tags', [...p.value.tags], p.value.ref);
        return;
      }
      case 'esxcfg-route':
      case 'route-ipv4-list':
        this.routeTable(p.value);
        return;
      case 'netstack-list': {
        const first = p.value[0];
        if (first) this.hostFact('netstacks', 'netstack list', p.value.map((n) => n.key), first.ref);
        return;
      }
      case 'advcfg-get':
        this.advancedRecord(p.value);
        return;
      case 'advanced-list':
        for (const record of p.value) this.advancedRecord(record);
        return;
      case 'esxcfg-vswitch':
        for (const record of p.value) this.vswitch(record);
        return;
      case 'esxcfg-nics':
        for (const record of p.value) this.nic(record);
        return;
      case 'vmware-version':
      case 'system-version':
        this.versionRecord(p.value);
        return;
      case 'esx-conf':
        this.esxConf(p.value);
        return;
      case 'netconfig-get':
        this.hostFact('netconfig', 'selected vMotion vmknic (netconfig_get)', p.value.selectedVnic, p.value.ref);
        return;
      case 'hostname':
        // Used to name the host (resolveHosts); nothing else to record.
        return;
      case 'vmkping':
        this.pings.push({
          ...(p.value.vmknic ? { vmknic: p.value.vmknic } : {}),
          ...(p.value.netstack ? { netstack: p.value.netstack } : {}),
          dontFragment: p.value.dontFragment,
          size: p.value.size,
          target: p.value.target,
          answered: (p.value.received ?? 0) > 0,
          messageTooLong: p.value.messageTooLong,
          evidence: p.value.ref,
        });
        return;
    }
  }

  // --- vmknics --------------------------------------------------------------------------------------------------

  private vmknicRow(row: VmknicRow): void {
    const vmk = this.vmknic(row.name, row.ref);
    if (!vmk) return;
    const ref = row.ref;
    if (row.portGroup !== undefined && row.portGroup !== '') {
      // The column holds a port-group name, a DVPort id or an NSX UUID (domain.md §4.1).
      const kind = row.portGroupKind ?? (/^\d+$|^[0-9a-f]{8}-[0-9a-f-]{27}$/i.test(row.portGroup) ? 'dvport' : 'name');
      this.set(vmk, kind === 'name' ? 'portGroup' : 'dvPort', row.portGroup, ref);
    }
    if (row.family === 'IPv4') {
      if (row.address) this.set(vmk, 'ipv4', row.address, ref);
      if (row.netmask) this.set(vmk, 'netmask', row.netmask, ref);
      // The Type of an IPv6 row (`STATIC, PREFERRED`) describes that IPv6 address, not the vmknic's IPv4 setting.
      const type = addressTypeOf(row.type);
      if (type) this.set(vmk, 'addressType', type, ref);
    } else if (row.address) {
      this.addIpv6(vmk, row.netmask ? `${row.address}/${row.netmask}` : row.address);
    }
    if (row.mac) this.set(vmk, 'mac', row.mac.toLowerCase(), ref);
    if (row.mtu !== undefined) this.set(vmk, 'mtu', row.mtu, ref);
    if (row.enabled !== undefined) this.set(vmk, 'enabled', row.enabled, ref);
    // Absent on 5.x/6.0 tables (no NetStack column): then nothing is said about the netstack (§1.7 A3).
    if (row.netstack) this.set(vmk, 'netstack', row.netstack, ref);
  }

  private interfaceEntry(entry: InterfaceListEntry): void {
    const vmk = this.vmknic(entry.name, entry.ref);
    if (!vmk) return;
    const ref = entry.ref;
    if (entry.portgroup) this.set(vmk, 'portGroup', entry.portgroup, ref);
    if (entry.netstack) this.set(vmk, 'netstack', entry.netstack, ref);
    if (entry.mtu !== undefined) this.set(vmk, 'mtu', entry.mtu, ref);
    if (entry.enabled !== undefined) this.set(vmk, 'enabled', entry.enabled, ref);
    if (entry.mac) this.set(vmk, 'mac', entry.mac.toLowerCase(), ref);
    // On a DVS the Portset is an internal `DvsPortset-N`; the VDS Name is the switch (§4.2).
    const vswitch = entry.vdsName ?? entry.portset;
    if (vswitch) this.set(vmk, 'vswitch', vswitch, ref);
    if (entry.vdsPort) this.set(vmk, 'dvPort', entry.vdsPort, ref);
  }

  private ipv4Row(row: Ipv4Row): void {
    const vmk = this.vmknic(row.name, row.ref);
    if (!vmk) return;
    const ref = row.ref;
    if (row.address) this.set(vmk, 'ipv4', row.address, ref);
    if (row.netmask) this.set(vmk, 'netmask', row.netmask, ref);
    if (row.addressType) this.set(vmk, 'addressType', row.addressType, ref);
    // `0.0.0.0` = no per-vmknic override (§4.3). vmk0 prints the stack's default gateway there.
    if (row.gateway && row.gateway !== '0.0.0.0') {
      this.set(vmk, 'gateway', row.gateway, ref);
      if (vmk.name === 'vmk0') this.vmk0Gateway = { value: row.gateway, ref };
    }
  }

  private esxConfVmknic(child: EsxConfRecord['vmknics'][number]): void {
    const ref = child.refs[0];
    if (ref === undefined) return;
    if (child.name === undefined) {
      this.warn(ref, `esx.conf vmkernelnic child[${child.index}] has no name line, so its values cannot be tied to a vmknic; ignored.`);
      return;
    }
    const vmk = this.vmknic(child.name, ref);
    if (!vmk) return;
    for (const r of child.refs) this.evidence(vmk, r);
    if (child.ipv4address) {
      this.set(vmk, 'ipv4', child.ipv4address, ref);
      if (child.dhcp !== undefined) this.set(vmk, 'addressType', child.dhcp ? 'DHCP' : 'STATIC', ref);
    }
    if (child.ipv4netmask) this.set(vmk, 'netmask', child.ipv4netmask, ref);
    if (child.mac) this.set(vmk, 'mac', child.mac.toLowerCase(), ref);
    if (child.portgroup) this.set(vmk, 'portGroup', child.portgroup, ref);
    if (child.mtu !== undefined) this.set(vmk, 'mtu', child.mtu, ref);
    if (child.enabled !== undefined) this.set(vmk, 'enabled', child.enabled, ref);
    if (child.netstack) this.set(vmk, 'netstack', child.netstack, ref);
  }

  /** The draft of a vmknic an output listed; a name that is not `vmkN` is not a vmknic and is reported. */
  private vmknic(rawName: string, ref: EvidenceRef): VmknicDraft | undefined {
    const name = rawName.trim();
    if (!VMK_NAME.test(name)) {
      this.warn(ref, `"${name}" is not a VMkernel NIC name (vmkN); the values on this line are ignored.`);
      return undefined;
    }
    const key = name.toLowerCase();
    let vmk = this.vmknics.get(key);
    if (vmk === undefined) {
      vmk = { name: key, facts: new Map(), ipv6: [], ipv6Seen: new Set(), evidence: [], evidenceSeen: new Set() };
      this.vmknics.set(key, vmk);
    }
    this.evidence(vmk, ref);
    return vmk;
  }

  private evidence(vmk: VmknicDraft, ref: EvidenceRef): void {
    const key = lineKey(ref);
    if (vmk.evidenceSeen.has(key)) return;
    vmk.evidenceSeen.add(key);
    vmk.evidence.push(ref);
  }

  private addIpv6(vmk: VmknicDraft, address: string): void {
    const key = address.toLowerCase();
    if (vmk.ipv6Seen.has(key)) return;
    vmk.ipv6Seen.add(key);
    vmk.ipv6.push(address);
  }

  private set(vmk: VmknicDraft, field: VmknicField, value: FactValue, ref: EvidenceRef): void {
    this.keep(vmk.facts, field, `${vmk.name} ${FIELD_LABEL[field]}`, value, ref);
  }

  /** Records a fact; a different earlier value is replaced by this later one, with a warning naming both lines. */
  private keep<K>(facts: Map<K, Fact>, key: K, subject: string, value: FactValue, ref: EvidenceRef): void {
    const old = facts.get(key);
    if (old !== undefined && sameValue(old.value, value)) return;
    if (old !== undefined) {
      this.warn(
        ref,
        `${this.name}: ${subject}: ${where(old.ref, ref)} says ${show(old.value)} but line ${ref.line} says ${show(value)}; ` +
          `the later value (${show(value)}) is kept.`,
      );
    }
    facts.set(key, { value, ref });
  }

  private hostFact(key: string, subject: string, value: FactValue, ref: EvidenceRef): void {
    this.keep(this.facts, key, subject, value, ref);
  }

  // --- routes and default gateway -------------------------------------------------------------------------------

  private routeTable(table: RouteTable): void {
    const stack = table.netstack ?? DEFAULT_NETSTACK;
    if (stack === DEFAULT_NETSTACK) {
      if (table.defaultGateway) this.defaultGateway(table.defaultGateway.address, table.defaultGateway.ref);
      const defaultRoute = table.routes.find((r) => r.network === '0.0.0.0' && r.netmask === '0.0.0.0' && r.gateway !== '0.0.0.0');
      if (defaultRoute?.gateway !== undefined) this.defaultGateway(defaultRoute.gateway, defaultRoute.ref);
    }
    // Plain `esxcfg-route` prints only the default gateway line: no table to keep.
    const first = table.routes[0];
    if (first === undefined) return;
    const existing = this.routes.get(stack);
    const next: RouteSet = { format: table.format, rows: table.routes };
    if (existing === undefined) {
      this.routes.set(stack, next);
      return;
    }
    const difference = routeDifference(existing.rows, table.routes);
    if (difference === undefined) {
      // Same routes: esxcfg-route's order is the lookup order, esxcli's is not (domain.md §4.6).
      if (existing.format !== 'esxcfg-route' && table.format === 'esxcfg-route') this.routes.set(stack, next);
      return;
    }
    const before = existing.rows[0] as RouteRow;
    this.warn(
      first.ref,
      `${this.name}: the routes of ${stack} at ${where(before.ref, first.ref)} and line ${first.ref.line} disagree (${difference}); ` +
        `the later table (line ${first.ref.line}) is kept.`,
    );
    this.routes.set(stack, next);
  }

  private defaultGateway(address: string, ref: EvidenceRef): void {
    this.hostFact('defaultGateway', `default gateway of ${DEFAULT_NETSTACK}`, address, ref);
  }

  // --- advanced options -----------------------------------------------------------------------------------------

  private advancedRecord(record: AdvancedSettingRecord): void {
    const isString = record.type === 'string' || (record.type === undefined && record.intValue === undefined);
    const value = isString ? record.stringValue : record.intValue;
    const key = advancedKey(record.path);
    if (value === undefined) {
      this.warn(record.ref, `${this.name}: no value was shown for the advanced option ${key}; it is left out.`);
      return;
    }
    this.advanced(key, value, record.ref);
    const defaultValue = isString ? record.defaultStringValue : record.defaultIntValue;
    if (defaultValue !== undefined) this.advancedDefaults.set(key, defaultValue);
  }

  private advanced(key: string, value: number | string, ref: EvidenceRef): void {
    this.hostFact(`adv:${key}`, `advanced option ${key}`, value, ref);
  }

  // --- switches, NICs, version ----------------------------------------------------------------------------------

  private vswitch(record: VSwitchRecord): void {
    const next: VSwitch = {
      name: record.name,
      kind: record.kind,
      ...(record.mtu !== undefined ? { mtu: record.mtu } : {}),
      uplinks: [...record.uplinks],
      portGroups: record.portGroups.map((pg) => ({
        name: pg.name,
        ...(pg.vlan !== undefined ? { vlan: pg.vlan } : {}),
        uplinks: [...pg.uplinks],
      })),
      dvPorts: record.dvPorts.map((d) => ({ id: d.id, client: d.client })),
      evidence: record.ref,
    };
    this.replaceable(this.vswitches, next.name, `switch ${next.name}`, next);
  }

  private nic(record: NicRecord): void {
    const next: PhysicalNic = compactObject({
      name: record.name,
      driver: record.driver,
      linkUp: record.linkUp,
      speedMbps: record.speedMbps,
      duplex: record.duplex,
      mac: record.mac?.toLowerCase(),
      mtu: record.mtu,
      description: record.description,
      evidence: record.ref,
    });
    this.replaceable(this.nics, next.name, `physical NIC ${next.name}`, next);
  }

  /** Switches and NICs compare as a whole: a changed one is replaced by the later output, with a warning. */
  private replaceable<T extends { readonly evidence: EvidenceRef }>(map: Map<string, T>, key: string, subject: string, next: T): void {
    const old = map.get(key);
    if (old !== undefined) {
      if (sameContent(old, next)) return;
      this.warn(
        next.evidence,
        `${this.name}: ${subject} is described differently at ${where(old.evidence, next.evidence)} and line ${next.evidence.line}; the later description is kept.`,
      );
    }
    map.set(key, next);
  }

  private versionRecord(record: VersionRecord): void {
    const build = record.build === undefined ? undefined : /(\d+)\s*$/.exec(record.build)?.[1];
    const next: VersionDraft = compactObject({
      product: record.product,
      version: record.version,
      update: record.update,
      build,
      refs: [...record.refs],
      seen: new Set(record.refs.map(lineKey)),
    });
    const current = this.version;
    if (current === undefined) {
      this.version = next;
      return;
    }
    if (versionsAgree(current, next)) {
      // `vmware -v` (7.0.3, build) and `vmware -l` (7.0 Update 3) pasted separately describe one release.
      if (next.version !== undefined && (current.version === undefined || next.version.length > current.version.length)) {
        current.version = next.version;
      }
      current.update ??= next.update;
      current.build ??= next.build;
      for (const ref of next.refs) {
        if (current.seen.has(lineKey(ref))) continue;
        current.seen.add(lineKey(ref));
        current.refs.push(ref);
      }
      return;
    }
    const oldRef = current.refs[0];
    const newRef = next.refs[0];
    if (oldRef && newRef) {
      this.warn(
        newRef,
        `${this.name}: version: ${where(oldRef, newRef)} says ${describeVersion(current)} but line ${newRef.line} says ${describeVersion(next)}; ` +
          `the later value is kept.`,
      );
    }
    this.version = next;
  }

  private esxConf(record: EsxConfRecord): void {
    for (const child of record.vmknics) this.esxConfVmknic(child);
    for (const entry of record.advanced) {
      // esx.conf stores every value as a string; integer options are compared and kept as numbers.
      const value = /^-?\d{1,15}$/.test(entry.value) ? Number(entry.value) : entry.value;
      this.advanced(advancedKey(entry.path), value, entry.ref);
    }
    if (record.defaultGateway) this.defaultGateway(record.defaultGateway.address, record.defaultGateway.ref);
  }

  private warn(ref: EvidenceRef, message: string): void {
    this.warnings.push({ file: ref.file, line: ref.line, message });
  }

  /**
   * A route the analysis can use: all four fields known. A route whose vmknic was not printed (ESX 4.x) takes the
   * vmknic of its stack whose subnet holds the gateway (or, for a connected route, the route's network) — what the
   * VMkernel itself does for such a route — when exactly one vmknic fits; warned, since it is inferred. A route
   * with an unknown network, mask or gateway is left out of the analysis (warned), not guessed.
   */
  private completeRoute(
    row: RouteRow,
    netstack: string,
    vmknics: readonly Vmknic[],
  ): { network: string; netmask: string; gateway: string; interface: string } | undefined {
    const { network, netmask, gateway } = row;
    if (network === undefined || netmask === undefined || gateway === undefined) {
      const lost = [network === undefined ? 'network' : '', netmask === undefined ? 'netmask' : '', gateway === undefined ? 'gateway' : '']
        .filter((w) => w !== '')
        .join(' and ');
      this.warn(row.ref, `${this.name}: the route on line ${row.ref.line} is left out of the analysis: its ${lost} cannot be read.`);
      return undefined;
    }
    if (row.interface !== undefined) return { network, netmask, gateway, interface: row.interface };
    const target = gateway === '0.0.0.0' ? network : gateway;
    const owners = vmknics.filter(
      (v) =>
        (v.netstack ?? DEFAULT_NETSTACK) === netstack &&
        v.ipv4 !== undefined &&
        v.netmask !== undefined &&
        sameSubnet(v.ipv4, target, v.netmask) &&
        (gateway !== '0.0.0.0' || v.netmask === netmask),
    );
    const owner = owners[0];
    if (owners.length === 1 && owner !== undefined) {
      this.warn(row.ref, `${this.name}: the route on line ${row.ref.line} names no vmknic; ${owner.name} is taken, the vmknic whose subnet holds ${target} (inferred).`);
      return { network, netmask, gateway, interface: owner.name };
    }
    this.warn(
      row.ref,
      `${this.name}: the route on line ${row.ref.line} names no vmknic and ${owners.length === 0 ? 'no pasted vmknic' : 'more than one vmknic'} holds ${target}; it is left out of the analysis.`,
    );
    return undefined;
  }

  // --- result ---------------------------------------------------------------------------------------------------

  build(): HostModel {
    const vswitches = [...this.vswitches.values()];
    const vmknics = [...this.vmknics.values()]
      .sort((a, b) => Number(a.name.slice(3)) - Number(b.name.slice(3)))
      .map((draft) => buildVmknic(draft, vswitches));
    const routes: Route[] = [];
    for (const [netstack, set] of this.routes) {
      let order = 0;
      for (const row of set.rows) {
        const route = this.completeRoute(row, netstack, vmknics);
        if (route === undefined) continue;
        routes.push({ netstack, ...route, order, evidence: row.ref });
        order++;
      }
    }
    const advanced: [string, AdvancedValue][] = [];
    for (const [key, fact] of this.facts) {
      if (!key.startsWith('adv:')) continue;
      const path = key.slice(4);
      const defaultValue = this.advancedDefaults.get(path);
      advanced.push([
        path,
        { value: fact.value as number | string, ...(defaultValue !== undefined ? { defaultValue } : {}), evidence: fact.ref },
      ]);
    }
    const version = this.buildVersion();
    const gateway = this.facts.get('defaultGateway')?.value ?? this.vmk0DefaultGateway();
    const netstacks = this.facts.get('netstacks');
    const netconfig = this.facts.get('netconfig');
    return {
      name: this.name,
      nameAssumed: this.nameAssumed,
      ...(version !== undefined ? { version } : {}),
      ...(typeof gateway === 'string' ? { defaultGateway: gateway } : {}),
      vmknics,
      routes,
      ...(netstacks !== undefined ? { netstacks: [...(netstacks.value as readonly string[])] } : {}),
      vswitches,
      nics: [...this.nics.values()],
      ...(this.pings.length > 0 ? { pings: [...this.pings] } : {}),
      // fromEntries defines own properties even for a key such as `__proto__` in a hostile paste.
      advanced: Object.fromEntries(advanced),
      ...(netconfig !== undefined ? { netconfigSelectedVnic: netconfig.value as string | null } : {}),
      commandsSeen: [...this.commands],
    };
  }

  /** vmk0's `ipv4 get` Gateway is the default stack's gateway: used only when nothing else gave one. */
  private vmk0DefaultGateway(): string | undefined {
    const stack = this.vmknics.get('vmk0')?.facts.get('netstack')?.value;
    return stack === undefined || stack === DEFAULT_NETSTACK ? this.vmk0Gateway?.value : undefined;
  }

  private buildVersion(): HostVersion | undefined {
    const v = this.version;
    if (v === undefined || v.version === undefined) return undefined;
    return compactObject({ product: v.product, version: v.version, update: v.update, build: v.build, evidence: v.refs });
  }
}

function buildVmknic(draft: VmknicDraft, vswitches: readonly VSwitch[]): Vmknic {
  const f = <T extends FactValue>(field: VmknicField) => draft.facts.get(field)?.value as T | undefined;
  const evidence = [...draft.evidence];
  let vswitch = f<string>('vswitch');
  let dvPort = f<string>('dvPort');
  if (vswitch === undefined) {
    // `esxcfg-vswitch -l` names the switch: a DVS lists the vmknic as a DVPort client; a standard switch lists
    // its port group (only when exactly one switch has a port group of that name).
    const dvs = vswitches.find((s) => s.dvPorts.some((d) => d.client === draft.name));
    const portGroup = f<string>('portGroup');
    const owners = portGroup === undefined ? [] : vswitches.filter((s) => s.portGroups.some((pg) => pg.name === portGroup));
    const owner = dvs ?? (owners.length === 1 ? owners[0] : undefined);
    if (owner !== undefined) {
      vswitch = owner.name;
      dvPort ??= owner.dvPorts.find((d) => d.client === draft.name)?.id;
      if (!draft.evidenceSeen.has(lineKey(owner.evidence))) evidence.push(owner.evidence);
    }
  }
  const tags = f<readonly ServiceTag[]>('tags');
  return compactObject({
    name: draft.name,
    portGroup: f<string>('portGroup'),
    dvPort,
    ipv4: f<string>('ipv4'),
    netmask: f<string>('netmask'),
    ipv6: [...draft.ipv6],
    mac: f<string>('mac'),
    mtu: f<number>('mtu'),
    netstack: f<string>('netstack'),
    tags: tags === undefined ? undefined : [...tags],
    tagSource: tags === undefined ? undefined : ('tag-get' as const),
    enabled: f<boolean>('enabled'),
    addressType: f<AddressType>('addressType'),
    gateway: f<string>('gateway'),
    vswitch,
    evidence,
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------------------------

function addressTypeOf(type: string | undefined): AddressType | undefined {
  const t = type?.trim().toUpperCase() ?? '';
  if (t.startsWith('DHCP')) return 'DHCP';
  if (t.startsWith('STATIC')) return 'STATIC';
  if (t.startsWith('NONE')) return 'NONE';
  return undefined;
}

// `esxcfg-advcfg` prints only the option's last name (`Value of BindToVmknic is 1`, §4.8): these are the options
// the analysis reads, so their bare names map back to the full path.
const KNOWN_OPTIONS = [
  '/Migrate/BindToVmknic',
  '/Migrate/AutoBindVmknic',
  '/Migrate/Vmknic',
  '/Net/ManagementIface',
  '/Net/ProvisioningVmknics',
];
const BY_BARE_NAME = new Map(KNOWN_OPTIONS.map((p) => [(p.split('/').pop() ?? '').toLowerCase(), p]));
const BY_PATH = new Map(KNOWN_OPTIONS.map((p) => [p.toLowerCase(), p]));

/** Normalises an option name to the slash path: `Migrate.BindToVmknic`, `/adv/Migrate/X`, `BindToVmknic`. */
export function advancedKey(raw: string): string {
  let path = raw.trim();
  if (!path.includes('/') && path.includes('.')) path = `/${path.split('.').join('/')}`;
  else if (path.includes('/') && !path.startsWith('/')) path = `/${path}`;
  if (/^\/adv\//i.test(path)) path = path.slice(4);
  if (!path.includes('/')) return BY_BARE_NAME.get(path.toLowerCase()) ?? path;
  return BY_PATH.get(path.toLowerCase()) ?? path;
}

function routeKey(row: RouteRow): string {
  return `${row.network ?? '?'}/${row.netmask ?? '?'} via ${row.gateway ?? '?'} on ${row.interface ?? '?'}`;
}

function ipv4Number(address: string): number {
  return address.split('.').reduce((n, octet) => n * 256 + Number(octet), 0);
}

function sameSubnet(a: string, b: string, mask: string): boolean {
  const m = ipv4Number(mask);
  // Bitwise AND works on signed 32-bit numbers: compare the unsigned results.
  return ((ipv4Number(a) & m) >>> 0) === ((ipv4Number(b) & m) >>> 0);
}

/** Undefined when both tables hold the same routes (order aside); else one route only one of them lists. */
function routeDifference(a: readonly RouteRow[], b: readonly RouteRow[]): string | undefined {
  const counts = new Map<string, number>();
  for (const row of a) counts.set(routeKey(row), (counts.get(routeKey(row)) ?? 0) + 1);
  for (const row of b) {
    const key = routeKey(row);
    const n = counts.get(key) ?? 0;
    if (n === 0) return `only line ${row.ref.line} lists ${key}`;
    counts.set(key, n - 1);
  }
  for (const row of a) {
    if ((counts.get(routeKey(row)) ?? 0) > 0) return `only line ${row.ref.line} lists ${routeKey(row)}`;
  }
  return undefined;
}

function versionsAgree(a: VersionDraft, b: VersionDraft): boolean {
  const prefix = (x: string, y: string) => {
    const xs = x.split('.');
    const ys = y.split('.');
    return xs.every((part, i) => i >= ys.length || Number(part) === Number(ys[i]));
  };
  const versionOk = a.version === undefined || b.version === undefined || prefix(a.version, b.version);
  const updateOk = a.update === undefined || b.update === undefined || a.update === b.update;
  const buildOk = a.build === undefined || b.build === undefined || a.build === b.build;
  return versionOk && updateOk && buildOk;
}

function describeVersion(v: VersionDraft): string {
  return [v.version, v.update !== undefined ? `update ${v.update}` : undefined, v.build !== undefined ? `build ${v.build}` : undefined]
    .filter((x) => x !== undefined)
    .join(' ');
}

function sameContent<T extends { readonly evidence: EvidenceRef }>(a: T, b: T): boolean {
  const strip = ({ evidence: _evidence, ...rest }: T) => JSON.stringify(rest);
  return strip(a) === strip(b);
}

/** Drops undefined properties so absent facts are absent keys, not `key: undefined` (plain JSON data). */
function compactObject<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = v;
  return out as T;
}
