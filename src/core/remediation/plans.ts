/**
 * The fix plans: for one host, given what the evidence shows about it (release, switch kind, vmknics, values),
 * the steps with their commands in order, the read-only check that proves the fix worked, and the rollback that
 * restores what the evidence showed. A fix with real alternatives (tag an existing adapter or build one on its own
 * stack; a per-adapter gateway or a static route) has one variant per choice, each complete on its own.
 *
 * Rules every builder follows:
 * - a form the host's release lacks is not printed: that release's own way is, or the plan says plainly that the
 *   fix needs an upgrade and names the fixes that work (features.ts dates every form);
 * - the host's switch kind decides the form: standard-switch commands on the host, or the distributed port-group
 *   change in vCenter (PowerCLI or vSphere Client) plus the host-side `--dvs-name/--dvport-id` form only where a
 *   new vmknic must be created;
 * - existing vmknics by their real names; a new one gets the first free vmkN (facts.newVmk); a new port group,
 *   VLAN or address is a placeholder the engineer chooses.
 */
import type { EsxiRelease } from '../versions.ts';
import { command, type Slots } from './command-text.ts';
import { FEATURES, featureWording, hostHas, type FeatureKey } from './features.ts';
import type { Has } from './releases.ts';
import type { RemediationId } from './catalog.ts';
import type { Command } from './shell.ts';

export type Topology = 'standard' | 'distributed' | 'unknown';

export interface HostFacts {
  readonly name: string;
  readonly release?: EsxiRelease;
  /** `ESXi 5.0.0 GA (build 469512)`, or undefined when no version was shown. */
  readonly releaseText?: string;
  /** Switch kind of the vmknic the fix is about. */
  readonly topology: Topology;
  /** Values for the command slots (evidence and computed); absent names stay placeholders. */
  readonly slots: Slots;
  /** The vmknic the fix is about exists (vs. a placeholder). */
  readonly hasVmk: boolean;
  /** The vmknic that should lose the VMotion tag, if any. */
  readonly hasOldVmk: boolean;
  /** The vmknic is on the vmotion netstack. */
  readonly vmkOnVmotionStack: boolean;
  /** The vMotion vmknic is the management vmknic itself (vmk0 carrying vMotion). */
  readonly vmkIsManagement?: boolean;
  /** The fix is about provisioning (NFC) traffic, which follows the routing table rather than a bound vmknic. */
  readonly forProvisioning?: boolean;
  /** `esxcli network ip netstack list` showed the vmotion / vSphereProvisioning stack. */
  readonly stacksShown: readonly string[];
  /** Migrate.BindToVmknic as pasted, and whether it is proven at the build default. */
  readonly bindPasted?: number;
  /** An existing default-stack vmknic that could carry provisioning (not management, not in its subnet). */
  readonly provisioningCandidate?: string;
  /** An existing provisioning vmknic. */
  readonly provisioningVmk?: string;
  /** The switch MTU is below the target MTU (R7 must raise it). */
  readonly switchMtuBelowTarget: boolean;
}

export interface PlanStep {
  readonly text: string;
  readonly esxcli?: readonly Command[];
  readonly esxcfg?: readonly Command[];
  readonly powercli?: readonly Command[];
}

export interface HostPlan {
  readonly steps: readonly PlanStep[];
  readonly verify: readonly Command[];
  readonly rollback: readonly Command[];
  /** Version and topology statements for this host (what was assumed, what changes, what is not possible). */
  readonly notes: readonly string[];
  /** True when the host cannot get this fix at all (its release lacks it): no commands, the notes say why. */
  readonly impossible?: boolean;
  /** The version-dependent forms the plan uses on this host (release yes or not known). */
  readonly uses?: readonly FeatureKey[];
}

export interface Variant {
  readonly key: string;
  readonly label: string;
  readonly build: (h: HostFacts) => HostPlan;
}

// ---------------------------------------------------------------------------------------------------------------
// Helpers

/** The names of the fixes, for sentences that point to another plan (never a bare id). */
export const FIX_NAMES: Readonly<Record<RemediationId, string>> = {
  R1: '"Put vMotion on its own subnet and VLAN"',
  R2: '"Move vMotion to the vmotion TCP/IP stack"',
  R3: '"Tag or untag vMotion on the right vmknic"',
  R4: '"Force binding with Migrate.BindToVmknic"',
  R5: '"Multi-NIC vMotion"',
  R6: '"Move cold data (NFC) off the management network"',
  R7: '"Align MTU along the vMotion path"',
  R8: '"Route vMotion or provisioning traffic between subnets"',
  R9: '"Work around unicast flooding"',
  R10: '"Turn on encrypted vMotion"',
};

class Writer {
  readonly notes: string[] = [];
  readonly uses = new Set<FeatureKey>();
  constructor(readonly h: HostFacts) {}
  sh(t: string): Command {
    return command('sh', t, this.h.slots);
  }
  ps(t: string): Command {
    return command('powershell', t, this.h.slots);
  }
  has(f: FeatureKey): Has {
    const has = hostHas(f, this.h.release);
    if (has !== 'no') this.uses.add(f);
    return has;
  }
  /** Records, for an unknown version, which command shows it and what a release without `f` must do instead. */
  needs(f: FeatureKey, otherwise: string): Has {
    const has = this.has(f);
    if (has === 'unknown') {
      this.notes.push(
        this.h.release
          ? `Whether ${this.h.releaseText ?? 'this release'} has ${featureWording(f)} is not established: check with \`esxcli esxcli command list\` (or the command's --help) before running it. ${otherwise}`
          : `The version of ${this.h.name} was not shown (run \`vmware -vl\`). This plan uses ${featureWording(f)}. ${otherwise}`,
      );
    }
    return has;
  }
  impossible(why: string): HostPlan {
    return { steps: [], verify: [], rollback: [], notes: [...this.notes, why], impossible: true };
  }
  done(steps: PlanStep[], verify: Command[], rollback: Command[]): HostPlan {
    return { steps: steps.filter((s) => s.text !== ''), verify, rollback, notes: this.notes, uses: [...this.uses] };
  }
  get release(): string {
    return this.h.releaseText ?? 'this host';
  }
}

