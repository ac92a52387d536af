/**
 * One host folder's text members → the host model, through the same detector and parsers as pasted text
 * (src/parsers/split.ts, registry.ts, assemble.ts). Each member is cut into blocks by content; the command its
 * file name stands for is attached only when it names the same kind of output (it carries `-i vmkN` and
 * `-N stack`, which the output itself does not print). A member whose content nothing recognises is read by the
 * parser its name points to, as a last resort, and kept only if that parser accepts it.
 *
 * Adds what only a bundle can tell: the `-d` list rule (a setting it does not list is at its build default,
 * bundles.md §1) and the service selection of the host object dump (vimdump.ts).
 */
import { BIND_PATH, AUTOBIND_PATH } from '../core/analysis/binding.ts';
import type { EvidenceRef, ParseWarning } from '../core/model/evidence.ts';
import type { HostModel, Vmknic } from '../core/model/host.ts';
import { DEFAULT_NETSTACK, VMOTION_NETSTACK } from '../core/model/host.ts';
import { autoBindVmknicDefault, releaseFromHostVersion } from '../core/versions.ts';
import { advancedKey, assembleHosts } from '../parsers/assemble.ts';
import type { ParsedBlock } from '../parsers/assemble.ts';
import type { AdvancedSettingRecord } from '../parsers/records.ts';
import { parserFor, PARSERS } from '../parsers/registry.ts';
import { splitPaste } from '../parsers/split.ts';
import { toLines } from '../parsers/types.ts';
import type { Block, CommandKind } from '../parsers/types.ts';
import { commandWords } from '../parsers/values.ts';
import { COLLECTED_COMMANDS } from '../parsers/collector.ts';
import type { HostParts, TextPart } from './collect.ts';
import { missingPieces } from './collect.ts';
import type { BundleProblem } from './limits.ts';
import { problem } from './limits.ts';
import { commandOfFileName, parseTopFolder } from './layout.ts';
import type { MissingOutput, RecognisedOutput } from './types.ts';
import { readVimdump } from './vimdump.ts';
import type { VimdumpServices } from './vimdump.ts';

export interface HostEvidence {
  readonly name: string;
  readonly nameFromFolder: boolean;
  readonly capturedAt?: string;
  readonly kind: 'esxi' | 'unknown';
  readonly readme?: Record<string, string>;
  readonly model?: HostModel;
  readonly warnings: ParseWarning[];
  readonly recognised: RecognisedOutput[];
  readonly unrecognised: string[];
  readonly missing: MissingOutput[];
  readonly problems: BundleProblem[];
}

const utf8 = new TextDecoder('utf-8');

