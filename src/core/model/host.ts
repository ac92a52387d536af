/**
 * The host model: what the evidence says about one ESXi host, and nothing more.
 *
 * Optional fields are absent when no pasted output showed them: the model never guesses. Assumptions (a netstack
 * taken as `defaultTcpipStack`, a BindToVmknic value taken from the build default) live in the analysis and its
 * trace, not here — except `bindToVmknic`, whose `source` says explicitly whether it is evidence or a default.
 */
import type { EvidenceRef } from './evidence.ts';

export type AddressType = 'STATIC' | 'DHCP' | 'NONE';

/** Netstack keys as ESXi prints them; custom stacks keep their own names. */
export type NetstackKey = 'defaultTcpipStack' | 'vmotion' | 'vSphereProvisioning' | (string & {});

export const DEFAULT_NETSTACK = 'defaultTcpipStack';
export const VMOTION_NETSTACK = 'vmotion';
export const PROVISIONING_NETSTACK = 'vSphereProvisioning';

/**
 * Service tags, normalised to the esxcli spelling (domain.md §1.3). Parsers match case-insensitively and map
 * API nicType names onto these; unknown tags are kept verbatim.
 */
export type ServiceTag =
  | 'Management'
  | 'VMotion'
  | 'vSphereProvisioning'
  | 'faultToleranceLogging'
  | 'vSphereReplication'
  | 'vSphereReplicationNFC'
  | 'VSAN'
  | 'VSANWitness'
  | 'vSphereBackupNFC'
  | (string & {});

/** The esxcli `-t` spellings, including the [U] ones of §1.3 (VSANWitness, vSphereBackupNFC, PTP, NVMe*). */
export const ESXCLI_TAGS = [
  'Management',
  'VMotion',
  'vSphereProvisioning',
  'faultToleranceLogging',
  'vSphereReplication',
  'vSphereReplicationNFC',
  'VSAN',
  'VSANWitness',
  'vSphereBackupNFC',
  'PTP',
  'NVMeTCP',
  'NVMeRDMA',
] as const;

/** Where a vmknic's tag set came from, strongest first (domain.md §1.7 A4). */
export type TagSource =
  | 'tag-get' // esxcli network ip interface tag get
  | 'netconfig' // vim-cmd hostsvc/vmotion/netconfig_get selectedVnic
  | 'esx.conf' // /adv/Migrate/Vmknic, /adv/Net/ManagementIface
  | 'advanced' // Migrate.Vmknic, Net.ProvisioningVmknics advanced options
  | 'export'; // PowerCLI / RVTools exports (later issue)

export interface Vmknic {
  readonly name: string;
  /** Port-group name (standard switch or DVS port group). */
  readonly portGroup?: string;
  /** DVPort id or NSX opaque-network/port UUID, when that column holds one instead of a port-group name. */
  readonly dvPort?: string;
  readonly ipv4?: string;
  readonly netmask?: string;
  /** `addr/prefix` strings. */
  readonly ipv6: readonly string[];
  readonly mac?: string;
  readonly mtu?: number;
  readonly netstack?: NetstackKey;
  /** Absent when no output showed this vmknic's tags. */
  readonly tags?: readonly ServiceTag[];
  readonly tagSource?: TagSource;
  readonly enabled?: boolean;
  readonly addressType?: AddressType;
  /** Per-vmknic gateway override (6.5+ `ipv4 get` Gateway column); `0.0.0.0` there means no override → absent. */
  readonly gateway?: string;
  /** Standard switch or DVS the vmknic hangs off (interface list `Portset`/`VDS Name`, or vswitch port groups). */
  readonly vswitch?: string;
  /** Every line that said something about this vmknic. */
  readonly evidence: readonly EvidenceRef[];
}

export interface Route {
  readonly netstack: NetstackKey;
  /** `default` is normalised to `0.0.0.0` with netmask `0.0.0.0`. */
  readonly network: string;
  readonly netmask: string;
  /** `0.0.0.0` for a connected route (`Local Subnet` in esxcfg-route). */
  readonly gateway: string;
  readonly interface: string;
  /** Position in the pasted table (0-based); ties between equal prefixes go to the first listed (§1.7 B2). */
  readonly order: number;
  readonly evidence: EvidenceRef;
}

