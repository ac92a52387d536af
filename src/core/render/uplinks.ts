/**
 * Which physical uplinks a vmknic's traffic can leave by, from `esxcfg-vswitch -l` (and `esxcfg-nics -l` for link
 * state), for the path picture. The analysis result does not carry switches, so the caller passes the host models
 * when it has them; without them the picture simply shows no uplinks ("when known").
 */
import type { HostModel, Vmknic } from '../model/host.ts';

export interface VmknicUplinks {
  readonly vswitch: string;
  readonly mtu?: number;
  /** Active uplinks of the vmknic's port group (standard switch) or the uplinks of its distributed switch. */
  readonly uplinks: readonly string[];
  /** Uplinks whose link `esxcfg-nics -l` showed Down. */
  readonly down: readonly string[];
}

function switchOf(host: HostModel, nic: Vmknic): { sw: HostModel['vswitches'][number]; pgUplinks?: readonly string[] } | undefined {
  for (const sw of host.vswitches) {
    if (nic.vswitch !== undefined && sw.name !== nic.vswitch) continue;
    if (sw.kind === 'standard' && nic.portGroup !== undefined) {
      const pg = sw.portGroups.find((g) => g.name === nic.portGroup);
      if (pg) return { sw, pgUplinks: pg.uplinks };
    }
    if (sw.kind === 'distributed' && sw.dvPorts.some((p) => p.client === nic.name || (nic.dvPort !== undefined && p.id === nic.dvPort))) return { sw };
  }
  // The interface list names the switch even when the port group was not listed under it.
  const named = nic.vswitch !== undefined ? host.vswitches.find((s) => s.name === nic.vswitch) : undefined;
  return named ? { sw: named } : undefined;
}

/** The uplinks of a vmknic, or undefined when the evidence does not show its switch. */
export function uplinksOf(host: HostModel, nic: Vmknic): VmknicUplinks | undefined {
  const found = switchOf(host, nic);
  if (!found) return undefined;
  // A standard port group lists its active uplinks ("Used Uplinks"); an empty list there means none are active.
  const uplinks = found.pgUplinks ?? found.sw.uplinks;
  const down = uplinks.filter((u) => host.nics.find((n) => n.name === u)?.linkUp === false);
  return { vswitch: found.sw.name, ...(found.sw.mtu !== undefined ? { mtu: found.sw.mtu } : {}), uplinks: [...uplinks], down };
}

/** `hostName → vmknic name → uplinks`, for every vmknic whose switch the evidence shows. */
export function uplinkIndex(hosts: readonly HostModel[]): ReadonlyMap<string, ReadonlyMap<string, VmknicUplinks>> {
  const out = new Map<string, Map<string, VmknicUplinks>>();
  for (const h of hosts) {
    const m = new Map<string, VmknicUplinks>();
    for (const n of h.vmknics) {
      const u = uplinksOf(h, n);
      if (u) m.set(n.name, u);
    }
    out.set(h.name, m);
  }
  return out;
}
