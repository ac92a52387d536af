/**
 * The ticket report: ONE self-contained HTML file a customer who never saw the app can read and print. Inline CSS,
 * the path picture inline, no script, no external font or image, a strict Content-Security-Policy. Order: the
 * question, the verdict, the hosts, the picture, the paths, the findings with their evidence and sources, the past
 * migrations the host logs show (support bundles), the remediation plan (ESXi shell and PowerCLI side by side,
 * verification, rollback), what would settle open points, and an appendix (the reasoning trace of every path, all sources with addresses, terms, the tool's version).
 *
 * Pure: result and meta in, string out. Every string from the evidence is escaped. The markup is also well-formed
 * XML (void elements closed), so it can be checked by an XML parser and embedded in XHTML.
 */
import type { AnalysisResult } from '../analyze.ts';
import type { HostModel } from '../model/host.ts';
import { proofSentences, WHAT_A_LINE_PROVES } from '../observed.ts';
import type { ObservedAddress } from '../observed.ts';
import { maskToPrefix } from '../net/ipv4.ts';
import type { FindingResult, FlowResult, RemediationPlanBody, RemediationResult, Severity } from '../result.ts';
import { escapeAttr, escapeText, idPart } from './escape.ts';
import {
  CERTAINTY_TEXT,
  CONFIDENCE_TEXT,
  citedSources,
  findingConfidence,
  findingSources,
  flowHeading,
  formatDate,
  hostNamesOf,
  MIGRATION_TEXT,
  questionOf,
  remediationSources,
  TRAFFIC_TEXT,
  whereOf,
  type CitedSource,
} from './report-text.ts';
import { renderPathSvg } from './svg.ts';
import { REMEDIATIONS } from '../remediation/catalog.ts';
import { CERTAINTY_WORD, MIGRATION_LABEL, ROLE_WORD } from '../present/words.ts';
import { fixName, isOnWrongVmknic, isReplyFlow } from '../present/flow.ts';
import { versionLabel } from '../present/version.ts';
import { toBeSure, toBeSureHeading, toBeSureIntro } from '../present/settle.ts';

export interface ReportMeta {
  /** ISO 8601 time the report was made (the caller's clock: core reads none). */
  readonly generatedAt: string;
  readonly toolVersion: string;
  /** The question as the user asked it; default: the question of the migration kind. */
  readonly question?: string;
  /** Host models, to show each vmknic's uplinks in the picture. */
  readonly hosts?: readonly HostModel[];
  /**
   * Knowledge-base articles about the report's findings, already rendered by the knowledge base (src/kb
   * `articlesForFindings`: markdown-it with raw HTML off, links restricted), so a customer can read the why.
   * Passed in rather than imported because the knowledge base builds on the core, not the other way round.
   */
  readonly articles?: readonly { readonly id: string; readonly title: string; readonly anchor: string; readonly html: string }[];
}

/** The policy the report carries: nothing may load, only its own inline styles and data: images. */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const e = escapeText;
const a = escapeAttr;

const SEVERITY_WORD: Readonly<Record<Severity | 'none', string>> = {
  blocker: 'BLOCKER',
  high: 'HIGH',
  medium: 'MEDIUM',
  low: 'LOW',
  info: 'INFO',
  none: 'NO PROBLEM FOUND',
};

const CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #ffffff; color: #111827; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 1240px; margin: 0 auto; padding: 24px 28px 48px; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 34px 0 10px; padding-bottom: 4px; border-bottom: 2px solid #e5e7eb; }
h3 { font-size: 16px; margin: 22px 0 6px; }
h4 { font-size: 14px; margin: 14px 0 4px; }
p { margin: 6px 0; }
a { color: #1d4ed8; }
.meta { color: #4b5563; margin: 0; }
.question { font-size: 16px; }
.verdict { border: 1px solid #d1d5db; border-left: 8px solid #9ca3af; border-radius: 6px; padding: 12px 16px; background: #f9fafb; }
.verdict p.summary { font-size: 16px; font-weight: 600; }
.sev-blocker { border-left-color: #b91c1c !important; }
.sev-high { border-left-color: #c2410c !important; }
.sev-medium { border-left-color: #ca8a04 !important; }
.sev-low { border-left-color: #2563eb !important; }
.sev-info, .sev-none { border-left-color: #15803d !important; }
.chip { display: inline-block; padding: 0 8px; margin-right: 4px; border-radius: 10px; border: 1px solid #6b7280; font-size: 12px; font-weight: 700; line-height: 20px; white-space: nowrap; }
.chip.blocker { background: #fecaca; border-color: #7f1d1d; color: #7f1d1d; }
.chip.high { background: #fed7aa; border-color: #7c2d12; color: #7c2d12; }
.chip.medium { background: #fef08a; border-color: #713f12; color: #713f12; }
.chip.low { background: #dbeafe; border-color: #1e3a8a; color: #1e3a8a; }
.chip.info, .chip.none { background: #e5e7eb; border-color: #374151; color: #374151; }
.chip.certainty { background: #ffffff; font-weight: 600; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; }
table.hosts { table-layout: fixed; }
table.hosts td, table.hosts th { overflow-wrap: break-word; }
th, td { border: 1px solid #d1d5db; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f3f4f6; }
td ul { margin: 0; padding-left: 18px; }
tr.differs td { background: #fff7ed; }
code, pre { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, "Liberation Mono", monospace; font-size: 12.5px; }
pre { background: #f8fafc; border: 1px solid #e2e8f0; border-radius: 4px; padding: 8px 10px; margin: 4px 0 10px; overflow-x: auto; white-space: pre; }
pre.cmds { white-space: pre-wrap; overflow-wrap: anywhere; }
pre.cmds .ln { display: block; padding-left: 2.5ch; text-indent: -2.5ch; }
pre.cmds .note { color: #475569; }
.commands { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 12px; }
.commands h4 { margin-top: 6px; }
figure { margin: 8px 0; }
figure svg { max-width: 100%; height: auto; display: block; border: 1px solid #e5e7eb; border-radius: 6px; }
figcaption { color: #374151; font-size: 13px; margin-top: 6px; }
article { border-top: 1px solid #e5e7eb; padding-top: 2px; }
.sources { font-size: 13px; color: #374151; }
.sources li { margin: 2px 0; }
.url { word-break: break-all; color: #4b5563; }
.trace li { margin: 2px 0; }
.trace { font-size: 13px; }
.fill { background: #fef3c7; border: 1px solid #d97706; border-radius: 4px; padding: 4px 8px; }
footer { margin-top: 40px; padding-top: 8px; border-top: 1px solid #e5e7eb; color: #4b5563; font-size: 12px; }
@media print {
  @page { size: A4; margin: 14mm 12mm; }
  body { font-size: 10pt; }
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; margin-top: 20px; }
  h3, h4 { break-after: avoid; }
  figure, tr, .verdict, .commands > div, pre { break-inside: avoid; }
  .appendix { break-before: page; }
  /* The picture gets a landscape page of its own, so its text prints at nearly full size. */
  @page wide { size: A4 landscape; margin: 10mm; }
  #picture { page: wide; }
  pre { white-space: pre-wrap; overflow-wrap: anywhere; font-size: 7.5pt; }
  a { color: inherit; text-decoration: none; }
  figure svg { border: none; }
}
`;

function chip(text: string, cls: string): string {
  return `<span class="chip ${a(cls)}">${e(text)}</span>`;
}

function pre(lines: readonly string[], label: string): string {
  return `<pre aria-label="${a(label)}">${e(lines.join('\n'))}</pre>`;
}

/**
 * Commands: one block per line, wrapped with a hanging indent, so a long command stays readable (and printable)
 * without being mistaken for two; copying still yields one command per line.
 */
function commands(lines: readonly string[], label: string): string {
  return `<pre class="cmds" aria-label="${a(label)}">${lines.map((l) => `<span class="ln${l.startsWith('#') ? ' note' : ''}">${e(l)}</span>`).join('')}</pre>`;
}

function sourcesList(list: readonly CitedSource[]): string {
  if (list.length === 0) return '';
  return (
    '<ul class="sources">' +
    list.map((s) => `<li>${e(s.ref.title)} — <a href="${a(s.ref.url)}"><span class="url">${e(s.ref.url)}</span></a></li>`).join('') +
    '</ul>'
  );
}

function header(result: AnalysisResult, meta: ReportMeta): string {
  const { source, dest } = hostNamesOf(result);
  const who = source ? `${source} → ${dest ?? 'assumed peer'}` : 'no host recognised';
  return (
    '<header>' +
    `<h1>vMotion Path Doctor report: ${e(who)}</h1>` +
    `<p class="meta">Generated ${e(formatDate(meta.generatedAt))} by vMotion Path Doctor ${e(meta.toolVersion)} · offline analysis of pasted ESXi command output</p>` +
    '</header>'
  );
}

function questionSection(result: AnalysisResult, meta: ReportMeta): string {
  return (
    '<section id="question"><h2>The question</h2>' +
    `<p class="question">${e(meta.question ?? questionOf(result))}</p>` +
    `<p>Migration kind: <strong>${e(MIGRATION_LABEL[result.migration])}</strong>, a ${e(MIGRATION_TEXT[result.migration])}.</p>` +
    '</section>'
  );
}

function verdictSection(result: AnalysisResult): string {
  const v = result.verdict;
  const counts = (['blocker', 'high', 'medium', 'low', 'info'] as const)
    .map((s) => [s, result.findings.filter((f) => f.severity === s).length] as const)
    .filter(([, c]) => c > 0)
    .map(([s, c]) => `${c} ${s}`);
  return (
    `<section id="verdict"><h2>Verdict</h2><div class="verdict sev-${a(v.severity)}">` +
    `<p>${chip(v.severity === 'none' ? SEVERITY_WORD.none : `WORST: ${SEVERITY_WORD[v.severity]}`, v.severity)}${counts.length > 0 ? e(` Findings: ${counts.join(', ')}.`) : ''}</p>` +
    `<p class="summary">${e(v.overview)}</p>` +
    ((v.lines ?? []).length > 0 ? `<ul class="verdict-lines">${(v.lines ?? []).map((l) => `<li>${e(l)}</li>`).join('')}</ul>` : '') +
    ((result.answers ?? []).length > 0 ? `<ul class="answers">${(result.answers ?? []).map((x) => `<li>${e(x.text)}</li>`).join('')}</ul>` : '') +
    (v.uncertain ? '<p>Some answers are <strong>uncertain</strong>: they depend on a fact the pasted output does not show. See <a href="#settle">To be sure</a> for the command that decides.</p>' : '') +
    '</div></section>'
  );
}

function vmknicItem(v: AnalysisResult['hosts'][number]['vmknics'][number]): string {
  const parts = [
    v.ipv4 ? `${v.ipv4}/${maskToPrefix(v.netmask) ?? v.netmask ?? '?'}` : v.ipv6[0] ?? 'no IPv4 address',
    v.portGroup !== undefined ? `port group "${v.portGroup}"` : v.dvPort !== undefined ? `DVPort ${v.dvPort}` : undefined,
    v.netstack !== undefined ? `stack ${v.netstack}` : 'stack not shown',
    v.tags ? `tags: ${v.tags.join(', ') || 'none'}` : 'tags not shown',
    v.mtu !== undefined ? `MTU ${v.mtu}` : undefined,
    v.enabled === false ? 'DISABLED' : undefined,
  ].filter((x): x is string => x !== undefined);
  return `<li><code>${e(v.name)}</code> ${e(parts.join(' · '))}</li>`;
}

function hostsSection(result: AnalysisResult): string {
  const { source } = hostNamesOf(result);
  const rows = result.hosts
    .map((h) => {
      const b = h.bindToVmknic;
      const bind = b.value !== undefined ? `${b.value} (${b.source === 'evidence' ? 'pasted' : 'build default, not pasted'})` : 'unknown (not pasted)';
      const role = h.name === source ? 'source' : 'destination';
      return (
        `<tr><td><strong>${e(h.name)}</strong><br />${e(role)}</td><td>${e(versionLabel(h.version))}</td><td>${e(bind)}</td><td>${e(h.defaultGateway ?? 'not shown')}</td>` +
        `<td>${h.vmknics.length > 0 ? `<ul>${h.vmknics.map(vmknicItem).join('')}</ul>` : 'no vmknic in the evidence'}</td></tr>`
      );
    })
    .join('');
  const single = result.hosts.length === 1 ? '<p>Only one host was pasted: it is analysed against a peer assumed to be configured like it, in its vMotion subnet, and also as a receiver.</p>' : '';
  return (
    '<section id="hosts"><h2>Hosts</h2>' +
    single +
    '<table class="hosts"><colgroup><col style="width:19%" /><col style="width:15%" /><col style="width:14%" /><col style="width:12%" /><col style="width:40%" /></colgroup>' +
    '<thead><tr><th>Host</th><th>Version</th><th>Migrate.<wbr />BindToVmknic</th><th>Default gateway</th><th>VMkernel adapters (vmknics)</th></tr></thead>' +
    `<tbody>${rows}</tbody></table></section>`
  );
}

function pictureSection(result: AnalysisResult, meta: ReportMeta): string {
  const svg = renderPathSvg(result, { ...(meta.hosts ? { hosts: meta.hosts } : {}), heading: false, idPrefix: 'pic' }).trimEnd();
  return (
    '<section id="picture"><h2>Path picture</h2><figure>' +
    svg +
    '<figcaption>Each box is a host and each row one of its VMkernel adapters. An arrow runs from the adapter the traffic leaves by (dot) to the adapter it enters by (arrowhead); its label names the traffic. Thin lines with hollow heads show where the traffic should go by design, "?" marks a path that depends on a fact not pasted, and "!" a path a finding is about. Line styles as well as colours tell the traffic classes apart (see the legend).</figcaption>' +
    '</figure></section>'
  );
}

function pathsSection(result: AnalysisResult): string {
  if (result.flows.length === 0) return '<section id="paths"><h2>Paths</h2><p>No path could be computed from the evidence.</p></section>';
  const rows = result.flows
    .map((f) => {
      const where = whereOf(f);
      const differs = isOnWrongVmknic(f);
      const replies = isReplyFlow(f) ? ' replies' : '';
      return (
        `<tr${differs ? ' class="differs"' : ''}><td>${e(f.host)}</td><td>${e(ROLE_WORD[f.role])}</td><td>${e(TRAFFIC_TEXT[f.traffic] + replies)}</td><td>${f.direction === 'egress' ? 'leaves by' : 'enters by'}</td>` +
        `<td><strong>${e(where)}</strong>${differs ? ' <em>(not the intended vmknic)</em>' : ''}</td><td>${e(f.intended.join(', ') || '—')}</td><td>${e(CERTAINTY_WORD[f.certainty])}</td></tr>`
      );
    })
    .join('');
  return (
    '<section id="paths"><h2>Paths</h2>' +
    '<table><thead><tr><th>Host</th><th>Role</th><th>Traffic</th><th>Direction</th><th>vmknic(s)</th><th>Intended</th><th>Certainty</th></tr></thead>' +
    `<tbody>${rows}</tbody></table>` +
    `<p class="sources">Certainty: <strong>${CERTAINTY_WORD.definite}</strong> — ${e(CERTAINTY_TEXT.definite)}; <strong>${CERTAINTY_WORD.probable}</strong> — ${e(CERTAINTY_TEXT.probable)}; <strong>${CERTAINTY_WORD.uncertain}</strong> — ${e(CERTAINTY_TEXT.uncertain)}.</p>` +
    '</section>'
  );
}

/** Anchor ids: the first finding with an id gets `finding-ID`, later ones `finding-ID-2`, … */
function findingAnchors(findings: readonly FindingResult[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const n = (seen.get(f.id) ?? 0) + 1;
    seen.set(f.id, n);
    return `finding-${idPart(f.id)}${n > 1 ? `-${n}` : ''}`;
  });
}

function findingsSection(result: AnalysisResult): string {
  if (result.findings.length === 0) return '<section id="findings"><h2>Findings</h2><p>No problem found in the evidence.</p></section>';
  const anchors = findingAnchors(result.findings);
  const planned = new Set(result.remediation.map((r) => r.id));
  const summary =
    '<table><thead><tr><th>Severity</th><th>Finding</th><th>Hosts</th><th>Certainty</th></tr></thead><tbody>' +
    result.findings
      .map((f, i) => `<tr><td>${chip(SEVERITY_WORD[f.severity], f.severity)}</td><td><a href="#${a(anchors[i]!)}">${e(f.title)}</a> <code>${e(f.id)}</code></td><td>${e(f.hosts.join(', '))}</td><td>${e(CERTAINTY_WORD[f.certainty])}</td></tr>`)
      .join('') +
    '</tbody></table>';
  const details = result.findings
    .map((f, i) => {
      const conf = findingConfidence(f.id);
      const fixes = f.remediation.map((r) => (planned.has(r) ? `<a href="#remedy-${a(idPart(r))}">${e(fixName(r, REMEDIATIONS))}</a>` : e(fixName(r, REMEDIATIONS)))).join('; ');
      return (
        `<article class="finding" id="${a(anchors[i]!)}">` +
        `<h3>${e(f.title)} <code>${e(f.id)}</code></h3>` +
        `<p>${chip(SEVERITY_WORD[f.severity], f.severity)}${chip(`certainty: ${CERTAINTY_WORD[f.certainty]}`, 'certainty')} Hosts: ${e(f.hosts.join(', '))}${f.vmknics && f.vmknics.length > 0 ? ` · vmknics: ${e(f.vmknics.join(', '))}` : ''}</p>` +
        `<p>${e(f.detail)}</p>` +
        (f.evidence.length > 0 ? `<h4>Evidence (file:line: pasted text)</h4>${pre(f.evidence, `evidence of ${f.id}`)}` : '') +
        (f.remediation.length > 0 ? `<p>Fix: ${fixes}</p>` : '') +
        (conf ? `<p class="sources">Rule: ${e(CONFIDENCE_TEXT[conf])}. Sources:</p>` : '') +
        sourcesList(findingSources(f.id)) +
        '</article>'
      );
    })
    .join('');
  return `<section id="findings"><h2>Findings</h2>${summary}${details}</section>`;
}

function observedAddress(x: ObservedAddress): string {
  if (x.vmknic === undefined) return `<code>${e(x.address)}</code> (no analysed vmknic)`;
  const role = x.management ? ' <strong>management vmknic</strong>' : x.vmotionVmknic ? ', vMotion vmknic' : '';
  return `<code>${e(x.address)}</code> (${e(`${x.host} ${x.vmknic}`)}${role})`;
}

/** Past migrations from the host logs of support bundles (issue 9): what each log line proves, and the lines. */
function observedSection(result: AnalysisResult): string {
  const observed = result.observed ?? [];
  if (observed.length === 0) return '';
  const side = (o: (typeof observed)[number], s: ObservedAddress['side']) => o.addresses.filter((x) => x.side === s).map(observedAddress).join('<br />') || '?';
  const rows = observed
    .map((o) => {
      const traffic = o.traffic === 'nfc' ? `NFC (902)${o.count && o.count > 1 ? ` ×${o.count}` : ''}` : `vMotion ${o.direction}${o.vm ? ` of ${o.vm}` : ''}`;
      const enc = o.traffic === 'nfc' ? '—' : o.encrypted === 'yes' ? 'yes' : o.encrypted === 'no' ? 'no' : 'not logged';
      return (
        `<tr><td>${e(o.time ?? '')}</td><td>${e(o.host)}</td><td>${e(traffic)}</td><td>${side(o, 'source')}</td><td>${side(o, 'destination')}</td>` +
        `<td>${e(enc)}</td><td>${o.outcome === 'failed' ? '<strong>failed</strong>' : 'no failure logged'}</td></tr>`
      );
    })
    .join('');
  const details = observed
    .map((o) => {
      const proof = proofSentences(o);
      return (
        `<p>${e(`${o.time ?? '(time not logged)'} ${o.host}: ${o.proves}`)}</p>${pre(o.evidence, `log lines of the migration at ${o.time ?? 'an unlogged time'}`)}` +
        (proof.length > 0 ? `<p class="proof">${e(proof.join(' '))}</p>` : '')
      );
    })
    .join('');
  return (
    '<section id="observed"><h2>Past migrations (from the host logs)</h2>' +
    `<p>${e(WHAT_A_LINE_PROVES)}</p>` +
    '<table><thead><tr><th>When</th><th>Logged by</th><th>Traffic</th><th>Source</th><th>Destination</th><th>Encrypted</th><th>Outcome</th></tr></thead>' +
    `<tbody>${rows}</tbody></table>` +
    `<h3>Log lines</h3>${details}` +
    '</section>'
  );
}

function commandBlock(title: string, lines: readonly string[], label: string): string {
  return `<div><h4>${e(title)}</h4>${lines.length > 0 ? commands(lines, label) : '<p>No command for this step.</p>'}</div>`;
}

/** `name` labels the command groups for screen readers: the fix's title, never a bare internal id. */
function remedyBody(r: RemediationPlanBody, name: string): string {
  return (
    (r.refused ?? []).map((x) => `<p class="fill"><strong>Withheld:</strong> ${e(x)}</p>`).join('') +
    ((r.notes ?? []).length > 0 ? `<ul class="notes">${(r.notes ?? []).map((n) => `<li>${e(n)}</li>`).join('')}</ul>` : '') +
    (r.steps.length > 0 ? `<ol>${r.steps.map((s) => `<li>${e(s)}</li>`).join('')}</ol>` : '') +
    (r.unfilled.length > 0 ? `<p class="fill">Fill in before running: ${e(r.unfilled.map((u) => `FILL_${u}`).join(', '))} — the evidence cannot show these values; as pasted, those lines refuse to run.</p>` : '') +
    '<div class="commands">' +
    commandBlock('ESXi shell (SSH on each host)', r.commands.esxcli, `${name}: ESXi shell commands`) +
    commandBlock('PowerCLI (against vCenter)', r.commands.powercli, `${name}: PowerCLI commands`) +
    '</div>' +
    (r.commands.esxcfg.length > 0 ? `<h4>Older hosts (legacy esxcfg-* commands)</h4>${commands(r.commands.esxcfg, `${name}: legacy commands`)}` : '') +
    (r.verify.length > 0 ? `<h4>Verify (read-only)</h4>${commands(r.verify, `${name}: verification`)}` : '') +
    (r.verifyPowercli && r.verifyPowercli.length > 0 ? `<h4>Verify (PowerCLI)</h4>${commands(r.verifyPowercli, `${name}: PowerCLI verification`)}` : '') +
    (r.rollback.length > 0 ? `<h4>Rollback</h4>${commands(r.rollback, `${name}: rollback`)}` : '') +
    (r.rollbackPowercli && r.rollbackPowercli.length > 0 ? `<h4>Rollback (PowerCLI)</h4>${commands(r.rollbackPowercli, `${name}: PowerCLI rollback`)}` : '') +
    (r.requires && r.requires.length > 0 ? `<p>Needs: ${e(r.requires.map((q) => `${q.form} from ${q.since} (${q.confidence})`).join('; '))}.</p>` : '')
  );
}

function remedy(r: RemediationResult, anchors: ReadonlyMap<string, string>): string {
  const forList = r.forFindings.map((id) => (anchors.has(id) ? `<a href="#${a(anchors.get(id)!)}">${e(id)}</a>` : e(id))).join(', ');
  const choices = [{ label: r.label, body: r as RemediationPlanBody }, ...(r.alternatives ?? []).map((x) => ({ label: x.label, body: x as RemediationPlanBody }))];
  return (
    `<article class="remedy" id="remedy-${a(idPart(r.id))}">` +
    `<h3>${e(r.id)} — ${e(r.title)}</h3>` +
    `<p>For: ${forList} · hosts: ${e(r.hosts.join(', '))}</p>` +
    (choices.length > 1
      ? `<p>${choices.length} alternatives, each a complete plan: choose one.</p>` +
        choices.map((c, k) => `<h4>Plan ${String.fromCharCode(65 + k)}: ${e(c.label ?? '')}</h4>${remedyBody(c.body, r.title)}`).join('')
      : remedyBody(r, r.title)) +
    `<p><strong>Risk:</strong> ${e(r.risk)}</p>` +
    (remediationSources(r.id).length > 0 ? `<p class="sources">Sources:</p>${sourcesList(remediationSources(r.id))}` : '') +
    '</article>'
  );
}

function planSection(result: AnalysisResult): string {
  if (result.remediation.length === 0) return '<section id="plan"><h2>Remediation plan</h2><p>Nothing to change.</p></section>';
  const anchors = new Map<string, string>();
  findingAnchors(result.findings).forEach((anchor, i) => {
    const id = result.findings[i]!.id;
    if (!anchors.has(id)) anchors.set(id, anchor);
  });
  return (
    '<section id="plan"><h2>Remediation plan</h2>' +
    '<p>In order of preference. Always change the source <em>and</em> the destination host, one host at a time (in maintenance mode where a step says so), and test with a throw-away VM.</p>' +
    result.remediation.map((r) => remedy(r, anchors)).join('') +
    '</section>'
  );
}

function settleSection(result: AnalysisResult): string {
  const sure = toBeSure(result);
  if (sure.length === 0) return '';
  return (
    `<section id="settle"><h2>To be sure</h2><p>${e(toBeSureIntro(result))}</p>` +
    sure
      .map(
        (h) =>
          `<h3>${e(toBeSureHeading(h))}</h3>` +
          (h.commands.length > 0 ? commands(h.commands.map((c) => c.command), `commands to run on ${h.host}`) : '') +
          h.commands.filter((c) => c.note).map((c) => `<p class="note"><code>${e(c.command)}</code>: ${e(c.note!)}.</p>`).join('') +
          (h.steps.length > 0 ? `<p>Or watch a test vMotion:</p><ol>${h.steps.map((st) => `<li>${e(st)}.</li>`).join('')}</ol>` : ''),
      )
      .join('') +
    '</section>'
  );
}

function warningsSection(result: AnalysisResult): string {
  if (result.warnings.length === 0) return '';
  const shown = result.warnings.slice(0, 200);
  return (
    '<section id="warnings"><h2>What could not be read</h2><ul>' +
    shown.map((w) => `<li><code>${e(`${w.file}:${w.line}`)}</code> ${e(w.message)}</li>`).join('') +
    (result.warnings.length > shown.length ? `<li>… ${result.warnings.length - shown.length} more</li>` : '') +
    '</ul></section>'
  );
}

function traceAppendix(flows: readonly FlowResult[]): string {
  if (flows.length === 0) return '<p>No path was computed.</p>';
  return flows
    .map((f) => `<h3>${e(flowHeading(f))}</h3><ol class="trace">${f.trace.map((t) => `<li>${e(t)}</li>`).join('')}</ol>${f.settle && f.settle.length > 0 ? `<p>To settle: <code>${e(f.settle.join(' ; '))}</code></p>` : ''}`)
    .join('');
}

/** Appendix D: the knowledge-base articles behind the findings (their HTML is the knowledge base's safe output). */
function articlesAppendix(meta: ReportMeta): string {
  const articles = meta.articles ?? [];
  if (articles.length === 0) return '';
  return (
    '<h2 id="articles">Appendix D: background on the findings</h2>' +
    articles.map((x) => `<section id="${a(x.anchor)}" class="article"><h3>${e(x.title)}</h3>${x.html}</section>`).join('')
  );
}

function appendix(result: AnalysisResult, meta: ReportMeta): string {
  const cited = citedSources(result);
  const sources =
    cited.length === 0
      ? '<p>No rule with a published source was applied.</p>'
      : '<ol class="sources">' +
        cited.map((c) => `<li><strong>${e(c.source.key)}</strong>: ${e(c.source.ref.title)} — <a href="${a(c.source.ref.url)}"><span class="url">${e(c.source.ref.url)}</span></a> (cited by ${e(c.citedBy.map((id) => fixName(id, REMEDIATIONS)).join(', '))})</li>`).join('') +
        '</ol>';
  return (
    '<section id="appendix" class="appendix"><h2>Appendix A: reasoning trace</h2>' +
    '<p>Every step the analysis took for each path, the pasted lines it read, and, where a rule is not documented by VMware, how sure it is and the knowledge-base article that explains it.</p>' +
    traceAppendix(result.flows) +
    '<h2 id="sources">Appendix B: sources of the rules</h2>' +
    sources +
    '<h2 id="terms">Appendix C: terms</h2><dl>' +
    '<dt>vmknic</dt><dd>A VMkernel network adapter of an ESXi host (vmk0, vmk1, …): the host\'s own address on a network, used for management, vMotion, storage and more.</dd>' +
    '<dt>TCP/IP stack (netstack)</dt><dd>A separate routing table of the host: the default stack, the vMotion stack, the provisioning stack. A vmknic belongs to one.</dd>' +
    '<dt>hot / cold data</dt><dd>In a migration, memory and the active disk layer are hot (sent by vMotion, TCP 8000); the base disk and older snapshot layers are cold (copied by NFC, TCP 902).</dd>' +
    '<dt>Migrate.BindToVmknic</dt><dd>Host setting that decides whether vMotion is bound to the vMotion vmknic (3 = always, the default from 6.5d on) or left to the routing table (0).</dd>' +
    `<dt>${CERTAINTY_WORD.definite} / ${CERTAINTY_WORD.probable} / ${CERTAINTY_WORD.uncertain}</dt><dd>How sure an answer is: every input pasted / rests on a default, an assumption or an inferred rule / depends on a fact that was not pasted.</dd>` +
    '</dl>' +
    articlesAppendix(meta) +
    `<h2 id="about">Appendix ${meta.articles && meta.articles.length > 0 ? 'E' : 'D'}: about this report</h2><p>Made by vMotion Path Doctor ${e(meta.toolVersion)} on ${e(formatDate(meta.generatedAt))}, offline, from the command output pasted into it; nothing was sent anywhere. Each rule says how sure it is: documented by VMware, inferred (worded "likely") or unsure (worded "uncertain").</p>` +
    '</section>'
  );
}

/** Renders the whole report as one HTML document. */
export function renderHtmlReport(result: AnalysisResult, meta: ReportMeta): string {
  const { source, dest } = hostNamesOf(result);
  const title = `vMotion Path Doctor report: ${source ?? 'no host'}${source ? ` → ${dest ?? 'assumed peer'}` : ''}`;
  return (
    '<!DOCTYPE html>\n' +
    '<html lang="en"><head>' +
    '<meta charset="utf-8" />' +
    `<meta http-equiv="Content-Security-Policy" content="${a(REPORT_CSP)}" />` +
    '<meta name="viewport" content="width=device-width, initial-scale=1" />' +
    `<meta name="generator" content="${a(`vMotion Path Doctor ${meta.toolVersion}`)}" />` +
    `<title>${e(title)}</title>` +
    `<style>${CSS}</style>` +
    '</head><body><main>' +
    header(result, meta) +
    questionSection(result, meta) +
    verdictSection(result) +
    hostsSection(result) +
    pictureSection(result, meta) +
    pathsSection(result) +
    findingsSection(result) +
    observedSection(result) +
    planSection(result) +
    settleSection(result) +
    warningsSection(result) +
    appendix(result, meta) +
    `<footer>vMotion Path Doctor ${e(meta.toolVersion)} · report generated ${e(formatDate(meta.generatedAt))}</footer>` +
    '</main></body></html>\n'
  );
}
