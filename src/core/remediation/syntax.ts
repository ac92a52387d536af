/**
 * A small syntax checker for the commands the remediation catalog prints (domain.md §3): every esxcli
 * namespace/verb, ESXi shell tool and PowerCLI cmdlet the catalog uses is described here as data — which options it
 * takes, which need a value, of what shape. A filled command that uses an unknown command, an unknown option, a
 * misspelt namespace, a missing required option or a value of the wrong shape (a netmask where an IP belongs, a
 * port-group name where a vmknic belongs) is reported. It is deliberately strict: it only knows what the catalog needs.
 *
 * Not a shell: it understands quotes, `|`, `;`, `&&`, `>` redirections and `#` comments — enough for our templates.
 */
import { ESXCLI_TAGS } from '../model/host.ts';

// ---------------------------------------------------------------------------------------------------------------
// Value shapes

export type ValueKind =
  | 'vmk'
  | 'ipv4'
  | 'netmask'
  /** `default` or `a.b.c.d/len` */
  | 'network'
  | 'int'
  | 'number'
  | 'mtu'
  | 'vlan'
  | 'netstack'
  | 'text'
  /** `/Migrate/BindToVmknic` */
  | 'advpath'
  /** `Migrate.BindToVmknic` (PowerCLI) */
  | 'advname'
  /** esxcli boolean: true/false/1/0/yes/no */
  | 'bool'
  /** PowerShell boolean: `$true` / `$false` */
  | 'psbool'
  /** `vmnic1` or `vmnic1,vmnic2` */
  | 'uplinks'
  | 'host'
  | 'mac';

export type ValueSpec = ValueKind | { readonly oneOf: readonly string[] };

/** esxcli interface tag names (domain.md §1.3; the [U] spellings are accepted as ESXi prints them). */
export const TAG_NAMES = ESXCLI_TAGS;

export interface OptionSpec {
  /** Every spelling, case-sensitive as the tool reads it: `-i`, `--interface-name`. */
  readonly names: readonly string[];
  /** Shape of the value; absent for a flag. */
  readonly value?: ValueSpec;
  readonly required?: boolean;
}

export interface EsxcliCommandSpec {
  /** Namespace path and verb, e.g. `network ip interface ipv4 set`. */
  readonly path: string;
  readonly options: readonly OptionSpec[];
  /** At least one option of each group must be given (names in their long form). */
  readonly requireOneOf?: readonly (readonly string[])[];
}

export interface PositionalSpec {
  readonly kinds: readonly ValueSpec[];
  /** Fewest positionals accepted; defaults to all of `kinds`. */
  readonly min?: number;
}

export interface ShellModeSpec {
  /** The option (short form) that selects this mode. */
  readonly option: string;
  readonly positionals: PositionalSpec;
  /** Other options (short form) this mode needs. */
  readonly requires?: readonly string[];
}

export interface ShellCommandSpec {
  readonly options: readonly OptionSpec[];
  /** Positionals when no mode option is present. */
  readonly positionals: PositionalSpec;
  /** getopt-style tools (esxcfg-*): the first listed mode option present decides the positionals. */
  readonly modes?: readonly ShellModeSpec[];
  /** True when a mode option must be present. */
  readonly requireMode?: boolean;
  /** vim-cmd style: first positional is a sub-command, the rest its arguments. */
  readonly subcommands?: Readonly<Record<string, PositionalSpec>>;
}

export interface CmdletParamSpec {
  readonly name: string;
  /** Shape of the value; absent for a switch parameter. */
  readonly value?: ValueSpec;
}

export interface CmdletSpec {
  readonly params: readonly CmdletParamSpec[];
  /** Shapes of the positional arguments accepted (usually none, or one name). */
  readonly positional: readonly ValueSpec[];
  readonly aliases?: readonly string[];
}

// ---------------------------------------------------------------------------------------------------------------
// The tables (data)

const opt = (names: string, value?: ValueSpec, required?: boolean): OptionSpec => ({
  names: names.split('/'),
  ...(value === undefined ? {} : { value }),
  ...(required ? { required } : {}),
});

const IFACE = opt('-i/--interface-name', 'vmk');
const IFACE_REQ = opt('-i/--interface-name', 'vmk', true);
const NETSTACK = opt('-N/--netstack', 'netstack');
const PG_REQ = opt('-p/--portgroup-name', 'text', true);
const TAG = opt('-t/--tagname', { oneOf: TAG_NAMES }, true);

