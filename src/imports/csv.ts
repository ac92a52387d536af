/**
 * CSV exports → Table. What PowerShell and RVTools do to a CSV (imports.md §2.2): a `#TYPE …` first line (Windows
 * PowerShell without -NoTypeInformation), a BOM, `;` or tab instead of `,` (-UseCulture on German or French
 * machines), quoted or bare fields, CRLF or LF.
 *
 * `readCsv` is a small RFC 4180 scanner; csv-library.ts reads the same files with csv-parse, and csv.test.ts proves
 * both give the same rows on generated CSV. The scanner is what the scan uses because the benchmark
 * (bench/scan.ts) showed csv-parse to be the bottleneck of a 5,000-host scan — 9–11× the cost of reading and
 * splitting the same bytes (the scanner: 1.1×), more than the whole analysis — so the exception applies.
 * Hostile input: a field over MAX_FIELD_CHARS or a record over MAX_FIELDS fields is skipped with its line number
 * (the scanner resynchronises at the next record); more than MAX_ROWS rows stop the reading with a reason.
 */
import type { Table, TableRow } from './table.ts';

/** No export field comes near this (a vHost row is ~500 bytes); a 10 MB field is skipped, never copied. */
export const MAX_FIELD_CHARS = 64 * 1024;
/** RVTools vHost has 74 columns; custom attributes add a few dozen. */
export const MAX_FIELDS = 4096;
/** vSC_VMK of a 15,000-host linked-mode estate is ~90,000 rows. */
export const MAX_ROWS = 2_000_000;

export type CsvRead = { readonly ok: true; readonly table: Table } | { readonly ok: false; readonly line: number; readonly message: string };

/** The delimiter that splits the header line into the most fields (outside quotes). */
export function sniffDelimiter(headerLine: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (let i = 0; i < headerLine.length && i < 64 * 1024; i++) {
    const c = headerLine[i]!;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === ',' || c === ';' || c === '\t')) counts[c]++;
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[','] && counts['\t'] > counts[';']) return '\t';
  return ',';
}

function lineEnd(text: string, from: number): number {
  const i = text.indexOf('\n', from);
  return i < 0 ? text.length : i;
}

export interface Prelude {
  readonly text: string;
  readonly offset: number;
  readonly typeName?: string;
  readonly delimiter: ',' | ';' | '\t';
}

/** BOM, leading blank lines and a `#TYPE` line; the delimiter sniffed from the header line. */
export function prelude(input: string): Prelude | { error: string; line: number } {
  let text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  let offset = 0;
  // Leading blank lines, then an optional `#TYPE` line.
  let start = 0;
  while (start < text.length) {
    const end = lineEnd(text, start);
    if (text.slice(start, end).trim() !== '') break;
    start = end + 1;
    offset++;
  }
  let typeName: string | undefined;
  const firstEnd = lineEnd(text, start);
  const first = text.slice(start, firstEnd).replace(/\r$/, '');
  if (/^#TYPE\s/i.test(first)) {
    typeName = first.slice(6).trim();
    start = firstEnd + 1;
    offset++;
  }
  if (start > 0) text = text.slice(start);
  const headerText = text.slice(0, lineEnd(text, 0));
  if (headerText.trim() === '') return { error: 'no header line', line: offset + 1 };
  return { text, offset, ...(typeName !== undefined ? { typeName } : {}), delimiter: sniffDelimiter(headerText) };
}


/**
 * A scanned row; its text for evidence lines is cut from the file only when asked for. Transient rows (Table.rows)
 * are one object refilled for every row.
 */
class CsvRow implements TableRow {
  constructor(
    public line: number,
    public cells: string[],
    private readonly text: string,
    public from: number,
    public end: number,
  ) {}

  get raw(): string {
    return this.text.slice(this.from, Math.min(this.end, this.from + 240));
  }
}

