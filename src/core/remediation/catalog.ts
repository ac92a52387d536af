/**
 * Remediations R1–R10 of domain.md §3 as data: what to do, in which order, with which commands, how to check the
 * result and how to undo it. Commands are templates with `{placeholder}`s (documented in templates.ts) that the UI
 * fills from the model; every template passes the syntax check in syntax.ts once filled with example values.
 *
 * Command flavours:
 * - `esxcli`: ESXi Shell / SSH commands for current hosts (esxcli, plus vmkping / vim-cmd / esxtop where esxcli has
 *   no equivalent);
 * - `esxcfg`: the legacy esxcfg-* and vim-cmd forms, for 4.x/5.x hosts or people used to them (empty where none exists);
 * - `powercli`: PowerCLI against vCenter.
 *
 * Where domain.md marks a command's behaviour [U] (unsure) or [I] (inferred), the step text says so.
 */
import type { RuleConfidence } from '../model/evidence.ts';
import type { SourceKey } from './sources.ts';

export { SOURCES, SOURCE_KEYS, type SourceKey, type SourceRef } from './sources.ts';

export const REMEDIATION_IDS = ['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8', 'R9', 'R10'] as const;
export type RemediationId = (typeof REMEDIATION_IDS)[number];

export type CommandFlavour = 'esxcli' | 'esxcfg' | 'powercli';

export interface RemediationCommands {
  readonly esxcli: readonly string[];
  readonly esxcfg: readonly string[];
  readonly powercli: readonly string[];
}

/** One step: a sentence for the reader and, per flavour, the commands of that step in order. */
export interface RemediationStep {
  readonly text: string;
  readonly esxcli?: readonly string[];
  readonly esxcfg?: readonly string[];
  readonly powercli?: readonly string[];
}

export interface RemediationImpact {
  /** Whether the host should be in maintenance mode (evacuated) while applying it. */
  readonly maintenanceMode: boolean | 'recommended';
  /** Whether applying it can cut established connections. */
  readonly dropsConnections: boolean;
  readonly note: string;
}

export interface RemediationDefinition {
  readonly id: RemediationId;
  readonly title: string;
  readonly summary: string;
  /** [V]/[I]/[U] of the remediation as a whole (R9 is an inferred workaround). */
  readonly confidence: RuleConfidence;
  /** Where it is applied: on every host taking part in migrations, or per VM. */
  readonly scope: 'each-host' | 'per-vm';
  readonly steps: readonly RemediationStep[];
  /** All step commands per flavour, in step order (derived from `steps`). */
  readonly commands: RemediationCommands;
  /** Read-only checks: `command  # what to look for`. */
  readonly verify: readonly string[];
  /** Undo, in order: `command  # note`. */
  readonly rollback: readonly string[];
  readonly risk: string;
  readonly impact: RemediationImpact;
  /** Version caveats and other limits. */
  readonly caveats: readonly string[];
  readonly sources: readonly SourceKey[];
}

type Draft = Omit<RemediationDefinition, 'commands'>;

/** Builds the per-flavour command lists from the steps, so the two can never disagree. */
function define(draft: Draft): RemediationDefinition {
  const pick = (flavour: CommandFlavour) => draft.steps.flatMap((s) => s[flavour] ?? []);
  return { ...draft, commands: { esxcli: pick('esxcli'), esxcfg: pick('esxcfg'), powercli: pick('powercli') } };
}

const ESXCLI_V2 = '$e = Get-EsxCli -VMHost {host} -V2';
const VMK_ADAPTER = 'Get-VMHostNetworkAdapter -VMHost {host} -VMKernel -Name';

