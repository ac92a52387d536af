/**
 * The layout of an ESXi `vm-support` bundle (shared/docs/bundles.md §1) as an allow-list: which members are read,
 * and what each is a hint of. Names only ever choose what to read; what an output *is* is decided by its content
 * (the paste detector, src/parsers/split.ts), because file names drift between builds.
 */
import { PARSERS } from '../parsers/registry.ts';

/** `esx-<host or FQDN>-<YYYY-MM-DD>--<HH.MM>-<pid>` [V bundles.md §1]. */
const TOP_FOLDER = /^esx-(.+)-(\d{4}-\d{2}-\d{2})--(\d{2})\.(\d{2})-(\d+)$/;

export interface TopFolder {
  readonly host: string;
  /** `YYYY-MM-DD HH:MM`, as the folder name gives it (the host's clock, no time zone). */
  readonly capturedAt: string;
}

export function parseTopFolder(name: string): TopFolder | undefined {
  const m = TOP_FOLDER.exec(name);
  if (!m) return undefined;
  return { host: m[1] ?? name, capturedAt: `${m[2]} ${m[3]}:${m[4]}` };
}

/** `NAME.FRAG-00000` → NAME and piece 0 [V bundles.md §1 "Split files"]. */
const FRAG = /^(.*)\.FRAG-(\d{5,})$/;

export function fragOf(path: string): { readonly base: string; readonly piece?: number } {
  const m = FRAG.exec(path);
  return m ? { base: m[1] ?? path, piece: Number(m[2]) } : { base: path };
}

/**
 * The command a `commands/` file name stands for: `<program>_<arguments joined by ->` [I bundles.md §1], esxcli run
 * as `localcli`. `esxcfg-vmknic_-l` → `esxcfg-vmknic -l`; `localcli_system-settings-advanced-list--d` →
 * `esxcli system settings advanced list -d`; `vmware-vimdump_-o----U-dcui` → `vmware-vimdump -o - -U dcui`.
 * A hint only: an argument that itself contained `-` cannot be told apart.
 */
export function commandOfFileName(fileName: string): string {
  const stem = fileName.replace(/\.txt$/i, '');
  const cut = stem.indexOf('_');
  const program0 = cut < 0 ? stem : stem.slice(0, cut);
  const program = program0 === 'localcli' ? 'esxcli' : program0;
  if (cut < 0) return program;
  const pieces = stem.slice(cut + 1).split('-');
  const args: string[] = [];
  let empties = 0;
  for (const piece of pieces) {
    if (piece === '') {
      empties++;
      continue;
    }
    // k empty pieces before a word: a lone `-` argument for each pair, then `-word` if one is left over.
    for (let i = 0; i < Math.floor(empties / 2); i++) args.push('-');
    args.push(empties % 2 === 1 ? `-${piece}` : piece);
    empties = 0;
  }
  for (let i = 0; i < Math.floor(empties / 2); i++) args.push('-');
  return [program, ...args].join(' ');
}

export type LogName = 'vmkernel' | 'hostd' | 'nfcd' | 'vpxa' | 'fdm' | 'vmware';

export type MemberRole =
  | { readonly kind: 'command'; readonly command: string }
  | { readonly kind: 'vimdump'; readonly command: string }
  | { readonly kind: 'esx-conf' }
  | { readonly kind: 'readme' }
  | { readonly kind: 'json' }
  | {
      readonly kind: 'log';
      readonly log: LogName;
      /** -1 for the current log, 0 for the newest rotation, … (vmware-N.log: N). */
      readonly rotation: number;
      readonly gz: boolean;
      /** For a VM's `vmware.log`: the VM's folder name. */
      readonly vm?: string;
    };

