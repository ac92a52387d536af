/**
 * `esxcfg-vswitch -l` (domain.md §4.9): one section per switch. A standard switch prints
 * `Switch Name  Num Ports  Used Ports  Configured Ports  MTU  Uplinks`, its row, then a
 * `PortGroup Name  VLAN ID  Used Ports  Uplinks` sub-table; a distributed switch prints `DVS Name …`, its row, then
 * a `DVPort ID  In Use  Client` sub-table. Uplinks are comma-separated without spaces, empty when none.
 * Every header is read for its own column positions (columns.ts): switch and port-group names may hold spaces
 * and a long name pushes the next cells right.
 */
import type { VSwitchRecord } from './records.ts';
import { fail, ok, refOf } from './types.ts';
import type { Block, CommandParser, Line, ParserWarning } from './types.ts';
import { cellRefusal, headerAt, isSkippable, noHeader, readRows, rowRefusal } from './columns.ts';
import type { ColumnSpec, TableLayout, TableRow, TableVocabulary } from './columns.ts';
import { commandWords, definedOnly, isIdentifier, isUnsignedInt, readOptions, readUnsignedInt } from './values.ts';

// Uplink names end in their number (`vmnic0`, `vusb1`, `lag1-0`): a name a wrap cut short (`vmnic0,vm`) does not.
const isUplinkList = (t: string): boolean => /^[A-Za-z][\w.:-]*\d(, ?[A-Za-z][\w.:-]*\d)*$/.test(t);
const isVlan = (t: string): boolean => isUnsignedInt(t) && Number(t) <= 4095;
const FREE = Infinity;

type SwitchKey = 'name' | 'numPorts' | 'usedPorts' | 'configuredPorts' | 'mtu' | 'uplinks';
type PortGroupKey = 'name' | 'vlan' | 'usedPorts' | 'uplinks';
type DvPortKey = 'id' | 'inUse' | 'client';

const uplinks = { key: 'uplinks', names: ['Uplinks'], accepts: isUplinkList, expected: 'uplinks (vmnicN,…)', mayBeEmpty: true, maxWords: 16 } as const;

const SWITCH: TableVocabulary<SwitchKey> = {
  columns: [
    { key: 'name', names: ['Switch Name', 'DVS Name'], accepts: (t) => t !== '', expected: 'a switch name', maxWords: FREE },
    { key: 'numPorts', names: ['Num Ports'], accepts: isUnsignedInt, expected: 'a port count' },
    { key: 'usedPorts', names: ['Used Ports'], accepts: isUnsignedInt, expected: 'a port count' },
    { key: 'configuredPorts', names: ['Configured Ports'], accepts: isUnsignedInt, expected: 'a port count' },
    { key: 'mtu', names: ['MTU'], accepts: isUnsignedInt, expected: 'an MTU (integer)' },
    uplinks,
  ],
  first: 'name',
  required: ['name', 'numPorts', 'mtu'],
};

const PORT_GROUPS: TableVocabulary<PortGroupKey> = {
  columns: [
    { key: 'name', names: ['PortGroup Name', 'Port Group Name'], accepts: (t) => t !== '', expected: 'a port-group name', maxWords: FREE },
    { key: 'vlan', names: ['VLAN ID'], accepts: isVlan, expected: 'a VLAN id (0-4095)' },
    { key: 'usedPorts', names: ['Used Ports'], accepts: isUnsignedInt, expected: 'a port count' },
    uplinks,
  ],
  first: 'name',
  required: ['name', 'vlan'],
};

const DV_PORTS: TableVocabulary<DvPortKey> = {
  columns: [
    { key: 'id', names: ['DVPort ID'], accepts: isIdentifier, expected: 'a DVPort id' },
    { key: 'inUse', names: ['In Use'], accepts: isUnsignedInt, expected: 'an in-use count' },
    { key: 'client', names: ['Client'], accepts: (t) => t !== '', expected: 'a client (vmnicN, vmkN, VM port)', mayBeEmpty: true, maxWords: FREE },
  ],
  first: 'id',
  required: ['id', 'client'],
};

