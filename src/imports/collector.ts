/**
 * The estate JSON written by our read-only collector (collectors/Get-VpdEstate.ps1; schema in collectors/README.md).
 * It carries everything the analysis needs per host — vmknics with stacks and tags, routes per stack,
 * BindToVmknic/AutoBindVmknic, switch and uplink MTUs, version and build, cluster — so a scan from it has no
 * unknowns beyond what the host itself could not report. Read defensively: a field of the wrong type is skipped
 * with a reason, never trusted.
 */
import type { AdvancedValue, PhysicalNic, Route } from '../core/model/host.ts';
import { advancedKey } from '../parsers/assemble.ts';
import { normaliseTag } from '../parsers/tags.ts';
import type { FactsBuilder, HostFacts, SwitchFacts } from './facts.ts';
import { append, see, setAdvanced, vmknicOf } from './facts.ts';
import { esxiVersion, ipv4, mtu, netmask, text } from './values.ts';

export const COLLECTOR_SCHEMA = 'vmotion-path-doctor/estate';
export const COLLECTOR_SCHEMA_VERSION = 1;

type Json = Record<string, unknown>;

function obj(v: unknown): Json | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined;
}
function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]; // ConvertTo-Json unwraps one-element arrays
}
function str(v: unknown): string | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return typeof v === 'string' ? text(v) : undefined;
}
function num(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && /^\s*-?\d+\s*$/.test(v)) return Number(v);
  return undefined;
}
function boolOf(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string') return /^true$/i.test(v.trim()) ? true : /^false$/i.test(v.trim()) ? false : undefined;
  return undefined;
}

/** True when parsed JSON is a collector file (of any schema version). */
export function isCollectorJson(data: unknown): boolean {
  return obj(data)?.['schema'] === COLLECTOR_SCHEMA;
}

/** Limits against a hostile file: far above any real vCenter. */
const MAX_HOSTS = 20000;
const MAX_PER_HOST = 4096;

export function readCollector(b: FactsBuilder, data: unknown): string | undefined {
  const root = obj(data);
  if (!root || root['schema'] !== COLLECTOR_SCHEMA) return `it is not a collector file (no "schema": "${COLLECTOR_SCHEMA}")`;
  const version = num(root['schemaVersion']);
  if (version === undefined) return 'it has no schemaVersion';
  if (version > COLLECTOR_SCHEMA_VERSION) b.notes.push(`schema version ${version} is newer than this tool reads (${COLLECTOR_SCHEMA_VERSION}): fields it does not know are ignored.`);
  const collector = obj(root['collector']);
  b.version = `schema ${version}${collector && str(collector['version']) ? `, collector ${str(collector['version'])}` : ''}${collector && str(collector['powercli']) ? `, PowerCLI ${str(collector['powercli'])}` : ''}${str(root['collectedAt']) ? `, collected ${str(root['collectedAt'])}` : ''}`;
  const vcenter = str(root['vcenter']);
  const hosts = arr(root['hosts']);
  if (hosts.length > MAX_HOSTS) b.notes.push(`${hosts.length} hosts listed: only the first ${MAX_HOSTS} are read.`);
  hosts.slice(0, MAX_HOSTS).forEach((raw, i) => {
    const line = i + 1;
    const h = obj(raw);
    const name = h ? str(h['name']) : undefined;
    b.rows++;
    if (!h || !name) {
      b.skip(line, 'host entry without a name');
      return;
    }
    const ref = (what: string, detail = '') => ({ file: b.file, line, text: `hosts[${i}] ${name} ${what}${detail ? ` ${detail}` : ''}`.slice(0, 240) });
    const host = b.host(name, vcenter, ref('host'));
    see(host, 'collector');
    const dc = str(h['datacenter']);
    if (dc) host.datacenter = dc;
    const cl = str(h['cluster']);
    if (cl) host.cluster = cl;
    for (const e of arr(h['errors']).slice(0, 20)) if (typeof e === 'string') b.notes.push(`${name}: the collector reported: ${e.slice(0, 200)}`);
    readVersion(host, obj(h['version']), ref);
    readVmknics(b, host, arr(h['vmknics']).slice(0, MAX_PER_HOST), line, ref);
    readStacks(host, arr(h['netstacks']).slice(0, MAX_PER_HOST));
    readRoutes(b, host, arr(h['routes']).slice(0, MAX_PER_HOST), line, ref);
    readAdvanced(b, host, arr(h['advanced']).slice(0, MAX_PER_HOST), line, ref);
    readSwitches(host, arr(h['switches']).slice(0, MAX_PER_HOST), ref);
    readNics(host, arr(h['nics']).slice(0, MAX_PER_HOST), ref);
  });
  return undefined;
}

