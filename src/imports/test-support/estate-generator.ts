/**
 * Generated estates for the scan's tests and benchmark: hosts with 4–6 vmknics, mixed versions and a known set of
 * faults, written as the exports an admin would hand over — RVTools per-tab CSV (vSC_VMK, vHost, vSwitch, vPort,
 * with custom-attribute columns), a PowerCLI Get-VMHostNetworkAdapter -VMKernel CSV (Windows PowerShell 5.1: #TYPE
 * line, every field quoted) and a Get-AdvancedSetting Migrate.BindToVmknic CSV. Deterministic.
 */

export interface GenVmknic {
  readonly device: string;
  readonly portGroup: string;
  readonly vswitch: string;
  readonly ip: string;
  readonly mask: string;
  readonly mtu: number;
  readonly tags: readonly string[];
}

export interface GenHost {
  readonly name: string;
  readonly vcenter: string;
  readonly datacenter: string;
  readonly cluster: string;
  /** RVTools `ESX Version` text. */
  readonly version: string;
  readonly vmknics: readonly GenVmknic[];
  readonly switches: readonly { readonly name: string; readonly mtu: number }[];
  /** Migrate.BindToVmknic as exported; absent: not in the export. */
  readonly bind?: number;
}

export const VERSIONS = [
  'VMware ESXi 6.7.0 build-14320388',
  'VMware ESXi 7.0.2 build-17630552',
  'VMware ESXi 7.0.3 build-22348816',
  'VMware ESXi 8.0.3 build-24859861',
] as const;

export interface HostLayout {
  /** vMotion vmknic in the management subnet (SAME_SUBNET_VMKNICS, VMOTION_ON_MANAGEMENT_NETWORK, flooding). */
  readonly vmotionInMgmt?: boolean;
  /** vMotion vmknic MTU (default 9000). */
  readonly vmotionMtu?: number;
  /** MTU of the switch carrying vMotion (default 9000). */
  readonly vmotionSwitchMtu?: number;
  /** No vmknic tagged vMotion (NO_VMOTION_VMKNIC). */
  readonly noVmotion?: boolean;
  readonly bind?: number;
  /** 4, 5 or 6 vmknics (default 4). */
  readonly vmknics?: 4 | 5 | 6;
  readonly version?: string;
}

/** One host: index `i` gives it unique addresses; `c` is its cluster's number (its subnets). */
export function genHost(i: number, c: number, cluster: string, layout: HostLayout = {}): GenHost {
  // Hosts of one cluster are consecutive, so their last octets differ (clusters stay under 120 hosts).
  const octet = (i % 120) + 2;
  const third = (n: number) => `10.${(c >> 4) & 255}.${((c & 15) << 4) + n}`;
  const mask = '255.255.255.0';
  const nics: GenVmknic[] = [
    { device: 'vmk0', portGroup: 'Management Network', vswitch: 'vSwitch0', ip: `${third(1)}.${octet}`, mask, mtu: 1500, tags: ['Management'] },
    {
      device: 'vmk1',
      portGroup: 'vMotion',
      vswitch: 'vSwitch1',
      ip: layout.vmotionInMgmt ? `${third(1)}.${octet + 128}` : `${third(2)}.${octet}`,
      mask,
      mtu: layout.vmotionMtu ?? 9000,
      tags: layout.noVmotion ? [] : ['VMotion'],
    },
    { device: 'vmk2', portGroup: 'vSAN', vswitch: 'vSwitch1', ip: `${third(3)}.${octet}`, mask, mtu: 9000, tags: ['VSAN'] },
    { device: 'vmk3', portGroup: 'NFS', vswitch: 'vSwitch1', ip: `${third(4)}.${octet}`, mask, mtu: 9000, tags: [] },
  ];
  const count = layout.vmknics ?? 4;
  if (count >= 5) nics.push({ device: 'vmk4', portGroup: 'Provisioning', vswitch: 'vSwitch1', ip: `${third(5)}.${octet}`, mask, mtu: 9000, tags: ['vSphereProvisioning'] });
  if (count >= 6) nics.push({ device: 'vmk5', portGroup: 'Replication', vswitch: 'vSwitch1', ip: `${third(6)}.${octet}`, mask, mtu: 9000, tags: ['vSphereReplication'] });
  return {
    name: `esx${String(i).padStart(5, '0')}.dc${c % 3}.example.com`,
    vcenter: `vc${c % 3}.example.com`,
    datacenter: `DC${c % 3}`,
    cluster,
    version: layout.version ?? VERSIONS[i % VERSIONS.length]!,
    vmknics: nics,
    switches: [
      { name: 'vSwitch0', mtu: 1500 },
      { name: 'vSwitch1', mtu: layout.vmotionSwitchMtu ?? 9000 },
    ],
    ...(layout.bind !== undefined ? { bind: layout.bind } : {}),
  };
}