const VMK = 'Get-VMHostNetworkAdapter -VMHost $vmhost -VMKernel -Name';
const DVS_NOTE =
  'On a distributed switch the port group and its VLAN, teaming and MTU belong to vCenter: change them there (PowerCLI below, or vSphere Client > Networking > the distributed port group > Edit Settings); the change reaches every host on that switch at once.';

function topologyNote(w: Writer, kind: 'standard' | 'distributed'): void {
  if (w.h.topology === 'unknown') {
    w.notes.push(
      `The evidence does not show whether the vmknic of ${w.h.name} is on a standard or a distributed switch (\`esxcfg-vswitch -l\` shows it). This plan is for a ${kind} switch; the other plan is for a ${kind === 'standard' ? 'distributed' : 'standard'} switch.`,
    );
  }
}

// ---------------------------------------------------------------------------------------------------------------
// R1 — own subnet and VLAN

function r1(kind: 'standard' | 'distributed') {
  return (h: HostFacts): HostPlan => {
    const w = new Writer(h);
    topologyNote(w, kind);
    if (h.vmkIsManagement) {
      return w.impossible(
        `On ${h.name} the vMotion vmknic is the management vmknic ({vmk}): re-addressing it would take the host off vCenter. Give vMotion a vmknic of its own instead: ${FIX_NAMES.R2}, or a new vmknic tagged for vMotion (${FIX_NAMES.R3}).`.replace('{vmk}', String(h.slots['vmk']?.value ?? 'vmk0')),
      );
    }
    const steps: PlanStep[] = [];
    if (kind === 'standard') {
      steps.push({
        text: 'Before changing anything, have the network team allow (trunk) the new VLAN on the physical switch ports of every uplink of the vMotion switch, on every host. The first command shows which uplinks those are.',
        esxcli: [w.sh('esxcli network vswitch standard list -v {vswitch}')],
        esxcfg: [w.sh('esxcfg-vswitch -l')],
        powercli: [w.ps('Get-VirtualSwitch -VMHost $vmhost -Name {vswitch}')],
      });
      steps.push({
        text: 'Move the vMotion port group to the new VLAN.',
        esxcli: [w.sh('esxcli network vswitch standard portgroup set -p {portGroup} -v {vlan}')],
        esxcfg: [w.sh('esxcfg-vswitch -v {vlan} -p {portGroup} {vswitch}')],
        powercli: [w.ps('Get-VirtualPortGroup -VMHost $vmhost -Name {portGroup} | Set-VirtualPortGroup -VLanId {vlan}')],
      });
    } else {
      steps.push({
        text: `Before changing anything, have the network team allow the new VLAN on the uplinks of the distributed switch. ${DVS_NOTE} Note the port group's current VLAN first (the first PowerCLI line) for the rollback.`,
        esxcli: [w.sh('esxcli network vswitch dvs vmware list -v {dvs}')],
        powercli: [
          w.ps('Get-VDPortgroup -VDSwitch {dvs} -Name {dvPortGroup} | Select-Object Name, VlanConfiguration'),
          w.ps('Get-VDPortgroup -VDSwitch {dvs} -Name {dvPortGroup} | Set-VDVlanConfiguration -VlanId {vlan}'),
        ],
      });
    }
    steps.push({
      text: 'Give the vMotion vmknic its address in the new subnet. Never re-address the management vmknic this way.',
      esxcli: [w.sh('esxcli network ip interface ipv4 set -i {vmk} -t static -I {ip} -N {netmask}')],
      ...(kind === 'standard' ? { esxcfg: [w.sh('esxcfg-vmknic -i {ip} -n {netmask} {portGroup}')] } : {}),
      powercli: [w.ps(`${VMK} {vmk} | Set-VMHostNetworkAdapter -IP {ip} -SubnetMask {netmask} -Confirm:$false`)],
    });
    steps.push({
      text: 'Do the same on every host that migrates to or from this one: until both ends are moved, vMotion between them fails. Then run a test vMotion with a throw-away VM.',
    });
    const verify = [
      w.sh('esxcli network ip interface ipv4 get -i {vmk}  # shows the new address and netmask'),
      w.sh('vmkping -I {vmk} -d -s {pingSize} {peerNewIp}  # the peer answers on its new vMotion address, unfragmented'),
      w.sh('esxcli network ip connection list | grep :8000  # during a test vMotion: the local address is the new vMotion address, not the management address'),
    ];
    const rollback =
      kind === 'standard'
        ? [
            w.sh('esxcli network vswitch standard portgroup set -p {portGroup} -v {previousVlan}  # the VLAN the evidence showed'),
            w.sh('esxcli network ip interface ipv4 set -i {vmk} -t static -I {previousIp} -N {previousNetmask}  # the address the evidence showed'),
          ]
        : [
            w.ps('Get-VDPortgroup -VDSwitch {dvs} -Name {dvPortGroup} | Set-VDVlanConfiguration -VlanId {previousVlan}'),
            w.sh('esxcli network ip interface ipv4 set -i {vmk} -t static -I {previousIp} -N {previousNetmask}  # the address the evidence showed'),
          ];
    return w.done(steps, verify, rollback);
  };
}

// ---------------------------------------------------------------------------------------------------------------
// R2 — vmotion TCP/IP stack