export const esxcfgVswitchParser: CommandParser<'esxcfg-vswitch', readonly VSwitchRecord[]> = {
  kind: 'esxcfg-vswitch',

  matchesCommand(command) {
    const words = commandWords(command);
    if (words?.program !== 'esxcfg-vswitch') return false;
    // Every other option (-a, -d, -A, -D, -L, -U, -m, -v, -p, -c…) changes a switch or tests for one.
    return readOptions(words.args, [{ key: 'list', names: ['-l', '--list'] }])?.has('list') === true;
  },

  startsAt(lines, start) {
    // Every switch prints its own header: only the first one of a listing starts the output.
    return headerAt(lines, start, SWITCH, true) !== undefined && !continuesListing(lines, start);
  },

  parse(block) {
    const lines = block.lines;
    const warnings: ParserWarning[] = [];
    const switches: VSwitchRecord[] = [];
    const isAnyHeader = (_line: Line, index: number): boolean => isVswitchHeader(lines, index);
    let current: Building | undefined;
    let sawSwitchHeader = false;
    let i = 0;
    while (i < lines.length) {
      const line = lines[i] as Line;
      if (isSkippable(line.text)) {
        i++;
        continue;
      }
      const switchHeader = headerAt(lines, i, SWITCH);
      if (switchHeader !== undefined) {
        sawSwitchHeader = true;
        if (current !== undefined) switches.push(finish(current));
        const read = readRows(lines, switchHeader.next, switchHeader.layout, { isEnd: isAnyHeader });
        warnings.push(...read.warnings);
        const [row, ...extra] = read.rows;
        current = row === undefined ? undefined : startSwitch(block, row, switchHeader.layout, warnings);
        if (row === undefined) {
          warnings.push({ line: line.n, message: 'switch header without a readable switch row; its port groups are not read' });
        }
        for (const r of extra) warnings.push({ line: r.line.n, message: 'a second switch row under one header (each switch prints its own header); not read' });
        i = read.next;
        continue;
      }
      const portGroups = headerAt(lines, i, PORT_GROUPS);
      if (portGroups !== undefined) {
        const read = readRows(lines, portGroups.next, portGroups.layout, { isEnd: isAnyHeader });
        warnings.push(...read.warnings);
        for (const row of read.rows) {
          if (current === undefined) warnings.push(orphan(row.line));
          else addPortGroup(current, row, warnings);
        }
        i = read.next;
        continue;
      }
      const dvPorts = headerAt(lines, i, DV_PORTS);
      if (dvPorts !== undefined) {
        const read = readRows(lines, dvPorts.next, dvPorts.layout, { isEnd: isAnyHeader });
        warnings.push(...read.warnings);
        for (const row of read.rows) {
          if (current === undefined) warnings.push(orphan(row.line));
          else addDvPort(current, row, warnings);
        }
        i = read.next;
        continue;
      }
      warnings.push({ line: line.n, message: `line not understood in esxcfg-vswitch output: "${line.text.trim()}"` });
      i++;
    }
    if (current !== undefined) switches.push(finish(current));
    if (!sawSwitchHeader) {
      const missing = noHeader(lines, SWITCH, 'esxcfg-vswitch -l');
      return fail(missing.line, missing.message, warnings);
    }
    return ok(switches, warnings.sort((a, b) => a.line - b.line));
  },
};

/**
 * True when the switch header at `start` follows another switch's section of the same listing: walking back to
 * the nearest switch header, every line in between is blank, a header of this output, or a row it reads.
 */
