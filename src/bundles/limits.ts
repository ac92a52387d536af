/**
 * The caps a customer's bundle is read under, and the refusals they produce. A bundle is hostile until proven
 * otherwise (issue 9, "Safe by construction"): every number here bounds time or memory whatever the archive
 * claims about itself, and every refusal is one sentence naming the member it is about.
 *
 * Sizes from shared/docs/bundles.md §4: bundles of 25 MB to several hundred MB compressed, single members of
 * 300 MB (`vsi_traverse_-s.txt`), 2,083 FRAG pieces in one real export, text compressing 10–20x.
 */

export interface BundleLimits {
  /** Entries listed in one archive (tar or zip), skipped ones included. */
  readonly maxEntries: number;
  /** Uncompressed bytes of one member that is read (a command output, a log, a joined FRAG output). */
  readonly maxMemberBytes: number;
  /** Uncompressed bytes kept in memory for all read members of one reading together. */
  readonly maxKeptBytes: number;
  /** Uncompressed bytes streamed through every decompressor of one reading together (skipped members included). */
  readonly maxTotalBytes: number;
  /** Uncompressed : compressed ratio of one stream that marks a decompression bomb … */
  readonly maxRatio: number;
  /** … checked once that stream has produced this many bytes (small members may compress better harmlessly). */
  readonly ratioFloorBytes: number;
  /** Containers inside containers, the outer one included: zip → tgz → gz is 3 (issue 9: no deeper). */
  readonly maxDepth: number;
  /** Host bundles read from one vCenter export. */
  readonly maxHosts: number;
  /** Decompressed log bytes scanned per host for past migrations, newest log first. */
  readonly maxLogBytes: number;
  /** Log lines kept per host as migration evidence. */
  readonly maxLogHits: number;
}

const MiB = 1024 * 1024;

export const DEFAULT_LIMITS: BundleLimits = {
  maxEntries: 200_000,
  maxMemberBytes: 64 * MiB,
  maxKeptBytes: 512 * MiB,
  maxTotalBytes: 16 * 1024 * MiB,
  // DEFLATE tops out near 1032:1; real ESXi text stays around 10–20x, highly repetitive logs below 100x.
  maxRatio: 250,
  ratioFloorBytes: 64 * MiB,
  maxDepth: 3,
  maxHosts: 1000,
  maxLogBytes: 2048 * MiB,
  maxLogHits: 20_000,
};

export function limitsWith(overrides: Partial<BundleLimits> | undefined): BundleLimits {
  return { ...DEFAULT_LIMITS, ...(overrides ?? {}) };
}

export type ProblemCode =
  /** Absolute path, `..`, drive letter, backslash or control character in a member name. */
  | 'UNSAFE_NAME'
  /** Symbolic or hard link: never followed. */
  | 'LINK_IGNORED'
  /** Device, FIFO or other special entry. */
  | 'SPECIAL_IGNORED'
  | 'TOO_MANY_ENTRIES'
  | 'MEMBER_TOO_LARGE'
  | 'KEPT_TOO_LARGE'
  | 'TOTAL_TOO_LARGE'
  | 'COMPRESSION_BOMB'
  | 'TOO_DEEP'
  | 'CORRUPT'
  | 'UNSUPPORTED'
  | 'ENCRYPTED'
  /** `NAME.FRAG-00000`, `-00002` … without `-00001`. */
  | 'FRAG_GAP'
  | 'NOT_A_BUNDLE'
  /** The vCenter's own bundle inside an export: not a host. */
  | 'VCENTER_SKIPPED'
  | 'TOO_MANY_HOSTS'
  | 'LOG_BUDGET';

export interface BundleProblem {
  readonly code: ProblemCode;
  /** The member (path inside the archive, nested members joined with ` → `), or the archive itself. */
  readonly member: string;
  /** One sentence for the user, naming the member. */
  readonly message: string;
  /** True when reading stopped at this point (the rest of that archive was not read). */
  readonly fatal: boolean;
}

/** Thrown inside the readers to stop the current archive; the caller turns it into a fatal problem. */
export class BundleStop extends Error {
  constructor(readonly problem: BundleProblem) {
    super(problem.message);
  }
}

export function problem(code: ProblemCode, member: string, message: string, fatal = false): BundleProblem {
  return { code, member, message, fatal };
}

export function stop(code: ProblemCode, member: string, message: string): BundleStop {
  return new BundleStop(problem(code, member, message, true));
}

export function mib(bytes: number): string {
  const v = bytes / MiB;
  return `${v >= 10 || Number.isInteger(v) ? Math.round(v) : v.toFixed(1)} MiB`;
}

/**
 * Counts the uncompressed bytes of one reading (all decompressors together) and the bytes kept in memory.
 * Shared by every stream of a reading so a zip of many tgz files cannot multiply the caps.
 */
export class Budget {
  private total = 0;
  private kept = 0;

  constructor(readonly limits: BundleLimits) {}

  /** Uncompressed bytes produced by some decompressor; stops the reading past maxTotalBytes. */
  produced(bytes: number, member: string): void {
    this.total += bytes;
    if (this.total > this.limits.maxTotalBytes) {
      throw stop(
        'TOTAL_TOO_LARGE',
        member,
        `Reading stopped at ${member}: the archive expands to more than ${mib(this.limits.maxTotalBytes)} in total, the limit for one bundle.`,
      );
    }
  }

  /** Reserves memory for a member that is kept; false (nothing reserved) when the kept total would pass its cap. */
  keep(bytes: number): boolean {
    if (this.kept + bytes > this.limits.maxKeptBytes) return false;
    this.kept += bytes;
    return true;
  }

  release(bytes: number): void {
    this.kept = Math.max(0, this.kept - bytes);
  }

  get totalBytes(): number {
    return this.total;
  }

  get keptBytes(): number {
    return this.kept;
  }
}
