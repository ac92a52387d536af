/**
 * The scan as text (a terminal), CSV (the host table, for a spreadsheet) and Markdown (a report). JSON is the
 * ScanResult itself. Every string from the files goes through estate/cells.ts.
 */
import { counted } from '../present/outline.ts';
import { CERTAINTY_WORD } from '../present/words.ts';
import { versionLabel } from '../present/version.ts';
import { csvCell, markdownCell, plain } from './cells.ts';
import type { ScanHostJson, ScanPairJson, ScanResult, UnknownFact } from './types.ts';

/** Text and Markdown list at most this many pairs and group members (JSON and CSV have everything). */
export const MAX_LISTED = 500;
const HOSTS_PER_GROUP_TEXT = 12;

function shortList(names: readonly string[], max: number): string {
  const shown = names.slice(0, max).map(plain).join(', ');
  return names.length > max ? `${shown} … and ${names.length - max} more` : shown;
}

function vmknicSummary(h: ScanHostJson): string {
  return h.vmknics
    .map((n) => {
      const addr = n.ipv4 ? ` ${n.ipv4}${n.netmask ? `/${n.netmask}` : ''}` : '';
      const tags = n.tags ? ` [${n.tags.join(',') || 'no tags'}]` : ' [tags ?]';
      return `${n.name}${addr}${n.mtu !== undefined ? ` mtu ${n.mtu}` : ''}${n.netstack ? ` ${n.netstack}` : ''}${tags}${n.enabled === false ? ' disabled' : ''}`;
    })
    .join('; ');
}

function findingList(h: ScanHostJson): string {
  return h.findings.map((f) => `${f.id} (${f.severity}, ${f.certainty})`).join('; ');
}

function bindLabel(h: ScanHostJson): string {
  return h.bindToVmknic.value !== undefined ? `${h.bindToVmknic.value} (${h.bindToVmknic.source})` : 'unknown';
}

function pairLine(p: ScanPairJson): string {
  return p.findings
    .map((f) => `${f.id} (${f.severity}, ${f.certainty})${f.from ? ` ${f.from} -> ${f.to}` : ' both ways'}`)
    .join('; ');
}

/** Unknown facts folded over the estate: key → hosts and one wording. */
function unknownGroups(result: ScanResult): { key: string; fill: string; hosts: string[] }[] {
  const byKey = new Map<string, { key: string; fill: string; hosts: string[] }>();
  for (const h of result.hosts) {
    for (const u of h.unknown as readonly UnknownFact[]) {
      const g = byKey.get(u.key) ?? { key: u.key, fill: u.fill, hosts: [] };
      g.hosts.push(h.name);
      byKey.set(u.key, g);
    }
  }
  return [...byKey.values()].sort((a, b) => b.hosts.length - a.hosts.length);
}

