/**
 * RVTools exports (imports.md §1): the tabs the scan uses — vSC_VMK (VMkernel adapters), vHost (version, cluster),
 * vSwitch and vPort (standard switch MTU and port groups), dvSwitch and dvPort (distributed switches) — and
 * vMetaData (the RVTools version), from an xlsx sheet or a per-tab CSV. RVTools has no service-tag, TCP/IP-stack or
 * routing column: those stay unknown here and the scan says which export fills them.
 */
import type { EvidenceRef } from '../core/model/evidence.ts';
import type { ColumnSpec } from './headers.ts';
import { headerScore, locateColumns, normaliseHeader } from './headers.ts';
import type { FactsBuilder, SwitchFacts } from './facts.ts';
import { append, eachRow, none, rowRef, see, vmknicOf } from './facts.ts';
import type { Table, TableRow } from './table.ts';
import { bool, esxiVersion, integer, ipv4, ipv6List, list, lowerCase, mtu, netmask, text } from './values.ts';

/** All 4.x tab names (and 3.x vFloppy), to recognise an RVTools file even when its tab is not used. */
export const RVTOOLS_TABS = [
  'vInfo', 'vCPU', 'vMemory', 'vDisk', 'vPartition', 'vNetwork', 'vCD', 'vUSB', 'vSnapshot', 'vTools', 'vSource', 'vRP',
  'vCluster', 'vHost', 'vHBA', 'vNIC', 'vSwitch', 'vPort', 'dvSwitch', 'dvPort', 'vSC_VMK', 'vDatastore', 'vMultiPath',
  'vLicense', 'vFileInfo', 'vHealth', 'vMetaData', 'vFloppy',
] as const;

export type UsedTab = 'vSC_VMK' | 'vHost' | 'vSwitch' | 'vPort' | 'dvSwitch' | 'dvPort' | 'vMetaData';
export const USED_TABS: readonly UsedTab[] = ['vSC_VMK', 'vHost', 'vSwitch', 'vPort', 'dvSwitch', 'dvPort', 'vMetaData'];

const VCENTER: ColumnSpec<'vcenter'> = {
  key: 'vcenter',
  aliases: ['visdkserver', 'vcenter', 'vcenterserver', 'sdkserver', 'server'],
  display: 'VI SDK Server',
  leaves: 'the vCenter of each host (hosts of two vCenters with one name are then not told apart)',
};
const HOST: ColumnSpec<'host'> = { key: 'host', aliases: ['host', 'hostname', 'vmhost', 'esxhost', 'name'], display: 'Host', required: true };
const DATACENTER: ColumnSpec<'datacenter'> = { key: 'datacenter', aliases: ['datacenter', 'datacentre', 'dc'], display: 'Datacenter' };
const CLUSTER: ColumnSpec<'cluster'> = {
  key: 'cluster',
  aliases: ['cluster', 'clustername'],
  display: 'Cluster',
  leaves: 'the cluster of each host (hosts are then not paired)',
};

const VMK_SPECS = [
  HOST,
  DATACENTER,
  CLUSTER,
  { key: 'device', aliases: ['device', 'vmknic', 'interface', 'devicename', 'vmk'], display: 'Device', required: true },
  { key: 'portGroup', aliases: ['portgroup', 'portgroupname', 'network'], display: 'Port Group', leaves: 'the port group of each vmknic (its switch and switch MTU)' },
  { key: 'mac', aliases: ['macaddress', 'mac'], display: 'Mac Address' },
  { key: 'dhcp', aliases: ['dhcp', 'dhcpenabled'], display: 'DHCP' },
  { key: 'ip', aliases: ['ipaddress', 'ip', 'ipv4address', 'ipv4'], display: 'IP Address', leaves: 'the vmknic addresses (no subnet or route can be computed)' },
  { key: 'ipv6', aliases: ['ip6address', 'ipv6address', 'ipv6'], display: 'IP 6 Address' },
  { key: 'mask', aliases: ['subnetmask', 'netmask', 'mask', 'ipv4netmask', 'subnet'], display: 'Subnet mask', leaves: 'the vmknic subnets (same-subnet checks and route lookups)' },
  { key: 'gateway', aliases: ['gateway', 'defaultgateway', 'ipgateway', 'ipv4gateway'], display: 'Gateway' },
  { key: 'mtu', aliases: ['mtu'], display: 'MTU', leaves: 'the vmknic MTUs (MTU mismatches)' },
  // Not in the 4.x exports imports.md §1.2 verified; read when a version has it [U].
  { key: 'services', aliases: ['services', 'enabledservices', 'servicetags', 'tags'], display: 'Services', quiet: true },
  VCENTER,
] as const satisfies readonly ColumnSpec[];

