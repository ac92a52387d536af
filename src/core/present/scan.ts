/**
 * The Scan view's finding groups as a reader wants them: one line per finding (and severity), whether the analysis
 * met it on single hosts, on pairs inside a cluster, or both — the estate core keeps host and pair groups apart
 * because they are counted differently, but a reader asks "which hosts have this problem".
 */
import type { ScanGroupJson } from '../estate/types.ts';
import { CERTAINTY_WORD } from './words.ts';

export interface ScanGroupLine {
  readonly id: string;
  readonly title: string;
  readonly severity: ScanGroupJson['severity'];
  /** Every host concerned, host and pair groups together, in first-seen order. */
  readonly hosts: readonly string[];
  /** Pair findings counted into the line (0 when only single hosts raised it). */
  readonly pairs: number;
  readonly certainty: ScanGroupJson['certainty'];
  readonly example: ScanGroupJson['example'];
  /** The core's groups folded into this line (`host`, `pair` or both), for "show in the table". */
  readonly scopes: readonly ScanGroupJson['scope'][];
}

export function scanGroupLines(groups: readonly ScanGroupJson[]): ScanGroupLine[] {
  const out = new Map<string, { line: ScanGroupLine; hosts: Set<string> }>();
  for (const g of groups) {
    const key = `${g.id}|${g.severity}`;
    const had = out.get(key);
    if (!had) {
      out.set(key, { line: { id: g.id, title: g.title, severity: g.severity, hosts: [...g.hosts], pairs: g.pairs ?? 0, certainty: { ...g.certainty }, example: g.example, scopes: [g.scope] }, hosts: new Set(g.hosts) });
      continue;
    }
    const hosts = [...had.line.hosts, ...g.hosts.filter((h) => !had.hosts.has(h))];
    for (const h of g.hosts) had.hosts.add(h);
    const c = had.line.certainty;
    had.line = {
      ...had.line,
      hosts,
      pairs: had.line.pairs + (g.pairs ?? 0),
      certainty: { definite: c.definite + g.certainty.definite, probable: c.probable + g.certainty.probable, uncertain: c.uncertain + g.certainty.uncertain },
      scopes: [...had.line.scopes, g.scope],
    };
  }
  return [...out.values()].map((x) => x.line);
}

/**
 * How sure a group's findings are, counted as findings (one per host and vmknic set, or per pair direction, so
 * there can be more findings than hosts): "3 findings, all certain", "400 findings: 20 likely, 380 uncertain".
 */
export function certaintyLine(c: ScanGroupJson['certainty']): string {
  const parts = (['definite', 'probable', 'uncertain'] as const).filter((k) => c[k] > 0);
  const total = c.definite + c.probable + c.uncertain;
  const findings = `${total.toLocaleString('en-US')} finding${total === 1 ? '' : 's'}`;
  if (parts.length === 1) return `${findings}, ${total === 1 ? '' : 'all '}${CERTAINTY_WORD[parts[0]!]}`;
  return `${findings}: ${parts.map((k) => `${c[k].toLocaleString('en-US')} ${CERTAINTY_WORD[k]}`).join(', ')}`;
}
