/**
 * Messages between the Scan view and the scan worker (plain data only: structured clone). The scan result crosses
 * once; the hosts' models stay in the worker and one host's ImportedHost crosses when "Open in wizard" asks for it.
 */
import type { ScanResult } from '../../../core/estate/types.ts';
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

export type ScanTell =
  | ScanProgressMessage
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