/**
 * The scanner: RFC 4180 (a field is quoted when it starts with `"`, `""` inside is one quote, quoted fields may
 * hold delimiters and line breaks), records end at LF or CRLF (or a lone CR), blank lines are skipped, rows may
 * have any number of fields. Lenient where csv-parse would refuse: a quote inside a bare field is literal
 * (csv-parse's relax_quotes), text after a closing quote is appended. Linear, never throws.
 */
class Scanner {
  private i = 0;
  private line: number;
  private width = 0; // fields of the last record
  private nl = -1; // a line feed at or after the last quoted field looked at; text length when none
  private readonly n: number;
  readonly skipped: { line: number; reason: string }[] = [];

  constructor(
    private readonly text: string,
    private readonly delim: number,
    offset: number,
  ) {
    this.line = offset + 1;
    this.n = text.length;
  }

  private nextLf(from: number): number {
    const k = this.text.indexOf('\n', from);
    return k < 0 ? this.n : k;
  }

  /** Counts the line feeds before `q` that lie at or after `from`. */
  private countLines(from: number, q: number): void {
    if (this.nl < from) this.nl = this.nextLf(from);
    while (this.nl < q) {
      this.line++;
      this.nl = this.nextLf(this.nl + 1);
    }
  }

  /**
   * The next non-blank record, or undefined at the end. `want[k]` false: cell k is not sliced. `reuse`: the row to
   * refill (a transient read, Table.rows) instead of a new row and cells array per record — for 110,000 rows of a
   * 5,000-host estate, ~40 MB less to allocate and collect.
   */
  next(want?: readonly boolean[], reuse?: CsvRow): TableRow | undefined {
    const { text, n, delim } = this;
    while (this.i < n) {
      const start = this.line;
      const from = this.i;
      // Sized like the previous record (rows of an export have one width): no growing copies of the array.
      const cells: string[] = reuse ? reuse.cells : new Array<string>(this.width);
      let nc = 0;
      let problem: string | undefined;
      let i = this.i;
      for (;;) {
        const keep = want === undefined || want[nc] === true;
        let value = '';
        let length = 0;
        if (text.charCodeAt(i) === 34) {
          // Quoted field: runs of text between quotes, `""` standing for one quote.
          let j = i + 1;
          let parts: string[] | undefined;
          let closed = false;
          // Most quoted fields (RVTools quotes every one) hold no `""`: one slice, no array of parts.
          const q0 = text.indexOf('"', j);
          if (q0 >= 0 && text.charCodeAt(q0 + 1) !== 34) {
            this.countLines(j, q0);
            length = q0 - j;
            if (keep && length <= MAX_FIELD_CHARS && length > 0) value = text.slice(j, q0);
            j = q0 + 1;
            closed = true;
          }
          while (!closed) {
            const q = text.indexOf('"', j);
            if (q < 0) break;
            this.countLines(j, q);
            const escaped = text.charCodeAt(q + 1) === 34;
            const end = escaped ? q + 1 : q;
            length += end - j;
            if (keep && length <= MAX_FIELD_CHARS && end > j) (parts ??= []).push(text.slice(j, end));
            j = escaped ? q + 2 : q + 1;
            if (!escaped) {
              closed = true;
              break;
            }
          }
          if (!closed) {
            this.countLines(j, n);
            this.skipped.push({ line: start, reason: 'a quote that is never closed (reading stopped here)' });
            this.i = n;
            return undefined;
          }
          if (parts) value = parts.length === 1 ? parts[0]! : parts.join('');
          // Text between the closing quote and the next delimiter (malformed) is kept, as relax_quotes does.
          let k = j;
          while (k < n) {
            const c = text.charCodeAt(k);
            if (c === delim || c === 10 || c === 13) break;
            k++;
          }
          length += k - j;
          if (keep && k > j && length <= MAX_FIELD_CHARS) value += text.slice(j, k);
          i = k;
        } else {
          let k = i;
          while (k < n) {
            const c = text.charCodeAt(k);
            if (c === delim || c === 10 || c === 13) break;
            k++;
          }
          length = k - i;
          if (keep && k > i && length <= MAX_FIELD_CHARS) value = text.slice(i, k);
          i = k;
        }
        if (length > MAX_FIELD_CHARS) problem ??= `a field longer than ${MAX_FIELD_CHARS / 1024} KiB`;
        if (nc < MAX_FIELDS) cells[nc++] = value;
        else problem ??= `more than ${MAX_FIELDS} fields`;
        if (i >= n) break;
        const c = text.charCodeAt(i);
        if (c === delim) {
          i++;
          if (i >= n) {
            cells[nc++] = '';
            break;
          }
          continue;
        }
        break;
      }
      if (cells.length !== nc) cells.length = nc;
      this.width = nc;
      // End of record: CRLF, LF or CR.
      const end = i;
      if (i < n) {
        i += text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
        this.line++;
      }
      this.i = i;
      if (problem) {
        this.skipped.push({ line: start, reason: problem });
        continue;
      }
      // Blank line (or a line of blanks): no record.
      if (cells.length === 1 && (end - from === 0 || text.slice(from, end).trim() === '')) continue;
      if (!reuse) return new CsvRow(start, cells, text, from, end);
      reuse.line = start;
      reuse.from = from;
      reuse.end = end;
      return reuse;
    }
    return undefined;
  }

