/**
 * Every importer on hostile input: never a throw, never a hang (a time budget per input), output bounded by the
 * input. `npm test` runs a few hundred inputs per property; `FUZZ_RUNS=100000` (npm run fuzz) runs 10^5.
 */
import fc from 'fast-check';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { scanEstate } from '../core/estate/index.ts';
import { readCsv } from './csv.ts';
import { importEstate } from './import-estate.ts';
import type { EstateFile } from './import-file.ts';
import { importFile } from './import-file.ts';
import { slimWorkbook } from './xlsx-slim.ts';
import { inspectZip } from './zip-guard.ts';

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 200);
const TIMEOUT = Math.max(30_000, RUNS * 20);
/** Per input of at most a few KB: anything slower is a hang (or quadratic behaviour). */
const BUDGET_MS = 250;

const HEADERS = [
  'Host,Datacenter,Cluster,Port Group,Device,Mac Address,DHCP,IP Address,IP 6 Address,Subnet mask,Gateway,IP 6 Gateway,MTU,VI SDK Server,VI SDK UUID',
  'Host,Datacenter,Cluster,ESX Version,VI SDK Server',
  'Host,Datacenter,Cluster,Switch,# Ports,MTU,VI SDK Server',
  'Host,Datacenter,Cluster,Port Group,Switch,VLAN,VI SDK Server',
  'Switch,Datacenter,Name,Host members,Max MTU,VI SDK Server',
  'Port,Switch,Type,VLAN,VI SDK Server',
  '"VMHost","Name","IP","SubnetMask","Mtu","PortGroupName","ManagementTrafficEnabled","VMotionEnabled","ProvisioningEnabled"',
  'Entity;Name;Value;Type',
  'VMHost,Interface,Tags',
];
const CELLS = ['esx01.lab.local', 'ESX01', 'vmk0', 'vmk1', 'vmk99999999999', '10.0.0.1', '255.255.255.0', '24', '9000', '9,000', '-1', 'True', 'FALSE', 'System.String[]', 'VMware ESXi 8.0.3 build-24859861', '=cmd|"/c calc"!A0', '../../etc/passwd', '"', '""', '\r', '\n', ';', ',', '\t', '\u0000', 'Migrate.BindToVmknic', 'Management,VMotion', '', ' ', 'Ä', '\uFEFF'];
const NAMES = ['RVTools_tabvSC_VMK.csv', 'RVTools_tabvHost.csv', 'RVTools_tabvPort.csv', 'RVTools_tabdvPort.csv', 'vmk.csv', 'export.json', 'session.txt', 'RVTools_tabvInfo.csv'];

const cell = fc.oneof(fc.constantFrom(...CELLS), fc.string({ maxLength: 20 }));
const csvText = fc
  .tuple(fc.constantFrom(...HEADERS), fc.array(fc.array(cell, { maxLength: 18 }), { maxLength: 20 }), fc.constantFrom(',', ';', '\t'), fc.constantFrom('\n', '\r\n', '\r'), fc.boolean())
  .map(([header, rows, delim, eol, typeLine]) => (typeLine ? `#TYPE Selected.Foo${eol}` : '') + [header, ...rows.map((r) => r.join(delim))].join(eol));
const jsonText = fc.oneof(
  fc.json({ maxDepth: 4 }),
  fc.array(fc.dictionary(fc.constantFrom('VMHost', 'Name', 'IP', 'Mtu', 'VMotionEnabled', 'Entity', 'Value', 'Tags', 'Interface'), fc.jsonValue({ maxDepth: 2 })), { maxLength: 10 }).map((a) => JSON.stringify(a)),
  fc
    .record({ hosts: fc.array(fc.dictionary(fc.constantFrom('name', 'cluster', 'vmknics', 'routes', 'advanced', 'switches', 'nics', 'version', 'netstacks'), fc.jsonValue({ maxDepth: 3 })), { maxLength: 5 }) })
    .map((r) => JSON.stringify({ schema: 'vmotion-path-doctor/estate', schemaVersion: 1, ...r })),
);
const anyText = fc.oneof(csvText, jsonText, fc.string({ maxLength: 2000 }), fc.string({ maxLength: 500, unit: 'binary' }));
const file: fc.Arbitrary<EstateFile> = fc.oneof(
  fc.tuple(fc.constantFrom(...NAMES), anyText).map(([name, text]) => ({ name, kind: 'text' as const, text })),
  fc.tuple(fc.constantFrom(...NAMES), fc.uint8Array({ maxLength: 2000 })).map(([name, bytes]) => ({ name, kind: 'bytes' as const, bytes })),
);

function timed<T>(f: () => T): T {
  const start = performance.now();
  const out = f();
  expect(performance.now() - start).toBeLessThan(BUDGET_MS);
  return out;
}

describe('importers on hostile input', () => {
  it('importFile never throws, stays within its time budget, and finds no more hosts than rows', () => {
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
      fc.property(fc.string({ maxLength: 3000, unit: fc.constantFrom('a', ',', '"', '\n', '\r', ';', ' ') }), (text) => {
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
    const zip = zipSync({
      'xl/workbook.xml': new TextEncoder().encode('<workbook><sheets><sheet name="vSC_VMK" sheetId="1" r:id="rId1"/></sheets></workbook>'),
      'xl/_rels/workbook.xml.rels': new TextEncoder().encode('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'),
      'xl/worksheets/sheet1.xml': new Uint8Array(5000),
    });
    const mutated = fc.array(fc.tuple(fc.nat({ max: zip.length - 1 }), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }).map((edits) => {
      const b = zip.slice();
      for (const [at, v] of edits) b[at] = v;
      return b;
    });
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 4000 }), mutated), (bytes) => {
        const r = timed(() => inspectZip(bytes));
        expect(typeof r.ok).toBe('boolean');
        // What passes the guard is slimmed next: that must not throw either.
        if (r.ok) expect(typeof timed(() => slimWorkbook(bytes, () => true)).ok).toBe('boolean');
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);
});