function newVmknicOnStack(w: Writer, stack: 'vmotion' | 'vSphereProvisioning', kind: 'standard' | 'distributed'): PlanStep[] {
  const h = w.h;
  const steps: PlanStep[] = [];
  if (!h.stacksShown.includes(stack)) {
    steps.push({
      text:
        stack === 'vmotion'
          ? `Create the vmotion TCP/IP stack (once per host). If it exists already ESXi answers "Netstack instance 'vmotion' is already found in kernel": go on.`
          : `Create the ${stack} TCP/IP stack (once per host). If it exists already ESXi answers that the netstack instance is already found in kernel: go on.`,
      esxcli: [w.sh(`esxcli network ip netstack add -N ${stack}`)],
    });
  }
  if (kind === 'standard') {
    steps.push({
      text: 'Create the new port group (a name you choose) on the switch, on the VLAN of the new network.',
      esxcli: [
        w.sh('esxcli network vswitch standard portgroup add -p {newPortGroup} -v {vswitch}'),
        w.sh('esxcli network vswitch standard portgroup set -p {newPortGroup} -v {vlan}'),
      ],
    });
    steps.push({
      text: `Create the vmknic {newVmk} on the ${stack} stack and give it its address. {newVmk} is the first vmknic name this host does not use yet.`,
      esxcli: [
        w.sh(`esxcli network ip interface add -i {newVmk} -p {newPortGroup} -N ${stack}`),
        w.sh('esxcli network ip interface ipv4 set -i {newVmk} -t static -I {ip} -N {netmask}'),
      ],
      powercli: [
        w.ps(`New-VMHostNetworkAdapter -VMHost $vmhost -VirtualSwitch {vswitch} -PortGroup {newPortGroup} -IP {ip} -SubnetMask {netmask} -NetworkStack (Get-VMHostNetworkStack -VMHost $vmhost | Where-Object { $_.Id -eq '${stack}' })`),
        w.ps('Get-VirtualPortGroup -VMHost $vmhost -Name {newPortGroup} | Set-VirtualPortGroup -VLanId {vlan}'),
      ],
    });
  } else {
    steps.push({
      text: `In vCenter, choose (or create) the distributed port group for the new network and a free port in it. ${DVS_NOTE} The vSphere Client wizard for distributed port groups cannot pick the ${stack} stack, so the vmknic is created on the host.`,
      powercli: [w.ps('Get-VDSwitch -Name {dvs} | New-VDPortgroup -Name {newPortGroup} -VlanId {vlan}')],
    });
    const dvs = w.has('dvsAdd');
    steps.push({
      text: `Create the vmknic {newVmk} on the ${stack} stack on that distributed port and give it its address. {newVmk} is the first vmknic name this host does not use yet. The distributed-port form combined with the stack option is used in public migration scripts, not documented by VMware.`,
      esxcli:
        dvs === 'no'
          ? []
          : [
              w.sh(`esxcli network ip interface add -i {newVmk} --dvs-name {dvs} --dvport-id {dvPort} -N ${stack}`),
              w.sh('esxcli network ip interface ipv4 set -i {newVmk} -t static -I {ip} -N {netmask}'),
            ],
      powercli: [
        w.ps(`New-VMHostNetworkAdapter -VMHost $vmhost -VirtualSwitch ( Get-VDSwitch -Name {dvs} ) -PortGroup {newPortGroup} -IP {ip} -SubnetMask {netmask} -NetworkStack (Get-VMHostNetworkStack -VMHost $vmhost | Where-Object { $_.Id -eq '${stack}' })`),
      ],
    });
  }
  return steps;
}

function r2(kind: 'standard' | 'distributed') {
  return (h: HostFacts): HostPlan => {
    const w = new Writer(h);
    topologyNote(w, kind);
    const stack = w.needs('vmotionStack', 'Before 6.0 there is no vmotion stack: on such a host use ' + `${FIX_NAMES.R1} or ${FIX_NAMES.R5} instead.`);
    if (stack === 'no') {
      return w.impossible(
        `${h.name} runs ${w.release}: the vmotion TCP/IP stack exists from 6.0 on, so this fix needs an upgrade to 6.0 or later. What works on this host: ${FIX_NAMES.R1}, or ${FIX_NAMES.R5}.`,
      );
    }
    const steps: PlanStep[] = [
      {
        text: 'Work on one host at a time, preferably in maintenance mode: from the moment a vmknic exists on the vmotion stack, this host stops using default-stack vmknics for vMotion, so the peer hosts must be reachable from the new vmknic first.',
      },
      ...newVmknicOnStack(w, 'vmotion', kind),
      {
        text: 'Routed (L3) vMotion only: give the vmotion stack its default gateway in the vSphere Client (host > Configure > TCP/IP configuration > vMotion). Jumbo frames only if they work end to end: see the MTU fix.',
      },
    ];
    if (h.hasVmk) {
      steps.push({
        text: 'Once the new vmknic reaches the peer host (the checks below), remove the VMotion tag from the old default-stack vmknic {vmk}: it has no effect any more and only misleads.',
        esxcli: [w.sh('esxcli network ip interface tag remove -i {vmk} -t VMotion')],
        powercli: [w.ps(`${VMK} {vmk} | Set-VMHostNetworkAdapter -VMotionEnabled $false -Confirm:$false`)],
      });
    }
    steps.push({ text: 'Repeat on every host that takes part in migrations, then run a test vMotion with a throw-away VM.' });
    const verify = [
      w.sh('esxcfg-vmknic -l  # {newVmk} shows NetStack vmotion'),
      w.sh('vmkping ++netstack=vmotion -I {newVmk} -d -s {pingSize} {peerNewIp}  # the peer answers from the vmotion stack, unfragmented'),
      w.sh("esxcli network ip connection list | grep :8000  # during a test vMotion: the local address is the new vmknic's address"),
    ];
    const rollback = [
      ...(h.hasVmk ? [w.sh('esxcli network ip interface tag add -i {vmk} -t VMotion  # the tag the evidence showed on {vmk}')] : []),
      w.sh('esxcli network ip interface remove -i {newVmk}  # vMotion returns to the default-stack vmknics once no vmotion-stack vmknic is left'),
      ...(kind === 'standard' ? [w.sh('esxcli network vswitch standard portgroup remove -p {newPortGroup} -v {vswitch}')] : []),
    ];
    return w.done(steps, verify, rollback);
  };
}

// ---------------------------------------------------------------------------------------------------------------
// R3 — tag / untag

