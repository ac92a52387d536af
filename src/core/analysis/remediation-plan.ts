/**
 * Fills the remediation catalog's command templates with each affected host's real names and addresses.
 * One entry per remediation id, in the catalog's order of preference; commands are grouped per host.
 */
import { REMEDIATIONS, type RemediationId } from '../remediation/catalog.ts';
import { fillTemplate } from '../remediation/templates.ts';
import type { FindingResult, RemediationResult } from '../result.ts';
import { releaseOf, BIND_PATH } from './binding.ts';
import type { HostView, VmknicView } from './host-view.ts';
import { bindToVmknicDefault } from '../versions.ts';
import { formatNetwork } from '../net/ipv4.ts';
import { pingSizeForMtu, type PlaceholderName } from '../remediation/templates.ts';

/** The vmknic a finding is about on this host: its first vMotion vmknic, else the finding's first vmknic. */
function focusVmknic(view: HostView, finding: FindingResult | undefined): VmknicView | undefined {
  const named = (finding?.vmknics ?? []).map((n) => view.enabled.find((v) => v.nic.name === n)).filter((v): v is VmknicView => v !== undefined);
  return view.vmotion.nics[0] ?? named.find((v) => v.nic.name !== view.management?.nic.nic.name) ?? named[0];
}

function nextFreeVmk(view: HostView, skip = 0): string {
  const used = new Set(view.host.vmknics.map((n) => n.name));
  let i = 0;
  let skipped = 0;
  for (;;) {
    const name = `vmk${i++}`;
    if (used.has(name)) continue;
    if (skipped++ === skip) return name;
  }
}

function switchOf(view: HostView, v: VmknicView | undefined): string | undefined {
  if (!v) return undefined;
  if (v.nic.vswitch) return v.nic.vswitch;
  return view.host.vswitches.find((s) => s.portGroups.some((pg) => pg.name === v.nic.portGroup))?.name;
}

/** Placeholder values known for one host. Absent keys stay visible as `<name>` in the filled command. */
export function placeholderValues(
  view: HostView,
  peer: HostView | undefined,
  finding: FindingResult | undefined,
  remediation: RemediationId,
): Record<string, string> {
  const out: Record<string, string> = { host: view.host.name };
  const set = (k: PlaceholderName, value: string | number | undefined) => {
    if (value !== undefined && value !== '') out[k] = String(value);
  };
  const v = focusVmknic(view, finding);
  const m = view.management?.nic;
  set('vmk', v?.nic.name);
  // The vmknic that should lose the VMotion tag: the management vmknic when it carries vMotion, else the shadowed one.
  set('oldVmk', view.shadowedVmotion[0]?.nic.name ?? (m && m.services.VMotion.state === 'yes' ? m.nic.name : undefined));
  set('newVmk', nextFreeVmk(view));
  set('provisioningVmk', view.provisioning.nics[0]?.nic.name ?? nextFreeVmk(view));
  set('portGroup', v?.nic.portGroup);
  if (v?.nic.portGroup) set('newPortGroup', `${v.nic.portGroup}-B`);
  set('vswitch', switchOf(view, v));
  const dvs = view.host.vswitches.find((s) => s.kind === 'distributed' && s.dvPorts.some((p) => p.client === v?.nic.name));
  set('dvs', dvs?.name);
  const pg = v?.nic.portGroup ? view.host.vswitches.flatMap((s) => s.portGroups).find((g) => g.name === v.nic.portGroup) : undefined;
  set('previousVlan', pg?.vlan);
  set('previousIp', v?.nic.ipv4);
  set('previousNetmask', v?.nic.netmask);
  // {gateway} is a router in the subnet of the vmknic being (re)built — a new subnet in R1/R2, a missing one in
  // R8 — which no pasted output can show, so it is always left for the engineer to fill in.
  const peerV = peer?.vmotion.nics[0];
  set('peerIp', peerV?.nic.ipv4);
  if (peerV?.net) set('peerNetwork', formatNetwork(peerV.net));
  if (remediation === 'R7') {
    // MTU alignment: the largest MTU among both ends' vMotion vmknics (jumbo was clearly intended somewhere).
    const mtus = [...view.vmotion.nics, ...(peer?.vmotion.nics ?? [])].map((n) => n.nic.mtu).filter((x): x is number => x !== undefined);
    if (mtus.length > 0) {
      const target = Math.max(...mtus);
      set('mtu', target);
      set('pingSize', pingSizeForMtu(target));
    }
  } else if (v?.nic.mtu !== undefined) {
    // Elsewhere the MTU stays as it is: verification pings use the vmknic's current frame size.
    set('pingSize', pingSizeForMtu(v.nic.mtu));
  }
  set('previousMtu', v?.nic.mtu);
  const pasted = view.host.advanced[BIND_PATH];
  const release = releaseOf(view.host);
  set('previousBindValue', typeof pasted?.value === 'number' ? pasted.value : bindToVmknicDefault(release).value);
  // The 6.0 U3 dump allows 0..2 only (no earlier 6.0 dump exists); 3 = always bind, first seen in the 6.5d dump.
  set('bindValue', release && release.major === 6 && release.minor === 0 ? 2 : 3);
  const uplinks = pg && pg.uplinks.length > 0 ? pg.uplinks : (view.host.vswitches.find((s) => s.name === switchOf(view, v))?.uplinks ?? []);
  set('vmnicA', uplinks[0]);
  set('vmnicB', uplinks[1]);
  return out;
}

