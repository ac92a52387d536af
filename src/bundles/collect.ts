/**
 * Sorts the members of a bundle, as the tar (or folder) walker hands them over, into per-host parts: the text
 * members the allow-list reads (command outputs, esx.conf, README, vimdump, json), the logs (scanned as they
 * stream, rotated `.gz` logs kept compressed for later), and the folders that say what kind of bundle it is.
 * FRAG pieces are put back in order here (shared/docs/bundles.md §1 "Split files").
 */
import type { BundleProblem } from './limits.ts';
import { Budget, mib, problem } from './limits.ts';
import type { LogScanResult } from './log-scan.ts';
import { LogScanner } from './log-scan.ts';
import type { LogName, MemberRole } from './layout.ts';
import { fragOf, markerOf, roleOf } from './layout.ts';
import type { MemberConsumer, TarVisitor } from './tar.ts';
import { concat } from './inflate.ts';

export interface TextPart {
  /** Path inside the host folder, FRAG suffix removed. */
  readonly rel: string;
  readonly role: Exclude<MemberRole, { kind: 'log' }>;
  /** Piece number → bytes; a member that is not split is piece -1. */
  readonly pieces: Map<number, Uint8Array>;
}

export interface LogPart {
  readonly rel: string;
  readonly log: LogName;
  readonly rotation: number;
  readonly vm?: string;
  /** Plain logs: scanned while streaming (FRAG pieces in order). */
  scan?: LogScanResult;
  /** Rotated `.gz` logs: the compressed pieces, inflated later, newest first, within the log budget. */
  readonly gz?: Map<number, Uint8Array>;
}

export interface HostParts {
  /** The top folder, `esx-<host>-<date>--<time>-<pid>` (empty for members outside any folder). */
  readonly top: string;
  /** The vCenter export member this bundle came from. */
  readonly container?: string;
  readonly texts: Map<string, TextPart>;
  readonly logs: Map<string, LogPart>;
  readonly markers: Set<'esxi' | 'vcenter'>;
  /** Every file path seen under this folder (read or not), for "what the bundle lacks". */
  readonly seen: Set<string>;
  /** Log bytes scanned so far (plain logs while streaming, rotations later). */
  logBytes: number;
}

/** Collects one archive's members (or one folder's files). Implements the tar walker's visitor. */
export class BundleCollector implements TarVisitor {
  readonly hosts = new Map<string, HostParts>();
  readonly problems: BundleProblem[] = [];
  private readonly fragLogs = new Map<string, FragLog>();

  constructor(
    private readonly budget: Budget,
    /** Prefix for messages: the zip member this archive is (`export.zip → host.tgz → `), or empty. */
    private readonly label: string,
    /** How many containers hold these members (a tgz given directly: 1; a tgz inside a zip: 2). */
    private readonly depth: number,
    private readonly container?: string,
  ) {}

  problem(p: BundleProblem): void {
    this.problems.push(p);
  }

  directory(path: string): void {
    const { host, rel } = this.split(path);
    const marker = markerOf(rel);
    if (marker) host.markers.add(marker);
  }