function r3(h: HostFacts): HostPlan {
  const w = new Writer(h);
  const tag = w.needs('tag', 'On 5.0, which has no tag namespace, use `vim-cmd hostsvc/vmotion/vnic_set` instead.');
  const steps: PlanStep[] = [];
  const verify: Command[] = [];
  const rollback: Command[] = [];
  if (h.hasVmk && !h.vmkOnVmotionStack) {
    steps.push({
      text: 'Tag the vmknic that should carry vMotion first: add before you remove, so the host always has a vMotion vmknic.',
      esxcli: [tag === 'no' ? w.sh('vim-cmd hostsvc/vmotion/vnic_set {vmk}') : w.sh('esxcli network ip interface tag add -i {vmk} -t VMotion')],
      esxcfg: [w.sh('vim-cmd hostsvc/vmotion/vnic_set {vmk}')],
      powercli: [w.ps(`${VMK} {vmk} | Set-VMHostNetworkAdapter -VMotionEnabled $true -Confirm:$false`)],
    });
    rollback.push(tag === 'no' ? w.sh('vim-cmd hostsvc/vmotion/vnic_set {oldVmk}  # the vmknic the evidence showed selected') : w.sh('esxcli network ip interface tag remove -i {vmk} -t VMotion'));
  }
  if (h.hasOldVmk) {
    if (tag === 'no') {
      w.notes.push(
        `${w.release} has no \`esxcli network ip interface tag\`: \`vim-cmd hostsvc/vmotion/vnic_set\` selects one vMotion vmknic and so replaces {oldVmk}. No public source shows \`vnic_unset\`; to clear the tag alone use the vSphere Client or the PowerCLI line.`.replace('{oldVmk}', String(h.slots['oldVmk']?.value ?? 'the old one')),
      );
    } else {
      steps.push({
        text: 'Then remove the VMotion tag from the vmknic that should not carry vMotion.',
        esxcli: [w.sh('esxcli network ip interface tag remove -i {oldVmk} -t VMotion')],
        powercli: [w.ps(`${VMK} {oldVmk} | Set-VMHostNetworkAdapter -VMotionEnabled $false -Confirm:$false`)],
      });
      rollback.unshift(w.sh('esxcli network ip interface tag add -i {oldVmk} -t VMotion  # the tag the evidence showed'));
    }
  }
  if (tag === 'no') verify.push(w.sh('vim-cmd hostsvc/vmotion/netconfig_get | grep selectedVnic  # names VirtualNic-{vmk}'));
  else {
    if (h.hasVmk && !h.vmkOnVmotionStack) verify.push(w.sh('esxcli network ip interface tag get -i {vmk}  # Tags include VMotion'));
    if (h.hasOldVmk) verify.push(w.sh('esxcli network ip interface tag get -i {oldVmk}  # VMotion is no longer listed'));
  }
  verify.push(w.sh('esxcli network ip connection list | grep :8000  # during a test vMotion: the local address is the vMotion vmknic\'s'));
  return w.done(steps, verify, rollback);
}

// ---------------------------------------------------------------------------------------------------------------
// R4 — binding

function r4(h: HostFacts): HostPlan {
  const w = new Writer(h);
  const read = {
    text: 'Read the current value and the build default (the esxcli form prints Int Value, Default Int Value and Max Value) and keep the output for the rollback.',
    esxcli: [w.sh('esxcli system settings advanced list -o /Migrate/BindToVmknic')],
    esxcfg: [w.sh('esxcfg-advcfg -g /Migrate/BindToVmknic')],
    powercli: [w.ps('Get-AdvancedSetting -Entity $vmhost -Name Migrate.BindToVmknic')],
  };
  const r = h.release;
  const verify = [
    w.sh('esxcli system settings advanced list -o /Migrate/BindToVmknic  # Int Value shows the new value'),
    w.sh("esxcli network ip connection list | grep :8000  # during a test vMotion: the local address is the vMotion vmknic's, not the management address"),
  ];
  const rollback = [
    h.bindPasted !== undefined
      ? w.sh('esxcli system settings advanced set -o /Migrate/BindToVmknic -i {previousBindValue}  # the value the evidence showed')
      : w.sh('esxcli system settings advanced set -o /Migrate/BindToVmknic -i {previousBindValue}  # the Int Value the first step printed'),
  ];
  const set = (value: number | '{bindValue}', text: string): PlanStep => ({
    text,
    esxcli: [w.sh(`esxcli system settings advanced set -o /Migrate/BindToVmknic -i ${value}`)],
    esxcfg: [w.sh(`esxcfg-advcfg -s ${value} /Migrate/BindToVmknic`)],
    powercli: [w.ps(`Get-AdvancedSetting -Entity $vmhost -Name Migrate.BindToVmknic | Set-AdvancedSetting -Value ${value} -Confirm:$false`)],
  });
  const last = { text: 'Do the same on the peer host, then run a test vMotion with a throw-away VM and check which vmknic carries it.' };
  if (!r) {
    w.notes.push(
      `The version of ${h.name} was not shown (run \`vmware -vl\`); the value depends on it: 6.5d (build 5310538) and later → 3, always bind; 6.0 → no always-bind value, use ${FIX_NAMES.R1}, ${FIX_NAMES.R2} or ${FIX_NAMES.R5}; 5.x → 1, untested advice from a 2012 article.`,
    );
    return w.done([read, set('{bindValue}', 'Set the value that fits the version (see the note).'), last], verify, rollback);
  }
  if (r.major === 5) {
    w.notes.push(
      `On 5.x the meaning of each value is not documented. Joe Chan's 2012 article advises 1: it "should force" vMotion onto the vMotion vmknic and "may help"; it names no build and reports no test. Untested advice: prefer ${FIX_NAMES.R1} or ${FIX_NAMES.R5} first.`,
    );
    return w.done([read, set(1, 'Only if the root fixes are impossible now: set 1, as Chan advised (untested advice, see the note).'), last], verify, rollback);
  }
  const always = w.has('bindAlways');
  if (always === 'no') {
    return w.impossible(
      `${h.name} runs ${w.release}: its maximum value is 2, which binds only when the host has two or more vMotion vmknics — there is no always-bind value before 6.5d. Use ${FIX_NAMES.R1}, ${FIX_NAMES.R2} or ${FIX_NAMES.R5} instead.`,
    );
  }
  if (always === 'unknown') {
    w.notes.push(
      `Value 3 exists from 6.5d (build 5310538); the build of ${h.name} does not tell whether it is older. Check Max Value in the first command's output: if it is 2, do not set 3 and use ${FIX_NAMES.R1}, ${FIX_NAMES.R2} or ${FIX_NAMES.R5}.`,
    );
  }
  if (h.bindPasted === 3) w.notes.push(`${h.name} already shows 3: nothing to change here.`);
  return w.done([read, set(3, 'Set 3 (always bind). On 6.5d and later this is usually just restoring the default.'), last], verify, rollback);
}

