/**
 * The scan answers each host from one analysis per host shape and each pair from one analysis per pair key
 * (estate/shape.ts, estate/pair-scan.ts). These properties prove the shortcuts change nothing: on random estates
 * (few subnets, so addresses collide, nest and repeat), every host's findings equal `analyze` on that host alone,
 * and every pair's findings equal those `analyze` raises with that source and destination — flooding on the
 * receiver, MTU between the ends, routed vMotion without a gateway.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze.ts';
import type { FindingResult } from '../result.ts';
import { PAIR_FINDING_IDS } from './pair-scan.ts';
import { scanEstate, scanEstateWithStats } from './scan.ts';
import { estateArb } from './test-support/random-estate.ts';
import type { EstateHost, ScanPairFindingJson, ScanResult } from './types.ts';

/**
 * A random estate costs about 10 ms per property here (every host and pair analysed twice), a hundred times an
 * importer input: `npm run fuzz` (FUZZ_RUNS=10000 for the importers) runs a tenth of FUZZ_RUNS estates, which keeps
 * the whole fuzz run under 10 minutes on two busy cores. The timeout only catches a stuck run, far above that pace.
 */
const RUNS = process.env['FUZZ_RUNS'] ? Math.ceil(Number(process.env['FUZZ_RUNS']) / 10) : 60;
const TIMEOUT = Math.max(120_000, RUNS * 500);

function brief(f: { id: string; severity: string; certainty: string; vmknics?: readonly string[] }) {
  return `${f.id}/${f.severity}/${f.certainty}/${[...(f.vmknics ?? [])].join(',')}`;
}

/** Pair findings of `analyze({source: a, dest: b})`, the way the scan reports them for that direction. */
function pairFindingsByAnalyze(a: EstateHost, b: EstateHost): { directed: string[]; symmetric: string[] } {
  const r = analyze({ source: a.model, dest: b.model, migration: 'live' });
  const pick = (f: FindingResult) =>
    PAIR_FINDING_IDS.includes(f.id) && (f.id === 'MTU_MISMATCH' ? f.hosts.includes(a.model.name) && f.hosts.includes(b.model.name) : f.hosts.includes(b.model.name));
  const found = r.findings.filter(pick);
  return {
    directed: found.filter((f) => f.id !== 'MTU_MISMATCH').map(brief).sort(),
    symmetric: found.filter((f) => f.id === 'MTU_MISMATCH').map(brief).sort(),
  };
}

function scanPairFindings(result: ScanResult, a: string, b: string): ScanPairFindingJson[] {
  const p = result.pairs.find((x) => (x.hosts[0] === a && x.hosts[1] === b) || (x.hosts[0] === b && x.hosts[1] === a));
  return p ? [...p.findings] : [];
}

function withoutExamples(r: ScanResult) {
  return { ...r, groups: r.groups.map((g) => ({ ...g, example: null })) };
}

describe('the scan shortcuts give the answers of the analysis itself', () => {
  it('every host: the findings of analyze on that host alone', () => {
    fc.assert(
      fc.property(estateArb, (estate) => {
        const result = scanEstate({ hosts: estate });
        estate.forEach((h, i) => {
          const direct = analyze({ source: h.model, migration: 'live' }).findings.map(brief);
          expect(result.hosts[i]!.findings.map(brief)).toEqual(direct);
        });
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);

  it('every pair inside a cluster: the pair findings of analyze with that source and destination', () => {
    fc.assert(
      fc.property(estateArb, (estate) => {
        const result = scanEstate({ hosts: estate });
        for (let x = 0; x < estate.length; x++) {
          for (let y = x + 1; y < estate.length; y++) {
            const a = estate[x]!;
            const b = estate[y]!;
            const found = scanPairFindings(result, a.model.name, b.model.name);
            if (!a.cluster || a.cluster !== b.cluster) {
              expect(found).toEqual([]);
              continue;
            }
            const ab = pairFindingsByAnalyze(a, b);
            const ba = pairFindingsByAnalyze(b, a);
            // The MTU comparison does not depend on the direction (only the order of the vmknics it names does).
            const asSet = (xs: string[]) => xs.map((x) => x.split('/').map((part, i) => (i === 3 ? part.split(',').sort().join(',') : part)).join('/'));
            expect(asSet(ab.symmetric)).toEqual(asSet(ba.symmetric));
            const dir = (from: string) => found.filter((f) => f.from === from).map(brief).sort();
            expect(dir(a.model.name)).toEqual(ab.directed);
            expect(dir(b.model.name)).toEqual(ba.directed);
            expect(found.filter((f) => f.from === undefined).map(brief).sort()).toEqual(ab.symmetric);
          }
        }
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);

  it('the memo (one analysis per shape and pair key) changes nothing against analysing everything', () => {
    fc.assert(
      fc.property(estateArb, (estate) => {
        const memo = scanEstateWithStats({ hosts: estate });
        const plain = scanEstateWithStats({ hosts: estate, memo: false });
        expect(withoutExamples(memo.result)).toEqual(withoutExamples(plain.result));
        expect(memo.stats.hostAnalyses).toBeLessThanOrEqual(plain.stats.hostAnalyses);
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);
});
