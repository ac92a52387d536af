/**
 * The imported hosts of a case (version 3): each host read from a support bundle or opened from the estate Scan view,
 * kept as its model, past migrations, gaps and warnings (src/core/model/imported.ts) rather than as the bundle or
 * export it came from — a bundle is hundreds of MB, the model with its log lines a few KB.
 *
 * A case file is hostile input like any other: every record is checked field by field (required fields by type,
 * optional ones by type when present, enumerations by value, lists capped), and the first wrong value gives one
 * sentence naming the imported host and the field's path. The declarations below are also the writer's key order.
 */
import type { EvidenceRef, ParseWarning } from '../model/evidence.ts';
import type { AdvancedValue, HostModel, HostVersion, PhysicalNic, PingResult, Route, Vmknic, VSwitch, VSwitchPortGroup } from '../model/host.ts';
import type { ImportedHost, ImportGap } from '../model/imported.ts';
import type { ObservedMigration } from '../observed.ts';
import { describeValue, FieldError, isObject } from './read.ts';
import { bool, listOf, number, oneOf, optional, recordOf, shape, text, textOrNull, textOrNumber } from './schema.ts';

/**
 * Caps, generous for what a real host has, small enough that a hostile file cannot make opening it slow: FEW for
 * what a host has by the handful (vmknics, uplinks, tags), MANY for what grows with logs and tables (routes,
 * advanced options, log lines). A bundle keeps at most 20,000 log lines per host (src/bundles/limits.ts).
 */
const FEW = 1_000;
const MANY = 100_000;
/** Hosts in one case: a whole vCenter export (src/bundles caps one at 1,000 host bundles), with room to spare. */
export const MAX_IMPORTED_HOSTS = 10_000;

const evidenceRef = shape<EvidenceRef>('evidence lines', { file: text, line: number, text });

const vmknic = shape<Vmknic>('VMkernel adapters', {
  name: text,
  portGroup: optional(text),
  dvPort: optional(text),
  ipv4: optional(text),
  netmask: optional(text),
  ipv6: listOf(text, FEW),
  mac: optional(text),
  mtu: optional(number),
  netstack: optional(text),
  tags: optional(listOf(text, FEW)),
  tagSource: optional(oneOf(['tag-get', 'netconfig', 'esx.conf', 'advanced', 'export'])),
  enabled: optional(bool),
  addressType: optional(oneOf(['STATIC', 'DHCP', 'NONE'])),
  gateway: optional(text),
  vswitch: optional(text),
  evidence: listOf(evidenceRef, MANY),
});

const route = shape<Route>('routes', { netstack: text, network: text, netmask: text, gateway: text, interface: text, order: number, evidence: evidenceRef });

const portGroup = shape<VSwitchPortGroup>('port groups', { name: text, vlan: optional(number), uplinks: listOf(text, FEW) });

const vswitch = shape<VSwitch>('virtual switches', {
  name: text,
  kind: oneOf(['standard', 'distributed']),
  mtu: optional(number),
  uplinks: listOf(text, FEW),
  portGroups: listOf(portGroup, MANY),
  dvPorts: listOf(shape<VSwitch['dvPorts'][number]>('DVPorts', { id: text, client: text }), MANY),
  evidence: evidenceRef,
});

const physicalNic = shape<PhysicalNic>('physical NICs', {
  name: text,
  driver: optional(text),
  linkUp: optional(bool),
  speedMbps: optional(number),
  duplex: optional(text),
  mac: optional(text),
  mtu: optional(number),
  description: optional(text),
  evidence: evidenceRef,
});

const hostVersion = shape<HostVersion>('versions', { product: text, version: text, update: optional(text), build: optional(text), evidence: listOf(evidenceRef, FEW) });

const advancedValue = shape<AdvancedValue>('advanced option values', { value: textOrNumber, defaultValue: optional(textOrNumber), evidence: evidenceRef });

const ping = shape<PingResult>('vmkping results', {
  vmknic: optional(text),
  netstack: optional(text),
  dontFragment: bool,
  size: number,
  target: text,
  answered: bool,
  messageTooLong: bool,
  evidence: evidenceRef,
});

