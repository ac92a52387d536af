import { describe, expect, it } from 'vitest';
import type { ImportedHost } from '../model/imported.ts';
import { newCase, type CaseFile } from './case-file.ts';
import { MAX_IMPORTED_HOSTS } from './imported-host.ts';
import { bundleHost, estateHost } from './imported.test-support.ts';
import { parseCase } from './parse.ts';
import { serializeCase } from './serialize.ts';

const CASE: CaseFile = { ...newCase('2026-11-25T09:30:00.000Z', 'snapshots'), title: 'esx21 → esx02', imported: [bundleHost(), estateHost()] };

function parsed(text: string): CaseFile {
  const r = parseCase(text, { name: 'x.vpdcase' });
  if (!r.ok) throw new Error(r.error);
  return r.case;
}

/** The case as JSON, changed by `edit`, and the one sentence parseCase answers for it. */
function errorAfter(edit: (o: any) => void): string {
  const o = JSON.parse(serializeCase(CASE));
  edit(o);
  const r = parseCase(JSON.stringify(o), { name: 'x.vpdcase' });
  if (r.ok) throw new Error('expected the case to be refused');
  return r.error;
}

describe('imported hosts in a case file', () => {
  it('read back exactly, every optional field of every record included', () => {
    expect(parseCase(serializeCase(CASE))).toEqual({ ok: true, case: CASE });
  });

  it('are written right after the evidence, and the same hosts give the same bytes whatever their key order', () => {
    const text = serializeCase(CASE);
    expect(Object.keys(JSON.parse(text))).toEqual(['format', 'version', 'createdAt', 'updatedAt', 'title', 'migration', 'evidence', 'imported', 'answers', 'notes']);
    expect(serializeCase(parsed(text))).toBe(text);
    // Keys in another order (as another code path may build the record) still give the same file.
    const reversed = (v: unknown): unknown =>
      Array.isArray(v) ? v.map(reversed) : v !== null && typeof v === 'object' ? Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reversed(x)])) : v;
    expect(serializeCase({ ...CASE, imported: reversed(CASE.imported) as ImportedHost[] })).toBe(text);
  });

  it('are left out of the file when there are none, and an empty list reads as none', () => {
    const none = serializeCase({ ...CASE, imported: [] });
    expect(none).not.toContain('"imported"');
    const o = JSON.parse(none);
    o.imported = [];
    expect(parsed(JSON.stringify(o))).not.toHaveProperty('imported');
  });

  it('keep a record\'s unknown keys out (only the model\'s own fields are read)', () => {
    const o = JSON.parse(serializeCase(CASE));
    o.imported[0].model.vmknics[0].injected = '<script>';
    o.imported[0].extra = 1;
    expect(parsed(JSON.stringify(o))).toEqual(CASE);
  });

  it('keep an advanced option named __proto__ as a plain key (no prototype pollution)', () => {
    const o = JSON.parse(serializeCase(CASE));
    o.imported[0].model.advanced = JSON.parse('{"__proto__": {"value": 1, "evidence": {"file": "f", "line": 1, "text": "t"}}}');
    const advanced = parsed(JSON.stringify(o)).imported![0]!.model.advanced;
    expect(Object.keys(advanced)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(advanced)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).value).toBeUndefined();
  });

  it('200 hosts (a whole cluster) open', () => {
    const many = Array.from({ length: 200 }, (_, i) => bundleHost(`esx${String(i + 1).padStart(3, '0')}.lab.local`, `imported-${i + 1}`));
    const big: CaseFile = { ...CASE, imported: many };
    const text = serializeCase(big);
    const r = parseCase(text);
    expect(r.ok && r.case.imported?.length).toBe(200);
    expect(r.ok && r.case).toEqual(big);
    // A few KB per host: 200 hosts stay far below the 64 MiB a case may hold.
    expect(text.length / 200).toBeLessThan(16 * 1024);
  });
});

