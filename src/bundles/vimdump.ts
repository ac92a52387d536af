/**
 * The two things a bundle's host object dump (`commands/vmware-vimdump_-o----U-dcui.txt`, shared/docs/bundles.md
 * §1) tells that no other member does: which vmknics each service uses, and current advanced option values.
 *
 * Layout [I]: the dump prints vSphere API objects as `(type) { name = value, … }` blocks [V bundles.md: sections
 * `=============== N. vim.<Type>::<id> ===============`, `(vim.option.OptionValue) { key = '…', value = '…' }`].
 * The service selection is the host's `VirtualNicManager` info [V API: NetConfig has `nicType`, `candidateVnic`,
 * `selectedVnic`], whose selected entries are keys ending in `VirtualNic-vmkN` [V pyVmomi tests, netconfig_get
 * keys §4.14]; how exactly the dump prints them is reconstructed, so the reader only relies on `nicType = …`, a
 * `selectedVnic = …` value (one line, or a bracketed list over several) and `VirtualNic-vmkN` inside it, with
 * either quote style. Never throws.
 */
import type { EvidenceRef } from '../core/model/evidence.ts';
import type { Line } from '../parsers/types.ts';

export interface VimdumpServices {
  /** vmknic → esxcli tag names, for every vmknic named in some NetConfig (empty list: named, no service). */
  readonly tags: ReadonlyMap<string, readonly string[]>;
  /** The nicTypes whose selection was read. */
  readonly nicTypes: readonly string[];
  readonly evidence: ReadonlyMap<string, readonly EvidenceRef[]>;
}

export interface VimdumpOption {
  /** `Migrate.BindToVmknic` as the API names it. */
  readonly key: string;
  readonly value: string;
  readonly ref: EvidenceRef;
}

/** API nicType → esxcli tag (domain.md §1.3). */
const TAG_OF: Readonly<Record<string, string>> = {
  management: 'Management',
  vmotion: 'VMotion',
  vsphereprovisioning: 'vSphereProvisioning',
  faulttolerancelogging: 'faultToleranceLogging',
  vspherereplication: 'vSphereReplication',
  vspherereplicationnfc: 'vSphereReplicationNFC',
  vsan: 'VSAN',
  vsanwitness: 'VSANWitness',
  vspherebackupnfc: 'vSphereBackupNFC',
};

const NIC_TYPE = /\bnicType\s*=\s*["']([^"']{1,64})["']/;
const SELECTED = /\bselectedVnic\s*=\s*(.*)$/;
const VNIC = /VirtualNic-(vmk\d{1,4})\b/g;
const DEVICE = /\bdevice\s*=\s*["'](vmk\d{1,4})["']/;
const OPTION_KEY = /\bkey\s*=\s*["']((?:Migrate|Net)\.[A-Za-z]{1,64})["']/;
const OPTION_VALUE = /\bvalue\s*=\s*(?:\([^)]{0,40}\)\s*)?(?:["']([^"']{0,256})["']|(-?\d{1,12}))/;
const WANTED_OPTIONS = new Set(['Migrate.BindToVmknic', 'Migrate.AutoBindVmknic', 'Migrate.Vmknic', 'Net.ProvisioningVmknics', 'Net.ManagementIface']);
const MAX_LIST_LINES = 400;

export function readVimdump(lines: readonly Line[], file: string): { services?: VimdumpServices; options: VimdumpOption[] } {
  const tags = new Map<string, string[]>();
  const evidence = new Map<string, EvidenceRef[]>();
  const nicTypes: string[] = [];
  const options: VimdumpOption[] = [];
  let nicType: string | undefined;
  const ref = (l: Line): EvidenceRef => ({ file, line: l.n, text: l.text });

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line;
    const text = line.text;
    const type = NIC_TYPE.exec(text);
    if (type) {
      nicType = type[1];
      continue;
    }
    const device = nicType !== undefined ? DEVICE.exec(text) : null;
    if (device?.[1] && !tags.has(device[1])) tags.set(device[1], []);
    const selected = nicType !== undefined ? SELECTED.exec(text) : null;
    if (selected && nicType !== undefined) {
      const { text: value, end } = listValue(lines, i, selected[1] ?? '');
      const tag = TAG_OF[nicType.toLowerCase()] ?? nicType;
      if (!nicTypes.includes(nicType)) nicTypes.push(nicType);
      for (const m of value.matchAll(VNIC)) {
        const vmk = m[1] as string;
        const list = tags.get(vmk) ?? [];
        if (!list.includes(tag)) list.push(tag);
        tags.set(vmk, list);
        const refs = evidence.get(vmk) ?? [];
        refs.push(ref(line));
        evidence.set(vmk, refs);
      }
      i = end;
      nicType = undefined;
      continue;
    }
    const key = OPTION_KEY.exec(text);
    if (key?.[1] && WANTED_OPTIONS.has(key[1])) {
      for (let j = i; j < Math.min(lines.length, i + 4); j++) {
        const v = OPTION_VALUE.exec((lines[j] as Line).text);
        if (v) {
          options.push({ key: key[1], value: v[1] ?? v[2] ?? '', ref: ref(line) });
          break;
        }
      }
    }
  }
  // Only a dump that shows both the management and the vMotion selection is a complete picture of the services.
  const complete = ['management', 'vmotion'].every((t) => nicTypes.some((n) => n.toLowerCase() === t));
  return { ...(complete ? { services: { tags, nicTypes, evidence } } : {}), options };
}

/** The value of `selectedVnic = …`: the rest of the line, or up to the bracket that closes its list. */
function listValue(lines: readonly Line[], start: number, first: string): { text: string; end: number } {
  let depth = count(first, '[') - count(first, ']');
  if (depth <= 0) return { text: first, end: start };
  let text = first;
  let i = start;
  while (depth > 0 && i + 1 < lines.length && i - start < MAX_LIST_LINES) {
    i++;
    const t = (lines[i] as Line).text;
    text += `\n${t}`;
    depth += count(t, '[') - count(t, ']');
  }
  return { text, end: i };
}

function count(text: string, c: string): number {
  let n = 0;
  for (let i = text.indexOf(c); i >= 0; i = text.indexOf(c, i + 1)) n++;
  return n;
}