const R1 = define({
  id: 'R1',
  title: 'Put vMotion on its own subnet and VLAN',
  summary:
    'The root fix: give the vMotion vmknic an address in a dedicated subnet on its own VLAN, so the routing table can no longer send vMotion out of the management vmknic.',
  confidence: 'verified',
  scope: 'each-host',
  steps: [
    {
      text: 'Before changing anything, have the network team allow (trunk) VLAN {vlan} on the physical switch ports of every uplink of {vswitch}, on every host. The command shows which uplinks those are.',
      esxcli: ['esxcli network vswitch standard list -v {vswitch}'],
      esxcfg: ['esxcfg-vswitch -l'],
      powercli: ['Get-VirtualSwitch -VMHost {host} -Name {vswitch}'],
    },
    {
      text: 'Move the vMotion port group {portGroup} to VLAN {vlan}. (On a distributed switch, change the VLAN of the distributed port group in vCenter instead.)',
      esxcli: ['esxcli network vswitch standard portgroup set -p "{portGroup}" -v {vlan}'],
      esxcfg: ['esxcfg-vswitch -v {vlan} -p "{portGroup}" {vswitch}'],
      powercli: ['Get-VMHost {host} | Get-VirtualPortGroup -Name "{portGroup}" | Set-VirtualPortGroup -VLanId {vlan}'],
    },
    {
      text: 'Give the vMotion vmknic {vmk} its address in the new subnet. Add `-g {gateway}` (a per-vmknic gateway, 6.5 and later) only for routed vMotion, see R8.',
      esxcli: ['esxcli network ip interface ipv4 set -i {vmk} -t static -I {ip} -N {netmask}'],
      esxcfg: ['esxcfg-vmknic -i {ip} -n {netmask} "{portGroup}"'],
      powercli: [`${VMK_ADAPTER} {vmk} | Set-VMHostNetworkAdapter -IP {ip} -SubnetMask {netmask} -Confirm:$false`],
    },
    {
      text: 'Repeat on every host that migrates to or from this one: until both ends are moved, vMotion between them fails. Never apply this to the management vmknic (vmk0). Then test with a throw-away VM.',
    },
  ],
  verify: [
    'esxcfg-route -l  # look for a separate Local Subnet line for the new vMotion subnet, naming {vmk}',
    'esxcli network ip interface ipv4 get -i {vmk}  # shows {ip} and {netmask}',
    'vmkping -I {vmk} {peerIp}  # the peer host answers on its vMotion address',
    'esxcli network ip connection list | grep :8000  # during a test vMotion the local address is {ip}, not the management address',
  ],
  rollback: [
    'esxcli network vswitch standard portgroup set -p "{portGroup}" -v {previousVlan}',
    'esxcli network ip interface ipv4 set -i {vmk} -t static -I {previousIp} -N {previousNetmask}',
  ],
  risk: 'Every physical port behind the switch must carry the new VLAN first, or the vMotion vmknic loses its network. vMotion to and from this host is unavailable until the peer hosts are moved too. Never re-address the management vmknic this way: the host would drop off vCenter.',
  impact: {
    maintenanceMode: false,
    dropsConnections: true,
    note: 'Only vMotion sessions through the vMotion vmknic are cut while it changes address; VM and management traffic are untouched. Do it while no migration runs.',
  },
  caveats: [
    'The `-g` option of `ipv4 set` (per-vmknic gateway) exists from 6.5 on.',
    'The esxcli/esxcfg port-group commands cover standard switches only; distributed port groups are changed in vCenter.',
    'The esxcfg-* forms are for 4.x/5.x hosts.',
  ],
  sources: ['DOC65', 'SEED0', 'SEED1', 'KB318546', 'DOC80'],
});

