/**
 * `esxcli system settings advanced list [-o /Migrate/BindToVmknic] [-d]` (domain.md §4.8): one `Path:` block per
 * option with `Type`, `Int Value`, `Default Int Value`, `Min Value`, `Max Value`, `String Value`, `Default String
 * Value`, `Description` (newer builds add keys such as `Host Specific`; they are ignored). Both the value and the
 * default are kept: `Default Int Value` tells the build's default (§4.8).
 */
import type { AdvancedSettingRecord } from './records.ts';
import { refOf } from './types.ts';
import type { Block, CommandParser, ParserWarning } from './types.ts';
import {
  commandWords,
  compact,
  continuesListing,
  fieldOf,
  parseFieldListing,
  isEsxcli,
  optionValue,
  parseInteger,
  typedValue,
  valueOf,
} from './key-value.ts';
import type { FieldBlock } from './key-value.ts';

const PATH_FIELD = /^\s*Path\s*:\s*\/\S/;

export const advancedListParser: CommandParser<'advanced-list', readonly AdvancedSettingRecord[]> = {
  kind: 'advanced-list',

  matchesCommand(command) {
    return isEsxcli(command, ['system', 'settings', 'advanced', 'list']);
  },

  startsAt(lines, start) {
    if (!PATH_FIELD.test(lines[start]?.text ?? '')) return false;
    // `-d` or a full list prints many Path blocks: only the first starts the output.
    return !continuesListing(lines, start, (l) => PATH_FIELD.test(l.text));
  },

  parse(block) {
    const commandPath = block.command === undefined ? undefined : optionValue(commandWords(block.command), ['-o'], ['--option']);
    return parseFieldListing(block, {
      firstKey: 'path',
      what: 'advanced settings list',
      nothingFound:
        'No advanced setting found: expected "Path: /Migrate/BindToVmknic" followed by "Type:", "Int Value:", … lines (esxcli system settings advanced list).',
      // With `-o` there is one option: its path stands in for a lost `Path:` line, but only when one block was read.
      read: (b, all, warnings) => readSetting(block, b, all.length === 1 ? commandPath : undefined, warnings),
    });
  },
};

function readSetting(
  block: Block,
  b: FieldBlock,
  commandPath: string | undefined,
  warnings: ParserWarning[],
): AdvancedSettingRecord | undefined {
  const first = b.fields[0];
  if (!first) return undefined;
  let path = valueOf(b, 'path');
  if (path === undefined && commandPath !== undefined) {
    // A paste that lost its first line: with `-o` there is only one option it can be.
    path = commandPath;
    warnings.push({ line: first.line.n, message: `No "Path:" line; the option ${commandPath} from the command line is assumed.` });
  }
  if (path === undefined) {
    warnings.push({ line: first.line.n, message: 'Advanced setting block without a "Path:" line; skipped.' });
    return undefined;
  }
  const typeText = valueOf(b, 'type')?.toLowerCase();
  const type = typeText === 'integer' || typeText === 'string' ? typeText : undefined;
  if (typeText !== undefined && type === undefined) {
    warnings.push({ line: fieldOf(b, 'type')?.line.n ?? first.line.n, message: `Unknown setting type "${typeText}".` });
  }
  // A string option prints placeholder zeros for the integer fields and vice versa an empty String Value: only the
  // fields of its own type are facts. An empty String Value of a string option is a fact (e.g. Migrate.Vmknic unset).
  const ints = type !== 'string';
  const stringField = fieldOf(b, 'string value');
  const stringValue = type === 'string' ? stringField?.value : valueOf(b, 'string value');
  return compact<AdvancedSettingRecord>({
    path,
    type,
    intValue: ints ? typedValue(b, 'int value', parseInteger, warnings) : undefined,
    defaultIntValue: ints ? typedValue(b, 'default int value', parseInteger, warnings) : undefined,
    minValue: ints ? typedValue(b, 'min value', parseInteger, warnings) : undefined,
    maxValue: ints ? typedValue(b, 'max value', parseInteger, warnings) : undefined,
    stringValue,
    defaultStringValue: type === 'string' ? fieldOf(b, 'default string value')?.value : valueOf(b, 'default string value'),
    description: valueOf(b, 'description'),
    // The evidence a person wants to see is the value itself (`Int Value: 0`), not the `Path:` line.
    ref: refOf(block, (ints ? fieldOf(b, 'int value') : stringField)?.line ?? first.line),
  });
}
