/**
 * The seed examples of `examples/` (see examples/README.md), loaded and analysed the way the CLI does, for the
 * render tests: each picture and report is checked on real pastes, not on hand-built results.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadEvidence } from '../parsers/index.ts';
import { analyze, type AnalysisResult } from '../core/analyze.ts';
import type { HostModel } from '../core/model/host.ts';
import type { MigrationKind } from '../core/result.ts';

export interface Example {
  readonly name: string;
  readonly source: string;
  readonly dest?: string;
  readonly migration: MigrationKind;
}

/** Every pair and single host of examples/README.md, plus the damaged pastes that exercise the edge cases. */
export const EXAMPLES: readonly Example[] = [
  { name: 'seed-chan-5.0', source: 'seed-chan-5.0/esx01.txt', dest: 'seed-chan-5.0/esx02.txt', migration: 'snapshots' },
  { name: 'seed-denneman-5.1', source: 'seed-denneman-5.1/source.txt', dest: 'seed-denneman-5.1/dest.txt', migration: 'snapshots' },
  { name: 'modern-7.0u3-same-subnet', source: 'modern-7.0u3-same-subnet/esx-a.txt', dest: 'modern-7.0u3-same-subnet/esx-b.txt', migration: 'snapshots' },
  { name: 'bind0-6.7', source: 'bind0-6.7/esx-a.txt', dest: 'bind0-6.7/esx-b.txt', migration: 'snapshots' },
  { name: 'multinic-6.0u3', source: 'multinic-6.0u3/esx-a.txt', migration: 'snapshots' },
  { name: 'vmotion-stack-8.0', source: 'vmotion-stack-8.0/esx-a.txt', dest: 'vmotion-stack-8.0/esx-b.txt', migration: 'snapshots' },
  { name: 'l3-vmotion-7.0', source: 'l3-vmotion-7.0/esx-a.txt', dest: 'l3-vmotion-7.0/esx-b.txt', migration: 'snapshots' },
  { name: 'provisioning-fallback-7.0', source: 'provisioning-fallback-7.0/esx-a.txt', dest: 'provisioning-fallback-7.0/esx-b.txt', migration: 'cold' },
  { name: 'messy/typo-session', source: 'messy/typo-session.txt', migration: 'live' },
  { name: 'messy/only-version', source: 'messy/only-version.txt', migration: 'live' },
];

function load(rel: string): HostModel[] {
  const file = join('examples', rel);
  const defaultHost = rel.split('/').pop()!.replace(/\.[^.]*$/, '');
  const loaded = loadEvidence([{ file, text: readFileSync(file, 'utf8'), defaultHost }]);
  if (!loaded.ok) throw new Error(`${file}: ${loaded.error.message}`);
  return [...loaded.hosts];
}

export interface Analysed {
  readonly example: Example;
  readonly result: AnalysisResult;
  readonly hosts: readonly HostModel[];
}

export function analyseExample(example: Example): Analysed {
  const src = load(example.source);
  const dst = example.dest ? load(example.dest) : [];
  const result = analyze({ source: src[0]!, ...(dst[0] ? { dest: dst[0] } : {}), migration: example.migration });
  return { example, result, hosts: [...src.slice(0, 1), ...dst.slice(0, 1)] };
}
