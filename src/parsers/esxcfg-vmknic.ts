/**
 * `esxcfg-vmknic -l` (domain.md §4.1): one row per (vmknic, address family).
 *
 * Layouts seen: (a) 6.5+ with `Port Group/DVPort/Opaque Network` and `NetStack`; (b) 5.5/6.0 with
 * `Port Group/DVPort` and no NetStack; (c) 5.0 squeezed by a blog (`Port_Group`, `IP_Family`); ESX/ESXi 4.x
 * without IP Family, Broadcast or TSO MSS. Columns come from the header of the block (columns.ts), so other widths
 * (IP Address 25 or 40 wide) and longer values that push cells right read the same way. IPv6 rows repeat the
 * vmknic with a prefix length in Netmask and an empty Broadcast. The port-group cell may hold a DVPort number or
 * an NSX UUID (`portGroupKind`).
 */
import type { VmknicRow } from './records.ts';
import { fail, ok, refOf } from './types.ts';
import type { CommandParser, ParserWarning } from './types.ts';
import { cellRefusal, hasColumn, headerAt, noHeader, readTable, rowRefusal } from './columns.ts';
import type { ColumnSpec, TableRow, TableVocabulary } from './columns.ts';
import {
  commandWords,
  definedOnly,
  isBoolWord,
  isIdentifier,
  isIpv4,
  isIpv4Mask,
  isIpv6,
  isMac,
  orNotApplicable,
  isUnsignedInt,
  isUuid,
  isVmkName,
  readBoolWord,
  readOptions,
  readUnsignedInt,
  shownValue,
} from './values.ts';

type Key =
  | 'interface'
  | 'portGroup'
  | 'family'
  | 'address'
  | 'netmask'
  | 'broadcast'
  | 'mac'
  | 'mtu'
  | 'tsoMss'
  | 'enabled'
  | 'type'
  | 'netstack';

const isPrefixLength = (t: string): boolean => isUnsignedInt(t) && Number(t) <= 128;

const COLUMNS: readonly ColumnSpec<Key>[] = [
  { key: 'interface', names: ['Interface'], accepts: isVmkName, expected: 'a vmknic name (vmkN)' },
  {
    key: 'portGroup',
    names: ['Port Group/DVPort/Opaque Network', 'Port Group/DVPort', 'Port Group', 'PortGroup', 'DVPort'],
    accepts: (t) => t !== '',
    expected: 'a port group, DVPort id or opaque network id',
    mayBeEmpty: true,
    maxWords: Infinity,
  },
  { key: 'family', names: ['IP Family'], accepts: (t) => /^IPv[46]$/i.test(t), expected: 'IPv4 or IPv6' },
  { key: 'address', names: ['IP Address'], accepts: orNotApplicable((t) => isIpv4(t) || isIpv6(t)), expected: 'an IPv4 or IPv6 address' },
  { key: 'netmask', names: ['Netmask'], accepts: orNotApplicable((t) => isIpv4Mask(t) || isPrefixLength(t)), expected: 'a netmask or IPv6 prefix length' },
  { key: 'broadcast', names: ['Broadcast'], accepts: orNotApplicable(isIpv4), expected: 'an IPv4 broadcast address', mayBeEmpty: true },
  { key: 'mac', names: ['MAC Address'], accepts: orNotApplicable(isMac), expected: 'a MAC address' },
  { key: 'mtu', names: ['MTU'], accepts: isUnsignedInt, expected: 'an MTU (integer)' },
  { key: 'tsoMss', names: ['TSO MSS'], accepts: isUnsignedInt, expected: 'a TSO MSS (integer)' },
  { key: 'enabled', names: ['Enabled'], accepts: isBoolWord, expected: 'true or false' },
  // `STATIC`, `DHCP`, `NONE`, `STATIC, PREFERRED`: upper-case words joined by ", ".
  { key: 'type', names: ['Type'], accepts: (t) => /^[A-Za-z][A-Za-z0-9]*(, [A-Za-z][A-Za-z0-9]*)*$/.test(t), expected: 'an address type (STATIC, DHCP…)', maxWords: 4 },
  { key: 'netstack', names: ['NetStack'], accepts: isIdentifier, expected: 'a netstack name' },
];

const VOCABULARY: TableVocabulary<Key> = { columns: COLUMNS, first: 'interface', required: ['interface', 'address', 'netmask'] };

/**
 * Cells a row cannot do without: who it is, which family, which address and subnet, which netstack. A row whose
 * netstack or address is unsure is dropped rather than read wrongly (a wrong netstack misroutes the analysis).
 */
const ESSENTIAL: ReadonlySet<Key> = new Set(['interface', 'family', 'address', 'netmask', 'netstack']);

const KNOWN_STACKS = ['defaultTcpipStack', 'vmotion', 'vSphereProvisioning'];