export function renderScanText(result: ScanResult): string {
  const s = result.summary;
  const out: string[] = [];
  out.push(
    `ESTATE: ${s.hosts} host${s.hosts === 1 ? '' : 's'} in ${s.clusters} cluster${s.clusters === 1 ? '' : 's'}; worst risk: ${s.worst}; ` +
      `${s.pairsWithFindings} host pair${s.pairsWithFindings === 1 ? '' : 's'} with trouble (of ${s.pairsChecked / 2} checked).`,
  );
  out.push(`Risk: ${(['blocker', 'high', 'medium', 'low', 'info', 'none'] as const).map((r) => `${r} ${s.risk[r]}`).join(', ')} (migration: ${result.migration}).`);
  out.push('');
  out.push('SOURCES');
  for (const src of result.sources) {
    out.push(`  ${plain(src.file)}: ${src.format}${src.version ? ` ${plain(src.version)}` : ''}${src.tabs ? ` (${src.tabs.join(', ')})` : ''}; ${counted(src.rows, 'row')}, ${counted(src.hosts, 'host')}, ${counted(src.vmknics, 'vmknic')}`);
    if (src.missingColumns.length > 0) out.push(`    missing columns: ${src.missingColumns.map(plain).join(', ')}`);
    for (const n of src.notes) out.push(`    ${plain(n)}`);
    if (src.skipped.length > 0) {
      out.push(`    ${src.skipped.length} row${src.skipped.length === 1 ? '' : 's'} skipped: ${src.skipped.slice(0, 3).map((k) => `line ${k.line}: ${plain(k.reason)}`).join('; ')}${src.skipped.length > 3 ? '; …' : ''}`);
    }
  }
  if (result.warnings.length > 0) {
    out.push('');
    out.push('WARNINGS');
    for (const w of result.warnings.slice(0, MAX_LISTED)) out.push(`  ${plain(w.file)}${w.line > 0 ? `:${w.line}` : ''}: ${plain(w.message)}`);
    if (result.warnings.length > MAX_LISTED) out.push(`  … and ${result.warnings.length - MAX_LISTED} more (--format json lists them all)`);
  }
  out.push('');
  out.push('FINDINGS (grouped)');
  if (result.groups.length === 0) out.push('  none');
  for (const g of result.groups) {
    const count = g.scope === 'pair' ? `${g.pairs} pair${g.pairs === 1 ? '' : 's'}, ${g.hosts.length} hosts` : `${g.hosts.length} host${g.hosts.length === 1 ? '' : 's'}`;
    const cert = (['definite', 'probable', 'uncertain'] as const).filter((c) => g.certainty[c] > 0).map((c) => `${CERTAINTY_WORD[c]} ${g.certainty[c]}`).join(', ');
    out.push(`  [${g.severity.toUpperCase()}] ${g.id}${g.scope === 'pair' ? ' (between hosts)' : ''}: ${g.title} — ${count} (${cert})`);
    out.push(`    hosts: ${shortList(g.hosts, HOSTS_PER_GROUP_TEXT)}`);
    out.push(`    e.g. ${plain(g.example.detail)}`);
  }
  const unknown = unknownGroups(result);
  if (unknown.length > 0) {
    out.push('');
    out.push('NOT KNOWN FROM THESE FILES');
    for (const u of unknown) {
      out.push(`  ${u.key} on ${u.hosts.length} host${u.hosts.length === 1 ? '' : 's'} (${shortList(u.hosts, 5)})`);
      out.push(`    fill: ${u.fill}`);
    }
  }
  if (result.pairs.length > 0) {
    out.push('');
    out.push('PAIRS WITH TROUBLE');
    for (const p of result.pairs.slice(0, MAX_LISTED)) out.push(`  ${plain(p.cluster)}: ${plain(p.hosts[0])} <-> ${plain(p.hosts[1])}: ${plain(pairLine(p))}`);
    if (result.pairs.length > MAX_LISTED) out.push(`  … and ${result.pairs.length - MAX_LISTED} more (--format json lists them all)`);
  }
  out.push('');
  out.push('HOSTS');
  for (const h of result.hosts) {
    const where = [h.vcenter, h.datacenter, h.cluster].filter((x) => x !== undefined).map((x) => plain(x!)).join('/') || 'no cluster';
    out.push(`  ${plain(h.name)} (${where}; ${plain(versionLabel(h.version))}; BindToVmknic ${bindLabel(h)}) risk ${h.risk}${h.findings.length > 0 ? `: ${findingList(h)}` : ''}`);
  }
  return `${out.join('\n')}\n`;
}

const CSV_COLUMNS = ['host', 'vcenter', 'datacenter', 'cluster', 'version', 'build', 'risk', 'findings', 'pair_findings', 'bind_to_vmknic', 'vmknics', 'unknown', 'sources'] as const;