// Program families whose outputs the parsers read, for names a parser's own command matcher would not take
// because the name-to-command reconstruction is ambiguous (arguments containing `-`).
const FAMILIES =
  /^(?:esxcfg-(?:vmknic|route|vswitch|nics|advcfg)|vmware|localcli_(?:network-ip-(?:interface|route|netstack)|system-(?:settings-advanced|version|hostname))|esxcli_(?:network-ip|system-(?:settings-advanced|version|hostname))|vim-cmd_hostsvc-vmotion|hostname|nicinfo\.sh)(?:_|\.txt$|$)/i;
// IPv6 tables (the analysis is IPv4), the huge VSI dump and the XML inventory never feed the parsers.
const EXCLUDED = /V6|ipv6|vsi_traverse|esxcfg-info/i;

// vpxa.log ([MIGRATE] lines) and fdm.log (HA agent) are read too (issue 16).
const LOG_NAME = /^(vmkernel|hostd|nfcd|vpxa|fdm)(?:\.log)?(?:[.-](\d{1,3}))?(?:\.log)?(\.gz)?$/;
const VM_LOG = /^vmware(?:-(\d{1,3}))?\.log(\.gz)?$/;

/** What a member (path inside the host folder, FRAG suffix removed) is, or undefined when it is not read. */
export function roleOf(rel: string): MemberRole | undefined {
  if (rel === 'README' || rel === 'README.txt') return { kind: 'readme' };
  if (rel === 'etc/vmware/esx.conf') return { kind: 'esx-conf' };
  if (rel.startsWith('json/')) return { kind: 'json' };
  const slash = rel.lastIndexOf('/');
  const dir = slash < 0 ? '' : rel.slice(0, slash);
  const base = rel.slice(slash + 1);
  if (dir === 'commands' && /\.txt$/i.test(base)) {
    if (/^vmware-vimdump/i.test(base)) return { kind: 'vimdump', command: commandOfFileName(base) };
    if (EXCLUDED.test(base)) return undefined;
    const command = commandOfFileName(base);
    if (FAMILIES.test(base) || PARSERS.some((p) => safeMatch(p, command))) return { kind: 'command', command };
    return undefined;
  }
  if (dir === 'var/run/log' || dir === 'var/log' || dir.startsWith('var/log/')) {
    const m = LOG_NAME.exec(base);
    if (m) return { kind: 'log', log: m[1] as LogName, rotation: m[2] === undefined ? -1 : Number(m[2]), gz: m[3] !== undefined };
  }
  if (dir.startsWith('vmfs/volumes/')) {
    const m = VM_LOG.exec(base);
    const parts = dir.split('/');
    if (m && parts.length >= 4) {
      return { kind: 'log', log: 'vmware', rotation: m[1] === undefined ? -1 : Number(m[1]), gz: m[2] !== undefined, vm: parts[parts.length - 1] ?? '' };
    }
  }
  return undefined;
}

function safeMatch(p: (typeof PARSERS)[number], command: string): boolean {
  try {
    return p.matchesCommand(command);
  } catch {
    return false;
  }
}

/** Folders whose presence says what kind of bundle this is [V bundles.md §1]. */
export function markerOf(rel: string): 'esxi' | 'vcenter' | undefined {
  if (rel === 'etc/vmware/vm-support' || rel.startsWith('etc/vmware/vm-support/')) return 'esxi';
  if (rel === 'usr/lib/vmware-sca/conf/vc-support.properties' || rel.startsWith('usr/lib/vmware-sca/')) return 'vcenter';
  return undefined;
}

/** A vCenter export's member that is the vCenter's own bundle (`…-vcsupport…tgz`) [V bundles.md §2]. */
export function isVcenterMemberName(path: string): boolean {
  return /vc-?support/i.test(path.split('/').pop() ?? path);
}

/** A vCenter export's member that holds a host bundle: `<host or IP>-vm<date>@<time>.tgz` [I bundles.md §2]. */
export function isBundleMemberName(path: string): boolean {
  return /\.(?:tgz|tar\.gz)$/i.test(path);
}