const HOST_SPECS = [
  HOST,
  DATACENTER,
  CLUSTER,
  { key: 'version', aliases: ['esxversion', 'esxiversion', 'version', 'productfullname', 'fullname'], display: 'ESX Version', leaves: 'the ESXi version and build (binding defaults)' },
  { key: 'build', aliases: ['build', 'esxbuild', 'esxibuild'], display: 'Build', quiet: true },
  { key: 'maintenance', aliases: ['inmaintenancemode', 'maintenancemode'], display: 'in Maintenance Mode', quiet: true },
  VCENTER,
] as const satisfies readonly ColumnSpec[];

const SWITCH_SPECS = [
  HOST,
  DATACENTER,
  CLUSTER,
  { key: 'switch', aliases: ['switch', 'vswitch', 'switchname', 'name'], display: 'Switch', required: true },
  { key: 'mtu', aliases: ['mtu'], display: 'MTU', leaves: 'the standard switch MTUs' },
  VCENTER,
] as const satisfies readonly ColumnSpec[];

const PORT_SPECS = [
  HOST,
  DATACENTER,
  CLUSTER,
  { key: 'portGroup', aliases: ['portgroup', 'portgroupname', 'name'], display: 'Port Group', required: true },
  { key: 'switch', aliases: ['switch', 'vswitch', 'switchname'], display: 'Switch', required: true },
  { key: 'vlan', aliases: ['vlan', 'vlanid'], display: 'VLAN' },
  VCENTER,
] as const satisfies readonly ColumnSpec[];

const DVSWITCH_SPECS = [
  { key: 'switch', aliases: ['switch', 'dvswitch', 'name'], display: 'Switch', required: true },
  DATACENTER,
  { key: 'members', aliases: ['hostmembers', 'hosts', 'members'], display: 'Host members' },
  { key: 'mtu', aliases: ['maxmtu', 'mtu'], display: 'Max MTU', leaves: 'the distributed switch MTUs' },
  VCENTER,
] as const satisfies readonly ColumnSpec[];

const DVPORT_SPECS = [
  { key: 'port', aliases: ['port', 'portgroup', 'portgroupname', 'name'], display: 'Port', required: true },
  { key: 'switch', aliases: ['switch', 'dvswitch'], display: 'Switch', required: true },
  { key: 'vlan', aliases: ['vlan', 'vlanid'], display: 'VLAN' },
  VCENTER,
] as const satisfies readonly ColumnSpec[];

const META_SPECS = [
  { key: 'rvtools', aliases: ['rvtoolsversion', 'version'], display: 'RVTools version' },
  { key: 'major', aliases: ['rvtoolsmajorversion', 'majorversion'], display: 'RVTools major version' },
  { key: 'server', aliases: ['server', 'visdkserver'], display: 'Server' },
] as const satisfies readonly ColumnSpec[];

/** `RVTools_tabvSC_VMK.csv` → `vSC_VMK` (case-insensitive; the tab name must be a known one). */
export function tabFromFileName(name: string): string | undefined {
  const base = name.split(/[\\/]/).pop() ?? name;
  const m = /(?:^|_)tab([A-Za-z_]+?)(?:\s*\(\d+\))?\.csv$/i.exec(base);
  if (!m) return undefined;
  return RVTOOLS_TABS.find((t) => t.toLowerCase() === m[1]!.toLowerCase());
}

