/**
 * What reading a bundle returns: plain data (structured-cloneable, so a worker can post it to the app), one entry
 * per host bundle found, with its host model, what was recognised, what is missing and what the logs show.
 */
import type { ParseWarning } from '../core/model/evidence.ts';
import type { HostModel } from '../core/model/host.ts';
import type { ObservedMigration } from '../core/observed.ts';
import type { CommandKind } from '../parsers/types.ts';
import type { BundleLimits, BundleProblem } from './limits.ts';
import type { LogFileSummary } from './observe.ts';

/** A command output found in the bundle and handed to its parser. */
export interface RecognisedOutput {
  /** Member path inside the bundle. */
  readonly file: string;
  /** The parser that read it; `vimdump` for the host object dump's service selection and advanced options. */
  readonly kind: CommandKind | 'vimdump';
  /** The command the file name stands for, when it agreed with the content (used for `-i vmkN`, `-N stack`). */
  readonly command?: string;
  /** `content`: the paste detector recognised the output; `file name`: only the name did (and the parser agreed). */
  readonly how: 'content' | 'file name';
  /** False when the parser could not read it (the reason is in the warnings). */
  readonly parsed: boolean;
}

/** Something the analysis would read that this bundle does not have, and how to get it from the host. */
export interface MissingOutput {
  readonly what: string;
  /** Run this in the host's shell instead (read-only). */
  readonly command: string;
  readonly why: string;
}

export interface BundleHost {
  /** Unique in one reading: the export member (if any) and the top folder. */
  readonly id: string;
  /** The host's name from the top folder (`esx-<host>-<date>--<time>-<pid>`), else from its outputs. */
  readonly name: string;
  /** The top folder. */
  readonly folder: string;
  /** The vCenter export member the bundle came from. */
  readonly container?: string;
  /** `YYYY-MM-DD HH:MM` from the top folder (the host's clock). */
  readonly capturedAt?: string;
  /** `esxi`: the folder has ESXi's layout (`etc/vmware/vm-support/`, or outputs an ESXi prints). */
  readonly kind: 'esxi' | 'unknown';
  /** `Key: value` lines of the bundle's README (`Command line`, `Options`, `Captured on` …). */
  readonly readme?: Readonly<Record<string, string>>;
  /** Absent when no output the analysis reads was recognised. */
  readonly model?: HostModel;
  readonly warnings: readonly ParseWarning[];
  readonly recognised: readonly RecognisedOutput[];
  /** Members read (allow-listed) whose content no parser recognised. */
  readonly unrecognised: readonly string[];
  readonly missing: readonly MissingOutput[];
  /** Past migrations from the logs, newest first. */
  readonly observed: readonly ObservedMigration[];
  readonly logs: readonly LogFileSummary[];
}

export interface BundleReading {
  /** The file (or folder) name. */
  readonly source: string;
  readonly format: 'host-bundle' | 'vcenter-export' | 'folder';
  readonly hosts: readonly BundleHost[];
  /** Members that are bundles but not host bundles (the vCenter's own), with why they were skipped. */
  readonly skipped: readonly { readonly member: string; readonly reason: string }[];
  /** Refusals and notes, each naming its member. */
  readonly problems: readonly BundleProblem[];
  /** Uncompressed bytes streamed through the decompressors. */
  readonly uncompressedBytes: number;
  /** The one-line read-only collector to run on a host whose bundle lacks outputs (src/parsers/collector.ts). */
  readonly collector: string;
}

export interface ReadProgress {
  /** Bytes of the source read so far (compressed). */
  readonly bytesRead: number;
  readonly totalBytes: number;
  /** The export member being read, for a vCenter export. */
  readonly member?: string;
}

export interface ReadOptions {
  readonly limits?: Partial<BundleLimits>;
  /** Called as the source is read, at most every few megabytes (the app's progress bar). */
  readonly onProgress?: (progress: ReadProgress) => void;
  /** Read the logs for past migrations (default true). */
  readonly observe?: boolean;
}
