/**
 * The command checker of the tests: every rendered ESXi shell line of a plan must parse against the esxcli tree
 * of the host's release (src/core/remediation/releases.ts, built from esxcli-releases.json with its sources), and
 * every vmknic a plan names must exist on the host or have been created earlier in the same plan, never twice.
 *
 * It reads lines as POSIX sh does as far as our rendering goes: words split on blanks, single-quoted strings,
 * the double-quoted placeholder form, `|` ending the command the check is about, `#` starting a comment.
 */
import { ESXCLI_TREE, rowHas, type TreeCommand } from '../core/remediation/releases.ts';
import type { EsxiRelease } from '../core/versions.ts';

export interface ShWord {
  readonly text: string;
  /** True for a placeholder `"${FILL_x:?}"`. */
  readonly placeholder: boolean;
}

/** The words of the first command of a line (up to `|`, `;` or a comment). Throws on what our rendering never writes. */
export function shWords(line: string): ShWord[] {
  const words: ShWord[] = [];
  let i = 0;
  let cur: string | undefined;
  let placeholder = false;
  const end = () => {
    if (cur !== undefined) words.push({ text: cur, placeholder });
    cur = undefined;
    placeholder = false;
  };
  while (i < line.length) {
    const c = line[i]!;
    if (c === ' ' || c === '\t') {
      end();
      i++;
    } else if (c === "'") {
      const close = line.indexOf("'", i + 1);
      if (close < 0) throw new Error(`unterminated quote: ${line}`);
      cur = (cur ?? '') + line.slice(i + 1, close);
      i = close + 1;
    } else if (c === '"') {
      const m = /^"\$\{(FILL_[A-Za-z0-9]+):\?\}"/.exec(line.slice(i));
      if (!m) throw new Error(`double quotes are only used for placeholders: ${line}`);
      cur = (cur ?? '') + m[1]!;
      placeholder = true;
      i += m[0].length;
    } else if (c === '\\') {
      cur = (cur ?? '') + (line[i + 1] ?? '');
      i += 2;
    } else if ((c === '#' && cur === undefined) || c === '|' || c === ';') {
      break;
    } else if ('<>&`$(){}*?'.includes(c)) {
      throw new Error(`unquoted shell metacharacter ${c} in: ${line}`);
    } else {
      cur = (cur ?? '') + c;
      i++;
    }
  }
  end();
  return words;
}

export interface LineFacts {
  readonly issues: string[];
  /** vmknics the line names (`-i vmkN`, `-I vmkN`, vnic_set vmkN). */
  readonly uses: string[];
  /** The vmknic the line creates, if any. */
  readonly creates?: string;
  /** The vmknic the line removes, if any. */
  readonly removes?: string;
}

function findCommand(words: readonly string[]): { cmd: TreeCommand; rest: string[] } | undefined {
  let best: { cmd: TreeCommand; rest: string[] } | undefined;
  for (const cmd of ESXCLI_TREE) {
    const path = cmd.path.split(' ');
    if (path.every((p, k) => words[k] === p) && (!best || path.length > best.cmd.path.split(' ').length)) {
      best = { cmd, rest: words.slice(path.length) };
    }
  }
  return best;
}

