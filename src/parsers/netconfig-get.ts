/**
 * `vim-cmd hostsvc/vmotion/netconfig_get` (domain.md §4.14, layout reconstructed [U]): a vmodl dump of
 * `VMotionSystem.NetConfig`. `selectedVnic` names the vMotion vmknic as `…VMotionConfig.vmotion.key-vim.host.
 * VirtualNic-vmkN…`, or is `<unset>` (no vMotion vmknic); the candidates are the `device = "vmkN"` lines.
 */
import type { NetconfigRecord } from './records.ts';
import { fail, ok, refOf } from './types.ts';
import type { CommandParser, Line, ParserWarning } from './types.ts';
import { commandWords, firstTextLine } from './key-value.ts';

const HEADER = /^\s*\(vim\.host\.VMotionSystem\.NetConfig\)/;
const SELECTED = /^\s*selectedVnic\s*=\s*(.*)$/;
// §4.14 regex first; then the bare key and a quoted device, in case the dump prints the key as a string.
const SELECTED_VMK = [
  /VMotionConfig\.vmotion\.key-vim\.host\.VirtualNic-(vmk\d+)/,
  /key-vim\.host\.VirtualNic-(vmk\d+)/,
  /device\s*=\s*"(vmk\d+)"/,
  /^"?(vmk\d+)"?,?$/,
];
// Each candidate VirtualNic shows `device = "vmkN"` and `key = "key-vim.host.VirtualNic-vmkN"`.
const CANDIDATE = /\b(?:device\s*=\s*"(vmk\d+)"|key\s*=\s*"[^"]*VirtualNic-(vmk\d+)")/;
// A top-level property of the dump: the indentation of `selectedVnic` itself or less.
const PROPERTY = /^(\s*)[A-Za-z]\w*\s*=/;

export const netconfigGetParser: CommandParser<'netconfig-get', NetconfigRecord> = {
  kind: 'netconfig-get',

  matchesCommand(command) {
    const words = commandWords(command);
    return words[0] === 'vim-cmd' && words.slice(1).some((w) => w.toLowerCase() === 'hostsvc/vmotion/netconfig_get');
  },

  startsAt(lines, start) {
    return HEADER.test(lines[start]?.text ?? '');
  },

  parse(block) {
    const warnings: ParserWarning[] = [];
    const lines = block.lines;
    const at = lines.findIndex((l) => SELECTED.test(l.text));
    const selectedLine = lines[at];
    if (selectedLine === undefined) {
      return fail(
        firstTextLine(lines),
        'No "selectedVnic = …" line found: expected the (vim.host.VMotionSystem.NetConfig) dump of vim-cmd hostsvc/vmotion/netconfig_get.',
        warnings,
      );
    }
    const section = selectedSection(lines, at);
    const selected = readSelected(section);
    if (selected === undefined) {
      return fail(selectedLine.n, `The selectedVnic value could not be read: expected <unset> or …VirtualNic-vmkN, found "${selectedLine.text.trim()}".`, warnings);
    }
    const candidateVnics: string[] = [];
    for (const line of lines) {
      if (section.includes(line)) continue;
      const m = CANDIDATE.exec(line.text);
      const vmk = m?.[1] ?? m?.[2];
      if (vmk !== undefined && !candidateVnics.includes(vmk)) candidateVnics.push(vmk);
    }
    return ok({ selectedVnic: selected, candidateVnics, ref: refOf(block, selectedLine) }, warnings);
  },
};

/** The `selectedVnic` line and, when its value is a nested object, the lines up to the next property. */
function selectedSection(lines: readonly Line[], at: number): Line[] {
  const first = lines[at];
  if (first === undefined) return [];
  const indent = PROPERTY.exec(first.text)?.[1]?.length ?? 0;
  const section = [first];
  for (let i = at + 1; i < lines.length; i++) {
    const line = lines[i];
    if (line === undefined) break;
    const m = PROPERTY.exec(line.text);
    const closes = /^\s*[}\]]/.test(line.text) && line.text.search(/\S/) < indent;
    if (closes || (m !== null && (m[1]?.length ?? 0) <= indent)) break;
    section.push(line);
  }
  return section;
}

/** `null` for `<unset>`, the vmknic name when one is named, `undefined` when the value cannot be read. */
function readSelected(section: readonly Line[]): string | null | undefined {
  const value = SELECTED.exec(section[0]?.text ?? '')?.[1]?.trim() ?? '';
  if (/^<unset>,?$/i.test(value)) return null;
  for (const line of section) {
    const text = line === section[0] ? value : line.text.trim();
    for (const re of SELECTED_VMK) {
      const vmk = re.exec(text)?.[1];
      if (vmk !== undefined) return vmk;
    }
  }
  return undefined;
}
