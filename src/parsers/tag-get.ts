/**
 * `esxcli network ip interface tag get -i vmkN` (domain.md §4.4): prints only `   Tags: Management, VMotion`
 * (empty after the colon when the vmknic has no tag [U]). The output never names the vmknic, so the name comes
 * from the command line (`-i vmk1` or `--interface-name=vmk1`) and is absent when no prompt line was pasted.
 * Tag spelling is normalised to esxcli's (§1.3) by tags.ts.
 */
import type { TagRecord } from './records.ts';
import { fail, ok, refOf } from './types.ts';
import type { CommandParser, Line, ParserWarning } from './types.ts';
import { commandWords, firstTextLine, isEsxcli, optionValue, readField } from './key-value.ts';
import { splitTags } from './tags.ts';

const TAGS_LINE = /^\s*Tags\s*:/;

export const tagGetParser: CommandParser<'tag-get', TagRecord> = {
  kind: 'tag-get',

  matchesCommand(command) {
    return isEsxcli(command, ['network', 'ip', 'interface', 'tag', 'get']);
  },

  startsAt(lines, start) {
    const line = lines[start];
    if (!line || !TAGS_LINE.test(line.text)) return false;
    // Other listings (some interface-list variants) carry a `Tags:` field inside a block; tag get prints it alone,
    // so the line before is not a field, or is the previous tag get's own `Tags:` line.
    const previous = lines[start - 1];
    if (previous === undefined) return true;
    const field = readField(previous);
    return field === undefined || field.key === 'tags';
  },

  parse(block) {
    const warnings: ParserWarning[] = [];
    let tagsLine: Line | undefined;
    for (const line of block.lines) {
      if (line.text.trim() === '') continue;
      const field = readField(line);
      if (field?.key === 'tags' && tagsLine === undefined) {
        tagsLine = line;
      } else if (field?.key === 'tags') {
        warnings.push({ line: line.n, message: 'A second "Tags:" line in one tag get output (one vmknic per command); only the first is used.' });
      } else {
        warnings.push({ line: line.n, message: `Line not understood in tag get output, skipped: "${line.text.trim()}".` });
      }
    }
    if (tagsLine === undefined) {
      return fail(firstTextLine(block.lines), 'No "Tags:" line found: expected "Tags: Management, VMotion" (esxcli network ip interface tag get).', warnings);
    }
    const tags = splitTags(readField(tagsLine)?.value ?? '');
    const vmknic = block.command === undefined ? undefined : vmknicOf(block.command);
    if (vmknic === undefined) {
      warnings.push({
        line: tagsLine.n,
        message: 'The vmknic these tags belong to is unknown: the command line "esxcli network ip interface tag get -i vmkN" was not in the paste.',
      });
      return ok({ tags, ref: refOf(block, tagsLine) }, warnings);
    }
    return ok({ vmknic, tags, ref: refOf(block, tagsLine) }, warnings);
  },
};

function vmknicOf(command: string): string | undefined {
  const value = optionValue(commandWords(command), ['-i'], ['--interface-name']);
  return value !== undefined && /^vmk\d+$/i.test(value) ? value.toLowerCase() : undefined;
}
