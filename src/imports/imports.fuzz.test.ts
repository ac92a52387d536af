/**
 * Every importer on hostile input: never a throw, never a hang, output bounded by the input. `npm test` runs a few
 * hundred inputs per property; `npm run fuzz` runs FUZZ_RUNS (10^4) per property. Bounded by run count, not by
 * time: how long an input takes is measured by `npm run bench` (bench/run.ts, "importers on hostile input"), and
 * the guard below only catches a hang, thousands of times above the normal 0.1–3 ms per input.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanEstate } from '../core/estate/index.ts';
import { readCsv } from './csv.ts';
import { importEstate } from './import-estate.ts';
import { importFile } from './import-file.ts';
import { csvScannerText, hostileFile as file, zipBytes } from './test-support/hostile.ts';
import { slimWorkbook } from './xlsx-slim.ts';
import { inspectZip } from './zip-guard.ts';

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 200);
/** Far above the normal pace (about 1 ms per input, 10 under a heavy load): a limit for a stuck run, not a speed goal. */
const TIMEOUT = Math.max(120_000, RUNS * 50);
/** One input of at most a few KB taking this long is stuck (or badly super-linear), not slow. */
const HANG_MS = 10_000;

function timed<T>(f: () => T): T {
  const start = performance.now();
  const out = f();
  const took = performance.now() - start;
  if (took > HANG_MS) throw new Error(`one input took ${(took / 1000).toFixed(1)} s: a hang, not a slow machine`);
  return out;
}

describe('importers on hostile input', () => {
  it('importFile never throws, never hangs, and finds no more hosts than rows', () => {
    fc.assert(
      fc.property(file, (f) => {
        const r = timed(() => importFile(f));
        if (r.ok) {
          expect(r.value.hosts.length).toBeLessThanOrEqual(Math.max(1, r.value.report.rows));
          expect(r.value.report.skipped.length).toBeLessThanOrEqual(1000);
        } else {
          expect(r.error.message.length).toBeGreaterThan(0);
          expect(r.error.message).not.toMatch(/\n/);
        }
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);

  it('several hostile files merge and scan without throwing', () => {
    fc.assert(
      fc.property(fc.array(file, { minLength: 1, maxLength: 4 }), (files) => {
        const r = timed(() => importEstate(files));
        if (r.ok) timed(() => scanEstate({ hosts: r.hosts, sources: r.sources, warnings: r.warnings }));
      }),
      { numRuns: Math.ceil(RUNS / 2) },
    );
  }, TIMEOUT);

  it('the CSV scanner is linear: cells never exceed the characters read', () => {
    fc.assert(
      fc.property(csvScannerText, (text) => {
        const r = timed(() => readCsv('x.csv', text));
        if (!r.ok) return;
        let cells = 0;
        for (const row of r.table.rows()) cells += row.cells.length;
        expect(cells).toBeLessThanOrEqual(text.length + 1);
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);

  it('the zip guard and the workbook slimmer never throw on random bytes or on mutated workbooks', () => {
    fc.assert(
      fc.property(zipBytes, (bytes) => {
        const r = timed(() => inspectZip(bytes));
        expect(typeof r.ok).toBe('boolean');
        // What passes the guard is slimmed next: that must not throw either.
        if (r.ok) expect(typeof timed(() => slimWorkbook(bytes, () => true)).ok).toBe('boolean');
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);
});
