/**
 * `esxcli network ip interface ipv4 get [-i vmkN] [-N stack]` (domain.md §4.3), also printed by
 * `esxcli network ip interface ipv4 address list` and by `localcli`.
 *
 * 6.5+: `Name  IPv4 Address  IPv4 Netmask  IPv4 Broadcast  Address Type  Gateway  DHCP DNS` with a dash ruler;
 * 5.x has no Gateway column. The ruler's widths follow the data, so columns come from it when it lines up with
 * the header (columns.ts). `Gateway` is the per-vmknic gateway; `0.0.0.0` = no override, kept as printed.
 * `-i vmkN` limits the output to one vmknic and `-N stack` to one netstack: rows are checked against, and
 * tagged with, what the command line asked for.
 */
import type { AddressType } from '../core/model/host.ts';
import type { Ipv4Row } from './records.ts';
import { fail, ok, refOf, withRef } from './types.ts';
import { cellValue, isIpv4Like, isMaskLike, isVmkLike, nearestKnown, readIpv4Cell, readMaskCell, readVmkCell } from './damage.ts';
import type { CommandParser, ParserWarning } from './types.ts';
import { hasColumn, headerAt, noHeader, readTable, rowRefusal } from './columns.ts';
import type { ColumnSpec, TableRow, TableVocabulary } from './columns.ts';
import {
  definedOnly,
  esxcliArgs,
  isBoolWord,
  orNotApplicable,
  isVmkName,
  readBoolWord,
  readOptions,
  shownValue,
} from './values.ts';
import type { OptionSpec } from './values.ts';

type Key = 'name' | 'address' | 'netmask' | 'broadcast' | 'addressType' | 'gateway' | 'dhcpDns';


const COLUMNS: readonly ColumnSpec<Key>[] = [
  { key: 'name', names: ['Name'], accepts: isVmkLike, expected: 'a vmknic name (vmkN)' },
  { key: 'address', names: ['IPv4 Address'], accepts: orNotApplicable(isIpv4Like), expected: 'an IPv4 address' },
  { key: 'netmask', names: ['IPv4 Netmask'], accepts: orNotApplicable(isMaskLike), expected: 'an IPv4 netmask' },
  { key: 'broadcast', names: ['IPv4 Broadcast'], accepts: orNotApplicable(isIpv4Like), expected: 'an IPv4 broadcast address', mayBeEmpty: true },
  { key: 'addressType', names: ['Address Type'], accepts: (t) => /^[A-Za-z][A-Za-z0-9_]*$/.test(t), expected: 'an address type (STATIC, DHCP, NONE)' },
  { key: 'gateway', names: ['Gateway'], accepts: orNotApplicable(isIpv4Like), expected: 'an IPv4 gateway' },
  { key: 'dhcpDns', names: ['DHCP DNS'], accepts: isBoolWord, expected: 'true or false' },
];

const VOCABULARY: TableVocabulary<Key> = { columns: COLUMNS, first: 'name', required: ['name', 'address', 'netmask'] };

/**
 * Only the vmknic name is essential: a damaged address, mask or gateway (issue 16: a redacted octet) makes that
 * field unknown with a warning, the rest of the row is kept.
 */
const ESSENTIAL: ReadonlySet<Key> = new Set(['name']);
const TITLES: Readonly<Record<Key, string>> = {
  name: 'Name',
  address: 'IPv4 Address',
  netmask: 'IPv4 Netmask',
  broadcast: 'IPv4 Broadcast',
  addressType: 'Address Type',
  gateway: 'Gateway',
  dhcpDns: 'DHCP DNS',
};

const NAMESPACES = [
  ['network', 'ip', 'interface', 'ipv4', 'get'],
  ['network', 'ip', 'interface', 'ipv4', 'address', 'list'],
];
const OPTIONS: readonly OptionSpec[] = [
  { key: 'interface', names: ['-i', '--interface-name'], takesValue: true },
  { key: 'netstack', names: ['-N', '--netstack'], takesValue: true },
];

const ADDRESS_TYPES: Readonly<Record<string, AddressType>> = { static: 'STATIC', dhcp: 'DHCP', none: 'NONE' };

