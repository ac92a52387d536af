/**
 * Command templates: `{name}` placeholders, their meaning, and filling them from the model.
 *
 * domain.md §3 writes placeholders in angle brackets; the catalog uses braces so that a filled command can never
 * contain a stray `<…>` that a shell would read as a redirection. An unfilled placeholder is shown back in angle
 * brackets (`<vmk>`) so the user sees at once what is still to be chosen, and is listed in `missing`.
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
    meaning: 'The vmknic being changed: the vMotion vmknic (for R6 steps, the provisioning vmknic is {provisioningVmk}).',
    example: 'vmk1',
    pattern: VMK,
  },
  oldVmk: { meaning: 'The vmknic that loses the VMotion tag, often the management vmknic vmk0.', example: 'vmk0', pattern: VMK },
  newVmk: { meaning: 'Name for a vmknic that does not exist yet (next free vmkN on this host).', example: 'vmk2', pattern: VMK },
  provisioningVmk: { meaning: 'The vmknic that carries provisioning (NFC) traffic.', example: 'vmk3', pattern: VMK },
  portGroup: { meaning: 'Standard-switch port group of {vmk} (the vMotion port group).', example: 'vMotion', pattern: NAME },
  newPortGroup: { meaning: 'Name for a new standard-switch port group.', example: 'vMotion-B', pattern: NAME },
  vswitch: { meaning: 'Standard switch that holds the port group, e.g. vSwitch1.', example: 'vSwitch1', pattern: NAME },
  dvs: { meaning: 'Distributed switch name as the host sees it (`esxcfg-vswitch -l`, DVS Name).', example: 'dvs-prod', pattern: NAME },
  dvPort: { meaning: 'A free DVPort id on that distributed switch, in the vMotion distributed port group.', example: '1024', pattern: INT },
  vlan: { meaning: 'VLAN id of the dedicated vMotion (or provisioning) network, 0–4095.', example: '20', pattern: INT },
  previousVlan: { meaning: 'VLAN id the port group had before the change (for rollback).', example: '0', pattern: INT },
  ip: { meaning: 'New IPv4 address of the vmknic being configured.', example: '10.20.30.11', pattern: IPV4 },
  netmask: { meaning: 'Dotted netmask that goes with {ip}.', example: '255.255.255.0', pattern: IPV4 },
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
  vmnicA: { meaning: 'First physical uplink (active for {portGroup}, standby for {newPortGroup}).', example: 'vmnic1', pattern: /^vmnic\d+$/ },
  vmnicB: { meaning: 'Second physical uplink (standby for {portGroup}, active for {newPortGroup}).', example: 'vmnic2', pattern: /^vmnic\d+$/ },
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

/** `{name}`: only an identifier between the braces, so PowerShell blocks like `{$_.Name}` or `@{a='b'}` never match. */
const PLACEHOLDER_RE = /\{([A-Za-z][A-Za-z0-9]*)\}/g;

/** Placeholder names used by a template, in order of first appearance, without repeats. */
export function placeholdersIn(template: string): string[] {
  const seen: string[] = [];
  for (const m of template.matchAll(PLACEHOLDER_RE)) {
    const name = m[1];
    if (name !== undefined && !seen.includes(name)) seen.push(name);
  }
  return seen;
}

export interface FilledTemplate {
  readonly text: string;
  /** Placeholders that had no (non-blank) value; they stay visible as `<name>` in `text`. */
  readonly missing: string[];
}

/**
 * Fills `{name}` placeholders. A missing or blank value is never substituted as an empty string (that would turn
 * `-i {vmk} -t VMotion` into `-i -t VMotion`, which esxcli reads differently): it stays as `<name>` and is reported.
 * Values are inserted verbatim; templates quote the ones that may contain spaces (port-group names).
 */
export function fillTemplate(template: string, values: Readonly<Record<string, string | undefined>>): FilledTemplate {
  const missing: string[] = [];
  const text = template.replace(PLACEHOLDER_RE, (_whole, name: string) => {
    const value = Object.prototype.hasOwnProperty.call(values, name) ? values[name] : undefined;
    if (value === undefined || value.trim() === '') {
      if (!missing.includes(name)) missing.push(name);
      return `<${name}>`;
    }
    return value.trim();
  });
  return { text, missing };
}

/** Example value of every placeholder (what the tests fill templates with). */
export function exampleValues(): Record<PlaceholderName, string> {
  const out = {} as Record<PlaceholderName, string>;
  for (const key of Object.keys(PLACEHOLDERS) as PlaceholderName[]) out[key] = PLACEHOLDERS[key].example;
  return out;
}

/** `{pingSize}` for an MTU: 20 bytes IPv4 header + 8 bytes ICMP header (domain.md §3 R7: 8972 + 28 = 9000). */
export function pingSizeForMtu(mtu: number): number {
  return mtu - 28;
}