function continuesListing(lines: readonly Line[], start: number): boolean {
  let from = -1;
  for (let i = start - 1; i >= 0 && i >= start - 300; i--) {
    if (headerAt(lines, i, SWITCH) !== undefined) {
      from = i;
      break;
    }
  }
  if (from < 0) return false;
  let i = from;
  while (i < start) {
    const header = headerAt(lines, i, SWITCH) ?? headerAt(lines, i, PORT_GROUPS) ?? headerAt(lines, i, DV_PORTS);
    if (header === undefined) return false;
    const read = readRows(lines, header.next, header.layout as TableLayout<string>, {
      isEnd: (_line, index) => index >= start || isVswitchHeader(lines, index),
    });
    if (read.warnings.length > 0) return false;
    i = read.next;
  }
  return true;
}

function isVswitchHeader(lines: readonly Line[], index: number): boolean {
  return headerAt(lines, index, SWITCH) !== undefined || headerAt(lines, index, PORT_GROUPS) !== undefined || headerAt(lines, index, DV_PORTS) !== undefined;
}

function orphan(line: Line): ParserWarning {
  return { line: line.n, message: 'row belongs to a switch whose own row could not be read; not read' };
}

interface Building {
  readonly record: Omit<VSwitchRecord, 'portGroups' | 'dvPorts'>;
  readonly portGroups: VSwitchRecord['portGroups'][number][];
  readonly dvPorts: VSwitchRecord['dvPorts'][number][];
}

function finish(b: Building): VSwitchRecord {
  return { ...b.record, portGroups: b.portGroups, dvPorts: b.dvPorts };
}

function splitUplinks(cell: string | undefined): string[] {
  return (cell ?? '').split(',').map((u) => u.trim()).filter((u) => u !== '');
}

function startSwitch(block: Block, row: TableRow<SwitchKey>, layout: TableLayout<SwitchKey>, warnings: ParserWarning[]): Building | undefined {
  // Without its uplinks cell a switch would read as having none: refuse the row instead.
  const essential = row.refused.find((r) => r.key === 'name' || r.key === 'uplinks');
  if (essential !== undefined || row.cells.name === undefined) {
    if (essential !== undefined) warnings.push(rowRefusal(row, essential));
    return undefined;
  }
  for (const cell of row.refused) warnings.push(cellRefusal(row, cell));
  const title = layout.columns[0]?.title ?? '';
  return {
    record: definedOnly({
      name: row.cells.name,
      kind: /^dvs/i.test(title) ? ('distributed' as const) : ('standard' as const),
      numPorts: readUnsignedInt(row.cells.numPorts),
      usedPorts: readUnsignedInt(row.cells.usedPorts),
      mtu: readUnsignedInt(row.cells.mtu),
      uplinks: splitUplinks(row.cells.uplinks),
      ref: refOf(block, row.line),
    }),
    portGroups: [],
    dvPorts: [],
  };
}

function addPortGroup(b: Building, row: TableRow<PortGroupKey>, warnings: ParserWarning[]): void {
  const essential = row.refused.find((r) => r.key === 'name' || r.key === 'uplinks');
  if (essential !== undefined || row.cells.name === undefined) {
    if (essential !== undefined) warnings.push(rowRefusal(row, essential));
    return;
  }
  for (const cell of row.refused) warnings.push(cellRefusal(row, cell));
  b.portGroups.push(definedOnly({ name: row.cells.name, vlan: readUnsignedInt(row.cells.vlan), uplinks: splitUplinks(row.cells.uplinks) }));
}

function addDvPort(b: Building, row: TableRow<DvPortKey>, warnings: ParserWarning[]): void {
  const essential = row.refused.find((r) => r.key === 'id' || r.key === 'client');
  if (essential !== undefined) {
    warnings.push(rowRefusal(row, essential));
    return;
  }
  for (const cell of row.refused) warnings.push(cellRefusal(row, cell));
  const { id, client } = row.cells;
  // A port nobody uses (empty Client) says nothing about paths.
  if (id === undefined || client === undefined || client === '') return;
  b.dvPorts.push({ id, client });
}
