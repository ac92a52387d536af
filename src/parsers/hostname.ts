/**
 * `esxcli system hostname get` and `hostname`: the host's own name. On 5.x the `~ #` prompt carries no host name,
 * so admins paste this to say which host a session belongs to; the assembler names the host after it.
 * esxcli form: `   Domain Name: lab.local` / `   Fully Qualified Domain Name: esx01.lab.local` / `   Host Name: esx01`.
 */
import type { HostnameRecord } from './records.ts';
import { fail, ok, refOf } from './types.ts';
import type { CommandParser, Line } from './types.ts';
import { commandWords, isEsxcli } from './key-value.ts';

const FIELD = /^\s*(Domain Name|Fully Qualified Domain Name|Host Name)\s*:\s*(\S*)\s*$/;
// RFC 1123 labels: letters, digits and hyphens, dot-separated.
const HOST_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

function isHostnameCommand(command: string): boolean {
  const words = commandWords(command);
  if (words[0] !== 'hostname') return false;
  // `hostname NAME` would set the name: only the reading forms match.
  return words.slice(1).every((w) => /^-[fsd]$|^--(fqdn|short|domain)$/.test(w));
}

export const hostnameParser: CommandParser<'hostname', HostnameRecord> = {
  kind: 'hostname',

  matchesCommand(command) {
    return isEsxcli(command, ['system', 'hostname', 'get']) || isHostnameCommand(command);
  },

  startsAt(lines, start) {
    // Only the esxcli form can be recognised without its command line; a bare name could be anything.
    const m = FIELD.exec(lines[start]?.text ?? '');
    return m !== null && m[1] === 'Domain Name' && FIELD.test(lines[start + 1]?.text ?? '');
  },

  parse(block) {
    const fields = new Map<string, { value: string; line: Line }>();
    for (const line of block.lines) {
      const m = FIELD.exec(line.text);
      if (m) fields.set(m[1]!, { value: m[2]!, line });
    }
    const fqdn = fields.get('Fully Qualified Domain Name');
    const short = fields.get('Host Name');
    const chosen = fqdn && HOST_NAME.test(fqdn.value) ? fqdn : short && HOST_NAME.test(short.value) ? short : undefined;
    if (chosen) return ok({ name: chosen.value, ref: refOf(block, chosen.line) });
    if (fields.size === 0) {
      // `hostname` prints the name alone on one line.
      const text = block.lines.filter((l) => l.text.trim() !== '');
      if (text.length === 1 && HOST_NAME.test(text[0]!.text.trim())) return ok({ name: text[0]!.text.trim(), ref: refOf(block, text[0]!) });
    }
    const first = block.lines.find((l) => l.text.trim() !== '');
    return fail(first?.n ?? 1, 'No host name found: expected "Host Name: esx01" (esxcli system hostname get) or a single name (hostname).');
  },
};
