/**
 * Test support: a paste split and parsed the way loadEvidence does it, block by block (for the published corpus
 * and the damage tests).
 */
import { splitPaste } from './split.ts';
import { parserFor, PARSERS } from './registry.ts';
import type { CommandKind, ParserWarning } from './types.ts';

export interface ReadBlock {
  readonly kind: CommandKind;
  readonly value: unknown;
  readonly warnings: readonly ParserWarning[];
}

/** Splits and parses one paste the way loadEvidence does; blocks of unsupported commands are left out. */
export function readPaste(text: string, file = 'paste.txt'): { blocks: ReadBlock[]; splitWarnings: readonly { line: number; message: string }[] } {
  const split = splitPaste(text, file, PARSERS);
  const blocks: ReadBlock[] = [];
  for (const sb of split.blocks) {
    if (sb.kind === null) continue;
    const result = parserFor(sb.kind).parse(sb.block);
    blocks.push({ kind: sb.kind, value: result.ok ? result.value : undefined, warnings: result.ok ? result.warnings : [...result.warnings, result.error] });
  }
  return { blocks, splitWarnings: split.warnings };
}

/** The records of a parsed block as a list (route tables and single records are wrapped). */
export function recordsOf(kind: CommandKind, value: unknown): Record<string, unknown>[] {
  if (value === undefined) return [];
  if (Array.isArray(value)) return value as Record<string, unknown>[];
  const v = value as Record<string, unknown>;
  if (kind === 'esxcfg-route' || kind === 'route-ipv4-list') return (v.routes as Record<string, unknown>[]) ?? [];
  if (kind === 'system-version' || kind === 'vmware-version') return [v];
  return [v];
}

