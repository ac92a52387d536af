/**
 * One file in → the facts it holds, whatever it is: an RVTools workbook (its sheets already read as tables by the
 * Node side, src/node/xlsx.ts) or per-tab CSV, a PowerCLI CSV or JSON export, the ESXCLI tag output, the collector
 * JSON, or a pasted ESXi session (the paste parsers). Recognised from the content (headers, JSON shape), the file
 * name only naming the RVTools tab. A file that is none of these gets one sentence naming it and what was expected.
 * Pure and never throws.
 */
import type { HostModel } from '../core/model/host.ts';
import { loadEvidence, MAX_INPUT_CHARS } from '../parsers/index.ts';
import { readCollector, isCollectorJson } from './collector.ts';
import { readCsv } from './csv.ts';
import { decodeText } from './decode.ts';
import type { FormatId, HostFacts, ImportOutcome } from './facts.ts';
import { FactsBuilder } from './facts.ts';
import type { PowercliKind } from './powercli.ts';
import { powercliKind, readEsxcliTags, readPowercliAdvanced, readPowercliVmk } from './powercli.ts';
import type { UsedTab } from './rvtools.ts';
import { canonicalTab, readRvtoolsTab, tabFromFileName, tabFromHeader, USED_TABS } from './rvtools.ts';
import type { Table } from './table.ts';
import { tableFromJson } from './table.ts';

/** A sheet of a workbook, read into a table (the Node side streams only the sheets the scan uses). */
export interface SheetTable {
  readonly name: string;
  readonly table: Table;
}

export type EstateFile =
  | { readonly name: string; readonly kind: 'bytes'; readonly bytes: Uint8Array }
  | { readonly name: string; readonly kind: 'text'; readonly text: string }
  | { readonly name: string; readonly kind: 'workbook'; readonly sheets: readonly SheetTable[]; readonly otherSheets: readonly string[] };

export const EXPECTED =
  'expected an RVTools export (xlsx, or a tab as CSV such as RVTools_tabvSC_VMK.csv), a PowerCLI CSV or JSON export of Get-VMHostNetworkAdapter -VMKernel or Get-AdvancedSetting, the ESXCLI interface tag output, the collector JSON, or pasted ESXi command output';

/** JSON arrays longer than this are not an export of one vCenter. */
const MAX_JSON_ROWS = 500_000;

/** One sentence on one line: control characters from the file (in a parser's message) become spaces. */
function fail(file: string, message: string): ImportOutcome {
  // eslint-disable-next-line no-control-regex
  return { ok: false, error: { file, message: message.replace(/[\u0000-\u001f\u007f]/g, ' ') } };
}

export function importFile(file: EstateFile): ImportOutcome {
  try {
    if (file.kind === 'workbook') return importWorkbook(file.name, file.sheets, file.otherSheets);
    let text: string;
    if (file.kind === 'bytes') {
      const decoded = decodeText(file.name, file.bytes);
      if (!decoded.ok) return fail(file.name, decoded.message);
      text = decoded.text;
    } else text = file.text;
    if (text.length > MAX_INPUT_CHARS) return fail(file.name, `${file.name} holds more than ${MAX_INPUT_CHARS / 1024 / 1024} Mi characters: no export of one vCenter is that large`);
    if (text.trim() === '') return fail(file.name, `${file.name} is empty: ${EXPECTED}`);
    return importText(file.name, text);
  } catch (e) {
    // The readers are written not to throw; this guard turns a bug into a sentence instead of a crash.
    return fail(file.name, `${file.name} could not be read (internal error: ${e instanceof Error ? e.message : String(e)})`);
  }
}