export const ipv4GetParser: CommandParser<'ipv4-get', readonly Ipv4Row[]> = {
  kind: 'ipv4-get',

  matchesCommand(command) {
    return filtersOf(command) !== undefined;
  },

  startsAt(lines, start) {
    return headerAt(lines, start, VOCABULARY, true) !== undefined;
  },

  parse(block) {
    const table = readTable(block.lines, VOCABULARY, { isRowStart: isVmkName });
    if (table === undefined) {
      const missing = noHeader(block.lines, VOCABULARY, 'esxcli network ip interface ipv4 get');
      return fail(missing.line, missing.message);
    }
    const filters = block.command === undefined ? undefined : filtersOf(block.command);
    const warnings: ParserWarning[] = [...table.warnings];
    const rows: Ipv4Row[] = [];
    for (const row of table.rows) {
      const read = readIpv4(row, filters?.interface, warnings);
      if (read === undefined) continue;
      rows.push(withRef(Object.assign(read, filters?.netstack !== undefined ? { netstack: filters.netstack } : {}), refOf(block, row.line)));
    }
    return ok(rows, [...warnings].sort((a, b) => a.line - b.line));
  },
};

/** The `-i`/`-N` filters of an ipv4 get command line, or undefined when the line is not that command. */
function filtersOf(command: string): { interface?: string; netstack?: string } | undefined {
  const args = esxcliArgs(command, NAMESPACES);
  const options = args === undefined ? undefined : readOptions(args, OPTIONS);
  if (options === undefined) return undefined;
  const iface = options.get('interface');
  const netstack = options.get('netstack');
  return definedOnly({
    interface: typeof iface === 'string' ? iface : undefined,
    netstack: typeof netstack === 'string' ? netstack : undefined,
  });
}

function readIpv4(row: TableRow<Key>, onlyInterface: string | undefined, warnings: ParserWarning[]): Omit<Ipv4Row, 'ref'> | undefined {
  const essential = row.refused.find((r) => ESSENTIAL.has(r.key));
  if (essential !== undefined) {
    warnings.push(rowRefusal(row, essential));
    return undefined;
  }
  const c = row.cells;
  const nameRead = c.name === undefined ? undefined : cellValue(readVmkCell(c.name), c.name, 'Name', c.name);
  const name = nameRead?.value;
  if (name === undefined) return undefined;
  if (onlyInterface !== undefined && name !== onlyInterface) {
    // The command asked for one vmknic: a row naming another one does not belong to this output.
    warnings.push({ line: row.line.n, message: `row names ${name} but the command asked for -i ${onlyInterface}; row not read` });
    return undefined;
  }
  const note = (message: string): void => {
    warnings.push({ line: row.line.n, message });
  };
  if (nameRead?.warning !== undefined) note(nameRead.warning);
  for (const cell of row.refused) note(`${cell.reason}; ${TITLES[cell.key]} of ${name} is unknown, the rest of the row is kept`);
  const dotted = (key: 'address' | 'netmask' | 'broadcast' | 'gateway', read: typeof readIpv4Cell): string | undefined => {
    const shown = shownValue(c[key]);
    if (shown === undefined) return undefined;
    const result = cellValue(read(shown), shown, TITLES[key], name);
    if (result.warning !== undefined) note(result.warning);
    return result.value;
  };
  let addressType: AddressType | undefined;
  if (c.addressType !== undefined) {
    const printed = c.addressType;
    const near = ADDRESS_TYPES[printed.toLowerCase()] ?? (nearestKnown(printed, Object.values(ADDRESS_TYPES)) as AddressType | undefined);
    addressType = near;
    if (near === undefined) {
      note(`address type "${printed}" is not STATIC, DHCP or NONE; that value is left out`);
    } else if (ADDRESS_TYPES[printed.toLowerCase()] === undefined) {
      note(`address type "${printed}" of ${name} read as ${near} (letters lost in the paste)`);
    }
  }
  return definedOnly({
    name,
    address: dotted('address', readIpv4Cell),
    netmask: dotted('netmask', readMaskCell),
    broadcast: dotted('broadcast', readIpv4Cell),
    addressType,
    gateway: hasColumn(row.layout, 'gateway') ? dotted('gateway', readIpv4Cell) : undefined,
    dhcpDns: readBoolWord(c.dhcpDns),
  });
}
