/**
 * What the wizard says at the end of a path, as data: a title and a summary per outcome state (diagnosis or
 * escalation), and the items an escalation asks to collect. The finding and remediation ids of a diagnosis and the
 * collect list of an escalation live in the machine (state `meta`), because they are the decision; the words live
 * here.
 */

export interface OutcomeText {
  readonly title: string;
  /** Two or three sentences: what is wrong (or why we stop) and what to do first. */
  readonly summary: string;
}

export interface CollectItem {
  readonly label: string;
  /** The command or place to get it, when there is one. */
  readonly how: string;
  readonly why: string;
}

/** Things an escalation asks for: always concrete, so the next engineer gets what they need in one round. */
export const COLLECT = {
  collector: {
    label: 'The collector output of both hosts (source and destination)',
    how: 'Run the one-line collector (path-doctor shows it) in an SSH session on each host and save everything it prints.',
    why: 'It holds every command the analysis reads; with both hosts the path between them can be checked end to end.',
  },
  vmSupport: {
    label: 'A vm-support bundle from each host',
    how: '`vm-support` in the ESXi shell (writes a .tgz under /var/tmp), or vSphere Client → host → Export System Logs.',
    why: 'Configuration, logs and performance snapshots in one file, for VMware/Broadcom support or a senior engineer.',
  },
  vsphereScreenshots: {
    label: 'Screenshots of the VMkernel adapters and TCP/IP configuration of both hosts',
    how: 'vSphere Client → host → Configure → Networking → VMkernel adapters (with the "Enabled services" and "TCP/IP stack" columns) and TCP/IP configuration.',
    why: 'When no shell is available this still shows the vmknics, their services, stacks and addresses.',
  },
  esxtopNetwork: {
    label: 'An esxtop network capture during a test vMotion',
    how: 'On the source host: `esxtop` then `n` and watch which vmk row moves; for a file, `esxtop -b -n 30 -d 2 > /tmp/esxtop-net.csv` while a test VM migrates.',
    why: 'Shows which vmknic really carries the traffic: the one measurement that settles what the configuration leaves open.',
  },
  connectionsVmotion: {
    label: 'The vMotion connections during a test vMotion',
    how: '`esxcli network ip connection list | grep :8000` on the source, repeated while the migration runs.',
    why: 'The local address is the IP of the vmknic the vMotion stream uses (map it through `esxcli network ip interface ipv4 get`).',
  },
  connectionsNfc: {
    label: 'The NFC connections during the slow migration',
    how: '`esxcli network ip connection list | grep :902` on the source, repeated while the migration runs.',
    why: 'The local and foreign addresses show which vmknics carry the cold data (NFC, TCP 902).',
  },
  vcenterTask: {
    label: 'The vCenter task of the migration',
    how: 'vSphere Client → Monitor → Tasks (and Events) for the VM: the task type (compute only, compute and storage), its error text and time.',
    why: 'Tells the migration kind and, for failures, the exact error and the moment to look for in the host logs.',
  },
  vmSnapshots: {
    label: "The VM's snapshot list",
    how: 'vSphere Client → VM → Snapshots → Manage Snapshots, or `vim-cmd vmsvc/getallvms` then `vim-cmd vmsvc/snapshot.get "${FILL_vmid:?}"` with the Vmid of the VM filled in (the first column of the list).',
    why: 'Snapshots turn a storage-and-compute migration into a mostly-NFC copy (knowledge-base article "Why does cold data travel over the management network (NFC and the provisioning service)?").',
  },
  switchMacTable: {
    label: "The switch's MAC address table during a test vMotion",
    how: "From the network team: the entry for the destination vMotion vmknic's MAC (Cisco `show mac address-table address <MAC>`) sampled while a test VM migrates, plus the MAC aging time of the VLAN.",
    why: 'An entry that is missing or ages out while the stream flows is the signature of vMotion unicast flooding.',
  },
  switchLogs: {
    label: 'Switch logs for the vMotion and management VLANs',
    how: 'From the network team: MAC move / flapping messages and spanning-tree topology changes around the time of the flooding.',
    why: 'Flooding that the vMotion configuration does not explain usually comes from MAC flapping or topology changes flushing the table.',
  },
  neighborList: {
    label: 'The neighbour (ARP) tables of both hosts',
    how: '`esxcli network ip neighbor list` on each host.',
    why: 'The Vmknic column shows through which vmknic each peer address was resolved.',
  },
  hostLogs: {
    label: 'The host logs around the failure',
    how: '/var/log/vmkernel.log, /var/log/hostd.log and /var/log/vpxa.log from both hosts, for the minutes around the failed task.',
    why: 'vMotion failures and timeouts are logged with their reason (connection refused, no route, stream timeout) on the hosts.',
  },
  vmkpingTests: {
    label: 'vmkping results between the vMotion vmknics',
    how: '`vmkping -I <vmk> -d -s 8972 <peer vMotion IP>` and `-s 1472`, with `-S vmotion` for a vmotion-stack vmknic, from each host to the other.',
    why: 'Proves reachability and the frame size the path really carries.',
  },
  vmEncryption: {
    label: "The VM's Encrypted vMotion setting",
    how: 'VM → Edit Settings → VM Options → Encryption, or `(Get-VM <vm>).ExtensionData.Config.MigrateEncryption` in PowerCLI.',
    why: '"Required" blocks migrations to and from hosts that cannot encrypt vMotion (before 6.5).',
  },
} as const satisfies Record<string, CollectItem>;

