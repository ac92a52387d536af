/**
 * Markdown rendering of an analysis, for a ticket comment: the same order as the text output (verdict, hosts,
 * paths, findings, remediation, what is missing), with commands in fenced blocks. Pure: result in, string out.
 */
import type { AnalysisResult } from '../analyze.ts';
import { versionLabel } from './version.ts';

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

export function renderMarkdown(result: AnalysisResult): string {
  const out: string[] = [];
  out.push('# vMotion Path Doctor — analysis', '');
  out.push(`**Verdict:** ${cell(result.verdict.summary)}`, '');
  out.push(`Migration kind: \`${result.migration}\``, '');
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
    const where = f.vmknics.length > 0 ? f.vmknics.join(', ') : f.candidates?.length ? `${f.candidates.join(' or ')}?` : 'none';
    out.push(`| ${cell(f.host)} | ${f.role} | ${f.traffic} | ${f.direction} | ${cell(where)} | ${cell(f.intended.join(', '))} | ${f.certainty} |`);
  }
  out.push('', '## Findings', '');
  if (result.findings.length === 0) out.push('No problem found in the evidence.');
  for (const f of result.findings) {
    out.push(`### ${f.id} — ${f.title}`, '');
    out.push(`Severity **${f.severity}**, certainty **${f.certainty}**, hosts: ${f.hosts.join(', ')}`, '');
    out.push(f.detail, '');
    if (f.evidence.length > 0) out.push('Evidence:', '', ...fence(f.evidence, 'text'), '');
    if (f.remediation.length > 0) out.push(`Fix: ${f.remediation.join(', ')}`, '');
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
    }
  }
  if (result.missing.length > 0) {
    out.push('## To settle or complete the picture', '', ...fence(result.missing, 'sh'), '');
  }
  if (result.warnings.length > 0) {
    out.push('## Warnings', '', ...result.warnings.map((w) => `- \`${w.file}:${w.line}\` ${cell(w.message)}`), '');
  }
  return out.join('\n') + '\n';
}
