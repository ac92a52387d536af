/**
 * What the wizard asks, as data: one entry per question key. A question key names one fact about the hosts or the
 * migration; the same key may be asked in several states of the machine (the answer is then shared), and the
 * evidence facts (flows/facts.ts) answer questions by these same keys.
 *
 * Every question whose answer a user may not know offers `unknown` ("I don't know"); the machine then asks for
 * the evidence that would tell (the collector, or the measurement named in `help`).
 *
 * Wording follows domain.md: commands and their output formats (§4), the decision procedure (§1.7), and the
 * confidence marks ([U] facts are asked as measurements, never assumed).
 */

export interface AnswerOption {
  readonly value: string;
  readonly label: string;
}

export interface QuestionText {
  /** The question, one sentence. */
  readonly prompt: string;
  /** How to find the answer (which command, which screen, what to look for). */
  readonly help: string;
  /** Why the wizard asks: what the answer decides. */
  readonly why: string;
  readonly answers: readonly AnswerOption[];
  /** True when the host evidence (the collector's output) can answer it, so the wizard may skip it. */
  readonly fromEvidence: boolean;
}

const DONT_KNOW: AnswerOption = { value: 'unknown', label: "I don't know" };

export const QUESTIONS = {
  symptom: {
    prompt: 'What do you see?',
    help: 'Pick the symptom closest to the complaint. If you are not sure, choose the last answer and paste the collector output: the evidence then decides where to look.',
    why: 'Each symptom has its own usual causes; the wizard starts with the checks that explain it and moves to the neighbouring causes when those do not.',
    answers: [
      { value: 'vmk0-traffic', label: 'vMotion traffic shows up on the management network / vmk0' },
      { value: 'flooding', label: 'The switch floods (unicast flooding, MAC table issues) during vMotion' },
      { value: 'cold-slow', label: 'Snapshot or non-shared-storage migrations are slow or saturate management' },
      { value: 'fails', label: 'vMotion fails or times out' },
      { value: 'unknown', label: 'Not sure: let the evidence decide' },
    ],
    fromEvidence: false,
  },
  evidence: {
    prompt: 'Run the collector on each host (source and destination) and paste its output here.',
    help: 'In the SSH session on each ESXi host, paste the one-line collector shown with this step. It only reads the configuration (version, VMkernel adapters, tags, routes, TCP/IP stacks, Migrate.BindToVmknic, switches, uplinks) and changes nothing. Copy everything it prints, markers included.',
    why: 'The answer you did not know is in the host configuration; the analysis reads it from this output and answers the questions it can.',
    answers: [{ value: 'unavailable', label: "I can't run commands on the hosts" }],
    fromEvidence: false,
  },
  vmotionVmknic: {
    prompt: 'Which VMkernel adapter has the vMotion service enabled on the source host?',
    help: 'vSphere Client: host → Configure → Networking → VMkernel adapters, column "Enabled services". Shell: `esxcli network ip interface tag get -i vmkN` for each vmknic (look for `VMotion`), or `esxcfg-vmknic -l` (NetStack column `vmotion`).',
    why: 'vMotion uses only the vmknics enabled for it. vMotion on vmk0 itself means vMotion shares the management network by design; no vMotion vmknic at all means vMotion cannot work.',
    answers: [
      { value: 'separate', label: 'A separate vmknic (e.g. vmk1), not vmk0' },
      { value: 'vmk0', label: 'vmk0, the management vmknic (alone or as well)' },
      { value: 'none', label: 'None (or the vMotion vmknic is disabled)' },
      DONT_KNOW,
    ],
    fromEvidence: true,
  },
  vmotionStack: {
    prompt: 'Is that vMotion vmknic on the "vmotion" TCP/IP stack?',
    help: '`esxcfg-vmknic -l`: the last column, NetStack, says `vmotion` or `defaultTcpipStack`. vSphere Client: VMkernel adapters, column "TCP/IP stack". ESXi 5.0 and 5.1 have only the default stack; 5.5 adds custom stacks from the command line, and the vmotion stack arrives with 6.0.',
    why: 'A vmknic on the vmotion stack has its own routing table holding only vMotion vmknics, so the vMotion stream cannot leave by vmk0 whatever Migrate.BindToVmknic says.',
    answers: [
      { value: 'yes', label: 'Yes, the vmotion stack' },
      { value: 'no', label: 'No, the default stack' },
      DONT_KNOW,
    ],
    fromEvidence: true,
  },
  sameSubnet: {
    prompt: "Is the vMotion vmknic's IP address in the same subnet as vmk0 (management)?",
    help: 'Compare the IP addresses and netmasks in `esxcli network ip interface ipv4 get`. Example: vmk0 10.0.1.128/24 and vmk1 10.0.1.129/24 share 10.0.1.0/24. `esxcfg-route -l` then shows one `Local Subnet` line for that network, naming vmk0.',
    why: 'Two vmknics in one subnet of one stack is unsupported multihoming: the routing table names one of them (normally vmk0) for the whole subnet, so an unbound vMotion socket leaves by vmk0 (KB 318546).',
    answers: [
      { value: 'yes', label: 'Yes, same subnet' },
      { value: 'no', label: 'No, a different subnet' },
      DONT_KNOW,
    ],
    fromEvidence: true,
  },
  esxiVersion: {
    prompt: 'Which ESXi version does the source host run?',
    help: '`vmware -vl` prints e.g. `VMware ESXi 7.0.3 build-22348816`. vSphere Client: host → Summary.',
    why: 'The meaning and default of Migrate.BindToVmknic changed over time. In William Lam\'s dumps of the advanced settings, 6.0 U3 defaults to 2 (bind only with two or more vMotion vmknics) and every build from 6.5d on defaults to 3 (always bind). No dump exists for 5.x or for 6.5 GA to 6.5c, so an unchanged value there is not known: on 5.0 and 5.1 it is reported to behave like 2 (not documented by VMware; observed by Denneman 2013 on 5.1, and by Chan and Elatov in 2012 in the same layout), so the wizard does not need the value there; on 5.5 and 6.5 GA to 6.5c only the value or a measurement tells.',
    answers: [
      { value: '5.0-5.1', label: 'ESXi 5.0 or 5.1' },
      { value: '5.5', label: 'ESXi 5.5 (or older than 5.0)' },
      { value: '6.0', label: 'ESXi 6.0' },
      { value: '6.5-early', label: 'ESXi 6.5 GA, 6.5a, 6.5b or 6.5c (build below 5310538)' },
      { value: '6.5+', label: 'ESXi 6.5d or later (6.5 U1, 6.7, 7.x, 8.x, 9.x)' },
      DONT_KNOW,
    ],
    fromEvidence: true,
  },
  bindToVmknic: {
    prompt: 'What does `esxcfg-advcfg -g /Migrate/BindToVmknic` print on the source host?',
    help: 'It prints `Value of BindToVmknic is N`. `esxcli system settings advanced list -o /Migrate/BindToVmknic` shows it as `Int Value`. If nobody ever changed it, choose "never changed".',
    why: 'The value decides whether the vMotion socket is bound to the vMotion vmknic (then vmk0 cannot carry the stream) or left to the routing table: 0 never binds, 1 binds only for FT, 2 binds with two or more vMotion vmknics, 3 always binds.',
    answers: [
      { value: '0', label: '0' },
      { value: '1', label: '1' },
      { value: '2', label: '2' },
      { value: '3', label: '3' },
      { value: 'default', label: 'Never changed (the build default)' },
      DONT_KNOW,
    ],
    fromEvidence: true,
  },
  vmotionVmknicCount: {
    prompt: 'How many vmknics have vMotion enabled on the source host?',
    help: 'Count the vmknics whose `tag get` shows `VMotion` (or that sit on the vmotion stack).',
    why: 'With Migrate.BindToVmknic = 2 the socket is bound only when the host has two or more vMotion vmknics (multi-NIC vMotion); with one, the routing table decides.',
    answers: [
      { value: 'one', label: 'One' },
      { value: 'several', label: 'Two or more (multi-NIC vMotion)' },
      DONT_KNOW,
    ],
    fromEvidence: true,
  },
  observedEgress: {
    prompt: 'During a test vMotion, which vmknic carries the traffic on the source host?',
    help: 'Start `esxtop` on the source, press `n`, and migrate a small test VM: the row whose USED-BY is vmk0 or your vMotion vmknic shows the MbTX/s. Or run `esxcli network ip connection list | grep :8000` during the migration: the local address is the IP of the vmknic in use.',
    why: 'On this build the configuration alone cannot tell whether the vMotion socket is bound: only a measurement settles it. Elatov saw the set-up on one vmknic and the data on the other, so "both" is a real answer.',
    answers: [
      { value: 'vmk0', label: 'vmk0 (management)' },
      { value: 'vmotion-vmknic', label: 'The vMotion vmknic' },
      { value: 'both', label: 'Both, one after the other' },
      DONT_KNOW,
    ],
    fromEvidence: false,
  },
  migrationKind: {
    prompt: 'What kind of migration is affected?',
    help: 'In vCenter\'s task list: "Change compute resource only" on shared storage is a live vMotion; "compute and storage" is non-shared; a VM with snapshots moved with its storage most likely sends its older snapshot layers as cold data; a powered-off VM or a clone is a cold migration.',
    why: 'A cold migration or clone goes entirely by NFC, which uses the provisioning vmknic or else the management vmknic. For a running VM, Denneman, the vSphere 7.0 documentation and VMware\'s UDT page say only the newest disk layer and the memory travel by vMotion and the base disk, older snapshots and home files by NFC; Broadcom KB 340170 says all of its traffic uses the vMotion vmknic. The sources disagree, so that path is likely, not certain.',
    answers: [
      { value: 'live', label: 'Live vMotion, compute only (shared storage)' },
      { value: 'non-shared', label: 'Compute and storage together, VM without snapshots' },
      { value: 'snapshots', label: 'Compute and storage together, VM with snapshots' },
      { value: 'cold', label: 'Powered-off VM, or a clone' },
      DONT_KNOW,
    ],
    fromEvidence: false,
  },
  vmotionL3: {
    prompt: 'Are the source and destination vMotion vmknics in the same IP subnet?',
    help: 'Compare the vMotion vmknic addresses of both hosts (`esxcli network ip interface ipv4 get` on each).',
    why: 'Across subnets vMotion is routed (L3): it then needs the vmotion stack\'s own gateway, or a per-vmknic gateway or static route on the default stack, or it leaves by the default gateway on vmk0 or fails.',
    answers: [
      { value: 'same', label: 'Same subnet' },
      { value: 'different', label: 'Different subnets (routed vMotion)' },
      DONT_KNOW,
    ],
    fromEvidence: true,
  },
  vmotionGateway: {
    prompt: "Does the source's vMotion vmknic have a way to the destination's vMotion subnet?",
    help: 'Any of: the vmknic is on the vmotion stack and `esxcli network ip route ipv4 list -N vmotion` shows a `default` route; `esxcli network ip interface ipv4 get` shows a Gateway other than 0.0.0.0 on that vmknic (6.5+); `esxcfg-route -l` shows a static route to the peer subnet through a gateway in the vMotion subnet.',
    why: 'Without one, routed vMotion cannot leave by the vMotion vmknic: it fails, or follows the default gateway out of vmk0.',
    answers: [
      { value: 'yes', label: 'Yes (gateway override, static route, or vmotion-stack default route)' },
      { value: 'no', label: 'No' },
      DONT_KNOW,
    ],
    fromEvidence: true,
  },
  receiverSharesSubnet: {
    prompt: "On the receiving (destination) host, is the vMotion vmknic in vmk0's subnet and VLAN?",
    help: 'Compare vmk0 and the vMotion vmknic in `esxcli network ip interface ipv4 get` on the destination host.',
    why: 'Flooding from vMotion needs the receiving vmknic and the vmknic that answers to sit in one L2 segment: the receiving vmknic never transmits, so the switch forgets its MAC address. This mechanism is not documented by VMware; it is inferred (knowledge-base article "Why can vMotion flood the physical network with unicast traffic?").',
    answers: [
      { value: 'yes', label: 'Yes, same subnet and VLAN' },
      { value: 'no', label: 'No, vMotion has its own subnet/VLAN' },
      DONT_KNOW,
    ],
    fromEvidence: true,
  },
  receiverAutobind: {
    prompt: 'Which ESXi build is the receiving host, and is Migrate.AutoBindVmknic changed?',
    help: '`vmware -vl` for the build; `esxcli system settings advanced list -o /Migrate/AutoBindVmknic` (Int Value) where the option exists (6.0 U3 to 7.0 U2).',
    why: 'With receive-side autobind (AutoBindVmknic = 1) the destination answers from the vmknic the stream arrived on, so the switch keeps learning its MAC; without it, replies leave by the routing table (vmk0) and the receiving MAC ages out.',
    answers: [
      { value: 'no-autobind', label: 'Before 6.0 U3 (5.x, early 6.0), or AutoBindVmknic = 0' },
      { value: 'autobind', label: '6.0 U3 to 7.0 U2 with AutoBindVmknic = 1 (the default)' },
      { value: 'autobind-gone', label: '7.0 U3d or later (the option no longer exists)' },
      DONT_KNOW,
    ],
    fromEvidence: true,
  },
  macLearned: {
    prompt: "During a vMotion, does the switch's MAC table list the destination vMotion vmknic's MAC address on its port?",
    help: 'Ask the network team for `show mac address-table address <MAC>` (Cisco; other vendors have an equivalent) while a test vMotion runs. The MAC is in `esxcfg-vmknic -l` on the destination host.',
    why: 'A missing entry while the stream flows is the signature of vMotion unicast flooding: the switch floods every frame for that MAC to all ports of the VLAN. This is not documented by VMware; it is inferred (knowledge-base article "Why can vMotion flood the physical network with unicast traffic?").',
    answers: [
      { value: 'missing', label: 'Missing, or it ages out during the vMotion' },
      { value: 'learned', label: 'Present on the right port all along' },
      DONT_KNOW,
    ],
    fromEvidence: false,
  },
  provisioningVmknic: {
    prompt: 'Do the source and destination hosts have a vmknic for provisioning (cold data) traffic?',
    help: 'A vmknic with the `vSphereProvisioning` tag (`esxcli network ip interface tag get`), or one on the `vSphereProvisioning` TCP/IP stack (`esxcfg-vmknic -l`, NetStack column).',
    why: 'NFC cold data (everything of a cold migration or clone; most likely the base disk, older snapshots and home files of a running VM) uses the provisioning vmknic; without one it uses the management vmknic on that side (KB 340170).',
    answers: [
      { value: 'both', label: 'Yes, on both hosts' },
      { value: 'one', label: 'Only on one of them' },
      { value: 'none', label: 'No' },
      DONT_KNOW,
    ],
    fromEvidence: true,
  },
  provisioningRoute: {
    prompt: "Can the source's provisioning vmknic reach the destination's provisioning address without leaving by vmk0?",
    help: 'Yes when both provisioning vmknics share a subnet that no earlier vmknic (vmk0) is in, or a static route or the provisioning stack\'s own gateway leads to the peer subnet (`esxcfg-route -l`, `esxcli network ip route ipv4 list -N vSphereProvisioning`).',
    why: 'A provisioning vmknic on the default stack is only used when the routing table sends the target through it; otherwise NFC silently falls back to the default gateway on vmk0 (KB 340170 scenario 4).',
    answers: [
      { value: 'yes', label: 'Yes' },
      { value: 'no', label: 'No (different subnets, no static route)' },
      DONT_KNOW,
    ],
    fromEvidence: true,
  },
  vmotionTagShadowed: {
    prompt: 'Does the host have a vmknic on the vmotion TCP/IP stack while vMotion is also enabled on a default-stack vmknic?',
    help: '`esxcfg-vmknic -l`: look for a row whose NetStack is `vmotion`, and for a default-stack vmknic whose `tag get` shows `VMotion`.',
    why: 'Once any vmknic is on the vmotion stack, vMotion on default-stack vmknics is disabled: the vMotion you configured is not the one in use (vSphere 6.5 networking documentation).',
    answers: [
      { value: 'yes', label: 'Yes' },
      { value: 'no', label: 'No' },
      DONT_KNOW,
    ],
    fromEvidence: true,
  },
  mtuConsistent: {
    prompt: 'Does every hop of the vMotion path carry the vMotion vmknics\' frame size?',
    help: 'Compare the vMotion vmknics\' MTU on both hosts (`esxcfg-vmknic -l`), their vSwitch MTU (`esxcfg-vswitch -l`) and the uplinks (`esxcfg-nics -l`); then `vmkping -I <vmk> -d -s 8972 <peer>` for 9000 (or `-s 1472` for 1500) must get answers.',
    why: 'Where a vmknic\'s MTU is larger than what its switch, uplinks or the physical path carry, large frames are likely dropped and vMotion stalls or times out; a full-size `vmkping -d` shows it. Two hosts whose vMotion vmknics have different MTUs are not broken by that alone: vMotion is TCP, and each end announces a segment size that fits its own vmknic.',
    answers: [
      { value: 'consistent', label: 'Yes, and the do-not-fragment vmkping works' },
      { value: 'mismatch', label: 'No (or the large vmkping fails)' },
      DONT_KNOW,
    ],
    fromEvidence: true,
  },
  encryptedVmotion: {
    prompt: "Is the VM's Encrypted vMotion setting \"Required\" while one of the hosts runs ESXi older than 6.5?",
    help: 'VM → Edit Settings → VM Options → Encryption → Encrypted vMotion. PowerCLI: `(Get-VM <vm>).ExtensionData.Config.MigrateEncryption`.',
    why: 'Encrypted vMotion exists from 6.5 on; a VM that requires it cannot move to or from an older host (see the fix "Turn on encrypted vMotion").',
    answers: [
      { value: 'required-old-host', label: 'Yes: Required, and a host is older than 6.5' },
      { value: 'ok', label: 'No (Opportunistic or Disabled, or both hosts are 6.5+)' },
      DONT_KNOW,
    ],
    fromEvidence: false,
  },
} as const satisfies Record<string, QuestionText>;

export type QuestionKey = keyof typeof QUESTIONS;

export const QUESTION_KEYS = Object.keys(QUESTIONS) as QuestionKey[];

export function isQuestionKey(key: string): key is QuestionKey {
  return Object.prototype.hasOwnProperty.call(QUESTIONS, key);
}

/** The values a question accepts. */
export function answerValues(key: QuestionKey): readonly string[] {
  return (QUESTIONS[key].answers as readonly AnswerOption[]).map((a) => a.value);
}
