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

/** Arrays long enough to be written a batch of elements at a time; the other fields are small and go in one piece. */
const STREAMED = new Set(['hosts', 'pairs', 'groups']);
/**
 * Elements per piece: ~90 KB of text for hosts, so native stringify does the work and each piece stays a young
 * object. Pieces over V8's large-object size (128 KB; 128 hosts made ~0.7 MB) go straight to the old generation and
 * stay there until a full collection: the 5,000-host scan peaked ~20 MB higher with them.
 */
const BATCH = 16;

function indented(value: unknown, prefix: string): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, `\n${prefix}`);
}

/**
 * Elements `from`..`to` of a top-level array, pretty-printed at their depth: the array is stringified inside an
 * object of the same nesting (`{ "k": [ … ] }`), whose first and last lines are cut off, so the native
 * JSON.stringify does the indentation (no regex pass over the text).
 */
function prettyBatch(values: readonly unknown[], from: number, to: number): string {
  // Holes and values JSON cannot hold become null, as JSON.stringify writes them in an array.
  const text = JSON.stringify({ k: values.slice(from, to) }, null, 2);
  return text.slice('{\n  "k": [\n'.length, text.length - '\n  ]\n}'.length);
}

/** The JSON text of a scan result in pieces (a batch of hosts or pairs each, for the long arrays). */
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
        for (let j = 0; j < value.length; j += BATCH) {
          const text = JSON.stringify(value.slice(j, j + BATCH));
          yield `${j > 0 ? ',' : ''}${text.slice(1, -1)}`;
        }
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
      for (let j = 0; j < value.length; j += BATCH) yield `${j > 0 ? ',\n' : ''}${prettyBatch(value, j, j + BATCH)}`;
      yield `\n  ]${tail}`;
    } else yield `  ${JSON.stringify(key)}: ${indented(value, '  ')}${tail}`;
  }
  yield '}';
}
