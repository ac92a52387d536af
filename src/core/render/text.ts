/**
 * Plain-text rendering of an analysis, for a support engineer in a terminal: verdict first, then the paths, the
 * findings with their evidence, and the commands to run. Pure: result in, string out.
 */
import type { AnalysisResult } from '../analyze.ts';
import { REMEDIATIONS } from '../remediation/catalog.ts';
import type { FlowResult, RemediationPlanBody } from '../result.ts';
import { CERTAINTY_WORD, MIGRATION_LABEL, SEVERITY_WORD } from '../present/words.ts';
import { fixName, flowHeading, isOnWrongVmknic } from '../present/flow.ts';
import { versionLabel } from '../present/version.ts';
import { toBeSure, toBeSureHeading, toBeSureIntro } from '../present/settle.ts';
import { observedText } from './observed.ts';

function flowLine(f: FlowResult): string {
  const intended = isOnWrongVmknic(f) ? `   <-- intended: ${f.intended.join(', ')}` : '';
  return `  ${flowHeading(f)}${intended}`;
}

function indent(lines: readonly string[], pad = '    '): string[] {
  return lines.map((l) => pad + l);
}

export interface TextOptions {
  /** Include every flow's reasoning trace (long). */
  readonly trace?: boolean;
}

export function renderText(result: AnalysisResult, options: TextOptions = {}): string {
  const out: string[] = [];
  // The lines below say the paths: the headline is the rest (the summary would say them twice).
  out.push(`VERDICT: ${result.verdict.overview}`);
  for (const l of result.verdict.lines ?? []) out.push(`  ${l}`);
  for (const a of result.answers ?? []) out.push(`  ${a.text}`);
  if (result.verdict.uncertain) out.push('Some answers are uncertain: see "To be sure" below.');
  out.push('');
  out.push(`HOSTS (migration: ${MIGRATION_LABEL[result.migration]})`);
  for (const h of result.hosts) {
    const v = versionLabel(h.version);
    const b =
      h.bindToVmknic.value !== undefined
        ? `${h.bindToVmknic.value} (${h.bindToVmknic.source})`
        : h.bindToVmknic.behavesLike !== undefined
          ? `unknown (not shown; the untouched setting on 5.0/5.1 is reported to behave like ${h.bindToVmknic.behavesLike})`
          : 'unknown';
    out.push(`  ${h.name}: ${v}; Migrate.BindToVmknic ${b}`);
    for (const n of h.vmknics) {
      const addr = n.ipv4 ? `${n.ipv4}/${n.netmask ?? '?'}` : 'no IPv4';
      const bits = [
        addr,
        n.portGroup ? `pg "${n.portGroup}"` : n.dvPort ? `dvport ${n.dvPort}` : undefined,
        n.netstack,
        n.mtu !== undefined ? `MTU ${n.mtu}` : undefined,
        n.tags ? `tags: ${n.tags.join(', ') || 'none'}` : 'tags not shown',
        n.enabled === false ? 'DISABLED' : undefined,
      ].filter(Boolean);
      out.push(`    ${n.name}: ${bits.join('; ')}`);
    }
  }
  out.push('');
  out.push('PATHS');
  for (const f of result.flows) {
    out.push(flowLine(f));
    if (options.trace) out.push(...indent(f.trace.map((t) => `- ${t}`), '      '));
  }
  out.push(...observedText(result));
  out.push('');
  if (result.findings.length === 0) {
    out.push('FINDINGS: none in the evidence.');
  } else {
    out.push('FINDINGS');
    for (const f of result.findings) {
      out.push(`  [${SEVERITY_WORD[f.severity]}, ${CERTAINTY_WORD[f.certainty]}] ${f.id}: ${f.title} (${f.hosts.join(', ')})`);
      out.push(...indent(wrap(f.detail, 100)));
      for (const e of f.evidence.slice(0, 6)) out.push(`      evidence ${e}`);
      if (f.evidence.length > 6) out.push(`      … ${f.evidence.length - 6} more evidence lines`);
      if (f.remediation.length > 0) out.push(`      fix: ${f.remediation.map((id) => fixName(id, REMEDIATIONS)).join('; ')}`);
    }
  }
  if (result.remediation.length > 0) {
    out.push('');
    out.push('REMEDIATION (in order of preference; always do source and destination)');
    for (const r of result.remediation) {
      out.push(`  ${fixName(r.id, REMEDIATIONS)}  (for ${r.forFindings.join(', ')})`);
      const choices = [{ label: r.label, body: r as RemediationPlanBody }, ...(r.alternatives ?? []).map((a) => ({ label: a.label, body: a as RemediationPlanBody }))];
      if (choices.length > 1) out.push(`    ${choices.length} alternatives, each a complete plan: choose one.`);
      choices.forEach((c, k) => {
        if (choices.length > 1) out.push(`    Plan ${String.fromCharCode(65 + k)}: ${c.label ?? ''}`);
        out.push(...planText(c.body));
      });
    }
  }
  const sure = toBeSure(result);
  if (sure.length > 0) {
    out.push('');
    out.push(`TO BE SURE: ${toBeSureIntro(result)}`);
    for (const h of sure) {
      out.push(`  ${toBeSureHeading(h)}:`);
      out.push(...h.commands.map((c) => `    ${c.command}${c.note ? `   (${c.note})` : ''}`));
      out.push(...h.steps.map((st) => `    or watch a test vMotion: ${st}`));
    }
  }
  if (result.warnings.length > 0) {
    out.push('');
    out.push(`WARNINGS (${result.warnings.length})`);
    for (const w of result.warnings.slice(0, 50)) out.push(`  ${w.file}:${w.line}: ${w.message}`);
    if (result.warnings.length > 50) out.push(`  … ${result.warnings.length - 50} more (see --format json)`);
  }
  return out.join('\n') + '\n';
}