  file(path: string, size: number): MemberConsumer | undefined {
    const { host, rel: full } = this.split(path);
    host.seen.add(full);
    const marker = markerOf(full);
    if (marker) host.markers.add(marker);
    const { base: rel, piece } = fragOf(full);
    const role = roleOf(rel);
    if (role === undefined) return undefined;
    const shown = this.label + path;
    const limits = this.budget.limits;

    if (role.kind === 'log' && !role.gz) {
      // Streamed through the scanner: only the kept lines cost memory, so the member cap does not apply.
      return this.plainLog(host, rel, role, piece, shown, size);
    }
    if (role.kind === 'log') {
      if (this.depth + 1 > limits.maxDepth) {
        this.problem(problem('TOO_DEEP', shown, `${shown} is refused: a compressed file inside ${this.depth} archive${this.depth > 1 ? 's' : ''} is nested deeper than the limit of ${limits.maxDepth}.`));
        return undefined;
      }
      if (size > limits.maxMemberBytes) {
        this.problem(problem('MEMBER_TOO_LARGE', shown, `${shown} is ${mib(size)} compressed, more than the limit of ${mib(limits.maxMemberBytes)} for one member; it is not read.`));
        return undefined;
      }
      const part = this.logPart(host, rel, role);
      return this.keep(shown, size, (bytes) => part.gz?.set(piece ?? -1, bytes));
    }
    if (size > limits.maxMemberBytes) {
      this.problem(problem('MEMBER_TOO_LARGE', shown, `${shown} is ${mib(size)}, more than the limit of ${mib(limits.maxMemberBytes)} for one member; it is not read.`));
      return undefined;
    }
    let part = host.texts.get(rel);
    if (part === undefined) {
      part = { rel, role, pieces: new Map() };
      host.texts.set(rel, part);
    }
    const target = part;
    return this.keep(shown, size, (bytes) => target.pieces.set(piece ?? -1, bytes));
  }

  /** Scans the FRAG logs whose pieces arrived out of order (a gap is scanned past, and reported). */
  finish(): void {
    for (const f of this.fragLogs.values()) f.finish();
    this.fragLogs.clear();
  }

  private split(path: string): { host: HostParts; rel: string } {
    const slash = path.indexOf('/');
    const top = slash < 0 ? '' : path.slice(0, slash);
    const rel = slash < 0 ? path : path.slice(slash + 1);
    const key = top;
    let host = this.hosts.get(key);
    if (host === undefined) {
      host = {
        top,
        ...(this.container !== undefined ? { container: this.container } : {}),
        texts: new Map(),
        logs: new Map(),
        markers: new Set(),
        seen: new Set(),
        logBytes: 0,
      };
      this.hosts.set(key, host);
    }
    return { host, rel };
  }

  private logPart(host: HostParts, rel: string, role: Extract<MemberRole, { kind: 'log' }>): LogPart {
    let part = host.logs.get(rel);
    if (part === undefined) {
      part = {
        rel,
        log: role.log,
        rotation: role.rotation,
        ...(role.vm !== undefined ? { vm: role.vm } : {}),
        ...(role.gz ? { gz: new Map<number, Uint8Array>() } : {}),
      };
      host.logs.set(rel, part);
    }
    return part;
  }

  /** A member read whole into memory, within the kept-bytes cap. */
  private keep(shown: string, size: number, done: (bytes: Uint8Array) => void): MemberConsumer | undefined {
    if (!this.budget.keep(size)) {
      this.problem(
        problem('KEPT_TOO_LARGE', shown, `${shown} is not read: the members already read fill the ${mib(this.budget.limits.maxKeptBytes)} kept in memory for one bundle.`),
      );
      return undefined;
    }
    const chunks: Uint8Array[] = [];
    let total = 0;
    return {
      chunk: (bytes) => {
        total += bytes.length;
        // The tar header's size was checked; a body longer than announced is cut there.
        if (total <= size) chunks.push(bytes);
      },
      end: () => done(concat(chunks, Math.min(total, size))),
      abort: () => this.budget.release(size),
    };
  }

