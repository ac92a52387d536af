/**
 * From a bundle reading to what the evidence keeps: each host with a model becomes an ImportedHost (origin
 * `bundle`); a host without one cannot be analysed and is listed with why. And from the evidence back to what the
 * "Support bundle" panel shows, also for a case reopened from a file, where only the imported hosts survive.
 * Pure: unit-tested, no DOM.
 */
import type { BundleHost, BundleProblem, BundleReading, RecognisedOutput } from '../../../bundles/index.ts';
import type { ImportedHost } from '../../../core/model/imported.ts';
import type { HostModel } from '../../../core/model/host.ts';
import { versionLabel } from '../../../core/present/version.ts';

export type NewImportedHost = Omit<ImportedHost, 'id'>;

/** Where in the file a host was found: `esx21.tgz › esx-esx21…` for a vCenter export, the top folder otherwise. */
export function detailOf(h: Pick<BundleHost, 'container' | 'folder'>): string {
  return h.container ? `${h.container} › ${h.folder}` : h.folder;
}

export function whyNotAnalysable(h: BundleHost): string {
  return h.kind === 'esxi'
    ? 'No output the analysis reads (esxcfg-vmknic, esxcli network ip …, vmware -vl) was found in its bundle.'
    : 'Its folder does not look like an ESXi support bundle, and no output the analysis reads was found in it.';
}

export function toImported(h: BundleHost & { readonly model: HostModel }, source: string): NewImportedHost {
  return {
    origin: 'bundle',
    file: source,
    detail: detailOf(h),
    model: h.model,
    observed: h.observed,
    gaps: h.missing.map((m) => ({ fact: m.what, fill: m.command })),
    warnings: h.warnings,
  };
}

/** The hosts a reading adds to the evidence (those with a model), in the order they were read. */
export function importedHostsOf(reading: BundleReading): NewImportedHost[] {
  return reading.hosts.filter((h): h is BundleHost & { model: HostModel } => h.model !== undefined).map((h) => toImported(h, reading.source));
}

/**
 * The one sentence for a reading that gave no host at all (not a bundle, a bomb, a corrupt file): the reader's
 * fatal problem, which names the member, else its first problem.
 */
export function noHostSentence(reading: BundleReading): string | undefined {
  if (reading.hosts.length > 0) return undefined;
  const p = reading.problems.find((x) => x.fatal) ?? reading.problems[0];
  return p?.message ?? `No ESXi host bundle was found in ${reading.source}.`;
}

export interface MissingView {
  readonly what: string;
  readonly command: string;
  readonly why?: string;
}

export interface BundleHostView {
  readonly key: string;
  readonly name: string;
  readonly detail: string;
  readonly capturedAt?: string;
  readonly version?: string;
  /** Empty for a reopened case (the case keeps the model, not the member list). */
  readonly recognised: readonly RecognisedOutput[];
  readonly unrecognised: readonly string[];
  readonly missing: readonly MissingView[];
  readonly observed: number;
  /** Absent when the host can be analysed; otherwise why not. */
  readonly notAnalysable?: string;
}

export interface BundleView {
  readonly source: string;
  /** Absent for a reopened case: only the imported hosts were kept. */
  readonly format?: BundleReading['format'];
  readonly skipped: BundleReading['skipped'];
  readonly problems: readonly BundleProblem[];
  readonly hosts: readonly BundleHostView[];
  /** True when shown from a reopened case's imported hosts (no member lists, no problems). */
  readonly reopened: boolean;
}

export const FORMAT_NAME: Readonly<Record<BundleReading['format'], string>> = {
  'host-bundle': 'ESXi host bundle',
  'vcenter-export': 'vCenter log export',
  folder: 'unpacked bundle folder',
};

function hostView(h: BundleHost): BundleHostView {
  return {
    key: h.id,
    name: h.name,
    detail: detailOf(h),
    ...(h.capturedAt !== undefined ? { capturedAt: h.capturedAt } : {}),
    ...(h.model?.version ? { version: versionLabel(h.model.version) } : {}),
    recognised: h.recognised,
    unrecognised: h.unrecognised,
    missing: h.missing,
    observed: h.observed.length,
    ...(h.model === undefined ? { notAnalysable: whyNotAnalysable(h) } : {}),
  };
}

function importedView(h: ImportedHost): BundleHostView {
  return {
    key: h.id,
    name: h.model.name,
    detail: h.detail ?? '',
    ...(h.model.version ? { version: versionLabel(h.model.version) } : {}),
    recognised: [],
    unrecognised: [],
    missing: h.gaps.map((g) => ({ what: g.fact, command: g.fill })),
    observed: h.observed.length,
  };
}

/**
 * The panels to show: one per reading still in the evidence (a reading whose hosts were all removed, e.g. by
 * "Clear all evidence" or by opening another case, is stale and dropped; a reading that had no host to analyse
 * stays until removed), then one per bundle file of the evidence no reading describes (a reopened case).
 */
export function bundleViews(imported: readonly ImportedHost[], readings: readonly BundleReading[]): BundleView[] {
  const fromBundles = imported.filter((h) => h.origin === 'bundle');
  const views: BundleView[] = [];
  const described = new Set<string>();
  for (const r of readings) {
    const kept = fromBundles.filter((h) => h.file === r.source);
    const analysable = r.hosts.filter((h) => h.model !== undefined);
    if (analysable.length > 0) {
      const keptDetails = new Set(kept.map((h) => h.detail));
      if (!analysable.some((h) => keptDetails.has(detailOf(h)))) continue;
    }
    described.add(r.source);
    views.push({ source: r.source, format: r.format, skipped: r.skipped, problems: r.problems, hosts: r.hosts.map(hostView), reopened: false });
  }
  const files = [...new Set(fromBundles.map((h) => h.file))].filter((f) => !described.has(f));
  for (const file of files) {
    views.push({ source: file, skipped: [], problems: [], hosts: fromBundles.filter((h) => h.file === file).map(importedView), reopened: true });
  }
  return views;
}
