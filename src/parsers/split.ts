/**
 * Cuts a pasted SSH session (or a file of bare outputs) into command blocks (domain.md §4 "General rules for
 * parsers"): a prompt line opens a block that runs to the next prompt and is recognised by its command; text with
 * no prompt is cut where a parser says its output starts and recognised by content. Unknown commands are kept as
 * blocks of kind `null` with a warning, so "what was ignored" can be shown next to "what was read".
 *
 * Pure and linear: one pass over the lines, every regex anchored with bounded repetition, `startsAt` called at most
 * once per non-blank bare line and parser.
 */
import type { ParseWarning } from '../core/model/evidence.ts';
import { toLines } from './types.ts';
import { unflatten } from './unflatten.ts';
import type { Block, CommandKind, CommandParser, Line } from './types.ts';

/** The part of a parser the splitter needs (tests pass small stubs). */
export type Detector = Pick<CommandParser<CommandKind, unknown>, 'kind' | 'matchesCommand' | 'startsAt'>;

export interface SplitBlock {
  readonly block: Block;
  /** `null`: a command this tool does not read (kept so the case file shows what was ignored). */
  readonly kind: CommandKind | null;
  /** `prompt`: recognised by the command on its prompt line; `content`: by what the output looks like. */
  readonly how: 'prompt' | 'content';
  /** The prompt line, or the first non-blank line of a bare block. */
  readonly startLine: number;
  /** The last non-blank line of the block (the prompt line when the command printed nothing). */
  readonly endLine: number;
}

export interface SplitResult {
  readonly blocks: readonly SplitBlock[];
  readonly warnings: readonly ParseWarning[];
}

/**
 * The command a user should run for each kind (domain.md §4 command table): used in "did you mean" hints and in
 * the INPUT_UNRECOGNIZED message.
 */
export const COMMAND_EXAMPLES: Readonly<Record<CommandKind, string>> = {
  'esxcfg-vmknic': 'esxcfg-vmknic -l',
  'interface-list': 'esxcli network ip interface list',
  'ipv4-get': 'esxcli network ip interface ipv4 get',
  'tag-get': 'esxcli network ip interface tag get -i vmk0',
  'esxcfg-route': 'esxcfg-route -l',
  'route-ipv4-list': 'esxcli network ip route ipv4 list',
  'netstack-list': 'esxcli network ip netstack list',
  'advcfg-get': 'esxcfg-advcfg -g /Migrate/BindToVmknic',
  'advanced-list': 'esxcli system settings advanced list -o /Migrate/BindToVmknic',
  'esxcfg-vswitch': 'esxcfg-vswitch -l',
  'esxcfg-nics': 'esxcfg-nics -l',
  'vmware-version': 'vmware -vl',
  'system-version': 'esxcli system version get',
  'esx-conf': 'cat /etc/vmware/esx.conf',
  'netconfig-get': 'vim-cmd hostsvc/vmotion/netconfig_get',
  hostname: 'esxcli system hostname get',
  vmkping: 'vmkping -I vmk1 -d -s 8972 <peer vMotion IP>',
};