const R2 = define({
  id: 'R2',
  title: 'Move vMotion to the vmotion TCP/IP stack',
  summary:
    'Create a vMotion vmknic on the dedicated vmotion netstack. That stack has its own routing table and gateway, so vMotion can never leave through vmk0, and routed (L3) vMotion becomes possible.',
  confidence: 'verified',
  scope: 'each-host',
  steps: [
    {
      text: 'Work on one host at a time, preferably in maintenance mode: from the moment a vmotion-stack vmknic exists, this host stops using default-stack vmknics for vMotion. Create the vmotion TCP/IP stack (once per host, 6.0 and later). If it already exists the command reports an error, whose exact text is unsure [U]; you can go on.',
      esxcli: ['esxcli network ip netstack add -N vmotion'],
      powercli: [ESXCLI_V2, "$e.network.ip.netstack.add.Invoke(@{netstack='vmotion'})"],
    },
    {
      text: 'Create the port group {newPortGroup} on {vswitch}, on the vMotion VLAN {vlan}.',
      esxcli: [
        'esxcli network vswitch standard portgroup add -p "{newPortGroup}" -v {vswitch}',
        'esxcli network vswitch standard portgroup set -p "{newPortGroup}" -v {vlan}',
      ],
      powercli: ['Get-VirtualSwitch -VMHost {host} -Name {vswitch} | New-VirtualPortGroup -Name "{newPortGroup}" -VLanId {vlan}'],
    },
    {
      text: "Create the vmknic {newVmk} on the vmotion stack. PowerCLI's New-VMHostNetworkAdapter has no netstack parameter [U], so the PowerCLI form goes through Get-EsxCli -V2.",
      esxcli: ['esxcli network ip interface add -i {newVmk} -p "{newPortGroup}" -N vmotion'],
      powercli: ["$e.network.ip.interface.add.Invoke(@{interfacename='{newVmk}'; portgroupname='{newPortGroup}'; netstack='vmotion'})"],
    },
    {
      text: 'Distributed switch instead of the two steps above: attach the vmknic to a free port {dvPort} of the vMotion distributed port group on {dvs}. This form is used verbatim in many migration scripts; combining it with `-N vmotion` is inferred [I]. The vSphere Client cannot choose the vmotion stack in the distributed port group wizard, so add the adapter on the host.',
      esxcli: ['esxcli network ip interface add --interface-name={newVmk} --dvs-name="{dvs}" --dvport-id={dvPort} -N vmotion'],
    },
    {
      text: 'Give {newVmk} its vMotion address.',
      esxcli: ['esxcli network ip interface ipv4 set -i {newVmk} -t static -I {ip} -N {netmask}'],
      powercli: [`${VMK_ADAPTER} {newVmk} | Set-VMHostNetworkAdapter -IP {ip} -SubnetMask {netmask} -Confirm:$false`],
    },
    {
      text: 'Only if jumbo frames work end to end (physical switches, uplinks, peer hosts): raise its MTU, see R7.',
      esxcli: ['esxcli network ip interface set -i {newVmk} -m {mtu}'],
      powercli: [`${VMK_ADAPTER} {newVmk} | Set-VMHostNetworkAdapter -Mtu {mtu} -Confirm:$false`],
    },
    {
      text: 'Routed (L3) vMotion only: give the vmotion stack its own default gateway. Whether `route ipv4 add` accepts `-N` is unsure [U] (public deployment scripts use `-N defaultTcpipStack`); if it is refused, set the gateway of the vMotion TCP/IP stack in the vSphere Client (host > Configure > Networking > TCP/IP configuration).',
      esxcli: ['esxcli network ip route ipv4 add -N vmotion -n default -g {gateway}'],
      powercli: ["$e.network.ip.route.ipv4.add.Invoke(@{netstack='vmotion'; network='default'; gateway='{gateway}'})"],
    },
    {
      text: 'Once {newVmk} reaches the peer host (verification below), remove the VMotion tag from the old default-stack vmknic {vmk}; it has no effect any more and only misleads.',
      esxcli: ['esxcli network ip interface tag remove -i {vmk} -t VMotion'],
      powercli: [`${VMK_ADAPTER} {vmk} | Set-VMHostNetworkAdapter -VMotionEnabled $false -Confirm:$false`],
    },
    { text: 'Repeat on every host that takes part in migrations (source and destination), then test with a throw-away VM.' },
  ],
  verify: [
    'esxcli network ip netstack list  # a block named vmotion is listed',
    'esxcfg-vmknic -l  # {newVmk} shows NetStack vmotion',
    'esxcli network ip route ipv4 list -N vmotion  # the connected route of the new subnet; for routed vMotion also default via {gateway}',
    'vmkping -S vmotion -I {newVmk} -d -s {pingSize} {peerIp}  # replies: the peer answers and frames of the vmknic MTU pass unfragmented',
    'esxtop  # press n, run a test vMotion: the {newVmk} row carries the traffic, not vmk0',
  ],
  rollback: [
    'esxcli network ip interface remove -i {newVmk}',
    'esxcli network ip interface tag add -i {vmk} -t VMotion  # the old vmknic carries vMotion again once no vmotion-stack vmknic is left',
    'esxcli network vswitch standard portgroup remove -p "{newPortGroup}" -v {vswitch}',
  ],
  risk: "A vmknic's TCP/IP stack can never be changed afterwards: delete and recreate instead. The moment a vmotion-stack vmknic exists, vMotion on the host's default-stack vmknics is disabled for new sessions, so the peer hosts must be reachable from the new vmknic first or vMotion to and from this host stops.",
  impact: {
    maintenanceMode: 'recommended',
    dropsConnections: false,
    note: 'VM and management traffic are untouched and a migration already running completes; new migrations use only the new vmknic, so a mistake strands the host until it is fixed.',
  },
  caveats: [
    'Needs 6.0 or later: there is no vmotion stack before 6.0.',
    'PowerCLI New-VMHostNetworkAdapter has no netstack parameter [U]; the PowerCLI forms use Get-EsxCli -V2.',
    'On a distributed switch use the --dvs-name/--dvport-id form; the vSphere Client DVS wizard cannot select the vmotion stack.',
    'Whether `esxcli network ip route ipv4 add` accepts -N is unsure [U].',
  ],
  sources: ['DOC65', 'WAHL', 'VIRTREVIEW', 'DOC80'],
});

