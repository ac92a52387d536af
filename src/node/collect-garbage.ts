/**
 * A full garbage collection on request, for a command that knows a phase boundary where most of its heap has just
 * died: after the estate import, the per-file host facts (as large as the merged models) are garbage, but they were
 * promoted to the old generation, and V8 would let the heap grow past them before collecting. Collecting there
 * keeps the 5,000-host scan's peak RSS ~40 MB lower (bench/cli.ts) for one collection of the live models.
 *
 * `gc` is made available only inside a fresh context (node:vm), never on the program's own global object; where the
 * flag cannot be set, this does nothing.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | null | undefined;

export function collectGarbage(): void {
  if (gc === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      const fn: unknown = runInNewContext('typeof gc === "function" ? gc : null');
      gc = typeof fn === 'function' ? (fn as () => void) : null;
    } catch {
      gc = null;
    }
  }
  gc?.();
}
