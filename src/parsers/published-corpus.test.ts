/// <reference types="vite/client" />
/**
 * The published corpus (src/parsers/__fixtures__/published): ESXi command outputs that admins posted themselves
 * (blogs, KB pages and their mirrors, forum threads, GitHub issues), kept verbatim with a sidecar that names the
 * source, the damage, and the reading a person gets from the text. Each output is split and parsed as a paste,
 * and every expected field is checked: a value must be read exactly; `null` (damaged beyond repair) must be left
 * unknown with a warning on that row's line.
 */
import { describe, expect, it } from 'vitest';
import type { CommandKind } from './types.ts';
import { readPaste, recordsOf } from './published.test-support.ts';
import type { ReadBlock } from './published.test-support.ts';

const texts = import.meta.glob<string>('./__fixtures__/published/*.txt', { query: '?raw', import: 'default', eager: true });
const sidecars = import.meta.glob<Sidecar>('./__fixtures__/published/*.json', { import: 'default', eager: true });

interface ExpectedBlock {
  readonly kind: CommandKind;
  readonly records?: readonly Record<string, unknown>[];
  readonly defaultGateway?: string;
  readonly advanced?: Record<string, string>;
}

export interface Sidecar {
  readonly source: { readonly url: string; readonly title: string; readonly date: string; readonly locator?: string };
  readonly esxiVersion: string;
  readonly damage: readonly string[];
  readonly expected: readonly ExpectedBlock[];
}

function lineOf(record: Record<string, unknown>): number | undefined {
  const ref = record.ref as { line?: number } | undefined;
  return ref?.line;
}

const cases = Object.keys(texts)
  .sort()
  .map((path) => ({ name: path.replace(/^.*\//, '').replace(/\.txt$/, ''), text: texts[path] as string, sidecar: sidecars[path.replace(/\.txt$/, '.json')] }));

describe('published corpus', () => {
  it('holds at least 30 command outputs, each with a sidecar naming its source and its damage', () => {
    let outputs = 0;
    for (const c of cases) {
      expect(c.sidecar, c.name).toBeDefined();
      const s = c.sidecar as Sidecar;
      expect(s.source.title.length, c.name).toBeGreaterThan(0);
      expect(s.source.url, `${c.name}: the address where the output was published`).toMatch(/^https?:\/\//);
      outputs += s.expected.length;
    }
    expect(outputs).toBeGreaterThanOrEqual(30);
  });

  for (const c of cases) {
    it(`${c.name}: every expected field is read, every damaged field is unknown and warned about`, () => {
      const s = c.sidecar as Sidecar;
      const { blocks } = readPaste(c.text, `${c.name}.txt`);
      expect(blocks.map((b) => b.kind)).toEqual(s.expected.map((e) => e.kind));
      s.expected.forEach((expected, b) => {
        const block = blocks[b] as ReadBlock;
        expect(block.value, `${c.name} block ${b} (${expected.kind}) was refused: ${JSON.stringify(block.warnings)}`).toBeDefined();
        if (expected.defaultGateway !== undefined) {
          expect((block.value as { defaultGateway?: { address: string } }).defaultGateway?.address).toBe(expected.defaultGateway);
        }
        if (expected.advanced !== undefined) {
          const advanced = (block.value as { advanced: { path: string; value: string }[] }).advanced;
          expect(Object.fromEntries(advanced.map((a) => [a.path, a.value]))).toEqual(expected.advanced);
        }
        if (expected.records === undefined) return;
        const records = recordsOf(expected.kind, block.value);
        expect(records.length, `${c.name} block ${b}: ${JSON.stringify(block.warnings)}`).toBe(expected.records.length);
        expected.records.forEach((want, r) => {
          const got = records[r] as Record<string, unknown>;
          for (const [field, value] of Object.entries(want)) {
            if (value === null) {
              expect(got[field], `${c.name} block ${b} row ${r} ${field} should be unknown`).toBeUndefined();
              const line = lineOf(got);
              expect(block.warnings.some((w) => w.line === line), `${c.name} row ${r}: no warning on line ${line} for ${field}`).toBe(true);
            } else if (value === undefined) {
              expect(got[field]).toBeUndefined();
            } else {
              expect(got[field], `${c.name} block ${b} row ${r} ${field}`).toEqual(value);
            }
          }
        });
      });
    });
  }
});
