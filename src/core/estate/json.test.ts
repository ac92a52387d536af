import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importEstate } from '../../imports/index.ts';
import { estate50Files } from '../../imports/test-support/estate-50.ts';
import { scanJsonPieces } from './json.ts';
import { scanEstate } from './scan.ts';
import type { ScanResult } from './types.ts';

const runs = Number(process.env['FUZZ_RUNS'] ?? 200);

describe('the scan JSON in pieces', () => {
  it('joins to exactly JSON.stringify of the result, pretty and compact, for a real scan', () => {
    const imported = importEstate(Object.entries(estate50Files()).map(([name, text]) => ({ name, kind: 'text' as const, text })));
    if (!imported.ok) throw new Error(imported.error.message);
    const result = scanEstate({ hosts: imported.hosts, sources: imported.sources, warnings: imported.warnings, migration: 'live' });
    const pieces = [...scanJsonPieces(result)];
    expect(pieces.join('')).toBe(JSON.stringify(result, null, 2));
    // The long arrays in batches: a writer never holds the whole document as text.
    const big: ScanResult = { ...result, hosts: Array.from({ length: 1000 }, (_, i) => result.hosts[i % result.hosts.length]!) };
    const bigPieces = [...scanJsonPieces(big)];
    expect(bigPieces.join('')).toBe(JSON.stringify(big, null, 2));
    expect(Math.max(...bigPieces.map((p) => p.length))).toBeLessThan(bigPieces.join('').length / 5);
    expect([...scanJsonPieces(result, { compact: true })].join('')).toBe(JSON.stringify(result));
  });

  it('joins to exactly JSON.stringify for any JSON data in the streamed and the other fields', () => {
    const value = fc.jsonValue({ maxDepth: 3 });
    const shape = fc.record(
      { migration: fc.string(), summary: value, hosts: fc.array(value, { maxLength: 300 }), pairs: fc.array(value, { maxLength: 4 }), groups: fc.array(value, { maxLength: 3 }), sources: value, warnings: fc.array(value, { maxLength: 2 }) },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(shape, (r) => {
        const result = r as unknown as ScanResult;
        expect([...scanJsonPieces(result)].join('')).toBe(JSON.stringify(result, null, 2));
        expect([...scanJsonPieces(result, { compact: true })].join('')).toBe(JSON.stringify(result));
      }),
      { numRuns: runs },
    );
  });
});