/**
 * A benchmark estate: clusters of 8, 16 and 32 hosts in turn. Like real clusters (HA, DRS and EVC want them
 * alike), each cluster has one version, one vmknic layout (4, 5 or 6 vmknics) and one BindToVmknic policy — with
 * every eighth cluster in the middle of an upgrade (two versions) — and faults sprinkled over single hosts (an MTU
 * left at 1500, a vSwitch at 1500, a lost vMotion tag, BindToVmknic 0) or whole clusters (vMotion in the management
 * subnet). `mixed: true` varies version, layout and policy host by host instead: the worst case for the scan's
 * memo, where nearly every pair in a cluster is a new question.
 */
export function benchEstate(hosts: number, options: { mixed?: boolean } = {}): GenHost[] {
  const out: GenHost[] = [];
  const sizes = [8, 16, 32];
  let c = 0;
  let i = 0;
  while (i < hosts) {
    const size = Math.min(sizes[c % sizes.length]!, hosts - i);
    const cluster = `Cluster-${String(c).padStart(3, '0')}`;
    for (let k = 0; k < size; k++, i++) {
      const v = options.mixed ? i : c % 8 === 7 ? c + (k % 2) : c;
      const policy = options.mixed ? i % 3 : c % 3;
      const bind = i % 23 === 7 ? 0 : policy === 0 ? 3 : policy === 2 ? 3 : undefined;
      out.push(
        genHost(i, c, cluster, {
          version: VERSIONS[v % VERSIONS.length]!,
          vmknics: ([4, 5, 6] as const)[(options.mixed ? i : c) % 3],
          ...(c % 5 === 3 ? { vmotionInMgmt: true } : {}),
          ...(i % 17 === 5 ? { vmotionMtu: 1500 } : {}),
          ...(i % 13 === 2 ? { vmotionSwitchMtu: 1500 } : {}),
          ...(i % 31 === 11 ? { noVmotion: true } : {}),
          ...(bind !== undefined && policy !== 1 ? { bind } : bind === 0 ? { bind } : {}),
        }),
      );
    }
    c++;
  }
  return out;
}

function q(v: string | number): string {
  return `"${String(v).replace(/"/g, '""')}"`;
}

function csv(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  return [header.map(q).join(','), ...rows.map((r) => r.map(q).join(','))].join('\r\n') + '\r\n';
}

const UUID = '52a1c0de-1111-2222-3333-444455556666';

export const VMK_HEADER = ['Host', 'Datacenter', 'Cluster', 'Port Group', 'Device', 'Mac Address', 'DHCP', 'IP Address', 'IP 6 Address', 'Subnet mask', 'Gateway', 'IP 6 Gateway', 'MTU', 'Owner', 'VI SDK Server', 'VI SDK UUID'];
export const HOST_HEADER =
  'Host,Datacenter,Cluster,Config status,Compliance Check State,in Maintenance Mode,in Quarantine Mode,vSAN Fault Domain Name,CPU Model,Speed,HT Available,HT Active,# CPU,Cores per CPU,# Cores,CPU usage %,# Memory,Memory Tiering Type,Memory usage %,Console,# NICs,# HBAs,# VMs total,# VMs,VMs per Core,# vCPUs,vCPUs per Core,vRAM,VM Used memory,VM Memory Swapped,VM Memory Ballooned,VMotion support,Storage VMotion support,Current EVC,Max EVC,Assigned License(s),ATS Heartbeat,ATS Locking,Current CPU power man. policy,Supported CPU power man.,Host Power Policy,ESX Version,Boot time,DNS Servers,DHCP,Domain,Domain List,DNS Search Order,NTP Server(s),NTPD running,Time Zone,Time Zone Name,GMT Offset,Vendor,Model,Serial number,Service tag,OEM specific string,BIOS Vendor,BIOS Version,BIOS Date,Certificate Issuer,Certificate Start Date,Certificate Expiry Date,Certificate Status,Certificate Subject,Object ID,AutoDeploy.MachineIdentity,Owner,UUID,VI SDK Server,VI SDK UUID'.split(',');
export const SWITCH_HEADER = 'Host,Datacenter,Cluster,Switch,# Ports,Free Ports,Promiscuous Mode,Mac Changes,Forged Transmits,Traffic Shaping,Width,Peak,Burst,Policy,Reverse Policy,Notify Switch,Rolling Order,Offload,TSO,Zero Copy Xmit,MTU,VI SDK Server,VI SDK UUID'.split(',');
export const PORT_HEADER = 'Host,Datacenter,Cluster,Port Group,Switch,VLAN,Promiscuous Mode,Mac Changes,Forged Transmits,Traffic Shaping,Width,Peak,Burst,Policy,Reverse Policy,Notify Switch,Rolling Order,Offload,TSO,Zero Copy Xmit,VI SDK Server,VI SDK UUID'.split(',');

function mac(i: number, j: number): string {
  const h = (n: number) => (n & 255).toString(16).padStart(2, '0');
  return `00:50:56:${h(i >> 8)}:${h(i)}:${h(j)}`;
}

export interface RvtoolsTabs {
  readonly vSC_VMK: { header: readonly string[]; rows: (string | number)[][] };
  readonly vHost: { header: readonly string[]; rows: (string | number)[][] };
  readonly vSwitch: { header: readonly string[]; rows: (string | number)[][] };
  readonly vPort: { header: readonly string[]; rows: (string | number)[][] };
}