// ---------------------------------------------------------------------------------------------------------------
// R5 — multi-NIC vMotion

function r5(kind: 'standard' | 'distributed') {
  return (h: HostFacts): HostPlan => {
    const w = new Writer(h);
    topologyNote(w, kind);
    const steps: PlanStep[] = [];
    const rollback: Command[] = [];
    const tag = w.needs('tag', 'On 5.0 tag the new vmknic for vMotion with the PowerCLI line or in the vSphere Client.');
    if (tag === 'no') {
      w.notes.push(
        `${w.release} has no \`esxcli network ip interface tag\`, and \`vim-cmd hostsvc/vmotion/vnic_set\` would replace the first vMotion vmknic instead of adding one: enable vMotion on the new vmknic in the vSphere Client, or create it with the PowerCLI line (-VMotionEnabled $true).`,
      );
    }
    if (kind === 'standard') {
      steps.push({
        text: 'Note the current failover order of the vMotion port group (for the rollback), then make one uplink active and the other standby for it.',
        esxcli: [
          w.sh('esxcli network vswitch standard portgroup policy failover get -p {portGroup}'),
          w.sh('esxcli network vswitch standard portgroup policy failover set -p {portGroup} -a {vmnicA} -s {vmnicB}'),
        ],
        powercli: [w.ps('Get-VirtualPortGroup -VMHost $vmhost -Name {portGroup} | Get-NicTeamingPolicy | Set-NicTeamingPolicy -MakeNicActive {vmnicA} -MakeNicStandby {vmnicB}')],
      });
      steps.push({
        text: 'Create a second vMotion port group (a name you choose) on the same switch and VLAN, with the opposite order.',
        esxcli: [
          w.sh('esxcli network vswitch standard portgroup add -p {newPortGroup} -v {vswitch}'),
          w.sh('esxcli network vswitch standard portgroup set -p {newPortGroup} -v {sameVlan}'),
          w.sh('esxcli network vswitch standard portgroup policy failover set -p {newPortGroup} -a {vmnicB} -s {vmnicA}'),
        ],
        powercli: [
          w.ps('Get-VirtualSwitch -VMHost $vmhost -Name {vswitch} | New-VirtualPortGroup -Name {newPortGroup} -VLanId {sameVlan}'),
          w.ps('Get-VirtualPortGroup -VMHost $vmhost -Name {newPortGroup} | Get-NicTeamingPolicy | Set-NicTeamingPolicy -MakeNicActive {vmnicB} -MakeNicStandby {vmnicA}'),
        ],
      });
      steps.push({
        text: 'Create the second vMotion vmknic {newVmk} on it, in the same subnet as the first, and tag it for vMotion. {newVmk} is the first vmknic name this host does not use yet.',
        esxcli: [
          w.sh('esxcli network ip interface add -i {newVmk} -p {newPortGroup}'),
          w.sh('esxcli network ip interface ipv4 set -i {newVmk} -t static -I {ip} -N {netmask}'),
          ...(tag === 'no' ? [] : [w.sh('esxcli network ip interface tag add -i {newVmk} -t VMotion')]),
        ],
        powercli: [w.ps('New-VMHostNetworkAdapter -VMHost $vmhost -VirtualSwitch {vswitch} -PortGroup {newPortGroup} -IP {ip} -SubnetMask {netmask} -VMotionEnabled $true')],
      });
      rollback.push(
        w.sh('esxcli network ip interface remove -i {newVmk}'),
        w.sh('esxcli network vswitch standard portgroup remove -p {newPortGroup} -v {vswitch}'),
        w.sh('esxcli network vswitch standard portgroup policy failover set -p {portGroup} -a {previousActive} -s {previousStandby}  # the order the first command printed'),
      );
    } else {
      steps.push({
        text: `In vCenter: give the vMotion distributed port group one active and one standby uplink, and create a second distributed port group (a name you choose) on the same VLAN with the opposite order. ${DVS_NOTE}`,
        powercli: [
          w.ps('Get-VDPortgroup -VDSwitch {dvs} -Name {dvPortGroup} | Get-VDUplinkTeamingPolicy | Set-VDUplinkTeamingPolicy -ActiveUplinkPort {uplinkA} -StandbyUplinkPort {uplinkB}'),
          w.ps('Get-VDSwitch -Name {dvs} | New-VDPortgroup -Name {newPortGroup} -VlanId {sameVlan}'),
          w.ps('Get-VDPortgroup -VDSwitch {dvs} -Name {newPortGroup} | Get-VDUplinkTeamingPolicy | Set-VDUplinkTeamingPolicy -ActiveUplinkPort {uplinkB} -StandbyUplinkPort {uplinkA}'),
        ],
      });
      const dvs = w.has('dvsAdd');
      steps.push({
        text: 'On the host: create the second vMotion vmknic {newVmk} on a free port of the new distributed port group, in the same subnet as the first, and tag it for vMotion. {newVmk} is the first vmknic name this host does not use yet.',
        esxcli: [
          dvs === 'yes'
            ? w.sh('esxcli network ip interface add -i {newVmk} --dvs-name {dvs} --dvport-id {dvPort}')
            : w.sh('esxcfg-vmknic -a -i {ip} -n {netmask} -s {dvs} -v {dvPort}'),
          ...(dvs === 'yes' ? [w.sh('esxcli network ip interface ipv4 set -i {newVmk} -t static -I {ip} -N {netmask}')] : []),
          ...(tag === 'no' ? [] : [w.sh('esxcli network ip interface tag add -i {newVmk} -t VMotion')]),
        ],
        powercli: [w.ps('New-VMHostNetworkAdapter -VMHost $vmhost -VirtualSwitch ( Get-VDSwitch -Name {dvs} ) -PortGroup {newPortGroup} -IP {ip} -SubnetMask {netmask} -VMotionEnabled $true')],
      });
      if (dvs !== 'yes') w.notes.push(`${featureWording('dvsAdd')}: on ${w.release} the plan uses \`esxcfg-vmknic -a … -s <switch> -v <port>\`, the older form.`);
      rollback.push(
        w.sh('esxcli network ip interface remove -i {newVmk}'),
        w.ps('Get-VDPortgroup -VDSwitch {dvs} -Name {newPortGroup} | Remove-VDPortGroup -Confirm:$false'),
      );
    }
    steps.push({ text: 'Do the same on every host; all vMotion vmknics stay in one subnet. Multi-NIC vMotion binds with BindToVmknic 2 or 3. Test with a throw-away VM.' });
    const verify = [
      tag === 'no'
        ? w.sh('esxcfg-vmknic -l  # {newVmk} is listed with its address')
        : w.sh('esxcli network ip interface tag get -i {newVmk}  # Tags: VMotion'),
      w.sh('vmkping -I {newVmk} -d -s {pingSize} {peerIp}  # the peer answers, unfragmented'),
      w.sh('esxcli network ip connection list | grep :8000  # during a test vMotion: both vMotion addresses carry streams'),
    ];
    return w.done(steps, verify, rollback);
  };
}

