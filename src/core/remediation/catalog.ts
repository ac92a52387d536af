/**
 * The fixes R1–R10 as data: title, summary, risk, impact, caveats and sources. What each fix prints for a host
 * (steps, commands per shell, verification, rollback) depends on the host's release and switch kind and lives in
 * plans.ts; the commands are built from parts and quoted per shell in shell.ts.
 */
import type { RuleConfidence } from '../model/evidence.ts';
import type { SourceKey } from './sources.ts';

export { SOURCES, SOURCE_KEYS, type SourceKey, type SourceRef } from './sources.ts';

export const REMEDIATION_IDS = ['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8', 'R9', 'R10'] as const;
export type RemediationId = (typeof REMEDIATION_IDS)[number];

export type CommandFlavour = 'esxcli' | 'esxcfg' | 'powercli';

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
  readonly risk: string;
  readonly impact: RemediationImpact;
  /** Version caveats and other limits. */
  readonly caveats: readonly string[];
  readonly sources: readonly SourceKey[];
}

const def = (d: RemediationDefinition): RemediationDefinition => d;

const R1 = def({
  id: 'R1',
  title: 'Put vMotion on its own subnet and VLAN',
  summary:
    'The root fix: give the vMotion vmknic an address in a dedicated subnet on its own VLAN, so the routing table can no longer send vMotion out of the management vmknic.',
  confidence: 'verified',
  scope: 'each-host',
  risk: 'Every physical port behind the switch must carry the new VLAN first, or the vMotion vmknic loses its network. vMotion to and from this host is unavailable until the peer hosts are moved too. Never re-address the management vmknic this way: the host would drop off vCenter.',
  impact: {
    maintenanceMode: false,
    dropsConnections: true,
    note: 'Only vMotion sessions through the vMotion vmknic are cut while it changes address; VM and management traffic are untouched. Do it while no migration runs.',
  },
  caveats: [
    'The `-g` option of `ipv4 set` (per-vmknic gateway) exists from 6.5 on.',
    'The esxcli/esxcfg port-group commands cover standard switches only; distributed port groups are changed in vCenter.',
    'The esxcfg-* forms are the older way, for 5.x hosts or people used to them.',
  ],
  sources: ['DOC65', 'SEED0', 'SEED1', 'KB318546', 'DOC80'],
});

const R2 = def({
  id: 'R2',
  title: 'Move vMotion to the vmotion TCP/IP stack',
  summary:
    'Create a vMotion vmknic on the dedicated vmotion netstack. That stack has its own routing table and gateway, so vMotion can never leave through vmk0, and routed (L3) vMotion becomes possible.',
  confidence: 'verified',
  scope: 'each-host',
  risk: "A vmknic's TCP/IP stack can never be changed afterwards: delete and recreate instead. The moment a vmotion-stack vmknic exists, vMotion on the host's default-stack vmknics is disabled for new sessions, so the peer hosts must be reachable from the new vmknic first or vMotion to and from this host stops.",
  impact: {
    maintenanceMode: 'recommended',
    dropsConnections: false,
    note: 'VM and management traffic are untouched and a migration already running completes; new migrations use only the new vmknic, so a mistake strands the host until it is fixed.',
  },
  caveats: [
    'Needs 6.0 or later: there is no vmotion stack before 6.0.',
    'PowerCLI New-VMHostNetworkAdapter has -NetworkStack: pass the stack from Get-VMHostNetworkStack (its Id is vmotion).',
    'If the stack exists already, `esxcli network ip netstack add -N vmotion` answers "Netstack instance \'vmotion\' is already found in kernel": nothing to do.',
    'On a distributed switch use the --dvs-name/--dvport-id form; the vSphere Client DVS wizard cannot select the vmotion stack.',
    'Whether `esxcli network ip route ipv4 add` accepts -N (5.5 and later, inferred from dated posts) is not documented by VMware; the vSphere Client sets the stack gateway too.',
  ],
  sources: ['DOC65', 'WAHL', 'VIRTREVIEW', 'DOC80'],
});

const R3 = def({
  id: 'R3',
  title: 'Tag or untag vMotion on the right vmknic',
  summary:
    'Mark the intended vmknic as the vMotion vmknic and take the mark off the one that should not carry vMotion (often vmk0), or off default-stack vmknics whose tag the vmotion stack shadows.',
  confidence: 'verified',
  scope: 'each-host',
  risk: 'Removing the last VMotion tag blocks vMotion to and from the host (finding NO_VMOTION_VMKNIC). Always add before you remove.',
  impact: {
    maintenanceMode: false,
    dropsConnections: false,
    note: 'Takes effect for new migrations; do not change tags while a migration runs.',
  },
  caveats: [
    '`esxcli network ip interface tag` first appears in 5.1 (inferred from a dated 5.1 kickstart; 5.0 has no tag namespace): on 5.0 the plan uses `vim-cmd hostsvc/vmotion/vnic_set`.',
    'A vmknic on the vmotion stack needs no tag: the stack makes it a vMotion vmknic.',
  ],
  sources: ['DOC65'],
});

const R4 = def({
  id: 'R4',
  title: 'Force binding with Migrate.BindToVmknic (mitigation)',
  summary:
    'Tell ESXi to bind vMotion sockets to the vMotion vmknic instead of following the routing table. A mitigation, not a fix: the vmknics still share a subnet.',
  confidence: 'verified',
  scope: 'each-host',
  risk: 'Does nothing for cold data (NFC), management or the receiving side; the multihoming stays unsupported. On 6.0 there is no "always bind" value.',
  impact: { maintenanceMode: false, dropsConnections: false, note: 'Applies to new vMotion sessions.' },
  caveats: [
    'Value 3 (always bind) exists from 6.5d (build 5310538) on; the 6.0 U3 maximum is 2, so 6.0 has no always-bind value.',
    'On 5.x the meaning of each value is not documented. Chan (2012) advises 1: it "should force" vMotion onto the vMotion vmknic and "may help"; the article names no build and reports no test, so it is untested advice.',
    'Builds 6.5d and later default to 3 already: a problem there means someone lowered the value (finding BIND_TO_VMKNIC_SET).',
  ],
  sources: ['LAMW', 'SEED0', 'SEED1', 'ELATOV'],
});

