/**
 * Typed cell validators for the column tables (domain.md §4 "General rules for parsers": validate each row with
 * typed regexes — vmk name, IPv4, IPv6, mask, MAC, integer) and the reading of the list/get command lines that
 * print those tables. Pure string functions.
 */

// ---------------------------------------------------------------------------------------------------------------
// Cell values
// ---------------------------------------------------------------------------------------------------------------

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`^${OCTET}(?:\\.${OCTET}){3}$`);

/** Dotted-quad IPv4 address without leading zeros (`010.1.1.1` is not how ESXi prints an address). */
export function isIpv4(text: string): boolean {
  return IPV4.test(text);
}

/** A dotted IPv4 netmask: contiguous one bits (`255.255.255.192`, `0.0.0.0`). */
export function isIpv4Mask(text: string): boolean {
  return maskPrefixLength(text) !== undefined;
}

/** Prefix length of a dotted IPv4 mask, or undefined when the text is not a contiguous mask. */
export function maskPrefixLength(text: string): number | undefined {
  if (!isIpv4(text)) return undefined;
  const bits = text
    .split('.')
    .map((o) => Number(o).toString(2).padStart(8, '0'))
    .join('');
  return /^1*0*$/.test(bits) ? bits.indexOf('0') === -1 ? 32 : bits.indexOf('0') : undefined;
}

/** IPv6 address as ESXi prints it (`fe80::8ae9:a4ff:fe6b:b854`, `3001:15::1:1:1`), optional `%zone`. */
export function isIpv6(text: string): boolean {
  const address = text.replace(/%[A-Za-z0-9_.-]+$/, '');
  if (!/^[0-9A-Fa-f:.]+$/.test(address) || !address.includes(':')) return false;
  const halves = address.split('::');
  if (halves.length > 2) return false;
  const groupsOf = (part: string): string[] | undefined => (part === '' ? [] : part.split(':'));
  const head = groupsOf(halves[0] ?? '');
  const tail = halves.length === 2 ? groupsOf(halves[1] ?? '') : [];
  if (head === undefined || tail === undefined) return false;
  const groups = [...head, ...tail];
  let count = 0;
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i] ?? '';
    if (i === groups.length - 1 && isIpv4(g)) {
      count += 2; // an embedded IPv4 tail (`::ffff:10.0.0.1`) takes two groups
    } else if (/^[0-9A-Fa-f]{1,4}$/.test(g)) {
      count += 1;
    } else {
      return false;
    }
  }
  return halves.length === 2 ? count <= 7 : count === 8;
}

/** `88:e9:a4:6b:b8:54` — six colon-separated octets, as esxcfg prints MACs. */
export function isMac(text: string): boolean {
  return /^[0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2}){5}$/.test(text);
}

/** A VMkernel NIC name (`vmk0`, `vmk10`). */
export function isVmkName(text: string): boolean {
  return /^vmk\d{1,4}$/.test(text);
}

/** A physical/uplink NIC name (`vmnic0`, `vusb0` of the USB NIC driver). */
export function isUplinkName(text: string): boolean {
  return /^[A-Za-z][A-Za-z0-9_.-]*\d$/.test(text);
}

/** A decimal integer as the tables print counts, MTUs and ids. */
export function isUnsignedInt(text: string): boolean {
  return /^\d{1,9}$/.test(text);
}

/** The number of an unsigned integer cell, or undefined when it is not one. */
export function readUnsignedInt(text: string | undefined): number | undefined {
  return text !== undefined && isUnsignedInt(text) ? Number(text) : undefined;
}

/** `true`/`false` (esxcfg and esxcli print lower case; be lenient on case). */
export function readBoolWord(text: string | undefined): boolean | undefined {
  const t = text?.toLowerCase();
  return t === 'true' ? true : t === 'false' ? false : undefined;
}

export function isBoolWord(text: string): boolean {
  return readBoolWord(text) !== undefined;
}

/** An NSX opaque network / logical port id as printed in the port-group cell (domain.md §4.1). */
export function isUuid(text: string): boolean {
  return /^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$/.test(text);
}

/** `N/A`: the column does not apply to this row (e.g. a vmknic without an IPv4 address). */
export function isNotApplicable(text: string): boolean {
  return /^n\/a$/i.test(text);
}

/** A check that also accepts `N/A`. */
export function orNotApplicable(check: (text: string) => boolean): (text: string) => boolean {
  return (text) => check(text) || isNotApplicable(text);
}

/** A cell as a fact: blank and `N/A` mean "not shown" (undefined), never an empty or fake value. */
export function shownValue(cell: string | undefined): string | undefined {
  return cell === undefined || cell === '' || isNotApplicable(cell) ? undefined : cell;
}

/** A single word that names something (netstack key, driver, switch port id): no blanks, no punctuation soup. */
export function isIdentifier(text: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9_.:+-]*$/.test(text);
}

// ---------------------------------------------------------------------------------------------------------------
// Command lines
// ---------------------------------------------------------------------------------------------------------------

/** A command line reduced to its program (base name, `localcli` read as `esxcli`) and its arguments. */
export interface CommandWords {
  readonly program: string;
  readonly args: readonly string[];
}

// Pagers show the same text; anything else after a pipe (grep, head, awk) changes what was printed.
const PAGERS = new Set(['more', 'less', 'cat']);

/** A command line cut into pipeline stages of words, quotes removed. */
export interface CommandStages {
  readonly stages: readonly (readonly string[])[];
  /** `;`, `&&`, a background `&` or a backquote came next: the first pipeline is not the whole command. */
  readonly chained: boolean;
  readonly unterminatedQuote: boolean;
}