/** A tab name as a sheet title (xlsx) → the canonical spelling, if it is an RVTools tab. */
export function canonicalTab(name: string): string | undefined {
  const n = name.trim().toLowerCase();
  return RVTOOLS_TABS.find((t) => t.toLowerCase() === n);
}

/** Recognises a used tab from its header alone (a renamed CSV file). */
export function tabFromHeader(header: readonly string[]): UsedTab | undefined {
  const has = (aliases: string[], prefix?: string) => headerScore(header, aliases, prefix) === aliases.length;
  if (has(['host', 'device', 'ipaddress', 'subnetmask']) || has(['host', 'device', 'portgroup', 'mtu'], 'vscvmk')) return 'vSC_VMK';
  if (has(['host', 'esxversion']) || has(['name', 'esxversion'], 'vhost')) return 'vHost';
  if (has(['port', 'switch']) && !header.some((h) => normaliseHeader(h) === 'host')) return 'dvPort';
  if (has(['switch', 'hostmembers']) || has(['switch', 'maxmtu'])) return 'dvSwitch';
  if (has(['host', 'portgroup', 'switch', 'vlan'])) return 'vPort';
  if (has(['host', 'switch', 'mtu'])) return 'vSwitch';
  if (has(['rvtoolsversion']) || has(['rvtoolsmajorversion'])) return 'vMetaData';
  return undefined;
}

/** The DB-column-name prefix of a tab (`vHostCluster` → `cluster`). */
function prefixOf(tab: UsedTab): string {
  return normaliseHeader(tab);
}

function cell(row: TableRow, i: number | undefined): string | undefined {
  return i === undefined ? undefined : row.cells[i];
}

function report<K extends string>(b: FactsBuilder, tab: string, table: Table, specs: readonly ColumnSpec<K>[], workbook: boolean) {
  const loc = locateColumns(table.header, specs, prefixOf(tab as UsedTab));
  const label = (c: string) => (workbook ? `${tab}: ${c}` : c);
  for (const m of loc.missing) {
    b.missingColumns.push(label(m.display));
    if (m.leaves) b.notes.push(`${workbook ? `${tab}: ` : ''}no ${m.display} column: ${m.leaves} not known from this file.`);
  }
  if (loc.duplicates.length > 0) {
    b.notes.push(`${workbook ? `${tab}: ` : ''}column name${loc.duplicates.length > 1 ? 's' : ''} ${loc.duplicates.map((d) => `"${d}"`).join(', ')} appear${loc.duplicates.length > 1 ? '' : 's'} more than once (a custom attribute?): the first is used.`);
  }
  return loc;
}

/**
 * Reads one RVTools tab into the builder. Returns an error sentence when a required column is missing (the table
 * is not that tab after all); rows without a host or device are skipped with a reason.
 */
export function readRvtoolsTab(b: FactsBuilder, tab: UsedTab, table: Table, workbook: boolean): string | undefined {
  b.tabs.push(tab);
  switch (tab) {
    case 'vSC_VMK':
      return readVmk(b, table, workbook);
    case 'vHost':
      return readHost(b, table, workbook);
    case 'vSwitch':
      return readSwitch(b, table, workbook);
    case 'vPort':
      return readPort(b, table, workbook);
    case 'dvSwitch':
      return readDvSwitch(b, table, workbook);
    case 'dvPort':
      return readDvPort(b, table, workbook);
    case 'vMetaData':
      return readMeta(b, table);
  }
}

function requiredMissing(tab: string, loc: { missing: readonly ColumnSpec[] }): string | undefined {
  const req = loc.missing.filter((m) => m.required);
  return req.length > 0 ? `it has no ${req.map((m) => m.display).join(' or ')} column, so it is not an RVTools ${tab} tab` : undefined;
}

