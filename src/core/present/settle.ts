/**
 * "To be sure": what to run, per host, to settle or complete an analysis. Commands (copyable as they are) are kept
 * apart from instructions (esxtop's interactive view, "during a test vMotion"), which are steps a person follows,
 * not text to paste into a shell. Built from the flows' settle lists and the missing outputs, grouped by host.
 */
import type { AnalysisResult } from '../analyze.ts';

export interface SettleCommand {
  /** Exactly what to paste into the host's shell. */
  readonly command: string;
  /** When or why to run it, if the analysis said. */
  readonly note?: string;
}

export interface HostToBeSure {
  readonly host: string;
  readonly commands: readonly SettleCommand[];
  /** Things to do and watch rather than paste (an esxtop view during a test vMotion). */
  readonly steps: readonly string[];
  /** True when the host's answer is uncertain until this is done (not only incomplete). */
  readonly settles: boolean;
}

const ON_HOST = /\s+\(on ([^)]+)\)\s*$/;
const NOTE = /\s{2,}\((.*)\)\s*$/;

/** An interactive tool is a step to follow: it cannot be pasted and run to completion. */
function isInstruction(line: string): boolean {
  return /^esxtop\b/.test(line.trim());
}

function split(line: string): { host?: string; text: string } {
  const m = ON_HOST.exec(line);
  return m ? { host: m[1]!, text: line.slice(0, m.index).trim() } : { text: line.trim() };
}

function command(text: string): SettleCommand {
  const m = NOTE.exec(text);
  return m ? { command: text.slice(0, m.index).trim(), note: m[1]! } : { command: text };
}

export function toBeSure(result: AnalysisResult): HostToBeSure[] {
  const source = result.flows.find((f) => f.role === 'source')?.host ?? result.hosts[0]?.name ?? 'the host';
  const order: string[] = [];
  const byHost = new Map<string, { commands: SettleCommand[]; steps: string[]; settles: boolean }>();
  const add = (host: string, line: string, settles: boolean) => {
    if (!byHost.has(host)) {
      order.push(host);
      byHost.set(host, { commands: [], steps: [], settles: false });
    }
    const g = byHost.get(host)!;
    g.settles ||= settles;
    if (isInstruction(line)) {
      if (!g.steps.includes(line)) g.steps.push(line);
    } else {
      const c = command(line);
      if (!g.commands.some((x) => x.command === c.command)) g.commands.push(c);
    }
  };
  for (const f of result.flows) for (const s of f.settle ?? []) add(f.host, s, f.certainty === 'uncertain');
  for (const m of result.missing) {
    const { host, text } = split(m);
    add(host ?? source, text, false);
  }
  return order.map((host) => ({ host, ...byHost.get(host)! }));
}

/** The sentence above the "To be sure" list, the same in the app and every report. */
export function toBeSureIntro(result: AnalysisResult): string {
  return result.verdict.uncertain
    ? 'Some answers are uncertain until these are run. Run them on the host named and paste their output (or answer the question about a test vMotion).'
    : 'These outputs were not pasted; they would confirm what is now taken from defaults or assumptions. Run them on the host named and paste their output.';
}

/** A host's heading in the "To be sure" list. */
export function toBeSureHeading(h: HostToBeSure): string {
  return `On ${h.host}${h.settles ? ' (settles an uncertain answer)' : ''}`;
}
