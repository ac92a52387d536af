/**
 * `path-doctor bundle FILE [--format text|json]`: lists the hosts in an ESXi support bundle, a vCenter log export
 * or an unpacked bundle folder, what was recognised for each, what is missing (with the command to run on the host
 * instead) and what the logs show; and the bundle side of `analyze --source BUNDLE [--dest BUNDLE]`.
 * Exit codes: 0 at least one host read, 2 nothing readable (or bad usage).
 */
import { versionLabel } from '../core/present/version.ts';
import type { ParseWarning } from '../core/model/evidence.ts';
import type { HostModel } from '../core/model/host.ts';
import type { ObservedMigration } from '../core/observed.ts';
import type { BundleHost, BundleProblem, BundleReading } from '../bundles/index.ts';
import { choice, type ParsedArgs, UsageError } from './args.ts';
import { bundleKindOf, type BundleKind } from './bundle-kind.ts';
import type { Io } from './main.ts';

export async function runBundle(args: ParsedArgs, io: Io): Promise<number> {
  const format = choice(args, 'format', ['text', 'json'] as const, 'text');
  const [file, ...extra] = args.positionals;
  if (file === undefined) throw new UsageError('bundle needs a FILE (a .tgz support bundle, a vCenter export .zip or an unpacked bundle folder)');
  if (extra.length > 0) throw new UsageError(`bundle takes one FILE (got also "${extra[0]}")`);
  const kind = await bundleKindOf(file);
  if (kind === undefined) {
    io.stderr(`path-doctor: ${file} is not a support bundle: neither a gzip or zip file (by its first bytes) nor a folder.\n`);
    return 2;
  }
  const reading = await readBundle(file, kind);
  if (format === 'json') io.stdout(JSON.stringify(reading, null, 2) + '\n');
  else io.stdout(renderBundle(reading));
  return reading.hosts.some((h) => h.model !== undefined) ? 0 : 2;
}

/** The bundle reader (src/bundles with its tar and gzip code), loaded only once a file is known to be a bundle. */
async function readBundle(file: string, kind: BundleKind): Promise<BundleReading> {
  const { readBundlePath } = await import('./bundle-input.ts');
  return readBundlePath(file, kind);
}