/** The four RVTools tabs as header + rows (written as CSV here, as xlsx sheets by the benchmark). */
export function rvtoolsTabs(hosts: readonly GenHost[]): RvtoolsTabs {
  const vmk: (string | number)[][] = [];
  const host: (string | number)[][] = [];
  const sw: (string | number)[][] = [];
  const port: (string | number)[][] = [];
  hosts.forEach((h, i) => {
    h.vmknics.forEach((n, j) => {
      vmk.push([h.name, h.datacenter, h.cluster, n.portGroup, n.device, mac(i, j), 'False', n.ip, '', n.mask, `${h.vmknics[0]!.ip.replace(/\.\d+$/, '.1')}`, '', n.mtu, 'team-infra', h.vcenter, UUID]);
    });
    const row = HOST_HEADER.map((col) => {
      switch (col) {
        case 'Host':
          return h.name;
        case 'Datacenter':
          return h.datacenter;
        case 'Cluster':
          return h.cluster;
        case 'ESX Version':
          return h.version;
        case 'VI SDK Server':
          return h.vcenter;
        case 'VI SDK UUID':
          return UUID;
        case 'Object ID':
          return `host-${1000 + i}`;
        case 'CPU Model':
          return 'Intel(R) Xeon(R) Gold 6338 CPU @ 2.00GHz';
        case 'Owner':
          return 'team-infra';
        case 'Config status':
          return 'green';
        case 'VMotion support':
        case 'Storage VMotion support':
          return 'True';
        case '# Memory':
          return 1048190;
        default:
          return '';
      }
    });
    host.push(row);
    for (const s of h.switches) sw.push([h.name, h.datacenter, h.cluster, s.name, 128, 120, 'False', 'False', 'False', 'False', '', '', '', 'loadbalance_srcid', 'True', 'True', 'False', 'True', 'True', 'True', s.mtu, h.vcenter, UUID]);
    const pgs = new Map<string, string>([['VM Network', 'vSwitch0']]);
    for (const n of h.vmknics) pgs.set(n.portGroup, n.vswitch);
    let vlan = 10;
    for (const [pg, s] of pgs) port.push([h.name, h.datacenter, h.cluster, pg, s, vlan++, '', '', '', '', '', '', '', '', '', '', '', '', '', '', h.vcenter, UUID]);
  });
  return {
    vSC_VMK: { header: VMK_HEADER, rows: vmk },
    vHost: { header: HOST_HEADER, rows: host },
    vSwitch: { header: SWITCH_HEADER, rows: sw },
    vPort: { header: PORT_HEADER, rows: port },
  };
}

/** RVTools per-tab CSV files: name → text. */
export function rvtoolsCsv(hosts: readonly GenHost[]): Record<string, string> {
  const tabs = rvtoolsTabs(hosts);
  return Object.fromEntries(Object.entries(tabs).map(([tab, t]) => [`RVTools_tab${tab}.csv`, csv(t.header, t.rows)]));
}

const FLAGS = [
  ['ManagementTrafficEnabled', 'Management'],
  ['VMotionEnabled', 'VMotion'],
  ['FaultToleranceLoggingEnabled', 'faultToleranceLogging'],
  ['VsanTrafficEnabled', 'VSAN'],
  ['ProvisioningEnabled', 'vSphereProvisioning'],
  ['VSphereReplicationEnabled', 'vSphereReplication'],
] as const;

/** `Get-VMHostNetworkAdapter -VMKernel | Select … | Export-Csv` on Windows PowerShell 5.1. */
export function powercliVmkCsv(hosts: readonly GenHost[]): string {
  const header = ['VMHost', 'Name', 'IP', 'SubnetMask', 'Mac', 'PortGroupName', 'Mtu', 'DhcpEnabled', ...FLAGS.map(([f]) => f), 'IPv6'];
  const rows: (string | number)[][] = [];
  hosts.forEach((h, i) =>
    h.vmknics.forEach((n, j) =>
      rows.push([h.name, n.device, n.ip, n.mask, mac(i, j), n.portGroup, n.mtu, 'False', ...FLAGS.map(([, tag]) => (n.tags.includes(tag) ? 'True' : 'False')), 'System.String[]']),
    ),
  );
  return `#TYPE Selected.VMware.VimAutomation.ViCore.Impl.V1.Host.Networking.Nic.HostVMKernelVirtualNicImpl\r\n${csv(header, rows)}`;
}

/** `Get-VMHost | Get-AdvancedSetting -Name Migrate.BindToVmknic | Select Entity,Name,Value,Type | Export-Csv`. */
export function powercliBindCsv(hosts: readonly GenHost[]): string {
  const rows = hosts.filter((h) => h.bind !== undefined).map((h) => [h.name, 'Migrate.BindToVmknic', h.bind!, 'VMHost']);
  return `#TYPE Selected.VMware.VimAutomation.ViCore.Impl.V1.AdvancedSettingImpl\r\n${csv(['Entity', 'Name', 'Value', 'Type'], rows)}`;
}