  /** A row object to refill (Scanner.next's `reuse`). */
  transientRow(): CsvRow {
    return new CsvRow(0, [], this.text, 0, 0);
  }

  rest(wanted?: readonly number[], transient = false): Iterable<TableRow> {
    let want: boolean[] | undefined;
    if (wanted) {
      want = [];
      for (const k of wanted) want[k] = true;
    }
    return new CsvRows(this, want, transient ? this.transientRow() : undefined);
  }
}

/**
 * The rows of a scanner as an iterator that hands out one result object (a generator allocates one per row, and
 * the importers' row loops wrap it in another: four objects per row of 110,000 for a 5,000-host estate).
 */
class CsvRows implements Iterable<TableRow>, Iterator<TableRow> {
  private readonly result: { done: boolean; value: TableRow | undefined } = { done: false, value: undefined };
  private count = 0;

  constructor(
    private readonly scanner: Scanner,
    private readonly want: boolean[] | undefined,
    private readonly reuse: CsvRow | undefined,
  ) {}

  [Symbol.iterator](): Iterator<TableRow> {
    return this;
  }

  next(): IteratorResult<TableRow> {
    const r = this.result;
    if (!r.done) {
      const row = this.scanner.next(this.want, this.reuse);
      if (row && ++this.count > MAX_ROWS) {
        this.scanner.skipped.push({ line: row.line, reason: `more than ${MAX_ROWS} rows: the rest of the file was not read` });
        r.done = true;
        r.value = undefined;
      } else if (row) r.value = row;
      else {
        r.done = true;
        r.value = undefined;
      }
    }
    return r as IteratorResult<TableRow>;
  }
}

export function readCsv(file: string, input: string): CsvRead {
  const pre = prelude(input);
  if ('error' in pre) return { ok: false, line: pre.line, message: pre.error };
  const scanner = new Scanner(pre.text, pre.delimiter.charCodeAt(0), pre.offset);
  const head = scanner.next();
  if (!head) return { ok: false, line: pre.offset + 1, message: scanner.skipped[0]?.reason ?? 'no header line' };
  let used = false;
  return {
    ok: true,
    table: {
      file,
      header: head.cells.map((h) => h.trim()),
      headerLine: head.line,
      ...(pre.typeName !== undefined ? { typeName: pre.typeName } : {}),
      skipped: scanner.skipped,
      rows: (wanted, transient) => {
        if (used) throw new Error('the rows of a CSV table can be read once');
        used = true;
        return scanner.rest(wanted, transient);
      },
    },
  };
}
