/**
 * The findings of domain.md §2 as data: one entry per finding id, with a plain-English title, the default severity,
 * why it matters (written for the customer), how sure the rule behind it is, the remediations that fix it and the
 * sources. The analysis decides *whether* a finding applies and with which certainty; this file only says what each
 * finding means. Wording follows the rule's mark: [I] rules say "likely", [U] rules say "uncertain".
 */
import type { RuleConfidence } from '../model/evidence.ts';
import type { RemediationId, SourceKey } from '../remediation/catalog.ts';

export type Severity = 'blocker' | 'high' | 'medium' | 'low' | 'info';

/** Finding ids exactly as domain.md §2 spells them. */
export const FINDING_IDS = [
  'NO_VMOTION_VMKNIC',
  'VMOTION_EGRESS_MISMATCH',
  'SAME_SUBNET_VMKNICS',
  'VMOTION_ON_MANAGEMENT_NETWORK',
  'UNICAST_FLOODING_RISK',
  'COLD_DATA_OVER_MANAGEMENT',
  'PROVISIONING_ROUTE_FALLBACK',
  'MTU_MISMATCH',
  'VMOTION_L3_NO_GATEWAY',
  'BIND_TO_VMKNIC_SET',
  'VMOTION_UNENCRYPTED_ON_SHARED_NETWORK',
  'VMOTION_TAG_SHADOWED',
  'EGRESS_UNCERTAIN',
  'MULTIPLE_PROVISIONING_VMKNICS',
  'VMKNIC_DISABLED',
  // Raised from the host logs of a support bundle (issue 9), not from the configuration.
  'OBSERVED_VMOTION_ON_MANAGEMENT',
  'OBSERVED_VMOTION_ADDRESS_MISMATCH',
] as const;

export type FindingId = (typeof FINDING_IDS)[number];

export interface FindingDefinition {
  readonly id: FindingId;
  /** Short, plain English, for a support engineer's list. */
  readonly title: string;
  readonly defaultSeverity: Severity;
  /** When the analysis should use another severity (domain.md §2 severity column). */
  readonly severityNote?: string;
  /** What in the evidence raises it, in one sentence (domain.md §2 trigger column). */
  readonly trigger: string;
  /** Why it matters, 1–3 sentences for the customer. */
  readonly why: string;
  /** Mark of the rule behind the finding: [V] verified, [I] inferred, [U] unsure. */
  readonly confidence: RuleConfidence;
  /** Fixes in order of preference (domain.md §2 fix column); empty when the finding needs none. */
  readonly remediation: readonly RemediationId[];
  readonly sources: readonly SourceKey[];
}

type Entry = Omit<FindingDefinition, 'id'>;