export function splitPaste(text: string, file: string, parsers: readonly Detector[]): SplitResult {
  const flat = unflatten(unquote(toLines(text.startsWith('\uFEFF') ? text.slice(1) : text)));
  const lines = flat.lines;
  const out = new Collector(file, parsers);
  for (const n of flat.resplit) {
    out.warnings.push({
      file,
      line: n,
      message: `Line ${n} holds a whole output run together on one line (a page copied without its line breaks); it was re-split at the prompt, the header, the ruler and the rows. Check the values read from it.`,
    });
  }
  let sshHost: string | undefined;
  let current = segment(undefined, undefined);

  for (const line of lines) {
    if (isFence(line.text)) {
      // A closing fence ends a prompt's output: prose after it is not part of that command (markdown pastes).
      if (current.prompt !== undefined && current.hasText) {
        out.flush(current);
        current = segment(undefined, sshHost);
      }
      continue;
    }
    if (PASSWORD.test(line.text)) continue;

    const prompt = parsePrompt(line.text);
    if (prompt === undefined) {
      if (current.indent === undefined) {
        append(current, line);
      } else if (line.text.startsWith(current.indent)) {
        append(current, { n: line.n, text: line.text.slice(current.indent.length) });
        current.indentedOutput ||= isText(line);
      } else if (isText(line) && current.afterBlank && current.indentedOutput) {
        // Blog and markdown code blocks are indented: an unindented paragraph after them is prose, not output.
        out.flush(current);
        current = segment(undefined, sshHost);
        append(current, line);
      } else {
        append(current, line);
      }
      continue;
    }
    out.flush(current);
    const ssh = parseSsh(prompt.command);
    if (ssh !== undefined) {
      // `$ ssh root@esx01` names the host of the prompts without a host name that follow (5.x `~ #`).
      sshHost = ssh.host;
      current = segment(ssh.command === '' ? undefined : { line, command: ssh.command }, sshHost);
      continue;
    }
    current = segment({ line, command: prompt.command }, prompt.host ?? sshHost, INDENT.exec(line.text)?.[1]);
  }
  out.flush(current);
  return { blocks: out.blocks, warnings: out.warnings };
}

// A prompt indented by a tab or 4+ spaces (blog posts, markdown indented code): its output carries the same indent.
const INDENT = /^(\t+|\s{4,})\S/;

// ---------------------------------------------------------------------------------------------------------------
// Segments → blocks
// ---------------------------------------------------------------------------------------------------------------

interface Segment {
  /** Absent for text with no prompt (start of a paste, after an `ssh` line or a closing fence). */
  readonly prompt: { readonly line: Line; readonly command: string } | undefined;
  readonly host: string | undefined;
  /** Leading whitespace of an indented prompt line, stripped from its output lines. */
  readonly indent: string | undefined;
  readonly lines: Line[];
  /** Kept up to date by `append` so that no check rescans the lines (linear time). */
  hasText: boolean;
  afterBlank: boolean;
  /** The output itself carries the prompt's indent (so an unindented paragraph is not output). */
  indentedOutput: boolean;
}

function segment(prompt: Segment['prompt'], host: string | undefined, indent?: string): Segment {
  return { prompt, host, indent, lines: [], hasText: false, afterBlank: false, indentedOutput: false };
}

function append(target: Segment, line: Line): void {
  target.lines.push(line);
  const text = isText(line);
  target.hasText ||= text;
  target.afterBlank = !text;
}

class Collector {
  readonly blocks: SplitBlock[] = [];
  readonly warnings: ParseWarning[] = [];
  private readonly byCommand = new Map<string, Detector | undefined>();

  constructor(
    private readonly file: string,
    private readonly parsers: readonly Detector[],
  ) {}

  flush(segment: Segment): void {
    const { prompt } = segment;
    if (prompt === undefined || prompt.command === '') {
      // A prompt with no command (often the last line of a paste) announces nothing: read what follows by content.
      this.bare(segment.lines, segment.host, undefined);
      return;
    }
    const lines = trimBlank(segment.lines);
    const command = prompt.command;
    const known = this.commandParser(command);
    if (known !== undefined) {
      this.push(this.blockOf(lines, segment.host, command), known.kind, 'prompt', prompt.line.n);
      return;
    }
    const first = lines.findIndex(isText);
    const byContent = first < 0 ? undefined : this.detect(lines, first);
    if (byContent !== undefined) {
      // e.g. `esxcli network ip interface ipv4 get -i vmk1 | cat`: the output is still the table we read.
      this.warn(
        prompt.line.n,
        `The command "${command}" is not one this tool recognises, but its output looks like ` +
          `the output of ${COMMAND_EXAMPLES[byContent.kind]} and is read as such.`,
      );
      this.bare(lines.slice(first), segment.host, command);
      return;
    }
    this.push(this.blockOf(lines, segment.host, command), null, 'prompt', prompt.line.n);
    if (SILENT_COMMANDS.test(command)) return;
    const hint = suggestCommand(command, this.parsers);
    const shellSaid = lines.some((l) => NOT_FOUND.test(l.text))
      ? ' (the shell did not find it)'
      : lines.some((l) => UNKNOWN_ESXCLI.test(l.text))
        ? ' (esxcli did not know it)'
        : '';
    this.warn(
      prompt.line.n,
      `The command "${command}"${shellSaid} is not one this tool reads; its output is ignored.` +
        (hint !== undefined ? ` Did you mean ${hint}?` : ''),
    );
  }