function readVmk(b: FactsBuilder, table: Table, workbook: boolean): string | undefined {
  const loc = report(b, 'vSC_VMK', table, VMK_SPECS, workbook);
  const bad = requiredMissing('vSC_VMK', loc);
  if (bad) return bad;
  const x = loc.index;
  const gateways = new Map<object, Set<string>>();
  for (const row of eachRow(b, table, x)) {
    const hostName = text(cell(row, x.host));
    const device = text(cell(row, x.device));
    if (!hostName || !device) {
      b.skip(row.line, hostName ? 'no Device (vmknic name)' : 'no Host name');
      continue;
    }
    if (!/^vmk\d+$/i.test(device)) {
      b.skip(row.line, `Device "${device.slice(0, 40)}" is not a vmknic name (vmkN)`);
      continue;
    }
    const ref = rowRef(table.file, row);
    const h = b.host(hostName, text(cell(row, x.vcenter)), ref);
    h.datacenter ??= text(cell(row, x.datacenter));
    h.cluster ??= text(cell(row, x.cluster));
    see(h, 'rvtools-vSC_VMK');
    const v = vmknicOf(h, lowerCase(device), ref);
    const pg = text(cell(row, x.portGroup));
    if (pg) v.portGroup = pg;
    const mac = text(cell(row, x.mac));
    if (mac) v.mac = lowerCase(mac);
    const ip = ipv4(cell(row, x.ip));
    if (ip) v.ipv4 = ip;
    else if (text(cell(row, x.ip))) b.skip(row.line, `IP Address "${text(cell(row, x.ip))!.slice(0, 40)}" is not an IPv4 address (the vmknic is kept without it)`);
    const mask = netmask(cell(row, x.mask));
    if (mask) v.netmask = mask;
    const m = mtu(cell(row, x.mtu));
    if (m !== undefined) v.mtu = m;
    const dhcp = bool(cell(row, x.dhcp));
    if (dhcp !== undefined) v.addressType = dhcp ? 'DHCP' : 'STATIC';
    const v6 = ipv6List(cell(row, x.ipv6));
    if (v6.length > 0) v.ipv6 = v6;
    const services = text(cell(row, x.services));
    if (services !== undefined) {
      const tags = serviceTags(services);
      if (tags) {
        v.tags = tags;
        v.tagSource = 'export';
      } else b.skip(row.line, `Services "${services.slice(0, 60)}" is not a list of vmknic services: the tags of ${device} stay unknown`);
    }
    // `Gateway` repeats the host's default gateway on every row [I imports.md §1.2]: kept as the default gateway
    // only when all rows of the host agree.
    const gw = ipv4(cell(row, x.gateway));
    if (gw && gw !== '0.0.0.0') {
      const set = gateways.get(h) ?? new Set<string>();
      set.add(gw);
      gateways.set(h, set);
    }
  }
  for (const [h, set] of gateways) {
    const host = h as ReturnType<FactsBuilder['host']>;
    if (set.size === 1) host.defaultGateway = [...set][0]!;
    else b.notes.push(`${host.name}: the Gateway column differs between its vmknics (${[...set].join(', ')}): no default gateway taken.`);
  }
  if (x.services === undefined) b.notes.push('RVTools has no service-tag or TCP/IP-stack column: which vmknic carries vMotion is not known from this file.');
  else b.notes.push('the Services column was read as the vmknic service tags (the RVTools 4.x exports checked have no such column, so its meaning is inferred from its name and values); RVTools has no TCP/IP-stack column.');
  return undefined;
}

/** Service names as a UI writes them → esxcli tags; undefined when a word is not a known service. */
const SERVICE_WORDS: readonly [RegExp, string][] = [
  [/^v-?motion$/i, 'VMotion'],
  [/^management$/i, 'Management'],
  [/^(?:vsphere\s*)?provisioning$/i, 'vSphereProvisioning'],
  [/^(?:ft(?:\s*logging)?|fault\s*tolerance(?:\s*logging)?)$/i, 'faultToleranceLogging'],
  [/^vsan\s*witness$/i, 'VSANWitness'],
  [/^vsan$/i, 'VSAN'],
  [/^(?:vsphere\s*)?replication\s*nfc$/i, 'vSphereReplicationNFC'],
  [/^(?:vsphere\s*)?replication$/i, 'vSphereReplication'],
  [/^(?:vsphere\s*)?backup\s*nfc$/i, 'vSphereBackupNFC'],
  [/^(?:nvme\s*over\s*tcp|nvmetcp)$/i, 'NVMeTCP'],
  [/^(?:nvme\s*over\s*rdma|nvmerdma)$/i, 'NVMeRDMA'],
  [/^ptp$/i, 'PTP'],
];

