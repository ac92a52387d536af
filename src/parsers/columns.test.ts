import { describe, expect, it } from 'vitest';
import { headerAt, noHeader, readRow, readRows, readTable } from './columns.ts';
import type { TableLayout, TableVocabulary } from './columns.ts';
import { toLines } from './types.ts';
import { isIpv4, isIpv4Mask, isMac, isUnsignedInt, isVmkName } from './values.ts';

type Key = 'name' | 'group' | 'ip' | 'mask' | 'mac' | 'mtu' | 'type';

/** A cut-down esxcfg-vmknic vocabulary: enough columns to exercise every reading rule. */
const VOCAB: TableVocabulary<Key> = {
  columns: [
    { key: 'name', names: ['Interface'], accepts: isVmkName, expected: 'a vmknic name' },
    { key: 'group', names: ['Port Group/DVPort', 'Port Group'], accepts: (t) => t !== '', expected: 'a port group', maxWords: Infinity },
    { key: 'ip', names: ['IP Address'], accepts: isIpv4, expected: 'an IPv4 address' },
    { key: 'mask', names: ['Netmask'], accepts: isIpv4Mask, expected: 'a netmask' },
    { key: 'mac', names: ['MAC Address'], accepts: isMac, expected: 'a MAC address' },
    { key: 'mtu', names: ['MTU'], accepts: isUnsignedInt, expected: 'an MTU' },
    { key: 'type', names: ['Type'], accepts: (t) => /^[A-Z]+(, [A-Z]+)*$/.test(t), expected: 'a type', maxWords: 3, mayBeEmpty: true },
  ],
  first: 'name',
  required: ['name', 'ip'],
};

const HEADER = 'Interface  Port Group          IP Address      Netmask         MAC Address       MTU     Type';

function layoutOf(text: string, strict = false): TableLayout<Key> {
  const header = headerAt(toLines(text), 0, VOCAB, strict);
  if (header === undefined) throw new Error('no header');
  return header.layout;
}

function cellsOf(layout: TableLayout<Key>, row: string): Record<string, string | undefined> {
  const reading = readRow(layout, row);
  if (reading.kind !== 'row') throw new Error(reading.reason);
  return reading.cells;
}

describe('headerAt', () => {
  it('finds multi-word column names and their start offsets', () => {
    const layout = layoutOf(HEADER);
    expect(layout.columns.map((c) => [c.spec?.key, c.title, c.start])).toEqual([
      ['name', 'Interface', 0],
      ['group', 'Port Group', 11],
      ['ip', 'IP Address', 31],
      ['mask', 'Netmask', 47],
      ['mac', 'MAC Address', 63],
      ['mtu', 'MTU', 81],
      ['type', 'Type', 89],
    ]);
    expect(layout.positional).toBe(true);
  });

  it('tells adjacent names apart when a single space separates them', () => {
    const layout = layoutOf('Interface Port Group/DVPort IP Address Netmask MAC Address MTU Type');
    expect(layout.columns.map((c) => c.spec?.key)).toEqual(['name', 'group', 'ip', 'mask', 'mac', 'mtu', 'type']);
    // Squeezed to single spaces: positions mean nothing any more.
    expect(layout.positional).toBe(false);
  });

  it('reads the underscored names of the 5.0 layout', () => {
    const layout = layoutOf('Interface Port_Group IP_Address Netmask MAC Address MTU');
    expect(layout.columns.map((c) => c.spec?.key)).toEqual(['name', 'group', 'ip', 'mask', 'mac', 'mtu']);
  });

  it('takes column starts from a dash ruler that lines up with the header', () => {
    const lines = toLines('Interface  IP Address  Netmask\n---------  ----------------  --------------\nvmk0       10.0.0.1          255.255.255.0');
    const header = headerAt(lines, 0, VOCAB);
    expect(header?.layout.columns.map((c) => c.start)).toEqual([0, 11, 29]);
    expect(header?.next).toBe(2);
  });

  it('ignores a solid ruler and keeps the header positions', () => {
    const lines = toLines('Interface  IP Address  Netmask\n------------------------------------\nvmk0       10.0.0.1    255.255.255.0');
    expect(headerAt(lines, 0, VOCAB)?.layout.columns.map((c) => c.start)).toEqual([0, 11, 23]);
  });

  it('keeps an unknown header word as an unread column, but not in strict mode', () => {
    const text = 'Interface  IP Address  Foo Bar  Netmask';
    expect(layoutOf(text).unknownTitles).toEqual(['Foo Bar']);
    expect(headerAt(toLines(text), 0, VOCAB, true)).toBeUndefined();
  });

  it('refuses a line that does not start with the first column or lacks a required one', () => {
    expect(headerAt(toLines('Port Group  Interface  IP Address'), 0, VOCAB)).toBeUndefined();
    expect(headerAt(toLines('Interface  Netmask  MTU'), 0, VOCAB)).toBeUndefined();
  });

  it('joins a header a narrow terminal wrapped in the middle of a name', () => {
    const lines = toLines('Interface  Port Group          IP Address      Netmask         MAC Add\nress       MTU     Type');
    const header = headerAt(lines, 0, VOCAB);
    expect(header?.layout.columns.map((c) => c.spec?.key)).toEqual(['name', 'group', 'ip', 'mask', 'mac', 'mtu', 'type']);
    expect(header?.layout.positional).toBe(false);
    expect(header?.next).toBe(2);
  });
});