export interface VSwitchPortGroup {
  readonly name: string;
  readonly vlan?: number;
  readonly uplinks: readonly string[];
}

export interface VSwitch {
  readonly name: string;
  readonly kind: 'standard' | 'distributed';
  readonly mtu?: number;
  readonly uplinks: readonly string[];
  readonly portGroups: readonly VSwitchPortGroup[];
  /** DVS sections list DVPort ids with their client (vmnicN / vmkN). */
  readonly dvPorts: readonly { readonly id: string; readonly client: string }[];
  readonly evidence: EvidenceRef;
}

export interface PhysicalNic {
  readonly name: string;
  readonly driver?: string;
  readonly linkUp?: boolean;
  readonly speedMbps?: number;
  readonly duplex?: string;
  readonly mac?: string;
  readonly mtu?: number;
  readonly description?: string;
  readonly evidence: EvidenceRef;
}

export interface HostVersion {
  /** e.g. `VMware ESXi`. */
  readonly product: string;
  /** `major.minor.patch`, e.g. `7.0.3`. */
  readonly version: string;
  /** Update number as printed (`3`), absent for GA or when not shown. */
  readonly update?: string;
  /** Build number as a string of digits, e.g. `22348816`. */
  readonly build?: string;
  readonly evidence: readonly EvidenceRef[];
}

/** Source of an advanced-option value: pasted, taken from the build default, or not known at all. */
export type SettingSource = 'evidence' | 'version-default' | 'unknown';

export interface AdvancedValue {
  /** Integer options keep the number; string options (Migrate.Vmknic) the string. */
  readonly value: number | string;
  /** `Default Int Value` when the esxcli form showed it: tells the build's own default. */
  readonly defaultValue?: number | string;
  readonly evidence: EvidenceRef;
}

/**
 * Advanced options read from any of: esxcfg-advcfg, esxcli advanced list, esx.conf `/adv/...`.
 * Keys are normalised to the slash path: `/Migrate/BindToVmknic`.
 */
export type AdvancedOptions = Readonly<Record<string, AdvancedValue>>;

export interface PingResult {
  readonly vmknic?: string;
  readonly netstack?: string;
  readonly dontFragment: boolean;
  /** ICMP payload bytes; payload + 28 bytes of headers = the frame's IP size (8972 + 28 = 9000). */
  readonly size: number;
  readonly target: string;
  /** True when at least one reply came back. */
  readonly answered: boolean;
  readonly messageTooLong: boolean;
  readonly evidence: EvidenceRef;
}

export interface HostModel {
  /** From the prompt (`[root@esx01:~]`), the esx.conf hostname, or a placeholder named after the file. */
  readonly name: string;
  /** True when the name is a placeholder (no prompt or hostname in the evidence). */
  readonly nameAssumed: boolean;
  readonly version?: HostVersion;
  /** Default gateway of the default stack (`VMkernel default gateway is …`, the default route, or esx.conf). */
  readonly defaultGateway?: string;
  readonly vmknics: readonly Vmknic[];
  readonly routes: readonly Route[];
  /** Netstacks from `esxcli network ip netstack list`; absent when not pasted. */
  readonly netstacks?: readonly NetstackKey[];
  readonly vswitches: readonly VSwitch[];
  readonly nics: readonly PhysicalNic[];
  readonly advanced: AdvancedOptions;
  /**
   * Advanced options proven to be at their build default, by slash path, with the evidence that proves it: a
   * support bundle's `esxcli system settings advanced list -d` lists only the settings that differ from their
   * default, so a path it does not list is at the default (shared/docs/bundles.md §1). The value itself comes from
   * the build (§1.4). Absent when no such list was read.
   */
  readonly advancedAtDefault?: Readonly<Record<string, EvidenceRef>>;
  /** `selectedVnic` of netconfig_get: a vmk name, `null` for `<unset>`, absent when not pasted. */
  readonly netconfigSelectedVnic?: string | null;
  /** vmkping results pasted for this host (corroboration and MTU evidence, never a path decision on their own). */
  readonly pings?: readonly PingResult[];
  /** Which commands (by kind) were read for this host, for "what was recognised" and "what is missing". */
  readonly commandsSeen: readonly string[];
}