export function planRemediation(findings: readonly FindingResult[], views: readonly HostView[]): RemediationResult[] {
  const order = Object.keys(REMEDIATIONS) as RemediationId[];
  const wanted = new Map<RemediationId, FindingResult[]>();
  for (const f of findings) {
    for (const id of f.remediation as RemediationId[]) {
      if (!(id in REMEDIATIONS)) continue;
      wanted.set(id, [...(wanted.get(id) ?? []), f]);
    }
  }
  const out: RemediationResult[] = [];
  for (const id of order) {
    const fs = wanted.get(id);
    if (!fs) continue;
    const def = REMEDIATIONS[id];
    const hostNames = new Set(fs.flatMap((f) => f.hosts));
    // Always do source and destination (§3): a fix on one end only leaves the other end broken.
    const targets = views.filter((v) => hostNames.has(v.host.name) || views.length > 1);
    const missing = new Set<string>();
    const valuesOf = (view: HostView): Record<string, string> =>
      placeholderValues(view, views.find((o) => o !== view), fs.find((f) => f.hosts.includes(view.host.name)) ?? fs[0], id);
    const perHost = targets.map(valuesOf);
    const fill = (templates: readonly string[]): string[] =>
      targets.flatMap((view, i) => {
        const lines = templates.map((t) => {
          const r = fillTemplate(t, perHost[i]!);
          r.missing.forEach((m) => missing.add(m));
          return r.text;
        });
        return targets.length > 1 && lines.length > 0 ? [`# on ${view.host.name}`, ...lines] : lines;
      });
    // Step sentences are shared by all hosts: fill only the values every host has in common.
    const common: Record<string, string> = {};
    for (const [k, v] of Object.entries(perHost[0] ?? {})) if (k !== 'host' && perHost.every((p) => p[k] === v)) common[k] = v;
    if (targets.length === 1) common['host'] = targets[0]!.host.name;
    out.push({
      id,
      forFindings: [...new Set(fs.map((f) => f.id))],
      title: def.title,
      hosts: targets.map((v) => v.host.name),
      steps: def.steps.map((s) => fillTemplate(s.text, common).text),
      commands: { esxcli: fill(def.commands.esxcli), esxcfg: fill(def.commands.esxcfg), powercli: fill(def.commands.powercli) },
      verify: fill(def.verify),
      rollback: fill(def.rollback),
      risk: def.risk,
      unfilled: [...missing].sort(),
    });
  }
  return out;
}