  private plainLog(
    host: HostParts,
    rel: string,
    role: Extract<MemberRole, { kind: 'log' }>,
    piece: number | undefined,
    shown: string,
    size: number,
  ): MemberConsumer | undefined {
    const limits = this.budget.limits;
    if (host.logBytes + size > limits.maxLogBytes) {
      this.problem(problem('LOG_BUDGET', shown, `${shown} is not scanned: the logs already scanned for this host reach the ${mib(limits.maxLogBytes)} log limit.`));
      return undefined;
    }
    host.logBytes += size;
    const part = this.logPart(host, rel, role);
    // Evidence names the member by its path in the bundle; the export member is in the host's id.
    const file = host.top ? `${host.top}/${rel}` : rel;
    if (piece === undefined) {
      const scanner = new LogScanner(file, limits.maxLogHits);
      return {
        chunk: (bytes) => scanner.push(bytes),
        end: () => {
          part.scan = scanner.end();
        },
        abort: () => {
          part.scan = scanner.end();
        },
      };
    }
    const key = `${host.top}\u0000${rel}`;
    let frag = this.fragLogs.get(key);
    if (frag === undefined) {
      frag = new FragLog(part, new LogScanner(file, limits.maxLogHits), this.budget, (p) => this.problem(p), this.label + (host.top ? `${host.top}/${rel}` : rel));
      this.fragLogs.set(key, frag);
    }
    return frag.piece(piece, size);
  }
}

/**
 * A log split into FRAG pieces: pieces that arrive in order stream straight into the scanner; an early piece waits
 * (within the kept-bytes cap) for the ones before it. At the end, pieces after a gap are scanned anyway and the gap
 * is reported — the line numbers after it then count from the pieces that exist.
 */
class FragLog {
  private next = 0;
  private readonly waiting = new Map<number, Uint8Array>();
  private readonly seen = new Set<number>();

  constructor(
    private readonly part: LogPart,
    private readonly scanner: LogScanner,
    private readonly budget: Budget,
    private readonly report: (p: BundleProblem) => void,
    private readonly shown: string,
  ) {}

  piece(n: number, size: number): MemberConsumer | undefined {
    this.seen.add(n);
    if (n === this.next) {
      return {
        chunk: (bytes) => this.scanner.push(bytes),
        end: () => {
          this.next++;
          this.drain();
        },
      };
    }
    if (!this.budget.keep(size)) {
      this.report(problem('KEPT_TOO_LARGE', `${this.shown}.FRAG-${pad(n)}`, `${this.shown}.FRAG-${pad(n)} is not read: it arrived before earlier pieces and the memory for waiting pieces is full.`));
      return undefined;
    }
    const chunks: Uint8Array[] = [];
    return {
      chunk: (bytes) => chunks.push(bytes),
      end: () => {
        this.waiting.set(n, concat(chunks));
        this.drain();
      },
      abort: () => this.budget.release(size),
    };
  }

  private drain(): void {
    for (let bytes = this.waiting.get(this.next); bytes !== undefined; bytes = this.waiting.get(this.next)) {
      this.waiting.delete(this.next);
      this.budget.release(bytes.length);
      this.scanner.push(bytes);
      this.next++;
    }
  }

  finish(): void {
    const rest = [...this.waiting.keys()].sort((a, b) => a - b);
    if (rest.length > 0) {
      const missing = missingPieces(this.seen);
      this.report(
        problem('FRAG_GAP', this.shown, `${this.shown} is split into FRAG pieces with ${missing} missing; the pieces after the gap are read, so line numbers after it are shifted.`),
      );
    }
    for (const n of rest) {
      const bytes = this.waiting.get(n) as Uint8Array;
      this.budget.release(bytes.length);
      this.scanner.push(bytes);
    }
    this.waiting.clear();
    this.part.scan = this.scanner.end();
  }
}

export function pad(n: number): string {
  return String(n).padStart(5, '0');
}

/** `FRAG-00001` or `FRAG-00001 to FRAG-00003`, for the numbers below the highest seen that are absent. */
export function missingPieces(seen: ReadonlySet<number>): string {
  const max = Math.max(...seen);
  const gaps: string[] = [];
  for (let i = 0; i <= max; i++) {
    if (seen.has(i)) continue;
    let j = i;
    while (j + 1 <= max && !seen.has(j + 1)) j++;
    gaps.push(i === j ? `FRAG-${pad(i)}` : `FRAG-${pad(i)} to FRAG-${pad(j)}`);
    i = j;
  }
  return gaps.join(', ');
}
