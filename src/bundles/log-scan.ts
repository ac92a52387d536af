/**
 * A streaming grep over a log member: keeps only the lines that may describe a migration, each with its 1-based
 * line number, so a 100 MB vmkernel.log costs a few kilobytes of memory, not 100 MB. The filter is a
 * case-insensitive list of family markers (issue 16), one per family migration-log.ts reads: `migrat` (vmkernel
 * `Migrate:`, vmware.log `MigrateSetInfo` / `Migrate_Open`, vpxa `[MIGRATE]`, `immigrating`, the bare failure
 * message), `vmotion` (vmkernel `VMotion:` / `VMotionSend:`, hostd `VMotionSrc` / `VMotionDst` /
 * `VMotionPrepare`), `nfc error` (hostd NFC), `[msg.checkpoint.migration` is covered by `migrat`.
 * Bytes are decoded as UTF-8 with replacement characters, never rejected.
 */
import type { EvidenceRef } from '../core/model/evidence.ts';

// Lower-case markers, searched in a lower-cased copy of each chunk (plain substring searches, faster than one
// alternation regex); migration-log.ts decides what each kept line means.
const KEYWORDS = ['migrat', 'vmotion', 'nfc error'];

function hasKeyword(line: string): boolean {
  const lower = line.toLowerCase();
  return KEYWORDS.some((k) => lower.includes(k));
}
/** A "line" longer than this without a newline is not log text: it is dropped, its line still counted. */
const MAX_LINE = 64 * 1024;

export interface LogScanResult {
  readonly file: string;
  readonly hits: readonly EvidenceRef[];
  readonly lines: number;
  readonly bytes: number;
  /** More interesting lines than the cap allowed: the rest were not kept. */
  readonly truncated: boolean;
}

export class LogScanner {
  private readonly decoder = new TextDecoder('utf-8');
  private readonly hits: EvidenceRef[] = [];
  private carry = '';
  private carryTooLong = false;
  private lines = 0;
  private bytes = 0;
  private truncated = false;

  constructor(
    readonly file: string,
    private readonly maxHits: number,
  ) {}

  push(chunk: Uint8Array): void {
    this.bytes += chunk.length;
    const decoded = this.decoder.decode(chunk, { stream: true });
    this.text(decoded);
  }

  end(): LogScanResult {
    const rest = this.decoder.decode();
    this.text(rest);
    if (this.carry !== '' || this.carryTooLong) this.text('\n');
    this.carryTooLong = false;
    return { file: this.file, hits: this.hits, lines: this.lines, bytes: this.bytes, truncated: this.truncated };
  }

  private text(decoded: string): void {
    if (decoded === '') return;
    const first = decoded.indexOf('\n');
    if (first < 0) {
      // Still inside one line: only its start (up to MAX_LINE) matters.
      if (!this.carryTooLong) {
        this.carry += decoded;
        if (this.carry.length > MAX_LINE) {
          this.carry = '';
          this.carryTooLong = true;
        }
      }
      return;
    }
    // The line the previous chunk left open ends here: the only text joined across chunks.
    const head = this.carryTooLong ? undefined : this.carry + decoded.slice(0, first);
    this.lines++;
    if (head !== undefined && head.length <= MAX_LINE && hasKeyword(head)) this.keep(this.lines, head);
    const last = decoded.lastIndexOf('\n');
    if (last > first) this.scan(decoded, first + 1, last + 1);
    this.carry = decoded.slice(last + 1);
    this.carryTooLong = this.carry.length > MAX_LINE;
    if (this.carryTooLong) this.carry = '';
  }

  /** Complete lines in text[from, end) (end is just past a newline). */
  private scan(text: string, from: number, end: number): void {
    let pos = from;
    // Same length and offsets as `text` (toLowerCase keeps UTF-16 lengths for the markers' ASCII letters, and a
    // character whose lower case is longer cannot be part of a marker).
    const search = text.toLowerCase();
    if (search.length !== text.length) {
      // A character whose lower case has another length (rare): read this chunk line by line instead.
      let start = from;
      while (start < end) {
        const stop = text.indexOf('\n', start);
        const lineEnd = stop < 0 || stop >= end ? end : stop;
        this.lines++;
        const line = text.slice(start, lineEnd);
        if (line.length <= MAX_LINE && hasKeyword(line)) this.keep(this.lines, line);
        start = lineEnd + 1;
      }
      return;
    }
    const next = KEYWORDS.map((k) => search.indexOf(k, from));
    for (;;) {
      let at = -1;
      for (const i of next) if (i >= 0 && i < end && (at < 0 || i < at)) at = i;
      if (at < 0) break;
      const start = text.lastIndexOf('\n', at) + 1;
      this.lines += countNewlines(text, pos, start);
      const stopAt = text.indexOf('\n', at);
      const lineEnd = stopAt < 0 ? end : stopAt;
      if (lineEnd - start <= MAX_LINE) this.keep(this.lines + 1, text.slice(start, lineEnd));
      pos = start;
      // Next occurrences after this line (a keyword seen twice on one line makes one hit).
      for (let k = 0; k < KEYWORDS.length; k++) {
        if ((next[k] as number) >= 0 && (next[k] as number) <= lineEnd) next[k] = search.indexOf(KEYWORDS[k] as string, lineEnd + 1);
      }
    }
    this.lines += countNewlines(text, pos, end);
  }

  private keep(line: number, raw: string): void {
    if (this.hits.length >= this.maxHits) {
      this.truncated = true;
      return;
    }
    this.hits.push({ file: this.file, line, text: raw.endsWith('\r') ? raw.slice(0, -1) : raw });
  }
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