type RefOf = (what: string, detail?: string) => { file: string; line: number; text: string };

function readVersion(host: HostFacts, v: Json | undefined, ref: RefOf): void {
  if (!v) return;
  const version = str(v['version']);
  if (!version) return;
  const parsed = esxiVersion(version, str(v['build']), ref('version', `${version} ${str(v['build']) ?? ''}`));
  if (!parsed) return;
  const update = str(v['update']);
  host.version = { ...parsed, ...(str(v['product']) ? { product: str(v['product'])! } : {}), ...(update ? { update } : {}) };
}

function readVmknics(b: FactsBuilder, host: HostFacts, list: unknown[], line: number, ref: RefOf): void {
  for (const raw of list) {
    const n = obj(raw);
    const name = n ? str(n['name']) : undefined;
    if (!n || !name || !/^vmk\d+$/i.test(name)) {
      b.skip(line, `${host.name}: a vmknic entry without a vmkN name`);
      continue;
    }
    const v = vmknicOf(host, name.toLowerCase(), ref('vmknic', `${name} ${str(n['ipv4']) ?? ''}`));
    const pg = str(n['portGroup']);
    if (pg) v.portGroup = pg;
    const sw = str(n['switch']);
    if (sw) v.vswitch = sw;
    const dvPort = str(n['dvPort']);
    if (dvPort) v.dvPort = dvPort;
    const ip = ipv4(str(n['ipv4']));
    if (ip) v.ipv4 = ip;
    const mask = netmask(str(n['netmask']));
    if (mask) v.netmask = mask;
    const gw = ipv4(str(n['gateway']));
    if (gw && gw !== '0.0.0.0') v.gateway = gw;
    const dhcp = boolOf(n['dhcp']);
    if (dhcp !== undefined) v.addressType = dhcp ? 'DHCP' : 'STATIC';
    const v6 = arr(n['ipv6']).map(str).filter((x): x is string => x !== undefined && x.includes(':'));
    if (v6.length > 0) v.ipv6 = v6;
    const mac = str(n['mac']);
    if (mac) v.mac = mac.toLowerCase();
    const m = mtu(str(n['mtu']));
    if (m !== undefined) v.mtu = m;
    const stack = str(n['netstack']);
    if (stack) v.netstack = stack;
    const enabled = boolOf(n['enabled']);
    if (enabled !== undefined) v.enabled = enabled;
    // `tags: null` means the collector could not read them (left unknown); `[]` means no tags.
    if (Array.isArray(n['tags'])) {
      v.tags = (n['tags'] as unknown[]).map(str).filter((t): t is string => t !== undefined).map(normaliseTag);
      v.tagSource = 'tag-get';
    } else if (typeof n['tags'] === 'string') {
      v.tags = (n['tags'] as string).split(/[,\s]+/).filter(Boolean).map(normaliseTag);
      v.tagSource = 'tag-get';
    }
  }
}

function readStacks(host: HostFacts, list: unknown[]): void {
  const keys: string[] = [];
  for (const raw of list) {
    const s = obj(raw);
    const key = s ? str(s['key']) : typeof raw === 'string' ? str(raw) : undefined;
    if (!key) continue;
    keys.push(key);
    const gw = s ? ipv4(str(s['gateway'])) : undefined;
    if (key === 'defaultTcpipStack' && gw && gw !== '0.0.0.0') host.defaultGateway = gw;
  }
  if (keys.length > 0) host.netstacks = keys;
}

