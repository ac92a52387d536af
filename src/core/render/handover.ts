/**
 * The hand-over report of a wizard walk, for any end state: a diagnosis or an escalation. It says what was asked,
 * what the engineer answered (and what the evidence answered), what is known, and what to collect next, with the
 * commands as copyable blocks; when evidence was analysed, the full analysis report follows. Pure: data in, text out.
 */
import type { AnalysisResult } from '../analyze.ts';
import { escapeText } from './escape.ts';
import { renderHtmlReport, type ReportMeta } from './html.ts';
import { renderMarkdown } from './markdown.ts';
import { formatDate } from './report-text.ts';

export interface HandoverInput {
  /** The symptom the walk started from. */
  readonly flowTitle: string;
  readonly outcome: {
    readonly kind: 'diagnosis' | 'escalation';
    readonly title: string;
    readonly summary: string;
    readonly collect: readonly { readonly label: string; readonly how: string }[];
    /** Finding titles the outcome names. */
    readonly findings: readonly string[];
  };
  /** Each answered question in words, and who answered it. */
  readonly answered: readonly { readonly question: string; readonly answer: string; readonly by: 'engineer' | 'evidence' }[];
  readonly analysis?: AnalysisResult;
  readonly generatedAt: string;
  readonly toolVersion: string;
}

/** The commands written in backticks in a "how to collect" text: what a Copy button copies. */
export function commandsIn(how: string): string[] {
  return [...how.matchAll(/`([^`]+)`/g)].map((m) => m[1]!.trim()).filter((c) => c !== 'esxtop' && /^(esxcli|esxcfg-|vmware|vim-cmd|esxtop|vmkping|vm-support|Get-|tcpdump|pktcap|grep|cat|less|localcli|net-dvs)/.test(c));
}

const plainLinks = (t: string) => t.replace(/\[([^\]]+)\]\((?:kb:)[^)]*\)/g, '$1');

export function renderHandoverMarkdown(input: HandoverInput): string {
  const o = input.outcome;
  const out: string[] = [`# vMotion Path Doctor — ${o.kind === 'diagnosis' ? 'diagnosis' : 'escalation'}: ${o.title}`, ''];
  out.push(`Generated ${formatDate(input.generatedAt)} by vMotion Path Doctor ${input.toolVersion}.`, '');
  out.push(`**Asked:** ${input.flowTitle}`, '');
  out.push(`**${o.kind === 'diagnosis' ? 'Diagnosis' : 'Where it stands'}:** ${plainLinks(o.summary)}`, '');
  if (input.analysis) {
    out.push(...(input.analysis.verdict.lines ?? []).map((l) => `- ${l}`), '');
  }
  if (input.answered.length > 0) {
    out.push('## What is known', '');
    for (const a of input.answered) out.push(`- ${plainLinks(a.question)} **${a.answer}** (${a.by === 'evidence' ? 'from the evidence' : 'answered by the engineer'})`);
    out.push('');
  }
  if (o.findings.length > 0) out.push('## What this means', '', ...o.findings.map((f) => `- ${f}`), '');
  if (o.collect.length > 0) {
    out.push('## What to collect next', '');
    o.collect.forEach((c, i) => {
      out.push(`${i + 1}. **${c.label}**: ${plainLinks(c.how)}`);
      const cmds = commandsIn(c.how);
      if (cmds.length > 0) out.push('', '   ```sh', ...cmds.map((x) => `   ${x}`), '   ```');
    });
    out.push('');
  }
  if (input.analysis) {
    out.push('---', '', renderMarkdown(input.analysis, { generatedAt: input.generatedAt, toolVersion: input.toolVersion }).replace(/^# /, '## '));
  }
  return out.join('\n') + '\n';
}

export function renderHandoverHtml(input: HandoverInput, meta: Omit<ReportMeta, 'generatedAt' | 'toolVersion'>): string {
  const e = escapeText;
  const o = input.outcome;
  const head =
    `<section id="handover"><h2>${o.kind === 'diagnosis' ? 'Diagnosis' : 'Escalation'}: ${e(o.title)}</h2>` +
    `<p><strong>Asked:</strong> ${e(input.flowTitle)}</p><p>${e(plainLinks(o.summary))}</p>` +
    (input.answered.length > 0 ? `<h3>What is known</h3><ul>${input.answered.map((a) => `<li>${e(plainLinks(a.question))} <strong>${e(a.answer)}</strong> (${a.by === 'evidence' ? 'from the evidence' : 'answered by the engineer'})</li>`).join('')}</ul>` : '') +
    (o.findings.length > 0 ? `<h3>What this means</h3><ul>${o.findings.map((f) => `<li>${e(f)}</li>`).join('')}</ul>` : '') +
    (o.collect.length > 0
      ? `<h3>What to collect next</h3><ol>${o.collect.map((c) => `<li><strong>${e(c.label)}</strong>: ${e(plainLinks(c.how))}${commandsIn(c.how).length > 0 ? `<pre>${e(commandsIn(c.how).join('\n'))}</pre>` : ''}</li>`).join('')}</ol>`
      : '') +
    '</section>';
  if (input.analysis) {
    const full = renderHtmlReport(input.analysis, { ...meta, generatedAt: input.generatedAt, toolVersion: input.toolVersion });
    return full.replace(/(<main[^>]*>|<body[^>]*>)/, `$1${head}`);
  }
  const title = `vMotion Path Doctor — ${o.kind}: ${o.title}`;
  return `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8" /><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:" /><title>${e(title)}</title><style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}pre{background:#f4f4f5;padding:.5rem;white-space:pre-wrap}</style></head><body><h1>${e(title)}</h1><p>Generated ${e(formatDate(input.generatedAt))} by vMotion Path Doctor ${e(input.toolVersion)}, offline.</p>${head}</body></html>\n`;
}
