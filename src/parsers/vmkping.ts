/**
 * `vmkping` (domain.md §4.16): which vmknic and size a ping used, and whether it got through. Evidence for
 * MTU_MISMATCH (`-d -s 8972` fails while a small ping works, §2) and, per §1.7 D9, a corroboration of a path —
 * never a decision on its own. The command line says how it was sent; the output says what came back:
 * `3 packets transmitted, 0 packets received, 100% packet loss`, and for an oversize do-not-fragment ping
 * `sendto() failed (Message too long)` [U exact text].
 */
import type { PingRecord } from './records.ts';
import { fail, ok, refOf } from './types.ts';
import type { CommandParser } from './types.ts';
import { commandWords } from './key-value.ts';
import { isIpv4, isVmkName } from './values.ts';

const STATS = /(\d+)\s+packets? transmitted,\s*(\d+)\s+(?:packets? )?received/i;
const TOO_LONG = /message too long/i;
const PING_HEAD = /^PING\s+(\S+)\s+\((\S+)\):\s*(\d+)\s+data bytes/;

interface PingOptions {
  readonly vmknic?: string;
  readonly netstack?: string;
  readonly dontFragment: boolean;
  readonly size?: number;
  readonly target?: string;
}

/** Reads `vmkping [-I vmkN] [-S stack | ++netstack=stack] [-d] [-s size] [-c n] TARGET`. */
function readCommand(command: string): PingOptions | undefined {
  const words = commandWords(command);
  if (words[0] !== 'vmkping') return undefined;
  let vmknic: string | undefined;
  let netstack: string | undefined;
  let dontFragment = false;
  let size: number | undefined;
  let target: string | undefined;
  for (let i = 1; i < words.length; i++) {
    const w = words[i]!;
    if (w === '-I') vmknic = words[++i];
    else if (w === '-S') netstack = words[++i];
    else if (w.startsWith('++netstack=')) netstack = w.slice('++netstack='.length);
    else if (w === '-d') dontFragment = true;
    else if (w === '-s') size = Number(words[++i]);
    else if (/^-[cW iwtv]$/.test(w) || w === '-c' || w === '-W' || w === '-i' || w === '-t') i++;
    else if (w.startsWith('-')) continue;
    else target = w;
  }
  return {
    ...(vmknic && isVmkName(vmknic) ? { vmknic } : {}),
    ...(netstack ? { netstack } : {}),
    dontFragment,
    ...(size !== undefined && Number.isInteger(size) && size >= 0 ? { size } : {}),
    ...(target ? { target } : {}),
  };
}

export const vmkpingParser: CommandParser<'vmkping', PingRecord> = {
  kind: 'vmkping',

  matchesCommand(command) {
    return readCommand(command) !== undefined;
  },

  // Without its command line a ping says neither the vmknic nor the size: never recognised from bare text.
  startsAt() {
    return false;
  },

  parse(block) {
    const options = block.command !== undefined ? readCommand(block.command) : undefined;
    if (!options) return fail(block.lines[0]?.n ?? 1, 'A vmkping output is only read with its command line (which vmknic, which size).');
    let transmitted: number | undefined;
    let received: number | undefined;
    let messageTooLong = false;
    let replies = 0;
    let target = options.target;
    let size = options.size;
    let statsLine = block.lines.find(() => false);
    for (const line of block.lines) {
      const head = PING_HEAD.exec(line.text.trim());
      if (head) {
        target ??= head[2];
        size ??= Number(head[3]);
      }
      if (TOO_LONG.test(line.text)) messageTooLong = true;
      if (/^\d+ bytes from /.test(line.text.trim())) replies++;
      const m = STATS.exec(line.text);
      if (m) {
        transmitted = Number(m[1]);
        received = Number(m[2]);
        statsLine = line;
      }
    }
    if (target === undefined || !isIpv4(target)) {
      return fail(block.lines[0]?.n ?? 1, 'vmkping output without an IPv4 target address; skipped.');
    }
    // A ping cut before its statistics still proves the replies it printed.
    if (transmitted === undefined && replies > 0) received = replies;
    if (transmitted === undefined && received === undefined && !messageTooLong) {
      return fail(block.lines[0]?.n ?? 1, 'vmkping output has no replies and no "packets transmitted, packets received" line (interrupted?); skipped.');
    }
    const anchor = statsLine ?? block.lines.find((l) => TOO_LONG.test(l.text) || /^\d+ bytes from /.test(l.text.trim())) ?? block.lines[0]!;
    return ok({
      ...(options.vmknic ? { vmknic: options.vmknic } : {}),
      ...(options.netstack ? { netstack: options.netstack } : {}),
      dontFragment: options.dontFragment,
      // vmkping's default payload is 56 bytes (its own `PING … 56 data bytes` line).
      size: size ?? 56,
      target,
      ...(transmitted !== undefined ? { transmitted } : {}),
      ...(received !== undefined ? { received } : {}),
      messageTooLong,
      ref: refOf(block, anchor),
    });
  },
};
