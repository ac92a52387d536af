/**
 * The estate scan's shapes: what an importer hands the scan (hosts with their place in vCenter and what each export
 * could not tell), and the result — the JSON contract of `path-doctor scan --format json` (issue 8). Additive
 * changes only; never rename or remove a field.
 */
import type { Certainty, ParseWarning } from '../model/evidence.ts';
import type { HostModel } from '../model/host.ts';
import type { VmknicJson } from '../host-json.ts';
import type { MigrationKind, Severity } from '../result.ts';

/** One host of the estate as the imports described it. */
export interface EstateHost {
  readonly model: HostModel;
  /** vCenter that manages the host (RVTools `VI SDK Server`, the collector's `vcenter`). */
  readonly vcenter?: string;
  readonly datacenter?: string;
  /** Pairs are checked only between hosts of one cluster (imports.md §1.3). */
  readonly cluster?: string;
  /** Which files each kind of fact came from, e.g. `{ tags: ['vmk.csv'], version: ['RVTools_tabvHost.csv'] }`. */
  readonly provenance: Readonly<Record<string, readonly string[]>>;
}

/** A fact the imported files could not tell, and the export or command that would. */
export interface UnknownFact {
  /** Stable key: `vmknics`, `tags`, `netstack`, `routes`, `bindToVmknic`, `autoBindVmknic`, `version`, `switchMtu`, `cluster`. */
  readonly key: string;
  /** What is unknown, for a person (names the vmknics concerned). */
  readonly fact: string;
  /** Which export or command fills the gap. */
  readonly fill: string;
}

/** What one imported file held (imports.md §4). */
export interface SourceReport {
  readonly file: string;
  /** `rvtools-xlsx`, `rvtools-csv`, `powercli-vmk-csv`, `powercli-vmk-json`, `powercli-advanced-csv`, … */
  readonly format: string;
  /** Version of the exporting tool when the file says it (RVTools vMetaData, the collector's schema version). */
  readonly version?: string;
  /** RVTools tabs read from this file. */
  readonly tabs?: readonly string[];
  /** Data rows read (header lines excluded). */
  readonly rows: number;
  readonly hosts: number;
  readonly vmknics: number;
  /** Columns this format normally has that the file lacks (prefixed with the tab for a workbook). */
  readonly missingColumns: readonly string[];
  /** Rows not used, with the physical line (CSV) or row number (xlsx) and why. */
  readonly skipped: readonly { readonly line: number; readonly reason: string }[];
  /** Sentences: what the missing columns leave unknown, duplicated header names, tabs not used. */
  readonly notes: readonly string[];
}

export interface ScanFindingJson {
  readonly id: string;
  readonly severity: Severity;
  readonly certainty: Certainty;
  readonly vmknics?: readonly string[];
}

export interface ScanHostJson {
  readonly name: string;
  readonly vcenter?: string;
  readonly datacenter?: string;
  readonly cluster?: string;
  readonly version?: { readonly product: string; readonly version: string; readonly update?: string; readonly build?: string };
  readonly vmknics: readonly VmknicJson[];
  readonly bindToVmknic: { readonly value?: number; readonly source: 'evidence' | 'version-default' | 'unknown' };
  /** The single-host analysis (the host also studied as the receiver of a peer configured like it). */
  readonly findings: readonly ScanFindingJson[];
  /** Worst severity of the host's own findings and of the pair findings that happen on it. */
  readonly risk: Severity | 'none';
  readonly unknown: readonly UnknownFact[];
  readonly provenance: Readonly<Record<string, readonly string[]>>;
}

export interface ScanPairFindingJson extends ScanFindingJson {
  /** Direction of the migration that hits it; absent when it holds both ways (an MTU mismatch). */
  readonly from?: string;
  readonly to?: string;
}

export interface ScanPairJson {
  /** The two hosts, in estate order. */
  readonly hosts: readonly [string, string];
  readonly cluster: string;
  readonly vcenter?: string;
  readonly findings: readonly ScanPairFindingJson[];
}

export interface ScanGroupJson {
  readonly id: string;
  readonly severity: Severity;
  readonly title: string;
  /** `host`: from the single-host analyses; `pair`: from pairs inside clusters. */
  readonly scope: 'host' | 'pair';
  readonly hosts: readonly string[];
  /** Number of pairs, for a pair group. */
  readonly pairs?: number;
  /** How many of the group's findings (one per host and vmknic set, or per pair direction) have each certainty. */
  readonly certainty: { readonly definite: number; readonly probable: number; readonly uncertain: number };
  /** One member's finding in full words (its own host names and addresses). */
  readonly example: { readonly hosts: readonly string[]; readonly detail: string };
}

export interface ScanSummaryJson {
  readonly hosts: number;
  readonly clusters: number;
  /** Ordered host pairs analysed (both directions of each pair inside a cluster). */
  readonly pairsChecked: number;
  readonly pairsWithFindings: number;
  readonly worst: Severity | 'none';
  /** Hosts per risk level. */
  readonly risk: Readonly<Record<Severity | 'none', number>>;
}

export interface ScanResult {
  readonly migration: MigrationKind;
  readonly summary: ScanSummaryJson;
  readonly hosts: readonly ScanHostJson[];
  readonly pairs: readonly ScanPairJson[];
  readonly groups: readonly ScanGroupJson[];
  readonly sources: readonly SourceReport[];
  /** Merge conflicts, clusters too large for pair checks, and the like. */
  readonly warnings: readonly ParseWarning[];
}