const R3 = define({
  id: 'R3',
  title: 'Tag or untag vMotion on the right vmknic',
  summary:
    'Mark the intended vmknic as the vMotion vmknic and take the mark off the one that should not carry vMotion (often vmk0), or off default-stack vmknics whose tag the vmotion stack shadows.',
  confidence: 'verified',
  scope: 'each-host',
  steps: [
    {
      text: 'Tag the vmknic that should carry vMotion first: add before you remove, so the host never has no vMotion vmknic.',
      esxcli: ['esxcli network ip interface tag add -i {vmk} -t VMotion'],
      esxcfg: ['vim-cmd hostsvc/vmotion/vnic_set {vmk}'],
      powercli: [`${VMK_ADAPTER} {vmk} | Set-VMHostNetworkAdapter -VMotionEnabled $true -Confirm:$false`],
    },
    {
      text: 'Then remove the VMotion tag from {oldVmk}. On older hosts vnic_set above already replaces the single selected vmknic; the name and arguments of vnic_unset are unsure [U].',
      esxcli: ['esxcli network ip interface tag remove -i {oldVmk} -t VMotion'],
      esxcfg: ['vim-cmd hostsvc/vmotion/vnic_unset {oldVmk}'],
      powercli: [`${VMK_ADAPTER} {oldVmk} | Set-VMHostNetworkAdapter -VMotionEnabled $false -Confirm:$false`],
    },
    {
      text: 'Where the host already has vmotion-stack vmknics (finding VMOTION_TAG_SHADOWED), the removal step alone is the clean-up: the tag on default-stack vmknics has no effect.',
    },
  ],
  verify: [
    'esxcli network ip interface tag get -i {vmk}  # Tags include VMotion',
    'esxcli network ip interface tag get -i {oldVmk}  # VMotion is no longer listed',
    'vim-cmd hostsvc/vmotion/netconfig_get | grep selectedVnic  # older hosts: names VirtualNic-{vmk}',
  ],
  rollback: [
    'esxcli network ip interface tag add -i {oldVmk} -t VMotion',
    'esxcli network ip interface tag remove -i {vmk} -t VMotion',
  ],
  risk: 'Removing the last VMotion tag blocks vMotion to and from the host (finding NO_VMOTION_VMKNIC). Always add before you remove.',
  impact: {
    maintenanceMode: false,
    dropsConnections: false,
    note: 'Takes effect for new migrations; do not change tags while a migration runs.',
  },
  caveats: [
    'The vim-cmd forms are for older hosts; which release first has `esxcli network ip interface tag` is not recorded here [U].',
    'A vmknic on the vmotion stack needs no tag: the stack makes it a vMotion vmknic.',
  ],
  sources: ['DOC65'],
});

const R4 = define({
  id: 'R4',
  title: 'Force binding with Migrate.BindToVmknic (mitigation)',
  summary:
    'Tell ESXi to bind vMotion sockets to the vMotion vmknic instead of following the routing table. A mitigation, not a fix: the vmknics still share a subnet.',
  confidence: 'verified',
  scope: 'each-host',
  steps: [
    {
      text: 'Read the current value and the build default (the esxcli form prints both) and note the value for rollback.',
      esxcli: ['esxcli system settings advanced list -o /Migrate/BindToVmknic'],
      esxcfg: ['esxcfg-advcfg -g /Migrate/BindToVmknic'],
      powercli: ['Get-AdvancedSetting -Entity (Get-VMHost {host}) -Name Migrate.BindToVmknic'],
    },
    {
      text: 'Set the value {bindValue}: 3 binds always (6.5 and later). 6.0 accepts 0–2 only, where 2 binds only when the host has two or more vMotion vmknics; use R1, R2 or R5 there. On 5.x the meaning of each value is unsure [U] (Chan used 1 on 5.0).',
      esxcli: ['esxcli system settings advanced set -o /Migrate/BindToVmknic -i {bindValue}'],
      esxcfg: ['esxcfg-advcfg -s {bindValue} /Migrate/BindToVmknic'],
      powercli: [
        'Get-AdvancedSetting -Entity (Get-VMHost {host}) -Name Migrate.BindToVmknic | Set-AdvancedSetting -Value {bindValue} -Confirm:$false',
      ],
    },
    { text: 'Do the same on the destination host, then run a test vMotion with a throw-away VM and check which vmknic carries it.' },
  ],
  verify: [
    'esxcfg-advcfg -g /Migrate/BindToVmknic  # prints "Value of BindToVmknic is {bindValue}"',
    "esxcli network ip connection list | grep :8000  # during a test vMotion the local address is the vMotion vmknic's IP",
    'esxtop  # press n during a test vMotion: MbTX/s rises on the {vmk} row, not on vmk0',
  ],
  rollback: [
    'esxcli system settings advanced set -o /Migrate/BindToVmknic -i {previousBindValue}',
    'esxcli system settings advanced set --default -o /Migrate/BindToVmknic  # or back to the build default (flag seen in scripts)',
    'esxcfg-advcfg -s {previousBindValue} /Migrate/BindToVmknic',
  ],
  risk: 'Does nothing for cold data (NFC), management or the receiving side; the multihoming stays unsupported. On 6.0 there is no "always bind" value.',
  impact: { maintenanceMode: false, dropsConnections: false, note: 'Applies to new vMotion sessions.' },
  caveats: [
    'Value 3 exists from 6.5 on; the 6.0 U3 maximum is 2.',
    'On 5.x the meaning of each value is unsure [U]; Chan reports that 1 forced binding on 5.0.',
    'Builds 6.5d and later default to 3 already: a problem there means someone lowered the value (finding BIND_TO_VMKNIC_SET).',
  ],
  sources: ['LAMW', 'SEED0', 'SEED1', 'ELATOV'],
});