// ---------------------------------------------------------------------------------------------------------------
// R6 — provisioning

function r6tag(h: HostFacts): HostPlan {
  const w = new Writer(h);
  const has = w.needs('provisioningTag', 'Before 6.0 there is no provisioning service: cold data cannot be moved off the management vmknic.');
  if (has === 'no') {
    return w.impossible(
      `${h.name} runs ${w.release}: the vSphereProvisioning service exists from 6.0 on, so moving cold data off the management vmknic needs an upgrade to 6.0 or later. Until then, ${FIX_NAMES.R1} keeps vMotion itself off the management network.`,
    );
  }
  if (h.provisioningVmk) {
    w.notes.push(`${h.name} already has a provisioning vmknic ({provisioningVmk}); only its peer needs one.`.replace('{provisioningVmk}', h.provisioningVmk));
    return w.done([], [w.sh('esxcli network ip interface tag get -i {provisioningVmk}  # Tags include vSphereProvisioning')], []);
  }
  if (!h.provisioningCandidate) {
    return w.impossible(
      `${h.name} has no vmknic that could carry provisioning: every enabled default-stack vmknic is the management vmknic or shares its subnet (where the routing table would still pick the management vmknic). Take the other plan, a new vmknic on the provisioning stack.`,
    );
  }
  const steps: PlanStep[] = [
    {
      text: 'Enable provisioning on {provisioningVmk}, a default-stack vmknic outside the management subnet (only one provisioning vmknic per host).',
      esxcli: [w.sh('esxcli network ip interface tag add -i {provisioningVmk} -t vSphereProvisioning')],
      powercli: [
        w.ps('$esxcli = Get-EsxCli -VMHost $vmhost -V2'),
        w.ps("$esxcli.network.ip.interface.tag.add.Invoke( @{ interfacename = {provisioningVmk} ; tagname = 'vSphereProvisioning' } )"),
      ],
    },
    { text: 'Do it on source and destination; put both provisioning vmknics in one subnet, or add static routes between their subnets: without a route the source falls back to the management vmknic.' },
  ];
  return w.done(
    steps,
    [
      w.sh('esxcli network ip interface tag get -i {provisioningVmk}  # Tags include vSphereProvisioning'),
      w.sh("esxcli network ip connection list | grep :902  # during a cold migration: the local address is {provisioningVmk}'s"),
    ],
    [w.sh('esxcli network ip interface tag remove -i {provisioningVmk} -t vSphereProvisioning  # the evidence showed no provisioning tag')],
  );
}

function r6stack(kind: 'standard' | 'distributed') {
  return (h: HostFacts): HostPlan => {
    const w = new Writer(h);
    topologyNote(w, kind);
    const has = w.needs('provisioningStack', 'Before 6.0 there is no provisioning stack.');
    if (has === 'no') {
      return w.impossible(
        `${h.name} runs ${w.release}: the provisioning TCP/IP stack exists from 6.0 on, so this fix needs an upgrade to 6.0 or later.`,
      );
    }
    if (h.provisioningVmk) {
      w.notes.push(`${h.name} already has a provisioning vmknic (${h.provisioningVmk}); only its peer needs one.`);
      return w.done([], [w.sh('esxcli network ip interface tag get -i {provisioningVmk}  # Tags include vSphereProvisioning')], []);
    }
    const steps = [
      {
        text: 'Creating a vmknic on the provisioning stack disables provisioning on every default-stack vmknic of this host at once; on 8.0 and later it also moves cold data to the vMotion protocol (UDT).',
      },
      ...newVmknicOnStack(w, 'vSphereProvisioning', kind),
      { text: 'Do it on source and destination, in one subnet (or give the stack a gateway in the vSphere Client).' },
    ];
    return w.done(
      steps,
      [
        w.sh('esxcfg-vmknic -l  # {newVmk} shows NetStack vSphereProvisioning'),
        w.sh("esxcli network ip connection list | grep :902  # during a cold migration: the local address is {newVmk}'s"),
      ],
      [
        w.sh('esxcli network ip interface remove -i {newVmk}'),
        ...(kind === 'standard' ? [w.sh('esxcli network vswitch standard portgroup remove -p {newPortGroup} -v {vswitch}')] : []),
      ],
    );
  };
}

// ---------------------------------------------------------------------------------------------------------------
// R7 — MTU