/** The host table, one row per host (what the app's Scan view exports). */
export function renderScanCsv(result: ScanResult): string {
  const pairCount = new Map<string, number>();
  for (const p of result.pairs) {
    for (const f of p.findings) {
      const on = f.to !== undefined ? [f.to] : p.hosts;
      for (const h of on) pairCount.set(h, (pairCount.get(h) ?? 0) + 1);
    }
  }
  const lines = [CSV_COLUMNS.join(',')];
  for (const h of result.hosts) {
    const files = [...new Set(Object.values(h.provenance).flat())];
    lines.push(
      [
        h.name,
        h.vcenter,
        h.datacenter,
        h.cluster,
        h.version?.version,
        h.version?.build,
        h.risk,
        findingList(h),
        pairCount.get(h.name) ?? 0,
        bindLabel(h),
        vmknicSummary(h),
        h.unknown.map((u) => u.key).join('; '),
        files.join('; '),
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

function mdRow(cells: readonly (string | number | undefined)[]): string {
  return `| ${cells.map(markdownCell).join(' | ')} |`;
}

export function renderScanMarkdown(result: ScanResult): string {
  const s = result.summary;
  const out: string[] = [];
  out.push('# Estate scan');
  out.push('');
  out.push(
    `${s.hosts} hosts in ${s.clusters} clusters; worst risk **${s.worst}**; ${s.pairsWithFindings} host pairs with trouble (of ${s.pairsChecked / 2} checked). Migration studied: ${result.migration}.`,
  );
  out.push('');
  out.push('## Findings');
  out.push('');
  out.push(mdRow(['Severity', 'Finding', 'Scope', 'Hosts', 'Pairs', 'Example']));
  out.push('|---|---|---|---|---|---|');
  for (const g of result.groups) {
    out.push(mdRow([g.severity, `${g.id}: ${g.title}`, g.scope, `${g.hosts.length}: ${g.hosts.slice(0, 20).join(', ')}${g.hosts.length > 20 ? ' …' : ''}`, g.pairs, g.example.detail]));
  }
  out.push('');
  out.push('## Hosts');
  out.push('');
  out.push(mdRow(['Host', 'Cluster', 'Version', 'Risk', 'Findings', 'BindToVmknic', 'Not known']));
  out.push('|---|---|---|---|---|---|---|');
  for (const h of result.hosts) {
    out.push(mdRow([h.name, h.cluster, versionLabel(h.version), h.risk, findingList(h), bindLabel(h), h.unknown.map((u) => u.key).join(', ')]));
  }
  if (result.pairs.length > 0) {
    out.push('');
    out.push('## Pairs with trouble');
    out.push('');
    out.push(mdRow(['Cluster', 'Host A', 'Host B', 'Findings']));
    out.push('|---|---|---|---|');
    for (const p of result.pairs.slice(0, MAX_LISTED)) out.push(mdRow([p.cluster, p.hosts[0], p.hosts[1], pairLine(p)]));
    if (result.pairs.length > MAX_LISTED) out.push('', `${result.pairs.length - MAX_LISTED} more pairs: see the JSON output.`);
  }
  const unknown = unknownGroups(result);
  if (unknown.length > 0) {
    out.push('');
    out.push('## Not known from these files');
    out.push('');
    out.push(mdRow(['Fact', 'Hosts', 'Fill with']));
    out.push('|---|---|---|');
    for (const u of unknown) out.push(mdRow([u.key, u.hosts.length, u.fill]));
  }
  out.push('');
  out.push('## Sources');
  out.push('');
  out.push(mdRow(['File', 'Format', 'Rows', 'Hosts', 'Missing columns', 'Skipped rows', 'Notes']));
  out.push('|---|---|---|---|---|---|---|');
  for (const src of result.sources) {
    out.push(mdRow([src.file, `${src.format}${src.version ? ` ${src.version}` : ''}`, src.rows, src.hosts, src.missingColumns.join(', '), src.skipped.length, src.notes.join(' ')]));
  }
  if (result.warnings.length > 0) {
    out.push('');
    out.push('## Warnings');
    out.push('');
    for (const w of result.warnings.slice(0, MAX_LISTED)) out.push(`- ${markdownCell(`${w.file}${w.line > 0 ? `:${w.line}` : ''}: ${w.message}`)}`);
  }
  return `${out.join('\n')}\n`;
}
