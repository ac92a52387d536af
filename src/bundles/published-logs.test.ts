/// <reference types="vite/client" />
/**
 * Published log excerpts (src/bundles/__fixtures__/published): migration lines admins and KB pages published,
 * verbatim with a sidecar naming the source, the damage and the reading a person gets from the text. Each excerpt
 * goes through the same path as a bundle's log: the streaming pre-filter, the line reader (glued lines cut), and
 * the grouping by migration id; every expected migration must come out with its id, direction, addresses,
 * outcome, and which lines prove what — and nothing more.
 */
import { describe, expect, it } from 'vitest';
import { LogScanner } from './log-scan.ts';
import { groupMigrations, readLogLines } from './migration-log.ts';
import type { LogEvent } from './migration-log.ts';

const logs = import.meta.glob<string>('./__fixtures__/published/*.log', { query: '?raw', import: 'default', eager: true });
const sidecars = import.meta.glob<Sidecar>('./__fixtures__/published/*.json', { import: 'default', eager: true });

interface ExpectedMigration {
  readonly id: string | null;
  readonly direction: 'outgoing' | 'incoming' | 'unknown';
  readonly sourceAddresses: readonly string[];
  readonly destAddresses: readonly string[];
  readonly outcome: 'failed' | 'no-failure-logged';
  readonly vm?: string;
  readonly proof: { readonly addresses?: readonly number[]; readonly direction?: readonly number[]; readonly failure?: readonly number[] };
}

interface Sidecar {
  readonly source: { readonly url: string; readonly title: string; readonly date: string };
  readonly family: 'vmkernel' | 'vmware' | 'hostd' | 'vpxa' | 'fdm';
  readonly bundlePath: string;
  readonly esxiVersion: string;
  readonly damage: readonly string[];
  readonly hostAddresses: readonly string[];
  readonly expected: { readonly migrations: readonly ExpectedMigration[] };
}

const cases = Object.keys(logs)
  .sort()
  .map((path) => ({ name: path.replace(/^.*\//, '').replace(/\.log$/, ''), text: logs[path] as string, sidecar: sidecars[path.replace(/\.log$/, '.json')] as Sidecar }));

function read(text: string, sidecar: Sidecar): ReturnType<typeof groupMigrations> {
  const scanner = new LogScanner(sidecar.bundlePath, 1000);
  scanner.push(new TextEncoder().encode(text));
  const scan = scanner.end();
  const vm = sidecar.family === 'vmware' ? sidecar.bundlePath.split('/').slice(-2, -1)[0] : undefined;
  const events: LogEvent[] = scan.hits.flatMap((ref) => readLogLines(ref, vm));
  return groupMigrations(events, { host: 'published', addresses: new Set(sidecar.hostAddresses) });
}

describe('published log excerpts', () => {
  it('hold at least 15 excerpts over the vmkernel, vmware.log, hostd and vpxa families, each with its source', () => {
    expect(cases.length).toBeGreaterThanOrEqual(15);
    for (const c of cases) expect(c.sidecar?.source.url, c.name).toMatch(/^https?:\/\//);
    expect(new Set(cases.map((c) => c.sidecar.family))).toEqual(new Set(['vmkernel', 'vmware', 'hostd', 'vpxa']));
  });

  for (const c of cases) {
    it(`${c.name}: ${c.sidecar.expected.migrations.length} migration(s), each field and each proof as read by a person`, () => {
      const got = read(c.text, c.sidecar);
      expect(got.map((m) => m.id ?? null)).toEqual(c.sidecar.expected.migrations.map((m) => m.id));
      c.sidecar.expected.migrations.forEach((want, i) => {
        const m = got[i];
        expect(m, c.name).toBeDefined();
        if (m === undefined) return;
        expect(
          { direction: m.direction, sourceAddresses: m.sourceAddresses, destAddresses: m.destAddresses, outcome: m.outcome },
          c.name,
        ).toEqual({ direction: want.direction, sourceAddresses: want.sourceAddresses, destAddresses: want.destAddresses, outcome: want.outcome });
        if (want.vm !== undefined) expect(m.vm).toBe(want.vm);
        const lines = (refs: readonly { line: number }[] | undefined) => (refs ?? []).map((r) => r.line);
        expect(
          { addresses: lines(m.proof?.addresses), direction: lines(m.proof?.direction), failure: lines(m.proof?.failure) },
          `${c.name}: which lines prove what`,
        ).toEqual({ addresses: want.proof.addresses ?? [], direction: want.proof.direction ?? [], failure: want.proof.failure ?? [] });
      });
    });
  }
});