function size(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KiB` : `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

/** A member path shown relative to its host folder (the folder is in the HOST line). */
function inFolder(h: BundleHost, file: string): string {
  return h.folder && file.startsWith(`${h.folder}/`) ? file.slice(h.folder.length + 1) : file;
}

function where(h: BundleHost): string {
  return [h.container ? `from ${h.container}` : undefined, `folder ${h.folder || '(root)'}`, h.capturedAt ? `captured ${h.capturedAt}` : undefined]
    .filter(Boolean)
    .join(', ');
}

export function renderBundle(reading: BundleReading): string {
  const out: string[] = [];
  const what = reading.format === 'vcenter-export' ? 'vCenter log export' : reading.format === 'folder' ? 'unpacked bundle folder' : 'ESXi support bundle';
  out.push(`BUNDLE ${reading.source} (${what}): ${reading.hosts.length} host${reading.hosts.length === 1 ? '' : 's'}, ${size(reading.uncompressedBytes)} uncompressed`);
  for (const h of reading.hosts) {
    out.push('', `HOST ${h.name} (${where(h)})${h.kind === 'esxi' ? '' : ' — not recognisably an ESXi bundle'}`);
    const v = h.model?.version;
    if (v) out.push(`  version: ${versionLabel(v)}`);
    if (h.model) {
      const nics = h.model.vmknics.map((n) => `${n.name} ${n.ipv4 ?? 'no IPv4'}${n.tags ? ` [${n.tags.join(', ') || 'no tags'}]` : ''}`);
      out.push(`  vmknics: ${nics.join('; ') || 'none shown'}`);
      const atDefault = Object.keys(h.model.advancedAtDefault ?? {});
      if (atDefault.length > 0) out.push(`  at build default (the -d list of changed settings does not name them): ${atDefault.join(', ')}`);
    } else {
      out.push('  no output the analysis reads was recognised');
    }
    out.push(`  recognised (${h.recognised.length}):`);
    for (const r of h.recognised) {
      out.push(`    ${r.kind.padEnd(16)} ${inFolder(h, r.file)}${r.how === 'file name' ? ' (by its file name)' : ''}${r.parsed ? '' : ' — could not be read, see warnings'}`);
    }
    if (h.unrecognised.length > 0) out.push(`  read, not recognised: ${h.unrecognised.map((f) => inFolder(h, f)).join(', ')}`);
    if (h.missing.length > 0) {
      out.push('  missing — run on the host instead (read-only):');
      for (const m of h.missing) out.push(`    ${m.command}    # ${m.what}`);
    }
    const scanned = h.logs.filter((l) => l.scanned);
    out.push(`  logs: ${scanned.length} read${h.logs.length > scanned.length ? `, ${h.logs.length - scanned.length} not read (budget)` : ''}; past migrations: ${h.observed.length}`);
    for (const m of h.observed.slice(0, 10)) out.push(`    ${observedLine(m)}`);
    if (h.observed.length > 10) out.push(`    … ${h.observed.length - 10} more (see --format json)`);
    for (const w of h.warnings.slice(0, 10)) out.push(`  warning ${w.file}:${w.line}: ${w.message}`);
    if (h.warnings.length > 10) out.push(`  … ${h.warnings.length - 10} more warnings`);
  }
  if (reading.skipped.length > 0) {
    out.push('', 'SKIPPED');
    for (const s of reading.skipped) out.push(`  ${s.member}: ${s.reason}`);
  }
  if (reading.problems.length > 0) {
    out.push('', `PROBLEMS (${reading.problems.length})`);
    for (const p of reading.problems.slice(0, 50)) out.push(`  [${p.code}${p.fatal ? ', reading stopped' : ''}] ${p.message}`);
    if (reading.problems.length > 50) out.push(`  … ${reading.problems.length - 50} more (see --format json)`);
  }
  out.push('', 'To collect everything the analysis reads in one go, run on the host (read-only) and paste the output:', `  ${reading.collector}`);
  return out.join('\n') + '\n';
}

function observedLine(m: ObservedMigration): string {
  const arrow = `${m.sourceAddresses.join('+') || '?'} → ${m.destAddresses.join('+') || '?'}`;
  if (m.traffic === 'nfc') return `${m.time ?? '(no time)'}  NFC to ${m.destAddresses.join(', ')}:902 failed ×${m.count ?? 1}`;
  const enc = m.encrypted === 'yes' ? 'encrypted' : m.encrypted === 'no' ? 'not encrypted' : 'encryption not logged';
  return `${m.time ?? '(no time)'}  vMotion ${m.direction}${m.vm ? ` of ${m.vm}` : ''} ${arrow}, ${enc}${m.outcome === 'failed' ? ', FAILED' : ''}`;
}

// ---------------------------------------------------------------------------------------------------------------
// analyze --source BUNDLE [--dest BUNDLE]
// ---------------------------------------------------------------------------------------------------------------

export interface BundleSide {
  /** Each analysable host with its logs' past migrations and its reader's warnings (the pipeline's ModelledHost). */
  readonly hosts: { readonly model: HostModel; readonly file: string; readonly observed: readonly ObservedMigration[]; readonly warnings: readonly ParseWarning[] }[];
  /** The bundles' own problems (not about one host). */
  readonly warnings: ParseWarning[];
  /** The files that are not bundles (pasted text): for the text reader. */
  readonly rest: string[];
  /** One sentence per bundle that yielded no host. */
  readonly errors: string[];
}

/** Reads the bundles among `files` (by magic bytes or as folders); leaves the other files to the text reader. */
export async function loadBundles(files: readonly string[]): Promise<BundleSide> {
  const side: BundleSide = { hosts: [], warnings: [], rest: [], errors: [] };
  for (const file of files) {
    const kind = await bundleKindOf(file);
    if (kind === undefined) {
      side.rest.push(file);
      continue;
    }
    const reading = await readBundle(file, kind);
    const hosts = reading.hosts.filter((h): h is BundleHost & { model: HostModel } => h.model !== undefined);
    if (hosts.length === 0) {
      const why = reading.problems.find((p) => p.fatal)?.message ?? reading.problems[0]?.message;
      side.errors.push(`${file}: no host output the analysis reads was found in this bundle${why ? ` (${why})` : ''}. Run \`path-doctor bundle ${file}\` to see what it holds.`);
      continue;
    }
    for (const h of hosts) side.hosts.push({ model: h.model, file, observed: h.observed, warnings: h.warnings });
    side.warnings.push(...reading.problems.map((p) => problemWarning(p)));
  }
  return side;
}

function problemWarning(p: BundleProblem): ParseWarning {
  return { file: p.member, line: 1, message: p.message };
}
