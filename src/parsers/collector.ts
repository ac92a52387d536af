/**
 * The evidence collector: ONE copyable ESXi shell line that runs every command the analysis reads, each printed
 * under a marker line shaped like the ESXi 6.x+ prompt (`[root@esx01:~] esxcfg-vmknic -l`), so the pasted output
 * is split and recognised by the parser layer exactly like a hand-typed session (src/parsers/split.ts,
 * domain.md §4 "General rules for parsers").
 *
 * It only reads: listing commands, `tag get`, `advanced list`, a `grep` of esx.conf. Nothing is set, added or
 * removed, and nothing is written to the host (no redirection to a file). A command the host does not have (the
 * vmotion stack's route table when there is no such stack, `netstack list` and `tag get` on old 5.x, esx.conf on
 * builds without it) fails quietly and prints no marker at all, so the paste holds only real outputs.
 *
 * Shape (busybox ash, also POSIX sh):
 *   h=$(hostname -s);r(){ o=$("$@" 2>/dev/null)&&printf '[root@%s:~] %s\n%s\n' "$h" "$*" "$o";};n='esxcli network ip';…
 * `r CMD` runs CMD, and only when it succeeds prints the marker and its output; `$n`/`$a` abbreviate the long
 * esxcli prefixes so the line stays short enough to dictate. `root` in the marker is a fixed label.
 */
import type { CommandKind } from './types.ts';

export interface CollectedCommand {
  /** The command as the marker line prints it (`$v` stands for each vmknic name). */
  readonly command: string;
  /** The parser that reads its output (domain.md §4 command table). */
  readonly kind: CommandKind;
  /** Run once per vmknic (`$v` is replaced by vmk0, vmk1, …). */
  readonly perVmknic?: boolean;
  /** What the analysis takes from it. */
  readonly feeds: string;
}

export const COLLECTED_COMMANDS: readonly CollectedCommand[] = [
  { command: 'vmware -vl', kind: 'vmware-version', feeds: 'version and build (binding defaults, §1.4)' },
  { command: 'esxcfg-vmknic -l', kind: 'esxcfg-vmknic', feeds: 'vmknics: address, mask, MAC, MTU, enabled, netstack' },
  { command: 'esxcli network ip interface list', kind: 'interface-list', feeds: 'vmknics: port group or DVS, netstack, MTU' },
  { command: 'esxcli network ip interface ipv4 get', kind: 'ipv4-get', feeds: 'addresses and per-vmknic gateways' },
  { command: 'esxcli network ip interface tag get -i $v', kind: 'tag-get', perVmknic: true, feeds: 'service tags of each vmknic' },
  { command: 'esxcfg-route -l', kind: 'esxcfg-route', feeds: 'default-stack routes and their order' },
  { command: 'esxcli network ip route ipv4 list', kind: 'route-ipv4-list', feeds: 'default-stack routes' },
  { command: 'esxcli network ip route ipv4 list -N vmotion', kind: 'route-ipv4-list', feeds: 'the vmotion stack routes (only where the stack exists)' },
  { command: 'esxcli network ip netstack list', kind: 'netstack-list', feeds: 'which TCP/IP stacks exist' },
  { command: 'esxcli system settings advanced list -o /Migrate/BindToVmknic', kind: 'advanced-list', feeds: 'Migrate.BindToVmknic and its build default' },
  { command: 'esxcli system settings advanced list -o /Migrate/AutoBindVmknic', kind: 'advanced-list', feeds: 'receive-side autobind (6.0 U3 – 7.0 U2)' },
  { command: 'esxcfg-vswitch -l', kind: 'esxcfg-vswitch', feeds: 'switch MTUs, port groups, VLANs, uplinks' },
  { command: 'esxcfg-nics -l', kind: 'esxcfg-nics', feeds: 'uplink link state, speed and MTU' },
  { command: 'grep /adv/ /etc/vmware/esx.conf', kind: 'esx-conf', feeds: 'changed advanced options; on 5.x the vMotion vmknic (/adv/Migrate/Vmknic)' },
];

const NET = 'esxcli network ip ';
const ADV = 'esxcli system settings advanced list -o /Migrate/';

/** One `r …` call: the long esxcli prefixes become `$n` / `$a` (the marker still prints the full command). */
function call(command: string): string {
  if (command.startsWith(NET)) return `r $n ${command.slice(NET.length)}`;
  if (command.startsWith(ADV)) return `r $a/${command.slice(ADV.length)}`;
  return `r ${command}`;
}

/**
 * The collector line. Run it in the SSH session of each host (source and destination) and paste everything it
 * prints. Read-only: see the header comment.
 */
export function collectorCommand(): string {
  const parts = [
    'h=$(hostname -s)',
    `r(){ o=$("$@" 2>/dev/null)&&printf '[root@%s:~] %s\\n%s\\n' "$h" "$*" "$o";}`,
    `n='${NET.trim()}'`,
    `a='${ADV.slice(0, -1)}'`,
  ];
  for (const c of COLLECTED_COMMANDS) {
    if (c.perVmknic) {
      // Every vmknic name the host lists (IPv4 and IPv6 rows repeat it: sort -u).
      parts.push(`for v in $(esxcfg-vmknic -l|awk '/^vmk/{print $1}'|sort -u);do ${call(c.command)};done`);
    } else {
      parts.push(call(c.command));
    }
  }
  return parts.join(';');
}

/**
 * What the collector prints for one host, given each command's output (tests build it from example sessions; the
 * UI can show it as a sample). A command with no output entry is one the host does not have: no marker, as the
 * real line does.
 */
export function collectorOutput(host: string, outputs: Readonly<Record<string, string>>, vmknics: readonly string[]): string {
  const lines: string[] = [];
  for (const c of COLLECTED_COMMANDS) {
    const commands = c.perVmknic ? [...new Set(vmknics)].sort().map((v) => c.command.replace('$v', v)) : [c.command];
    for (const command of commands) {
      const out = outputs[command];
      if (out === undefined) continue;
      lines.push(`[root@${host}:~] ${command}`, out.replace(/\n+$/, ''));
    }
  }
  return lines.join('\n') + '\n';
}
