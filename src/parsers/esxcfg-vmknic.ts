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
import { fail, ok, refOf, withRef } from './types.ts';
import type { CommandParser, ParserWarning } from './types.ts';
import { hasColumn, headerAt, noHeader, readTable, rowRefusal } from './columns.ts';
import type { ColumnSpec, TableRow, TableVocabulary } from './columns.ts';
import { cellValue, isIpv4Like, isMaskLike, isVmkLike, nearestKnown, readIpv4Cell, readMaskCell, readVmkCell } from './damage.ts';
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
  { key: 'interface', names: ['Interface'], accepts: isVmkLike, expected: 'a vmknic name (vmkN)' },
  {
    key: 'portGroup',
    names: ['Port Group/DVPort/Opaque Network', 'Port Group/DVPort', 'Port Group', 'PortGroup', 'DVPort'],
    accepts: (t) => t !== '',
    expected: 'a port group, DVPort id or opaque network id',
    mayBeEmpty: true,
    maxWords: Infinity,
  },
  { key: 'family', names: ['IP Family'], accepts: (t) => /^IPv[46]$/i.test(t), expected: 'IPv4 or IPv6' },
  { key: 'address', names: ['IP Address'], accepts: orNotApplicable((t) => isIpv4Like(t) || isIpv6(t)), expected: 'an IPv4 or IPv6 address' },
  { key: 'netmask', names: ['Netmask'], accepts: orNotApplicable((t) => isMaskLike(t) || isPrefixLength(t)), expected: 'a netmask or IPv6 prefix length' },
  { key: 'broadcast', names: ['Broadcast'], accepts: orNotApplicable(isIpv4Like), expected: 'an IPv4 broadcast address', mayBeEmpty: true },
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
 * The one cell a row cannot do without: which vmknic it is. Any other damaged cell (issue 16: a redacted octet, a
 * cut netstack, a MAC with a letter no MAC has) makes that field unknown, with a warning naming the line and the
 * column, and the rest of the row is kept: a person reading the ticket sees the vmknic, so must the tool.
 */
const ESSENTIAL: ReadonlySet<Key> = new Set(['interface']);

const KNOWN_STACKS = ['defaultTcpipStack', 'vmotion', 'vSphereProvisioning'];
/** Address types as esxcfg-vmknic prints them, for names that lost a letter (`STTIC`). */
const KNOWN_TYPES = ['STATIC', 'DHCP', 'NONE', 'PREFERRED', 'DEPRECATED', 'TENTATIVE', 'AUTOCONF', 'MANUAL', 'LINKLOCAL'];
const TITLES: Readonly<Record<Key, string>> = {
  interface: 'Interface',
  portGroup: 'Port Group',
  family: 'IP Family',
  address: 'IP Address',
  netmask: 'Netmask',
  broadcast: 'Broadcast',
  mac: 'MAC Address',
  mtu: 'MTU',
  tsoMss: 'TSO MSS',
  enabled: 'Enabled',
  type: 'Type',
  netstack: 'NetStack',
};

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
      if (read !== undefined) rows.push(withRef(read, refOf(block, row.line)));
    }
    return ok(rows, sortByLine(warnings));
  },
};