describe('readRow', () => {
  const layout = layoutOf(HEADER);

  it('keeps single spaces inside a cell', () => {
    expect(cellsOf(layout, 'vmk0       Management Network  10.0.0.1        255.255.255.0   00:50:56:aa:bb:01 1500    STATIC, PREFERRED')).toEqual({
      name: 'vmk0',
      group: 'Management Network',
      ip: '10.0.0.1',
      mask: '255.255.255.0',
      mac: '00:50:56:aa:bb:01',
      mtu: '1500',
      type: 'STATIC, PREFERRED',
    });
  });

  it('re-aligns the cells a value longer than its column pushed to the right', () => {
    const row = 'vmk1       vMotion-and-storage-network-01 10.0.0.2        255.255.255.0   00:50:56:aa:bb:02 9000    STATIC';
    expect(cellsOf(layout, row)).toMatchObject({ group: 'vMotion-and-storage-network-01', ip: '10.0.0.2', mask: '255.255.255.0', mtu: '9000' });
  });

  it('reads a row squeezed to single spaces by its types alone', () => {
    expect(cellsOf(layout, 'vmk2 VM Storage Net 10.0.0.3 255.255.0.0 00:50:56:aa:bb:03 1500 DHCP')).toMatchObject({
      group: 'VM Storage Net',
      ip: '10.0.0.3',
      mask: '255.255.0.0',
      type: 'DHCP',
    });
  });

  it('treats tabs as separators', () => {
    expect(cellsOf(layout, 'vmk3\tMgmt Network\t10.0.0.4\t255.255.255.0\t00:50:56:aa:bb:04\t1500\tSTATIC')).toMatchObject({
      group: 'Mgmt Network',
      ip: '10.0.0.4',
      mtu: '1500',
    });
  });

  it('ignores zero-width characters a web page left inside values', () => {
    expect(cellsOf(layout, 'vmk3 Mgmt 10.0.\u200b0.4 255.255.255.0 00:50:56:aa:bb:04 1500 STATIC')).toMatchObject({ ip: '10.0.0.4' });
  });

  it('reads a blank optional cell as empty', () => {
    expect(cellsOf(layout, 'vmk4       PG                  10.0.0.5        255.255.255.0   00:50:56:aa:bb:05 1500')).toMatchObject({ type: '' });
  });

  it('says which column failed and what it expected', () => {
    const reading = readRow(layout, 'vmk5       PG                  x.x.x.x         255.255.255.0   00:50:56:aa:bb:06 1500    STATIC');
    // The lenient pass keeps the row but refuses the unreadable cell.
    expect(reading).toMatchObject({ kind: 'row', refused: [{ key: 'ip', reason: 'expected an IPv4 address in column IP Address (found "x.x.x.x")' }] });
    expect(reading.kind === 'row' && reading.cells.ip).toBeFalsy();
  });

  it('reports a row cut before a required column', () => {
    expect(readRow(layout, 'vmk6       PG                  10.0.0.7        255.255.255.0')).toEqual({
      kind: 'mismatch',
      reason: 'the row ends before column MAC Address (was it cut off?)',
    });
  });

  it('refuses a row with more damage than a couple of cells', () => {
    expect(readRow(layout, 'Connection to esx01 closed.').kind).toBe('mismatch');
  });

  it('refuses a cell it cannot place with certainty instead of guessing', () => {
    // Squeezed, with an unknown free column next to the port group: where one ends and the other begins is unknown.
    const odd = layoutOf('Interface Port Group Comment IP Address Netmask MAC Address MTU');
    const reading = readRow(odd, 'vmk0 Mgmt Net 10.0.0.1 255.255.255.0 00:50:56:aa:bb:01 1500');
    expect(reading.kind).toBe('row');
    if (reading.kind !== 'row') return;
    expect(reading.cells.group).toBeUndefined();
    expect(reading.refused[0]?.reason).toContain('cannot be told apart');
    expect(reading.cells.ip).toBe('10.0.0.1');
  });
});