const R5 = define({
  id: 'R5',
  title: 'Multi-NIC vMotion',
  summary:
    'When a separate subnet is impossible: two vMotion vmknics, each on its own port group with opposite active/standby uplinks. With two vMotion vmknics ESXi binds vMotion to them (BindToVmknic 2 or 3).',
  confidence: 'verified',
  scope: 'each-host',
  steps: [
    {
      text: 'Note the current failover order of {portGroup} for rollback, then make {vmnicA} active and {vmnicB} standby for it.',
      esxcli: [
        'esxcli network vswitch standard portgroup policy failover get -p "{portGroup}"',
        'esxcli network vswitch standard portgroup policy failover set -p "{portGroup}" -a {vmnicA} -s {vmnicB}',
      ],
      powercli: [
        'Get-VirtualPortGroup -VMHost {host} -Name "{portGroup}" | Get-NicTeamingPolicy | Set-NicTeamingPolicy -MakeNicActive {vmnicA} -MakeNicStandby {vmnicB}',
      ],
    },
    {
      text: 'Create a second vMotion port group {newPortGroup} on {vswitch}, on the same VLAN {vlan}, with the opposite order.',
      esxcli: [
        'esxcli network vswitch standard portgroup add -p "{newPortGroup}" -v {vswitch}',
        'esxcli network vswitch standard portgroup set -p "{newPortGroup}" -v {vlan}',
        'esxcli network vswitch standard portgroup policy failover set -p "{newPortGroup}" -a {vmnicB} -s {vmnicA}',
      ],
      powercli: [
        'Get-VirtualSwitch -VMHost {host} -Name {vswitch} | New-VirtualPortGroup -Name "{newPortGroup}" -VLanId {vlan}',
        'Get-VirtualPortGroup -VMHost {host} -Name "{newPortGroup}" | Get-NicTeamingPolicy | Set-NicTeamingPolicy -MakeNicActive {vmnicB} -MakeNicStandby {vmnicA}',
      ],
    },
    {
      text: 'Create the second vMotion vmknic {newVmk} on it, in the same subnet as {vmk}, and tag it for vMotion.',
      esxcli: [
        'esxcli network ip interface add -i {newVmk} -p "{newPortGroup}"',
        'esxcli network ip interface ipv4 set -i {newVmk} -t static -I {ip} -N {netmask}',
        'esxcli network ip interface tag add -i {newVmk} -t VMotion',
      ],
      powercli: [
        'New-VMHostNetworkAdapter -VMHost {host} -VirtualSwitch {vswitch} -PortGroup "{newPortGroup}" -IP {ip} -SubnetMask {netmask} -VMotionEnabled $true',
      ],
    },
    { text: 'Do the same on every host; all vMotion vmknics stay in one subnet. Test with a throw-away VM.' },
  ],
  verify: [
    'esxcli network vswitch standard portgroup policy failover get -p "{newPortGroup}"  # Active Adapters: {vmnicB}; Standby Adapters: {vmnicA}',
    'esxcli network ip interface tag get -i {newVmk}  # Tags: VMotion',
    'vmkping -I {newVmk} {peerIp}  # the peer answers',
    'esxtop  # press n during a test vMotion: both vMotion vmknic rows carry traffic',
  ],
  rollback: [
    'esxcli network ip interface remove -i {newVmk}',
    'esxcli network vswitch standard portgroup remove -p "{newPortGroup}" -v {vswitch}  # the order set on {portGroup} can stay: both uplinks remain in use',
  ],
  risk: 'Cold data (NFC) and every other default-stack service in that subnet still face the multihoming. The binding relies on BindToVmknic being 2 or 3.',
  impact: {
    maintenanceMode: false,
    dropsConnections: false,
    note: 'Changing the failover order moves the existing vMotion port group to another uplink; a few packets on it may be lost during the switch. Both uplinks must carry the vMotion VLAN.',
  },
  caveats: [
    'Multi-NIC vMotion needs 5.0 or later.',
    'Works with BindToVmknic 2 or 3; with 0 or 1 the vmknics are not bound (domain.md §1.4).',
    'Denneman notes it also forces the vMotion vmknics when they share the management subnet, even on a single physical NIC.',
  ],
  sources: ['SEED1', 'YELLOWBRICKS', 'KB2007467'],
});