const hostModel = shape<HostModel>('host models', {
  name: text,
  nameAssumed: bool,
  version: optional(hostVersion),
  defaultGateway: optional(text),
  vmknics: listOf(vmknic, FEW),
  routes: listOf(route, MANY),
  netstacks: optional(listOf(text, FEW)),
  vswitches: listOf(vswitch, FEW),
  nics: listOf(physicalNic, FEW),
  advanced: recordOf(advancedValue, MANY),
  advancedAtDefault: optional(recordOf(evidenceRef, MANY)),
  netconfigSelectedVnic: optional(textOrNull),
  pings: optional(listOf(ping, MANY)),
  commandsSeen: listOf(text, FEW),
});

const migrationProof = shape<NonNullable<ObservedMigration['proof']>>('migration proofs', {
  addresses: listOf(evidenceRef, MANY),
  direction: listOf(evidenceRef, MANY),
  failure: listOf(evidenceRef, MANY),
});

const observedMigration = shape<ObservedMigration>('past migrations', {
  host: text,
  traffic: oneOf(['vmotion', 'nfc']),
  id: optional(text),
  vm: optional(text),
  time: optional(text),
  lastTime: optional(text),
  direction: oneOf(['outgoing', 'incoming', 'unknown']),
  sourceAddresses: listOf(text, FEW),
  destAddresses: listOf(text, FEW),
  encrypted: oneOf(['yes', 'no', 'unknown']),
  outcome: oneOf(['failed', 'no-failure-logged']),
  count: optional(number),
  evidence: listOf(evidenceRef, MANY),
  proof: optional(migrationProof),
});

const importedHost = shape<ImportedHost>('imported hosts', {
  id: text,
  origin: oneOf(['bundle', 'estate']),
  file: text,
  detail: optional(text),
  model: hostModel,
  observed: listOf(observedMigration, MANY),
  gaps: listOf(shape<ImportGap>('gaps', { fact: text, fill: text }), FEW),
  warnings: listOf(shape<ParseWarning>('warnings', { file: text, line: number, message: text }), MANY),
});

/** ` (esx02)` when the record's model names its host, so the message points at a host the user knows. */
function nameOf(item: unknown): string {
  if (!isObject(item) || !Object.prototype.hasOwnProperty.call(item, 'model')) return '';
  const model = item.model;
  if (!isObject(model) || !Object.prototype.hasOwnProperty.call(model, 'name')) return '';
  const name = model.name;
  if (typeof name !== 'string' || name.trim() === '') return '';
  return ` (${name.length > 40 ? `${name.slice(0, 37)}…` : name})`;
}

/**
 * Reads the `imported` list of a version 3 case. Hosts are counted from 1 in messages ("imported host 2"), the
 * field path is the host record's own (`model.vmknics[0].ipv6`). Ids must be unique and not empty, as the app keys
 * the hosts by them.
 */
export function readImported(raw: unknown): ImportedHost[] {
  if (!Array.isArray(raw)) throw new FieldError(`"imported" must be a list of imported hosts, found ${describeValue(raw)}`);
  if (raw.length > MAX_IMPORTED_HOSTS) throw new FieldError(`"imported" holds ${raw.length} hosts, more than the ${MAX_IMPORTED_HOSTS} a case keeps`);
  const ids = new Set<string>();
  return raw.map((item, i) => {
    const label = `imported host ${i + 1}${nameOf(item)}`;
    if (!isObject(item)) throw new FieldError(`${label} must be an object, found ${describeValue(item)}`);
    let host: ImportedHost;
    try {
      host = importedHost.read(item, '');
    } catch (e) {
      if (e instanceof FieldError) throw new FieldError(`${label}: ${e.message}`);
      throw e;
    }
    if (host.id === '') throw new FieldError(`${label}: "id" must not be empty`);
    if (ids.has(host.id)) throw new FieldError(`${label}: "id" repeats the id "${host.id.slice(0, 40)}" of an earlier imported host`);
    ids.add(host.id);
    return host;
  });
}

/** The imported hosts as plain JSON, keys in declared order (the same hosts always give the same bytes). */
export function writeImported(hosts: readonly ImportedHost[]): unknown[] {
  return hosts.map((h) => importedHost.write(h));
}
