/**
 * Question: which vmknic does NFC cold data (base disk, older snapshots, VM home files; everything in a cold
 * migration; TCP 902) leave the source by and enter the destination by? (domain.md §1.6, §1.7 F)
 */
import type { Certainty } from '../model/evidence.ts';
import { weakest } from '../model/evidence.ts';
import { DEFAULT_NETSTACK, PROVISIONING_NETSTACK } from '../model/host.ts';
import { contains, formatNetwork, numberToIpv4, someHostIn } from '../net/ipv4.ts';
import { releaseOf } from './binding.ts';
import type { Flow, Pair, PathAnswer, Trigger } from './flow.ts';
import type { HostView, VmknicView } from './host-view.ts';
import { lookupRoute } from './route-lookup.ts';
import type { Step } from './trace.ts';
import { step } from './trace.ts';

/** What each migration kind sends by NFC (§1.6). */
const NFC_PAYLOAD: Readonly<Record<Pair['migration'], string | undefined>> = {
  live: undefined,
  'non-shared': 'the VM home-folder files (vmx, nvram, logs); the active disk itself goes by vMotion',
  snapshots: 'the base disk, every older snapshot layer and the VM home files; only the newest delta goes by vMotion',
  cold: 'everything: every disk and file of the powered-off VM',
};

/**
 * §1.5: the sources disagree on the cold data of a *hot* (powered-on) migration. Denneman (2013), the vSphere 7.0
 * documentation ("cold data in hot migration") and VMware's UDT page say NFC; KB 340170 also says that for a
 * powered-up VM "all of the migration traffic will traverse the vmk assigned to the vMotion service". So that path
 * is probable at best. Cold migrations and clones are NFC by every source and keep their certainty.
 */
export function hotMigrationCeiling(migration: Pair['migration']): Certainty {
  return migration === 'cold' ? 'definite' : 'probable';
}

const SOURCES_DISAGREE =
  'The VM is powered on, and the sources disagree on where its cold data goes: Denneman (2013), the vSphere 7.0 documentation ("cold data in hot migration") and VMware\'s Unified Data Transport page say NFC, while Broadcom KB 340170 says that for a powered-up VM all of the migration traffic crosses the vMotion vmknic on TCP 8000. This path is therefore probable, never definite. `esxcli network ip connection list | grep :902` during the migration shows whether NFC is used.';

interface Endpoint {
  readonly nic?: VmknicView;
  readonly certainty: Certainty;
  readonly steps: readonly Step[];
  readonly isProvisioning: boolean;
}

/** §1.7 F1: P(host), else the management vmknic M(host). */
function nfcEndpoint(view: HostView): Endpoint {
  const P = view.provisioning;
  const steps: Step[] = [...P.steps];
  if (P.nics.length > 0) {
    const nic = P.nics[0]!;
    steps.push(step(`Provisioning vmknic P(${view.host.name}) = ${nic.nic.name}.`, { rule: '§1.7 F1' }));
    return { nic, certainty: P.certainty, steps, isProvisioning: true };
  }
  const m = view.management;
  steps.push(
    step(
      `${view.host.name} has no provisioning vmknic${P.complete ? '' : ' that the evidence shows'}: NFC uses the management vmknic ${m ? m.nic.nic.name : '(not identified)'}.`,
      { rule: '§1.7 F2', evidence: m?.nic.nic.evidence ?? [] },
    ),
  );
  return {
    ...(m ? { nic: m.nic } : {}),
    certainty: weakest(m?.certainty ?? 'uncertain', P.complete ? 'definite' : 'probable'),
    steps: [...steps, ...(m?.steps ?? [])],
    isProvisioning: false,
  };
}

function coldDataTrigger(pair: Pair, hostName: string, nic: VmknicView, side: 'leaves' | 'enters', certainty: Certainty): Trigger {
  const payload = NFC_PAYLOAD[pair.migration];
  return {
    id: 'COLD_DATA_OVER_MANAGEMENT',
    hosts: [hostName],
    vmknics: [nic.nic.name],
    certainty,
    severity: pair.migration === 'non-shared' ? 'low' : 'medium',
    detail: `In a ${pair.migration} migration NFC copies ${payload}. That cold data ${side} ${hostName} by the management vmknic ${nic.nic.name}, at NFC speed, sharing the management uplink with vCenter and HA traffic.${pair.migration === 'cold' ? '' : ' For a powered-on VM the sources disagree (KB 340170 says all its migration traffic uses the vMotion vmknic; Denneman 2013, the vSphere 7.0 documentation and the UDT page say NFC), so this is likely, not certain.'}`,
    evidence: nic.nic.evidence,
  };
}

