/**
 * Normalises one host model for the analyses (domain.md §1.7 A and C, F1): which netstack each vmknic is on,
 * which services it carries, the management vmknic, the vMotion candidate set and the provisioning vmknic —
 * each with a certainty and the steps that justify it.
 */
import type { Certainty, EvidenceRef } from '../model/evidence.ts';
import { weakest } from '../model/evidence.ts';
import type { HostModel, Vmknic } from '../model/host.ts';
import { DEFAULT_NETSTACK, PROVISIONING_NETSTACK, VMOTION_NETSTACK } from '../model/host.ts';
import type { Ipv4Network } from '../net/ipv4.ts';
import { contains, ipv4ToNumber, networkOf } from '../net/ipv4.ts';
import type { Step } from './trace.ts';
import { step } from './trace.ts';

/** The services whose vmknic choice matters for migration paths. */
export type PathService = 'VMotion' | 'Management' | 'vSphereProvisioning';

export interface ServiceState {
  readonly state: 'yes' | 'no' | 'unknown';
  readonly certainty: Certainty;
  /** Human wording of where it came from, for traces. */
  readonly because: string;
  readonly evidence: readonly EvidenceRef[];
  /** True when the only reason is a port-group name (domain.md §1.7 A4: assumed, certainty uncertain). */
  readonly guessedFromName?: boolean;
}

export interface VmknicView {
  readonly nic: Vmknic;
  readonly index: number;
  readonly net?: Ipv4Network;
  readonly address?: number;
  readonly netstack: string;
  readonly netstackCertainty: Certainty;
  readonly netstackAssumed: boolean;
  readonly services: Readonly<Record<PathService, ServiceState>>;
}

export interface CandidateSet {
  readonly nics: readonly VmknicView[];
  readonly certainty: Certainty;
  /** True when the set is proven complete (every enabled vmknic's service state is known). */
  readonly complete: boolean;
  /** True when the set comes from the `vmotion` / `vSphereProvisioning` netstack. */
  readonly onDedicatedStack: boolean;
  readonly steps: readonly Step[];
}

export interface HostView {
  readonly host: HostModel;
  /** Enabled vmknics in ascending index order. */
  readonly enabled: readonly VmknicView[];
  readonly disabled: readonly VmknicView[];
  readonly management?: { readonly nic: VmknicView; readonly certainty: Certainty; readonly steps: readonly Step[] };
  readonly vmotion: CandidateSet;
  /** Default-stack vmknics tagged VMotion while a vmotion-stack vmknic exists (VMOTION_TAG_SHADOWED). */
  readonly shadowedVmotion: readonly VmknicView[];
  readonly provisioning: CandidateSet;
  /** Steps about the host as a whole (netstack assumptions, missing outputs). */
  readonly steps: readonly Step[];
}

export function vmkIndex(name: string): number {
  const m = /^vmk(\d+)$/.exec(name);
  return m ? Number(m[1]) : Number.MAX_SAFE_INTEGER;
}

const TAG_FOR: Readonly<Record<PathService, string>> = {
  VMotion: 'vmotion',
  Management: 'management',
  vSphereProvisioning: 'vsphereprovisioning',
};

function hasTag(nic: Vmknic, service: PathService): boolean {
  return (nic.tags ?? []).some((t) => t.toLowerCase() === TAG_FOR[service]);
}

function advancedString(host: HostModel, path: string): { value: string; ref: EvidenceRef } | undefined {
  const entry = host.advanced[path];
  if (!entry || typeof entry.value !== 'string') return undefined;
  return { value: entry.value, ref: entry.evidence };
}

function listed(value: string, name: string): boolean {
  return value
    .split(/[\s,;]+/)
    .filter(Boolean)
    .some((v) => v === name);
}

