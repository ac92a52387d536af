/** The Scan view's table on the 50-host estate: rows, every sort, the filters, paging, and the export. */
import { describe, expect, it } from 'vitest';
import { scanEstate } from '../../../core/estate/index.ts';
import type { ScanResult } from '../../../core/estate/types.ts';
import { importEstate } from '../../../imports/index.ts';
import { exportCsv, exportMarkdown } from './export.ts';
import type { HostRow, SortKey } from './table.ts';
import { DEFAULT_SORT, describeFilter, findingChoices, hostRows, nextSort, NO_FILTER, pageOf, SORT_KEYS, viewRows } from './table.ts';
import { estate50Files } from './test-estate.ts';

function scan(files = estate50Files()): ScanResult {
  const imported = importEstate(Object.entries(files).map(([name, text]) => ({ name, kind: 'text' as const, text })));
  if (!imported.ok) throw new Error(imported.error.message);
  return scanEstate({ hosts: imported.hosts, sources: imported.sources, warnings: imported.warnings });
}

const result = scan();
const rows = hostRows(result);
const names = (rs: readonly HostRow[]) => rs.map((r) => r.name);
const gold = (k: number) => `esx${String(k).padStart(5, '0')}.dc0.example.com`;
const silver = (k: number) => `esx${String(20 + k).padStart(5, '0')}.dc1.example.com`;

describe('hostRows', () => {
  it('has one row per host, with the place, version, risk, findings (own and from pairs) and unknown count', () => {
    expect(rows).toHaveLength(50);
    const g14 = rows.find((r) => r.name === gold(14))!;
    expect(g14).toMatchObject({ where: expect.stringMatching(/ \/ Gold$/), risk: 'blocker', unknown: 2 });
    expect(g14.version).toMatch(/^VMware ESXi 8\.0\.3/);
    expect(g14.findings[0]).toMatchObject({ id: 'NO_VMOTION_VMKNIC', severity: 'blocker', scope: 'host' });
    // gold-00 has no finding of its own, but its pair with gold-04 has an MTU mismatch: that is why its risk is medium (a difference between hosts alone drops nothing).
    const g0 = rows.find((r) => r.name === gold(0))!;
    expect(g0.risk).toBe('medium');
    expect(g0.findings).toEqual([{ id: 'MTU_MISMATCH', severity: 'medium', scope: 'pair', count: 1 }]);
    // gold-09: one MTU_MISMATCH per vmknic on its small vSwitch, shown once with its count.
    expect(rows.find((r) => r.name === gold(9))!.findings).toContainEqual({ id: 'MTU_MISMATCH', severity: 'high', scope: 'host', count: 3 });
  });
});