function r7(kind: 'standard' | 'distributed') {
  return (h: HostFacts): HostPlan => {
    const w = new Writer(h);
    topologyNote(w, kind);
    const steps: PlanStep[] = [
      {
        text: 'Confirm with the network team that every physical port and hop between the hosts accepts frames of the target MTU. Raise it from the outside in: physical network, then virtual switch, then vmknic; lower it the other way round.',
      },
    ];
    const rollback: Command[] = [w.sh('esxcli network ip interface set -i {vmk} -m {previousMtu}  # the MTU the evidence showed')];
    if (h.switchMtuBelowTarget || !h.slots['previousSwitchMtu']) {
      if (kind === 'standard') {
        steps.push({
          text: 'Raise the MTU of the switch.',
          esxcli: [w.sh('esxcli network vswitch standard set -v {vswitch} -m {mtu}')],
          esxcfg: [w.sh('esxcfg-vswitch -m {mtu} {vswitch}')],
          powercli: [w.ps('Get-VirtualSwitch -VMHost $vmhost -Name {vswitch} | Set-VirtualSwitch -Mtu {mtu} -Confirm:$false')],
        });
        rollback.push(w.sh('esxcli network vswitch standard set -v {vswitch} -m {previousSwitchMtu}  # the switch MTU the evidence showed'));
      } else {
        steps.push({
          text: `Raise the MTU of the distributed switch in vCenter. ${DVS_NOTE}`,
          powercli: [w.ps('Get-VDSwitch -Name {dvs} | Set-VDSwitch -Mtu {mtu} -Confirm:$false')],
        });
        rollback.push(w.ps('Get-VDSwitch -Name {dvs} | Set-VDSwitch -Mtu {previousSwitchMtu} -Confirm:$false'));
      }
    }
    steps.push({
      text: "Then the vMotion vmknic; the peer host's vMotion vmknic gets the same MTU.",
      esxcli: [w.sh('esxcli network ip interface set -i {vmk} -m {mtu}')],
      ...(kind === 'standard' ? { esxcfg: [w.sh('esxcfg-vmknic -m {mtu} {portGroup}')] } : {}),
      powercli: [w.ps(`${VMK} {vmk} | Set-VMHostNetworkAdapter -Mtu {mtu} -Confirm:$false`)],
    });
    return w.done(
      steps,
      [
        w.sh('vmkping -I {vmk} -d -s {pingSize} {peerIp}  # replies: frames of the new MTU pass unfragmented (payload = MTU - 28)'),
        w.sh('esxcfg-vmknic -l  # MTU column of {vmk}'),
      ],
      rollback.reverse(),
    );
  };
}

// ---------------------------------------------------------------------------------------------------------------
// R8 — routing

function r8gateway(h: HostFacts): HostPlan {
  const w = new Writer(h);
  if (h.forProvisioning) {
    return w.impossible(
      `A gateway on ${String(h.slots['vmk']?.value ?? 'the provisioning vmknic')} would only steer traffic already bound to it; cold-data (NFC) traffic follows the routing table of the default stack, so on ${h.name} the fix is the static-route plan.`,
    );
  }
  if (h.vmkOnVmotionStack) {
    const n = w.needs('routeNetstack', 'Before 5.5 esxcli has no -N on route add.');
    if (n === 'no') return w.impossible(`${h.name} runs ${w.release}, which has no vmotion stack.`);
    return w.done(
      [
        {
          text: 'Give the vmotion stack its default gateway, a router in the subnet of {vmk}. (Also possible in the vSphere Client: host > Configure > TCP/IP configuration > vMotion.)',
          esxcli: [w.sh('esxcli network ip route ipv4 add -N vmotion -n default -g {gateway}')],
        },
        { text: 'Do the same on the peer host towards this host: routing must work both ways.' },
      ],
      [
        w.sh('esxcli network ip route ipv4 list -N vmotion  # default via the new gateway'),
        w.sh('vmkping ++netstack=vmotion -I {vmk} {peerIp}  # the peer answers'),
      ],
      [w.sh('esxcli network ip route ipv4 remove -N vmotion -n default -g {gateway}')],
    );
  }
  const g = w.needs('vmknicGateway', `Before 6.5 there is no per-vmknic gateway: take the static-route plan.`);
  if (g === 'no') {
    return w.impossible(`${h.name} runs ${w.release}: a per-vmknic gateway exists from 6.5 on. Take the static-route plan instead.`);
  }
  return w.done(
    [
      {
        text: 'Give {vmk} its own gateway (override the default gateway), a router in its subnet. The address stays as the evidence showed.',
        esxcli: [w.sh('esxcli network ip interface ipv4 set -i {vmk} -t static -I {previousIp} -N {previousNetmask} -g {gateway}')],
        powercli: [
          w.ps('$esxcli = Get-EsxCli -VMHost $vmhost -V2'),
          w.ps("$esxcli.network.ip.interface.ipv4.set.Invoke( @{ interfacename = {vmk} ; type = 'static' ; ipv4 = {previousIp} ; netmask = {previousNetmask} ; gateway = {gateway} } )"),
        ],
      },
      { text: 'Do the same on the peer host towards this host: routing must work both ways.' },
    ],
    [
      w.sh('esxcli network ip interface ipv4 get -i {vmk}  # the Gateway column shows the new gateway'),
      w.sh('vmkping -I {vmk} {peerIp}  # the peer answers'),
    ],
    [w.sh('esxcli network ip interface ipv4 set -i {vmk} -t static -I {previousIp} -N {previousNetmask} -g 0.0.0.0  # the evidence showed no override (0.0.0.0)')],
  );
}

function r8route(h: HostFacts): HostPlan {
  const w = new Writer(h);
  const route = w.needs('route', 'On 5.0 use `esxcfg-route -a` instead.');
  const add = route === 'no' ? w.sh('esxcfg-route -a {peerNetwork} {gateway}') : w.sh('esxcli network ip route ipv4 add -n {peerNetwork} -g {gateway}');
  const remove = route === 'no' ? w.sh('esxcfg-route -d {peerNetwork} {gateway}') : w.sh('esxcli network ip route ipv4 remove -n {peerNetwork} -g {gateway}');
  if (route === 'no') w.notes.push(`On ${w.release} routes added with esxcfg-route were reported not to survive a reboot: check after the next restart.`);
  return w.done(
    [
      {
        text: 'Add a static route on the default stack towards the peer network, through a router in the subnet of {vmk}. It steers every other default-stack service towards that network too.',
        esxcli: [add],
        esxcfg: [w.sh('esxcfg-route -a {peerNetwork} {gateway}')],
        powercli: [
          w.ps('$esxcli = Get-EsxCli -VMHost $vmhost -V2'),
          w.ps('$esxcli.network.ip.route.ipv4.add.Invoke( @{ network = {peerNetwork} ; gateway = {gateway} } )'),
        ],
      },
      { text: 'Do the same on the peer host towards this host: routing must work both ways.' },
    ],
    [
      route === 'no' ? w.sh('esxcfg-route -l  # a route to the peer network via the new gateway') : w.sh('esxcli network ip route ipv4 list  # a route to the peer network via the new gateway'),
      w.sh('vmkping -I {vmk} {peerIp}  # the peer answers'),
    ],
    [remove],
  );
}