export function hostEvidence(parts: HostParts, label: string): HostEvidence {
  const folder = parseTopFolder(parts.top);
  const prefix = label + (parts.top ? `${parts.top}/` : '');
  const name = folder?.host ?? (parts.top || parts.container || 'host');
  const problems: BundleProblem[] = [];
  const warnings: ParseWarning[] = [];
  const recognised: RecognisedOutput[] = [];
  const unrecognised: string[] = [];
  const parsed: ParsedBlock[] = [];
  let readme: Record<string, string> | undefined;
  let services: { value: VimdumpServices } | undefined;
  let deltaList: { file: string; paths: Set<string>; first: EvidenceRef } | undefined;
  let esxiOutput = false;

  const texts = [...parts.texts.values()].sort((a, b) => a.rel.localeCompare(b.rel));
  for (const part of texts) {
    const file = prefix + part.rel;
    const text = joinPieces(part, file, problems);
    if (text === undefined) continue;
    switch (part.role.kind) {
      case 'readme':
        readme = readReadme(text);
        continue;
      case 'json': {
        // esxcli's JSON layouts are unverified [U bundles.md §1] and no parser reads JSON; a text preamble before
        // the JSON (bundles.md: "sometimes") is still an output the detector may recognise. Pure JSON is passed over
        // silently: the same data is in the text outputs under commands/.
        const found = detect(text, file, commandOfFileName(part.rel.slice(part.rel.lastIndexOf('/') + 1).replace(/\.json$/i, '.txt')), name, warnings, false);
        for (const f of found) {
          recognised.push(f.recognised);
          if (f.parsed) parsed.push(f.parsed);
        }
        continue;
      }
      case 'vimdump': {
        const dump = readVimdump(toLines(text), file);
        if (dump.services) services = { value: dump.services };
        for (const o of dump.options) {
          const record = vimdumpOption(o.key, o.value, o.ref);
          if (record) parsed.push({ kind: 'advcfg-get', block: blockAt(file, name, o.ref), value: record });
        }
        if (dump.services || dump.options.length > 0) recognised.push({ file, kind: 'vimdump', command: part.role.command, how: 'content', parsed: true });
        continue;
      }
      case 'command':
      case 'esx-conf': {
        const hint = part.role.kind === 'command' ? part.role.command : 'cat /etc/vmware/esx.conf';
        const found = detect(text, file, hint, name, warnings);
        if (found.length === 0) {
          unrecognised.push(file);
          continue;
        }
        for (const f of found) {
          recognised.push(f.recognised);
          if (f.parsed) parsed.push(f.parsed);
          if (f.parsed?.kind === 'vmware-version' && /VMware ESXi/.test(text)) esxiOutput = true;
        }
        const delta = deltaOf(hint, found);
        if (delta) deltaList = { file, ...delta };
        continue;
      }
    }
  }

  let model: HostModel | undefined;
  if (parsed.length > 0) {
    const assembled = assembleHosts(parsed, { unnamedHost: () => ({ name, assumed: folder === undefined }) });
    warnings.push(...assembled.warnings);
    model = assembled.hosts[0];
    if (assembled.hosts.length > 1) {
      warnings.push({ file: prefix || name, line: 1, message: `The outputs of ${name} name ${assembled.hosts.length} hosts; only ${model?.name} is analysed.` });
    }
  }
  if (model && services) model = withServices(model, services.value);
  if (model && deltaList) model = withDefaults(model, deltaList);

  const kind = parts.markers.has('esxi') || esxiOutput || (model !== undefined && !parts.markers.has('vcenter')) ? 'esxi' : 'unknown';
  return {
    name: model?.name ?? name,
    nameFromFolder: folder !== undefined,
    ...(folder ? { capturedAt: folder.capturedAt } : {}),
    kind,
    ...(readme ? { readme } : {}),
    ...(model ? { model } : {}),
    warnings,
    recognised,
    unrecognised,
    missing: missingOf(parts, model, recognised),
    problems,
  };
}

/** FRAG pieces joined by byte concatenation in numeric order [V bundles.md §1]; a gap is reported, not hidden. */
function joinPieces(part: TextPart, file: string, problems: BundleProblem[]): string | undefined {
  const numbers = [...part.pieces.keys()].sort((a, b) => a - b);
  if (numbers.length === 0) return undefined;
  const split = numbers.filter((n) => n >= 0);
  if (split.length > 0) {
    const seen = new Set(split);
    if (Math.max(...split) + 1 !== split.length) {
      problems.push(problem('FRAG_GAP', file, `${file} is split into FRAG pieces with ${missingPieces(seen)} missing; the pieces present are joined, so its text has a hole there.`));
    }
  }
  const pieces = (split.length > 0 ? split : numbers).map((n) => part.pieces.get(n) as Uint8Array);
  let size = 0;
  for (const p of pieces) size += p.length;
  const all = new Uint8Array(size);
  let at = 0;
  for (const p of pieces) {
    all.set(p, at);
    at += p.length;
  }
  // UTF-8 with replacement characters: a damaged byte never stops the reading.
  return utf8.decode(all);
}

interface Found {
  readonly recognised: RecognisedOutput;
  readonly parsed?: ParsedBlock;
  readonly records?: number;
}

function hintKind(hint: string): CommandKind | undefined {
  for (const p of PARSERS) {
    try {
      if (p.matchesCommand(hint)) return p.kind;
    } catch {
      // A parser that fails on a name is simply not the one.
    }
  }
  return undefined;
}

