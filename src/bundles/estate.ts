/**
 * Support bundles in the estate scan (issue 9: "`scan EXPORT.zip` every host in it, with the estate-scan issue's
 * output"): the hosts a bundle reading modelled become estate hosts, the reading becomes one source report, and a
 * host that an inventory export (RVTools, PowerCLI, the collector) also describes is merged: the bundle's model
 * (the host's own command outputs) replaces the export's, the export's place in vCenter (vCenter, datacenter,
 * cluster: a bundle does not know its cluster) is kept. Pure.
 */
import type { ParseWarning } from '../core/model/evidence.ts';
import type { EstateHost, SourceReport } from '../core/estate/types.ts';
import { listZip } from './zip.ts';
import { Budget, DEFAULT_LIMITS } from './limits.ts';
import { formatOf } from './source.ts';
import type { ByteSource } from './source.ts';
import type { BundleReading } from './types.ts';

/** Facts a bundle's outputs can carry; each is credited to the bundle file in the host's provenance. */
const BUNDLE_FACTS = ['vmknics', 'tags', 'netstack', 'routes', 'bindToVmknic', 'autoBindVmknic', 'version', 'mtu'] as const;

export interface BundleEstate {
  readonly hosts: readonly EstateHost[];
  readonly source: SourceReport;
}

/** The estate view of one bundle reading (a host bundle, a vCenter export, an unpacked folder). */
export function bundleEstate(reading: BundleReading): BundleEstate {
  const hosts: EstateHost[] = [];
  const notes: string[] = [];
  let vmknics = 0;
  let outputs = 0;
  for (const h of reading.hosts) {
    outputs += h.recognised.filter((r) => r.parsed).length;
    if (!h.model) {
      notes.push(`${h.name} (${h.folder}): no output the analysis reads was found, so it is not scanned.`);
      continue;
    }
    vmknics += h.model.vmknics.length;
    const from = [reading.source];
    hosts.push({ model: h.model, provenance: Object.fromEntries(BUNDLE_FACTS.map((k) => [k, from])) });
  }
  for (const s of reading.skipped) notes.push(`${s.member} skipped: ${s.reason}`);
  for (const p of reading.problems) notes.push(p.message);
  if (hosts.length > 0) notes.push('a support bundle does not say which cluster its host is in: add an RVTools or PowerCLI export of the same vCenter to pair hosts inside their clusters.');
  return {
    hosts,
    source: {
      file: reading.source,
      format: reading.format === 'vcenter-export' ? 'vcenter-log-export' : reading.format === 'folder' ? 'esxi-support-bundle-folder' : 'esxi-support-bundle',
      // For a bundle, the "rows" are the command outputs its parsers read.
      rows: outputs,
      hosts: hosts.length,
      vmknics,
      missingColumns: [],
      skipped: [],
      notes,
    },
  };
}

/** What the scan takes: hosts, the reports of the files they came from, and the readers' warnings. */
export interface EstateParts {
  readonly hosts: readonly EstateHost[];
  readonly sources: readonly SourceReport[];
  readonly warnings: readonly ParseWarning[];
}

export const NO_EXPORTS: EstateParts = { hosts: [], sources: [], warnings: [] };

/**
 * The imported exports joined with the estate views of the bundles given with them (the one step `path-doctor scan`
 * and the app's Scan view share): hosts merged by mergeBundleHosts, the bundles' source reports after the exports'.
 */
export function joinBundles(exports: EstateParts, bundles: readonly BundleEstate[]): EstateParts {
  if (bundles.length === 0) return exports;
  const merged = mergeBundleHosts(exports.hosts, bundles.flatMap((b) => b.hosts));
  return { hosts: merged.hosts, sources: [...exports.sources, ...bundles.map((b) => b.source)], warnings: [...exports.warnings, ...merged.warnings] };
}

/**
 * Export hosts + bundle hosts → one list: a host in both keeps the export's place in vCenter and takes the bundle's
 * model and provenance; a host twice among bundles keeps the first (the newest bundle should be given first).
 */
function mergeBundleHosts(exportHosts: readonly EstateHost[], bundleHosts: readonly EstateHost[]): { hosts: EstateHost[]; warnings: ParseWarning[] } {
  const key = (h: EstateHost) => h.model.name.toLowerCase();
  const byName = new Map<string, EstateHost>();
  const warnings: ParseWarning[] = [];
  for (const h of exportHosts) byName.set(key(h), h);
  const seenInBundles = new Set<string>();
  // One warning per repeated host, with the count: 1,000 copies of one host make one line, not 999.
  const repeats = new Map<string, { host: EstateHost; file: string; count: number }>();
  for (const b of bundleHosts) {
    const k = key(b);
    const bundleFile = b.provenance['vmknics']?.[0] ?? 'a support bundle';
    if (seenInBundles.has(k)) {
      const r = repeats.get(k);
      if (r) r.count++;
      else repeats.set(k, { host: b, file: bundleFile, count: 2 });
      continue;
    }
    seenInBundles.add(k);
    const e = byName.get(k);
    if (!e) {
      byName.set(k, b);
      continue;
    }
    warnings.push({ file: bundleFile, line: 0, message: `${b.model.name}: the support bundle's own command outputs replace what the exports said about its network; its vCenter and cluster come from the exports.` });
    byName.set(k, {
      model: b.model,
      ...(e.vcenter !== undefined ? { vcenter: e.vcenter } : {}),
      ...(e.datacenter !== undefined ? { datacenter: e.datacenter } : {}),
      ...(e.cluster !== undefined ? { cluster: e.cluster } : {}),
      provenance: { ...e.provenance, ...b.provenance },
    });
  }
  for (const r of repeats.values()) {
    warnings.push({ file: r.file, line: 0, message: `${r.host.model.name} is in ${r.count} support bundles; the first one given is used.` });
  }
  return { hosts: [...byName.values()], warnings };
}

/**
 * Whether `scan` should read a file as a support bundle rather than an export: a gzip (a host `.tgz`), or a zip
 * holding host bundles (`.tgz`/`.tar.gz`/`.tar` members: a vCenter log export). Any other zip is left to the export
 * readers (an RVTools xlsx is a zip too, and its own guard refuses a bomb posing as one). A zip whose directory cannot
 * be read goes to whichever reader its name suggests, so its refusal speaks of what the user meant to give.
 */
export async function isBundleArchive(source: ByteSource): Promise<boolean> {
  const format = formatOf(await source.read(0, 4));
  if (format === 'gzip') return true;
  if (format !== 'zip') return false;
  try {
    const listing = await listZip(source, new Budget(DEFAULT_LIMITS));
    return listing.members.some((m) => !m.isDirectory && /\.(?:tgz|tar\.gz|tar)$/i.test(m.path));
  } catch {
    return !/\.xlsx$/i.test(source.name);
  }
}
