/**
 * Findings that follow from one host's configuration (or the two ends' configurations compared), not from a
 * computed path: domain.md §1.7 H and the rows of §2 that name configuration evidence.
 */
import type { Certainty, EvidenceRef } from '../model/evidence.ts';
import { weakest } from '../model/evidence.ts';
import { DEFAULT_NETSTACK, PROVISIONING_NETSTACK, VMOTION_NETSTACK } from '../model/host.ts';
import { formatNetwork, numberToIpv4, overlaps } from '../net/ipv4.ts';
import { bindToVmknicDefault, supportsEncryptedVmotion } from '../versions.ts';
import { BIND_PATH, releaseOf } from './binding.ts';
import type { Trigger } from './flow.ts';
import { names } from './flow.ts';
import type { HostView, VmknicView } from './host-view.ts';

const BUILT_IN_STACKS = new Set([DEFAULT_NETSTACK, VMOTION_NETSTACK, PROVISIONING_NETSTACK]);

/** §2 NO_VMOTION_VMKNIC: only when the evidence proves there is none (never from missing tag output). */
export function noVmotionVmknic(view: HostView): Trigger[] {
  const V = view.vmotion;
  if (V.nics.length > 0 || !V.complete || view.enabled.length === 0) return [];
  return [
    {
      id: 'NO_VMOTION_VMKNIC',
      hosts: [view.host.name],
      vmknics: names(view.enabled),
      certainty: weakest(...view.enabled.map((v) => v.services.VMotion.certainty)),
      detail: `No enabled vmknic of ${view.host.name} carries vMotion (${view.enabled.map((v) => `${v.nic.name}: ${v.services.VMotion.because}`).join('; ')}).`,
      evidence: view.enabled.flatMap((v) => v.services.VMotion.evidence),
    },
  ];
}

/** §1.7 H: groups of enabled IPv4 vmknics of one netstack whose subnets overlap. */
export function sameSubnetGroups(view: HostView): VmknicView[][] {
  const groups: VmknicView[][] = [];
  for (const v of view.enabled) {
    if (!v.net) continue;
    const group = groups.find((g) => g[0]!.netstack === v.netstack && g.some((o) => overlaps(o.net!, v.net!)));
    if (group) group.push(v);
    else groups.push([v]);
  }
  return groups.filter((g) => g.length >= 2);
}

function isMgmt(view: HostView, v: VmknicView): boolean {
  return view.management?.nic.nic.name === v.nic.name;
}

export function sameSubnetVmknics(view: HostView): Trigger[] {
  const out: Trigger[] = [];
  for (const group of sameSubnetGroups(view)) {
    const hasMgmt = group.some((v) => isMgmt(view, v));
    // Legitimate multihoming: multi-NIC vMotion (all VMotion-tagged) and custom (NSX) stacks (KB318546, DOC80).
    const allVmotion = group.every((v) => v.services.VMotion.state === 'yes');
    const customStack = !BUILT_IN_STACKS.has(group[0]!.netstack);
    if (!hasMgmt && (allVmotion || customStack)) continue;
    const busy = group.some(
      (v) => !isMgmt(view, v) && (v.services.VMotion.state === 'yes' || v.services.vSphereProvisioning.state === 'yes' || (v.nic.tags ?? []).some((t) => /vsan|iscsi|nfs/i.test(t))),
    );
    const net = group[0]!.net!;
    out.push({
      id: 'SAME_SUBNET_VMKNICS',
      hosts: [view.host.name],
      vmknics: names(group),
      certainty: weakest(...group.map((v) => v.netstackCertainty)),
      severity: hasMgmt && busy ? 'high' : 'medium',
      detail: `${names(group).join(', ')} on ${view.host.name} share ${formatNetwork(net)} in the ${group[0]!.netstack} stack (${group.map((v) => `${v.nic.name} ${v.nic.ipv4}/${v.net!.prefix}`).join(', ')}): the routing table, not the service, chooses which one sends.`,
      evidence: group.flatMap((v) => v.nic.evidence),
    });
  }
  return out;
}

