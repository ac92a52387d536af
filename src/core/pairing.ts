/**
 * Which host is the source and which the destination: one rule for the CLI's `analyze` and `walk` and for the app,
 * with the same notes. The caller loads the evidence (files, pastes, bundles) per side; this decides the pair.
 */
import type { HostModel } from './model/host.ts';
import { nameList } from './sentence.ts';

export interface PairingInput {
  /** Hosts of the source evidence, in the order they were read. */
  readonly source: readonly HostModel[];
  /** Hosts of the destination evidence, when any was given. */
  readonly dest?: readonly HostModel[];
  /** Hosts that arrived already modelled (support bundles, the Scan view): after the pasted ones. */
  readonly imported?: readonly HostModel[];
  /** The user's picks (`--source-host`, `--dest-host`, the app's pickers): a full name or the short name. */
  readonly sourceName?: string;
  /** `null`: no destination host, the peer is assumed like the source (the app's "(assumed peer)" choice). */
  readonly destName?: string | null;
}

export type Pairing =
  | { readonly ok: true; readonly source: HostModel; readonly dest?: HostModel; readonly notes: readonly string[] }
  | { readonly ok: false; readonly error: string };

function named(hosts: readonly HostModel[], name: string): HostModel | undefined {
  return hosts.find((h) => h.name === name) ?? hosts.find((h) => h.name.split('.')[0] === name);
}

/** Host names for a sentence: repeats collapsed with a count, long lists cut (a paste can hold thousands). */
function list(hosts: readonly HostModel[]): string {
  return nameList(hosts.map((h) => h.name));
}

export function pairHosts(input: PairingInput): Pairing {
  const src = input.source;
  const dst = input.dest ?? [];
  const imported = input.imported ?? [];
  // A host given on both sides is one host (the caller keeps one model per name).
  const all = [...new Set([...src, ...dst, ...imported])];
  if (all.length === 0) return { ok: false, error: 'no host found in the evidence' };
  const notes: string[] = [];

  let source: HostModel | undefined;
  if (input.sourceName !== undefined) {
    source = named(all, input.sourceName);
    if (!source) return { ok: false, error: `no host named ${input.sourceName} in the evidence (found: ${list(all)})` };
  }
  let dest: HostModel | undefined;
  if (input.destName !== undefined && input.destName !== null) {
    dest = named(all, input.destName);
    if (!dest) return { ok: false, error: `no host named ${input.destName} in the evidence (found: ${list(all)})` };
  }
  if (source && dest && source === dest) return { ok: false, error: `source and destination are the same host (${source.name})` };

  if (!source) {
    source = src.find((h) => h !== dest) ?? dst.find((h) => h !== dest) ?? imported.find((h) => h !== dest);
    if (!source) return { ok: false, error: 'no host found in the source evidence' };
    if (src.length === 0 && dst.includes(source)) notes.push('Only destination evidence was given: its host is analysed as the source.');
  }
  if (!dest && input.destName === undefined) {
    dest = dst.find((h) => h !== source);
    if (!dest) {
      dest = src.find((h) => h !== source);
      if (dest) notes.push(`The source evidence holds more than one host: ${source.name} is analysed as the source and ${dest.name} as the destination. Choose other hosts to change this.`);
    }
    if (!dest) {
      dest = imported.find((h) => h !== source);
      if (dest) notes.push(`The evidence holds more than one host: ${source.name} is analysed as the source and ${dest.name} as the destination. Choose other hosts to change this.`);
    }
  }
  const left = all.filter((h) => h !== source && h !== dest);
  if (left.length > 0) notes.push(`Not analysed: ${list(left)} (${left.length === 1 ? 'it is' : 'they are'} in the evidence too; choose it as source or destination to analyse it).`);
  return { ok: true, source, ...(dest ? { dest } : {}), notes };
}