/** domain.md §1.7 A4: tag sources in order of strength. */
function serviceState(host: HostModel, nic: Vmknic, netstack: string, service: PathService): ServiceState {
  if (service === 'VMotion' && netstack === VMOTION_NETSTACK) {
    return { state: 'yes', certainty: 'definite', because: 'it is on the vmotion netstack', evidence: nic.evidence };
  }
  if (service === 'vSphereProvisioning' && netstack === PROVISIONING_NETSTACK) {
    return {
      state: 'yes',
      certainty: 'definite',
      because: 'it is on the vSphereProvisioning netstack',
      evidence: nic.evidence,
    };
  }
  if (nic.tags !== undefined && (nic.tagSource === 'tag-get' || nic.tagSource === 'export')) {
    const yes = hasTag(nic, service);
    return {
      state: yes ? 'yes' : 'no',
      certainty: 'definite',
      because: yes ? `its tags include ${service}` : `its tags (${nic.tags.join(', ') || 'none'}) do not include ${service}`,
      evidence: nic.evidence,
    };
  }
  if (service === 'VMotion' && host.netconfigSelectedVnic !== undefined) {
    const selected = host.netconfigSelectedVnic;
    // netconfig_get holds a single selectedVnic [U how multi-NIC is represented]: "yes" is firm, "no" is not.
    if (selected === nic.name) {
      return { state: 'yes', certainty: 'probable', because: 'netconfig_get selectedVnic names it', evidence: [] };
    }
    if (selected === null) {
      return { state: 'no', certainty: 'probable', because: 'netconfig_get selectedVnic is <unset>', evidence: [] };
    }
  }
  const advancedKey =
    service === 'VMotion' ? '/Migrate/Vmknic' : service === 'Management' ? '/Net/ManagementIface' : '/Net/ProvisioningVmknics';
  const adv = advancedString(host, advancedKey);
  if (adv && listed(adv.value, nic.name)) {
    return { state: 'yes', certainty: 'probable', because: `${advancedKey} = "${adv.value}"`, evidence: [adv.ref] };
  }
  if (nic.tags !== undefined && nic.tags.length > 0 && hasTag(nic, service)) {
    return { state: 'yes', certainty: 'probable', because: `tagged ${service} (${nic.tagSource ?? 'evidence'})`, evidence: nic.evidence };
  }
  if (service === 'Management' && nic.name === 'vmk0') {
    return {
      state: 'yes',
      certainty: 'probable',
      because: 'vmk0 is the management vmknic ESXi creates at install; its tags were not shown',
      evidence: [],
    };
  }
  const pg = nic.portGroup ?? '';
  const nameHint =
    service === 'VMotion' ? /v-?motion/i : service === 'Management' ? /mgmt|management/i : /provision/i;
  if (pg && nameHint.test(pg)) {
    return {
      state: 'yes',
      certainty: 'uncertain',
      because: `assumed from its port-group name "${pg}" (tags not shown)`,
      evidence: nic.evidence,
      guessedFromName: true,
    };
  }
  return { state: 'unknown', certainty: 'uncertain', because: 'its tags were not shown', evidence: [] };
}

function netstackOf(host: HostModel, nic: Vmknic, net: Ipv4Network | undefined): {
  key: string;
  certainty: Certainty;
  assumed: boolean;
} {
  if (nic.netstack) return { key: nic.netstack, certainty: 'definite', assumed: false };
  // §1.7 A3: becomes definite with a connected route in the default stack's table, or when only that stack exists.
  if (host.netstacks && host.netstacks.length > 0 && host.netstacks.every((s) => s === DEFAULT_NETSTACK)) {
    return { key: DEFAULT_NETSTACK, certainty: 'definite', assumed: true };
  }
  const connected = host.routes.some(
    (r) =>
      r.netstack === DEFAULT_NETSTACK &&
      r.interface === nic.name &&
      r.gateway === '0.0.0.0' &&
      net !== undefined &&
      r.network !== '0.0.0.0',
  );
  return { key: DEFAULT_NETSTACK, certainty: connected ? 'definite' : 'probable', assumed: true };
}

function viewOf(host: HostModel, nic: Vmknic): VmknicView {
  const net = networkOf(nic.ipv4, nic.netmask);
  const address = ipv4ToNumber(nic.ipv4);
  const ns = netstackOf(host, nic, net);
  return {
    nic,
    index: vmkIndex(nic.name),
    ...(net ? { net } : {}),
    ...(address !== undefined ? { address } : {}),
    netstack: ns.key,
    netstackCertainty: ns.certainty,
    netstackAssumed: ns.assumed,
    services: {
      VMotion: serviceState(host, nic, ns.key, 'VMotion'),
      Management: serviceState(host, nic, ns.key, 'Management'),
      vSphereProvisioning: serviceState(host, nic, ns.key, 'vSphereProvisioning'),
    },
  };
}

function serviceStep(v: VmknicView, service: PathService): Step {
  const s = v.services[service];
  const verb = s.state === 'yes' ? 'carries' : s.state === 'no' ? 'does not carry' : 'may or may not carry';
  return step(`${v.nic.name} ${verb} ${service}: ${s.because}.`, {
    rule: '§1.7 A4',
    confidence: s.guessedFromName ? 'unsure' : 'verified',
    evidence: s.evidence,
  });
}