/** §2 VMOTION_ON_MANAGEMENT_NETWORK: a vMotion vmknic is the management vmknic or shares its subnet. */
export function vmotionOnManagementNetwork(view: HostView): Trigger[] {
  const m = view.management?.nic;
  if (!m) return [];
  const hits = view.vmotion.nics.filter((v) => v.nic.name === m.nic.name || (v.net && m.net && overlaps(v.net, m.net)));
  if (hits.length === 0) return [];
  const same = hits.some((v) => v.nic.name === m.nic.name);
  return [
    {
      id: 'VMOTION_ON_MANAGEMENT_NETWORK',
      hosts: [view.host.name],
      vmknics: uniqNames([m, ...hits]),
      certainty: weakest(view.management!.certainty, ...hits.map((v) => v.services.VMotion.certainty)),
      detail: same
        ? `${m.nic.name} on ${view.host.name} carries both management and vMotion.`
        : `${names(hits).join(', ')} (vMotion) on ${view.host.name} ${hits.length > 1 ? 'share' : 'shares'} the management subnet ${formatNetwork(m.net!)} of ${m.nic.name}.`,
      evidence: [...m.nic.evidence, ...hits.flatMap((v) => v.nic.evidence)],
    },
  ];
}

function uniqNames(views: readonly VmknicView[]): string[] {
  return [...new Set(views.map((v) => v.nic.name))];
}

export function vmotionTagShadowed(view: HostView): Trigger[] {
  if (view.shadowedVmotion.length === 0) return [];
  return [
    {
      id: 'VMOTION_TAG_SHADOWED',
      hosts: [view.host.name],
      vmknics: names(view.shadowedVmotion),
      certainty: 'definite',
      detail: `${names(view.shadowedVmotion).join(', ')} on ${view.host.name} still ${view.shadowedVmotion.length > 1 ? 'carry' : 'carries'} the VMotion tag on the default stack, but ${names(view.vmotion.nics).join(', ')} on the vmotion netstack take all vMotion traffic: the tag has no effect.`,
      evidence: view.shadowedVmotion.flatMap((v) => v.nic.evidence),
    },
  ];
}

export function multipleProvisioningVmknics(view: HostView): Trigger[] {
  const P = view.provisioning.nics;
  if (P.length < 2) return [];
  return [
    {
      id: 'MULTIPLE_PROVISIONING_VMKNICS',
      hosts: [view.host.name],
      vmknics: names(P),
      certainty: view.provisioning.certainty,
      detail: `${view.host.name} has ${P.length} provisioning vmknics (${names(P).join(', ')}); only one is supported per host.`,
      evidence: P.flatMap((v) => v.nic.evidence),
    },
  ];
}

export function vmknicDisabled(view: HostView): Trigger[] {
  const hits = view.disabled.filter((v) => (v.nic.tags ?? []).length > 0 || v.netstack === VMOTION_NETSTACK || v.netstack === PROVISIONING_NETSTACK);
  return hits.map((v) => ({
    id: 'VMKNIC_DISABLED' as const,
    hosts: [view.host.name],
    vmknics: [v.nic.name],
    certainty: 'definite' as Certainty,
    detail: `${v.nic.name} on ${view.host.name} is disabled although it ${(v.nic.tags ?? []).length > 0 ? `is tagged ${(v.nic.tags ?? []).join(', ')}` : `is on the ${v.netstack} netstack`}: that service is silently unavailable through it.`,
    evidence: v.nic.evidence,
  }));
}

/** §2 BIND_TO_VMKNIC_SET: a pasted value that differs from the build default, or any value where the default is unknown. */
export function bindToVmknicSet(view: HostView): Trigger[] {
  const pasted = view.host.advanced[BIND_PATH];
  if (!pasted || typeof pasted.value !== 'number') return [];
  const fromPaste = typeof pasted.defaultValue === 'number' ? pasted.defaultValue : undefined;
  const def = fromPaste ?? bindToVmknicDefault(releaseOf(view.host)).value;
  if (def !== undefined && def === pasted.value) return [];
  // 3 (always bind) is the default of every build that knows the value (6.5d and later): on a build whose own default
  // is not documented it is still the safe, standard setting, so it is no news to report.
  if (def === undefined && pasted.value === 3) return [];
  const weakens = def !== undefined && pasted.value < def && pasted.value <= 1;
  return [
    {
      id: 'BIND_TO_VMKNIC_SET',
      hosts: [view.host.name],
      vmknics: [],
      certainty: 'definite',
      severity: weakens ? 'low' : 'info',
      detail:
        def === undefined
          ? `Migrate.BindToVmknic is ${pasted.value} on ${view.host.name}, a build whose default is not documented.`
          : `Migrate.BindToVmknic is ${pasted.value} on ${view.host.name}; this build's default is ${def}.${weakens ? ' This value lets the routing table pick the vMotion vmknic again.' : ''}`,
      evidence: [pasted.evidence],
    },
  ];
}

