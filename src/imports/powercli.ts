/**
 * PowerCLI exports (imports.md §2), as CSV or JSON (both arrive here as a Table):
 *   - `Get-VMHostNetworkAdapter -VMKernel`: vmknics with their service flags (the tags), IP, mask, MTU, port group;
 *     a `NetStack` column only when the script added one (the stack is not a flat property, §2.1);
 *   - `Get-AdvancedSetting -Name Migrate.BindToVmknic` (or any Migrate./Net. option): Entity, Name, Value;
 *   - the ESXCLI v2 tag output (`$esxcli.network.ip.interface.tag.get.Invoke(…)` per vmknic, exported with the host
 *     and interface added): host, interface, Tags.
 * Admins export `Select-Object` subsets, so every column may be absent; casing varies (matched case-insensitively).
 */
import { advancedKey } from '../parsers/assemble.ts';
import { normaliseTag, splitTags } from '../parsers/tags.ts';
import type { ServiceTag } from '../core/model/host.ts';
import type { ColumnSpec } from './headers.ts';
import { headerScore, locateColumns } from './headers.ts';
import type { FactsBuilder } from './facts.ts';
import { eachRow, rowRef, see, setAdvanced, vmknicOf } from './facts.ts';
import type { Table, TableRow } from './table.ts';
import { bool, integer, ipv4, ipv6List, lowerCase, mtu, netmask, text } from './values.ts';

const VMHOST: ColumnSpec<'host'> = { key: 'host', aliases: ['vmhost', 'host', 'vmhostname', 'hostname', 'esxhost'], display: 'VMHost', required: true };

/** PowerCLI service flags → esxcli tag spelling (domain.md §1.3). */
const FLAG_TAGS = [
  ['management', ['managementtrafficenabled', 'managementenabled'], 'Management', 'ManagementTrafficEnabled'],
  ['vmotion', ['vmotionenabled'], 'VMotion', 'VMotionEnabled'],
  ['provisioning', ['provisioningenabled', 'vsphereprovisioningenabled'], 'vSphereProvisioning', 'ProvisioningEnabled'],
  ['ft', ['faulttoleranceloggingenabled', 'ftloggingenabled'], 'faultToleranceLogging', 'FaultToleranceLoggingEnabled'],
  ['vsan', ['vsantrafficenabled', 'vsanenabled'], 'VSAN', 'VsanTrafficEnabled'],
  ['replication', ['vspherereplicationenabled'], 'vSphereReplication', 'VSphereReplicationEnabled'],
  ['replicationNfc', ['vspherereplicationnfcenabled'], 'vSphereReplicationNFC', 'VSphereReplicationNFCEnabled'],
  ['backupNfc', ['vspherebackupnfcenabled'], 'vSphereBackupNFC', 'VSphereBackupNFCEnabled'],
] as const;

type FlagKey = (typeof FLAG_TAGS)[number][0];

const VMK_SPECS: readonly ColumnSpec[] = [
  VMHOST,
  { key: 'device', aliases: ['name', 'devicename', 'device', 'interface', 'interfacename'], display: 'Name', required: true },
  { key: 'portGroup', aliases: ['portgroupname', 'portgroup', 'network'], display: 'PortGroupName', leaves: 'the port group of each vmknic' },
  { key: 'ip', aliases: ['ip', 'ipaddress', 'ipv4', 'ipv4address'], display: 'IP', leaves: 'the vmknic addresses' },
  { key: 'mask', aliases: ['subnetmask', 'netmask', 'ipv4netmask'], display: 'SubnetMask', leaves: 'the vmknic subnets' },
  { key: 'mac', aliases: ['mac', 'macaddress'], display: 'Mac', quiet: true },
  { key: 'dhcp', aliases: ['dhcpenabled', 'dhcp'], display: 'DhcpEnabled', quiet: true },
  { key: 'ipv6', aliases: ['ipv6', 'ipv6address'], display: 'IPv6', quiet: true },
  { key: 'mtu', aliases: ['mtu'], display: 'Mtu', leaves: 'the vmknic MTUs' },
  { key: 'netstack', aliases: ['netstack', 'netstackinstance', 'netstackinstancekey', 'tcpipstack', 'stack'], display: 'NetStack', quiet: true },
  { key: 'enabled', aliases: ['enabled'], display: 'Enabled', quiet: true },
  ...FLAG_TAGS.map(([key, aliases, , display]) => ({
    key,
    aliases,
    display,
    ...(key === 'vmotion' || key === 'management' ? { leaves: `which vmknic carries ${key === 'vmotion' ? 'vMotion' : 'management'}` } : key === 'provisioning' ? {} : { quiet: true }),
  })),
];

const ADV_SPECS: readonly ColumnSpec[] = [
  { key: 'entity', aliases: ['entity', 'vmhost', 'host', 'hostname', 'entityname'], display: 'Entity', required: true },
  { key: 'name', aliases: ['name', 'key', 'setting', 'option', 'path'], display: 'Name', required: true },
  { key: 'value', aliases: ['value', 'intvalue', 'currentvalue'], display: 'Value', required: true },
  { key: 'default', aliases: ['defaultvalue', 'defaultintvalue', 'default'], display: 'DefaultValue', quiet: true },
];

