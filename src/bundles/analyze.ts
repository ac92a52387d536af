/**
 * One call for a caller holding bundle hosts (the app after a drop, the CLI): the path analysis of a source (and
 * optionally a destination) plus what their logs show about past migrations (core/observed.ts).
 */
import { analyze } from '../core/analyze.ts';
import type { AnalysisResult } from '../core/analyze.ts';
import type { ParseWarning } from '../core/model/evidence.ts';
import type { HostModel } from '../core/model/host.ts';
import type { MigrationKind } from '../core/result.ts';
import type { BundleHost } from './types.ts';

export interface BundleAnalysisInput {
  readonly source: BundleHost & { readonly model: HostModel };
  readonly dest?: BundleHost & { readonly model: HostModel };
  readonly migration?: MigrationKind;
  readonly warnings?: readonly ParseWarning[];
}

export function analyzeBundleHosts(input: BundleAnalysisInput): AnalysisResult {
  const { source, dest } = input;
  return analyze({
    source: source.model,
    ...(dest ? { dest: dest.model } : {}),
    ...(input.migration ? { migration: input.migration } : {}),
    warnings: [...(input.warnings ?? []), ...source.warnings, ...(dest?.warnings ?? [])],
    observed: [...source.observed, ...(dest?.observed ?? [])],
  });
}
