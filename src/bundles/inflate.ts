/**
 * Streaming gzip and raw-DEFLATE decompression (fflate, which runs in the renderer too), metered: every produced
 * byte counts against the reading's total, and a stream whose output outgrows its input by more than the bomb
 * ratio is stopped (issue 9, "stop on a compression ratio that marks a bomb").
 *
 * Input is fed to the decompressor in small slices: fflate inflates a whole pushed chunk at once, so a 1 MiB
 * push of a bomb could produce a gigabyte before any check runs; a 64 KiB slice produces at most ~66 MiB.
 */
import { Gunzip, Inflate } from 'fflate';
import type { Budget } from './limits.ts';
import { mib, stop } from './limits.ts';

const SLICE = 64 * 1024;

export interface InflateContext {
  /** The member (or archive) this stream decompresses, for messages. */
  readonly member: string;
  readonly budget: Budget;
  /** Caps this stream's own output (a member that is read); absent for a whole archive stream. */
  readonly maxOutput?: number;
}

type Decompressor = Gunzip | Inflate;

/** gzip (single or multi-member) → uncompressed chunks. */
export function gunzipChunks(input: AsyncIterable<Uint8Array>, ctx: InflateContext): AsyncGenerator<Uint8Array> {
  return run(new Gunzip(), 'gzip', input, ctx);
}

/** Raw DEFLATE (zip method 8) → uncompressed chunks. */
export function inflateChunks(input: AsyncIterable<Uint8Array>, ctx: InflateContext): AsyncGenerator<Uint8Array> {
  return run(new Inflate(), 'DEFLATE', input, ctx);
}

async function* run(d: Decompressor, what: string, input: AsyncIterable<Uint8Array>, ctx: InflateContext): AsyncGenerator<Uint8Array> {
  const limits = ctx.budget.limits;
  let consumed = 0;
  let produced = 0;
  let out: Uint8Array[] = [];
  d.ondata = (data) => {
    if (data.length === 0) return;
    produced += data.length;
    out.push(data);
  };
  const check = () => {
    if (produced > limits.ratioFloorBytes && produced > consumed * limits.maxRatio) {
      throw stop(
        'COMPRESSION_BOMB',
        ctx.member,
        `Reading stopped at ${ctx.member}: ${mib(consumed)} of compressed data expanded to ${mib(produced)} ` +
          `(more than ${limits.maxRatio} times), which marks a decompression bomb.`,
      );
    }
    if (ctx.maxOutput !== undefined && produced > ctx.maxOutput) {
      throw stop('MEMBER_TOO_LARGE', ctx.member, `${ctx.member} expands to more than ${mib(ctx.maxOutput)}, the limit for one member; it is not read.`);
    }
  };
  const push = (slice: Uint8Array, final: boolean) => {
    try {
      d.push(slice, final);
    } catch (e) {
      throw stop('CORRUPT', ctx.member, `${ctx.member} is not valid ${what} data (${e instanceof Error ? e.message : String(e)}): reading stopped there; what came before was read.`);
    }
  };
  for await (const chunk of input) {
    for (let at = 0; at < chunk.length; at += SLICE) {
      const slice = chunk.subarray(at, Math.min(chunk.length, at + SLICE));
      consumed += slice.length;
      push(slice, false);
      if (out.length > 0) {
        check();
        const ready = out;
        out = [];
        for (const c of ready) {
          ctx.budget.produced(c.length, ctx.member);
          yield c;
        }
      }
    }
  }
  push(new Uint8Array(0), true);
  check();
  for (const c of out) {
    ctx.budget.produced(c.length, ctx.member);
    yield c;
  }
}

/** Collects a metered stream into one array (for small nested members such as a rotated `.gz` log). */
export async function collect(chunks: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let total = 0;
  for await (const c of chunks) {
    parts.push(c);
    total += c.length;
  }
  return concat(parts, total);
}

export function concat(parts: readonly Uint8Array[], total?: number): Uint8Array {
  if (parts.length === 1) return parts[0] as Uint8Array;
  const size = total ?? parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export async function* once(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}

export function isGzip(head: Uint8Array): boolean {
  return head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
}
