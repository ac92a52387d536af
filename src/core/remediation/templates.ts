/**
 * The placeholders of the fix plans: what each means, a realistic value and its shape. A plan lists the ones the
 * evidence could not fill in `unfilled`; the commands show them as `"${FILL_name:?}"` / `(throw 'FILL_name')`
 * (shell.ts says why), and the app explains each with `meaning`.
 */

export interface PlaceholderInfo {
  /** What the UI must put there, in one sentence. */
  readonly meaning: string;
  /** A realistic value; tests fill every template with these and run the syntax check. */
  readonly example: string;
  /** Shape a value must have (the UI can validate input with it). */
  readonly pattern: RegExp;
}

const VMK = /^vmk\d+$/;
const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)$/;
const NAME = /^\S(?:.*\S)?$/;
const INT = /^\d+$/;

/** Every placeholder any template may use. Keep it the single place where a placeholder is defined. */
export const PLACEHOLDERS = {
  host: { meaning: 'ESXi host name as vCenter/PowerCLI knows it (Get-VMHost).', example: 'esx01.example.local', pattern: NAME },
  vm: { meaning: 'Virtual machine name (Get-VM).', example: 'app01', pattern: NAME },
  vmk: {
    meaning: 'The vmknic being changed: the vMotion vmknic (or, for provisioning routes, the provisioning vmknic).',
    example: 'vmk1',
    pattern: VMK,
  },
  oldVmk: { meaning: 'The vmknic that loses the VMotion tag, often the management vmknic vmk0.', example: 'vmk0', pattern: VMK },
  newVmk: { meaning: 'Name for a vmknic that does not exist yet (next free vmkN on this host).', example: 'vmk2', pattern: VMK },
  provisioningVmk: { meaning: 'The vmknic that carries provisioning (NFC) traffic.', example: 'vmk3', pattern: VMK },
  portGroup: { meaning: 'Standard-switch port group of the vMotion vmknic (the vMotion port group).', example: 'vMotion', pattern: NAME },
  newPortGroup: { meaning: 'Name you choose for the new port group (standard or distributed).', example: 'vMotion-Stack', pattern: NAME },
  dvPortGroup: { meaning: 'Distributed port group of the vMotion vmknic, as vCenter names it (the host shows only its DVPort id).', example: 'dvpg-vmotion', pattern: NAME },
  sameVlan: { meaning: 'VLAN id of the existing vMotion port group (a second vMotion port group uses the same one).', example: '20', pattern: INT },
  peerNewIp: { meaning: "The peer host's new vMotion address (after it is moved too).", example: '10.20.30.12', pattern: IPV4 },
  previousSwitchMtu: { meaning: 'MTU of the switch before the change (for rollback).', example: '1500', pattern: INT },
  previousActive: { meaning: 'Active uplinks of the port group before the change, as the failover get command printed them.', example: 'vmnic2', pattern: /^vmnic\d+(?:,vmnic\d+)*$/ },
  previousStandby: { meaning: 'Standby uplinks of the port group before the change, as the failover get command printed them.', example: 'vmnic3', pattern: /^vmnic\d+(?:,vmnic\d+)*$/ },
  uplinkA: { meaning: 'First uplink port of the distributed switch (e.g. dvUplink1), active for the first vMotion port group.', example: 'dvUplink1', pattern: NAME },
  uplinkB: { meaning: 'Second uplink port of the distributed switch, active for the second vMotion port group.', example: 'dvUplink2', pattern: NAME },
  vswitch: { meaning: 'Standard switch that holds the port group, e.g. vSwitch1.', example: 'vSwitch1', pattern: NAME },
  dvs: { meaning: 'Distributed switch name as the host sees it (`esxcfg-vswitch -l`, DVS Name).', example: 'dvs-prod', pattern: NAME },
  dvPort: { meaning: 'A free DVPort id in the distributed port group chosen for the new vmknic (vCenter: the port group\'s Ports tab).', example: '1024', pattern: INT },
  vlan: { meaning: 'VLAN id of the dedicated vMotion (or provisioning) network, 0–4095.', example: '20', pattern: INT },
  previousVlan: { meaning: 'VLAN id the port group had before the change (for rollback).', example: '0', pattern: INT },
  ip: { meaning: 'New IPv4 address of the vmknic being configured.', example: '10.20.30.11', pattern: IPV4 },
  netmask: { meaning: 'Dotted netmask that goes with the new address.', example: '255.255.255.0', pattern: IPV4 },
  previousIp: { meaning: 'IPv4 address the vmknic had before the change (for rollback).', example: '10.0.1.129', pattern: IPV4 },
  previousNetmask: { meaning: 'Netmask the vmknic had before the change (for rollback).', example: '255.255.255.0', pattern: IPV4 },
  gateway: {
    meaning: 'Router inside the subnet of the vmknic concerned (vMotion or provisioning), used for routed (L3) traffic.',
    example: '10.20.30.1',
    pattern: IPV4,
  },
  peerIp: { meaning: 'vMotion (or provisioning) address of the other host of the migration.', example: '10.20.30.12', pattern: IPV4 },
  peerNetwork: {
    meaning: 'Network of the peer host\'s vMotion/provisioning vmknic in CIDR form, for a static route.',
    example: '10.20.40.0/24',
    pattern: /^(?:\d{1,3}\.){3}\d{1,3}\/\d{1,2}$/,
  },
  mtu: { meaning: 'MTU to set: 9000 for jumbo frames end to end, 1500 otherwise.', example: '9000', pattern: INT },
  previousMtu: { meaning: 'MTU before the change (for rollback), normally 1500.', example: '1500', pattern: INT },
  pingSize: {
    meaning: 'ICMP payload for a do-not-fragment test: MTU − 28 bytes of headers (8972 for 9000, 1472 for 1500).',
    example: '8972',
    pattern: INT,
  },
  bindValue: {
    meaning: 'Migrate.BindToVmknic value to set: 3 = always bind (6.5+), 2 = bind with FT or 2+ vMotion vmknics (6.0 max).',
    example: '3',
    pattern: /^[0-3]$/,
  },
  previousBindValue: { meaning: 'Migrate.BindToVmknic value shown before the change (for rollback).', example: '0', pattern: /^[0-3]$/ },
  vmnicA: { meaning: 'First physical uplink (active for the vMotion port group, standby for the new one).', example: 'vmnic1', pattern: /^vmnic\d+$/ },
  vmnicB: { meaning: 'Second physical uplink (standby for the vMotion port group, active for the new one).', example: 'vmnic2', pattern: /^vmnic\d+$/ },
  encryptionMode: {
    meaning: 'Encrypted vMotion mode for the VM: `opportunistic` (default) or `required`.',
    example: 'required',
    pattern: /^(?:disabled|opportunistic|required)$/,
  },
  previousEncryptionMode: {
    meaning: 'Encrypted vMotion mode the VM had before (for rollback).',
    example: 'disabled',
    pattern: /^(?:disabled|opportunistic|required)$/,
  },
} as const satisfies Record<string, PlaceholderInfo>;

export type PlaceholderName = keyof typeof PLACEHOLDERS;

/** Example value of every placeholder (what the tests fill templates with). */
export function exampleValues(): Record<PlaceholderName, string> {
  const out = {} as Record<PlaceholderName, string>;
  for (const key of Object.keys(PLACEHOLDERS) as PlaceholderName[]) out[key] = PLACEHOLDERS[key].example;
  return out;
}

/** The do-not-fragment ping payload for an MTU: 20 bytes IPv4 header + 8 bytes ICMP header (8972 + 28 = 9000). */
export function pingSizeForMtu(mtu: number): number {
  return mtu - 28;
}
