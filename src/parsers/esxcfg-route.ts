/**
 * `esxcfg-route` → `VMkernel default gateway is 172.26.64.1`, and `esxcfg-route -l` → `VMkernel Routes:` then a
 * `Network  Netmask  Gateway  Interface` table (domain.md §4.5). Connected routes print `Local Subnet` (read as
 * gateway `0.0.0.0`), the default route `default` (read as network `0.0.0.0`). Rows keep their printed order:
 * between equal prefixes the first listed route wins (§1.7 B2; ELATOV shows one `Local Subnet` line naming the
 * first of two vmknics in a subnet). `-N stack` on the command line names the netstack [U on esxcfg-route].
 *
 * The row reading is shared with `esxcli network ip route ipv4 list` (route-ipv4-list.ts), same columns plus
 * `Source`.
 */
import type { RouteRow, RouteTable } from './records.ts';
import { fail, ok, refOf, withRef } from './types.ts';
import type { Block, CommandParser, Line, ParserWarning } from './types.ts';
import { hasColumn, headerAt, incompleteHeader, readTable } from './columns.ts';
import { cellValue, isIpv4Like, isMaskLike, isVmkLike, readIpv4Cell, readMaskCell, readVmkCell } from './damage.ts';
import type { ColumnSpec, TableRow, TableVocabulary } from './columns.ts';
import { commandWords, definedOnly, isIpv4, readOptions } from './values.ts';
import type { OptionSpec } from './values.ts';

type Key = 'network' | 'netmask' | 'gateway' | 'interface' | 'source';

const COLUMNS: readonly ColumnSpec<Key>[] = [
  { key: 'network', names: ['Network'], accepts: (t) => isIpv4Like(t) || /^default$/i.test(t), expected: 'an IPv4 network or "default"' },
  { key: 'netmask', names: ['Netmask'], accepts: isMaskLike, expected: 'an IPv4 netmask' },
  {
    key: 'gateway',
    names: ['Gateway'],
    accepts: (t) => isIpv4Like(t) || /^local subnet$/i.test(t),
    expected: 'an IPv4 gateway or "Local Subnet"',
    maxWords: 2,
  },
  { key: 'interface', names: ['Interface'], accepts: isVmkLike, expected: 'a vmknic name (vmkN)' },
  { key: 'source', names: ['Source'], accepts: (t) => /^[A-Za-z][A-Za-z0-9_]*$/.test(t), expected: 'a route source (MANUAL, DHCP)' },
];

/**
 * The routes header as both commands print it (esxcli adds Source and a dash ruler). ESX 4.x printed no
 * Interface column (ELATOV 2012, `Network Netmask Gateway`): the table is still read, each route's vmknic unknown.
 */
export const ROUTE_VOCABULARY: TableVocabulary<Key> = {
  columns: COLUMNS,
  first: 'network',
  required: ['network', 'netmask', 'gateway'],
};

/** A route row starts with its network (or `default`): a wrapped continuation never does. */
function isRouteStart(word: string): boolean {
  return isIpv4Like(word) || /^default$/i.test(word);
}

/** Reads the route rows of a block (header anywhere in it), printed order kept. Undefined when no header. */
export function readRoutes(block: Block, lines: readonly Line[] = block.lines): { routes: RouteRow[]; warnings: ParserWarning[] } | undefined {
  const table = readTable(lines, ROUTE_VOCABULARY, { isRowStart: isRouteStart });
  if (table === undefined) return undefined;
  const warnings: ParserWarning[] = [...table.warnings];
  const routes: RouteRow[] = [];
  const noInterface = new Set<number>();
  for (const row of table.rows) {
    if (!hasColumn(row.layout, 'interface') && !noInterface.has(row.layout.header.n)) {
      noInterface.add(row.layout.header.n);
      warnings.push({
        line: row.layout.header.n,
        message: 'the route table has no Interface column (the ESX 4.x layout): the vmknic of each route is unknown here and is taken from the vmknic whose subnet holds the route, where one does',
      });
    }
    const route = readRoute(row, warnings);
    if (route !== undefined) routes.push(withRef(route, refOf(block, row.line)));
  }
  return { routes, warnings };
}

const TITLES: Readonly<Record<Key, string>> = { network: 'Network', netmask: 'Netmask', gateway: 'Gateway', interface: 'Interface', source: 'Source' };

/**
 * One route, field by field (issue 16): a damaged cell (redacted octet, unreadable word) makes that field unknown
 * with a warning naming the line and the column; OCR look-alikes (`1O.178.46.O`) are read as the digits they stand
 * for, warned. The row is kept whatever one field says.
 */
function readRoute(row: TableRow<Key>, warnings: ParserWarning[]): Omit<RouteRow, 'ref'> | undefined {
  const note = (message: string): void => {
    warnings.push({ line: row.line.n, message });
  };
  const what = `the route on this line`;
  for (const cell of row.refused) note(`${cell.reason}; ${TITLES[cell.key]} of ${what} is unknown, the rest of the row is kept`);
  const c = row.cells;
  const dotted = (key: 'network' | 'netmask' | 'gateway', read: typeof readIpv4Cell): string | undefined => {
    const printed = c[key];
    if (printed === undefined || printed === '') return undefined;
    if (key === 'network' && /^default$/i.test(printed)) return '0.0.0.0';
    if (key === 'gateway' && /^local subnet$/i.test(printed)) return '0.0.0.0';
    const result = cellValue(read(printed), printed, TITLES[key], what);
    if (result.warning !== undefined) note(result.warning);
    return result.value;
  };
  const network = dotted('network', readIpv4Cell);
  const netmask = dotted('netmask', readMaskCell);
  const gateway = dotted('gateway', readIpv4Cell);
  let iface: string | undefined;
  if (c.interface !== undefined && c.interface !== '') {
    const result = cellValue(readVmkCell(c.interface), c.interface, 'Interface', what);
    if (result.warning !== undefined) note(result.warning);
    iface = result.value;
  }
  if (network === undefined && netmask === undefined && gateway === undefined && iface === undefined) {
    note('row does not match the header: none of its cells could be read');
    return undefined;
  }
  const isDefault = c.network !== undefined && /^default$/i.test(c.network);
  let mask = netmask;
  if (isDefault && netmask !== undefined && netmask !== '0.0.0.0') {
    note(`the default route has netmask ${netmask}, not 0.0.0.0; its netmask is unknown`);
    mask = undefined;
  }
  return definedOnly({
    network,
    netmask: mask,
    gateway,
    interface: iface,
    source: c.source === undefined || c.source === '' ? undefined : c.source,
  });
}