/**
 * Tokenises a shell command line the way the parsers need it: words per pipeline stage, quotes removed, stopping
 * at the first `;`, `&&`, `&` or backquote. The one tokenizer behind both command-word readers.
 */
export function commandStages(command: string): CommandStages {
  const stages: string[][] = [[]];
  let word = '';
  let inWord = false;
  let quote: string | undefined;
  let chained = false;
  const flush = (): void => {
    if (inWord) stages[stages.length - 1]?.push(word);
    word = '';
    inWord = false;
  };
  for (const ch of command) {
    if (quote !== undefined) {
      if (ch === quote) quote = undefined;
      else word += ch;
      continue;
    }
    if (ch === '"' || ch === "'") {
      quote = ch;
      inWord = true;
    } else if (ch === '|') {
      flush();
      stages.push([]);
    } else if (ch === ';' || ch === '`' || (ch === '&' && !word.endsWith('>'))) {
      chained = true;
      break;
    } else if (/\s/.test(ch)) {
      flush();
    } else {
      word += ch;
      inWord = true;
    }
  }
  const unterminatedQuote = quote !== undefined;
  if (!chained) flush();
  return { stages, chained, unterminatedQuote };
}

/** The program's base name, with `localcli` read as `esxcli` (same output, domain.md §4). */
export function programName(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  return base === 'localcli' ? 'esxcli' : base;
}

/**
 * Splits a command line (the text after the prompt) into words, quotes removed. Returns undefined when the line
 * does not simply print the command's output: a pipe to anything but a pager (`| more`, `| less`), a redirection
 * into a file, or several commands chained with `;`/`&&`.
 */
export function commandWords(command: string): CommandWords | undefined {
  const { stages, chained, unterminatedQuote } = commandStages(command);
  // Chained commands (`;`, `&&`, background `&`) or command substitution: not one plain output.
  if (chained || unterminatedQuote) return undefined;
  const [first, ...pipes] = stages;
  if (first === undefined || first.length === 0) return undefined;
  for (const stage of pipes) {
    const [pager, ...options] = stage;
    if (pager === undefined || !PAGERS.has(pager) || options.some((o) => !o.startsWith('-'))) return undefined;
  }
  const args: string[] = [];
  for (const w of first.slice(1)) {
    // `2>&1` and `2>/dev/null` leave stdout alone; any other redirection sends the table elsewhere.
    if (w.includes('>') || w.includes('<')) {
      if (/^2>(&1|\/dev\/null)$/.test(w)) continue;
      return undefined;
    }
    args.push(w);
  }
  return { program: programName(first[0] ?? ''), args };
}

/** One option a list/get command may carry. `takesValue` options read the next word or `--long=value`. */
export interface OptionSpec {
  readonly key: string;
  readonly names: readonly string[];
  readonly takesValue?: boolean;
}

/**
 * Reads arguments that must all be known options. Returns the options seen (value or `true`), or undefined
 * when an unknown option, a stray word or a missing value shows the command is not the plain list/get form.
 * Short names compare case-sensitively (`-i` and `-I` differ in esxcli), long ones do not.
 */
export function readOptions(args: readonly string[], specs: readonly OptionSpec[]): Map<string, string | true> | undefined {
  const seen = new Map<string, string | true>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const spec = specs.find((s) =>
      s.names.some((n) => (n.startsWith('--') ? n.toLowerCase() === name.toLowerCase() : n === name)),
    );
    if (spec === undefined) return undefined;
    if (!spec.takesValue) {
      if (eq > 0) return undefined;
      seen.set(spec.key, true);
      continue;
    }
    const value = eq > 0 ? arg.slice(eq + 1) : args[++i];
    if (value === undefined || value === '' || value.startsWith('-')) return undefined;
    seen.set(spec.key, value);
  }
  return seen;
}

/**
 * The arguments after an esxcli namespace (`network ip route ipv4 list`), or undefined when the command is not
 * that esxcli (or localcli) command. Global options before the namespace (`--server`, `--debug`) are allowed;
 * `--formatter` other than `table` prints another layout (xml, csv, keyvalue, json), so it is refused.
 */
export function esxcliArgs(command: string, namespaces: readonly (readonly string[])[]): readonly string[] | undefined {
  const words = commandWords(command);
  if (words === undefined || words.program !== 'esxcli') return undefined;
  const lower = words.args.map((w) => w.toLowerCase());
  for (const namespace of namespaces) {
    for (let i = 0; i + namespace.length <= lower.length; i++) {
      if (!namespace.every((part, j) => lower[i + j] === part)) continue;
      if (!globalsOnly(lower.slice(0, i))) return undefined;
      return words.args.slice(i + namespace.length);
    }
  }
  return undefined;
}

function globalsOnly(words: readonly string[]): boolean {
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? '';
    if (!w.startsWith('-')) return false;
    if (w.startsWith('--formatter')) {
      const value = w.includes('=') ? w.slice(w.indexOf('=') + 1) : words[i + 1];
      if (value !== 'table') return false;
    }
    // A global option with a separate value (`--server host`, `-s host`) consumes the next word.
    if (!w.includes('=') && i + 1 < words.length && !(words[i + 1] ?? '-').startsWith('-')) i++;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------------------------
// Records
// ---------------------------------------------------------------------------------------------------------------

/** Drops undefined properties, so a fact no output showed is absent from a record (not `key: undefined`). */
export function definedOnly<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as T;
}