/** esxcli namespaces/verbs used by domain.md §3 and the verification toolbox, with their options. */
export const ESXCLI_COMMANDS: readonly EsxcliCommandSpec[] = [
  { path: 'network ip interface list', options: [NETSTACK] },
  {
    path: 'network ip interface add',
    options: [
      IFACE,
      opt('-p/--portgroup-name', 'text'),
      NETSTACK,
      opt('-s/--dvs-name', 'text'),
      opt('-v/--dvport-id', 'text'),
      opt('-M/--mac-address', 'mac'),
      opt('-m/--mtu', 'mtu'),
    ],
  },
  {
    path: 'network ip interface remove',
    options: [IFACE, opt('-p/--portgroup-name', 'text'), opt('-s/--dvs-name', 'text'), opt('-v/--dvport-id', 'text'), NETSTACK],
  },
  { path: 'network ip interface set', options: [IFACE_REQ, opt('-m/--mtu', 'mtu'), opt('-e/--enabled', 'bool')] },
  // `-N` on `ipv4 get` is [U] in domain.md §4.3 (it exists on `interface list`); accepted, not used by the catalog.
  { path: 'network ip interface ipv4 get', options: [IFACE, NETSTACK] },
  {
    path: 'network ip interface ipv4 set',
    options: [
      IFACE_REQ,
      opt('-t/--type', { oneOf: ['static', 'dhcp', 'none'] }),
      opt('-I/--ipv4', 'ipv4'),
      opt('-N/--netmask', 'netmask'),
      opt('-g/--gateway', 'ipv4'),
      opt('-P/--peer-dns', 'bool'),
    ],
  },
  { path: 'network ip interface tag add', options: [IFACE_REQ, TAG] },
  { path: 'network ip interface tag remove', options: [IFACE_REQ, TAG] },
  { path: 'network ip interface tag get', options: [IFACE_REQ] },
  { path: 'network ip netstack add', options: [opt('-N/--netstack', 'netstack', true)] },
  { path: 'network ip netstack remove', options: [opt('-N/--netstack', 'netstack', true)] },
  { path: 'network ip netstack list', options: [] },
  // `-N` on `route ipv4 add` is [U] in domain.md §5.10; public deployment scripts use `-N defaultTcpipStack`.
  {
    path: 'network ip route ipv4 add',
    options: [opt('-n/--network', 'network', true), opt('-g/--gateway', 'ipv4', true), NETSTACK],
  },
  {
    path: 'network ip route ipv4 remove',
    options: [opt('-n/--network', 'network', true), opt('-g/--gateway', 'ipv4', true), NETSTACK],
  },
  { path: 'network ip route ipv4 list', options: [NETSTACK] },
  { path: 'network ip connection list', options: [opt('-t/--type', { oneOf: ['all', 'ip', 'tcp', 'udp'] }), NETSTACK] },
  { path: 'network ip neighbor list', options: [IFACE, NETSTACK, opt('-v/--version', { oneOf: ['4', '6', 'all'] })] },
  { path: 'network vswitch standard list', options: [opt('-v/--vswitch-name', 'text')] },
  {
    path: 'network vswitch standard set',
    options: [
      opt('-v/--vswitch-name', 'text', true),
      opt('-m/--mtu', 'mtu'),
      opt('-c/--cdp-status', { oneOf: ['down', 'listen', 'advertise', 'both'] }),
    ],
  },
  { path: 'network vswitch standard portgroup list', options: [] },
  { path: 'network vswitch standard portgroup add', options: [PG_REQ, opt('-v/--vswitch-name', 'text', true)] },
  { path: 'network vswitch standard portgroup remove', options: [PG_REQ, opt('-v/--vswitch-name', 'text', true)] },
  { path: 'network vswitch standard portgroup set', options: [PG_REQ, opt('-v/--vlan-id', 'vlan')] },
  { path: 'network vswitch standard portgroup policy failover get', options: [PG_REQ] },
  {
    path: 'network vswitch standard portgroup policy failover set',
    options: [
      PG_REQ,
      opt('-a/--active-uplinks', 'uplinks'),
      opt('-s/--standby-uplinks', 'uplinks'),
      opt('-l/--load-balancing', { oneOf: ['explicit', 'iphash', 'mac', 'portid'] }),
      opt('-f/--failure-detection', { oneOf: ['beacon', 'link'] }),
      opt('-b/--failback', 'bool'),
      opt('-n/--notify-switches', 'bool'),
    ],
  },
  {
    path: 'system settings advanced list',
    options: [opt('-o/--option', 'advpath'), opt('-d/--delta'), opt('-t/--tree-path', 'text')],
  },
  {
    path: 'system settings advanced set',
    options: [
      opt('-o/--option', 'advpath', true),
      opt('-i/--int-value', 'int'),
      opt('-s/--string-value', 'text'),
      opt('-d/--default'),
    ],
    requireOneOf: [['--int-value', '--string-value', '--default']],
  },
  { path: 'system version get', options: [] },
];

/** esxcli options valid before the namespace. */
const ESXCLI_GLOBAL = [opt('--formatter', { oneOf: ['csv', 'keyvalue', 'xml', 'json', 'table', 'tree', 'simple'] }), opt('--debug')];

const none: PositionalSpec = { kinds: [] };
const one = (kind: ValueSpec): PositionalSpec => ({ kinds: [kind] });