interface Mtu {
  readonly value: number;
  readonly evidence: readonly EvidenceRef[];
}

/** The vSwitch/DVS a vmknic hangs off: interface list `Portset`/`VDS Name`, port-group membership, or DVPort client. */
function switchOf(view: HostView, v: VmknicView) {
  const sw = view.host.vswitches;
  return (
    sw.find((s) => s.name === v.nic.vswitch) ??
    sw.find((s) => v.nic.portGroup !== undefined && s.portGroups.some((pg) => pg.name === v.nic.portGroup)) ??
    sw.find((s) => s.dvPorts.some((p) => p.client === v.nic.name))
  );
}

/** §2 MTU_MISMATCH, within one host: vmknic MTU larger than its switch's or its uplinks'. */
export function mtuWithinHost(view: HostView): Trigger[] {
  const out: Trigger[] = [];
  for (const v of view.enabled) {
    const mtu = v.nic.mtu;
    if (mtu === undefined) continue;
    const sw = switchOf(view, v);
    if (!sw) continue;
    if (sw.mtu !== undefined && mtu > sw.mtu) {
      out.push(mtuTrigger(view.host.name, [v.nic.name], `${v.nic.name} on ${view.host.name} has MTU ${mtu} but its switch ${sw.name} has MTU ${sw.mtu}: larger frames are dropped.`, [...v.nic.evidence, sw.evidence]));
      continue;
    }
    const pg = sw.portGroups.find((p) => p.name === v.nic.portGroup);
    const uplinks = pg && pg.uplinks.length > 0 ? pg.uplinks : sw.uplinks;
    const small = uplinks
      .map((u) => view.host.nics.find((n) => n.name === u))
      .filter((n): n is NonNullable<typeof n> => n?.mtu !== undefined && n.mtu < mtu);
    if (small.length > 0) {
      out.push(
        mtuTrigger(
          view.host.name,
          [v.nic.name],
          `${v.nic.name} on ${view.host.name} has MTU ${mtu} but its uplink${small.length > 1 ? 's' : ''} ${small.map((n) => `${n.name} (MTU ${n.mtu})`).join(', ')} ${small.length > 1 ? 'are' : 'is'} smaller.`,
          [...v.nic.evidence, ...small.map((n) => n.evidence)],
        ),
      );
    }
  }
  return out;
}

function mtuTrigger(host: string, vmknics: string[], detail: string, evidence: readonly EvidenceRef[], hosts: string[] = [host]): Trigger {
  return { id: 'MTU_MISMATCH', hosts, vmknics, certainty: 'definite', detail, evidence };
}

/**
 * §2 MTU_MISMATCH between the ends: the vMotion vmknics' MTUs differ. Medium, not high: vMotion is TCP, each end
 * advertises a segment size that fits its own adapter, so the difference alone drops nothing (RFC 9293 §3.7.1); it
 * shows the jumbo design is not consistent end to end, and the pings named in the detail test the real path.
 */
export function mtuBetweenHosts(source: HostView, dest: HostView): Trigger[] {
  const mtus = (view: HostView): Mtu[] =>
    view.vmotion.nics.filter((v) => v.nic.mtu !== undefined).map((v) => ({ value: v.nic.mtu!, evidence: v.nic.evidence }));
  const a = mtus(source);
  const b = mtus(dest);
  if (a.length === 0 || b.length === 0) return [];
  const values = new Set([...a, ...b].map((m) => m.value));
  if (values.size < 2) return [];
  const describe = (view: HostView) => view.vmotion.nics.map((v) => `${v.nic.name} MTU ${v.nic.mtu ?? '?'}`).join(', ');
  return [
    {
      ...mtuTrigger(
        source.host.name,
        [...names(source.vmotion.nics), ...names(dest.vmotion.nics)],
        `The vMotion vmknics' MTUs differ: ${source.host.name} ${describe(source)}; ${dest.host.name} ${describe(dest)}. vMotion is TCP and each end advertises a segment size that fits its own adapter, so the difference alone drops nothing; it does show the jumbo-frame design is not consistent end to end, and frames are dropped wherever an adapter's MTU exceeds what its switch, uplinks or the physical path carry. Test the path both ways: ${pingBothWays(source, dest)}.`,
        [...a.flatMap((m) => m.evidence), ...b.flatMap((m) => m.evidence)],
        [source.host.name, dest.host.name],
      ),
      certainty: weakest(source.vmotion.certainty, dest.vmotion.certainty),
      severity: 'medium',
    },
  ];
}

