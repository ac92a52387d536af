/**
 * Markdown rendering of an analysis, for a ticket comment: the same order as the text output (verdict, hosts,
 * paths, findings, remediation, what is missing), with commands in fenced blocks. Pure: result in, string out.
 */
import type { AnalysisResult } from '../analyze.ts';
import { citedSources, findingSources, flowHeading, formatDate, questionOf, remediationSources, type CitedSource } from './report-text.ts';
import { REMEDIATIONS } from '../remediation/catalog.ts';
import { CERTAINTY_WORD, MIGRATION_LABEL, ROLE_WORD, TRAFFIC_SHORT } from '../present/words.ts';
import { fixName, flowSentence, flowsThatMatter, isOnWrongVmknic, whereOf } from '../present/flow.ts';
import { versionLabel } from '../present/version.ts';
import { observedMarkdown } from './observed.ts';

/**
 * Given, the Markdown becomes a report like the HTML one: date, tool version and question under the title, the
 * sources of each rule under its finding or remediation, and the reasoning trace and all sources in an appendix.
 * Without it the output is the plain ticket comment it always was.
 */
export interface MarkdownReportMeta {
  readonly generatedAt: string;
  readonly toolVersion: string;
  readonly question?: string;
}

/** Escapes characters that would break a Markdown table cell or inline text. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function fence(lines: readonly string[], lang: string): string[] {
  // A longer fence than any backtick run inside keeps commands intact.
  const longest = Math.max(2, ...lines.map((l) => Math.max(0, ...(l.match(/`+/g) ?? []).map((m) => m.length))));
  const f = '`'.repeat(longest + 1);
  return [f + lang, ...lines, f];
}

function sourceLines(list: readonly CitedSource[]): string[] {
  return list.length > 0 ? [`Sources: ${list.map((s) => `[${cell(s.ref.title).replace(/[[\]]/g, '\\$&')}](${s.ref.url})`).join('; ')}`, ''] : [];
}

export function renderMarkdown(result: AnalysisResult, report?: MarkdownReportMeta): string {
  const out: string[] = [];
  out.push('# vMotion Path Doctor — analysis', '');
  if (report) {
    out.push(`Generated ${cell(formatDate(report.generatedAt))} by vMotion Path Doctor ${cell(report.toolVersion)}.`, '');
    out.push(`**Question:** ${cell(report.question ?? questionOf(result))}`, '');
  }
  out.push(`**Verdict:** ${cell(result.verdict.summary)}`, '');
  const lines = flowsThatMatter(result.flows);
  if (lines.length > 0) out.push(...lines.map((f) => `- ${cell(flowSentence(f))}`), '');
  if ((result.answers ?? []).length > 0) out.push(...(result.answers ?? []).map((a) => `- ${cell(a.text)}`), '');
  out.push(`Migration kind: ${MIGRATION_LABEL[result.migration]}`, '');
  out.push('## Hosts', '');
  out.push('| Host | Version | BindToVmknic | vmknics |', '|---|---|---|---|');
  for (const h of result.hosts) {
    const v = versionLabel(h.version);
    const b = h.bindToVmknic.value !== undefined ? `${h.bindToVmknic.value} (${h.bindToVmknic.source})` : 'unknown';
    const nics = h.vmknics.map((n) => `${n.name} ${n.ipv4 ?? ''}${n.tags ? ` [${n.tags.join(', ')}]` : ''}${n.netstack ? ` ${n.netstack}` : ''}`).join('<br>');
    out.push(`| ${cell(h.name)} | ${cell(v)} | ${b} | ${cell(nics)} |`);
  }
  out.push('', '## Paths', '');
  out.push('| Host | Role | Traffic | Direction | vmknic(s) | Intended | Certainty |', '|---|---|---|---|---|---|---|');
  for (const f of result.flows) {
    const where = `${whereOf(f)}${isOnWrongVmknic(f) ? ' (not the intended vmknic)' : ''}`;
    out.push(`| ${cell(f.host)} | ${ROLE_WORD[f.role]} | ${TRAFFIC_SHORT[f.traffic]} | ${f.direction} | ${cell(where)} | ${cell(f.intended.join(', '))} | ${CERTAINTY_WORD[f.certainty]} |`);
  }
  out.push(...observedMarkdown(result));
  out.push('', '## Findings', '');
  if (result.findings.length === 0) out.push('No problem found in the evidence.');
  for (const f of result.findings) {
    out.push(`### ${f.id} — ${f.title}`, '');
    out.push(`Severity **${f.severity}**, certainty **${CERTAINTY_WORD[f.certainty]}**, hosts: ${f.hosts.join(', ')}`, '');
    out.push(f.detail, '');
    if (f.evidence.length > 0) out.push('Evidence:', '', ...fence(f.evidence, 'text'), '');
    if (f.remediation.length > 0) out.push(`Fix: ${f.remediation.map((id) => fixName(id, REMEDIATIONS)).join('; ')}`, '');
    if (report) out.push(...sourceLines(findingSources(f.id)));
  }
  if (result.remediation.length > 0) {
    out.push('## Remediation plan', '');
    for (const r of result.remediation) {
      out.push(`### ${r.id} — ${r.title}`, '', `For: ${r.forFindings.join(', ')}; hosts: ${r.hosts.join(', ')}`, '');
      r.steps.forEach((s, i) => out.push(`${i + 1}. ${s}`));
      out.push('');
      if (r.commands.esxcli.length > 0) out.push('ESXi shell:', '', ...fence(r.commands.esxcli, 'sh'), '');
      if (r.commands.esxcfg.length > 0) out.push('Legacy esxcfg:', '', ...fence(r.commands.esxcfg, 'sh'), '');
      if (r.commands.powercli.length > 0) out.push('PowerCLI:', '', ...fence(r.commands.powercli, 'powershell'), '');
      if (r.verify.length > 0) out.push('Verify:', '', ...fence(r.verify, 'sh'), '');
      if (r.rollback.length > 0) out.push('Rollback:', '', ...fence(r.rollback, 'sh'), '');
      out.push(`**Risk:** ${r.risk}`, '');
      if (report) out.push(...sourceLines(remediationSources(r.id)));
    }
  }
  if (result.missing.length > 0) {
    out.push('## To settle or complete the picture', '', ...fence(result.missing, 'sh'), '');
  }
  if (result.warnings.length > 0) {
    out.push('## Warnings', '', ...result.warnings.map((w) => `- \`${w.file}:${w.line}\` ${cell(w.message)}`), '');
  }
  if (report) {
    out.push('## Appendix A: reasoning trace', '');
    for (const f of result.flows) out.push(`### ${cell(flowHeading(f))}`, '', ...f.trace.map((t, i) => `${i + 1}. ${cell(t)}`), '');
    const cited = citedSources(result);
    if (cited.length > 0) {
      out.push('## Appendix B: sources of the rules', '');
      for (const c of cited) out.push(`- **${c.source.key}**: ${cell(c.source.ref.title)} — <${c.source.ref.url}> (cited by ${c.citedBy.map((id) => fixName(id, REMEDIATIONS)).join(', ')})`);
      out.push('');
    }
    out.push('---', '', `vMotion Path Doctor ${cell(report.toolVersion)} · ${cell(formatDate(report.generatedAt))}`, '');
  }
  return out.join('\n') + '\n';
}