describe('readRows', () => {
  const layout = layoutOf(HEADER);

  it('skips blank lines, fences and a trailing bare prompt, and reports unreadable lines with the reason', () => {
    const lines = toLines(
      [
        '```',
        'vmk0       Management Network  10.0.0.1        255.255.255.0   00:50:56:aa:bb:01 1500    STATIC',
        '',
        'some shell noise here',
        '```',
        '[root@esx01:~]',
      ].join('\n'),
    );
    const read = readRows(lines, 0, layout);
    expect(read.rows.map((r) => r.line.n)).toEqual([2]);
    expect(read.warnings).toEqual([
      { line: 4, message: 'row does not match the header: expected a vmknic name in column Interface (found "some")' },
    ]);
  });

  it('joins a row a terminal wrapped in the middle of an address', () => {
    const lines = toLines(
      ['vmk0       Management Network  10.0.0.1        255.255.255.0   00:50:56:aa', ':bb:01 1500    STATIC', 'vmk1       PG  10.0.0.2  255.255.255.0  00:50:56:aa:bb:02 1500'].join('\n'),
    );
    const read = readRows(lines, 0, layout, { isRowStart: isVmkName });
    expect(read.warnings).toEqual([]);
    expect(read.rows.map((r) => [r.line.n, r.lines.length, r.cells.mac])).toEqual([
      [1, 2, '00:50:56:aa:bb:01'],
      [3, 1, '00:50:56:aa:bb:02'],
    ]);
  });

  it('warns instead of joining when the wrap can be undone in two ways', () => {
    // "Management Net" + "work": a cut word or two words — both read cleanly, with different port groups.
    const lines = toLines(['vmk0       Management Net', 'work  10.0.0.1        255.255.255.0   00:50:56:aa:bb:01 1500    STATIC'].join('\n'));
    const read = readRows(lines, 0, layout, { isRowStart: isVmkName });
    expect(read.rows).toEqual([]);
    expect(read.warnings[0]?.message).toContain('join in more than one way');
  });

  it('stops at the line isEnd names', () => {
    const lines = toLines(['vmk0  PG  10.0.0.1  255.255.255.0  00:50:56:aa:bb:01  1500', 'STOP', 'vmk1  PG  10.0.0.2  255.255.255.0  00:50:56:aa:bb:02  1500'].join('\n'));
    const read = readRows(lines, 0, layout, { isEnd: (line) => line.text === 'STOP' });
    expect(read.rows).toHaveLength(1);
    expect(read.next).toBe(1);
  });
});

describe('readTable', () => {
  it('reads a table printed twice, each part with its own header widths', () => {
    const lines = toLines(
      [
        'noise before',
        'Interface  IP Address  Netmask',
        'vmk0       10.0.0.1    255.255.255.0',
        'Interface  IP Address                Netmask',
        'vmk1       10.0.0.2                  255.255.255.0',
      ].join('\n'),
    );
    const read = readTable(lines, VOCAB);
    expect(read?.rows.map((r) => [r.cells.name, r.cells.ip])).toEqual([
      ['vmk0', '10.0.0.1'],
      ['vmk1', '10.0.0.2'],
    ]);
    expect(read?.warnings).toEqual([{ line: 1, message: 'line before the table header, not read: "noise before"' }]);
  });

  it('returns undefined without a header, and noHeader names a near-miss header', () => {
    const lines = toLines('Interface  Port Group  MTU\nvmk0  PG  1500');
    expect(readTable(lines, VOCAB)).toBeUndefined();
    expect(noHeader(lines, VOCAB, 'test')).toEqual({ line: 1, message: 'The test header has no IP Address column: the table cannot be read.' });
  });
});
