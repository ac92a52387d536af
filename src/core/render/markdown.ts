/**
 * Markdown rendering of an analysis, for a ticket comment: the same order as the text output (verdict, hosts,
 * paths, findings, remediation, what is missing), with commands in fenced blocks. Pure: result in, string out.
 */
import type { AnalysisResult } from '../analyze.ts';
import type { RemediationPlanBody } from '../result.ts';
import { citedSources, findingSources, flowHeading, formatDate, questionOf, remediationSources, type CitedSource } from './report-text.ts';
import { REMEDIATIONS } from '../remediation/catalog.ts';
import { CERTAINTY_WORD, MIGRATION_LABEL, ROLE_WORD, TRAFFIC_SHORT } from '../present/words.ts';
import { fixName, isOnWrongVmknic, whereOf } from '../present/flow.ts';
import { versionLabel } from '../present/version.ts';
import { toBeSure, toBeSureHeading, toBeSureIntro } from '../present/settle.ts';
import { observedMarkdown } from './observed.ts';
import { mdCode, mdFence, mdText } from './escape.ts';
import { isVettedLink } from './links.ts';

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

/** Every text from the evidence or built around it goes through mdText (escape.ts); commands through mdFence. */
const cell = mdText;
const fence = mdFence;
const list = (items: readonly string[]): string => items.map(mdText).join(', ');

/** A link only to a vetted address (links.ts); any other address is shown as text, never followed. */
function link(title: string, url: string): string {
  return isVettedLink(url) && !/[\s<>()]/.test(url) ? `[${mdText(title)}](${url})` : `${mdText(title)} (${mdText(url)})`;
}

function autolink(url: string): string {
  return isVettedLink(url) && !/[\s<>]/.test(url) ? `<${url}>` : mdText(url);
}

function sourceLines(sources: readonly CitedSource[]): string[] {
  return sources.length > 0 ? [`Sources: ${sources.map((s) => link(s.ref.title, s.ref.url)).join('; ')}`, ''] : [];
}