  /** Text with no command to go by: cut where a parser's output starts; merge neighbours of one kind. */
  private bare(all: readonly Line[], host: string | undefined, command: string | undefined): void {
    const lines = trimBlank(all);
    if (lines.length === 0) return;
    let start = 0;
    let kind: CommandKind | null = null;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      if (line === undefined || !isText(line)) continue;
      const found = this.detect(lines, i);
      if (found === undefined) continue;
      // Several `Path:` blocks of one advanced list, several vmknic blocks of one interface list: one output.
      if (found.kind === kind) continue;
      this.emitBare(lines.slice(start, i), kind, host, command);
      start = i;
      kind = found.kind;
    }
    this.emitBare(lines.slice(start), kind, host, command);
  }

  private emitBare(all: readonly Line[], kind: CommandKind | null, host: string | undefined, command: string | undefined): void {
    const lines = trimBlank(all);
    const first = lines[0];
    if (first === undefined) return;
    if (kind !== null) {
      this.push(this.blockOf(lines, host, command), kind, 'content', first.n);
      return;
    }
    if (lines.every((l) => !isText(l) || NOISE.test(l.text))) return;
    const last = lines[lines.length - 1] ?? first;
    this.push(this.blockOf(lines, host, command), null, 'content', first.n);
    const range = first.n === last.n ? `Line ${first.n} was` : `Lines ${first.n}–${last.n} were`;
    this.warn(first.n, `${range} not recognised as the output of any supported command and ${first.n === last.n ? 'is' : 'are'} ignored.`);
  }

  /** Sessions repeat the same few commands: each distinct command line is matched against the parsers once. */
  private commandParser(command: string): Detector | undefined {
    if (this.byCommand.has(command)) return this.byCommand.get(command);
    const found = this.parsers.find((p) => safely(() => p.matchesCommand(command), false));
    this.byCommand.set(command, found);
    return found;
  }

  private detect(lines: readonly Line[], index: number): Detector | undefined {
    return this.parsers.find((p) => safely(() => p.startsAt(lines, index), false));
  }

  private blockOf(lines: readonly Line[], host: string | undefined, command: string | undefined): Block {
    return {
      file: this.file,
      // A copy of exactly its length: a list grown line by line keeps room for 17 or more, and a 60 MB paste has
      // 300,000 blocks of a few lines each waiting to be parsed (issue 17: peak memory).
      lines: lines.slice(),
      ...(command !== undefined && command !== '' ? { command } : {}),
      ...(host !== undefined ? { host } : {}),
    };
  }

  private push(block: Block, kind: CommandKind | null, how: 'prompt' | 'content', startLine: number): void {
    const last = block.lines[block.lines.length - 1];
    this.blocks.push({ block, kind, how, startLine, endLine: last?.n ?? startLine });
  }

  private warn(line: number, message: string): void {
    this.warnings.push({ file: this.file, line, message });
  }
}

function safely<T>(run: () => T, fallback: T): T {
  try {
    return run();
  } catch {
    return fallback;
  }
}

function isText(line: Line): boolean {
  return line.text.trim() !== '';
}

function trimBlank(lines: readonly Line[]): readonly Line[] {
  let from = 0;
  let to = lines.length;
  while (from < to && !isText(lines[from] as Line)) from++;
  while (to > from && !isText(lines[to - 1] as Line)) to--;
  return from === 0 && to === lines.length ? lines : lines.slice(from, to);
}