/** ESXi shell tools other than esxcli. */
export const SHELL_COMMANDS: Readonly<Record<string, ShellCommandSpec>> = {
  'esxcfg-advcfg': {
    options: [opt('-g/--get', 'advpath'), opt('-s/--set', 'text')],
    positionals: none,
    modes: [
      { option: '-g', positionals: none },
      { option: '-s', positionals: one('advpath') },
    ],
    requireMode: true,
  },
  'esxcfg-route': {
    options: [opt('-a/--add'), opt('-d/--del'), opt('-l/--list'), opt('-n/--neighbor-list'), opt('-f/--family', { oneOf: ['V4', 'V6'] })],
    positionals: { kinds: ['ipv4'], min: 0 },
    modes: [
      { option: '-l', positionals: none },
      { option: '-n', positionals: none },
      { option: '-a', positionals: { kinds: ['network', 'ipv4'] } },
      { option: '-d', positionals: { kinds: ['network', 'ipv4'] } },
    ],
  },
  'esxcfg-vswitch': {
    options: [
      opt('-l/--list'),
      opt('-v/--vlan', 'vlan'),
      opt('-p/--pg', 'text'),
      opt('-m/--mtu', 'mtu'),
      opt('-A/--add-pg', 'text'),
      opt('-D/--del-pg', 'text'),
    ],
    positionals: one('text'),
    modes: [
      { option: '-l', positionals: none },
      { option: '-A', positionals: one('text') },
      { option: '-D', positionals: one('text') },
      { option: '-v', positionals: one('text'), requires: ['-p'] },
      { option: '-m', positionals: one('text') },
    ],
    requireMode: true,
  },
  'esxcfg-vmknic': {
    options: [
      opt('-l/--list'),
      opt('-a/--add'),
      opt('-d/--del'),
      opt('-i/--ip', 'ipv4'),
      opt('-n/--netmask', 'netmask'),
      opt('-m/--mtu', 'mtu'),
      opt('-e/--enable'),
      opt('-D/--disable'),
    ],
    positionals: one('text'),
    modes: [
      { option: '-l', positionals: none },
      { option: '-a', positionals: one('text'), requires: ['-i', '-n'] },
      { option: '-d', positionals: one('text') },
      { option: '-i', positionals: one('text'), requires: ['-n'] },
      { option: '-m', positionals: one('text') },
      { option: '-e', positionals: one('text') },
      { option: '-D', positionals: one('text') },
    ],
    requireMode: true,
  },
  'esxcfg-nics': { options: [opt('-l/--list')], positionals: none, modes: [{ option: '-l', positionals: none }], requireMode: true },
  vmkping: {
    options: [
      opt('-I', 'vmk'),
      opt('-S', 'netstack'),
      opt('++netstack', 'netstack'),
      opt('-d'),
      opt('-s', 'int'),
      opt('-c', 'int'),
      opt('-i', 'number'),
      opt('-t', 'int'),
      opt('-W', 'int'),
      opt('-N', 'ipv4'),
      opt('-D'),
      opt('-v'),
      opt('-4'),
      opt('-6'),
    ],
    positionals: one('host'),
  },
  'vim-cmd': {
    options: [],
    positionals: none,
    subcommands: {
      'hostsvc/vmotion/netconfig_get': none,
      'hostsvc/vmotion/vnic_set': one('vmk'),
      'hostsvc/vmotion/vnic_unset': { kinds: ['vmk'], min: 0 },
    },
  },
  esxtop: { options: [opt('-b'), opt('-a'), opt('-n', 'int'), opt('-d', 'number')], positionals: none },
  grep: { options: [opt('-i'), opt('-v'), opt('-E'), opt('-w'), opt('-F')], positionals: { kinds: ['text', 'text'], min: 1 } },
  vmware: { options: [opt('-v'), opt('-l')], positionals: none },
};

const p = (name: string, value?: ValueSpec): CmdletParamSpec => ({ name, ...(value === undefined ? {} : { value }) });
const CONFIRM = [p('Confirm'), p('WhatIf')];
const SERVER = p('Server', 'text');
const TRAFFIC = [
  p('ManagementTrafficEnabled', 'psbool'),
  p('VMotionEnabled', 'psbool'),
  p('FaultToleranceLoggingEnabled', 'psbool'),
  p('VsanTrafficEnabled', 'psbool'),
];

