/**
 * `esxcli network ip netstack list` (domain.md §4.7): per stack a bare name line, then `Key:`, `Name:`, `State:`.
 * The key is what vmknics and `-N` refer to (`defaultTcpipStack`, `vmotion`, `vSphereProvisioning`, custom).
 * `netstack get -N x` prints the same fields for one stack, so it is read here too.
 */
import type { NetstackEntry } from './records.ts';
import { refOf } from './types.ts';
import type { Block, CommandParser, ParserWarning } from './types.ts';
import { compact, continuesListing, isEsxcli, parseFieldListing, valueOf } from './key-value.ts';
import type { FieldBlock } from './key-value.ts';

// A stack name: one word, no colon. Stack keys are identifiers (custom stacks are created with `-N name`).
const HEAD = /^\s*[A-Za-z][\w.-]*$/;
const KEY_FIELD = /^\s*Key\s*:\s*\S/;

export const netstackListParser: CommandParser<'netstack-list', readonly NetstackEntry[]> = {
  kind: 'netstack-list',

  matchesCommand(command) {
    return isEsxcli(command, ['network', 'ip', 'netstack', 'list']) || isEsxcli(command, ['network', 'ip', 'netstack', 'get']);
  },

  startsAt(lines, start) {
    const head = lines[start];
    const next = lines[start + 1];
    if (!head || !next || !HEAD.test(head.text) || !KEY_FIELD.test(next.text)) return false;
    // The second stack's block continues the same output.
    return !continuesListing(lines, start, (l, i) => HEAD.test(l.text) && KEY_FIELD.test(lines[i + 1]?.text ?? ''));
  },

  parse(block) {
    return parseFieldListing(block, {
      isHead: (t) => HEAD.test(t),
      firstKey: 'key',
      what: 'netstack list',
      nothingFound:
        'No TCP/IP stack found: expected a stack name line followed by "Key: …", "Name: …", "State: …" (esxcli network ip netstack list).',
      read: (b, _all, warnings) => readEntry(block, b, warnings),
    });
  },
};

function readEntry(block: Block, b: FieldBlock, warnings: ParserWarning[]): NetstackEntry | undefined {
  const refLine = b.head ?? b.fields[0]?.line;
  if (!refLine) return undefined;
  if (b.fields.length === 0) {
    warnings.push({ line: refLine.n, message: `"${refLine.text.trim()}" is not followed by "Key:" / "Name:" lines; skipped.` });
    return undefined;
  }
  const headName = b.head?.text.trim();
  const key = valueOf(b, 'key') ?? headName;
  if (key === undefined) {
    warnings.push({ line: refLine.n, message: 'Netstack block without a "Key:" line or stack name; skipped.' });
    return undefined;
  }
  if (valueOf(b, 'key') === undefined) {
    warnings.push({ line: refLine.n, message: `No "Key:" line for stack ${key}; the name line is used as its key.` });
  }
  return compact<NetstackEntry>({ key, name: valueOf(b, 'name'), state: valueOf(b, 'state'), ref: refOf(block, refLine) });
}
