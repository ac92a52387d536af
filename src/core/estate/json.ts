/**
 * The scan's JSON (`path-doctor scan --format json`) as a sequence of pieces, one host or pair at a time, so a
 * writer can stream 50,000 hosts without first building one string of hundreds of megabytes (27 MB at 5,000 hosts,
 * pretty-printed). The pieces joined are exactly `JSON.stringify(result, null, 2)` (or `JSON.stringify(result)` with
 * `compact`): streaming changes when the bytes are written, never which bytes.
 */
import type { ScanResult } from './types.ts';

export interface ScanJsonOptions {
  /** One line without indentation (as `jq -c` or PowerShell's `ConvertTo-Json -Compress`): same fields and values. */
  readonly compact?: boolean;
}

/** Arrays long enough to be written element by element; the other fields are small and go in one piece. */
const STREAMED = new Set(['hosts', 'pairs', 'groups']);

function indented(value: unknown, prefix: string): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, `\n${prefix}`);
}

/** The JSON text of a scan result in pieces (a host or a pair each, for the long arrays). */
export function* scanJsonPieces(result: ScanResult, options: ScanJsonOptions = {}): Generator<string> {
  // JSON.stringify drops undefined and function values; so does this (the result is plain data).
  const fields = Object.entries(result).filter(([, v]) => v !== undefined && typeof v !== 'function');
  if (options.compact) {
    yield '{';
    for (let i = 0; i < fields.length; i++) {
      const [key, value] = fields[i]!;
      const head = `${i > 0 ? ',' : ''}${JSON.stringify(key)}:`;
      if (STREAMED.has(key) && Array.isArray(value) && value.length > 0) {
        yield `${head}[`;
        for (let j = 0; j < value.length; j++) yield `${j > 0 ? ',' : ''}${JSON.stringify(value[j]) ?? 'null'}`;
        yield ']';
      } else yield `${head}${JSON.stringify(value)}`;
    }
    yield '}';
    return;
  }
  if (fields.length === 0) {
    yield '{}';
    return;
  }
  yield '{\n';
  for (let i = 0; i < fields.length; i++) {
    const [key, value] = fields[i]!;
    const tail = i < fields.length - 1 ? ',\n' : '\n';
    if (STREAMED.has(key) && Array.isArray(value) && value.length > 0) {
      yield `  ${JSON.stringify(key)}: [\n`;
      // Array elements that JSON cannot hold (undefined, functions) are written as null, as JSON.stringify does.
      for (let j = 0; j < value.length; j++) yield `    ${JSON.stringify(value[j]) === undefined ? 'null' : indented(value[j], '    ')}${j < value.length - 1 ? ',\n' : '\n'}`;
      yield `  ]${tail}`;
    } else yield `  ${JSON.stringify(key)}: ${indented(value, '  ')}${tail}`;
  }
  yield '}';
}