export const esxcfgVmknicParser: CommandParser<'esxcfg-vmknic', readonly VmknicRow[]> = {
  kind: 'esxcfg-vmknic',

  matchesCommand(command) {
    const words = commandWords(command);
    if (words?.program !== 'esxcfg-vmknic') return false;
    // Only the list form: `-a`, `-d`, `-e`, `-D`, `-m`… change vmknics and print no table.
    const options = readOptions(words.args, [
      { key: 'list', names: ['-l', '--list'] },
      { key: 'netstack', names: ['-N', '--netstack'], takesValue: true },
    ]);
    return options?.has('list') === true;
  },

  startsAt(lines, start) {
    return headerAt(lines, start, VOCABULARY, true) !== undefined;
  },

  parse(block) {
    const table = readTable(block.lines, VOCABULARY, { isRowStart: isVmkName });
    if (table === undefined) {
      const missing = noHeader(block.lines, VOCABULARY, 'esxcfg-vmknic -l');
      return fail(missing.line, missing.message);
    }
    const warnings: ParserWarning[] = [...table.warnings];
    const rows: VmknicRow[] = [];
    for (const row of table.rows) {
      const read = readVmknic(row, warnings);
      if (read !== undefined) rows.push({ ...read, ref: refOf(block, row.line) });
    }
    return ok(rows, sortByLine(warnings));
  },
};

function readVmknic(row: TableRow<Key>, warnings: ParserWarning[]): Omit<VmknicRow, 'ref'> | undefined {
  const refused = [...row.refused];
  const netstack = row.cells.netstack;
  if (netstack !== undefined && looksCut(netstack)) {
    refused.push({ key: 'netstack', title: 'NetStack', reason: `NetStack "${netstack}" looks cut off (a known stack name begins with it)` });
  }
  const essential = refused.find((r) => ESSENTIAL.has(r.key));
  if (essential !== undefined) {
    warnings.push(rowRefusal(row, essential));
    return undefined;
  }
  for (const cell of refused) warnings.push(cellRefusal(row, cell));

  const c = row.cells;
  const name = c.interface;
  if (name === undefined) return undefined;
  const address = shownValue(c.address);
  const netmask = shownValue(c.netmask);
  const broadcast = shownValue(c.broadcast);
  const family = familyOf(c.family, address, netmask);
  if (family === undefined) {
    warnings.push({ line: row.line.n, message: `row does not match the header: the address family of ${name} cannot be told (no IP Family column and no address)` });
    return undefined;
  }
  const problem = familyProblem(family, address, netmask, broadcast);
  if (problem !== undefined) {
    warnings.push({ line: row.line.n, message: `row does not match the header: ${problem}` });
    return undefined;
  }
  const portGroup = shownValue(c.portGroup);
  return definedOnly({
    name,
    portGroup,
    portGroupKind: portGroup === undefined ? undefined : portGroupKind(portGroup, row),
    family,
    address,
    netmask,
    broadcast,
    mac: shownValue(c.mac)?.toLowerCase(),
    mtu: readUnsignedInt(c.mtu),
    tsoMss: readUnsignedInt(c.tsoMss),
    enabled: readBoolWord(c.enabled),
    type: c.type,
    netstack: hasColumn(row.layout, 'netstack') ? netstack : undefined,
  });
}

function familyOf(printed: string | undefined, address: string | undefined, netmask: string | undefined): 'IPv4' | 'IPv6' | undefined {
  if (printed !== undefined) return printed.toLowerCase() === 'ipv6' ? 'IPv6' : 'IPv4';
  // 4.x tables have no IP Family column: the address says it.
  if (address !== undefined) return isIpv6(address) ? 'IPv6' : 'IPv4';
  if (netmask !== undefined && isIpv4(netmask)) return 'IPv4';
  return undefined;
}

function familyProblem(
  family: 'IPv4' | 'IPv6',
  address: string | undefined,
  netmask: string | undefined,
  broadcast: string | undefined,
): string | undefined {
  if (family === 'IPv4') {
    if (address !== undefined && !isIpv4(address)) return `expected an IPv4 address in column IP Address of an IPv4 row (found "${address}")`;
    if (netmask !== undefined && !isIpv4Mask(netmask)) return `expected an IPv4 netmask in column Netmask of an IPv4 row (found "${netmask}")`;
    return undefined;
  }
  if (address !== undefined && !isIpv6(address)) return `expected an IPv6 address in column IP Address of an IPv6 row (found "${address}")`;
  if (netmask !== undefined && !isPrefixLength(netmask)) return `expected a prefix length in column Netmask of an IPv6 row (found "${netmask}")`;
  if (broadcast !== undefined) return `an IPv6 row has no broadcast address (found "${broadcast}")`;
  return undefined;
}

/** DVPort ids are numbers (only where the header names a DVPort), NSX opaque networks UUIDs (§4.1). */
function portGroupKind(cell: string, row: TableRow<Key>): 'name' | 'dvport' | 'opaque' {
  const title = row.layout.columns.find((col) => col.spec?.key === 'portGroup')?.title ?? '';
  if (/^\d+$/.test(cell) && /dvport/i.test(title)) return 'dvport';
  if (isUuid(cell)) return 'opaque';
  return 'name';
}

/** A last row cut by the paste can end in `defaultTcp`: a proper prefix of a known stack is not a stack name. */
function looksCut(netstack: string): boolean {
  const lower = netstack.toLowerCase();
  return KNOWN_STACKS.some((k) => k.toLowerCase() !== lower && k.toLowerCase().startsWith(lower));
}

function sortByLine(warnings: readonly ParserWarning[]): ParserWarning[] {
  return [...warnings].sort((a, b) => a.line - b.line);
}