function importWorkbook(name: string, sheets: readonly SheetTable[], other: readonly string[]): ImportOutcome {
  const b = new FactsBuilder(name);
  const used = sheets.filter((s) => (USED_TABS as readonly string[]).includes(canonicalTab(s.name) ?? ''));
  if (!used.some((s) => canonicalTab(s.name) === 'vSC_VMK' || canonicalTab(s.name) === 'vHost')) {
    return fail(name, `${name} is a workbook without a vSC_VMK or vHost sheet, so it is not an RVTools export (${EXPECTED})`);
  }
  for (const s of used) {
    const tab = canonicalTab(s.name) as UsedTab;
    const bad = readRvtoolsTab(b, tab, s.table, true);
    if (bad) b.notes.push(`sheet ${s.name}: ${bad}; it was not used.`);
  }
  const ignored = other.filter((o) => canonicalTab(o) === undefined);
  if (ignored.length > 0) b.notes.push(`sheets not from RVTools, ignored: ${ignored.slice(0, 10).join(', ')}${ignored.length > 10 ? ' …' : ''}.`);
  return { ok: true, value: b.build('rvtools-xlsx') };
}

function looksLikeJson(text: string): boolean {
  const c = text.trimStart()[0];
  return c === '{' || c === '[';
}

function importText(name: string, text: string): ImportOutcome {
  if (looksLikeJson(text)) {
    const json = importJson(name, text);
    if (json.ok || !json.notJson) return json;
    // A pasted session starts with `[` too (`[root@esx01:~] esxcfg-vmknic -l`): text that does not parse as JSON is
    // read as a paste, and refused as broken JSON only when no ESXi output is found in it either.
    const pasted = importPaste(name, text);
    return pasted.ok ? pasted : json;
  }
  const first = text.replace(/^\uFEFF/, '').trimStart();
  const firstLine = first.slice(0, first.search(/\r?\n|$/));
  const csvLike = /\.csv$/i.test(name) || (/[,;\t]/.test(firstLine) && !/^\[[^\]]*@[^\]]*\]|^~ #/.test(firstLine));
  if (csvLike) {
    const csv = readCsv(name, text);
    if (csv.ok) {
      const done = importTable(name, csv.table, 'csv');
      if (done) return done;
    } else if (/\.csv$/i.test(name)) {
      return fail(name, `${name} cannot be read as CSV at line ${csv.line}: ${csv.message}`);
    }
  }
  return importPaste(name, text);
}

/** A table from CSV or JSON → RVTools tab or PowerCLI export; undefined when it is neither. */
function importTable(name: string, table: Table, how: 'csv' | 'json'): ImportOutcome | undefined {
  const tabByName = how === 'csv' ? tabFromFileName(name) : undefined;
  const tab = (tabByName !== undefined && (USED_TABS as readonly string[]).includes(tabByName) ? (tabByName as UsedTab) : undefined) ?? tabFromHeader(table.header);
  if (tabByName !== undefined && tab === undefined) {
    // An RVTools tab the scan does not use (vInfo, vDisk…): not an error, nothing to take from it.
    const b = new FactsBuilder(name);
    b.tabs.push(tabByName);
    for (const _row of table.rows([])) b.rows++;
    b.notes.push(`RVTools tab ${tabByName} is not used by the scan (it uses vSC_VMK, vHost, vSwitch, vPort, dvSwitch, dvPort).`);
    return { ok: true, value: b.build('rvtools-csv') };
  }
  if (tab !== undefined) {
    const b = new FactsBuilder(name);
    const bad = readRvtoolsTab(b, tab, table, false);
    if (bad) return fail(name, `${name} looks like the RVTools ${tab} tab but ${bad}`);
    return { ok: true, value: b.build('rvtools-csv') };
  }
  const kind = powercliKind(table.header);
  if (kind === undefined) return undefined;
  return importPowercli(name, table, kind, how);
}

const FORMAT_OF: Readonly<Record<PowercliKind, Readonly<Record<'csv' | 'json', FormatId>>>> = {
  vmk: { csv: 'powercli-vmk-csv', json: 'powercli-vmk-json' },
  advanced: { csv: 'powercli-advanced-csv', json: 'powercli-advanced-json' },
  tags: { csv: 'esxcli-tags-csv', json: 'esxcli-tags-json' },
};