export function renderMarkdown(result: AnalysisResult, report?: MarkdownReportMeta): string {
  const out: string[] = [];
  out.push('# vMotion Path Doctor — analysis', '');
  if (report) {
    out.push(`Generated ${cell(formatDate(report.generatedAt))} by vMotion Path Doctor ${cell(report.toolVersion)}.`, '');
    out.push(`**Question:** ${cell(report.question ?? questionOf(result))}`, '');
  }
  out.push(`**Verdict:** ${cell(result.verdict.overview)}`, '');
  const lines = result.verdict.lines ?? [];
  if (lines.length > 0) out.push(...lines.map((l) => `- ${cell(l)}`), '');
  if ((result.answers ?? []).length > 0) out.push(...(result.answers ?? []).map((a) => `- ${cell(a.text)}`), '');
  out.push(`Migration kind: ${cell(MIGRATION_LABEL[result.migration])}`, '');
  out.push('## Hosts', '');
  out.push('| Host | Version | BindToVmknic | vmknics |', '|---|---|---|---|');
  for (const h of result.hosts) {
    const v = versionLabel(h.version);
    const b = h.bindToVmknic.value !== undefined ? `${h.bindToVmknic.value} (${h.bindToVmknic.source})` : 'unknown';
    // Each vmknic escaped on its own: the `<br>` between them is the only markup in the cell.
    const nics = h.vmknics.map((n) => cell(`${n.name} ${n.ipv4 ?? ''}${n.tags ? ` [${n.tags.join(', ')}]` : ''}${n.netstack ? ` ${n.netstack}` : ''}`)).join('<br>');
    out.push(`| ${cell(h.name)} | ${cell(v)} | ${cell(b)} | ${nics} |`);
  }
  out.push('', '## Paths', '');
  out.push('| Host | Role | Traffic | Direction | vmknic(s) | Intended | Certainty |', '|---|---|---|---|---|---|---|');
  for (const f of result.flows) {
    const where = `${whereOf(f)}${isOnWrongVmknic(f) ? ' (not the intended vmknic)' : ''}`;
    out.push(`| ${cell(f.host)} | ${cell(ROLE_WORD[f.role])} | ${cell(TRAFFIC_SHORT[f.traffic])} | ${cell(f.direction)} | ${cell(where)} | ${list(f.intended)} | ${cell(CERTAINTY_WORD[f.certainty])} |`);
  }
  out.push(...observedMarkdown(result));
  out.push('', '## Findings', '');
  if (result.findings.length === 0) out.push('No problem found in the evidence.');
  for (const f of result.findings) {
    out.push(`### ${cell(f.id)} — ${cell(f.title)}`, '');
    out.push(`Severity **${cell(f.severity)}**, certainty **${cell(CERTAINTY_WORD[f.certainty])}**, hosts: ${list(f.hosts)}`, '');
    out.push(cell(f.detail), '');
    if (f.evidence.length > 0) out.push('Evidence:', '', ...fence(f.evidence, 'text'), '');
    if (f.remediation.length > 0) out.push(`Fix: ${f.remediation.map((id) => cell(fixName(id, REMEDIATIONS))).join('; ')}`, '');
    if (report) out.push(...sourceLines(findingSources(f.id)));
  }
  if (result.remediation.length > 0) {
    out.push('## Remediation plan', '');
    for (const r of result.remediation) {
      out.push(`### ${cell(r.id)} — ${cell(r.title)}`, '', `For: ${list(r.forFindings)}; hosts: ${list(r.hosts)}`, '');
      const choices = [{ label: r.label, body: r as RemediationPlanBody }, ...(r.alternatives ?? []).map((a) => ({ label: a.label, body: a as RemediationPlanBody }))];
      if (choices.length > 1) out.push(`${choices.length} alternatives, each a complete plan: choose one.`, '');
      choices.forEach((c, k) => {
        if (choices.length > 1) out.push(`#### Plan ${String.fromCharCode(65 + k)}: ${cell(c.label ?? '')}`, '');
        out.push(...planMarkdown(c.body));
      });
      out.push(`**Risk:** ${cell(r.risk)}`, '');
      if (report) out.push(...sourceLines(remediationSources(r.id)));
    }
  }
  const sure = toBeSure(result);
  if (sure.length > 0) {
    // Per host, commands only in the shell block (each pastes as it is); an interactive tool is a step to follow.
    out.push('## To be sure', '', mdText(toBeSureIntro(result)), '');
    for (const h of sure) {
      out.push(`### ${mdText(toBeSureHeading(h))}`, '');
      if (h.commands.length > 0) out.push(...fence(h.commands.map((c) => c.command), 'sh'), '');
      for (const c of h.commands) if (c.note) out.push(`- ${mdCode(c.command)}: ${mdText(c.note)}.`);
      if (h.commands.some((c) => c.note)) out.push('');
      if (h.steps.length > 0) out.push('Or watch a test vMotion:', '', ...h.steps.map((st, i) => `${i + 1}. ${mdText(st)}.`), '');
    }
  }
  if (result.warnings.length > 0) {
    out.push('## Warnings', '', ...result.warnings.map((w) => `- ${mdCode(`${w.file}:${w.line}`)} ${cell(w.message)}`), '');
  }
  if (report) {
    out.push('## Appendix A: reasoning trace', '');
    for (const f of result.flows) out.push(`### ${cell(flowHeading(f))}`, '', ...f.trace.map((t, i) => `${i + 1}. ${cell(t)}`), '');
    const cited = citedSources(result);
    if (cited.length > 0) {
      out.push('## Appendix B: sources of the rules', '');
      for (const c of cited) out.push(`- **${cell(c.source.key)}**: ${cell(c.source.ref.title)} — ${autolink(c.source.ref.url)} (cited by ${c.citedBy.map((id) => cell(fixName(id, REMEDIATIONS))).join(', ')})`);
      out.push('');
    }
    out.push('---', '', `vMotion Path Doctor ${cell(report.toolVersion)} · ${cell(formatDate(report.generatedAt))}`, '');
  }
  return out.join('\n') + '\n';
}

/** One complete plan body: notes, steps, commands per shell in fenced blocks, checks and rollback. */
function planMarkdown(r: RemediationPlanBody): string[] {
  const out: string[] = [];
  for (const x of r.refused ?? []) out.push(`> **Withheld:** ${cell(x)}`, '');
  for (const n of r.notes ?? []) out.push(`- ${cell(n)}`);
  if ((r.notes ?? []).length > 0) out.push('');
  r.steps.forEach((s, i) => out.push(`${i + 1}. ${cell(s)}`));
  out.push('');
  if (r.commands.esxcli.length > 0) out.push('ESXi shell:', '', ...fence(r.commands.esxcli, 'sh'), '');
  if (r.commands.esxcfg.length > 0) out.push('Legacy esxcfg:', '', ...fence(r.commands.esxcfg, 'sh'), '');
  if (r.commands.powercli.length > 0) out.push('PowerCLI:', '', ...fence(r.commands.powercli, 'powershell'), '');
  if (r.verify.length > 0) out.push('Verify:', '', ...fence(r.verify, 'sh'), '');
  if (r.verifyPowercli && r.verifyPowercli.length > 0) out.push('Verify (PowerCLI):', '', ...fence(r.verifyPowercli, 'powershell'), '');
  if (r.rollback.length > 0) out.push('Rollback:', '', ...fence(r.rollback, 'sh'), '');
  if (r.rollbackPowercli && r.rollbackPowercli.length > 0) out.push('Rollback (PowerCLI):', '', ...fence(r.rollbackPowercli, 'powershell'), '');
  if (r.requires && r.requires.length > 0) out.push(`Needs: ${r.requires.map((q) => cell(`${q.form} from ${q.since} (${q.confidence})`)).join('; ')}.`, '');
  if (r.unfilled.length > 0) out.push(`Fill in before running: ${r.unfilled.map((u) => mdCode(`FILL_${u}`)).join(', ')} (as pasted, those lines refuse to run).`, '');
  return out;
}
