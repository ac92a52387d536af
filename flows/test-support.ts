/**
 * Test helpers for the flows (Node only: reads the example sessions from disk). Not imported by runtime code.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze, type AnalysisResult } from '../src/core/analyze.ts';
import type { HostModel } from '../src/core/model/host.ts';
import { loadEvidence } from '../src/parsers/index.ts';
import { EVIDENCE_MIGRATION, factsFromAnalysis, type EvidenceFacts } from './facts.ts';

export const EXAMPLES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'examples');

/** The example pairs (source first) and single hosts of examples/README.md. */
export const EXAMPLE_CASES: readonly { readonly name: string; readonly files: readonly string[] }[] = [
  { name: 'seed-chan-5.0', files: ['esx01.txt', 'esx02.txt'] },
  { name: 'seed-denneman-5.1', files: ['source.txt', 'dest.txt'] },
  { name: 'modern-7.0u3-same-subnet', files: ['esx-a.txt', 'esx-b.txt'] },
  { name: 'bind0-6.7', files: ['esx-a.txt', 'esx-b.txt'] },
  { name: 'multinic-6.0u3', files: ['esx-a.txt'] },
  { name: 'vmotion-stack-8.0', files: ['esx-a.txt', 'esx-b.txt'] },
  { name: 'l3-vmotion-7.0', files: ['esx-a.txt', 'esx-b.txt'] },
  { name: 'provisioning-fallback-7.0', files: ['esx-a.txt', 'esx-b.txt'] },
  { name: 'messy', files: ['typo-session.txt'] },
  { name: 'messy', files: ['web-squeezed.txt'] },
  { name: 'messy', files: ['only-version.txt'] },
];

export function readExample(dir: string, file: string): string {
  return readFileSync(join(EXAMPLES_DIR, dir, file), 'utf8');
}

/** Loads one pasted text as exactly one host (the way `--source FILE` does). */
export function hostFromText(file: string, text: string): HostModel {
  const loaded = loadEvidence([{ file, text, defaultHost: file.replace(/\.[^.]+$/, '') }]);
  if (!loaded.ok) throw new Error(loaded.error.message);
  const host = loaded.hosts[0];
  if (!host) throw new Error(`no host in ${file}`);
  return host;
}

/** Raw example paste(s) → analysis (as the shell runs it) → evidence facts. */
export function analyseExample(dir: string, files: readonly string[]): { result: AnalysisResult; facts: EvidenceFacts } {
  const [source, dest] = files.map((f) => hostFromText(f, readExample(dir, f)));
  const result = analyze({ source: source!, ...(dest ? { dest } : {}), migration: EVIDENCE_MIGRATION });
  return { result, facts: factsFromAnalysis(result) };
}

/** Evidence facts of every example case: realistic `analysis.completed` payloads for traversal. */
export function exampleFacts(): EvidenceFacts[] {
  return EXAMPLE_CASES.map((c) => analyseExample(c.name, c.files).facts);
}

/** The management-network flow's configuration questions, in order: the ones pasted evidence answers first. */
export const CONFIG_QUESTIONS: readonly string[] = [
  'vmk0Traffic.askVmotionVmknic',
  'vmk0Traffic.askVmotionStack',
  'vmk0Traffic.askSameSubnet',
  'vmk0Traffic.askEsxiVersion',
  'vmk0Traffic.askBindToVmknic',
];