const R5 = def({
  id: 'R5',
  title: 'Multi-NIC vMotion',
  summary:
    'When a separate subnet is impossible: two vMotion vmknics, each on its own port group with opposite active/standby uplinks. With two vMotion vmknics ESXi binds vMotion to them (BindToVmknic 2 or 3).',
  confidence: 'verified',
  scope: 'each-host',
  risk: 'Cold data (NFC) and every other default-stack service in that subnet still face the multihoming. The binding relies on BindToVmknic being 2 or 3.',
  impact: {
    maintenanceMode: false,
    dropsConnections: false,
    note: 'Changing the failover order moves the existing vMotion port group to another uplink; a few packets on it may be lost during the switch. Both uplinks must carry the vMotion VLAN.',
  },
  caveats: [
    'Multi-NIC vMotion needs 5.0 or later.',
    'Works with BindToVmknic 2 or 3; with 0 or 1 the vmknics are not bound.',
    'Denneman notes it also forces the vMotion vmknics when they share the management subnet, even on a single physical NIC.',
  ],
  sources: ['SEED1', 'YELLOWBRICKS', 'KB2007467'],
});

const R6 = def({
  id: 'R6',
  title: 'Move cold data (NFC) off the management network',
  summary:
    'Give provisioning traffic (cold migration, clones, base disks and older snapshots in a hot migration) its own vmknic on both hosts, so NFC stops using vmk0.',
  confidence: 'verified',
  scope: 'each-host',
  risk: 'Creating a provisioning-stack vmknic disables provisioning on all default-stack vmknics at once. On 8.0 and later enabling provisioning also moves cold data to UDT (the vMotion protocol, with NFC as control channel); which vmknic carries that data is not documented.',
  impact: {
    maintenanceMode: false,
    dropsConnections: false,
    note: 'Applies to new NFC sessions; avoid changing it while clones or cold migrations run.',
  },
  caveats: [
    'The provisioning tag and stack exist from 6.0 on.',
    'Only one provisioning vmknic per host is supported.',
    'If only one host has a provisioning vmknic, which address the NFC traffic targets is not documented: configure both sides.',
  ],
  sources: ['KB340170', 'DOC67', 'DOC70', 'DOC65_PROVISIONING', 'UDT', 'SEED1', 'KB419637'],
});

const R7 = def({
  id: 'R7',
  title: 'Align MTU along the vMotion path',
  summary:
    'Make the vMotion vmknics, their virtual switch, the uplinks and the physical network agree on one frame size, so large frames are not dropped.',
  confidence: 'verified',
  scope: 'each-host',
  risk: 'The physical switch ports must allow the frame size before ESXi sends it, or large frames are dropped silently and migrations stall. A lower MTU is the safe direction.',
  impact: {
    maintenanceMode: 'recommended',
    dropsConnections: true,
    note: 'Changing a switch MTU can briefly reset its uplinks on some NIC drivers (inferred), interrupting every vmknic and VM on that switch.',
  },
  caveats: [
    "Both hosts' vMotion vmknics need the same MTU.",
    '`vmkping -d -s 8972` tests 9000-byte frames; for 1500 use `-s 1472`.',
  ],
  sources: [],
});

const R8 = def({
  id: 'R8',
  title: 'Route vMotion or provisioning traffic between subnets',
  summary:
    'When the vMotion (or provisioning) vmknics of two hosts sit in different subnets, give the vmknic a way to reach the other subnet itself, instead of falling back to the default gateway behind vmk0.',
  confidence: 'verified',
  scope: 'each-host',
  risk: 'A static route on the default stack steers every other service towards that network too (management, storage). A wrong gateway makes the peer unreachable.',
  impact: { maintenanceMode: false, dropsConnections: false, note: 'Routes apply to new connections at once.' },
  caveats: [
    'The per-vmknic gateway (`-g`) exists from 6.5 on.',
    'The same static route fixes provisioning traffic that falls back to vmk0 (KB 340170 scenario 4).',
    'vSphere 7 documentation says cold migration cannot cross subnets, while KB 340170 shows routed provisioning working; treat it as supported when routes exist.',
  ],
  sources: ['DOC65', 'DOC67', 'KB340170', 'WAHL'],
});

const R9 = def({
  id: 'R9',
  title: 'Work around unicast flooding (interim)',
  summary:
    'Until the vMotion network is separated: keep the receiving vmknic known to the physical switch so the switch stops flooding the vMotion stream to every port of the VLAN. Both measures are hacks.',
  confidence: 'inferred',
  scope: 'each-host',
  risk: 'Neither measure removes the asymmetric path: the ping job must keep running on every receiving host, and a longer MAC aging time affects the whole VLAN.',
  impact: { maintenanceMode: false, dropsConnections: false, note: 'No change to the host configuration.' },
  caveats: [
    'The flooding mechanism is inferred; no VMware article states it.',
    'On 7.0 U3d and later the receive-side behaviour is not documented.',
  ],
  sources: ['ELATOV', 'LTLNETWORKER', 'SEED0'],
});

const R10 = def({
  id: 'R10',
  title: 'Turn on encrypted vMotion',
  summary:
    'Where vMotion has to cross a shared network, encrypt it per VM so memory contents do not travel in clear text.',
  confidence: 'verified',
  scope: 'per-vm',
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