function detect(text: string, file: string, hint: string, host: string, warnings: ParseWarning[], byFileName = true): Found[] {
  const split = splitPaste(text, file, PARSERS);
  const byName = hintKind(hint);
  const out: Found[] = [];
  for (const sb of split.blocks) {
    if (sb.kind === null) continue;
    const block: Block = { ...sb.block, host, ...(byName === sb.kind ? { command: hint } : {}) };
    out.push(parseOne(sb.kind, block, file, byName === sb.kind ? hint : undefined, 'content', warnings));
  }
  if (out.length === 0 && byFileName && byName !== undefined && text.trim() !== '') {
    // Nothing recognised by content: the file name's command is tried, and kept only if its parser accepts it.
    const block: Block = { file, host, command: hint, lines: toLines(text.startsWith('\uFEFF') ? text.slice(1) : text) };
    const f = parseOne(byName, block, file, hint, 'file name', []);
    if (f.parsed) out.push(f);
  }
  return out;
}

function parseOne(kind: CommandKind, block: Block, file: string, command: string | undefined, how: RecognisedOutput['how'], warnings: ParseWarning[]): Found {
  let result;
  try {
    result = parserFor(kind).parse(block);
  } catch (e) {
    result = { ok: false as const, error: { line: block.lines[0]?.n ?? 1, message: `the parser stopped unexpectedly (${String(e)})` }, warnings: [] };
  }
  for (const w of result.warnings) warnings.push({ file, line: w.line, message: w.message });
  const recognised: RecognisedOutput = { file, kind, ...(command !== undefined ? { command } : {}), how, parsed: result.ok };
  if (!result.ok) {
    warnings.push({ file, line: result.error.line, message: `The output of ${command ?? kind} in ${file} could not be read: ${result.error.message}` });
    return { recognised };
  }
  const records = Array.isArray(result.value) ? result.value.length : 1;
  return { recognised, parsed: { kind, block, value: result.value } as ParsedBlock, records };
}

/** `esxcli system settings advanced list -d` read and holding at least one setting: the paths it lists. */
function deltaOf(hint: string, found: readonly Found[]): { paths: Set<string>; first: EvidenceRef } | undefined {
  const words = commandWords(hint)?.args ?? [];
  if (!words.some((w) => w === '-d' || w === '--delta')) return undefined;
  const lists = found.filter((f) => f.parsed?.kind === 'advanced-list');
  // An error message or an empty file proves nothing (5.x has no -d; a failed collection prints nothing).
  if (lists.length === 0 || lists.some((f) => !f.recognised.parsed)) return undefined;
  const records = lists.flatMap((f) => (f.parsed?.kind === 'advanced-list' ? f.parsed.value : []));
  const block = lists[0]?.parsed?.block;
  const line = block?.lines.find((l) => l.text.trim() !== '');
  if (records.length === 0 || block === undefined || line === undefined) return undefined;
  // The evidence is the list itself: its first line, the start of the output that does not name the setting.
  return { paths: new Set(records.map((r) => advancedKey(r.path).toLowerCase())), first: { file: block.file, line: line.n, text: line.text } };
}

function withDefaults(model: HostModel, delta: { file: string; paths: Set<string>; first: EvidenceRef }): HostModel {
  const proven: Record<string, EvidenceRef> = {};
  // AutoBindVmknic exists only from 6.0 U3 to 7.0 U2 (domain.md §1.4): a build without it proves nothing about it.
  const autobind = autoBindVmknicDefault(releaseFromHostVersion(model.version)).status;
  const paths = ['absent', 'not-present-old'].includes(autobind) ? [BIND_PATH] : [BIND_PATH, AUTOBIND_PATH];
  for (const path of paths) {
    if (!delta.paths.has(path.toLowerCase()) && model.advanced[path] === undefined) proven[path] = delta.first;
  }
  return Object.keys(proven).length === 0 ? model : { ...model, advancedAtDefault: proven };
}

/** The dump's service selection, for vmknics whose tags no `tag get` output showed. */
function withServices(model: HostModel, services: VimdumpServices): HostModel {
  const vmknics = model.vmknics.map((nic): Vmknic => {
    if (nic.tags !== undefined && nic.tagSource === 'tag-get') return nic;
    const tags = services.tags.get(nic.name);
    if (tags === undefined) return nic;
    // 'export': the vSphere API's view of the host, like PowerCLI's (host-view.ts treats it as the full tag set).
    return { ...nic, tags: [...tags], tagSource: 'export', evidence: [...nic.evidence, ...(services.evidence.get(nic.name) ?? [])] };
  });
  return { ...model, vmknics };
}

