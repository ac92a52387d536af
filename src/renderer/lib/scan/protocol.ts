/**
 * Messages between the Scan view and the scan worker (plain data only: structured clone). The scan result crosses
 * once; the hosts' models stay in the worker and one host's ImportedHost crosses when "Open in wizard" asks for it.
 */
import type { ScanHostJson, ScanPairJson, ScanResult } from '../../../core/estate/types.ts';
import type { ImportedHost } from '../../../core/model/imported.ts';
import type { MigrationKind } from '../../../core/result.ts';

/** A file to scan: what a file input or a drop gives (cloned by reference), or bytes already read (transferred). */
export type ScanFileInput = File | { readonly name: string; readonly bytes: ArrayBuffer };

export type ScanAsk =
  | { readonly type: 'scan'; readonly files: readonly ScanFileInput[]; readonly migration: MigrationKind }
  | { readonly type: 'open'; readonly id: number; readonly name: string };

/** reading: files into memory; importing: recognising and merging them; hosts / pairs: the scan itself. */
export type ScanPhase = 'reading' | 'importing' | 'hosts' | 'pairs';

export interface ScanProgressMessage {
  readonly type: 'progress';
  readonly phase: ScanPhase;
  readonly done: number;
  readonly total: number;
}

export type ImportedHostDraft = Omit<ImportedHost, 'id'>;

/**
 * The result's two long lists cross in slices before `done` (which carries the rest with both lists empty): each
 * message is decoded on the UI thread as a task of its own, so 5,000 hosts (≈ 15 MB as JSON) never block it at once.
 */
export type ResultSlice = { readonly type: 'hosts'; readonly items: readonly ScanHostJson[] } | { readonly type: 'pairs'; readonly items: readonly ScanPairJson[] };

export const SLICE = { hosts: 250, pairs: 1000 } as const;

/** The messages that carry a result: its slices, then the rest. */
export function resultMessages(result: ScanResult): ScanTell[] {
  const out: ScanTell[] = [];
  for (let i = 0; i < result.hosts.length; i += SLICE.hosts) out.push({ type: 'hosts', items: result.hosts.slice(i, i + SLICE.hosts) });
  for (let i = 0; i < result.pairs.length; i += SLICE.pairs) out.push({ type: 'pairs', items: result.pairs.slice(i, i + SLICE.pairs) });
  out.push({ type: 'done', result: { ...result, hosts: [], pairs: [] } });
  return out;
}

/** Puts a result back together on the UI side, slice by slice. */
export class ResultAssembler {
  #hosts: ScanHostJson[] = [];
  #pairs: ScanPairJson[] = [];
  add(slice: ResultSlice): void {
    if (slice.type === 'hosts') for (const h of slice.items) this.#hosts.push(h);
    else for (const p of slice.items) this.#pairs.push(p);
  }
  finish(rest: ScanResult): ScanResult {
    const result = { ...rest, hosts: [...this.#hosts, ...rest.hosts], pairs: [...this.#pairs, ...rest.pairs] };
    this.#hosts = [];
    this.#pairs = [];
    return result;
  }
}

export type ScanTell =
  | ScanProgressMessage
  | ResultSlice
  | { readonly type: 'done'; readonly result: ScanResult }
  | { readonly type: 'failed'; readonly message: string }
  | { readonly type: 'host'; readonly id: number; readonly host: ImportedHostDraft | null };

const PHASE_WORDS: Readonly<Record<ScanPhase, { readonly label: string; readonly unit: string }>> = {
  reading: { label: 'Reading the files', unit: 'files' },
  importing: { label: 'Recognising and merging the exports', unit: 'files' },
  hosts: { label: 'Analysing the hosts', unit: 'hosts' },
  pairs: { label: 'Checking host pairs inside each cluster', unit: 'pair directions' },
};

/** Where each phase sits on the one progress bar (0–100): reading and importing are quick next to the scan. */
const PHASE_SPAN: Readonly<Record<ScanPhase, readonly [number, number]>> = {
  reading: [0, 10],
  importing: [10, 25],
  hosts: [25, 75],
  pairs: [75, 100],
};

/** The bar's value for a progress message: monotonic over the phases, clamped to 0–100. */
export function progressPercent(p: Pick<ScanProgressMessage, 'phase' | 'done' | 'total'>): number {
  const [from, to] = PHASE_SPAN[p.phase];
  const share = p.total > 0 ? Math.min(1, Math.max(0, p.done / p.total)) : 0;
  return Math.round(from + (to - from) * share);
}

/** The sentence beside the bar (also its aria-valuetext). */
export function progressText(p: Pick<ScanProgressMessage, 'phase' | 'done' | 'total'>): string {
  const w = PHASE_WORDS[p.phase];
  return p.total > 0 ? `${w.label}: ${p.done.toLocaleString('en-US')} of ${p.total.toLocaleString('en-US')} ${w.unit}` : `${w.label}…`;
}

/** Posts at most one progress message per phase step (the scan calls back every 256 hosts). */
export class ProgressThrottle {
  #last = -1;
  #phase: ScanPhase | undefined;
  constructor(readonly post: (m: ScanProgressMessage) => void) {}

  report(phase: ScanPhase, done: number, total: number): void {
    const percent = progressPercent({ phase, done, total });
    if (phase === this.#phase && percent === this.#last && done !== total) return;
    this.#phase = phase;
    this.#last = percent;
    this.post({ type: 'progress', phase, done, total });
  }
}