// ---------------------------------------------------------------------------------------------------------------
// Line classes
// ---------------------------------------------------------------------------------------------------------------

// Longer lines are table rows or junk, never a prompt; the cap also keeps every prompt regex linear.
const MAX_PROMPT_LINE = 4096;

// `[root@esx01:~] cmd`, `[someuser@esx01.corp.local:/tmp] cmd` (ESXi 6.x+), `[root@esx01 ~]# cmd` (ESX 4.x
// service console). Tolerates `#`/`$` after the bracket.
const BRACKET_PROMPT = /^\s{0,8}\[([^\s@[\]]{1,64})@([^\s:[\]]{1,253})(?::|\s)[^\]]{0,1024}\]\s{0,4}(?:[#$](?=\s|$))?\s*(.*)$/;
// `root@esx01:~ # cmd`.
const USER_HOST_PROMPT = /^\s{0,8}[^\s@#$[\]]{1,64}@([A-Za-z0-9][\w.-]{0,252}):\S{0,1024}?\s{0,4}#(?:\s+(.*))?$/;
// `~ # cmd`, `/tmp # cmd` (5.x busybox; also the tab-indented `~ #` of blog pastes), `esx01 # cmd`, `esx01:~ # cmd`.
const PATH_PROMPT = /^\s{0,8}(?:~|~\/|\/)[^\s#]{0,1024}\s{0,4}#(?:\s+(.*))?$/;
const HOST_PROMPT = /^\s{0,8}([A-Za-z0-9][\w.-]{0,252})(?::[^\s#]{0,1024})?\s{1,4}#(?:\s+(.*))?$/;
// `# esxcfg-vmknic -l` (domain.md §4.1 b). A command starts lower-case or with a path, so a markdown `# Heading`
// is not taken for a prompt.
const HASH_PROMPT = /^\s{0,8}#(?:\s+([a-z./~].*))?$/;
// `$ cmd`, `user@laptop:~$ cmd`: a local shell; its host is the workstation, never an ESXi host.
const DOLLAR_PROMPT = /^\s{0,8}(?:[^\s@#$[\]]{1,64}@[^\s:$]{1,253}(?::[^\s$]{0,1024})?\s{0,4})?\$(?:\s+(.*))?$/;

interface Prompt {
  readonly host?: string;
  readonly command: string;
}

/** Reads a prompt line: the host as printed (short name or FQDN) when the prompt shows one, and the command. */
export function parsePrompt(text: string): Prompt | undefined {
  if (text.length > MAX_PROMPT_LINE) return undefined;
  let m = BRACKET_PROMPT.exec(text);
  if (m) return { host: m[2] ?? '', command: (m[3] ?? '').trim() };
  m = USER_HOST_PROMPT.exec(text);
  if (m) return { host: m[1] ?? '', command: (m[2] ?? '').trim() };
  m = PATH_PROMPT.exec(text);
  if (m) return { command: (m[1] ?? '').trim() };
  m = HOST_PROMPT.exec(text);
  if (m) return { host: m[1] ?? '', command: (m[2] ?? '').trim() };
  m = HASH_PROMPT.exec(text);
  if (m) return { command: (m[1] ?? '').trim() };
  m = DOLLAR_PROMPT.exec(text);
  if (m) return { command: (m[1] ?? '').trim() };
  // `ssh root@esx01` typed at a prompt the paste did not include.
  if (/^\s{0,8}ssh\s/.test(text) && parseSsh(text.trim()) !== undefined) return { command: text.trim() };
  return undefined;
}

const SSH_OPTIONS_WITH_ARG = new Set('BbcDEeFIiJLlmOoPpQRSWw'.split(''));

/** `ssh [options] [user@]host [command]` → the host and the remote command (empty when interactive). */
export function parseSsh(command: string): { host: string; command: string } | undefined {
  const words = command.length > MAX_PROMPT_LINE ? [] : command.trim().split(/\s+/);
  if (words[0] !== 'ssh' && words[0] !== '/usr/bin/ssh') return undefined;
  let i = 1;
  for (; i < words.length; i++) {
    const w = words[i] ?? '';
    if (!w.startsWith('-') || w === '-') break;
    const letter = w.slice(-1);
    if (w.length === 2 && SSH_OPTIONS_WITH_ARG.has(letter)) i++;
  }
  const target = words[i];
  if (target === undefined) return undefined;
  const host = target.replace(/^ssh:\/\//, '').replace(/^[^@]*@/, '').replace(/:\d+$/, '');
  if (!/^[A-Za-z0-9][\w.:-]{0,252}$/.test(host)) return undefined;
  let rest = words.slice(i + 1).join(' ');
  const quoted = /^(['"])(.*)\1$/.exec(rest);
  if (quoted) rest = quoted[2] ?? '';
  return { host, command: rest.trim() };
}

const FENCE = /^\s{0,3}(?:`{3,}|~{3,})[^`]{0,200}$/;

function isFence(text: string): boolean {
  return (text.includes('```') || text.includes('~~~')) && FENCE.test(text);
}

const PASSWORD = /^\s{0,8}(?:\(\S{1,300}\)\s*)?(?:\S{1,300}'s\s+)?password(?:\s+for\s+\S{1,300})?:\s*$/i;

// Login banners and session ends: never worth a "not recognised" warning.
const NOISE =
  /^\s*(?:Last login:|The time and date of this login|WARNING:|All commands run on the ESXi shell|support bundles\.|Most tools can prompt|VMware offers|see www\.vmware\.com|The ESXi Shell can be disabled|vSphere Security documentation|Using keyboard-interactive|Keyboard-interactive authentication|Warning: Permanently added|Connection to \S+ closed|logout$|exit$|Welcome to)/i;

// Shell housekeeping commands: kept as ignored blocks, but a warning about them would only be noise.
const SILENT_COMMANDS = /^(?:exit|logout|clear|cd(?:\s.*)?|pwd)$/;

const NOT_FOUND = /^\s*-?(?:sh|ash|bash|busybox):\s.{0,300}not found\s*$/i;
const UNKNOWN_ESXCLI = /^\s*Error: Unknown command or namespace\b/i;

// ---------------------------------------------------------------------------------------------------------------
// E-mail quoting
// ---------------------------------------------------------------------------------------------------------------

/**
 * Strips e-mail quote markers (`> `, nested `> > `). The style is decided once for the whole paste (does a space
 * follow the marker?) so that the column layout of quoted tables is preserved exactly.
 */
function unquote(lines: readonly Line[]): readonly Line[] {
  let spaced = 0;
  let tight = 0;
  for (const line of lines) {
    const t = line.text;
    const at = quoteStart(t);
    if (at < 0 || at + 1 >= t.length) continue;
    if (t[at + 1] === ' ') spaced++;
    else if (t[at + 1] !== '>') tight++;
  }
  if (spaced === 0 && tight === 0) return lines;
  const withSpace = spaced >= tight;
  return lines.map((line) => {
    let i = quoteStart(line.text);
    if (i < 0) return line;
    const t = line.text;
    while (t[i] === '>') {
      i++;
      if (withSpace && t[i] === ' ') i++;
      else while (t[i] === ' ' && t[i + 1] === '>') i++;
    }
    return { n: line.n, text: t.slice(i) };
  });
}

function quoteStart(text: string): number {
  let i = 0;
  while (i < 3 && text[i] === ' ') i++;
  return text[i] === '>' ? i : -1;
}

// ---------------------------------------------------------------------------------------------------------------
// "Did you mean"
// ---------------------------------------------------------------------------------------------------------------

// Words of the supported commands plus real ESXi words that must never be "corrected" into them
// (`ipv6` is a command of its own, not a typo of `ipv4`).
const SUPPORTED_WORDS = new Set(
  Object.values(COMMAND_EXAMPLES).flatMap((c) => c.split(' ').filter((w) => !w.startsWith('-') && !/^vmk\d$/.test(w))),
);
const OTHER_WORDS = [
  'localcli', 'ipv6', 'neighbor', 'connection', 'vswitch', 'standard', 'dvs', 'vmware', 'nic', 'portgroup',
  'policy', 'failover', 'add', 'remove', 'set', 'dns', 'server', 'search', 'firewall', 'ruleset', 'storage', 'core',
  'software', 'vib', 'vm', 'process', 'hardware', 'module', 'parameters', 'stats', 'security', 'uptime', 'hostname',
  'vmkping', 'esxtop', 'esxcfg-vmhbadevs', 'esxcfg-scsidevs', 'esxcfg-mpath', 'esxcfg-info', 'vmkchdev', 'grep',
  'cat', 'less', 'more', 'ls', 'cd', 'vi', 'esxcfg-ipsec', 'esxcfg-firewall', 'esxcfg-volume', 'esxcfg-dumppart',
  'esxcfg-nas', 'esxcfg-fcoe', 'esxcfg-hwiscsi', 'esxcfg-swiscsi', 'esxcfg-init', 'esxcfg-module', 'esxcfg-rescan',
  'esxcfg-resgrp', 'esxcfg-boot', 'esxcfg-auth', 'vmkload_mod', 'vmkfstools', 'vmkvsitools', 'vmkerrcode', 'vsish',
  'pktcap-uw', 'tcpdump-uw', 'net-stats', 'nc', 'ping', 'traceroute',
];
const VOCABULARY = new Set([...SUPPORTED_WORDS, ...OTHER_WORDS]);

/**
 * For a command that was not recognised, the supported command the user most likely meant: only when one of its
 * words is a near miss of a supported command word (`esxcfg-vmkinc -l` → `esxcfg-vmknic -l`). A correct but
 * unsupported command (`esxcfg-vmknic -a …`, `vmkping …`) gets no hint.
 */
export function suggestCommand(command: string, parsers: readonly Detector[]): string | undefined {
  if (command.length > 300) return undefined;
  const words = command.trim().split(/\s+/);
  let changed = false;
  let programChanged = false;
  const fixed = words.map((word, index) => {
    if (word.startsWith('-') || VOCABULARY.has(word) || /\d/.test(word)) return word;
    const near = nearestWord(word);
    if (near === undefined) return word;
    changed = true;
    if (index === 0) programChanged = true;
    return near;
  });
  if (!changed) return undefined;
  const corrected = fixed.join(' ');
  if (parsers.some((p) => safely(() => p.matchesCommand(corrected), false))) return corrected;
  if (!programChanged) return undefined;
  // `esxcfg-vmkinc` alone: point at the listing form of the program the user meant — only for programs with one
  // supported form (a misspelled `esxcli` says nothing about which namespace was meant).
  const examples = Object.values(COMMAND_EXAMPLES).filter((c) => c.split(' ')[0] === fixed[0]);
  return examples.length === 1 ? examples[0] : undefined;
}

function nearestWord(word: string): string | undefined {
  const limit = word.length <= 3 ? 0 : word.length <= 6 ? 1 : 2;
  if (limit === 0) return undefined;
  let best: string | undefined;
  let bestDistance = limit + 1;
  let tie = false;
  for (const candidate of SUPPORTED_WORDS) {
    const d = distance(word.toLowerCase(), candidate.toLowerCase(), limit);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
      tie = false;
    } else if (d === bestDistance) {
      tie = true;
    }
  }
  return best !== undefined && !tie && bestDistance <= limit ? best : undefined;
}

/** Optimal-string-alignment distance (typos swap letters: `vmkinc`), cut off above `limit`. */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row: number[] = [i];
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const up = rows[i - 1] as number[];
      let value = Math.min((up[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (up[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, ((rows[i - 2] as number[])[j - 2] ?? 0) + 1);
      }
      row.push(value);
    }
    rows.push(row);
  }
  return (rows[a.length] as number[])[b.length] ?? limit + 1;
}