const ENTRIES: Readonly<Record<FindingId, Entry>> = {
  NO_VMOTION_VMKNIC: {
    title: 'No vMotion VMkernel adapter',
    defaultSeverity: 'blocker',
    trigger:
      'No enabled vmknic is tagged for vMotion on the default TCP/IP stack and none sits on the vmotion stack.',
    why: 'This host has no VMkernel adapter enabled for vMotion, so vSphere can neither move running VMs to it nor away from it. Enable vMotion on a dedicated adapter, or create one on the vMotion TCP/IP stack.',
    confidence: 'verified',
    remediation: ['R3', 'R2'],
    sources: ['DOC65'],
  },
  VMOTION_EGRESS_MISMATCH: {
    title: 'vMotion leaves through the wrong VMkernel adapter',
    defaultSeverity: 'high',
    trigger: 'The routing table sends the vMotion stream out of a vmknic that is not a vMotion vmknic.',
    why: 'The routing table sends this host\'s vMotion traffic out of another adapter, usually the management adapter vmk0, instead of the one enabled for vMotion. Migrations then compete with management traffic on its uplink, and the memory of running VMs crosses the management network.',
    confidence: 'verified',
    remediation: ['R1', 'R2', 'R4', 'R5'],
    sources: ['SEED0', 'SEED1', 'ELATOV'],
  },
  SAME_SUBNET_VMKNICS: {
    title: 'Several VMkernel adapters in one subnet',
    defaultSeverity: 'medium',
    severityNote: 'high when the group holds the management vmknic together with a vMotion or storage vmknic',
    trigger:
      'Two or more enabled vmknics of one TCP/IP stack share an IP subnet, outside the supported exceptions (multi-NIC vMotion, iSCSI port binding, NSX tunnel endpoints).',
    why: 'Two or more VMkernel adapters on the same TCP/IP stack share one IP subnet, which ESXi supports only for a few designs such as multi-NIC vMotion and iSCSI port binding. Otherwise ESXi picks one of them for all outgoing traffic to that subnet, which can cause failed migrations, storage latency and hosts dropping off vCenter.',
    confidence: 'verified',
    remediation: ['R1', 'R2'],
    sources: ['KB318546', 'KB2010877', 'DOC80'],
  },
  VMOTION_ON_MANAGEMENT_NETWORK: {
    title: 'vMotion shares the management network',
    defaultSeverity: 'medium',
    trigger: 'A vMotion vmknic is the management vmknic itself, or sits in its subnet.',
    why: 'vMotion runs on the management adapter or in its subnet. VMware asks for a dedicated, trusted network for vMotion, because migrations carry the complete memory of running VMs and the management network counts as untrusted.',
    confidence: 'verified',
    remediation: ['R1', 'R2'],
    sources: ['DOC65', 'SEED0', 'SEED1'],
  },
  UNICAST_FLOODING_RISK: {
    title: 'Likely unicast flooding on the vMotion network',
    defaultSeverity: 'high',
    severityNote: 'high when the reply path is probable, medium when it is uncertain (7.0 U3d and later)',
    trigger:
      'On the receiving host the vmknic that receives vMotion is not the one that sends the replies, and both are on one layer-2 segment.',
    why: 'The receiving host likely answers vMotion traffic from a different adapter than the one that receives it. The physical switch then never sees the receiving adapter\'s address as a sender, forgets it after the MAC aging time, and likely floods the whole vMotion stream to every port of that VLAN. No VMware article states this mechanism; it matches what was observed in the field.',
    confidence: 'inferred',
    remediation: ['R1', 'R2', 'R9'],
    sources: ['ELATOV', 'LTLNETWORKER'],
  },
  COLD_DATA_OVER_MANAGEMENT: {
    title: 'Cold migration data uses the management network',
    defaultSeverity: 'medium',
    severityNote: 'low for a compute-and-storage migration without snapshots (only the VM home files are copied); probable, never definite, for a powered-on migration, where the sources disagree',
    trigger:
      'The migration copies data with NFC (cold migration, clones, snapshots, storage change) and the NFC path starts or ends at the management vmknic.',
    why: 'Part of this migration is copied with the Network File Copy service, which uses the management adapter when no provisioning adapter is configured: everything of a powered-off VM or a clone and, for a running VM, most likely its base disk and older snapshots (the sources disagree there: Broadcom KB 340170 says all traffic of a powered-on migration uses the vMotion adapter, while Denneman, the vSphere 7.0 documentation and VMware\'s UDT page say NFC). That copy is far slower than vMotion and competes with vCenter and HA traffic on the management uplink.',
    confidence: 'verified',
    remediation: ['R6'],
    sources: ['SEED1', 'KB340170', 'KB419637', 'DOC67'],
  },
  PROVISIONING_ROUTE_FALLBACK: {
    title: 'Provisioning traffic falls back to the management adapter',
    defaultSeverity: 'medium',
    trigger:
      "The source host's provisioning vmknic is on the default stack, the destination's provisioning vmknic is in another subnet, and no static route leads there.",
    why: "The source host's provisioning adapter has no route to the destination's provisioning address, so the copy leaves through the default gateway, normally vmk0, while the destination receives it on its provisioning adapter. Put both provisioning adapters in one subnet or add a static route.",
    confidence: 'verified',
    remediation: ['R6', 'R8'],
    sources: ['KB340170'],
  },
  MTU_MISMATCH: {
    title: 'Frame size (MTU) mismatch on the vMotion path',
    defaultSeverity: 'high',
    severityNote: 'medium when only the two hosts\' vMotion vmknics differ: TCP keeps segments within the smaller side, so that alone drops nothing',
    trigger:
      "A vmknic's MTU exceeds its switch or uplink MTU, or a don't-fragment ping of full size fails while a small one works; or, medium, the vMotion vmknics of the two hosts differ in MTU.",
    why: 'The vMotion adapters, their virtual switch, the physical uplinks or the two hosts do not agree on the frame size. Where an adapter sends larger frames than its switch, uplinks or the physical path carry, those frames are likely dropped and migrations are likely to stall or time out. Two hosts whose vMotion adapters differ are not broken by that alone, because each end announces a TCP segment size that fits its own adapter, but the jumbo-frame design is then not consistent end to end: a full-size `vmkping -d` in both directions shows whether the path carries it.',
    confidence: 'inferred',
    remediation: ['R7'],
    sources: [],
  },
  VMOTION_L3_NO_GATEWAY: {
    title: 'Routed vMotion has no gateway',
    defaultSeverity: 'high',
    trigger:
      'The two hosts\' vMotion vmknics are in different subnets and the source vmknic has no way there of its own: no gateway override and no static route (default stack), or no default route (vmotion stack).',
    why: "The vMotion adapters of the two hosts are in different subnets, but the source adapter has no route of its own to the other subnet. The traffic then takes the host's default gateway behind the management adapter, or the migration fails.",
    confidence: 'verified',
    remediation: ['R8', 'R2'],
    sources: ['DOC65', 'DOC67', 'WAHL'],
  },
  BIND_TO_VMKNIC_SET: {
    title: 'Migrate.BindToVmknic differs from the default',
    defaultSeverity: 'info',
    severityNote: 'low when the value weakens binding, e.g. 0 or 1 on a 6.5d or later host',
    trigger:
      'The pasted Migrate.BindToVmknic value differs from the build default, or any value is pasted for a build whose default is unknown.',
    why: 'The advanced option Migrate.BindToVmknic decides whether vMotion is tied to the vMotion adapter or follows the routing table, and on this host it is not at its build default (or the default for this build is not known). Values 0 or 1 on 6.5d and later builds (default 3 in William Lam\'s dumps) let vMotion follow the routing table again, which brings back the classic problem of vMotion on vmk0.',
    confidence: 'verified',
    remediation: ['R4'],
    sources: ['LAMW', 'SEED0'],
  },
  VMOTION_UNENCRYPTED_ON_SHARED_NETWORK: {
    title: 'Unencrypted vMotion over a shared network',
    defaultSeverity: 'medium',
    trigger:
      'vMotion crosses the management network and a host is older than 6.5, or the VM has encrypted vMotion disabled.',
    why: 'vMotion crosses the management network without encryption, because a host is older than 6.5 or the VM has encrypted vMotion turned off. The memory of the running VM, which can hold passwords and keys, then travels in clear text over a network other systems share.',
    confidence: 'verified',
    remediation: ['R1', 'R10'],
    sources: ['DOC65_ENCRYPTED', 'STIG'],
  },
  VMOTION_TAG_SHADOWED: {
    title: 'vMotion tag has no effect',
    defaultSeverity: 'info',
    trigger: 'The host has vmknics on the vmotion stack and a default-stack vmknic still carries the VMotion tag.',
    why: "This host has adapters on the dedicated vMotion TCP/IP stack, so vMotion ignores the vMotion tag on its default-stack adapters. The tag does no harm, but it misleads anyone reading the configuration.",
    confidence: 'verified',
    remediation: ['R3'],
    sources: ['DOC65'],
  },
  EGRESS_UNCERTAIN: {
    title: 'vMotion adapter cannot be determined',
    defaultSeverity: 'info',
    trigger:
      'Migrate.BindToVmknic is not shown (or its meaning on this version is unsure) and the bound and unbound answers name different vmknics.',
    why: 'Which adapter carries vMotion depends on Migrate.BindToVmknic, and its value, or its meaning on this ESXi version, is uncertain from the output provided. Both candidates are shown instead of a guess; `esxcfg-advcfg -g /Migrate/BindToVmknic` and `vmware -vl`, or watching a test vMotion in esxtop, settle it.',
    confidence: 'unsure',
    remediation: [],
    sources: ['LAMW', 'SEED0', 'SEED1', 'ELATOV'],
  },
  MULTIPLE_PROVISIONING_VMKNICS: {
    title: 'More than one provisioning adapter',
    defaultSeverity: 'low',
    trigger: 'More than one vmknic of the host carries provisioning traffic.',
    why: 'vSphere supports a single VMkernel adapter for provisioning traffic per host, and this host has several. Keep provisioning on one adapter so cold data takes a predictable path.',
    confidence: 'verified',
    remediation: ['R6'],
    sources: ['DOC67'],
  },
  VMKNIC_DISABLED: {
    title: 'A VMkernel adapter with services is disabled',
    defaultSeverity: 'low',
    trigger: 'A vmknic that carries service tags shows Enabled false.',
    why: 'A VMkernel adapter with services enabled on it is itself disabled, so those services are most likely not available through it, and nothing else warns about that. Enable the adapter or move its services elsewhere.',
    confidence: 'inferred',
    remediation: [],
    sources: [],
  },
  OBSERVED_VMOTION_ON_MANAGEMENT: {
    title: 'Past vMotion used the management address',
    defaultSeverity: 'high',
    trigger:
      "A vMotion in the bundle's logs (vmkernel.log `Migrate:` or the VM's vmware.log `MigrateSetInfo` line) names the management vmknic's address as its source or destination.",
    why: "The host's logs show vMotion streams addressed from or to the management adapter, so the memory of running VMs likely crossed the management network. A log line proves the addresses chosen for the stream, not the wire's egress when unbound.",
    confidence: 'inferred',
    remediation: ['R1', 'R2', 'R3'],
    sources: [],
  },
  OBSERVED_VMOTION_ADDRESS_MISMATCH: {
    title: 'Past vMotion used an unexpected address',
    defaultSeverity: 'medium',
    severityNote: 'low when the address belongs to no vmknic in the evidence (the configuration may have changed since)',
    trigger:
      "A vMotion in the bundle's logs used an address of the host that is not the address of a vMotion vmknic the analysis computed from the configuration.",
    why: 'The logs show a vMotion stream that used an address other than those of the adapters the current configuration enables for vMotion, so the configuration likely changed since or another adapter carries vMotion. A log line proves the addresses chosen for the stream, not the wire\'s egress when unbound.',
    confidence: 'inferred',
    remediation: ['R3'],
    sources: [],
  },
};

export const FINDINGS: Readonly<Record<FindingId, FindingDefinition>> = Object.fromEntries(
  FINDING_IDS.map((id) => [id, { id, ...ENTRIES[id] }]),
) as Record<FindingId, FindingDefinition>;

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { blocker: 4, high: 3, medium: 2, low: 1, info: 0 };

/** Sort helper: most severe first. */
export function compareSeverity(a: Severity, b: Severity): number {
  return SEVERITY_RANK[b] - SEVERITY_RANK[a];
}
