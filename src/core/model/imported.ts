/**
 * A host that reached the app already modelled instead of as pasted text: read from a support bundle (issue 9) or
 * from an estate export opened from the Scan view (issue 8). It carries its model, the past migrations its logs
 * showed, the facts its source could not tell (with what fills them) and the readers' warnings — everything the
 * analysis and the screens need, as plain data (structured-cloneable, kept in case files).
 */
import type { ObservedMigration } from '../observed.ts';
import type { ParseWarning } from './evidence.ts';
import type { HostModel } from './host.ts';

export type ImportOrigin = 'bundle' | 'estate';

/** Something the source could not tell about the host, and the command or export that would. */
export interface ImportGap {
  readonly fact: string;
  readonly fill: string;
}

export interface ImportedHost {
  /** Unique among the case's imported hosts (stable across saves). */
  readonly id: string;
  readonly origin: ImportOrigin;
  /** The file it was read from: the bundle, or the export(s) joined with `, `. */
  readonly file: string;
  /** Where in that file: the bundle's top folder (and vCenter export member), or `vcenter / cluster`. */
  readonly detail?: string;
  readonly model: HostModel;
  /** Past migrations from the host's logs, newest first (bundles only; empty otherwise). */
  readonly observed: readonly ObservedMigration[];
  readonly gaps: readonly ImportGap[];
  readonly warnings: readonly ParseWarning[];
}
