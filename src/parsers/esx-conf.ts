/**
 * `/etc/vmware/esx.conf` as printed by `cat` or filtered by `grep` (domain.md §4.12): `path = "value"` lines.
 * Every line is kept in `entries`; `/net/vmkernelnic/child[NNNN]/…` is grouped per child (only keys seen in real
 * files or named in §4.12 are mapped, the rest stay in `entries`), `/adv/X/Y` becomes advanced option `/X/Y`
 * (§1.3: `/adv/Migrate/Vmknic`, `/adv/Migrate/BindToVmknic`, …), `/net/routes/kernel/gateway` the default gateway.
 * The file does not exist as text on 7.0+ (ConfigStore) [U], so expect older hosts and backups.
 */
import type { EvidenceRef } from '../core/model/evidence.ts';
import type { EsxConfRecord } from './records.ts';
import { fail, ok, refOf, withRef } from './types.ts';
import type { CommandParser, Line, ParserWarning } from './types.ts';
import { commandWords, compact, firstTextLine, parseBoolean, parseInteger } from './key-value.ts';

// `grep -n` and multi-file grep prefix lines with `12:` or `/etc/vmware/esx.conf:`; tolerate both.
const ENTRY = /^\s*(?:\S*esx\.conf[:-])?(?:\d+[:-])?\s*(\/[^\s=]+)\s*=\s*(.*?)\s*$/;
const VMKNIC = /^\/net\/vmkernelnic\/child\[(\d+)\]\/(.+)$/i;
const READERS = ['cat', 'grep', 'egrep', 'fgrep', 'less', 'more', 'head', 'tail'];

type Entry = EsxConfRecord['entries'][number];
type VmknicConf = EsxConfRecord['vmknics'][number];
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function readEntry(line: Line): { path: string; value: string } | undefined {
  const m = ENTRY.exec(line.text);
  if (!m) return undefined;
  const raw = m[2] ?? '';
  const quoted = /^"(.*)"$/.exec(raw);
  if (!quoted && raw.includes('"')) return undefined;
  return { path: m[1] ?? '', value: quoted ? (quoted[1] ?? '') : raw };
}

export const esxConfParser: CommandParser<'esx-conf', EsxConfRecord> = {
  kind: 'esx-conf',

  matchesCommand(command) {
    const words = commandWords(command);
    if (!READERS.includes(words[0] ?? '')) return false;
    return words.slice(1).some((w) => /(^|\/)esx\.conf$/i.test(w));
  },

  startsAt(lines, start) {
    const line = lines[start];
    if (line === undefined || readEntry(line) === undefined) return false;
    // Every line of the file looks alike: only the first of a run starts the output.
    const previous = lines[start - 1];
    return previous === undefined || readEntry(previous) === undefined;
  },

  parse(block) {
    const warnings: ParserWarning[] = [];
    const entries: Entry[] = [];
    for (const line of block.lines) {
      if (line.text.trim() === '') continue;
      const e = readEntry(line);
      if (e) entries.push(withRef(e, refOf(block, line)));
      else warnings.push({ line: line.n, message: `Line is not a "path = \\"value\\"" esx.conf line, skipped: "${line.text.trim()}".` });
    }
    if (entries.length === 0) {
      return fail(firstTextLine(block.lines), 'No esx.conf line found: expected lines such as /adv/Migrate/BindToVmknic = "1".', warnings);
    }
    const gateway = entries.find((e) => e.path.toLowerCase() === '/net/routes/kernel/gateway');
    const hostname = entries.find((e) => e.path.toLowerCase() === '/adv/misc/hostname');
    const record: EsxConfRecord = compact<EsxConfRecord>({
      entries,
      vmknics: groupVmknics(entries, warnings),
      advanced: entries
        .filter((e) => /^\/adv\/./i.test(e.path))
        .map((e) => ({ path: e.path.slice('/adv'.length), value: e.value, ref: e.ref })),
      defaultGateway: gateway && gateway.value !== '' ? { address: gateway.value, ref: gateway.ref } : undefined,
      hostname: hostname && hostname.value !== '' ? { name: hostname.value, ref: hostname.ref } : undefined,
    });
    return ok(record, warnings);
  },
};

function groupVmknics(entries: readonly Entry[], warnings: ParserWarning[]): VmknicConf[] {
  const byIndex = new Map<string, { fields: Mutable<Omit<VmknicConf, 'index' | 'refs'>>; refs: EvidenceRef[] }>();
  for (const e of entries) {
    const m = VMKNIC.exec(e.path);
    if (!m) continue;
    const index = m[1] ?? '';
    const child = byIndex.get(index) ?? { fields: {}, refs: [] };
    byIndex.set(index, child);
    child.refs.push(e.ref);
    setField(child.fields, (m[2] ?? '').toLowerCase(), e, warnings);
  }
  return [...byIndex.entries()].map(([index, c]) => compact<VmknicConf>({ index, ...c.fields, refs: c.refs }));
}

function setField(fields: Mutable<Omit<VmknicConf, 'index' | 'refs'>>, key: string, e: Entry, warnings: ParserWarning[]): void {
  const v = e.value;
  const unreadable = () => warnings.push({ line: e.ref.line, message: `${e.path} value "${v}" could not be read; ignored.` });
  switch (key) {
    case 'name':
    case 'ipv4address':
    case 'ipv4netmask':
    case 'mac':
    case 'portgroup':
      if (v !== '' && fields[key] === undefined) fields[key] = v;
      return;
    case 'netstackinstance':
      if (v !== '' && fields.netstack === undefined) fields.netstack = v;
      return;
    case 'mtu': {
      const n = parseInteger(v);
      if (n === undefined) unreadable();
      else if (fields.mtu === undefined) fields.mtu = n;
      return;
    }
    case 'enable':
    case 'dhcp': {
      const b = parseBoolean(v);
      const target = key === 'enable' ? 'enabled' : 'dhcp';
      if (b === undefined) unreadable();
      else if (fields[target] === undefined) fields[target] = b;
      return;
    }
    default:
      return;
  }
}