function readRoutes(b: FactsBuilder, host: HostFacts, list: unknown[], line: number, ref: RefOf): void {
  if (list.length === 0) return;
  const routes: Route[] = [];
  const order = new Map<string, number>();
  for (const raw of list) {
    const r = obj(raw);
    if (!r) {
      b.skip(line, `${host.name}: a route without network, netmask or interface`);
      continue;
    }
    const netstack = str(r['netstack']) ?? 'defaultTcpipStack';
    const network = str(r['network']);
    const net = network === 'default' ? '0.0.0.0' : ipv4(network);
    const prefix = num(r['prefix']);
    const mask = network === 'default' ? '0.0.0.0' : (netmask(str(r['netmask'])) ?? (prefix !== undefined ? netmask(String(prefix)) : undefined));
    const gateway = ipv4(str(r['gateway'])) ?? '0.0.0.0';
    const iface = str(r['interface']);
    if (net === undefined || mask === undefined || !iface) {
      b.skip(line, `${host.name}: a route without network, netmask or interface`);
      continue;
    }
    const n = order.get(netstack) ?? 0;
    order.set(netstack, n + 1);
    routes.push({ netstack, network: net, netmask: mask, gateway, interface: iface, order: n, evidence: ref('route', `${netstack} ${net}/${mask} via ${gateway} ${iface}`) });
    if (netstack === 'defaultTcpipStack' && net === '0.0.0.0' && mask === '0.0.0.0' && gateway !== '0.0.0.0') host.defaultGateway ??= gateway;
  }
  if (routes.length > 0) host.routes = routes;
}

function readAdvanced(b: FactsBuilder, host: HostFacts, list: unknown[], line: number, ref: RefOf): void {
  for (const raw of list) {
    const a = obj(raw);
    const name = a ? str(a['name']) : undefined;
    if (!a || !name) continue;
    // `value: null`: the option does not exist on this build (AutoBindVmknic after 7.0 U3d): nothing to record.
    if (a['value'] === null || a['value'] === undefined) continue;
    const value = num(a['value']) ?? (typeof a['value'] === 'string' ? (a['value'] as string).slice(0, 256) : undefined);
    if (value === undefined) {
      b.skip(line, `${host.name}: ${name.slice(0, 60)} has a value that is neither a number nor a string`);
      continue;
    }
    const def = num(a['default']) ?? (typeof a['default'] === 'string' ? (a['default'] as string).slice(0, 256) : undefined);
    const entry: AdvancedValue = { value, ...(def !== undefined ? { defaultValue: def } : {}), evidence: ref('advanced', `${name} = ${String(value)}`) };
    setAdvanced(host, advancedKey(name), entry);
  }
}

function readSwitches(host: HostFacts, list: unknown[], ref: RefOf): void {
  for (const raw of list) {
    const s = obj(raw);
    const name = s ? str(s['name']) : undefined;
    if (!s || !name) continue;
    const kind: SwitchFacts['kind'] = /dist|dvs|vds/i.test(str(s['kind']) ?? '') ? 'distributed' : 'standard';
    const m = mtu(str(s['mtu']));
    append(host, 'switches', {
      name,
      kind,
      ...(m !== undefined ? { mtu: m } : {}),
      uplinks: arr(s['uplinks']).map(str).filter((x): x is string => x !== undefined),
      portGroups: arr(s['portGroups'])
        .map((p) => {
          const o = obj(p);
          const pg = o ? str(o['name']) : str(p);
          const vlan = o ? num(o['vlan']) : undefined;
          const uplinks = o ? arr(o['uplinks']).map(str).filter((x): x is string => x !== undefined) : [];
          return pg ? { name: pg, ...(vlan !== undefined ? { vlan } : {}), uplinks } : undefined;
        })
        .filter((p): p is { name: string; vlan?: number; uplinks: string[] } => p !== undefined),
      dvPorts: [],
      evidence: ref('switch', `${name} mtu ${m ?? '?'}`),
    });
  }
}

function readNics(host: HostFacts, list: unknown[], ref: RefOf): void {
  for (const raw of list) {
    const n = obj(raw);
    const name = n ? str(n['name']) : undefined;
    if (!n || !name) continue;
    const m = mtu(str(n['mtu']));
    const linkUp = boolOf(n['linkUp']);
    const speed = num(n['speedMbps']);
    const nic: PhysicalNic = {
      name,
      ...(str(n['driver']) ? { driver: str(n['driver'])! } : {}),
      ...(linkUp !== undefined ? { linkUp } : {}),
      ...(speed !== undefined ? { speedMbps: speed } : {}),
      ...(m !== undefined ? { mtu: m } : {}),
      ...(str(n['mac']) ? { mac: str(n['mac'])!.toLowerCase() } : {}),
      evidence: ref('nic', `${name} mtu ${m ?? '?'}`),
    };
    append(host, 'nics', nic);
  }
}
