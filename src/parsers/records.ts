/**
 * The typed records each parser returns: one interface per command, close to what the command prints.
 * Merging them into a HostModel is the assembler's job (assemble.ts), not the parsers'.
 * Every record carries the line it was read from.
 */
import type { EvidenceRef } from '../core/model/evidence.ts';
import type { AddressType } from '../core/model/host.ts';

/** `esxcfg-vmknic -l`: one row per (vmknic, address family). */
export interface VmknicRow {
  readonly name: string;
  /**
   * The `Port Group/DVPort/Opaque Network` cell as printed: a port-group name, a DVPort number (`510`) or an NSX
   * UUID. `portGroupKind` says which it looked like.
   */
  readonly portGroup?: string;
  readonly portGroupKind?: 'name' | 'dvport' | 'opaque';
  readonly family: 'IPv4' | 'IPv6';
  readonly address?: string;
  /** IPv4 dotted mask, or for IPv6 the prefix length as printed (`64`). */
  readonly netmask?: string;
  readonly broadcast?: string;
  readonly mac?: string;
  readonly mtu?: number;
  readonly tsoMss?: number;
  readonly enabled?: boolean;
  /** `STATIC`, `DHCP`, `STATIC, PREFERRED`, … as printed. */
  readonly type?: string;
  /** Absent when the table has no NetStack column (5.x / 6.0). */
  readonly netstack?: string;
  readonly ref: EvidenceRef;
}

/** `esxcli network ip interface list`: one block per vmknic. */
export interface InterfaceListEntry {
  readonly name: string;
  readonly mac?: string;
  readonly enabled?: boolean;
  readonly portset?: string;
  /** `N/A` is normalised to absent. */
  readonly portgroup?: string;
  readonly netstack?: string;
  readonly vdsName?: string;
  readonly vdsPort?: string;
  readonly opaqueNetworkId?: string;
  readonly mtu?: number;
  readonly ref: EvidenceRef;
}

/** `esxcli network ip interface ipv4 get [-i vmkN] [-N stack]`. */
export interface Ipv4Row {
  readonly name: string;
  readonly address?: string;
  readonly netmask?: string;
  readonly broadcast?: string;
  readonly addressType?: AddressType;
  /** As printed; `0.0.0.0` means no per-vmknic override. Absent in the 5.x layout (no Gateway column). */
  readonly gateway?: string;
  readonly dhcpDns?: boolean;
  /** From `-N stack` on the command line (the output lists only that stack's vmknics); absent without `-N`. */
  readonly netstack?: string;
  readonly ref: EvidenceRef;
}

/** `esxcli network ip interface tag get -i vmkN`: the vmk name comes from the command line. */
export interface TagRecord {
  /** Absent when the command line was not in the paste (the block alone does not name the vmknic). */
  readonly vmknic?: string;
  /** Normalised to the esxcli spelling where known (`vmotion` → `VMotion`). Empty when `Tags:` is empty. */
  readonly tags: readonly string[];
  readonly ref: EvidenceRef;
}

/** `esxcfg-route [-l]` and `esxcli network ip route ipv4 list [-N stack]`. */
export interface RouteRow {
  /**
   * `default` normalised to `0.0.0.0`. Each of the four fields is absent when the paste damaged it beyond repair
   * (a redacted octet) or did not print it (ESX 4.x tables have no Interface column); the row is still kept.
   */
  readonly network?: string;
  readonly netmask?: string;
  /** `Local Subnet` normalised to `0.0.0.0`. */
  readonly gateway?: string;
  readonly interface?: string;
  /** esxcli `Source` column (`MANUAL`, `DHCP`). */
  readonly source?: string;
  readonly ref: EvidenceRef;
}

export interface RouteTable {
  /** From `-N stack` on the command line; absent means the default stack (what both commands show without -N). */
  readonly netstack?: string;
  readonly format: 'esxcfg-route' | 'esxcli';
  readonly routes: readonly RouteRow[];
  /** `VMkernel default gateway is …` (plain `esxcfg-route`). */
  readonly defaultGateway?: { readonly address: string; readonly ref: EvidenceRef };
}

/** `esxcli network ip netstack list`. */
export interface NetstackEntry {
  readonly key: string;
  readonly name?: string;
  readonly state?: string;
  readonly ref: EvidenceRef;
}

/**
 * `esxcfg-advcfg -g /Migrate/X` (→ `Value of X is N`) and `esxcli system settings advanced list -o /Migrate/X`.
 * `path` is the slash path (`/Migrate/BindToVmknic`); from `esxcfg-advcfg` output alone only the last
 * component is printed, so the path comes from the command line when present; otherwise `path` is the option
 * name alone (`BindToVmknic`, no leading slash) and the assembler maps known names to their paths.
 */