export function wrap(text: string, width: number): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line && line.length + 1 + w.length > width) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return lines;
}

/** One complete plan body as indented text (what it cannot do, steps, commands per shell, checks, rollback, risk). */
function planText(r: RemediationPlanBody): string[] {
  const out: string[] = [];
  for (const x of r.refused ?? []) out.push(...indent(wrap(`WITHHELD: ${x}`, 100)));
  for (const n of r.notes ?? []) out.push(...indent(wrap(`Note: ${n}`, 100)));
  r.steps.forEach((s, i) => out.push(...indent(wrap(`${i + 1}. ${s}`, 100))));
  if (r.commands.esxcli.length > 0) out.push('    ESXi shell:', ...indent(r.commands.esxcli, '      '));
  if (r.commands.powercli.length > 0) out.push('    PowerCLI:', ...indent(r.commands.powercli, '      '));
  if (r.verify.length > 0) out.push('    Verify:', ...indent(r.verify, '      '));
  if (r.verifyPowercli && r.verifyPowercli.length > 0) out.push('    Verify (PowerCLI):', ...indent(r.verifyPowercli, '      '));
  if (r.rollback.length > 0) out.push('    Rollback:', ...indent(r.rollback, '      '));
  if (r.rollbackPowercli && r.rollbackPowercli.length > 0) out.push('    Rollback (PowerCLI):', ...indent(r.rollbackPowercli, '      '));
  if (r.requires && r.requires.length > 0) out.push(...indent(wrap(`Needs: ${r.requires.map((q) => `${q.form} from ${q.since} (${q.confidence})`).join('; ')}`, 100)));
  out.push(...indent(wrap(`Risk: ${r.risk}`, 100)));
  if (r.unfilled.length > 0) out.push(`    Fill in before running: ${r.unfilled.map((u) => `FILL_${u}`).join(', ')} (as pasted, those lines refuse to run)`);
  return out;
}
