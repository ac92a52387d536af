/**
 * The estate scan (issue 8): every host's findings and risk, every pair inside a cluster that would hit flooding,
 * MTU or routed-vMotion trouble, and groups that fold thousands of identical findings into one line with a host
 * list. Pure: merged hosts in, the JSON contract out (estate/types.ts); the renderers turn it into text, CSV or
 * Markdown.
 */
import { severityRank } from '../analysis/findings.ts';
import { hostToJson } from '../host-json.ts';
import type { ParseWarning } from '../model/evidence.ts';
import type { MigrationKind, Severity } from '../result.ts';
import { GroupCollector } from './groups.ts';
import type { HostScan } from './host-scan.ts';
import { HostScanner } from './host-scan.ts';
import type { PairFinding } from './pair-scan.ts';
import { ClusterPairs, PairScanner } from './pair-scan.ts';
import type { EstateHost, ScanHostJson, ScanPairFindingJson, ScanPairJson, ScanResult, SourceReport } from './types.ts';
import { CLUSTER_UNKNOWN } from './unknowns.ts';

/** vSphere allows 96 hosts per cluster; a "cluster" far larger comes from a damaged or hostile file. */
export const MAX_CLUSTER_HOSTS_FOR_PAIRS = 128;

export interface ScanProgress {
  readonly phase: 'hosts' | 'pairs';
  readonly done: number;
  readonly total: number;
}

export interface ScanInput {
  readonly hosts: readonly EstateHost[];
  readonly sources?: readonly SourceReport[];
  readonly warnings?: readonly ParseWarning[];
  /** Migration kind of the single-host analyses (default `live`); pairs always study the vMotion stream. */
  readonly migration?: MigrationKind;
  /** Default true: analyse each host shape and pair key once (estate/shape.ts). False: analyse everything. */
  readonly memo?: boolean;
  /** Called every few hundred hosts or pairs, so a UI can show progress. */
  readonly onProgress?: (progress: ScanProgress) => void;
}

/** Counters of the work done, for tests and the benchmark. */
export interface ScanStats {
  readonly hostAnalyses: number;
  readonly pairAnalyses: number;
  readonly pairsChecked: number;
}

function worse(a: Severity | 'none', b: Severity): Severity | 'none' {
  return a === 'none' || severityRank(b) < severityRank(a) ? b : a;
}

/** Host names must be unique for pairs and groups; a repeated name (two vCenters, a damaged export) gets a suffix. */
function uniqueNames(hosts: readonly EstateHost[], warnings: ParseWarning[]): EstateHost[] {
  const seen = new Map<string, number>();
  return hosts.map((h) => {
    const key = h.model.name.toLowerCase();
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    if (n === 1) return h;
    const name = `${h.model.name} (${n})`;
    warnings.push({ file: h.vcenter ?? 'estate', line: 0, message: `two hosts are named ${h.model.name}${h.vcenter ? ` (vCenter ${h.vcenter})` : ''}: the second is reported as "${name}"` });
    return { ...h, model: { ...h.model, name } };
  });
}

