/**
 * A table as the importers read it, whatever it came from (a CSV file, an xlsx sheet, a JSON array of objects):
 * a header row and data rows, each with the line (CSV) or row number (xlsx, JSON element) it came from.
 */

export interface TableRow {
  readonly line: number;
  readonly cells: readonly string[];
  /** The row as it stands in the file (CSV), for evidence references; absent for sheets and JSON. */
  readonly raw?: string;
}

export interface Table {
  /** Name used in evidence references: the file, or `book.xlsx#vHost` for a sheet. */
  readonly file: string;
  readonly header: readonly string[];
  readonly headerLine: number;
  /** `#TYPE …` first line of a Windows PowerShell export, when there was one (imports.md §2.2). */
  readonly typeName?: string;
  /**
   * The data rows, read as they are iterated (a CSV is never held as a table of strings). `wanted`: the column
   * indexes the caller reads; other cells may come back empty. `transient`: the caller reads each row before asking
   * for the next and keeps nothing of it but its strings, so a reader may hand out one row object and one cells
   * array, refilled for every row. Iterate once.
   */
  rows(wanted?: readonly number[], transient?: boolean): Iterable<TableRow>;
  /** Rows dropped while reading (a field too large, a broken quote): complete once `rows()` has been iterated. */
  readonly skipped: { line: number; reason: string }[];
}

/** A table whose rows are already in memory (sheets, JSON, csv-parse). */
export function tableOf(
  file: string,
  header: readonly string[],
  headerLine: number,
  rows: readonly TableRow[],
  skipped: { line: number; reason: string }[] = [],
  typeName?: string,
): Table {
  return { file, header, headerLine, rows: () => rows, skipped, ...(typeName !== undefined ? { typeName } : {}) };
}

/** JSON values flattened to the strings a CSV export of the same objects would hold. */
export function cellOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (Array.isArray(value)) return value.map(cellOf).join(',');
  if (typeof value === 'object') {
    // ConvertTo-Json writes object-valued properties (VMHost, Entity) as nested objects: their Name is the value.
    const o = value as Record<string, unknown>;
    for (const k of ['Name', 'name', 'Value', 'value']) if (typeof o[k] === 'string') return o[k] as string;
    return '';
  }
  return '';
}

/**
 * A JSON export (`ConvertTo-Json` of PowerShell objects): an array of objects, one object, or the `{ value: […] }`
 * wrapper some scripts produce. Columns: every key seen, in first-seen order. Null when the JSON is no such list.
 */
export function tableFromJson(file: string, data: unknown, maxRows: number): Table | null {
  let items: unknown[];
  if (Array.isArray(data)) items = data;
  else if (data !== null && typeof data === 'object' && Array.isArray((data as Record<string, unknown>)['value'])) items = (data as { value: unknown[] }).value;
  else if (data !== null && typeof data === 'object') items = [data];
  else return null;
  const header: string[] = [];
  const col = new Map<string, number>();
  const rows: TableRow[] = [];
  const skipped: { line: number; reason: string }[] = [];
  items.slice(0, maxRows).forEach((item, i) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      skipped.push({ line: i + 1, reason: 'not an object' });
      return;
    }
    const cells: string[] = [];
    for (const [k, v] of Object.entries(item as Record<string, unknown>)) {
      let c = col.get(k);
      if (c === undefined) {
        c = header.length;
        header.push(k);
        col.set(k, c);
      }
      cells[c] = cellOf(v);
    }
    rows.push({ line: i + 1, cells: Array.from(cells, (c) => c ?? '') });
  });
  if (items.length > maxRows) skipped.push({ line: maxRows + 1, reason: `more than ${maxRows} elements: the rest was not read` });
  if (header.length === 0) return null;
  return tableOf(file, header, 0, rows, skipped);
}
