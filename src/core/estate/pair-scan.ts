/**
 * Pairs inside a cluster (imports.md §1.3: never across all hosts): for both directions of every pair, the parts
 * of the two-host analysis that raise the findings only a pair can have — the vMotion path (`analyseVmotionPath`)
 * and the MTU comparison of the ends (`mtuBetweenHosts`), worded by `toFindings` exactly as `analyze` does:
 *   - UNICAST_FLOODING_RISK on the receiving host (its replies leave by another vmknic of the subnet, §1.7 E3);
 *   - MTU_MISMATCH between the two hosts' vMotion vmknics (§2);
 *   - VMOTION_L3_NO_GATEWAY (the two vMotion vmknics are in different subnets and nothing routes between them).
 * A pair's answer depends only on the two host shapes and their cross address relation (estate/shape.ts), so it is
 * computed once per such key. estate/equivalence.test.ts checks both shortcuts against `analyze` with a destination
 * on every pair of random estates; `memo: false` runs the analysis for every pair.
 */
import { toFindings } from '../analysis/findings.ts';
import { mtuBetweenHosts } from '../analysis/host-checks.ts';
import { analyseVmotionPath } from '../analysis/vmotion-path.ts';
import type { HostModel } from '../model/host.ts';
import type { Certainty } from '../model/evidence.ts';
import type { FindingResult, Severity } from '../result.ts';
import type { HostScanner, HostScan } from './host-scan.ts';
import { classesAt, crossRelation } from './shape.ts';

export const PAIR_FINDING_IDS: readonly string[] = ['UNICAST_FLOODING_RISK', 'MTU_MISMATCH', 'VMOTION_L3_NO_GATEWAY'];

/** A pair finding with its hosts as roles, so one computed answer serves every pair of the same key. */
export interface PairFinding {
  readonly id: string;
  readonly severity: Severity;
  readonly certainty: Certainty;
  readonly vmknics?: readonly string[];
  /** `dest`: happens on the receiving host (flooding); `both`: names both hosts (MTU, routed vMotion). */
  readonly on: 'dest' | 'both';
  /** True when the finding is the same whichever host sends (the MTU comparison). */
  readonly symmetric: boolean;
  /** The representative pair's full finding (its own host names). */
  readonly example: FindingResult;
}

export interface DirectedOutcome {
  readonly findings: readonly PairFinding[];
}

function isPairFinding(f: FindingResult, source: string, dest: string): boolean {
  if (!PAIR_FINDING_IDS.includes(f.id)) return false;
  // MTU_MISMATCH within one host (vmknic vs its switch) names one host; between the ends it names both.
  if (f.id === 'MTU_MISMATCH') return f.hosts.includes(source) && f.hosts.includes(dest);
  return f.hosts.includes(dest);
}

export class PairScanner {
  private readonly byKey = new Map<string, DirectedOutcome>();
  /** Two-host analyses actually run. */
  analyses = 0;
  /** Ordered pairs looked at. */
  checked = 0;

  constructor(
    private readonly hosts: HostScanner,
    private readonly memo = true,
  ) {}

  /** Findings of a migration from `s` to `d`. */
  directed(s: { model: HostModel; scan: HostScan }, d: { model: HostModel; scan: HostScan }): DirectedOutcome {
    const key = this.memo ? `${s.scan.outcome.id}>${d.scan.outcome.id}:${crossRelation(s.scan.shape, d.scan.shape)}` : undefined;
    const hit = key !== undefined ? this.byKey.get(key) : undefined;
    if (hit) return hit;
    this.analyses++;
    const sName = s.model.name;
    const dName = d.model.name;
    const source = this.hosts.view(s.model);
    const dest = this.hosts.view(d.model);
    const path = analyseVmotionPath({ source, dest, migration: 'live' });
    const all = toFindings([...path.triggers, ...mtuBetweenHosts(source, dest)]);
    const findings = all
      .filter((f) => isPairFinding(f, sName, dName))
      .map(
        (f): PairFinding => ({
          id: f.id,
          severity: f.severity,
          certainty: f.certainty,
          ...(f.vmknics ? { vmknics: f.vmknics } : {}),
          on: f.hosts.includes(sName) ? 'both' : 'dest',
          symmetric: f.id === 'MTU_MISMATCH',
          example: f,
        }),
      );
    const outcome = { findings };
    if (key !== undefined) this.byKey.set(key, outcome);
    return outcome;
  }
}

type Side = { readonly model: HostModel; readonly scan: HostScan };

/**
 * The pairs of one cluster. Members with the same shape and the same address signature in the cluster are
 * interchangeable: the signature lists, per prefix length, each address class of the host by a cluster-wide id,
 * or `u` when no other member has that class. The cross relation of two members (estate/shape.ts) is a function of
 * their two signatures — a `u` class matches nothing in the other host, an id matches the class with the same id —
 * so one answer per pair of member classes serves every pair, and most pairs cost two array reads.
 */
export class ClusterPairs {
  private readonly classOf: number[] = [];
  private readonly representative: number[] = [];
  private readonly table: (DirectedOutcome | undefined)[][] = [];

  constructor(
    private readonly scanner: PairScanner,
    private readonly members: readonly Side[],
    memo = true,
  ) {
    if (!memo) {
      members.forEach((_, i) => {
        this.classOf.push(i);
        this.representative.push(i);
      });
      return;
    }
    const prefixes = [...new Set(members.flatMap((m) => m.scan.shape.prefixes))].sort((a, b) => a - b);
    const classes = members.map((m) => prefixes.map((p) => classesAt(m.scan.shape, p)));
    // How many members have each p-bit class.
    const owners = prefixes.map(() => new Map<number, number>());
    classes.forEach((perPrefix) =>
      perPrefix.forEach((values, k) => {
        for (const v of values) owners[k]!.set(v, (owners[k]!.get(v) ?? 0) + 1);
      }),
    );
    const ids = prefixes.map(() => new Map<number, number>());
    const byKey = new Map<string, number>();
    classes.forEach((perPrefix, i) => {
      let sig = `${members[i]!.scan.outcome.id}|`;
      perPrefix.forEach((values, k) => {
        for (const v of values) {
          if (owners[k]!.get(v)! < 2) sig += 'u.';
          else {
            let id = ids[k]!.get(v);
            if (id === undefined) ids[k]!.set(v, (id = ids[k]!.size));
            sig += `${id}.`;
          }
        }
        sig += '|';
      });
      let c = byKey.get(sig);
      if (c === undefined) {
        c = byKey.size;
        byKey.set(sig, c);
        this.representative.push(i);
      }
      this.classOf.push(c);
    });
  }

  /** Findings of a migration from member `x` to member `y`. */
  directed(x: number, y: number): DirectedOutcome {
    const cx = this.classOf[x]!;
    const cy = this.classOf[y]!;
    const row = (this.table[cx] ??= []);
    let hit = row[cy];
    if (!hit) {
      // The representatives stand for their classes; a class paired with itself uses the two members asked for.
      const rx = cx === cy ? x : this.representative[cx]!;
      const ry = cx === cy ? y : this.representative[cy]!;
      hit = this.scanner.directed(this.members[rx]!, this.members[ry]!);
      row[cy] = hit;
    }
    this.scanner.checked++;
    return hit;
  }
}