/** PowerCLI cmdlets (and the few PowerShell ones) the catalog uses; parameter names as PowerCLI spells them. */
export const POWERCLI_CMDLETS: Readonly<Record<string, CmdletSpec>> = {
  'Get-VMHost': { params: [p('Name', 'text'), p('Location', 'text'), p('State', 'text'), SERVER], positional: ['text'] },
  'Get-VMHostNetworkAdapter': {
    params: [
      p('VMHost', 'text'),
      p('VMKernel'),
      p('Physical'),
      p('Name', 'vmk'),
      p('VirtualSwitch', 'text'),
      p('PortGroup', 'text'),
      SERVER,
    ],
    positional: [],
  },
  'Set-VMHostNetworkAdapter': {
    params: [
      p('VirtualNic', 'text'),
      p('IP', 'ipv4'),
      p('SubnetMask', 'netmask'),
      p('Mtu', 'mtu'),
      p('Mac', 'mac'),
      p('Dhcp'),
      ...TRAFFIC,
      ...CONFIRM,
    ],
    positional: [],
  },
  'New-VMHostNetworkAdapter': {
    params: [
      p('VMHost', 'text'),
      p('PortGroup', 'text'),
      p('VirtualSwitch', 'text'),
      p('IP', 'ipv4'),
      p('SubnetMask', 'netmask'),
      p('Mtu', 'mtu'),
      p('Mac', 'mac'),
      p('PortId', 'text'),
      ...TRAFFIC,
      SERVER,
      ...CONFIRM,
    ],
    positional: [],
  },
  'Remove-VMHostNetworkAdapter': { params: [p('Nic', 'text'), ...CONFIRM], positional: [] },
  'Get-AdvancedSetting': { params: [p('Entity', 'text'), p('Name', 'advname'), SERVER], positional: [] },
  'Set-AdvancedSetting': { params: [p('AdvancedSetting', 'text'), p('Value', 'text'), ...CONFIRM], positional: [] },
  'Get-VirtualPortGroup': {
    params: [p('VMHost', 'text'), p('VM', 'text'), p('VirtualSwitch', 'text'), p('Name', 'text'), p('Standard'), p('Distributed'), SERVER],
    positional: [],
  },
  'Set-VirtualPortGroup': { params: [p('VirtualPortGroup', 'text'), p('Name', 'text'), p('VLanId', 'vlan'), ...CONFIRM], positional: [] },
  'New-VirtualPortGroup': {
    params: [p('VirtualSwitch', 'text'), p('Name', 'text'), p('VLanId', 'vlan'), SERVER, ...CONFIRM],
    positional: [],
  },
  'Remove-VirtualPortGroup': { params: [p('VirtualPortGroup', 'text'), ...CONFIRM], positional: [] },
  'Get-VirtualSwitch': {
    params: [p('VMHost', 'text'), p('VM', 'text'), p('Name', 'text'), p('Standard'), p('Distributed'), SERVER],
    positional: [],
  },
  'Set-VirtualSwitch': {
    params: [p('VirtualSwitch', 'text'), p('Mtu', 'mtu'), p('Nic', 'text'), p('NumPorts', 'int'), ...CONFIRM],
    positional: [],
  },
  'Get-NicTeamingPolicy': { params: [p('VirtualSwitch', 'text'), p('VirtualPortGroup', 'text'), SERVER], positional: [] },
  'Set-NicTeamingPolicy': {
    params: [
      p('VirtualSwitchPolicy', 'text'),
      p('VirtualPortGroupPolicy', 'text'),
      p('MakeNicActive', 'text'),
      p('MakeNicStandby', 'text'),
      p('MakeNicUnused', 'text'),
      p('LoadBalancingPolicy', 'text'),
      p('NetworkFailoverDetectionPolicy', 'text'),
      p('NotifySwitches', 'psbool'),
      p('FailbackEnabled', 'psbool'),
      p('InheritFailoverOrder', 'psbool'),
      ...CONFIRM,
    ],
    positional: [],
  },
  'Get-EsxCli': { params: [p('VMHost', 'text'), p('V2'), SERVER], positional: [] },
  'Get-VM': { params: [p('Name', 'text'), p('Location', 'text'), SERVER], positional: ['text'] },
  'Where-Object': { params: [p('FilterScript', 'text')], positional: ['text'], aliases: ['Where', '?'] },
  'New-Object': { params: [p('TypeName', 'text'), p('ArgumentList', 'text'), p('Property', 'text')], positional: ['text'] },
};

/** Properties the catalog assigns on API objects, with the values the vSphere API accepts (R10). */
const PROPERTY_VALUES: Readonly<Record<string, readonly string[]>> = {
  MigrateEncryption: ['disabled', 'opportunistic', 'required'],
};

// ---------------------------------------------------------------------------------------------------------------
// Value checks

const IPV4_RE = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const UNFILLED_RE = /<([A-Za-z][A-Za-z0-9]*)>|\{([A-Za-z][A-Za-z0-9]*)\}/;

function ipv4Number(text: string): number | undefined {
  const m = IPV4_RE.exec(text);
  if (!m) return undefined;
  const parts = m.slice(1, 5).map(Number);
  if (parts.some((x) => x > 255)) return undefined;
  return parts.reduce((acc, x) => acc * 256 + x, 0);
}

function isNetmask(text: string): boolean {
  const n = ipv4Number(text);
  if (n === undefined) return false;
  const inverted = 0xffffffff - n;
  return (inverted & (inverted + 1)) === 0; // ones then zeros
}

function intIn(text: string, lo: number, hi: number): boolean {
  if (!/^\d+$/.test(text)) return false;
  const n = Number(text);
  return n >= lo && n <= hi;
}

