/**
 * The same CSV files read with csv-parse: the reference the scanner in csv.ts is tested against (csv.test.ts) and
 * the comparison in bench/scan.ts. Not used by the scan (csv-parse cost 9–11× the floor there). Kept apart so that
 * csv.ts stays free of csv-parse's Node build (it needs Node's Buffer).
 */
import { parse } from 'csv-parse/sync';
import type { CsvRead } from './csv.ts';
import { prelude } from './csv.ts';
import type { TableRow } from './table.ts';
import { tableOf } from './table.ts';

/** csv-parse's record cap (it cannot resynchronise after it, so reading stops there). */
export const MAX_RECORD_BYTES = 1024 * 1024;

interface CsvRecord {
  readonly record: string[];
  readonly info: { readonly lines: number };
}

export function readCsvWithLibrary(file: string, input: string): CsvRead {
  const pre = prelude(input);
  if ('error' in pre) return { ok: false, line: pre.line, message: pre.error };
  const { text, offset, typeName, delimiter } = pre;

  const skipped: { line: number; reason: string }[] = [];
  let records: CsvRecord[];
  try {
    records = parse(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      info: true,
      max_record_size: MAX_RECORD_BYTES,
      skip_records_with_error: true,
      on_skip: (err) => {
        if (err) skipped.push({ line: offset + (typeof err.lines === 'number' ? err.lines : 0), reason: skipReason(err.code, err.message) });
        return undefined;
      },
    }) as unknown as CsvRecord[];
  } catch (e) {
    const err = e as { lines?: unknown; code?: string; message?: string };
    return { ok: false, line: offset + (typeof err.lines === 'number' ? err.lines : 1), message: skipReason(err.code, err.message ?? String(e)) };
  }
  const head = records[0];
  if (!head) return { ok: false, line: offset + 1, message: 'no header line' };
  const rows: TableRow[] = [];
  for (let i = 1; i < records.length; i++) {
    const r = records[i]!;
    rows.push({ line: offset + r.info.lines, cells: r.record });
  }
  return { ok: true, table: tableOf(file, head.record.map((h) => h.trim()), offset + head.info.lines, rows, skipped, typeName) };
}

function skipReason(code: string | undefined, message: string): string {
  if (code === 'CSV_MAX_RECORD_SIZE') return `a record larger than ${MAX_RECORD_BYTES / 1024 / 1024} MiB (reading stopped here; the rows before it are used)`;
  if (code === 'CSV_QUOTE_NOT_CLOSED') return 'a quote that is never closed (reading stopped here)';
  return message.length > 200 ? `${message.slice(0, 197)}...` : message;
}