const TAG_SPECS: readonly ColumnSpec[] = [
  VMHOST,
  { key: 'device', aliases: ['interface', 'interfacename', 'name', 'device', 'vmknic'], display: 'Interface', required: true },
  { key: 'tags', aliases: ['tags', 'tag', 'servicetags'], display: 'Tags', required: true },
];

export type PowercliKind = 'vmk' | 'advanced' | 'tags';

/** Which PowerCLI export a header belongs to, if any. */
export function powercliKind(header: readonly string[]): PowercliKind | undefined {
  if (headerScore(header, ['tags']) === 1 && headerScore(header, ['vmhost', 'host', 'vmhostname', 'hostname']) >= 1 && !header.some((h) => /enabled$/i.test(h.trim()))) return 'tags';
  // Name and Value: an advanced-setting export (without Entity it is refused later, with the reason).
  if (headerScore(header, ['name', 'value']) === 2) return 'advanced';
  const flags = FLAG_TAGS.filter(([, aliases]) => headerScore(header, [...aliases]) > 0).length;
  const shape = headerScore(header, ['portgroupname', 'subnetmask', 'devicename', 'ip', 'mtu', 'mac', 'dhcpenabled']);
  if (flags >= 1 || shape >= 3) return 'vmk';
  return undefined;
}

function cell(row: TableRow, i: number | undefined): string | undefined {
  return i === undefined ? undefined : row.cells[i];
}

function start(b: FactsBuilder, table: Table, specs: readonly ColumnSpec[]) {
  const loc = locateColumns(table.header, specs);
  for (const m of loc.missing) {
    b.missingColumns.push(m.display);
    if (m.leaves) b.notes.push(`no ${m.display} column: ${m.leaves} not known from this file.`);
  }
  if (loc.duplicates.length > 0) b.notes.push(`column names ${loc.duplicates.map((d) => `"${d}"`).join(', ')} appear more than once: the first is used.`);
  if (table.typeName) b.version = `#TYPE ${table.typeName.slice(0, 120)}`;
  const req = loc.missing.filter((m) => m.required);
  return { index: loc.index as Record<string, number | undefined>, missingRequired: req.map((m) => m.display) };
}

/**
 * One frozen tag list per combination of flags, shared by every vmknic of the file with that combination: a file
 * has a handful (management; vMotion; vSAN; none), and a list per row was 27,000 arrays for 5,000 hosts, each with
 * room for 17 tags, kept until the merge (which copies the list it takes).
 */
class TagLists {
  private readonly made = new Map<number, readonly ServiceTag[]>();

  constructor(private readonly tags: readonly ServiceTag[]) {}

  /** The tags whose bit is set in `mask` (bit f: flag column f), in column order. */
  of(mask: number): readonly ServiceTag[] {
    let list = this.made.get(mask);
    if (list === undefined) {
      list = Object.freeze(this.tags.filter((_, f) => (mask & (1 << f)) !== 0));
      this.made.set(mask, list);
    }
    return list;
  }
}

export function readPowercliVmk(b: FactsBuilder, table: Table, format: string): string | undefined {
  const { index: x, missingRequired } = start(b, table, VMK_SPECS);
  if (missingRequired.length > 0) return `it has no ${missingRequired.join(' or ')} column, so it is not a Get-VMHostNetworkAdapter export`;
  const flags = FLAG_TAGS.filter(([key]) => x[key] !== undefined);
  // The flags as parallel lists (column, tag), read by index in the row loop.
  const flagColumns = flags.map(([key]) => x[key as FlagKey]!);
  const flagTags: ServiceTag[] = flags.map(([, , tag]) => tag);
  const vmotionFlag = flags.findIndex(([key]) => key === 'vmotion');
  const tagLists = new TagLists(flagTags);
  const hasVmotion = x['vmotion'] !== undefined;
  if (flags.length > 0 && !hasVmotion) b.notes.push('no VMotionEnabled column: the tags read from the other flags do not say which vmknic carries vMotion.');
  if (flags.length > 0 && x['provisioning'] === undefined) {
    b.notes.push('no ProvisioningEnabled column (older PowerCLI): provisioning tags are read as absent.');
  }
  if (x['netstack'] === undefined) b.notes.push('no NetStack column: the TCP/IP stack is not a plain property of the PowerCLI VMkernel adapter objects, so it stays unknown.');
  for (const row of eachRow(b, table, x)) {
    const hostName = text(cell(row, x['host']));
    const device = text(cell(row, x['device']));
    if (!hostName || !device) {
      b.skip(row.line, hostName ? 'no vmknic Name' : 'no VMHost');
      continue;
    }
    if (!/^vmk\d+$/i.test(device)) {
      b.skip(row.line, `"${device.slice(0, 40)}" is not a vmknic name (vmkN)`);
      continue;
    }
    const ref = rowRef(table.file, row);
    const h = b.host(hostName, undefined, ref);
    see(h, format);
    const v = vmknicOf(h, lowerCase(device), ref);
    const pg = text(cell(row, x['portGroup']));
    if (pg) v.portGroup = pg;
    const ip = ipv4(cell(row, x['ip']));
    if (ip) v.ipv4 = ip;
    const mask = netmask(cell(row, x['mask']));
    if (mask) v.netmask = mask;
    const mac = text(cell(row, x['mac']));
    if (mac) v.mac = lowerCase(mac);
    const m = mtu(cell(row, x['mtu']));
    if (m !== undefined) v.mtu = m;
    const dhcp = bool(cell(row, x['dhcp']));
    if (dhcp !== undefined) v.addressType = dhcp ? 'DHCP' : 'STATIC';
    const v6 = ipv6List(cell(row, x['ipv6']));
    if (v6.length > 0) v.ipv6 = v6;
    const stack = text(cell(row, x['netstack']));
    if (stack) v.netstack = stack;
    const enabled = bool(cell(row, x['enabled']));
    if (enabled !== undefined) v.enabled = enabled;
    // Tags only when the export has the VMotionEnabled flag: a list without it would claim "no vMotion".
    if (hasVmotion) {
      let mask = 0;
      let readable = true;
      for (let f = 0; f < flagColumns.length; f++) {
        const value = bool(row.cells[flagColumns[f]!]);
        if (value === undefined && f === vmotionFlag) readable = false;
        if (value) mask |= 1 << f;
      }
      if (readable) {
        v.tags = tagLists.of(mask);
        v.tagSource = 'export';
      } else b.skip(row.line, `VMotionEnabled "${(cell(row, x['vmotion']) ?? '').slice(0, 20)}" is not True or False: the tags of ${device} stay unknown`);
    }
  }
  return undefined;
}