function importPowercli(name: string, table: Table, kind: PowercliKind, how: 'csv' | 'json'): ImportOutcome {
  const b = new FactsBuilder(name);
  const format = FORMAT_OF[kind][how];
  const read = kind === 'vmk' ? readPowercliVmk : kind === 'advanced' ? readPowercliAdvanced : readEsxcliTags;
  const bad = read(b, table, format);
  if (bad) return fail(name, `${name} cannot be used: ${bad}`);
  return { ok: true, value: b.build(format) };
}

/** `notJson`: the text does not parse as JSON at all (then it may still be a paste). */
function importJson(name: string, text: string): ImportOutcome & { readonly notJson?: true } {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ...fail(name, `${name} is not valid JSON (${e instanceof Error ? e.message.slice(0, 120) : 'parse error'}): ${EXPECTED}`), notJson: true };
  }
  if (isCollectorJson(data)) {
    const b = new FactsBuilder(name);
    const bad = readCollector(b, data);
    if (bad) return fail(name, `${name} cannot be used: ${bad}`);
    return { ok: true, value: b.build('collector-json') };
  }
  const table = tableFromJson(name, data, MAX_JSON_ROWS);
  const done = table ? importTable(name, table, 'json') : undefined;
  return done ?? fail(name, `${name} is JSON but not a supported export: ${EXPECTED}`);
}

/** A pasted ESXi session: the paste parsers' hosts, as facts (they have no vCenter or cluster). */
function importPaste(name: string, text: string): ImportOutcome {
  const loaded = loadEvidence([{ file: name, text }]);
  if (!loaded.ok) return fail(name, loaded.error.code === 'INPUT_UNRECOGNIZED' ? `${name} is not a supported export: ${EXPECTED}` : loaded.error.message);
  const b = new FactsBuilder(name);
  b.rows = text.split('\n').length;
  for (const w of loaded.warnings.slice(0, 200)) b.skip(w.line, w.message);
  for (const m of loaded.hosts) {
    if (m.nameAssumed) b.notes.push(`no host name in ${name} (no prompt or hostname output): its host is called "${m.name}".`);
    const facts = factsOfModel(m, name);
    b.addHost(facts);
  }
  return { ok: true, value: b.build('esxi-paste') };
}

export function factsOfModel(m: HostModel, file: string): HostFacts {
  return {
    name: m.name,
    ...(m.version ? { version: m.version } : {}),
    ...(m.defaultGateway ? { defaultGateway: m.defaultGateway } : {}),
    vmknics: m.vmknics.map((v) => ({ ...v, ipv6: [...v.ipv6], evidence: [...v.evidence] })),
    advanced: { ...m.advanced },
    ...(m.routes.length > 0 ? { routes: [...m.routes] } : {}),
    ...(m.netstacks ? { netstacks: [...m.netstacks] } : {}),
    switches: m.vswitches.map((s) => ({
      name: s.name,
      kind: s.kind,
      ...(s.mtu !== undefined ? { mtu: s.mtu } : {}),
      uplinks: [...s.uplinks],
      portGroups: s.portGroups.map((p) => ({ name: p.name, ...(p.vlan !== undefined ? { vlan: p.vlan } : {}), uplinks: [...p.uplinks] })),
      dvPorts: s.dvPorts.map((d) => ({ ...d })),
      evidence: s.evidence,
    })),
    nics: [...m.nics],
    ...(m.netconfigSelectedVnic !== undefined ? { netconfigSelectedVnic: m.netconfigSelectedVnic } : {}),
    ...(m.pings ? { pings: [...m.pings] } : {}),
    seen: [...m.commandsSeen],
    evidence: m.vmknics[0]?.evidence[0] ?? { file, line: 1, text: m.name },
  };
}

