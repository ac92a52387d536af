/**
 * Past migrations of one host, from its logs: the current logs were scanned while the bundle streamed; rotated
 * `NAME.N.gz` logs are inflated now, newest first (`.0.gz` before `.7.gz`), one at a time, only while the log
 * budget lasts — so the most recent migrations are always the ones shown (issue 9: "read newest first, lazily").
 */
import type { EvidenceRef } from '../core/model/evidence.ts';
import type { HostModel } from '../core/model/host.ts';
import type { ObservedMigration } from '../core/observed.ts';
import type { HostParts, LogPart } from './collect.ts';
import { missingPieces } from './collect.ts';
import { concat, gunzipChunks, isGzip, once } from './inflate.ts';
import type { Budget, BundleProblem } from './limits.ts';
import { BundleStop, mib, problem } from './limits.ts';
import { LogScanner } from './log-scan.ts';
import type { LogEvent } from './migration-log.ts';
import { groupMigrations, readLogLines } from './migration-log.ts';

export interface LogFileSummary {
  /** Path inside the bundle. */
  readonly file: string;
  readonly lines: number;
  /** Uncompressed bytes scanned. */
  readonly bytes: number;
  /** Lines kept as possible migration evidence. */
  readonly kept: number;
  /** False for a rotation left unread because the log budget ran out. */
  readonly scanned: boolean;
  /** Read only up to the end of the log budget. */
  readonly partial?: boolean;
}

export interface Observation {
  readonly migrations: readonly ObservedMigration[];
  readonly logs: readonly LogFileSummary[];
  readonly problems: readonly BundleProblem[];
}

const MAX_MIGRATIONS = 500;

export async function observeHost(
  parts: HostParts,
  model: HostModel | undefined,
  hostName: string,
  budget: Budget,
  label: string,
): Promise<Observation> {
  const limits = budget.limits;
  const problems: BundleProblem[] = [];
  const events: LogEvent[] = [];
  const logs: LogFileSummary[] = [];
  const prefix = label + (parts.top ? `${parts.top}/` : '');

  const take = (part: LogPart, hits: readonly EvidenceRef[]) => {
    for (const ref of hits) events.push(...readLogLines(ref, part.vm));
  };

  // Current logs first (already scanned), then rotations newest first.
  const ordered = [...parts.logs.values()].sort((a, b) => a.rotation - b.rotation || a.rel.localeCompare(b.rel));
  for (const part of ordered) {
    if (part.scan) {
      take(part, part.scan.hits);
      logs.push({ file: part.scan.file, lines: part.scan.lines, bytes: part.scan.bytes, kept: part.scan.hits.length, scanned: true });
      if (part.scan.truncated) {
        problems.push(problem('LOG_BUDGET', part.scan.file, `${part.scan.file} holds more migration lines than the ${limits.maxLogHits} kept; the rest are not shown.`));
      }
      continue;
    }
    if (!part.gz || part.gz.size === 0) continue;
    const file = prefix + part.rel;
    const pieces = [...part.gz.keys()].sort((a, b) => a - b);
    if (pieces.length > 1 || (pieces[0] ?? -1) >= 0) {
      const seen = new Set(pieces.filter((n) => n >= 0));
      if (seen.size > 0 && Math.max(...seen) + 1 !== seen.size) {
        problems.push(problem('FRAG_GAP', file, `${file} is split into FRAG pieces with ${missingPieces(seen)} missing; it cannot be inflated and is not read.`));
        logs.push({ file, lines: 0, bytes: 0, kept: 0, scanned: false });
        continue;
      }
    }
    if (parts.logBytes >= limits.maxLogBytes) {
      logs.push({ file, lines: 0, bytes: 0, kept: 0, scanned: false });
      continue;
    }
    const compressed = concat(pieces.map((n) => part.gz?.get(n) as Uint8Array));
    const scanner = new LogScanner(file, limits.maxLogHits);
    let partial = false;
    try {
      let first = true;
      for await (const chunk of gunzipChunks(once(compressed), {
        member: file,
        budget,
        maxOutput: limits.maxLogBytes - parts.logBytes,
      })) {
        if (first && isGzip(chunk)) {
          // A .gz inside a .gz would be one container deeper than zip → tgz → gz allows.
          throw new BundleStop(problem('TOO_DEEP', file, `${file} holds another compressed file inside it; nesting stops at zip → tgz → gz, so it is not read.`, false));
        }
        first = false;
        scanner.push(chunk);
      }
    } catch (e) {
      if (!(e instanceof BundleStop)) throw e;
      const p = e.problem;
      if (p.code === 'TOTAL_TOO_LARGE') throw e;
      // One damaged or oversized rotation does not stop the others.
      partial = p.code === 'MEMBER_TOO_LARGE';
      problems.push(partial ? problem('LOG_BUDGET', file, `${file} was read only in part: the log budget of ${mib(limits.maxLogBytes)} for this host ran out.`) : { ...p, fatal: false });
      if (p.code !== 'MEMBER_TOO_LARGE') {
        logs.push({ file, lines: 0, bytes: 0, kept: 0, scanned: false });
        continue;
      }
    }
    const scan = scanner.end();
    parts.logBytes += scan.bytes;
    part.scan = scan;
    // The compressed bytes are no longer needed.
    budget.release(compressed.length);
    part.gz?.clear();
    take(part, scan.hits);
    logs.push({ file, lines: scan.lines, bytes: scan.bytes, kept: scan.hits.length, scanned: true, ...(partial ? { partial } : {}) });
  }
  const unread = logs.filter((l) => !l.scanned).length;
  if (unread > 0 && parts.logBytes >= limits.maxLogBytes) {
    problems.push(
      problem('LOG_BUDGET', prefix || hostName, `${unread} older rotated log${unread > 1 ? 's were' : ' was'} not read: the ${mib(limits.maxLogBytes)} log budget for ${hostName} was spent on newer logs.`),
    );
  }

  const addresses = new Set((model?.vmknics ?? []).map((n) => n.ipv4).filter((a): a is string => a !== undefined));
  const migrations = groupMigrations(events, { host: hostName, addresses, maxMigrations: MAX_MIGRATIONS });
  return { migrations, logs, problems };
}