function serviceTags(cellText: string): string[] | undefined {
  if (/^(?:none|-)$/i.test(cellText)) return [];
  const out: string[] = [];
  for (const word of cellText.split(/[,;|]/).map((w) => w.trim()).filter(Boolean)) {
    const hit = SERVICE_WORDS.find(([re]) => re.test(word));
    if (!hit) return undefined;
    if (!out.includes(hit[1])) out.push(hit[1]);
  }
  return out;
}

function readHost(b: FactsBuilder, table: Table, workbook: boolean): string | undefined {
  const loc = report(b, 'vHost', table, HOST_SPECS, workbook);
  const bad = requiredMissing('vHost', loc);
  if (bad) return bad;
  const x = loc.index;
  for (const row of eachRow(b, table, x)) {
    const hostName = text(cell(row, x.host));
    if (!hostName) {
      b.skip(row.line, 'no Host name');
      continue;
    }
    const ref = rowRef(table.file, row);
    const h = b.host(hostName, text(cell(row, x.vcenter)), ref);
    h.datacenter ??= text(cell(row, x.datacenter));
    h.cluster ??= text(cell(row, x.cluster));
    see(h, 'rvtools-vHost');
    const version = esxiVersion(cell(row, x.version), cell(row, x.build), ref);
    if (version) h.version = version;
    else if (text(cell(row, x.version))) b.skip(row.line, `ESX Version "${text(cell(row, x.version))!.slice(0, 60)}" is not an ESXi version (the host is kept without it)`);
  }
  return undefined;
}

function addPortGroup(sw: SwitchFacts, name: string, vlan: number | undefined): void {
  for (const p of sw.portGroups) if (p.name === name) return;
  append(sw, 'portGroups', { name, ...(vlan !== undefined ? { vlan } : {}), uplinks: none<string>() });
}

/**
 * A switch made by a constructor, as HostDraft in facts.ts. Its MTU, set after it exists, stays in the object only
 * when the first switches V8 sized the class by had one: read after a vPort tab (no MTU), as in the bench estate, the
 * vSwitch tab's switches keep their MTU in a property store of its own (10,000 for 5,000 hosts, 0.4 MB).
 */
class SwitchDraft implements SwitchFacts {
  declare mtu?: number;
  uplinks: string[] = none();
  portGroups: SwitchFacts['portGroups'] = none();
  dvPorts: SwitchFacts['dvPorts'] = none();

  constructor(
    public name: string,
    public kind: SwitchFacts['kind'],
    public evidence: SwitchFacts['evidence'],
  ) {}
}

/** The host's switch of that name; `evidence` (or the row, cut only for a new switch) names its source. */
function switchOf(h: { switches: SwitchFacts[] }, name: string, kind: SwitchFacts['kind'], file: string, evidence: EvidenceRef | TableRow): SwitchFacts {
  let sw: SwitchFacts | undefined;
  for (const s of h.switches) if (s.name === name) sw = s;
  if (!sw) {
    sw = new SwitchDraft(name, kind, 'cells' in evidence ? rowRef(file, evidence) : evidence);
    append(h, 'switches', sw);
  }
  return sw;
}

function readSwitch(b: FactsBuilder, table: Table, workbook: boolean): string | undefined {
  const loc = report(b, 'vSwitch', table, SWITCH_SPECS, workbook);
  const bad = requiredMissing('vSwitch', loc);
  if (bad) return bad;
  const x = loc.index;
  for (const row of eachRow(b, table, x)) {
    const hostName = text(cell(row, x.host));
    const name = text(cell(row, x.switch));
    if (!hostName || !name) {
      b.skip(row.line, hostName ? 'no Switch name' : 'no Host name');
      continue;
    }
    const ref = rowRef(table.file, row);
    const h = b.host(hostName, text(cell(row, x.vcenter)), ref);
    h.datacenter ??= text(cell(row, x.datacenter));
    h.cluster ??= text(cell(row, x.cluster));
    see(h, 'rvtools-vSwitch');
    const sw = switchOf(h, name, 'standard', table.file, ref);
    const m = mtu(cell(row, x.mtu));
    if (m !== undefined) sw.mtu = m;
  }
  return undefined;
}