/** Builds the candidate set for vMotion (§1.7 C) or provisioning (§1.7 F1). */
function candidateSet(
  enabled: readonly VmknicView[],
  service: 'VMotion' | 'vSphereProvisioning',
  dedicatedStack: string,
): CandidateSet {
  const onStack = enabled.filter((v) => v.netstack === dedicatedStack);
  if (onStack.length > 0) {
    return {
      nics: onStack,
      certainty: weakest(...onStack.map((v) => v.netstackCertainty)),
      complete: true,
      onDedicatedStack: true,
      steps: [
        step(
          `${onStack.map((v) => v.nic.name).join(', ')} ${onStack.length > 1 ? 'are' : 'is'} on the ${dedicatedStack} netstack, so ${service} uses only ${onStack.length > 1 ? 'them' : 'it'}; default-stack vmknics are disabled for ${service}.`,
          { rule: service === 'VMotion' ? '§1.7 C1' : '§1.7 F1', evidence: onStack.flatMap((v) => v.nic.evidence) },
        ),
      ],
    };
  }
  const defaultStack = enabled.filter((v) => v.netstack === DEFAULT_NETSTACK);
  const yes = defaultStack.filter((v) => v.services[service].state === 'yes');
  const unknown = defaultStack.filter((v) => v.services[service].state === 'unknown');
  const steps: Step[] = [...yes.map((v) => serviceStep(v, service))];
  if (unknown.length > 0) {
    steps.push(
      step(
        `The ${service} tag of ${unknown.map((v) => v.nic.name).join(', ')} was not shown; the set may be incomplete (run \`esxcli network ip interface tag get -i ${unknown[0]!.nic.name}\`).`,
        { rule: '§1.7 A4' },
      ),
    );
  }
  const certainty = weakest(
    ...yes.map((v) => weakest(v.services[service].certainty, v.netstackCertainty)),
    unknown.length > 0 ? 'probable' : 'definite',
  );
  return {
    nics: yes,
    certainty: yes.length === 0 && unknown.length > 0 ? 'uncertain' : certainty,
    complete: unknown.length === 0 && yes.every((v) => v.services[service].certainty !== 'uncertain'),
    onDedicatedStack: false,
    steps,
  };
}

export function buildHostView(host: HostModel): HostView {
  const views = host.vmknics.map((nic) => viewOf(host, nic)).sort((a, b) => a.index - b.index);
  const enabled = views.filter((v) => v.nic.enabled !== false);
  const disabled = views.filter((v) => v.nic.enabled === false);
  const steps: Step[] = [];

  const assumedStack = enabled.filter((v) => v.netstackAssumed);
  if (assumedStack.length > 0) {
    steps.push(
      step(
        `No output showed the netstack of ${assumedStack.map((v) => v.nic.name).join(', ')}: taken as defaultTcpipStack${assumedStack.every((v) => v.netstackCertainty === 'definite') ? ' (confirmed by the route table or netstack list)' : ', probable (`esxcfg-vmknic -l` on 6.5+ or `esxcli network ip interface list` shows it)'}.`,
        { rule: '§1.7 A3' },
      ),
    );
  }
  if (disabled.length > 0) {
    steps.push(step(`Ignored disabled vmknic(s): ${disabled.map((v) => v.nic.name).join(', ')}.`, { rule: '§1.7 A1' }));
  }

  const managementNics = enabled.filter((v) => v.services.Management.state === 'yes');
  const sure = managementNics.filter((v) => v.services.Management.certainty !== 'uncertain');
  const mgmt = (sure.length > 0 ? sure : managementNics)[0];
  const management = mgmt
    ? {
        nic: mgmt,
        certainty: mgmt.services.Management.certainty,
        steps: [
          step(`Management vmknic M = ${mgmt.nic.name}: ${mgmt.services.Management.because}.`, {
            rule: '§1.7 A5',
            evidence: mgmt.services.Management.evidence,
          }),
        ],
      }
    : undefined;

  const vmotion = candidateSet(enabled, 'VMotion', VMOTION_NETSTACK);
  const shadowedVmotion = vmotion.onDedicatedStack
    ? enabled.filter((v) => v.netstack === DEFAULT_NETSTACK && hasTag(v.nic, 'VMotion'))
    : [];
  const provisioning = candidateSet(enabled, 'vSphereProvisioning', PROVISIONING_NETSTACK);

  return {
    host,
    enabled,
    disabled,
    ...(management ? { management } : {}),
    vmotion,
    shadowedVmotion,
    provisioning,
    steps,
  };
}

/** The enabled vmknic that owns an address, if any. */
export function ownerOf(view: HostView, address: number): VmknicView | undefined {
  return view.enabled.find((v) => v.address === address);
}

/** The first enabled vmknic of `netstack` whose subnet contains `address` (connected, lowest index). */
export function onLinkVmknic(view: HostView, netstack: string, address: number): VmknicView | undefined {
  return view.enabled.find((v) => v.netstack === netstack && v.net !== undefined && contains(v.net, address));
}