describe('a damaged imported host gets one sentence naming the host and the field', () => {
  const H1 = 'x.vpdcase is damaged: imported host 1 (esx21.lab.local): ';
  const H2 = 'x.vpdcase is damaged: imported host 2 (esx02): ';
  const cases: [string, (o: any) => void, string][] = [
    // The list and the record
    ['imported not a list', (o) => (o.imported = { esx: 1 }), 'x.vpdcase is damaged: "imported" must be a list of imported hosts, found an object'],
    ['a host not an object', (o) => (o.imported[1] = 'esx02'), 'x.vpdcase is damaged: imported host 2 must be an object, found the text "esx02"'],
    ['id missing', (o) => delete o.imported[0].id, `${H1}"id" must be a text, found nothing`],
    ['id empty', (o) => (o.imported[1].id = ''), `${H2}"id" must not be empty`],
    ['id repeated', (o) => (o.imported[1].id = 'imported-1'), `${H2}"id" repeats the id "imported-1" of an earlier imported host`],
    ['origin unknown', (o) => (o.imported[1].origin = 'ftp'), `${H2}"origin" must be "bundle" or "estate", found the text "ftp"`],
    ['detail a number', (o) => (o.imported[0].detail = 7), `${H1}"detail" must be a text, found the number 7`],
    ['model missing', (o) => delete o.imported[1].model, 'x.vpdcase is damaged: imported host 2: "model" must be an object, found nothing'],
    ['host name unreadable', (o) => (o.imported[1].model.name = 7), 'x.vpdcase is damaged: imported host 2: "model.name" must be a text, found the number 7'],
    ['gaps not a list', (o) => (o.imported[1].gaps = 'none'), `${H2}"gaps" must be a list of gaps, found the text "none"`],
    ['gap without its command', (o) => delete o.imported[0].gaps[0].fill, `${H1}"gaps[0].fill" must be a text, found nothing`],
    ['warning line null', (o) => (o.imported[0].warnings[0].line = null), `${H1}"warnings[0].line" must be a number, found null`],
    // HostModel
    ['nameAssumed a text', (o) => (o.imported[1].model.nameAssumed = 'no'), `${H2}"model.nameAssumed" must be true or false, found the text "no"`],
    ['defaultGateway a list', (o) => (o.imported[0].model.defaultGateway = []), `${H1}"model.defaultGateway" must be a text, found a list`],
    ['netstacks with a number', (o) => (o.imported[0].model.netstacks = ['vmotion', 1]), `${H1}"model.netstacks[1]" must be a text, found the number 1`],
    ['commandsSeen a text', (o) => (o.imported[0].model.commandsSeen = 'vmware -vl'), `${H1}"model.commandsSeen" must be a list of texts, found the text "vmware -vl"`],
    ['netconfigSelectedVnic a number', (o) => (o.imported[0].model.netconfigSelectedVnic = 0), `${H1}"model.netconfigSelectedVnic" must be a text or null, found the number 0`],
    ['vmknics missing', (o) => delete o.imported[1].model.vmknics, `${H2}"model.vmknics" must be a list of VMkernel adapters, found nothing`],
    // Vmknic
    ['vmknic ipv6 a number', (o) => (o.imported[1].model.vmknics[0].ipv6 = 3), `${H2}"model.vmknics[0].ipv6" must be a list of texts, found the number 3`],
    ['vmknic ipv6 item a number', (o) => (o.imported[0].model.vmknics[0].ipv6 = ['fe80::1/64', 3]), `${H1}"model.vmknics[0].ipv6[1]" must be a text, found the number 3`],
    ['vmknic mtu a text', (o) => (o.imported[0].model.vmknics[1].mtu = '9000'), `${H1}"model.vmknics[1].mtu" must be a number, found the text "9000"`],
    ['vmknic enabled a number', (o) => (o.imported[0].model.vmknics[1].enabled = 1), `${H1}"model.vmknics[1].enabled" must be true or false, found the number 1`],
    ['vmknic tagSource unknown', (o) => (o.imported[0].model.vmknics[0].tagSource = 'guess'), `${H1}"model.vmknics[0].tagSource" must be "tag-get", "netconfig", "esx.conf", "advanced" or "export", found the text "guess"`],
    ['vmknic addressType lower case', (o) => (o.imported[0].model.vmknics[0].addressType = 'static'), `${H1}"model.vmknics[0].addressType" must be "STATIC", "DHCP" or "NONE", found the text "static"`],
    ['vmknic tags an object', (o) => (o.imported[0].model.vmknics[0].tags = {}), `${H1}"model.vmknics[0].tags" must be a list of texts, found an object`],
    // EvidenceRef
    ['evidence line a text', (o) => (o.imported[0].model.vmknics[0].evidence[0].line = '12'), `${H1}"model.vmknics[0].evidence[0].line" must be a number, found the text "12"`],
    ['evidence item a text', (o) => (o.imported[0].model.vmknics[0].evidence = ['vmk0 up']), `${H1}"model.vmknics[0].evidence[0]" must be an object, found the text "vmk0 up"`],
    // Route
    ['route order missing', (o) => delete o.imported[0].model.routes[1].order, `${H1}"model.routes[1].order" must be a number, found nothing`],
    ['route evidence a list', (o) => (o.imported[0].model.routes[0].evidence = []), `${H1}"model.routes[0].evidence" must be an object, found a list`],
    // VSwitch, port groups, DVPorts
    ['vswitch kind unknown', (o) => (o.imported[0].model.vswitches[1].kind = 'dvs'), `${H1}"model.vswitches[1].kind" must be "standard" or "distributed", found the text "dvs"`],
    ['port group vlan a text', (o) => (o.imported[0].model.vswitches[0].portGroups[0].vlan = 'x'), `${H1}"model.vswitches[0].portGroups[0].vlan" must be a number, found the text "x"`],
    ['DVPort client null', (o) => (o.imported[0].model.vswitches[1].dvPorts[0].client = null), `${H1}"model.vswitches[1].dvPorts[0].client" must be a text, found null`],
    // PhysicalNic
    ['nic linkUp a text', (o) => (o.imported[0].model.nics[0].linkUp = 'up'), `${H1}"model.nics[0].linkUp" must be true or false, found the text "up"`],
    ['nic speed a text', (o) => (o.imported[0].model.nics[0].speedMbps = '10G'), `${H1}"model.nics[0].speedMbps" must be a number, found the text "10G"`],
    // HostVersion
    ['build a number', (o) => (o.imported[0].model.version.build = 22348816), `${H1}"model.version.build" must be a text, found the number 22348816`],
    ['version evidence an object', (o) => (o.imported[0].model.version.evidence = {}), `${H1}"model.version.evidence" must be a list of evidence lines, found an object`],
    // AdvancedValue and the at-default list
    ['advanced a list', (o) => (o.imported[0].model.advanced = []), `${H1}"model.advanced" must be an object of advanced option values, found a list`],
    ['advanced value true', (o) => (o.imported[0].model.advanced['/Migrate/BindToVmknic'].value = true), `${H1}"model.advanced['/Migrate/BindToVmknic'].value" must be a text or a number, found true`],
    ['advanced default an object', (o) => (o.imported[0].model.advanced['/Migrate/Vmknic'].defaultValue = {}), `${H1}"model.advanced['/Migrate/Vmknic'].defaultValue" must be a text or a number, found an object`],
    ['at-default evidence file a number', (o) => (o.imported[0].model.advancedAtDefault['/Net/TcpipDefLROEnabled'].file = 1), `${H1}"model.advancedAtDefault['/Net/TcpipDefLROEnabled'].file" must be a text, found the number 1`],
    // PingResult
    ['ping dontFragment a text', (o) => (o.imported[0].model.pings[0].dontFragment = 'yes'), `${H1}"model.pings[0].dontFragment" must be true or false, found the text "yes"`],
    ['ping size missing', (o) => delete o.imported[0].model.pings[1].size, `${H1}"model.pings[1].size" must be a number, found nothing`],
    // ObservedMigration
    ['observed traffic unknown', (o) => (o.imported[0].observed[0].traffic = 'ssh'), `${H1}"observed[0].traffic" must be "vmotion" or "nfc", found the text "ssh"`],
    ['observed direction unknown', (o) => (o.imported[0].observed[0].direction = 'out'), `${H1}"observed[0].direction" must be "outgoing", "incoming" or "unknown", found the text "out"`],
    ['observed encrypted a boolean', (o) => (o.imported[0].observed[0].encrypted = true), `${H1}"observed[0].encrypted" must be "yes", "no" or "unknown", found true`],
    ['observed outcome unknown', (o) => (o.imported[0].observed[1].outcome = 'ok'), `${H1}"observed[1].outcome" must be "failed" or "no-failure-logged", found the text "ok"`],
    ['observed count a text', (o) => (o.imported[0].observed[1].count = '2'), `${H1}"observed[1].count" must be a number, found the text "2"`],
    ['observed addresses a text', (o) => (o.imported[0].observed[0].destAddresses = '172.16.10.122'), `${H1}"observed[0].destAddresses" must be a list of texts, found the text "172.16.10.122"`],
    ['observed evidence missing', (o) => delete o.imported[0].observed[0].evidence, `${H1}"observed[0].evidence" must be a list of evidence lines, found nothing`],
    // Caps
    ['too many vmknics', (o) => (o.imported[1].model.vmknics = Array.from({ length: 1001 }, () => o.imported[1].model.vmknics[0])), `${H2}"model.vmknics" holds 1001 entries, more than the 1000 a case keeps`],
    ['too many hosts', (o) => (o.imported = Array.from({ length: MAX_IMPORTED_HOSTS + 1 }, () => ({}))), `x.vpdcase is damaged: "imported" holds ${MAX_IMPORTED_HOSTS + 1} hosts, more than the ${MAX_IMPORTED_HOSTS} a case keeps`],
  ];
  for (const [what, edit, sentence] of cases) {
    it(what, () => {
      expect(errorAfter(edit)).toBe(`${sentence}. Nothing was opened.`);
    });
  }

  it('a long host name is shortened in the sentence', () => {
    const e = errorAfter((o) => {
      o.imported[0].model.name = `esx-${'a'.repeat(80)}`;
      o.imported[0].origin = 'usb';
    });
    expect(e).toBe(`x.vpdcase is damaged: imported host 1 (esx-${'a'.repeat(33)}…): "origin" must be "bundle" or "estate", found the text "usb". Nothing was opened.`);
  });

  it('a version 2 case\'s "imported" field is not read (version 2 had none)', () => {
    const o = JSON.parse(serializeCase(CASE));
    o.version = 2;
    o.imported = 'garbage';
    const r = parseCase(JSON.stringify(o));
    expect(r.ok && r.migratedFrom).toBe(2);
    expect(r.ok && r.case).not.toHaveProperty('imported');
  });
});