/** Reads the `-N`/`--netstack` value of an accepted route command line. */
export function netstackOption(options: ReadonlyMap<string, string | true> | undefined): string | undefined {
  const value = options?.get('netstack');
  return typeof value === 'string' ? value : undefined;
}

const OPTIONS: readonly OptionSpec[] = [
  { key: 'list', names: ['-l', '--list'] },
  { key: 'netstack', names: ['-N', '--netstack'], takesValue: true },
  { key: 'family', names: ['-f', '--family'], takesValue: true },
];

/**
 * The options of a route *listing*: plain `esxcfg-route` (prints the default gateway) or `-l`. `esxcfg-route
 * 10.0.0.1` sets the gateway, `-a`/`-d` add and delete routes, `-n` lists neighbours, `-f V6` lists IPv6 routes:
 * none of those prints this output.
 */
function esxcfgRouteOptions(command: string): ReadonlyMap<string, string | true> | undefined {
  const words = commandWords(command);
  if (words?.program !== 'esxcfg-route') return undefined;
  const options = readOptions(words.args, OPTIONS);
  const family = options?.get('family');
  if (family !== undefined && (typeof family !== 'string' || !/^v4$/i.test(family))) return undefined;
  return options;
}

const GATEWAY_LINE = /^\s*VMkernel default gateway is\b\s*(.*)$/i;
const ROUTES_LINE = /^\s*VMkernel Routes:\s*$/i;

export const esxcfgRouteParser: CommandParser<'esxcfg-route', RouteTable> = {
  kind: 'esxcfg-route',

  matchesCommand(command) {
    return esxcfgRouteOptions(command) !== undefined;
  },

  startsAt(lines, start) {
    const line = lines[start];
    if (line === undefined) return false;
    if (GATEWAY_LINE.test(line.text) || ROUTES_LINE.test(line.text)) return true;
    // A bare `Network  Netmask  Gateway  Interface` header without Source and without a ruler is esxcfg-route's
    // (esxcli always adds both); the `VMkernel Routes:` line may have been left out of the paste.
    const header = headerAt(lines, start, ROUTE_VOCABULARY, true);
    return (
      header !== undefined &&
      !header.layout.columns.some((c) => c.spec?.key === 'source') &&
      header.layout.lines.length === 1 &&
      !ROUTES_LINE.test(lines[start - 1]?.text ?? '')
    );
  },

  parse(block) {
    const warnings: ParserWarning[] = [];
    let defaultGateway: RouteTable['defaultGateway'];
    // The two sentence lines are read here; the table reader sees them as blank lines.
    const tableLines = block.lines.map((line) => {
      const gateway = GATEWAY_LINE.exec(line.text);
      if (gateway !== null) {
        const address = (gateway[1] ?? '').trim();
        if (isIpv4(address)) {
          if (defaultGateway !== undefined && defaultGateway.address !== address) {
            warnings.push({ line: line.n, message: `a second default gateway (${address}) differs from ${defaultGateway.address} on line ${defaultGateway.ref.line}; the first is kept` });
          } else if (defaultGateway === undefined) {
            defaultGateway = { address, ref: refOf(block, line) };
          }
        } else {
          warnings.push({ line: line.n, message: `the default gateway "${address}" is not an IPv4 address; not read` });
        }
        return { n: line.n, text: '' };
      }
      return ROUTES_LINE.test(line.text) ? { n: line.n, text: '' } : line;
    });
    const routes = readRoutes(block, tableLines);
    if (routes === undefined && defaultGateway === undefined) {
      const near = incompleteHeader(tableLines, ROUTE_VOCABULARY);
      if (near !== undefined && near.missing.length > 0) {
        return fail(near.line.n, `The route table header has no ${near.missing.join(', ')} column: the routes cannot be read.`, warnings);
      }
      const first = block.lines.find((l) => l.text.trim() !== '');
      return fail(
        first?.n ?? 0,
        'No esxcfg-route output found: expected "VMkernel default gateway is …" or a "Network  Netmask  Gateway  Interface" table.',
        warnings,
      );
    }
    if (routes === undefined) {
      // Plain `esxcfg-route`: only the sentence. Other text in the block is reported.
      for (const line of tableLines) {
        if (line.text.trim() !== '') warnings.push({ line: line.n, message: `line not understood in esxcfg-route output: "${line.text.trim()}"` });
      }
    }
    warnings.push(...(routes?.warnings ?? []));
    const netstack = block.command === undefined ? undefined : netstackOption(esxcfgRouteOptions(block.command));
    return ok(
      definedOnly({ netstack, format: 'esxcfg-route' as const, routes: routes?.routes ?? [], defaultGateway }),
      warnings.sort((a, b) => a.line - b.line),
    );
  },
};