function blockAt(file: string, host: string, ref: EvidenceRef): Block {
  return { file, host, lines: [{ n: ref.line, text: ref.text }] };
}

function vimdumpOption(key: string, value: string, ref: EvidenceRef): AdvancedSettingRecord | undefined {
  const path = `/${key.replace('.', '/')}`;
  if (/^-?\d+$/.test(value)) return { path, type: 'integer', intValue: Number(value), ref };
  return { path, type: 'string', stringValue: value, ref };
}

function readReadme(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split(/\r?\n/).slice(0, 60)) {
    const m = /^\s*([A-Za-z][A-Za-z ]{0,40}):\s*(.*)$/.exec(line);
    if (m?.[1] && m[2] !== undefined && !(m[1] in out)) out[m[1].trim()] = m[2].trim().slice(0, 500);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// What the bundle lacks
// ---------------------------------------------------------------------------------------------------------------

/** Outputs that stand in for one another: one of a group is enough. */
const EQUIVALENT: readonly (readonly CommandKind[])[] = [
  ['esxcfg-vmknic', 'interface-list', 'esx-conf'],
  ['esxcfg-route', 'route-ipv4-list'],
  ['vmware-version', 'system-version'],
];

function missingOf(parts: HostParts, model: HostModel | undefined, recognised: readonly RecognisedOutput[]): MissingOutput[] {
  const seen = new Set<string>(recognised.filter((r) => r.parsed).map((r) => r.kind));
  const out: MissingOutput[] = [];
  const hasCommands = [...parts.seen].some((p) => p.startsWith('commands/'));
  const why = hasCommands
    ? 'the bundle does not hold this output'
    : 'the bundle has no commands/ folder: its command manifests were not collected';
  for (const c of COLLECTED_COMMANDS) {
    if (c.perVmknic) {
      for (const nic of model?.vmknics ?? []) {
        if (nic.tags !== undefined) continue;
        if (nic.netstack !== undefined && nic.netstack !== DEFAULT_NETSTACK) continue;
        out.push({ what: `the service tags of ${nic.name}`, command: c.command.replace('$v', nic.name), why: `${why}; ${c.feeds}` });
      }
      continue;
    }
    if (/-N vmotion/.test(c.command)) {
      const onStack = model?.vmknics.some((n) => n.netstack === VMOTION_NETSTACK) ?? false;
      const table = model?.routes.some((r) => r.netstack === VMOTION_NETSTACK) ?? false;
      if (onStack && !table) out.push({ what: 'the routes of the vmotion netstack', command: c.command, why: `${why}; ${c.feeds}` });
      continue;
    }
    if (/\/Migrate\/(\w+)/.test(c.command)) {
      const path = `/Migrate/${/\/Migrate\/(\w+)/.exec(c.command)?.[1] ?? ''}`;
      const known = model?.advanced[path] !== undefined || model?.advancedAtDefault?.[path] !== undefined;
      // AutoBindVmknic exists only from 6.0 U3 to 7.0 U2 (domain.md §1.4): not asked for where the build lacks it.
      const absent = path === AUTOBIND_PATH && ['absent', 'not-present-old'].includes(autoBindVmknicDefault(releaseFromHostVersion(model?.version)).status);
      if (!known && !absent) out.push({ what: `the value of ${path}`, command: c.command, why: `${why}; ${c.feeds}` });
      continue;
    }
    if (c.kind === 'esx-conf') continue; // only 5.x needs it, and a bundle copies esx.conf itself
    if (seen.has(c.kind)) continue;
    const group = EQUIVALENT.find((g) => g.includes(c.kind));
    if (group && group.some((k) => seen.has(k))) continue;
    if (out.some((m) => m.command === c.command)) continue;
    out.push({ what: c.feeds, command: c.command, why });
  }
  const logs = [...parts.logs.values()];
  if (!logs.some((l) => l.log === 'vmkernel')) {
    out.push({
      what: 'vmkernel.log (past vMotion streams and their addresses)',
      command: 'zcat -f /var/run/log/vmkernel.* | grep -E "Migrate:|VMotion:"',
      why: 'the bundle holds no vmkernel log: its log manifest (Logs:System) was likely not collected',
    });
  }
  return out;
}
