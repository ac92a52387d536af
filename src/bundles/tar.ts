/**
 * Walks a tar stream (modern-tar's streaming decoder, which runs in the renderer too) without extracting anything:
 * each entry is checked (name, type, count) and then either handed to a consumer chunk by chunk or skipped, in
 * which case the decoder drops its bytes without copying them. Links, devices and FIFOs are never read
 * (issue 9, "ignore links and device entries").
 */
import { createTarDecoder } from 'modern-tar';
import type { ParsedTarEntry } from 'modern-tar';
import type { BundleProblem } from './limits.ts';
import { BundleStop, mib, problem, stop } from './limits.ts';
import type { Budget } from './limits.ts';
import { checkMemberName, printable } from './member-name.ts';

/** Receives one member's bytes, in order. */
export interface MemberConsumer {
  chunk(bytes: Uint8Array): void;
  end(): void;
  /** The member could not be read to its end (reading stopped); what was received may be incomplete. */
  abort?(): void;
}

export interface TarVisitor {
  /** A safe regular file: return a consumer to read it, or undefined to skip it. `path` is normalised. */
  file(path: string, size: number): MemberConsumer | undefined;
  /** A directory entry (its name is a layout hint, e.g. `etc/vmware/vm-support/`). */
  directory?(path: string): void;
  problem(p: BundleProblem): void;
}

export interface TarContext {
  /** Prefix for member names in messages (the zip member a nested tgz came from), ending in ` → `, or empty. */
  readonly label: string;
  readonly budget: Budget;
}

export interface TarSummary {
  readonly entries: number;
}

/** Streams `chunks` (an uncompressed tar) through the visitor. Throws BundleStop on a fatal problem. */
export async function walkTar(chunks: AsyncIterable<Uint8Array>, visitor: TarVisitor, ctx: TarContext): Promise<TarSummary> {
  const limits = ctx.budget.limits;
  const { readable, writable } = createTarDecoder({ strict: false });
  const writer = writable.getWriter();
  let pumpError: unknown;
  let finished = false;
  const pump = (async () => {
    try {
      for await (const chunk of chunks) {
        if (finished) break;
        await writer.write(chunk);
      }
      await writer.close().catch(() => undefined);
    } catch (e) {
      pumpError = e;
      // Damaged compressed data: the tar decoder still hands over the entries it already holds (a truncated
      // bundle keeps its first members). Any other stop (a bomb, a cap) ends the reading at once.
      if (e instanceof BundleStop && e.problem.code === 'CORRUPT') await writer.close().catch(() => undefined);
      else await writer.abort(e).catch(() => undefined);
    }
  })();

  const reader = readable.getReader();
  let entries = 0;
  try {
    for (;;) {
      let next: Awaited<ReturnType<typeof reader.read>>;
      try {
        next = await reader.read();
      } catch (e) {
        throw pumpError ?? corrupt(ctx.label, e);
      }
      if (next.done) break;
      const entry = next.value;
      entries++;
      if (entries > limits.maxEntries) {
        await skip(entry.body);
        const archive = archiveOf(ctx.label);
        throw stop('TOO_MANY_ENTRIES', archive, `Reading stopped: ${archive} has more than ${limits.maxEntries} entries, the limit for one archive.`);
      }
      try {
        await visit(entry, visitor, ctx);
      } catch (e) {
        // A member cut short by damaged compressed data: the damage is the news, not the short member.
        throw pumpError ?? e;
      }
    }
  } catch (e) {
    finished = true;
    await reader.cancel(e).catch(() => undefined);
    await pump;
    throw e;
  } finally {
    reader.releaseLock();
  }
  finished = true;
  await pump;
  if (pumpError !== undefined) throw pumpError;
  return { entries };
}

/**
 * Drains an entry's body without keeping it. Not `body.cancel()`: modern-tar 0.8's cancel handler clears the
 * decoder's *current* body, which is already the next entry's when this one was fully queued (small entries) —
 * the next entry then never receives its bytes. Draining is what modern-tar's own unpackTar does.
 */
async function skip(body: ReadableStream<Uint8Array>): Promise<void> {
  const r = body.getReader();
  try {
    for (;;) if ((await r.read()).done) return;
  } finally {
    r.releaseLock();
  }
}

/** `a.zip → b.tgz → ` → `a.zip → b.tgz`. */
function archiveOf(label: string): string {
  return label ? label.replace(/ → $/, '') : 'the archive';
}

function corrupt(label: string, e: unknown): BundleStop {
  const what = archiveOf(label);
  return stop('CORRUPT', what, `${what} is not a readable tar archive (${e instanceof Error ? e.message : String(e)}); reading stopped there.`);
}

async function visit(entry: ParsedTarEntry, visitor: TarVisitor, ctx: TarContext): Promise<void> {
  const { header, body } = entry;
  const type = header.type ?? 'file';
  const shown = ctx.label + printable(header.name);
  if (type === 'symlink' || type === 'link') {
    await skip(body);
    visitor.problem(problem('LINK_IGNORED', shown, `${shown} is a link (to ${printable(header.linkname ?? '?')}); links are never followed.`));
    return;
  }
  if (type !== 'file' && type !== 'directory') {
    await skip(body);
    visitor.problem(problem('SPECIAL_IGNORED', shown, `${shown} is a ${type} entry, not a file; it is ignored.`));
    return;
  }
  const name = checkMemberName(header.name);
  if (!name.ok) {
    await skip(body);
    visitor.problem(problem('UNSAFE_NAME', shown, `${shown} is refused: ${name.reason}.`));
    return;
  }
  if (type === 'directory') {
    await skip(body);
    visitor.directory?.(name.path);
    return;
  }
  const consumer = visitor.file(name.path, header.size);
  if (consumer === undefined) {
    await skip(body);
    return;
  }
  const r = body.getReader();
  let received = 0;
  try {
    for (;;) {
      const { done, value } = await r.read();
      if (done) break;
      received += value.length;
      consumer.chunk(value);
    }
  } catch (e) {
    consumer.abort?.();
    throw e;
  } finally {
    r.releaseLock();
  }
  if (received < header.size) {
    consumer.abort?.();
    throw stop('CORRUPT', shown, `${shown} is cut short (${mib(received)} of ${mib(header.size)}): the archive is truncated.`);
  }
  consumer.end();
}