export interface AdvancedSettingRecord {
  readonly path: string;
  readonly type?: 'integer' | 'string';
  readonly intValue?: number;
  readonly defaultIntValue?: number;
  readonly minValue?: number;
  readonly maxValue?: number;
  readonly stringValue?: string;
  readonly defaultStringValue?: string;
  readonly description?: string;
  readonly ref: EvidenceRef;
}

/** `esxcfg-vswitch -l`: standard and distributed switches. */
export interface VSwitchRecord {
  readonly name: string;
  readonly kind: 'standard' | 'distributed';
  readonly numPorts?: number;
  readonly usedPorts?: number;
  readonly mtu?: number;
  readonly uplinks: readonly string[];
  readonly portGroups: readonly { readonly name: string; readonly vlan?: number; readonly uplinks: readonly string[] }[];
  readonly dvPorts: readonly { readonly id: string; readonly client: string }[];
  readonly ref: EvidenceRef;
}

/** `esxcfg-nics -l`. */
export interface NicRecord {
  readonly name: string;
  readonly pci?: string;
  readonly driver?: string;
  readonly linkUp?: boolean;
  readonly speedMbps?: number;
  readonly duplex?: string;
  readonly mac?: string;
  readonly mtu?: number;
  readonly description?: string;
  readonly ref: EvidenceRef;
}

/** `vmware -v/-l/-vl/-lv` and `esxcli system version get`. */
export interface VersionRecord {
  readonly product: string;
  /** `7.0.3`; from `-l` alone (`VMware ESXi 7.0 Update 3`) only `7.0` is known. */
  readonly version?: string;
  readonly update?: string;
  readonly build?: string;
  readonly refs: readonly EvidenceRef[];
}

/** `/etc/vmware/esx.conf` (`path = "value"` lines). */
export interface EsxConfRecord {
  /** Every `path = "value"` line, in order. */
  readonly entries: readonly { readonly path: string; readonly value: string; readonly ref: EvidenceRef }[];
  /** `/net/vmkernelnic/child[NNNN]/…` grouped by child index. */
  readonly vmknics: readonly {
    readonly index: string;
    readonly name?: string;
    readonly ipv4address?: string;
    readonly ipv4netmask?: string;
    readonly mac?: string;
    readonly portgroup?: string;
    readonly mtu?: number;
    readonly enabled?: boolean;
    readonly dhcp?: boolean;
    readonly netstack?: string;
    readonly refs: readonly EvidenceRef[];
  }[];
  /** `/adv/...` keys as slash paths without the `/adv` prefix: `/Migrate/BindToVmknic` → "1". */
  readonly advanced: readonly { readonly path: string; readonly value: string; readonly ref: EvidenceRef }[];
  readonly defaultGateway?: { readonly address: string; readonly ref: EvidenceRef };
  readonly hostname?: { readonly name: string; readonly ref: EvidenceRef };
}

/** `vim-cmd hostsvc/vmotion/netconfig_get`. */
export interface NetconfigRecord {
  /** `null` for `<unset>`. */
  readonly selectedVnic: string | null;
  readonly candidateVnics: readonly string[];
  readonly ref: EvidenceRef;
}

/** `esxcli system hostname get` / `hostname`: the FQDN when shown, else the short name. */
export interface HostnameRecord {
  readonly name: string;
  readonly ref: EvidenceRef;
}

/** `vmkping`: how it was sent (from the command line) and what came back. */
export interface PingRecord {
  readonly vmknic?: string;
  readonly netstack?: string;
  readonly dontFragment: boolean;
  /** ICMP payload bytes (`-s`, default 56). */
  readonly size: number;
  readonly target: string;
  readonly transmitted?: number;
  readonly received?: number;
  /** `sendto() failed (Message too long)`: the frame exceeds the vmknic MTU. */
  readonly messageTooLong: boolean;
  readonly ref: EvidenceRef;
}

/** Map from command kind to the record type its parser returns. */
export interface RecordsByKind {
  'esxcfg-vmknic': readonly VmknicRow[];
  'interface-list': readonly InterfaceListEntry[];
  'ipv4-get': readonly Ipv4Row[];
  'tag-get': TagRecord;
  'esxcfg-route': RouteTable;
  'route-ipv4-list': RouteTable;
  'netstack-list': readonly NetstackEntry[];
  'advcfg-get': AdvancedSettingRecord;
  'advanced-list': readonly AdvancedSettingRecord[];
  'esxcfg-vswitch': readonly VSwitchRecord[];
  'esxcfg-nics': readonly NicRecord[];
  'vmware-version': VersionRecord;
  'system-version': VersionRecord;
  'esx-conf': EsxConfRecord;
  'netconfig-get': NetconfigRecord;
  hostname: HostnameRecord;
  vmkping: PingRecord;
}