export function scanEstateWithStats(input: ScanInput): { result: ScanResult; stats: ScanStats } {
  const migration = input.migration ?? 'live';
  const memo = input.memo ?? true;
  const warnings: ParseWarning[] = [...(input.warnings ?? [])];
  const hosts = uniqueNames(input.hosts, warnings);
  const scanner = new HostScanner(migration, memo);
  const pairsScanner = new PairScanner(scanner, memo);
  const groups = new GroupCollector();
  const progress = input.onProgress;

  // Per host.
  const scans: HostScan[] = [];
  const risk: (Severity | 'none')[] = [];
  const order = new Map<string, number>();
  hosts.forEach((h, i) => {
    const s = scanner.scan(h.model);
    scans.push(s);
    order.set(h.model.name, i);
    let r: Severity | 'none' = 'none';
    const rep = s.outcome.representative;
    s.outcome.findings.forEach((f) => {
      r = worse(r, f.severity);
      groups.add('host', f.id, f.severity, f.certainty, h.model.name, undefined, rep.name, f.detail);
    });
    risk.push(r);
    if (progress && (i % 256 === 255 || i === hosts.length - 1)) progress({ phase: 'hosts', done: i + 1, total: hosts.length });
  });

  // Clusters: (vCenter, datacenter, cluster); two datacenters often both have a "Cluster01".
  const clusters = new Map<string, number[]>();
  hosts.forEach((h, i) => {
    if (h.cluster === undefined || h.cluster === '') return;
    const key = `${h.vcenter ?? ''}\u0000${h.datacenter ?? ''}\u0000${h.cluster}`;
    const list = clusters.get(key) ?? [];
    list.push(i);
    clusters.set(key, list);
  });
  let totalPairs = 0;
  for (const members of clusters.values()) if (members.length <= MAX_CLUSTER_HOSTS_FOR_PAIRS) totalPairs += members.length * (members.length - 1);

  const pairs: ScanPairJson[] = [];
  const sides = hosts.map((h, i) => ({ model: h.model, scan: scans[i]! }));
  // JSON of a symmetric finding (no from/to) is the same for every pair with that outcome: built once.
  const symmetricJson = new Map<PairFinding, ScanPairFindingJson>();
  let done = 0;
  /** Adds the findings of a migration from `is` to `id` to `out`; returns whether a symmetric one was added. */
  const emit = (table: ClusterPairs, x: number, y: number, is: number, id: number, out: ScanPairFindingJson[], symmetricSeen: boolean): boolean => {
    const s = sides[is]!;
    const d = sides[id]!;
    const outcome = table.directed(x, y);
    for (const f of outcome.findings) {
      if (f.symmetric) {
        if (symmetricSeen) continue;
        symmetricSeen = true;
        let json = symmetricJson.get(f);
        if (!json) {
          json = { id: f.id, severity: f.severity, certainty: f.certainty, ...(f.vmknics ? { vmknics: f.vmknics } : {}) };
          symmetricJson.set(f, json);
        }
        out.push(json);
      } else {
        out.push({ id: f.id, severity: f.severity, certainty: f.certainty, ...(f.vmknics ? { vmknics: f.vmknics } : {}), from: s.model.name, to: d.model.name });
      }
      if (f.on === 'dest') {
        risk[id] = worse(risk[id]!, f.severity);
        groups.add('pair', f.id, f.severity, f.certainty, d.model.name, undefined, f.example.hosts, f.example.detail);
      } else {
        risk[is] = worse(risk[is]!, f.severity);
        risk[id] = worse(risk[id]!, f.severity);
        groups.add('pair', f.id, f.severity, f.certainty, s.model.name, d.model.name, f.example.hosts, f.example.detail);
      }
    }
    return symmetricSeen;
  };
  const scratch: ScanPairFindingJson[] = [];
  for (const members of clusters.values()) {
    const first = hosts[members[0]!]!;
    if (members.length > MAX_CLUSTER_HOSTS_FOR_PAIRS) {
      warnings.push({
        file: first.vcenter ?? 'estate',
        line: 0,
        message: `cluster ${first.cluster} lists ${members.length} hosts, more than vSphere allows in one cluster (96): its pairs were not checked`,
      });
      continue;
    }
    const table = new ClusterPairs(pairsScanner, members.map((i) => sides[i]!), memo);
    for (let x = 0; x < members.length; x++) {
      for (let y = x + 1; y < members.length; y++) {
        const ia = members[x]!;
        const ib = members[y]!;
        // One list for the pairs without findings (most of them, 1.1 million at 50,000 hosts); a pair with findings
        // gets its own copy.
        scratch.length = 0;
        emit(table, y, x, ib, ia, scratch, emit(table, x, y, ia, ib, scratch, false));
        done += 2;
        if (progress && done % 1024 === 0) progress({ phase: 'pairs', done, total: totalPairs });
        if (scratch.length > 0) {
          const findings = scratch.slice();
          const h = hosts[ia]!;
          pairs.push({ hosts: [h.model.name, hosts[ib]!.model.name], cluster: h.cluster!, ...(h.vcenter !== undefined ? { vcenter: h.vcenter } : {}), findings });
        }
      }
    }
  }
  if (progress && totalPairs > 0) progress({ phase: 'pairs', done, total: totalPairs });

  const hostJson: ScanHostJson[] = hosts.map((h, i) => {
    const s = scans[i]!;
    const json = hostToJson(h.model, s.outcome.binding);
    const unknown = h.cluster ? s.outcome.unknown : [...s.outcome.unknown, CLUSTER_UNKNOWN];
    return {
      name: h.model.name,
      ...(h.vcenter !== undefined ? { vcenter: h.vcenter } : {}),
      ...(h.datacenter !== undefined ? { datacenter: h.datacenter } : {}),
      ...(h.cluster !== undefined ? { cluster: h.cluster } : {}),
      ...(json.version ? { version: json.version } : {}),
      vmknics: json.vmknics,
      bindToVmknic: json.bindToVmknic,
      findings: s.outcome.findings.map((f) => ({ id: f.id, severity: f.severity, certainty: f.certainty, ...(f.vmknics ? { vmknics: f.vmknics } : {}) })),
      risk: risk[i]!,
      unknown,
      provenance: h.provenance,
    };
  });

  const riskCount: Record<Severity | 'none', number> = { blocker: 0, high: 0, medium: 0, low: 0, info: 0, none: 0 };
  let worst: Severity | 'none' = 'none';
  for (const r of risk) {
    riskCount[r]++;
    if (r !== 'none') worst = worse(worst, r);
  }
  const result: ScanResult = {
    migration,
    summary: {
      hosts: hosts.length,
      clusters: clusters.size,
      pairsChecked: pairsScanner.checked,
      pairsWithFindings: pairs.length,
      worst,
      risk: riskCount,
    },
    hosts: hostJson,
    pairs,
    groups: groups.result(order),
    sources: [...(input.sources ?? [])],
    warnings,
  };
  return { result, stats: { hostAnalyses: scanner.analyses, pairAnalyses: pairsScanner.analyses, pairsChecked: pairsScanner.checked } };
}

export function scanEstate(input: ScanInput): ScanResult {
  return scanEstateWithStats(input).result;
}
