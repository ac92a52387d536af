/// <reference types="vite/client" />
/**
 * Property tests on the published corpus (issue 16): take a real output, damage one field the way tickets and
 * forums do, and the reading keeps every other field of every row.
 * - a redacted octet (`10.195.x.22`): that field unknown, everything else as before;
 * - a tab inside a dotted value (`192.168.<tab>0.103`): everything as before, the repair warned on that line;
 * - a lost letter in a header word (`Netmsk`): everything as before, the damaged header warned.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readPaste, recordsOf } from './published.test-support.ts';
import type { CommandKind } from './types.ts';

const texts = import.meta.glob<string>('./__fixtures__/published/*.txt', { query: '?raw', import: 'default', eager: true });

const TABLE_KINDS: ReadonlySet<CommandKind> = new Set(['esxcfg-vmknic', 'esxcfg-route', 'route-ipv4-list', 'ipv4-get']);
const DOTTED_FIELDS = ['address', 'netmask', 'broadcast', 'network', 'gateway'];
// Fixtures that are a whole page on one line (every row shares line 1) or whose header is already damaged.
const SKIP_LINES = new Set(['kb2081185-flattened-route']);
const SKIP_HEADER = new Set(['kb2081185-flattened-route', 'elatov-nfs-2012-route', 'elatov-nfs-2012-route-static']);

type Snapshot = Record<string, unknown>[][];

function snapshot(text: string): Snapshot {
  return readPaste(text).blocks.map((b) =>
    TABLE_KINDS.has(b.kind) ? recordsOf(b.kind, b.value).map(({ ref, ...rest }) => ({ ...rest, line: (ref as { line: number }).line })) : [],
  );
}

interface Site {
  readonly fixture: string;
  readonly text: string;
  readonly line: number;
  readonly token: string;
  readonly block: number;
  readonly record: number;
  readonly field: string;
}

const fixtures = Object.entries(texts).map(([path, text]) => ({ name: path.replace(/^.*\//, '').replace(/\.txt$/, ''), text }));

function occurrences(line: string, token: string): number {
  const escaped = token.replace(/\./g, '\\.');
  return (line.match(new RegExp(`(?<![\\d.])${escaped}(?![\\d.])`, 'g')) ?? []).length;
}

/** Every printed dotted value of a table row that appears once on its line. */
const sites: Site[] = fixtures.flatMap(({ name, text }) => {
  if (SKIP_LINES.has(name)) return [];
  const lines = text.split('\n');
  return snapshot(text).flatMap((records, block) =>
    records.flatMap((record, r) =>
      DOTTED_FIELDS.flatMap((field) => {
        const value = record[field];
        const line = record.line as number;
        if (typeof value !== 'string' || !/^\d+\.\d+\.\d+\.\d+$/.test(value) || value === '0.0.0.0') return [];
        if (occurrences(lines[line - 1] ?? '', value) !== 1) return [];
        return [{ fixture: name, text, line, token: value, block, record: r, field }];
      }),
    ),
  );
});

function replaceOnLine(text: string, line: number, token: string, by: string): string {
  const lines = text.split('\n');
  const escaped = token.replace(/\./g, '\\.');
  lines[line - 1] = (lines[line - 1] ?? '').replace(new RegExp(`(?<![\\d.])${escaped}(?![\\d.])`), by);
  return lines.join('\n');
}

function without(s: Snapshot, block: number, record: number, field: string): Snapshot {
  return s.map((records, b) => records.map((rec, r) => (b === block && r === record ? Object.fromEntries(Object.entries(rec).filter(([k]) => k !== field)) : rec)));
}

describe('published corpus with one field damaged', () => {
  it('has damage sites in many fixtures', () => {
    expect(new Set(sites.map((s) => s.fixture)).size).toBeGreaterThanOrEqual(8);
  });

  it('a redacted octet makes that field unknown and keeps every other field of every row', () => {
    fc.assert(
      fc.property(fc.constantFrom(...sites), fc.integer({ min: 0, max: 3 }), fc.constantFrom('x', 'xxx', 'X', '*'), (site, octet, mark) => {
        const parts = site.token.split('.');
        parts[octet] = mark;
        const damaged = replaceOnLine(site.text, site.line, site.token, parts.join('.'));
        const before = snapshot(site.text);
        const after = snapshot(damaged);
        expect(after[site.block]?.[site.record]?.[site.field], `${site.fixture} line ${site.line} ${site.field}`).toBeUndefined();
        expect(without(after, site.block, site.record, site.field)).toEqual(without(before, site.block, site.record, site.field));
      }),
      { numRuns: 200 },
    );
  });

  it('a tab inside a dotted value is taken out and every field of every row is read as before', () => {
    fc.assert(
      fc.property(fc.constantFrom(...sites), fc.integer({ min: 1, max: 3 }), (site, dot) => {
        const parts = site.token.split('.');
        const split = `${parts.slice(0, dot).join('.')}.\t${parts.slice(dot).join('.')}`;
        const damaged = replaceOnLine(site.text, site.line, site.token, split);
        expect(snapshot(damaged), `${site.fixture} line ${site.line}: ${split}`).toEqual(snapshot(site.text));
        const warned = readPaste(damaged).blocks[site.block]?.warnings.some((w) => w.line === site.line && w.message.includes('tab inside'));
        expect(warned).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  const headerSites = fixtures.flatMap(({ name, text }) => {
    if (SKIP_HEADER.has(name)) return [];
    return text.split('\n').flatMap((line, index) =>
      ['Netmask', 'Broadcast', 'Gateway'].flatMap((word) => {
        const at = line.indexOf(word);
        // A header line (not a row): the word is there and the line starts with a column name.
        if (at <= 0 || !/^\s*(Interface|Network|Name)\b/.test(line)) return [];
        return [{ fixture: name, text, line: index + 1, word, at }];
      }),
    );
  });

  it('a letter lost in a header word is read through, with a warning, and every field is read as before', () => {
    expect(headerSites.length).toBeGreaterThanOrEqual(8);
    fc.assert(
      fc.property(fc.constantFrom(...headerSites), fc.integer({ min: 1, max: 5 }), (site, cut) => {
        const lines = site.text.split('\n');
        const line = lines[site.line - 1] ?? '';
        const position = site.at + Math.min(cut, site.word.length - 2);
        lines[site.line - 1] = line.slice(0, position) + line.slice(position + 1);
        const damaged = lines.join('\n');
        expect(snapshot(damaged), `${site.fixture} line ${site.line}: ${lines[site.line - 1]}`).toEqual(snapshot(site.text));
      }),
      { numRuns: 150 },
    );
  });
});
