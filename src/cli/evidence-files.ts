/**
 * The CLI's I/O for the evidence of `analyze` and `walk`: the files given with --source and --dest read from disk
 * (or standard input) into what the evidence pipeline takes (src/pipeline/evidence-set.ts), which reads, pairs and
 * analyses them as the app does. Support bundles (by their first bytes, or a folder) come modelled, for their side.
 */
import type { ParseWarning } from '../core/model/evidence.ts';
import type { EvidenceSetInput, EvidenceText, ModelledHost, Side } from '../pipeline/evidence-set.ts';
import { placeholderHost } from '../pipeline/placeholder.ts';
import { loadBundles } from './bundle-command.ts';
import type { Io } from './main.ts';
import { readEvidenceFile } from './read-input.ts';

/** A file that cannot be used: one sentence naming it (exit code 2). */
export class EvidenceFileError extends Error {}

function defaultHostOf(file: string): string {
  return file === '-' ? 'stdin-host' : placeholderHost(file);
}

/** Reads the files of both sides; throws EvidenceFileError for a file that cannot be read at all. */
export async function readEvidenceFiles(sides: Readonly<Record<Side, readonly string[]>>, io: Io): Promise<Pick<EvidenceSetInput, 'texts' | 'modelled' | 'warnings'>> {
  const texts: EvidenceText[] = [];
  const modelled: ModelledHost[] = [];
  const warnings: ParseWarning[] = [];
  for (const side of ['source', 'dest'] as const) {
    const bundles = await loadBundles(sides[side]);
    if (bundles.errors.length > 0) throw new EvidenceFileError(bundles.errors[0]!);
    modelled.push(...bundles.hosts.map((h) => ({ ...h, side })));
    warnings.push(...bundles.warnings);
    for (const file of bundles.rest) {
      const read = await readEvidenceFile(file, io.stdin ?? (process.stdin as AsyncIterable<Uint8Array>));
      if (!read.ok) throw new EvidenceFileError(read.message);
      texts.push({ file: read.file, text: read.text, side, defaultHost: defaultHostOf(file) });
    }
  }
  return { texts, modelled, warnings };
}