export function readPowercliAdvanced(b: FactsBuilder, table: Table, format: string): string | undefined {
  const { index: x, missingRequired } = start(b, table, ADV_SPECS);
  if (missingRequired.length > 0) {
    return missingRequired.includes('Entity')
      ? 'it has no Entity column, so a setting cannot be tied to a host (export with Select-Object Entity, Name, Value)'
      : `it has no ${missingRequired.join(' or ')} column, so it is not a Get-AdvancedSetting export`;
  }
  for (const row of eachRow(b, table, x)) {
    const hostName = text(cell(row, x['entity']));
    const name = text(cell(row, x['name']));
    const raw = text(cell(row, x['value']));
    if (!hostName || !name) {
      b.skip(row.line, hostName ? 'no setting Name' : 'no Entity (host)');
      continue;
    }
    const ref = rowRef(table.file, row);
    const key = advancedKey(name);
    if (!/^\/(Migrate|Net|FT)\//i.test(key)) {
      b.skip(row.line, `${name.slice(0, 60)} is not a setting the analysis uses`);
      continue;
    }
    const numeric = integer(raw);
    const value: number | string | undefined = numeric ?? raw ?? (key === '/Migrate/Vmknic' || key === '/Net/ProvisioningVmknics' ? '' : undefined);
    if (value === undefined) {
      b.skip(row.line, `no value for ${name}`);
      continue;
    }
    const h = b.host(hostName, undefined, ref);
    see(h, format);
    const def = integer(cell(row, x['default']));
    setAdvanced(h, key, { value, ...(def !== undefined ? { defaultValue: def } : {}), evidence: ref });
  }
  return undefined;
}

export function readEsxcliTags(b: FactsBuilder, table: Table, format: string): string | undefined {
  const { index: x, missingRequired } = start(b, table, TAG_SPECS);
  if (missingRequired.length > 0) return `it has no ${missingRequired.join(' or ')} column, so it is not an ESXCLI tag export`;
  for (const row of eachRow(b, table, x)) {
    const hostName = text(cell(row, x['host']));
    const device = text(cell(row, x['device']));
    if (!hostName || !device || !/^vmk\d+$/i.test(device)) {
      b.skip(row.line, !hostName ? 'no host' : 'no vmknic name (vmkN)');
      continue;
    }
    const rawTags = (cell(row, x['tags']) ?? '').trim();
    // Exported without -join, the string array becomes "System.String[]" (imports.md §2.4): no tags can be read.
    if (/^System\.(String|Object)\[\]$/i.test(rawTags)) {
      b.skip(row.line, 'Tags is "System.String[]": export the tags with -join \',\'');
      continue;
    }
    if (rawTags.length > 4096) {
      b.skip(row.line, 'Tags cell too long to be a tag list');
      continue;
    }
    const ref = rowRef(table.file, row);
    const h = b.host(hostName, undefined, ref);
    see(h, format);
    const v = vmknicOf(h, lowerCase(device), ref);
    v.tags = splitTags(rawTags.replace(/^Tags:\s*/i, '').replace(/^[[{(]|[\]})]$/g, '').replace(/"/g, '')).map(normaliseTag);
    v.tagSource = 'tag-get';
  }
  return undefined;
}
