/**
 * `esxcfg-advcfg -g /Migrate/BindToVmknic` → `Value of BindToVmknic is 1` (domain.md §4.8, SEED0). Only the last
 * path component is printed, so the full path comes from the command line; without it `path` is the bare option
 * name (no `/?/X` is invented, records.ts). String options print `Value of Vmknic is vmk1`.
 *
 * `esxcfg-advcfg -s N /X/Y` is matched too although it changes the host: it prints the same sentence with the new
 * value (§4.8 [U]), i.e. the value in force once the command ran, which is exactly the evidence we want.
 */
import type { AdvancedSettingRecord } from './records.ts';
import { fail, ok, refOf } from './types.ts';
import type { CommandParser, Line, ParserWarning } from './types.ts';
import { commandWords, firstTextLine, parseInteger } from './key-value.ts';

const VALUE_LINE = /^\s*Value of (\S+) is(?:\s+(.*))?$/;
const TOOLS = ['esxcfg-advcfg', 'vicfg-advcfg'];
const READ_OPTIONS = ['-g', '--get', '-s', '--set'];

export const advcfgGetParser: CommandParser<'advcfg-get', AdvancedSettingRecord> = {
  kind: 'advcfg-get',

  matchesCommand(command) {
    const words = commandWords(command);
    if (!TOOLS.includes(words[0] ?? '')) return false;
    return words.slice(1).some((w) => READ_OPTIONS.includes(w) || /^--(get|set)=/i.test(w));
  },

  startsAt(lines, start) {
    return VALUE_LINE.test(lines[start]?.text ?? '');
  },

  parse(block) {
    const warnings: ParserWarning[] = [];
    let found: { line: Line; option: string; value: string } | undefined;
    for (const line of block.lines) {
      if (line.text.trim() === '') continue;
      const m = VALUE_LINE.exec(line.text);
      if (m && found === undefined) {
        found = { line, option: m[1] ?? '', value: (m[2] ?? '').trim() };
      } else {
        warnings.push({ line: line.n, message: `Line not understood in esxcfg-advcfg output, skipped: "${line.text.trim()}".` });
      }
    }
    if (found === undefined) {
      return fail(firstTextLine(block.lines), 'No "Value of <option> is <value>" line found (esxcfg-advcfg -g /Migrate/BindToVmknic).', warnings);
    }
    const path = pathFor(found.option, block.command, found.line, warnings);
    const ref = refOf(block, found.line);
    const intValue = parseInteger(found.value);
    if (intValue !== undefined) return ok({ path, type: 'integer', intValue, ref }, warnings);
    return ok({ path, type: 'string', stringValue: found.value, ref }, warnings);
  },
};

/** The slash path named on the command line when its last component is the printed option, else the option. */
function pathFor(option: string, command: string | undefined, line: Line, warnings: ParserWarning[]): string {
  // Should a build print the whole path, it is already what we want.
  if (option.startsWith('/')) return option;
  if (command === undefined) return option;
  const candidate = commandWords(command)
    .slice(1)
    .map((w) => w.replace(/^--(get|set)=/i, ''))
    .find((w) => w.includes('/') && !w.startsWith('-'));
  if (candidate === undefined) return option;
  const path = candidate.startsWith('/') ? candidate : `/${candidate}`;
  const last = path.split('/').filter((p) => p !== '').pop() ?? '';
  if (last.toLowerCase() !== option.toLowerCase()) {
    warnings.push({ line: line.n, message: `The command asked for ${path} but the output names ${option}; keeping the printed name.` });
    return option;
  }
  return path;
}
