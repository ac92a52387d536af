/**
 * One line per goal in every benchmark: the figure, the goal, PASS or MISS and by how much. Benchmarks report and
 * never fail the process (a busy machine is not a broken build); tests check behaviour, never durations.
 */
export interface Goal {
  /** What is measured, e.g. "time to first interactive screen". */
  readonly what: string;
  readonly value: number;
  /** The figure must stay at or under this. */
  readonly max: number;
  /** Formats a figure (value, limit, margin). */
  readonly unit: (n: number) => string;
  /** Where the goal comes from (an issue, a former test threshold). */
  readonly source?: string;
}

export function goalLine(g: Goal): string {
  const pass = g.value <= g.max;
  const margin = pass ? `${g.unit(g.max - g.value)} to spare` : `over by ${g.unit(g.value - g.max)} (${((g.value / g.max - 1) * 100).toFixed(0)}%)`;
  return `goal${g.source ? ` (${g.source})` : ''}: ${g.what} ≤ ${g.unit(g.max)} — ${pass ? 'PASS' : 'MISS'}: ${g.unit(g.value)}, ${margin}`;
}

export const ms = (n: number): string => `${Math.round(n).toLocaleString('en-US')} ms`;
export const times = (n: number): string => `${n.toFixed(2)}x`;
