/**
 * Groups: one entry per finding id and severity, with every host (or pair) that has it, so that 2,000 hosts with
 * the same problem read as one finding with a host list (issue 8). Ordered most severe first, then largest.
 */
import { severityRank } from '../analysis/findings.ts';
import { FINDINGS } from '../findings/catalog.ts';
import type { FindingId } from '../findings/catalog.ts';
import type { Certainty } from '../model/evidence.ts';
import type { Severity } from '../result.ts';
import type { ScanGroupJson } from './types.ts';

interface Builder {
  readonly id: string;
  readonly severity: Severity;
  readonly scope: 'host' | 'pair';
  readonly hosts: Set<string>;
  pairs: number;
  readonly certainty: Record<Certainty, number>;
  readonly example: { readonly hosts: readonly string[]; readonly detail: string };
}

export class GroupCollector {
  private readonly groups: Builder[] = [];
  /** Scope, then id, then severity → group: no key string joined for each of the scan's ~25,000 findings. */
  private readonly index = new Map<string, Map<string, Map<Severity, Builder>>>();

  /** One finding of one host (`b` absent) or of a pair (`b` the second host it is on, if any). */
  add(
    scope: 'host' | 'pair',
    id: string,
    severity: Severity,
    certainty: Certainty,
    a: string,
    b: string | undefined,
    exampleHosts: readonly string[] | string,
    exampleDetail: string,
  ): void {
    let ids = this.index.get(scope);
    if (!ids) this.index.set(scope, (ids = new Map()));
    let severities = ids.get(id);
    if (!severities) ids.set(id, (severities = new Map()));
    let g = severities.get(severity);
    if (!g) {
      g = {
        id,
        severity,
        scope,
        hosts: new Set(),
        pairs: 0,
        certainty: { definite: 0, probable: 0, uncertain: 0 },
        example: { hosts: typeof exampleHosts === 'string' ? [exampleHosts] : [...exampleHosts], detail: exampleDetail },
      };
      severities.set(severity, g);
      this.groups.push(g);
    }
    g.hosts.add(a);
    if (b !== undefined) g.hosts.add(b);
    if (scope === 'pair') g.pairs++;
    g.certainty[certainty]++;
  }

  /** Hosts keep the estate order given by `order` (name → position). */
  result(order: ReadonlyMap<string, number>): ScanGroupJson[] {
    const pos = (h: string) => order.get(h) ?? Number.MAX_SAFE_INTEGER;
    return this.groups
      .map(
        (g): ScanGroupJson => ({
          id: g.id,
          severity: g.severity,
          title: FINDINGS[g.id as FindingId]?.title ?? g.id,
          scope: g.scope,
          hosts: [...g.hosts].sort((a, b) => pos(a) - pos(b)),
          ...(g.scope === 'pair' ? { pairs: g.pairs } : {}),
          certainty: { ...g.certainty },
          example: g.example,
        }),
      )
      .sort((a, b) => severityRank(a.severity) - severityRank(b.severity) || b.hosts.length - a.hosts.length || a.id.localeCompare(b.id) || a.scope.localeCompare(b.scope));
  }
}
