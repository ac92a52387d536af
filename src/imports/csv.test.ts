import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CsvRead } from './csv.ts';
import { MAX_FIELD_CHARS, readCsv, sniffDelimiter } from './csv.ts';
import { readCsvWithLibrary } from './csv-library.ts';

function table(r: CsvRead) {
  if (!r.ok) throw new Error(`${r.line}: ${r.message}`);
  const rows = [...r.table.rows()].map((row) => ({ line: row.line, cells: [...row.cells] }));
  return { header: r.table.header, headerLine: r.table.headerLine, typeName: r.table.typeName, rows, skipped: r.table.skipped };
}

describe('readCsv', () => {
  it('skips a BOM and a #TYPE line, and numbers lines as in the file', () => {
    const t = table(readCsv('x.csv', '\uFEFF#TYPE Selected.VMware.Foo\r\n"VMHost","Name"\r\n"esx1","vmk0"\r\n'));
    expect(t).toEqual({ header: ['VMHost', 'Name'], headerLine: 2, typeName: 'Selected.VMware.Foo', rows: [{ line: 3, cells: ['esx1', 'vmk0'] }], skipped: [] });
  });

  it('sniffs ";" and tab separators from the header line (PowerShell -UseCulture)', () => {
    expect(sniffDelimiter('Host;Device;IP')).toBe(';');
    expect(sniffDelimiter('Host\tDevice\tIP')).toBe('\t');
    expect(sniffDelimiter('"a;b",c')).toBe(',');
    expect(table(readCsv('x.csv', 'a;b\n1;"2;3"\n')).rows[0]!.cells).toEqual(['1', '2;3']);
  });

  it('keeps quoted commas, doubled quotes and line breaks, and counts the lines a record spans', () => {
    const t = table(readCsv('x.csv', 'a,b\r\n"x,1","say ""hi"""\r\n"multi\r\nline",2\r\n\r\nlast,3'));
    expect(t.rows).toEqual([
      { line: 2, cells: ['x,1', 'say "hi"'] },
      { line: 3, cells: ['multi\r\nline', '2'] },
      { line: 6, cells: ['last', '3'] },
    ]);
  });

  it('reads rows with more or fewer fields than the header (custom attribute columns, cut rows)', () => {
    expect(table(readCsv('x.csv', 'a,b\n1\n1,2,3\n')).rows.map((r) => r.cells)).toEqual([['1'], ['1', '2', '3']]);
  });

  it('skips a 10 MB field without copying it and reads the rows after it', () => {
    const big = 'x'.repeat(10 * 1024 * 1024);
    const t = table(readCsv('x.csv', `a,b\n1,2\n3,"${big}"\n4,${big}\n5,6\n`));
    expect(t.rows.map((r) => r.cells)).toEqual([
      ['1', '2'],
      ['5', '6'],
    ]);
    expect(t.skipped).toEqual([
      { line: 3, reason: `a field longer than ${MAX_FIELD_CHARS / 1024} KiB` },
      { line: 4, reason: `a field longer than ${MAX_FIELD_CHARS / 1024} KiB` },
    ]);
  });

  it('stops at a quote that is never closed, keeping the rows before it', () => {
    const t = table(readCsv('x.csv', 'a,b\n1,2\n3,"open\n4,5\n'));
    expect(t.rows.map((r) => r.cells)).toEqual([['1', '2']]);
    expect(t.skipped).toEqual([{ line: 3, reason: 'a quote that is never closed (reading stopped here)' }]);
  });

  it('is lenient where csv-parse would refuse: a quote inside a bare field, text after a closing quote', () => {
    expect(table(readCsv('x.csv', 'a,b\nsa"y,"q"x\n')).rows[0]!.cells).toEqual(['sa"y', 'qx']);
  });

  it('refuses a file with no header line', () => {
    expect(readCsv('x.csv', '\n\n  \n')).toEqual({ ok: false, line: 4, message: 'no header line' });
  });

  it('slices only the columns asked for', () => {
    const r = readCsv('x.csv', 'a,b,c\n1,2,3\n');
    if (!r.ok) throw new Error();
    expect([...r.table.rows([2])].map((x) => x.cells)).toEqual([['', '', '3']]);
  });

  it('hands out one row refilled for every record when the rows are read as transient, with the same cells', () => {
    const text = 'a,b,c\n1,"two, 2",3\n\n4,5\n"6",,"x""y"\n';
    const fresh = table(readCsv('x.csv', text)).rows;
    const r = readCsv('x.csv', text);
    if (!r.ok) throw new Error();
    const seen: { line: number; cells: string[]; raw: string | undefined }[] = [];
    const objects = new Set<object>();
    for (const row of r.table.rows(undefined, true)) {
      objects.add(row);
      objects.add(row.cells);
      seen.push({ line: row.line, cells: [...row.cells], raw: row.raw });
    }
    expect(seen.map(({ line, cells }) => ({ line, cells }))).toEqual(fresh);
    expect(seen.map((x) => x.raw)).toEqual(['1,"two, 2",3', '4,5', '"6",,"x""y"']);
    expect(objects.size).toBe(2);
  });

  // The scanner replaces csv-parse for speed (bench/scan.ts): on well-formed CSV it must give the same answers.
  const bare = fc.stringMatching(/^[A-Za-z0-9 .:_\-()#[\]/]{0,12}$/);
  const csvOf = (units: string[]) =>
    fc.tuple(
      fc.constantFrom(',', ';', '\t'),
      fc.array(
        fc.array(
          fc.oneof(
            bare.map((s) => (s.trim() === s ? s : `"${s}"`)),
            fc.string({ maxLength: 12, unit: fc.constantFrom(...units) }).map((s) => `"${s.replace(/"/g, '""')}"`),
          ),
          { minLength: 1, maxLength: 6 },
        ),
        { minLength: 1, maxLength: 8 },
      ),
      fc.constantFrom('\n', '\r\n'),
      fc.boolean(),
    ).map(([delim, records, eol, trailing]) => {
      // A header of plain names (as every export has), so both readers sniff the same delimiter.
      const header = ['col0', ...records[0]!.map((_, i) => `col${i + 1}`)].join(delim);
      return [header, ...records.map((r) => r.join(delim))].join(eol) + (trailing ? eol : '');
    });
  const RUNS = Number(process.env['FUZZ_RUNS'] ?? 300);
  // Bounded by run count; the timeout only catches a stuck run (normal pace: about 1 ms per input, 10 under load).
  const TIMEOUT = Math.max(120_000, RUNS * 50);

  it('reads every well-formed CSV exactly as csv-parse does: cells and line numbers', () => {
    fc.assert(
      fc.property(csvOf(['a', 'b', ' ', ',', ';', '"', '\n', 'é', '\t']), (text) => {
        const mine = table(readCsv('x.csv', text));
        const lib = table(readCsvWithLibrary('x.csv', text));
        // csv-parse numbers a record by its last line, the scanner by its first (what an evidence line should show).
        const firstLine = (r: { line: number; cells: string[] }) => ({ ...r, line: r.line - r.cells.reduce((n, c) => n + (c.match(/\n/g)?.length ?? 0), 0) });
        expect(mine).toEqual({ ...lib, rows: lib.rows.map(firstLine) });
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);

  it('reads the same cells as csv-parse when quoted fields hold CR or CRLF (where csv-parse miscounts lines)', () => {
    fc.assert(
      fc.property(csvOf(['a', ',', '"', '\r', '\r\n', '\n']), (text) => {
        const cells = (r: CsvRead) => table(r).rows.map((row) => row.cells);
        expect(cells(readCsv('x.csv', text))).toEqual(cells(readCsvWithLibrary('x.csv', text)));
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);
});
