/** Messages between the UI and the bundle worker (plain data only: a File is structured-cloneable). */
import type { BundleReading, ReadProgress } from '../../../bundles/index.ts';

/** One reading per worker: the worker is terminated when it answers or when the user cancels. */
export interface BundleAsk {
  readonly file: File;
}

export type BundleAnswer =
  | { readonly kind: 'progress'; readonly progress: ReadProgress }
  | { readonly kind: 'done'; readonly reading: BundleReading }
  /** The reader threw (a bug, not the bundle's content: the reader turns every content problem into a sentence). */
  | { readonly kind: 'failed'; readonly message: string };