const R6 = define({
  id: 'R6',
  title: 'Move cold data (NFC) off the management network',
  summary:
    'Give provisioning traffic (cold migration, clones, base disks and older snapshots in a hot migration) its own vmknic on both hosts, so NFC stops using vmk0.',
  confidence: 'verified',
  scope: 'each-host',
  steps: [
    {
      text: "Simplest: enable provisioning on one default-stack vmknic that is not the management vmknic (only one per host). PowerCLI's parameter name for this is unsure [U], so the PowerCLI form goes through Get-EsxCli -V2.",
      esxcli: ['esxcli network ip interface tag add -i {provisioningVmk} -t vSphereProvisioning'],
      powercli: [ESXCLI_V2, "$e.network.ip.interface.tag.add.Invoke(@{interfacename='{provisioningVmk}'; tagname='vSphereProvisioning'})"],
    },
    {
      text: 'Or, instead of the previous step, a vmknic on the provisioning TCP/IP stack (own gateway, 6.0 and later): create the stack, a port group on VLAN {vlan} and the vmknic.',
      esxcli: [
        'esxcli network ip netstack add -N vSphereProvisioning',
        'esxcli network vswitch standard portgroup add -p "{newPortGroup}" -v {vswitch}',
        'esxcli network vswitch standard portgroup set -p "{newPortGroup}" -v {vlan}',
        'esxcli network ip interface add -i {provisioningVmk} -p "{newPortGroup}" -N vSphereProvisioning',
        'esxcli network ip interface ipv4 set -i {provisioningVmk} -t static -I {ip} -N {netmask}',
      ],
    },
    {
      text: 'Do it on source and destination. Put both provisioning vmknics in one subnet, or add static routes between their subnets (R8): without a route the source falls back to vmk0 (KB 340170 scenario 4).',
    },
  ],
  verify: [
    'esxcli network ip interface tag get -i {provisioningVmk}  # Tags include vSphereProvisioning (tag variant)',
    "esxcli network ip connection list | grep :902  # during a cold migration the local address is the provisioning vmknic's IP",
    'esxcfg-vmknic -l  # stack variant: {provisioningVmk} shows NetStack vSphereProvisioning',
  ],
  rollback: [
    'esxcli network ip interface tag remove -i {provisioningVmk} -t vSphereProvisioning',
    'esxcli network ip interface remove -i {provisioningVmk}  # stack variant: remove the provisioning-stack vmknic',
  ],
  risk: 'Creating a provisioning-stack vmknic disables provisioning on all default-stack vmknics at once. On 8.0 and later enabling provisioning also moves cold data to UDT (the vMotion protocol, with NFC as control channel); which vmknic carries that data is unsure [U].',
  impact: {
    maintenanceMode: false,
    dropsConnections: false,
    note: 'Applies to new NFC sessions; avoid changing it while clones or cold migrations run.',
  },
  caveats: [
    'The provisioning tag and stack exist from 6.0 on.',
    'Only one provisioning vmknic per host is supported.',
    'If only one host has a provisioning vmknic, the NFC target is unsure [U]: configure both sides.',
  ],
  sources: ['KB340170', 'DOC67', 'DOC70', 'DOC65_PROVISIONING', 'UDT', 'SEED1', 'KB419637'],
});