/** `vmkping -I <vmk> -d -s 8972 <peer>` from each end's first vMotion vmknic to the other's (domain.md §2). */
function pingBothWays(source: HostView, dest: HostView): string {
  const first = (view: HostView) => view.vmotion.nics.find((v) => v.address !== undefined);
  const a = first(source);
  const b = first(dest);
  const ping = (from: VmknicView | undefined, to: VmknicView | undefined, host: string) =>
    `on ${host} \`vmkping -I ${from?.nic.name ?? '<vmk>'} -d -s 8972 ${to?.address !== undefined ? numberToIpv4(to.address) : '<peer>'}\``;
  return `${ping(a, b, source.host.name)}, and ${ping(b, a, dest.host.name)}`;
}

/** §2 VMOTION_UNENCRYPTED_ON_SHARED_NETWORK: vMotion crosses management and a host cannot encrypt (< 6.5). */
export function unencryptedOnSharedNetwork(hosts: readonly HostView[], triggers: readonly Trigger[]): Trigger[] {
  const crossing = triggers.filter((t) => t.id === 'VMOTION_EGRESS_MISMATCH' || t.id === 'VMOTION_ON_MANAGEMENT_NETWORK');
  if (crossing.length === 0) return [];
  const old = hosts.filter((h) => {
    const r = releaseOf(h.host);
    return r !== undefined && !supportsEncryptedVmotion(r);
  });
  if (old.length === 0) return [];
  return [
    {
      id: 'VMOTION_UNENCRYPTED_ON_SHARED_NETWORK',
      hosts: [...new Set([...crossing.flatMap((t) => t.hosts), ...old.map((h) => h.host.name)])],
      vmknics: [...new Set(crossing.flatMap((t) => t.vmknics))],
      certainty: weakest(...crossing.map((t) => t.certainty)),
      detail: `vMotion crosses the management network and ${old.map((h) => `${h.host.name} (${h.host.version?.version ?? '?'})`).join(', ')} predate${old.length > 1 ? '' : 's'} encrypted vMotion (6.5): VM memory travels in clear text on a shared network.`,
      evidence: old.flatMap((h) => h.host.version?.evidence ?? []),
    },
  ];
}

/** Payload of the largest ICMP echo that fits a 1500-byte frame (1472 + 28 bytes of headers). */
const STANDARD_PAYLOAD = 1472;

/**
 * §2 MTU_MISMATCH from pings: a do-not-fragment jumbo ping fails while a standard-size ping to the same address
 * through the same vmknic works — the path drops large frames somewhere (vmknic, switch, uplink or physical port).
 */
export function mtuFromPings(view: HostView): Trigger[] {
  const pings = view.host.pings ?? [];
  const out: Trigger[] = [];
  for (const big of pings) {
    if (!big.dontFragment || big.size <= STANDARD_PAYLOAD || (big.answered && !big.messageTooLong)) continue;
    const small = pings.find(
      (p) => p.target === big.target && p.vmknic === big.vmknic && p.size <= STANDARD_PAYLOAD && p.answered,
    );
    if (!small) continue;
    const via = big.vmknic ? ` through ${big.vmknic}` : '';
    out.push(
      mtuTrigger(
        view.host.name,
        big.vmknic ? [big.vmknic] : [],
        `On ${view.host.name}, a do-not-fragment ping of ${big.size} bytes to ${big.target}${via} ${big.messageTooLong ? 'was refused as too long' : 'got no reply'}, while a ${small.size}-byte ping to the same address answered: frames of ${big.size + 28} bytes do not fit somewhere on the path.`,
        [big.evidence, small.evidence],
      ),
    );
  }
  return out;
}