describe('viewRows', () => {
  it('sorts worst risk first by default, estate order breaking ties', () => {
    const v = viewRows(rows, NO_FILTER, DEFAULT_SORT);
    expect(v[0]!.name).toBe(gold(14));
    // 31 high (gold-09's own MTU fault, the Silver hosts), then the 18 Gold hosts whose only finding is the medium
    // MTU difference with gold-04, each group in estate order.
    expect(v.slice(1, 32).every((r) => r.risk === 'high')).toBe(true);
    expect(v.slice(32).every((r) => r.risk === 'medium')).toBe(true);
    expect(names(v.slice(1, 4))).toEqual([gold(9), silver(0), silver(1)]);
    expect(names(v.slice(32, 35))).toEqual([gold(0), gold(1), gold(2)]);
  });

  it('sorts by every column, both ways, and the two directions are each other reversed (ties aside)', () => {
    for (const key of SORT_KEYS) {
      const up = viewRows(rows, NO_FILTER, { key, direction: 'ascending' });
      const down = viewRows(rows, NO_FILTER, { key, direction: 'descending' });
      expect(up).toHaveLength(50);
      expect(new Set(names(up))).toEqual(new Set(names(down)));
      if (key === 'name') expect(names(down)).toEqual(names(up).reverse());
    }
    expect(viewRows(rows, NO_FILTER, { key: 'version', direction: 'ascending' })[0]!.version).toMatch(/6\.7\.0/);
    expect(viewRows(rows, NO_FILTER, { key: 'version', direction: 'descending' })[0]!.version).toMatch(/8\.0\.3/);
    expect(viewRows(rows, NO_FILTER, { key: 'unknown', direction: 'descending' })[0]!.where).toMatch(/Bronze$/);
    expect(viewRows(rows, NO_FILTER, { key: 'where', direction: 'ascending' })[0]!.where).toBe('vc0.example.com / Gold');
    expect(viewRows(rows, NO_FILTER, { key: 'where', direction: 'descending' })[0]!.where).toBe('vc2.example.com / Bronze');
    // Most findings first: a Silver host (same subnet, management network, flooding, its pairs).
    expect(viewRows(rows, NO_FILTER, { key: 'findings', direction: 'descending' })[0]!.where).toMatch(/Silver$/);
  });

  it('sorts versions by their numbers, then the build (a host whose update is not shown is not put before an older build), then the update', () => {
    const versions = [
      { product: 'VMware ESXi', version: '7.0.3', build: '22348816' }, // U3n, update not shown (RVTools)
      { product: 'VMware ESXi', version: '7.0.3', update: '3', build: '21686933' }, // U3i
      { product: 'VMware ESXi', version: '8.0.10' },
      { product: 'VMware ESXi', version: '8.0.9' },
      { product: 'VMware ESXi', version: '7.0.3', update: '3d' },
      { product: 'VMware ESXi', version: '7.0.3', update: '3c' },
    ];
    const some = { ...result, hosts: result.hosts.slice(0, 7).map((h, i) => ({ ...h, version: versions[i] })) };
    const up = viewRows(hostRows(some), NO_FILTER, { key: 'version', direction: 'ascending' });
    expect(up.map((r) => r.index)).toEqual([6, 5, 4, 1, 0, 3, 2]);
  });

  it('filters by text (name, cluster, finding id; every word), risk and finding id', () => {
    expect(names(viewRows(rows, { ...NO_FILTER, text: 'silver' }, DEFAULT_SORT))).toHaveLength(20);
    expect(names(viewRows(rows, { ...NO_FILTER, text: 'GOLD no_vmotion' }, DEFAULT_SORT))).toEqual([gold(14)]);
    expect(names(viewRows(rows, { ...NO_FILTER, risk: 'blocker' }, DEFAULT_SORT))).toEqual([gold(14)]);
    expect(viewRows(rows, { ...NO_FILTER, risk: 'none' }, DEFAULT_SORT)).toEqual([]);
    expect(names(viewRows(rows, { ...NO_FILTER, finding: 'VMOTION_EGRESS_MISMATCH' }, DEFAULT_SORT))).toEqual([silver(5)]);
    // A pair finding counts for the filter too: gold-04 and its 18 peers (gold-09, with its own, among them).
    expect(viewRows(rows, { ...NO_FILTER, finding: 'MTU_MISMATCH' }, DEFAULT_SORT)).toHaveLength(19);
    expect(names(viewRows(rows, { ...NO_FILTER, finding: 'MTU_MISMATCH' }, DEFAULT_SORT))).not.toContain(gold(14));
    expect(findingChoices(result)[0]).toBe('NO_VMOTION_VMKNIC');
  });

  it('flips the direction on the same column; a new column starts its natural way', () => {
    expect(nextSort(DEFAULT_SORT, 'risk')).toEqual({ key: 'risk', direction: 'ascending' });
    expect(nextSort(DEFAULT_SORT, 'name')).toEqual({ key: 'name', direction: 'ascending' });
    expect(nextSort({ key: 'name', direction: 'ascending' }, 'name')).toEqual({ key: 'name', direction: 'descending' });
    expect(nextSort(DEFAULT_SORT, 'unknown' as SortKey)).toEqual({ key: 'unknown', direction: 'descending' });
  });
});

describe('pageOf', () => {
  it('cuts pages and clamps the page number', () => {
    const items = Array.from({ length: 250 }, (_, i) => i);
    expect(pageOf(items, 0)).toMatchObject({ page: 0, pages: 3, first: 1, last: 100 });
    expect(pageOf(items, 2).items).toHaveLength(50);
    expect(pageOf(items, 9)).toMatchObject({ page: 2, first: 201, last: 250 });
    expect(pageOf([], 3)).toMatchObject({ page: 0, pages: 1, first: 0, last: 0, items: [] });
  });

  it('pages 5,000 rows quickly enough to render a page at a time', () => {
    const many = Array.from({ length: 5000 }, (_, i) => ({ ...rows[i % 50]!, index: i, name: `h${i}` }));
    const v = viewRows(many, { ...NO_FILTER, text: 'gold' }, { key: 'name', direction: 'descending' });
    expect(v).toHaveLength(2000);
    expect(pageOf(v, 0).items).toHaveLength(100);
  });
});

describe('export', () => {
  it('exports the shown rows in the shown order, through the core renderer', () => {
    const v = viewRows(rows, { ...NO_FILTER, text: 'bronze' }, { key: 'name', direction: 'descending' });
    const csv = exportCsv(result, v).trim().split('\r\n');
    expect(csv[0]).toMatch(/^host,vcenter,datacenter,cluster,/);
    expect(csv.slice(1).map((l) => l.split(',')[0])).toEqual(names(v));
    const md = exportMarkdown(result, v, describeFilter({ ...NO_FILTER, text: 'bronze' }));
    expect(md).toContain('Hosts shown: 10 of 50 (filter: text "bronze").');
    expect(exportMarkdown(result, viewRows(rows, NO_FILTER, DEFAULT_SORT), '')).not.toContain('Hosts shown');
  });

  it('neutralises cells that a spreadsheet would run as formulas', () => {
    const files = estate50Files();
    const evil = Object.fromEntries(Object.entries(files).map(([k, t]) => [k, t.replaceAll('esx00001.dc0.example.com', '=SUM(A1:A9)').replaceAll('esx00002.dc0.example.com', '-2+3').replaceAll('Bronze', '@SUM(1)')]));
    const r = scan(evil);
    const csv = exportCsv(r, hostRows(r));
    expect(csv).toContain(`\r\n'=SUM(A1:A9),`);
    expect(csv).toContain(`\r\n'-2+3,`);
    expect(csv).toContain(`,'@SUM(1),`);
    expect(csv.split('\r\n').some((line) => line.split(',').some((cell) => /^[=+\-@]/.test(cell)))).toBe(false);
  });
});