const R7 = define({
  id: 'R7',
  title: 'Align MTU along the vMotion path',
  summary:
    'Make the vMotion vmknics, their virtual switch, the uplinks and the physical network agree on one frame size, so large frames are not dropped.',
  confidence: 'verified',
  scope: 'each-host',
  steps: [
    {
      text: 'Confirm with the network team that every physical port and hop between the hosts accepts {mtu}-byte frames. Raise the MTU from the outside in: physical network, then virtual switch, then vmknic.',
    },
    {
      text: 'Raise the MTU of {vswitch}. (On a distributed switch set it on the switch in vCenter.)',
      esxcli: ['esxcli network vswitch standard set -v {vswitch} -m {mtu}'],
      esxcfg: ['esxcfg-vswitch -m {mtu} {vswitch}'],
      powercli: ['Get-VirtualSwitch -VMHost {host} -Name {vswitch} | Set-VirtualSwitch -Mtu {mtu} -Confirm:$false'],
    },
    {
      text: "Then the vMotion vmknic {vmk}; give the peer host's vMotion vmknic the same MTU.",
      esxcli: ['esxcli network ip interface set -i {vmk} -m {mtu}'],
      esxcfg: ['esxcfg-vmknic -m {mtu} "{portGroup}"'],
      powercli: [`${VMK_ADAPTER} {vmk} | Set-VMHostNetworkAdapter -Mtu {mtu} -Confirm:$false`],
    },
    { text: 'To lower the MTU, go the other way round: vmknic first, then the switch.' },
  ],
  verify: [
    'vmkping -I {vmk} -d -s {pingSize} {peerIp}  # replies: {mtu}-byte frames pass unfragmented (payload = MTU - 28: 8972 for 9000, 1472 for 1500)',
    'esxcfg-vswitch -l  # MTU column of {vswitch}',
    'esxcfg-nics -l  # MTU column of the uplinks',
    'esxcfg-vmknic -l  # MTU column of {vmk}',
  ],
  rollback: [
    'esxcli network ip interface set -i {vmk} -m {previousMtu}',
    'esxcli network vswitch standard set -v {vswitch} -m {previousMtu}',
  ],
  risk: 'The physical switch ports must allow the frame size before ESXi sends it, or large frames are dropped silently and migrations stall. A lower MTU is the safe direction.',
  impact: {
    maintenanceMode: 'recommended',
    dropsConnections: true,
    note: 'Changing a switch MTU can briefly reset its uplinks on some NIC drivers [I], interrupting every vmknic and VM on that switch.',
  },
  caveats: [
    "Both hosts' vMotion vmknics need the same MTU.",
    '`vmkping -d -s 8972` tests 9000-byte frames; for 1500 use `-s 1472`.',
  ],
  sources: [],
});

const R8 = define({
  id: 'R8',
  title: 'Route vMotion or provisioning traffic between subnets',
  summary:
    'When the vMotion (or provisioning) vmknics of two hosts sit in different subnets, give the vmknic a way to reach the other subnet itself, instead of falling back to the default gateway behind vmk0.',
  confidence: 'verified',
  scope: 'each-host',
  steps: [
    {
      text: 'On 6.5 and later: give the vmknic {vmk} its own gateway (override the default gateway). Whether re-running the command without `-g` clears the override later is unsure [U]; check the Gateway column.',
      esxcli: ['esxcli network ip interface ipv4 set -i {vmk} -t static -I {ip} -N {netmask} -g {gateway}'],
      powercli: [
        ESXCLI_V2,
        "$e.network.ip.interface.ipv4.set.Invoke(@{interfacename='{vmk}'; type='static'; ipv4='{ip}'; netmask='{netmask}'; gateway='{gateway}'})",
      ],
    },
    {
      text: "Or, on any version, a static route on the default stack towards the peer network through a router in {vmk}'s subnet. esxcfg-route answers \"Adding static route … to VMkernel\".",
      esxcli: ['esxcli network ip route ipv4 add -n {peerNetwork} -g {gateway}'],
      esxcfg: ['esxcfg-route -a {peerNetwork} {gateway}'],
      powercli: [ESXCLI_V2, "$e.network.ip.route.ipv4.add.Invoke(@{network='{peerNetwork}'; gateway='{gateway}'})"],
    },
    {
      text: 'For a vmknic on the vmotion stack, give that stack its default route instead (see R2; whether `route ipv4 add` accepts `-N` is unsure [U]).',
      esxcli: ['esxcli network ip route ipv4 add -N vmotion -n default -g {gateway}'],
    },
    { text: 'Do the same on the peer host towards this host: routing must work in both directions.' },
  ],
  verify: [
    'esxcli network ip route ipv4 list  # a route to {peerNetwork} via {gateway} on {vmk}',
    'esxcli network ip route ipv4 list -N vmotion  # vmotion stack: default via {gateway}',
    'esxcli network ip interface ipv4 get -i {vmk}  # the Gateway column shows {gateway} when the override is set',
    'vmkping -I {vmk} {peerIp}  # the peer answers',
  ],
  rollback: [
    'esxcli network ip route ipv4 remove -n {peerNetwork} -g {gateway}',
    'esxcfg-route -d {peerNetwork} {gateway}',
    'esxcli network ip interface ipv4 set -i {vmk} -t static -I {ip} -N {netmask}  # without -g; whether this clears the override is unsure [U]: check the Gateway column',
  ],
  risk: 'A static route on the default stack steers every other service towards that network too (management, storage). A wrong gateway makes the peer unreachable.',
  impact: { maintenanceMode: false, dropsConnections: false, note: 'Routes apply to new connections at once.' },
  caveats: [
    'The per-vmknic gateway (`-g`) exists from 6.5 on.',
    'The same static route fixes provisioning traffic that falls back to vmk0 (KB 340170 scenario 4).',
    'vSphere 7 documentation says cold migration cannot cross subnets, while KB 340170 shows routed provisioning working; treat it as supported when routes exist.',
  ],
  sources: ['DOC65', 'DOC67', 'KB340170', 'WAHL'],
});

