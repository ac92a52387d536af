/**
 * `esxcli network ip interface list [-N stack]` (domain.md §4.2): one block per vmknic, a bare `vmkN` line then
 * indented `Key: value` lines. The 5.0 layout lacks `Netstack Instance`, `VDS UUID`, `Opaque …`; on a DVS the
 * block shows `Portset: DvsPortset-0`, `Portgroup: N/A`, `VDS Name`, `VDS Port`. `N/A` means "does not apply"
 * and is read as absent.
 */
import type { InterfaceListEntry } from './records.ts';
import { refOf } from './types.ts';
import type { Block, CommandParser, ParserWarning } from './types.ts';
import {
  compact,
  continuesListing,
  fieldOf,
  parseFieldListing,
  isEsxcli,
  parseBoolean,
  parseInteger,
  typedValue,
  valueOf,
} from './key-value.ts';
import type { FieldBlock } from './key-value.ts';
import { readVmkCell } from './damage.ts';

// `vmko` / `vmkO` (a font or OCR printing the letter for zero, seen in a published Cisco guide) is accepted here
// and read as vmk0 with a warning.
const HEAD = /^\s*vmk[\dOoIl]{1,4}$/;
const NAME_FIELD = /^\s*Name\s*:\s*vmk[\dOoIl]{1,4}$/;

export const interfaceListParser: CommandParser<'interface-list', readonly InterfaceListEntry[]> = {
  kind: 'interface-list',

  matchesCommand(command) {
    return isEsxcli(command, ['network', 'ip', 'interface', 'list']);
  },

  startsAt(lines, start) {
    const head = lines[start];
    const next = lines[start + 1];
    if (!head || !next || !HEAD.test(head.text) || !NAME_FIELD.test(next.text)) return false;
    // vmk1's block after vmk0's belongs to the same output: only the first block starts it.
    return !continuesListing(lines, start, (l) => HEAD.test(l.text));
  },

  parse(block) {
    return parseFieldListing(block, {
      isHead: (t) => HEAD.test(t),
      firstKey: 'name',
      what: 'interface list',
      nothingFound:
        'No vmknic found: expected a "vmkN" line followed by "Name: vmkN", "MAC Address: …", "Enabled: …" lines (esxcli network ip interface list).',
      read: (b, _all, warnings) => readEntry(block, b, warnings),
    });
  },
};

function readEntry(block: Block, b: FieldBlock, warnings: ParserWarning[]): InterfaceListEntry | undefined {
  const refLine = b.head ?? b.fields[0]?.line;
  if (!refLine) return undefined;
  const headName = b.head?.text.trim();
  const fieldName = valueOf(b, 'name');
  const printedName = fieldName ?? headName;
  const read = printedName === undefined ? undefined : readVmkCell(printedName);
  const name = read?.kind === 'ok' || read?.kind === 'repaired' ? read.value : undefined;
  if (read?.kind === 'repaired' && printedName !== undefined) {
    warnings.push({ line: refLine.n, message: `vmknic name "${printedName}" read as ${name ?? ''} (${read.how}: a font or OCR look-alike)` });
  }
  if (name === undefined) {
    warnings.push({ line: refLine.n, message: 'Interface block without a vmknic name ("vmkN" line or "Name: vmkN"); skipped.' });
    return undefined;
  }
  if (b.fields.length === 0) {
    warnings.push({ line: refLine.n, message: `No "Key: value" lines follow ${name}; skipped.` });
    return undefined;
  }
  if (headName !== undefined && fieldName !== undefined && fieldName !== headName) {
    warnings.push({
      line: fieldOf(b, 'name')?.line.n ?? refLine.n,
      message: `Name ${fieldName} differs from the block head ${headName}; using ${fieldName}.`,
    });
  }
  return compact<InterfaceListEntry>({
    name,
    mac: valueOf(b, 'mac address'),
    enabled: typedValue(b, 'enabled', parseBoolean, warnings),
    portset: valueOf(b, 'portset'),
    portgroup: valueOf(b, 'portgroup'),
    netstack: valueOf(b, 'netstack instance'),
    vdsName: valueOf(b, 'vds name'),
    vdsPort: valueOf(b, 'vds port'),
    opaqueNetworkId: valueOf(b, 'opaque network id'),
    mtu: typedValue(b, 'mtu', parseInteger, warnings),
    ref: refOf(block, refLine),
  });
}