// ---------------------------------------------------------------------------------------------------------------
// R9, R10

function r9(h: HostFacts): HostPlan {
  const w = new Writer(h);
  return w.done(
    [
      { text: `Interim only, and inferred rather than documented: the root fix is ${FIX_NAMES.R1} or ${FIX_NAMES.R2}.` },
      {
        text: "Keep the receiving vmknic's MAC address fresh in the physical switch by sending from it regularly (a scheduled job on the host), or ask the network team to raise the MAC aging time of the vMotion VLAN.",
        esxcli: [w.sh('vmkping -I {vmk} -c 1 {peerIp}')],
      },
      { text: 'To undo, remove the scheduled job or restore the aging time.' },
    ],
    [w.sh('esxcli network ip neighbor list  # the sending host is resolved through {vmk}')],
    [],
  );
}

function r10(h: HostFacts): HostPlan {
  const w = new Writer(h);
  const has = w.needs('encryptedVmotion', 'Before 6.5 there is no encrypted vMotion.');
  if (has === 'no') {
    return w.impossible(
      `${h.name} runs ${w.release}: encrypted vMotion exists from 6.5 on (both hosts), so this needs an upgrade. Until then keep vMotion off shared networks: ${FIX_NAMES.R1}.`,
    );
  }
  return w.done([], [], []);
}

/** R10 is per VM, run once against vCenter: the commands do not depend on a host. */
export function r10Commands(slots: Slots): { steps: PlanStep[]; verify: Command[]; rollback: Command[] } {
  const ps = (t: string) => command('powershell', t, slots);
  const spec = '$spec = New-Object VMware.Vim.VirtualMachineConfigSpec';
  return {
    steps: [
      { text: 'Audit: list the VMs whose encrypted vMotion is disabled.', powercli: [ps("Get-VM | Where-Object { $_.ExtensionData.Config.MigrateEncryption -eq 'disabled' }")] },
      {
        text: 'Set encrypted vMotion for the VM. Opportunistic (the default) encrypts whenever both hosts can; required makes migrations to hosts older than 6.5 fail.',
        powercli: [ps('$vm = Get-VM -Name {vm}'), ps(spec), ps('$spec.MigrateEncryption = {encryptionMode}'), ps('$vm.ExtensionData.ReconfigVM($spec)')],
      },
    ],
    verify: [ps('$vm = Get-VM -Name {vm}'), ps('$vm.ExtensionData.Config.MigrateEncryption  # prints the new mode')],
    rollback: [ps('$vm = Get-VM -Name {vm}'), ps(spec), ps('$spec.MigrateEncryption = {previousEncryptionMode}'), ps('$vm.ExtensionData.ReconfigVM($spec)')],
  };
}

// ---------------------------------------------------------------------------------------------------------------

/** Whether a fix's commands depend on the switch kind (then an unknown kind gets both plans). */
const TOPOLOGY_SENSITIVE: ReadonlySet<RemediationId> = new Set(['R1', 'R2', 'R5', 'R6', 'R7']);

/**
 * The variants of a fix for these hosts: one per real choice. `topologies` are the switch kinds of the hosts'
 * vmknics; a kind the evidence cannot tell yields both a standard and a distributed plan.
 */
export function variantsOf(id: RemediationId, topologies: readonly Topology[]): Variant[] {
  const unknown = topologies.includes('unknown');
  const perKind = (make: (k: 'standard' | 'distributed') => (h: HostFacts) => HostPlan, key: string, label: string): Variant[] => {
    if (!TOPOLOGY_SENSITIVE.has(id)) return [{ key, label, build: make('standard') }];
    // Each host gets the form of its own switch; only a kind the evidence cannot tell makes it a choice.
    const by = (fallback: 'standard' | 'distributed') => (h: HostFacts) =>
      make(h.topology === 'unknown' ? fallback : h.topology)(h);
    if (!unknown) return [{ key, label, build: by('standard') }];
    const named = (kind: string) => (label ? `${label} (${kind} switch)` : `${kind[0]!.toUpperCase()}${kind.slice(1)} switch`);
    return [
      { key: key ? `${key}-standard` : 'standard', label: named('standard'), build: by('standard') },
      { key: key ? `${key}-distributed` : 'distributed', label: named('distributed'), build: by('distributed') },
    ];
  };
  switch (id) {
    case 'R1':
      return perKind(r1, '', '');
    case 'R2':
      return perKind(r2, '', '');
    case 'R3':
      return [{ key: '', label: '', build: r3 }];
    case 'R4':
      return [{ key: '', label: '', build: r4 }];
    case 'R5':
      return perKind(r5, '', '');
    case 'R6':
      return [
        { key: 'tag', label: 'Tag an existing vmknic for provisioning', build: r6tag },
        ...perKind(r6stack, 'stack', 'New vmknic on the provisioning stack'),
      ];
    case 'R7':
      return perKind(r7, '', '');
    case 'R8':
      return [
        { key: 'gateway', label: 'Gateway for the vmknic (6.5 and later)', build: r8gateway },
        { key: 'route', label: 'Static route to the peer network', build: r8route },
      ];
    case 'R9':
      return [{ key: '', label: '', build: r9 }];
    case 'R10':
      return [{ key: '', label: '', build: r10 }];
  }
}

export { FEATURES };