const KIND_CHECKS: Readonly<Record<ValueKind, (v: string) => boolean>> = {
  vmk: (v) => /^vmk\d+$/.test(v),
  ipv4: (v) => ipv4Number(v) !== undefined,
  netmask: isNetmask,
  network: (v) => {
    if (v === 'default') return true;
    const [ip, len, extra] = v.split('/');
    return extra === undefined && ip !== undefined && ipv4Number(ip) !== undefined && len !== undefined && intIn(len, 0, 32);
  },
  int: (v) => /^-?\d+$/.test(v),
  number: (v) => /^\d+(?:\.\d+)?$/.test(v),
  mtu: (v) => intIn(v, 1280, 9000),
  vlan: (v) => intIn(v, 0, 4095),
  netstack: (v) => /^[A-Za-z][A-Za-z0-9_-]*$/.test(v),
  text: (v) => v.trim() !== '',
  advpath: (v) => /^\/[A-Za-z0-9]+\/[A-Za-z0-9]+$/.test(v),
  advname: (v) => /^[A-Za-z0-9]+\.[A-Za-z0-9]+$/.test(v),
  bool: (v) => /^(?:true|false|1|0|yes|no)$/i.test(v),
  psbool: (v) => /^\$(?:true|false)$/i.test(v),
  uplinks: (v) => /^vmnic\d+(?:,vmnic\d+)*$/.test(v),
  host: (v) => ipv4Number(v) !== undefined || /^[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?$/.test(v),
  mac: (v) => /^(?:[0-9a-f]{2}:){5}[0-9a-f]{2}$/i.test(v),
};

const KIND_NAMES: Readonly<Record<ValueKind, string>> = {
  vmk: 'a vmknic name (vmkN)',
  ipv4: 'an IPv4 address',
  netmask: 'a dotted netmask',
  network: '`default` or a network in CIDR form',
  int: 'an integer',
  number: 'a number',
  mtu: 'an MTU between 1280 and 9000',
  vlan: 'a VLAN id 0–4095',
  netstack: 'a netstack name',
  text: 'a value',
  advpath: 'an advanced option path like /Migrate/BindToVmknic',
  advname: 'an advanced setting name like Migrate.BindToVmknic',
  bool: 'true or false',
  psbool: '$true or $false',
  uplinks: 'vmnicN[,vmnicM]',
  host: 'an IPv4 address or host name',
  mac: 'a MAC address',
};

/** Why a value does not fit its spec, or undefined. Unfilled placeholders are reported elsewhere, not here. */
function valueProblem(spec: ValueSpec, value: string): string | undefined {
  if (UNFILLED_RE.test(value)) return undefined;
  if (typeof spec === 'object') {
    return spec.oneOf.some((x) => x.toLowerCase() === value.toLowerCase())
      ? undefined
      : `"${value}" is not one of ${spec.oneOf.join(', ')}`;
  }
  return KIND_CHECKS[spec](value) ? undefined : `"${value}" is not ${KIND_NAMES[spec]}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Shell side

interface Token {
  readonly text: string;
  readonly quoted: boolean;
  /** `|`, `;`, `&&`, `||`, `>`, `>>` outside quotes. */
  readonly op?: boolean;
}

function shellTokens(line: string, problems: string[]): Token[] {
  const tokens: Token[] = [];
  let current = '';
  let quoted = false;
  let started = false;
  const push = () => {
    if (started) tokens.push({ text: current, quoted });
    current = '';
    quoted = false;
    started = false;
  };
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] as string;
    if (ch === ' ' || ch === '\t') {
      push();
      continue;
    }
    if (ch === '#' && !started) break; // a comment: the rest of the line is prose for the reader
    if (ch === "'" || ch === '"') {
      const end = line.indexOf(ch, i + 1);
      if (end < 0) {
        problems.push(`unterminated ${ch} quote`);
        return tokens;
      }
      // Only a token that starts with a quote is "quoted" (a value); `--dvs-name="a b"` stays an option.
      if (!started) quoted = true;
      current += line.slice(i + 1, end);
      started = true;
      i = end;
      continue;
    }
    if (ch === '<') {
      const m = /^<[A-Za-z][A-Za-z0-9]*>/.exec(line.slice(i));
      if (m) {
        current += m[0];
        started = true;
        i += m[0].length - 1;
        continue;
      }
    }
    if (ch === '|' || ch === ';' || ch === '&' || ch === '>' || ch === '<') {
      push();
      const two = line.slice(i, i + 2);
      const op = two === '&&' || two === '||' || two === '>>' ? two : ch;
      tokens.push({ text: op, quoted: false, op: true });
      i += op.length - 1;
      continue;
    }
    current += ch;
    started = true;
  }
  push();
  return tokens;
}

function splitSegments(tokens: readonly Token[], problems: string[]): Token[][] {
  const segments: Token[][] = [[]];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.op && (t.text === '>' || t.text === '>>')) {
      const target = tokens[i + 1];
      if (!target || target.op) problems.push('redirection without a target file');
      i++; // the target file is not an argument
      continue;
    }
    if (t.op && t.text === '<') {
      problems.push('input redirection `<` is not used by any catalog command (an unfilled placeholder?)');
      continue;
    }
    if (t.op) segments.push([]);
    else segments[segments.length - 1]?.push(t);
  }
  if (segments.length > 1 && segments.some((s) => s.length === 0)) problems.push('empty command next to an operator');
  return segments.filter((s) => s.length > 0);
}

interface ParsedOptions {
  readonly given: Map<OptionSpec, string | true>;
  readonly positionals: Token[];
}

function isOptionToken(t: Token): boolean {
  return !t.quoted && (/^--?[A-Za-z0-9]/.test(t.text) || t.text.startsWith('++')) && !/^-\d+$/.test(t.text);
}

function parseOptions(tokens: readonly Token[], options: readonly OptionSpec[], problems: string[]): ParsedOptions {
  const given = new Map<OptionSpec, string | true>();
  const positionals: Token[] = [];
  const byName = new Map<string, OptionSpec>();
  for (const o of options) for (const n of o.names) byName.set(n, o);

  const record = (spec: OptionSpec, value: string | true, shown: string) => {
    if (given.has(spec)) problems.push(`option ${shown} is given twice`);
    given.set(spec, value);
    if (spec.value !== undefined && value !== true) {
      const why = valueProblem(spec.value, value);
      if (why) problems.push(`${shown}: ${why}`);
    }
  };

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (!isOptionToken(t)) {
      positionals.push(t);
      continue;
    }
    const eq = t.text.indexOf('=');
    const isLong = t.text.startsWith('--') || t.text.startsWith('++');
    const name = isLong && eq > 0 ? t.text.slice(0, eq) : t.text;
    const inline = isLong && eq > 0 ? t.text.slice(eq + 1) : undefined;
    const spec = byName.get(name);
    if (!spec && !isLong && name.length > 2) {
      // combined short flags, e.g. `vmware -vl`
      const flags = [...name.slice(1)].map((c) => byName.get(`-${c}`));
      if (flags.every((f) => f !== undefined && f.value === undefined)) {
        for (const f of flags) if (f) record(f, true, f.names[0] ?? name);
        continue;
      }
    }
    if (!spec) {
      problems.push(`unknown option ${name}`);
      continue;
    }
    if (spec.value === undefined) {
      if (inline !== undefined) problems.push(`option ${name} takes no value`);
      record(spec, true, name);
      continue;
    }
    if (inline !== undefined) {
      record(spec, inline, name);
      continue;
    }
    const next = tokens[i + 1];
    if (!next || isOptionToken(next)) {
      problems.push(`option ${name} needs a value`);
      continue;
    }
    record(spec, next.text, name);
    i++;
  }
  return { given, positionals };
}

function longName(spec: OptionSpec): string {
  return spec.names.find((n) => n.startsWith('--')) ?? spec.names[0] ?? '';
}

function checkRequired(
  options: readonly OptionSpec[],
  given: ReadonlyMap<OptionSpec, string | true>,
  requireOneOf: readonly (readonly string[])[] | undefined,
  problems: string[],
): void {
  for (const o of options) if (o.required && !given.has(o)) problems.push(`required option ${o.names.join('/')} is missing`);
  for (const group of requireOneOf ?? []) {
    const hit = options.some((o) => given.has(o) && group.includes(longName(o)));
    if (!hit) problems.push(`one of ${group.join(', ')} is required`);
  }
}

function checkPositionals(spec: PositionalSpec, positionals: readonly Token[], problems: string[], what: string): void {
  const min = spec.min ?? spec.kinds.length;
  if (positionals.length < min) problems.push(`${what} needs ${min} argument(s), got ${positionals.length}`);
  if (positionals.length > spec.kinds.length) {
    const extra = positionals.slice(spec.kinds.length).map((t) => t.text);
    problems.push(`${what}: unexpected argument(s) ${extra.map((x) => `"${x}"`).join(' ')}`);
  }
  positionals.slice(0, spec.kinds.length).forEach((t, i) => {
    const kind = spec.kinds[i];
    const why = kind === undefined ? undefined : valueProblem(kind, t.text);
    if (why) problems.push(`${what}: ${why}`);
  });
}

const ESXCLI_PATHS = new Map(ESXCLI_COMMANDS.map((c) => [c.path, c]));

function checkEsxcli(args: readonly Token[], problems: string[]): void {
  let rest = [...args];
  // Global options before the namespace (`esxcli --formatter=csv network ...`).
  while (rest[0] && isOptionToken(rest[0])) {
    const head = rest[0].text.split('=')[0] ?? '';
    const spec = ESXCLI_GLOBAL.find((g) => g.names.includes(head));
    if (!spec) break;
    const takesNext = spec.value !== undefined && !rest[0].text.includes('=');
    parseOptions(rest.slice(0, takesNext ? 2 : 1), [spec], problems);
    rest = rest.slice(takesNext ? 2 : 1);
  }
  const words: string[] = [];
  while (rest[0] && !isOptionToken(rest[0]) && !rest[0].quoted) {
    const candidate = [...words, rest[0].text].join(' ');
    if (!ESXCLI_COMMANDS.some((c) => c.path === candidate || c.path.startsWith(`${candidate} `))) break;
    words.push(rest[0].text);
    rest = rest.slice(1);
  }
  const spec = ESXCLI_PATHS.get(words.join(' '));
  if (!spec) {
    const shown = [...words, ...rest.filter((t) => !isOptionToken(t)).slice(0, 3).map((t) => t.text)].join(' ');
    problems.push(`unknown esxcli command "esxcli ${shown}"`);
    return;
  }
  const parsed = parseOptions(rest, spec.options, problems);
  if (parsed.positionals.length > 0) {
    problems.push(`esxcli ${spec.path}: unexpected argument(s) ${parsed.positionals.map((t) => `"${t.text}"`).join(' ')}`);
  }
  checkRequired(spec.options, parsed.given, spec.requireOneOf, problems);
}

function checkShellTool(name: string, spec: ShellCommandSpec, args: readonly Token[], problems: string[]): void {
  if (spec.subcommands) {
    const sub = args[0];
    const subSpec = sub ? spec.subcommands[sub.text] : undefined;
    if (!sub || !subSpec) {
      problems.push(`${name}: unknown sub-command ${sub ? `"${sub.text}"` : '(none given)'}`);
      return;
    }
    const parsed = parseOptions(args.slice(1), spec.options, problems);
    checkPositionals(subSpec, parsed.positionals, problems, `${name} ${sub.text}`);
    return;
  }
  const parsed = parseOptions(args, spec.options, problems);
  const present = (short: string) => [...parsed.given.keys()].some((o) => o.names.includes(short));
  const mode = spec.modes?.find((m) => present(m.option));
  if (!mode && spec.requireMode) {
    problems.push(`${name} needs one of ${spec.modes?.map((m) => m.option).join(', ') ?? ''}`);
    return;
  }
  for (const r of mode?.requires ?? []) if (!present(r)) problems.push(`${name} ${mode?.option ?? ''} needs ${r}`);
  checkRequired(spec.options, parsed.given, undefined, problems);
  checkPositionals(mode?.positionals ?? spec.positionals, parsed.positionals, problems, mode ? `${name} ${mode.option}` : name);
}

function checkShellSegment(segment: readonly Token[], problems: string[]): void {
  const [head, ...args] = segment;
  if (!head) return;
  if (head.text === 'esxcli' || head.text === 'localcli') {
    checkEsxcli(args, problems);
    return;
  }
  const spec = SHELL_COMMANDS[head.text];
  if (!spec) {
    problems.push(`unknown command "${head.text}"`);
    return;
  }
  checkShellTool(head.text, spec, args, problems);
}

// ---------------------------------------------------------------------------------------------------------------
// PowerShell side

/** Splits at top level (outside quotes and brackets) wherever `isSep` says so; separators are dropped. */
function splitTopLevel(text: string, isSep: (ch: string, i: number) => boolean, problems: string[]): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === "'" || ch === '"') {
      const end = text.indexOf(ch, i + 1);
      if (end < 0) {
        problems.push(`unterminated ${ch} quote`);
        return [text];
      }
      i = end;
      continue;
    }
    if (ch === '(' || ch === '{' || ch === '[') depth++;
    else if (ch === ')' || ch === '}' || ch === ']') {
      depth--;
      if (depth < 0) {
        problems.push(`unbalanced "${ch}"`);
        return [text];
      }
    } else if (depth === 0 && isSep(ch, i)) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  if (depth !== 0) problems.push('unbalanced brackets');
  parts.push(text.slice(start));
  return parts;
}

function stripPsComment(text: string, problems: string[]): string {
  let cut = text.length;
  splitTopLevel(
    text,
    (ch, i) => {
      if (ch === '#' && cut === text.length && (i === 0 || /\s/.test(text[i - 1] ?? ''))) cut = i;
      return false;
    },
    problems,
  );
  return text.slice(0, cut);
}

function unquote(text: string): string {
  const t = text.trim();
  if (t.length >= 2 && (t[0] === "'" || t[0] === '"') && t[t.length - 1] === t[0]) return t.slice(1, -1);
  return t;
}

/** Index of the bracket closing the one at `open`, respecting quotes. */
function closingIndex(text: string, open: number): number {
  const pairs: Record<string, string> = { '(': ')', '{': '}', '[': ']' };
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === "'" || ch === '"') {
      const end = text.indexOf(ch, i + 1);
      if (end < 0) return -1;
      i = end;
      continue;
    }
    if (pairs[ch]) depth++;
    else if (ch === ')' || ch === '}' || ch === ']') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

const CMDLET_BY_NAME = new Map<string, readonly [string, CmdletSpec]>();
for (const [name, spec] of Object.entries(POWERCLI_CMDLETS)) {
  CMDLET_BY_NAME.set(name.toLowerCase(), [name, spec]);
  for (const alias of spec.aliases ?? []) CMDLET_BY_NAME.set(alias.toLowerCase(), [name, spec]);
}

function checkPsStatement(statement: string, problems: string[]): void {
  const text = stripPsComment(statement, problems).trim();
  if (text === '') return;
  const assign = /^(\$[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)\s*=(?!=)\s*([\s\S]*)$/.exec(text);
  if (assign) {
    const [, target = '', value = ''] = assign;
    const property = target.split('.').pop() ?? '';
    const allowed = PROPERTY_VALUES[property];
    if (allowed && target.includes('.')) {
      const literal = unquote(value);
      if (!UNFILLED_RE.test(literal) && !allowed.includes(literal)) {
        problems.push(`${property} must be one of ${allowed.join(', ')}, got "${literal}"`);
      }
    }
    if (value.trim() === '') problems.push(`assignment to ${target} has no value`);
    else checkPsPipeline(value, problems);
    return;
  }
  checkPsPipeline(text, problems);
}

function checkPsPipeline(expr: string, problems: string[]): void {
  const elements = splitTopLevel(expr, (ch) => ch === '|', problems);
  for (const el of elements) {
    if (el.trim() === '') problems.push('empty pipeline element');
    else checkPsElement(el.trim(), problems);
  }
}

const MEMBER_CHAIN = /^(?:\.[A-Za-z_]\w*(?:\([^()]*\))?)*$/;

function checkPsElement(el: string, problems: string[]): void {
  if (el.startsWith('(')) {
    const close = closingIndex(el, 0);
    if (close < 0) {
      problems.push('unbalanced "("');
      return;
    }
    checkPsPipeline(el.slice(1, close), problems);
    const rest = el.slice(close + 1);
    if (!MEMBER_CHAIN.test(rest)) problems.push(`cannot read "${rest}" after a sub-expression`);
    return;
  }
  if (el.startsWith('$')) {
    if (checkEsxcliV2(el, problems)) return;
    if (!/^\$[A-Za-z_]\w*/.test(el) || !MEMBER_CHAIN.test(el.replace(/^\$[A-Za-z_]\w*/, ''))) {
      problems.push(`cannot read expression "${el}"`);
    }
    return;
  }
  if (el.startsWith("'") || el.startsWith('"') || /^\d+$/.test(el)) return;
  const words = splitTopLevel(el, (ch) => /\s/.test(ch), problems).filter((w) => w !== '');
  const [name = '', ...args] = words;
  const found = CMDLET_BY_NAME.get(name.toLowerCase());
  if (!found) {
    problems.push(`unknown command or cmdlet "${name}"`);
    return;
  }
  checkCmdletArgs(found[0], found[1], args, problems);
}

function checkPsValue(spec: ValueSpec | undefined, value: string, where: string, problems: string[]): void {
  const v = value.trim();
  if (v.startsWith('(')) {
    checkPsElement(v, problems);
    return;
  }
  if (v.startsWith('$') && spec !== 'psbool') return; // a variable: its content is not ours to check
  if (v.startsWith('{')) return; // a script block (Where-Object)
  if (spec === undefined) return;
  const why = valueProblem(spec, unquote(v));
  if (why) problems.push(`${where}: ${why}`);
}

function checkCmdletArgs(name: string, spec: CmdletSpec, args: readonly string[], problems: string[]): void {
  const seen = new Set<string>();
  let positional = 0;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const m = /^-([A-Za-z][A-Za-z0-9]*)(?::([\s\S]*))?$/.exec(arg);
    if (!m) {
      const kind = spec.positional[positional];
      if (positional >= spec.positional.length) problems.push(`${name}: unexpected argument "${arg}"`);
      else checkPsValue(kind, arg, name, problems);
      positional++;
      continue;
    }
    const [, given = '', colonValue] = m;
    // PowerShell parameter names are case-insensitive; abbreviations are not accepted here on purpose.
    const param = spec.params.find((x) => x.name.toLowerCase() === given.toLowerCase());
    if (!param) {
      problems.push(`${name}: unknown parameter -${given}`);
      continue;
    }
    if (seen.has(param.name)) problems.push(`${name}: parameter -${param.name} is given twice`);
    seen.add(param.name);
    if (param.value === undefined) {
      if (colonValue !== undefined && !/^\$(?:true|false)$/i.test(colonValue)) {
        problems.push(`${name}: switch -${param.name} takes :$true or :$false, got ":${colonValue}"`);
      }
      continue;
    }
    const value = colonValue ?? args[i + 1];
    if (value === undefined || (colonValue === undefined && /^-[A-Za-z]/.test(value))) {
      problems.push(`${name}: parameter -${param.name} needs a value`);
      continue;
    }
    if (colonValue === undefined) i++;
    checkPsValue(param.value, value, `${name} -${param.name}`, problems);
  }
}

/** `$e.network.ip.interface.add.Invoke(@{interfacename='vmk2'; ...})` (Get-EsxCli -V2): check against the esxcli table. */
function checkEsxcliV2(el: string, problems: string[]): boolean {
  const m = /^\$[A-Za-z_]\w*\.((?:[A-Za-z]\w*\.)+)Invoke\(([\s\S]*)\)$/.exec(el);
  if (!m) return false;
  const path = (m[1] ?? '').split('.').filter((x) => x !== '').join(' ');
  const spec = ESXCLI_PATHS.get(path);
  if (!spec) {
    problems.push(`unknown esxcli command "${path}" in Get-EsxCli -V2 call`);
    return true;
  }
  const arg = (m[2] ?? '').trim();
  const given = new Map<OptionSpec, string | true>();
  if (arg !== '') {
    if (!arg.startsWith('@{') || !arg.endsWith('}')) {
      problems.push(`esxcli ${path}: Invoke() takes a hashtable @{...}`);
      return true;
    }
    const pairs = splitTopLevel(arg.slice(2, -1), (ch) => ch === ';', problems).filter((x) => x.trim() !== '');
    for (const pair of pairs) {
      const eq = pair.indexOf('=');
      const key = pair.slice(0, eq < 0 ? undefined : eq).trim();
      const value = eq < 0 ? '' : pair.slice(eq + 1).trim();
      const option = spec.options.find((o) => longName(o).replace(/^--/, '').replace(/-/g, '') === key.toLowerCase());
      if (!option) {
        problems.push(`esxcli ${path}: unknown argument "${key}"`);
        continue;
      }
      if (given.has(option)) problems.push(`esxcli ${path}: argument "${key}" is given twice`);
      given.set(option, value);
      if (option.value !== undefined && !value.startsWith('$')) {
        const why = valueProblem(option.value, unquote(value));
        if (why) problems.push(`esxcli ${path} ${key}: ${why}`);
      }
    }
  }
  checkRequired(spec.options, given, spec.requireOneOf, problems);
  return true;
}

// ---------------------------------------------------------------------------------------------------------------
// Entry point

export interface SyntaxIssue {
  readonly command: string;
  readonly message: string;
}

function firstWord(line: string): string {
  return /^\s*(\S+)/.exec(line)?.[1] ?? '';
}

/** Checks one command line (a filled template). Returns nothing when it is well formed. */
export function checkCommand(line: string): SyntaxIssue[] {
  const problems: string[] = [];
  const unfilled = new Set<string>();
  const code = line.replace(/\s#\s.*$/, ''); // placeholders in a trailing comment do not break the command
  for (const m of code.matchAll(new RegExp(UNFILLED_RE.source, 'g'))) unfilled.add(m[1] ?? m[2] ?? '');
  for (const name of unfilled) problems.push(`placeholder ${name} is not filled`);

  const head = firstWord(line);
  if (head === '') {
    problems.push('empty command');
  } else if (head === 'esxcli' || head === 'localcli' || SHELL_COMMANDS[head]) {
    const tokens = shellTokens(line, problems);
    for (const segment of splitSegments(tokens, problems)) checkShellSegment(segment, problems);
  } else {
    for (const statement of splitTopLevel(line, (ch) => ch === ';', problems)) checkPsStatement(statement, problems);
  }
  return problems.map((message) => ({ command: line, message }));
}
