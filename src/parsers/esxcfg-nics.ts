/**
 * `esxcfg-nics -l` (domain.md §4.10): `Name  PCI  Driver  Link Speed  Duplex  MAC Address  MTU  Description`.
 * `Link Speed` holds two words (`Up   25000Mbps`, `Down 0Mbps`), and a long one (`Down 100000Mbps`) reaches the
 * Duplex column; the description is free text with spaces and brackets. 6.x and 7.x differ only in widths
 * (6.x prints PCI ids like `0000:03:00.01`), which the header positions absorb (columns.ts).
 */
import type { NicRecord } from './records.ts';
import { fail, ok, refOf, withRef } from './types.ts';
import type { CommandParser, ParserWarning } from './types.ts';
import { cellRefusal, headerAt, noHeader, readTable, rowRefusal } from './columns.ts';
import type { ColumnSpec, TableRow, TableVocabulary } from './columns.ts';
import {
  commandWords,
  definedOnly,
  isIdentifier,
  isMac,
  isNotApplicable,
  isUnsignedInt,
  isUplinkName,
  readOptions,
  readUnsignedInt,
  shownValue,
} from './values.ts';

type Key = 'name' | 'pci' | 'driver' | 'linkSpeed' | 'link' | 'speed' | 'duplex' | 'mac' | 'mtu' | 'description';

const LINK_SPEED = /^(up|down)(?: (\d+) ?mbps)?$/i;
const SPEED = /^(\d+) ?(?:mbps)?$/i;

const COLUMNS: readonly ColumnSpec<Key>[] = [
  { key: 'name', names: ['Name'], accepts: isUplinkName, expected: 'a NIC name (vmnicN)' },
  {
    key: 'pci',
    names: ['PCI', 'PCI Device'],
    // `0000:0f:00.0`; 4.x printed `03:00.00`; pseudo devices (USB NICs) print `Pseudo`.
    accepts: (t) => /^(?:[0-9A-Fa-f]{4}:)?[0-9A-Fa-f]{2}:[0-9A-Fa-f]{2}\.[0-9A-Fa-f]{1,2}$/.test(t) || /^pseudo$/i.test(t) || isNotApplicable(t),
    expected: 'a PCI address',
  },
  { key: 'driver', names: ['Driver'], accepts: isIdentifier, expected: 'a driver name' },
  { key: 'linkSpeed', names: ['Link Speed'], accepts: (t) => LINK_SPEED.test(t), expected: 'a link state and speed (Up 25000Mbps)', maxWords: 3 },
  // Some layouts split the two: `Link  Speed`.
  { key: 'link', names: ['Link', 'Link Status'], accepts: (t) => /^(up|down)$/i.test(t), expected: 'Up or Down' },
  { key: 'speed', names: ['Speed'], accepts: (t) => SPEED.test(t), expected: 'a speed in Mbps', maxWords: 2 },
  { key: 'duplex', names: ['Duplex'], accepts: (t) => /^[A-Za-z/]+$/.test(t), expected: 'Full or Half' },
  { key: 'mac', names: ['MAC Address'], accepts: (t) => isMac(t) || isNotApplicable(t), expected: 'a MAC address' },
  { key: 'mtu', names: ['MTU'], accepts: isUnsignedInt, expected: 'an MTU (integer)' },
  { key: 'description', names: ['Description'], accepts: () => true, expected: 'a description', mayBeEmpty: true, maxWords: Infinity },
];

const VOCABULARY: TableVocabulary<Key> = { columns: COLUMNS, first: 'name', required: ['name', 'pci', 'driver', 'mac'] };

export const esxcfgNicsParser: CommandParser<'esxcfg-nics', readonly NicRecord[]> = {
  kind: 'esxcfg-nics',

  matchesCommand(command) {
    const words = commandWords(command);
    if (words?.program !== 'esxcfg-nics') return false;
    // `-s`, `-d`, `-a`, `-r`, `-e`… set speed, duplex, autonegotiation or wake-on-LAN; only `-l` lists.
    return readOptions(words.args, [{ key: 'list', names: ['-l', '--list'] }])?.has('list') === true;
  },

  startsAt(lines, start) {
    const header = headerAt(lines, start, VOCABULARY, true);
    // `esxcli network nic list` also starts with `Name  PCI Device  Driver`, but prints `Link  Speed` (5.x) or
    // `Admin Status  Link Status  Speed` (6.x+) instead of one `Link Speed` column: it is not this output.
    return header !== undefined && header.layout.columns.some((c) => c.spec?.key === 'linkSpeed');
  },

  parse(block) {
    const table = readTable(block.lines, VOCABULARY, { isRowStart: isUplinkName });
    if (table === undefined) {
      const missing = noHeader(block.lines, VOCABULARY, 'esxcfg-nics -l');
      return fail(missing.line, missing.message);
    }
    const warnings: ParserWarning[] = [...table.warnings];
    const nics: NicRecord[] = [];
    for (const row of table.rows) {
      const nic = readNic(row, warnings);
      if (nic !== undefined) nics.push(withRef(nic, refOf(block, row.line)));
    }
    return ok(nics, warnings.sort((a, b) => a.line - b.line));
  },
};

function readNic(row: TableRow<Key>, warnings: ParserWarning[]): Omit<NicRecord, 'ref'> | undefined {
  const name = row.cells.name;
  const nameRefused = row.refused.find((r) => r.key === 'name');
  if (nameRefused !== undefined || name === undefined) {
    if (nameRefused !== undefined) warnings.push(rowRefusal(row, nameRefused));
    return undefined;
  }
  for (const cell of row.refused) warnings.push(cellRefusal(row, cell));
  const c = row.cells;
  const combined = c.linkSpeed === undefined ? undefined : LINK_SPEED.exec(c.linkSpeed);
  const state = combined?.[1] ?? c.link;
  const speed = combined?.[2] ?? (c.speed === undefined ? undefined : SPEED.exec(c.speed)?.[1]);
  const mac = shownValue(c.mac)?.toLowerCase();
  return definedOnly({
    name,
    pci: shownValue(c.pci),
    driver: c.driver,
    linkUp: state === undefined ? undefined : state.toLowerCase() === 'up',
    speedMbps: readUnsignedInt(speed),
    duplex: c.duplex,
    mac,
    mtu: readUnsignedInt(c.mtu),
    description: shownValue(c.description),
  });
}
