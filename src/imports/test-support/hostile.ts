/**
 * Hostile inputs for the importers, shared by their fuzz test (imports.fuzz.test.ts: never a throw, output
 * bounded) and the benchmark (bench/run.ts: the time per input, which a test does not judge).
 */
import fc from 'fast-check';
import { zipSync } from 'fflate';
import type { EstateFile } from '../import-file.ts';

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
export const hostileFile: fc.Arbitrary<EstateFile> = fc.oneof(
  fc.tuple(fc.constantFrom(...NAMES), anyText).map(([name, text]) => ({ name, kind: 'text' as const, text })),
  fc.tuple(fc.constantFrom(...NAMES), fc.uint8Array({ maxLength: 2000 })).map(([name, bytes]) => ({ name, kind: 'bytes' as const, bytes })),
);

/** Text made of the characters that steer the CSV scanner (quotes, separators, line ends). */
export const csvScannerText = fc.string({ maxLength: 3000, unit: fc.constantFrom('a', ',', '"', '\n', '\r', ';', ' ') });

/** A small workbook-shaped zip, and that zip with up to 8 bytes overwritten. */
export const WORKBOOK_ZIP = zipSync({
  'xl/workbook.xml': new TextEncoder().encode('<workbook><sheets><sheet name="vSC_VMK" sheetId="1" r:id="rId1"/></sheets></workbook>'),
  'xl/_rels/workbook.xml.rels': new TextEncoder().encode('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'),
  'xl/worksheets/sheet1.xml': new Uint8Array(5000),
});
export const zipBytes = fc.oneof(
  fc.uint8Array({ maxLength: 4000 }),
  fc.array(fc.tuple(fc.nat({ max: WORKBOOK_ZIP.length - 1 }), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }).map((edits) => {
    const b = WORKBOOK_ZIP.slice();
    for (const [at, v] of edits) b[at] = v;
    return b;
  }),
);