export type CollectId = keyof typeof COLLECT;

/** One entry per outcome state of the machine (keyed by state key). */
export const OUTCOME_TEXTS = {
  // ---- diagnoses --------------------------------------------------------------------------------------------
  dxVmotionOnManagementVmknic: {
    title: 'vMotion is enabled on the management vmknic',
    summary:
      'vMotion traffic is on the management network because vmk0 itself is a vMotion vmknic. Create a dedicated vMotion vmknic on its own subnet/VLAN (fix "Put vMotion on its own subnet and VLAN") or on the vmotion TCP/IP stack (fix "Move vMotion to the vmotion TCP/IP stack"), then remove the VMotion tag from vmk0 (fix "Tag or untag vMotion on the right vmknic"; add before you remove). Until then, encrypt vMotion (fix "Turn on encrypted vMotion", 6.5+).',
  },
  dxNoVmotionVmknic: {
    title: 'The host has no usable vMotion vmknic',
    summary:
      'No enabled vmknic is enabled for vMotion, so vSphere can neither send nor receive a vMotion on this host. Enable vMotion on a dedicated vmknic (fix "Tag or untag vMotion on the right vmknic") or create one on the vmotion TCP/IP stack (fix "Move vMotion to the vmotion TCP/IP stack"); check that the vMotion vmknic is not disabled.',
  },
  dxBindingWeakened: {
    title: 'vMotion follows the routing table out of vmk0 (BindToVmknic weakened)',
    summary:
      'The vMotion vmknic shares vmk0\'s subnet and the vMotion socket is not bound (Migrate.BindToVmknic 0 or 1, often left over from the 2012 "set it to 1" advice, where 1 now means FT only; or 2 with a single vMotion vmknic), so the stream leaves by vmk0. Root fix: a dedicated vMotion subnet (fix "Put vMotion on its own subnet and VLAN") or the vmotion stack (fix "Move vMotion to the vmotion TCP/IP stack"); as a stop-gap, restore BindToVmknic to 3 (fix "Force binding with Migrate.BindToVmknic (mitigation)").',
  },
  dxUnboundMismatch: {
    title: 'vMotion follows the routing table out of vmk0',
    summary:
      'The vMotion vmknic shares vmk0\'s subnet and the vMotion socket is not bound, so the routing table (one Local Subnet route naming vmk0) sends the stream out of the management vmknic. Give vMotion its own subnet (fix "Put vMotion on its own subnet and VLAN") or the vmotion stack (fix "Move vMotion to the vmotion TCP/IP stack"); multi-NIC vMotion (fix "Multi-NIC vMotion") also forces binding where a new subnet is impossible.',
  },
  dxLegacyMismatch: {
    title: 'vMotion leaves by vmk0 on a 5.x host sharing the management subnet',
    summary:
      'On this ESXi 5.x host the vMotion vmknic shares vmk0\'s subnet and the stream leaves by vmk0, as a test vMotion showed or the pasted Migrate.BindToVmknic value leaves it unbound: the classic Chan/Denneman case. The root fix is a dedicated vMotion subnet/VLAN (fix "Put vMotion on its own subnet and VLAN"); multi-NIC vMotion (fix "Multi-NIC vMotion") binds the vMotion vmknics; Migrate.BindToVmknic (fix "Force binding with Migrate.BindToVmknic (mitigation)") is the 5.x workaround Chan advises (2012: setting 1 "should force" binding and "may help"; not tested there and not documented by VMware), so check its effect with a test vMotion. 5.x cannot encrypt vMotion: until fixed, VM memory crosses the management network in clear text.',
  },
  dxLegacyMismatchLikely: {
    title: 'vMotion likely leaves by vmk0 on a 5.0 or 5.1 host sharing the management subnet',
    summary:
      'The vMotion vmknic shares vmk0\'s subnet and Migrate.BindToVmknic is not shown or was never changed. On ESXi 5.0 and 5.1 the untouched setting is reported to bind only with two or more vMotion vmknics (not documented by VMware; observed by Denneman 2013 on 5.1, and by Chan and Elatov in 2012 in the same layout), so with one vMotion vmknic the routing table sends the stream out of vmk0: likely, not certain. To confirm, run `esxcfg-advcfg -g /Migrate/BindToVmknic` on the source host and watch a test vMotion (`esxtop`, then `n`; or `esxcli network ip connection list | grep :8000`). The root fix is a dedicated vMotion subnet/VLAN (fix "Put vMotion on its own subnet and VLAN"); multi-NIC vMotion (fix "Multi-NIC vMotion") binds the vMotion vmknics; Migrate.BindToVmknic (fix "Force binding with Migrate.BindToVmknic (mitigation)") is the workaround Chan advises (not tested there), so check its effect with a test vMotion. 5.x cannot encrypt vMotion: until fixed, VM memory crosses the management network in clear text.',
  },
  dxSameSubnetBound: {
    title: 'vMotion is bound, but shares the management subnet (unsupported multihoming)',
    summary:
      'The vMotion socket is bound to the vMotion vmknic, so the stream itself should not leave by vmk0, but the vMotion vmknic shares vmk0\'s subnet: unsupported multihoming that leaves set-up traffic, replies and every other service to route order. Move vMotion to its own subnet (fix "Put vMotion on its own subnet and VLAN") or the vmotion stack (fix "Move vMotion to the vmotion TCP/IP stack"); encrypt vMotion while it crosses the management network (fix "Turn on encrypted vMotion").',
  },
  dxSameSubnetLegacy: {
    title: 'vMotion shares the management subnet on a 5.x host',
    summary:
      'The vMotion stream leaves by the vMotion vmknic, but that vmknic shares vmk0\'s subnet: unsupported multihoming, and on 5.x vMotion cannot be encrypted, so VM memory crosses the management network in clear text. Move vMotion to its own subnet/VLAN (fix "Put vMotion on its own subnet and VLAN"); where that is impossible, multi-NIC vMotion (fix "Multi-NIC vMotion") keeps the stream on the vMotion vmknics.',
  },
  dxL3NoGateway: {
    title: 'Routed vMotion has no gateway on the vMotion side',
    summary:
      'The source and destination vMotion vmknics are in different subnets and the source vMotion vmknic has no way to the peer subnet: the stream fails or follows the default gateway out of vmk0. Add a gateway for the vMotion traffic (fix "Route vMotion or provisioning traffic between subnets": per-vmknic gateway or static route) or move vMotion to the vmotion TCP/IP stack with its own default gateway (fix "Move vMotion to the vmotion TCP/IP stack").',
  },
  dxUnicastFlooding: {
    title: 'vMotion unicast flooding (receiving vmknic silent on the switch)',
    summary:
      'On the receiving host the vMotion vmknic shares an L2 segment with vmk0 and the replies leave by vmk0, so the switch never sees the receiving vmknic\'s MAC as a source, forgets it, and floods the vMotion stream to every port of the VLAN (an inferred mechanism, not documented by VMware: knowledge-base article "Why can vMotion flood the physical network with unicast traffic?"). Root fix: a dedicated vMotion subnet/VLAN (fix "Put vMotion on its own subnet and VLAN") or the vmotion stack (fix "Move vMotion to the vmotion TCP/IP stack"); interim: keep the MAC alive or raise the MAC aging (fix "Work around unicast flooding (interim)").',
  },
  dxColdDataOverManagement: {
    title: 'Cold data (NFC) crosses the management network',
    summary:
      'NFC copies everything of a cold migration or clone and, for a running VM, most likely its base disk, older snapshots and home files (the sources disagree there: Broadcom KB 340170 says all traffic of a powered-on migration uses the vMotion vmknic, while Denneman, the vSphere 7.0 documentation and VMware\'s UDT page say NFC). At least one host has no provisioning vmknic, so that copy uses the management vmknic at NFC speed. Give both hosts a provisioning vmknic, tagged vSphereProvisioning or on the provisioning TCP/IP stack (fix "Move cold data (NFC) off the management network"); `esxcli network ip connection list | grep :902` during the migration shows the path.',
  },
  dxProvisioningRouteFallback: {
    title: 'NFC falls back to vmk0 although a provisioning vmknic exists',
    summary:
      'The provisioning vmknic is on the default stack and the routing table does not send the destination\'s provisioning address through it, so NFC silently leaves by the default gateway on vmk0 (KB 340170 scenario 4). Put both provisioning vmknics in one subnet or add a static route (fix "Route vMotion or provisioning traffic between subnets"), or use the provisioning TCP/IP stack with its own gateway (fix "Move cold data (NFC) off the management network").',
  },
  dxMtuMismatch: {
    title: 'MTU mismatch on the vMotion path',
    summary:
      'The vMotion vmknics, their switches or the uplinks disagree on the MTU. Where a vmknic sends larger frames than its switch, uplinks or the physical path carry, those frames are likely dropped and vMotion stalls or times out; if only the two hosts\' vMotion vmknics differ, TCP keeps each segment within the smaller side and nothing is dropped by that alone. Run `vmkping -I <vmk> -d -s 8972 <peer>` in both directions to find where large frames stop, then align the MTU end to end (fix "Align MTU along the vMotion path"), physical switch ports first.',
  },
  dxTagShadowed: {
    title: 'The vMotion tag on a default-stack vmknic has no effect',
    summary:
      'A vmknic on the vmotion TCP/IP stack exists, so vMotion uses only that stack; the default-stack vmknic you enabled for vMotion is ignored. Check that the vmotion-stack vmknic reaches the peer (address, VLAN, the stack\'s own gateway; fix "Move vMotion to the vmotion TCP/IP stack") and remove the useless tag (fix "Tag or untag vMotion on the right vmknic").',
  },
  dxEncryptionRequiredUnsupported: {
    title: 'The VM requires encrypted vMotion that a host cannot do',
    summary:
      'The VM\'s Encrypted vMotion setting is "Required" and one host runs ESXi older than 6.5, which cannot encrypt vMotion, so the migration is refused. Set the VM to Opportunistic for this move or upgrade the host (fix "Turn on encrypted vMotion"); keep Required only where every host is 6.5 or later.',
  },

  // ---- escalations ------------------------------------------------------------------------------------------
  escNoEvidence: {
    title: 'Escalate: no host evidence available',
    summary:
      'Without the host configuration the wizard cannot go further. Ask someone with access for a vm-support bundle of both hosts, or at least screenshots of their VMkernel adapters and TCP/IP configuration.',
  },
  escEvidenceIncomplete: {
    title: 'Escalate: the pasted evidence does not answer this question',
    summary:
      'The output pasted so far does not show what this step needs (often: only one host was pasted, or a command is missing). Run the collector on both the source and the destination host and paste all of it; if that is impossible, collect vm-support bundles.',
  },
  escNothingFound: {
    title: 'Escalate: the configuration shows no migration-path problem',
    summary:
      'The evidence shows no finding on the vMotion or NFC paths. Measure what really happens during a test vMotion (esxtop network view, the connection list) and keep the vCenter task and vm-support bundles for the next engineer.',
  },
  escMeasureEgress: {
    title: 'Escalate: measure which vmknic carries vMotion',
    summary:
      'The configuration cannot tell whether the vMotion socket is bound on this build, and no measurement is available yet. Capture esxtop\'s network view and the :8000 connections during a test vMotion; with that, the wizard can finish.',
  },
  escUnexplainedVmk0Traffic: {
    title: 'Escalate: the configuration keeps vMotion off vmk0, yet vmk0 carries traffic',
    summary:
      'By the configuration, the vMotion stream leaves by the vMotion vmknic and a live vMotion sends no cold data, so the traffic seen on vmk0 is something else (management, backup, replication) or a measurement error. Capture esxtop and the :8000 and :902 connections during a test vMotion, with the vCenter task.',
  },
  escMigrationKindUnknown: {
    title: 'Escalate: find out what kind of migration it is',
    summary:
      'Which traffic crosses which network depends on the migration kind. Get the vCenter task (compute only, or compute and storage) and the VM\'s snapshot list, then walk the wizard again.',
  },
  escFloodingNotVmotion: {
    title: 'Escalate: the flooding is not explained by the vMotion design',
    summary:
      'vMotion is on its own subnet/VLAN (or the receiving MAC stays learned), so the vMotion silent-receiver mechanism does not apply. The network team should look for MAC flapping or topology changes: collect the MAC table, switch logs and the hosts\' neighbour tables.',
  },
  escCollectMacTable: {
    title: 'Escalate: check the switch MAC table during a vMotion',
    summary:
      'The receiving host may or may not keep its vMotion MAC alive on this build (not documented by VMware for 7.0 U3d and later). Only the switch can tell: sample its MAC table for the destination vMotion vmknic during a test vMotion.',
  },
  escNfcOnProvisioning: {
    title: 'Escalate: cold data is configured to use the provisioning vmknics',
    summary:
      'By the configuration NFC already uses the provisioning vmknics, so the management network should not carry cold data. NFC itself is slow (about 1.3 Gbit/s, single stream); capture the :902 connections and esxtop during the migration to see which vmknic carries it, and keep vm-support bundles.',
  },
  escVmotionFailsUnexplained: {
    title: 'Escalate: the common vMotion failure causes are ruled out',
    summary:
      'A vMotion vmknic exists, the path is routed correctly and the MTU is consistent. Collect the vCenter task error, the host logs around the failure, vmkping results and vm-support bundles; check the VM\'s Encrypted vMotion setting if it was not known.',
  },
} as const satisfies Record<string, OutcomeText>;

export type OutcomeKey = keyof typeof OUTCOME_TEXTS;

/** Texts of the states that are neither questions nor outcomes (routing on evidence). */
export const STEP_TEXTS = {
  triage: {
    title: 'Reading the evidence',
    summary:
      'No symptom was chosen: the wizard follows the most serious problem the evidence shows (a failure cause first, then vMotion on the management network, then cold data, then flooding).',
  },
} as const satisfies Record<string, OutcomeText>;

export type StepKey = keyof typeof STEP_TEXTS;