function readVmknic(row: TableRow<Key>, warnings: ParserWarning[]): Omit<VmknicRow, 'ref'> | undefined {
  const refused = [...row.refused];
  const essential = refused.find((r) => ESSENTIAL.has(r.key));
  if (essential !== undefined) {
    warnings.push(rowRefusal(row, essential));
    return undefined;
  }
  const c = row.cells;
  const nameRead = c.interface === undefined ? undefined : cellValue(readVmkCell(c.interface), c.interface, 'Interface', c.interface);
  const name = nameRead?.value;
  if (name === undefined) return undefined;
  const note = (message: string): void => {
    warnings.push({ line: row.line.n, message });
  };
  if (nameRead?.warning !== undefined) note(nameRead.warning);
  const unknown = new Set<Key>();
  for (const cell of refused) {
    unknown.add(cell.key);
    note(`${cell.reason}; ${TITLES[cell.key]} of ${name} is unknown, the rest of the row is kept`);
  }

  // Dotted cells may be OCR-damaged (`1O.178.47.98`) or redacted (`10.195.x.22`): repaired or unknown, each warned.
  const dotted = (key: 'address' | 'netmask' | 'broadcast', read: (t: string) => ReturnType<typeof readIpv4Cell>): string | undefined => {
    const shown = shownValue(c[key]);
    if (shown === undefined || isIpv6(shown) || (key === 'netmask' && isPrefixLength(shown))) return shown;
    const result = cellValue(read(shown), shown, TITLES[key], name);
    if (result.warning !== undefined) note(result.warning);
    if (result.value === undefined) unknown.add(key);
    return result.value;
  };
  let address = dotted('address', readIpv4Cell);
  let netmask = dotted('netmask', readMaskCell);
  let broadcast = dotted('broadcast', readIpv4Cell);
  const family = familyOf(c.family, address ?? shownValue(c.address), netmask);
  if (family === undefined) {
    note(`row does not match the header: the address family of ${name} cannot be told (no IP Family column and no readable address)`);
    return undefined;
  }
  // A value of the other family is a damaged cell of this row, not a reason to drop it.
  if (family === 'IPv4') {
    if (address !== undefined && !isIpv4(address)) {
      note(`expected an IPv4 address in column IP Address of an IPv4 row (found "${address}"); the address of ${name} is unknown`);
      address = undefined;
    }
    if (netmask !== undefined && !isIpv4Mask(netmask)) {
      note(`expected an IPv4 netmask in column Netmask of an IPv4 row (found "${netmask}"); the netmask of ${name} is unknown`);
      netmask = undefined;
    }
  } else {
    if (address !== undefined && !isIpv6(address)) {
      note(`expected an IPv6 address in column IP Address of an IPv6 row (found "${address}"); the address of ${name} is unknown`);
      address = undefined;
    }
    if (netmask !== undefined && !isPrefixLength(netmask)) {
      note(`expected a prefix length in column Netmask of an IPv6 row (found "${netmask}"); the prefix of ${name} is unknown`);
      netmask = undefined;
    }
    if (broadcast !== undefined) {
      note(`an IPv6 row has no broadcast address (found "${broadcast}"); left out`);
      broadcast = undefined;
    }
  }

  let netstack = hasColumn(row.layout, 'netstack') && !unknown.has('netstack') ? c.netstack : undefined;
  if (netstack !== undefined && looksCut(netstack)) {
    note(`NetStack "${netstack}" of ${name} looks cut off (a known stack name begins with it); the netstack of ${name} is unknown`);
    netstack = undefined;
  } else if (netstack !== undefined && !KNOWN_STACKS.includes(netstack)) {
    const near = nearestKnown(netstack, KNOWN_STACKS);
    if (near !== undefined) {
      note(`NetStack "${netstack}" of ${name} read as ${near} (letters lost in the paste)`);
      netstack = near;
    }
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
    type: c.type === undefined ? undefined : readType(c.type, name, note),
    netstack,
  });
}

/** `STTIC` → STATIC (a lost letter), warned; a type of no known spelling is kept as printed. */
function readType(printed: string, name: string, note: (message: string) => void): string {
  const words = printed.split(/,\s*/);
  const fixed = words.map((w) => (KNOWN_TYPES.includes(w.toUpperCase()) ? w : (nearestKnown(w, KNOWN_TYPES) ?? w)));
  const value = fixed.join(', ');
  if (value !== printed) note(`Type "${printed}" of ${name} read as ${value} (letters lost in the paste)`);
  return value;
}

function familyOf(printed: string | undefined, address: string | undefined, netmask: string | undefined): 'IPv4' | 'IPv6' | undefined {
  if (printed !== undefined) return printed.toLowerCase() === 'ipv6' ? 'IPv6' : 'IPv4';
  // 4.x tables have no IP Family column: the address says it.
  if (address !== undefined) return isIpv6(address) ? 'IPv6' : 'IPv4';
  if (netmask !== undefined && isIpv4(netmask)) return 'IPv4';
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