/** Checks one ESXi shell line for a host of `release` (undefined: version unknown, only the tree is checked). */
export function checkEsxiLine(line: string, release: EsxiRelease | undefined): LineFacts {
  const issues: string[] = [];
  const uses: string[] = [];
  let creates: string | undefined;
  let removes: string | undefined;
  let words: ShWord[];
  try {
    words = shWords(line);
  } catch (e) {
    return { issues: [(e as Error).message], uses };
  }
  const texts = words.map((w) => w.text);
  const program = texts[0];
  const need = (what: string, has: ReturnType<typeof rowHas>) => {
    if (release && has !== 'yes') issues.push(`${what} is ${has === 'no' ? 'not in' : 'not established for'} this release: ${line}`);
  };
  if (program === 'esxcli') {
    const found = findCommand(texts.slice(1));
    if (!found) return { issues: [`unknown esxcli command: ${line}`], uses };
    const { cmd, rest } = found;
    need(`esxcli ${cmd.path}`, rowHas(cmd.row, release));
    const given = new Set<string>();
    for (let k = 0; k < rest.length; k++) {
      const token = rest[k]!;
      const eq = token.startsWith('--') ? token.indexOf('=') : -1;
      const name = eq > 0 ? token.slice(0, eq) : token;
      const opt = cmd.options.find((o) => o.names.includes(name));
      if (!opt) {
        issues.push(`unknown option ${name} of esxcli ${cmd.path}: ${line}`);
        continue;
      }
      if (given.has(opt.names[0]!)) issues.push(`option ${name} given twice: ${line}`);
      given.add(opt.names[0]!);
      if (opt.row) need(`option ${name} of esxcli ${cmd.path}`, rowHas(opt.row, release));
      if (opt.flag) continue;
      const value = eq > 0 ? token.slice(eq + 1) : rest[++k];
      if (value === undefined || value.startsWith('-')) {
        issues.push(`option ${name} has no value: ${line}`);
        continue;
      }
      if (opt.values) {
        const row = opt.values[value];
        if (!row) issues.push(`${value} is not a value of ${name}: ${line}`);
        else need(`${name} ${value}`, rowHas(row, release));
      }
      if (opt.names.includes('--interface-name') && /^vmk\d+$/.test(value)) {
        if (cmd.path === 'network ip interface add') creates = value;
        else if (cmd.path === 'network ip interface remove') removes = value;
        else uses.push(value);
      }
    }
    if (cmd.path.startsWith('network ip interface tag') || cmd.path === 'network ip interface set' || cmd.path === 'network ip interface ipv4 set') {
      if (!given.has('-i')) issues.push(`-i is required: ${line}`);
    }
  } else if (program === 'vmkping') {
    const at = texts.indexOf('-I');
    if (at >= 0 && texts[at + 1]) uses.push(texts[at + 1]!);
  } else if (program === 'vim-cmd') {
    if (/^hostsvc\/vmotion\/vnic_(un)?set$/.test(texts[1] ?? '') && texts[2]) uses.push(texts[2]);
  } else if (program === 'esxcfg-vmknic' && texts.includes('-a')) {
    // `esxcfg-vmknic -a` names no vmknic: ESXi takes the first free one, which is what the plan calls it.
  }
  return { issues, uses, ...(creates ? { creates } : {}), ...(removes ? { removes } : {}) };
}

/** Splits a list with `# on HOST` markers into per-host line lists. */
export function sections(lines: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let host = '';
  for (const l of lines) {
    const m = /^# on (.+)$/.exec(l);
    if (m) {
      host = m[1]!;
      if (!out.has(host)) out.set(host, []);
    } else (out.get(host) ?? out.set(host, []).get(host)!).push(l);
  }
  return out;
}

/**
 * Checks one host's part of a plan: its commands, then the checks, then the rollback (which may name what the
 * commands created). `existing` are the vmknic names the host shows.
 */
export function checkHostPlan(
  parts: { commands: readonly string[]; verify: readonly string[]; rollback: readonly string[] },
  release: EsxiRelease | undefined,
  existing: ReadonlySet<string>,
): string[] {
  const issues: string[] = [];
  const created = new Set<string>();
  const known = (vmk: string) => existing.has(vmk) || created.has(vmk) || vmk.startsWith('FILL_');
  for (const line of parts.commands) {
    if (/^esxcfg-vmknic -a /.test(line)) {
      // ESXi names the new vmknic: the first name the host does not use.
      let i = 0;
      while (existing.has(`vmk${i}`) || created.has(`vmk${i}`)) i++;
      created.add(`vmk${i}`);
    }
    const f = checkEsxiLine(line, release);
    issues.push(...f.issues);
    for (const u of f.uses) if (!known(u)) issues.push(`${u} is neither on the host nor created earlier: ${line}`);
    if (f.creates) {
      if (existing.has(f.creates)) issues.push(`${f.creates} exists already and is created again: ${line}`);
      if (created.has(f.creates)) issues.push(`${f.creates} is created twice: ${line}`);
      created.add(f.creates);
    }
  }
  for (const line of [...parts.verify, ...parts.rollback]) {
    const f = checkEsxiLine(line, release);
    issues.push(...f.issues);
    const all = [...f.uses, ...(f.removes ? [f.removes] : [])];
    for (const u of all) if (!known(u)) issues.push(`${u} is neither on the host nor created by the plan: ${line}`);
  }
  return issues;
}