function readPort(b: FactsBuilder, table: Table, workbook: boolean): string | undefined {
  const loc = report(b, 'vPort', table, PORT_SPECS, workbook);
  const bad = requiredMissing('vPort', loc);
  if (bad) return bad;
  const x = loc.index;
  for (const row of eachRow(b, table, x)) {
    const hostName = text(cell(row, x.host));
    const pg = text(cell(row, x.portGroup));
    const sw = text(cell(row, x.switch));
    if (!hostName || !pg || !sw) {
      b.skip(row.line, !hostName ? 'no Host name' : !pg ? 'no Port Group name' : 'no Switch name');
      continue;
    }
    // 40,000 rows for 5,000 hosts: the evidence line is cut only for a new host or switch.
    const h = b.host(hostName, text(cell(row, x.vcenter)), row);
    h.datacenter ??= text(cell(row, x.datacenter));
    h.cluster ??= text(cell(row, x.cluster));
    see(h, 'rvtools-vPort');
    addPortGroup(switchOf(h, sw, 'standard', table.file, row), pg, integer(cell(row, x.vlan)));
  }
  return undefined;
}

function readDvSwitch(b: FactsBuilder, table: Table, workbook: boolean): string | undefined {
  const loc = report(b, 'dvSwitch', table, DVSWITCH_SPECS, workbook);
  const bad = requiredMissing('dvSwitch', loc);
  if (bad) return bad;
  const x = loc.index;
  for (const row of eachRow(b, table, x)) {
    const name = text(cell(row, x.switch));
    if (!name) {
      b.skip(row.line, 'no Switch name');
      continue;
    }
    const m = mtu(cell(row, x.mtu));
    const vcenter = text(cell(row, x.vcenter));
    const datacenter = text(cell(row, x.datacenter));
    b.dvSwitches.push({
      name,
      ...(vcenter ? { vcenter } : {}),
      ...(datacenter ? { datacenter } : {}),
      ...(m !== undefined ? { mtu: m } : {}),
      members: list(cell(row, x.members)),
      evidence: rowRef(table.file, row),
    });
  }
  return undefined;
}

function readDvPort(b: FactsBuilder, table: Table, workbook: boolean): string | undefined {
  const loc = report(b, 'dvPort', table, DVPORT_SPECS, workbook);
  const bad = requiredMissing('dvPort', loc);
  if (bad) return bad;
  const x = loc.index;
  for (const row of eachRow(b, table, x)) {
    const name = text(cell(row, x.port));
    const sw = text(cell(row, x.switch));
    if (!name || !sw) {
      b.skip(row.line, name ? 'no Switch name' : 'no Port (port-group) name');
      continue;
    }
    const vcenter = text(cell(row, x.vcenter));
    const vlan = integer(cell(row, x.vlan));
    b.dvPortGroups.push({
      name,
      switch: sw,
      ...(vcenter ? { vcenter } : {}),
      ...(vlan !== undefined ? { vlan } : {}),
      evidence: rowRef(table.file, row),
    });
  }
  return undefined;
}

function readMeta(b: FactsBuilder, table: Table): string | undefined {
  const loc = locateColumns(table.header, META_SPECS, 'vmetadata');
  // The first row's value, read while it is the current row (eachRow's rows are transient).
  let v: string | undefined;
  let first = true;
  for (const row of eachRow(b, table, loc.index)) {
    if (first) v = text(cell(row, loc.index.rvtools)) ?? text(cell(row, loc.index.major));
    first = false;
  }
  if (v) b.version = `RVTools ${v.replace(/^RVTools\s*/i, '')}`;
  return undefined;
}
