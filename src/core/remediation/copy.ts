/**
 * What "Copy plan" puts on the clipboard: one plan, for one host, in one shell — never two alternatives or two
 * hosts back to back. The text starts with a comment line naming the host (so a paste into the wrong root shell
 * is visible at once) and, when the plan still holds placeholders, a comment saying how to fill them; the lines
 * holding one refuse to run until then.
 */
import type { RemediationPlanBody } from '../result.ts';

export type PlanShell = 'esxi' | 'powercli';

export interface HostSection {
  /** The host the lines run on (or "each host" for a general plan). */
  readonly host: string;
  readonly lines: readonly string[];
}

const MARKER = /^# on (.+)$/;

/** Splits a plan list into its `# on HOST` sections, in order. */
export function hostSections(lines: readonly string[]): HostSection[] {
  const out: { host: string; lines: string[] }[] = [];
  for (const line of lines) {
    const m = MARKER.exec(line);
    if (m) out.push({ host: m[1]!, lines: [] });
    else if (out.length > 0) out[out.length - 1]!.lines.push(line);
    else out.push({ host: '', lines: [line] });
  }
  return out.filter((s) => s.lines.length > 0);
}

const SH_HOLE = /"\$\{FILL_([A-Za-z0-9]+):\?\}"/g;
const PS_HOLE = /\(throw 'FILL_([A-Za-z0-9]+)'\)/g;

/** The placeholder names still in these lines, in order of appearance. */
export function holesIn(lines: readonly string[], shell: PlanShell): string[] {
  const re = shell === 'esxi' ? SH_HOLE : PS_HOLE;
  const seen: string[] = [];
  for (const l of lines) for (const m of l.matchAll(re)) if (!seen.includes(m[1]!)) seen.push(m[1]!);
  return seen;
}

/** The clipboard text for one host's section of one plan list. */
export function copyTextFor(section: HostSection, shell: PlanShell): string {
  const head = [`# on ${section.host || 'each host'}`];
  const holes = holesIn(section.lines, shell);
  if (holes.length > 0) {
    head.push(
      shell === 'esxi'
        ? `# Fill in first: ${holes.map((h) => `FILL_${h}`).join(', ')} — replace each "\${FILL_…:?}" with the value, or set e.g. FILL_${holes[0]}=… in this shell; until then those lines refuse to run.`
        : `# Fill in first: replace each (throw 'FILL_…') with the value (${holes.join(', ')}); until then those lines stop before running.`,
    );
  }
  return [...head, ...section.lines].join('\n');
}

export interface HostCopy {
  readonly host: string;
  readonly shell: PlanShell;
  readonly text: string;
}

/** One copyable text per host and shell of a plan (the ESXi shell commands, then the PowerCLI ones). */
export function planCopies(plan: RemediationPlanBody): HostCopy[] {
  return [
    ...hostSections(plan.commands.esxcli).map((s) => ({ host: s.host, shell: 'esxi' as const, text: copyTextFor(s, 'esxi') })),
    ...hostSections(plan.commands.powercli).map((s) => ({ host: s.host, shell: 'powercli' as const, text: copyTextFor(s, 'powercli') })),
  ];
}