export function analyseNfcPath(pair: Pair): PathAnswer {
  const payload = NFC_PAYLOAD[pair.migration];
  if (payload === undefined) return { flows: [], triggers: [] };
  const S = pair.source;
  const D = pair.dest ?? pair.source;
  const triggers: Trigger[] = [];

  const src = nfcEndpoint(S);
  const dst = nfcEndpoint(D);
  const ceiling = hotMigrationCeiling(pair.migration);
  const steps: Step[] = [
    step(`NFC (TCP 902) carries ${payload}.`, { rule: '§1.6' }),
    ...(ceiling === 'definite' ? [] : [step(SOURCES_DISAGREE, { rule: '§1.5', confidence: 'inferred' })]),
    ...src.steps,
  ];

  // §1.7 F2: the target address on the destination.
  let target: number | undefined;
  if (pair.dest) {
    target = dst.nic?.address;
    steps.push(...dst.steps);
    if (target !== undefined) steps.push(step(`NFC target on ${D.host.name}: ${numberToIpv4(target)} (${dst.nic!.nic.name}).`, { rule: '§1.7 F2' }));
  } else {
    const like = src.nic;
    if (like?.net) {
      target = someHostIn(like.net);
      steps.push(
        step(`Only ${S.host.name} was pasted: the destination is assumed to be configured like it, its NFC address in ${formatNetwork(like.net)}.`, {
          rule: '§1.7 D0',
          confidence: 'inferred',
        }),
      );
    }
  }

  const rel = releaseOf(S.host);
  if (rel && rel.major >= 8 && src.isProvisioning && dst.isProvisioning) {
    steps.push(
      step('ESXi 8.0+ with provisioning vmknics on both ends: the bulk cold data may travel by UDT (vMotion protocol) while NFC keeps the control channel on this path; which vmknic carries the UDT data is not documented.', {
        rule: '§1.7 F6',
        confidence: 'unsure',
      }),
    );
  }

  const base = { host: S.host.name, role: 'source' as const, traffic: 'nfc' as const, direction: 'egress' as const };
  const intendedSrc = src.nic ? [src.nic.nic.name] : [];
  let egress: Flow;
  if (target === undefined || !src.nic) {
    steps.push(step('The NFC endpoints could not be identified from the evidence: egress unknown.', { confidence: 'unsure' }));
    egress = { ...base, vmknics: [], certainty: 'uncertain', intended: intendedSrc, steps, settle: ['esxcfg-vmknic -l', 'esxcli network ip interface tag get -i vmk0'] };
  } else {
    // §1.7 F3: route in the provisioning stack when P(S) lives there, else in the default stack.
    const stack = src.isProvisioning && src.nic.netstack === PROVISIONING_NETSTACK ? PROVISIONING_NETSTACK : DEFAULT_NETSTACK;
    const r = lookupRoute(S, stack, target);
    steps.push(...r.steps);
    // With one host pasted the peer's NFC address is assumed, so the answer cannot be better than probable.
    const certainty = weakest(r.certainty, src.certainty, dst.certainty, pair.dest ? 'definite' : 'probable', ceiling);
    if (!r.interface) {
      steps.push(step(`No route to ${numberToIpv4(target)}: the NFC copy fails ("Cannot connect to host", at about 23 %).`, { rule: '§1.7 F3' }));
      egress = { ...base, vmknics: [], certainty, intended: intendedSrc, steps, settle: [] };
    } else {
      if (src.isProvisioning && stack === DEFAULT_NETSTACK && r.interface !== src.nic.nic.name) {
        const mgmt = S.management?.nic.nic.name;
        steps.push(step(`P(${S.host.name}) = ${src.nic.nic.name} is on the default stack, but the route to ${numberToIpv4(target)} leaves by ${r.interface}: NFC silently falls back${r.interface === mgmt ? ' to management' : ''}.`, { rule: 'PROVISIONING_ROUTE_FALLBACK' }));
        const crossesSubnets = src.nic.net !== undefined && !contains(src.nic.net, target);
        triggers.push({
          id: 'PROVISIONING_ROUTE_FALLBACK',
          hosts: [S.host.name, ...(pair.dest ? [D.host.name] : [])],
          vmknics: [src.nic.nic.name, r.interface],
          certainty,
          detail: `${S.host.name}'s provisioning vmknic ${src.nic.nic.name} is on the default stack${crossesSubnets ? ` and the destination's NFC address ${numberToIpv4(target)} is in another subnet with no static route through ${src.nic.nic.name}'s subnet` : ' but shares its subnet with an earlier vmknic'}: NFC leaves by ${r.interface} instead.`,
          evidence: [...src.nic.nic.evidence, ...(r.steps.flatMap((s) => s.evidence ?? []))],
        });
      }
      steps.push(step(`NFC egress on ${S.host.name}: ${r.interface}.`, { rule: '§1.7 F3' }));
      egress = { ...base, vmknics: [r.interface], certainty, intended: intendedSrc, steps, settle: [] };
    }
  }

  // §1.7 F4: ingress on D.
  const ingressSteps: Step[] = [...(pair.dest ? dst.steps : [step(`Studied as the receiving host of a peer configured like it.`, { rule: '§1.7 D0', confidence: 'inferred' })])];
  ingressSteps.push(step(`NFC ingress on ${D.host.name}: ${dst.nic?.nic.name ?? 'unknown'} (${dst.isProvisioning ? 'its provisioning vmknic' : 'its management vmknic, as it has no provisioning vmknic'}).`, { rule: '§1.7 F4' }));
  const ingress: Flow = {
    host: D.host.name,
    role: 'destination',
    traffic: 'nfc',
    direction: 'ingress',
    vmknics: dst.nic ? [dst.nic.nic.name] : [],
    certainty: dst.nic ? weakest(dst.certainty, pair.dest ? 'definite' : 'probable', ceiling) : 'uncertain',
    intended: dst.nic ? [dst.nic.nic.name] : [],
    steps: ingressSteps,
    settle: dst.nic ? [] : ['esxcfg-vmknic -l'],
  };

  // §1.7 F5.
  const mS = S.management?.nic;
  const mD = D.management?.nic;
  if (mS && egress.vmknics.includes(mS.nic.name) && egress.certainty !== 'uncertain') {
    triggers.push(coldDataTrigger(pair, S.host.name, mS, 'leaves', egress.certainty));
  }
  if (mD && ingress.vmknics.includes(mD.nic.name) && ingress.certainty !== 'uncertain' && (pair.dest || !triggers.some((t) => t.id === 'COLD_DATA_OVER_MANAGEMENT'))) {
    triggers.push(coldDataTrigger(pair, D.host.name, mD, 'enters', ingress.certainty));
  }
  return { flows: [egress, ingress], triggers };
}

