/**
 * The progress bar's two pure parts: how often the worker posts progress (throttled, so a fast read of a 300 MB
 * bundle does not flood the UI with messages) and what the bar says ("120 of 303 MB, esx22.tgz…").
 */
import type { ReadProgress } from '../../../bundles/index.ts';

/** At most one progress message per this many milliseconds, unless the export member changes. */
export const PROGRESS_INTERVAL_MS = 100;

export class ProgressThrottle {
  #last = Number.NEGATIVE_INFINITY;
  #member: string | undefined;

  constructor(private readonly interval = PROGRESS_INTERVAL_MS) {}

  /** True when this progress should be sent now: the interval passed, the member changed, or the source is read. */
  shouldSend(p: ReadProgress, now: number): boolean {
    const changed = p.member !== this.#member;
    const finished = p.totalBytes > 0 && p.bytesRead >= p.totalBytes;
    if (!changed && !finished && now - this.#last < this.interval) return false;
    this.#last = now;
    this.#member = p.member;
    return true;
  }
}

const MB = 1_000_000;

/** Megabytes as the bar shows them: one decimal under 10 MB, whole numbers above. */
export function megabytes(bytes: number): string {
  const v = bytes / MB;
  return v < 10 ? v.toFixed(1) : String(Math.round(v));
}

/** 0–100, whole numbers; 0 for an empty source. */
export function percent(p: ReadProgress): number {
  if (p.totalBytes <= 0) return 0;
  return Math.max(0, Math.min(100, Math.floor((p.bytesRead / p.totalBytes) * 100)));
}

/** What the bar says and screen readers read: `120 of 303 MB, esx22.tgz…`. */
export function progressText(p: ReadProgress): string {
  return `${megabytes(p.bytesRead)} of ${megabytes(p.totalBytes)} MB${p.member ? `, ${p.member}…` : ''}`;
}