const R9 = define({
  id: 'R9',
  title: 'Work around unicast flooding (interim)',
  summary:
    'Until R1 or R2 is done: keep the receiving vmknic known to the physical switch so the switch stops flooding the vMotion stream to every port of the VLAN. Both measures are hacks.',
  confidence: 'inferred',
  scope: 'each-host',
  steps: [
    { text: 'Interim only [I]: the root fix is R1 or R2. Record both measures below as workarounds.' },
    {
      text: "Keep the receiving vmknic's MAC address fresh in the physical switch by sending from it regularly, e.g. from a scheduled job on the host.",
      esxcli: ['vmkping -I {vmk} -c 1 {peerIp}'],
    },
    {
      text: 'Or ask the network team to raise the MAC aging time of the vMotion VLAN above the longest gap between migrations (Cisco default: 300 s).',
    },
    { text: 'To undo, remove the scheduled job or restore the aging time.' },
  ],
  verify: [
    'esxtop  # press n on the receiving host during a test vMotion: the receiving vmk row shows PKTTX/s, not only PKTRX/s',
    'esxcli network ip neighbor list  # the sending host is resolved through {vmk}',
  ],
  rollback: [],
  risk: 'Neither measure removes the asymmetric path: the ping job must keep running on every receiving host, and a longer MAC aging time affects the whole VLAN.',
  impact: { maintenanceMode: false, dropsConnections: false, note: 'No change to the host configuration.' },
  caveats: [
    'The flooding mechanism is inferred [I]; no VMware article states it.',
    'On 7.0 U3d and later the receive-side behaviour is undocumented [U].',
  ],
  sources: ['ELATOV', 'LTLNETWORKER', 'SEED0'],
});

const R10 = define({
  id: 'R10',
  title: 'Turn on encrypted vMotion',
  summary:
    'Where vMotion has to cross a shared network, encrypt it per VM so memory contents do not travel in clear text.',
  confidence: 'verified',
  scope: 'per-vm',
  steps: [
    {
      text: 'Audit: list the VMs whose encrypted vMotion is disabled.',
      powercli: ["Get-VM | Where {$_.ExtensionData.Config.MigrateEncryption -eq 'disabled'}"],
    },
    {
      text: 'Set encrypted vMotion for {vm} to {encryptionMode}. Opportunistic (the default) encrypts whenever both hosts can; required makes migrations to hosts older than 6.5 fail.',
      powercli: [
        '$s = New-Object VMware.Vim.VirtualMachineConfigSpec',
        "$s.MigrateEncryption = '{encryptionMode}'",
        '(Get-VM {vm}).ExtensionData.ReconfigVM($s)',
      ],
    },
  ],
  verify: ['(Get-VM {vm}).ExtensionData.Config.MigrateEncryption  # prints {encryptionMode}'],
  rollback: [
    '$s = New-Object VMware.Vim.VirtualMachineConfigSpec',
    "$s.MigrateEncryption = '{previousEncryptionMode}'",
    '(Get-VM {vm}).ExtensionData.ReconfigVM($s)',
  ],
  risk: '`required` blocks vMotion of that VM to and from hosts older than 6.5.',
  impact: { maintenanceMode: false, dropsConnections: false, note: 'Takes effect at the next migration; the VM keeps running.' },
  caveats: [
    'Needs 6.5 or later on both hosts.',
    'Encrypted VMs always use encrypted vMotion; the setting matters for unencrypted VMs.',
    'Provisioning (NFC) traffic is not encrypted by it; it is only run-length encoded.',
  ],
  sources: ['DOC65_ENCRYPTED', 'STIG', 'DOC67'],
});

export const REMEDIATIONS: Readonly<Record<RemediationId, RemediationDefinition>> = {
  R1,
  R2,
  R3,
  R4,
  R5,
  R6,
  R7,
  R8,
  R9,
  R10,
};

/** Every template string of a remediation (step texts, commands, verify, rollback) — for filling and checking. */
export function templatesOf(def: RemediationDefinition): string[] {
  return [
    ...def.steps.flatMap((s) => [s.text, ...(s.esxcli ?? []), ...(s.esxcfg ?? []), ...(s.powercli ?? [])]),
    ...def.verify,
    ...def.rollback,
  ];
}

/** Every command template of a remediation (what the syntax check runs on). */
export function commandTemplatesOf(def: RemediationDefinition): string[] {
  return [...def.commands.esxcli, ...def.commands.esxcfg, ...def.commands.powercli, ...def.verify, ...def.rollback];
}
