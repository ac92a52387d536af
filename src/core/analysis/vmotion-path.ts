/**
 * Question: which vmknic does the vMotion stream (hot data, TCP 8000) leave the source by, which does it enter the
 * destination by, and which vmknic do the destination's replies leave by? (domain.md §1.7 C, D, E)
 */
import type { Certainty, EvidenceRef } from '../model/evidence.ts';
import { weakest } from '../model/evidence.ts';
import { DEFAULT_NETSTACK, VMOTION_NETSTACK } from '../model/host.ts';
import { contains, formatNetwork, networkOf, numberToIpv4, overlaps, someHostIn } from '../net/ipv4.ts';
import type { Binding } from './binding.ts';
import { effectiveBinding, isBound, receiveAutobind } from './binding.ts';
import type { Flow, Pair, PathAnswer, Trigger } from './flow.ts';
import { names, sameSet, uniq } from './flow.ts';
import type { HostView, VmknicView } from './host-view.ts';
import { lookupRoute } from './route-lookup.ts';
import type { Step } from './trace.ts';
import { step } from './trace.ts';

/** §1.7 D7: what decides an unknown binding — the value, and the version when it is not known either. */
function settleBind(view: HostView): string[] {
  return ['esxcfg-advcfg -g /Migrate/BindToVmknic', ...(view.host.version ? [] : ['vmware -vl'])];
}
const SETTLE_MEASURE = [
  'esxcli network ip connection list | grep :8000   (during a test vMotion: the local address shows the vmknic IP in use)',
  'esxtop, then n (network view): watch which vmk row carries the traffic during a test vMotion',
];

function tagSettle(view: HostView): string[] {
  const unknown = view.enabled.filter((v) => v.services.VMotion.state === 'unknown' || v.services.VMotion.guessedFromName);
  return unknown.map((v) => `esxcli network ip interface tag get -i ${v.nic.name}`);
}

interface Target {
  readonly address: number;
  /** The destination vmknic behind the address, or undefined for an assumed peer. */
  readonly owner?: VmknicView;
  readonly assumed: boolean;
}

/** §1.7 D1 (and D0 when only one host is known). */
function destinationTargets(pair: Pair, sourceV: readonly VmknicView[]): { targets: Target[]; steps: Step[] } {
  if (pair.dest) {
    const targets = pair.dest.vmotion.nics
      .filter((v) => v.address !== undefined)
      .map((v) => ({ address: v.address!, owner: v, assumed: false }));
    return {
      targets,
      steps: [
        step(
          `${pair.dest.host.name} advertises its vMotion vmknic address(es) ${targets.map((t) => `${numberToIpv4(t.address)} (${t.owner!.nic.name})`).join(', ') || '(none with an IPv4 address)'}; the source connects to those.`,
          { rule: '§1.7 D1', evidence: pair.dest.vmotion.nics.flatMap((v) => v.nic.evidence) },
        ),
      ],
    };
  }
  const first = sourceV.find((v) => v.net !== undefined);
  if (!first) return { targets: [], steps: [] };
  return {
    targets: [{ address: someHostIn(first.net!), assumed: true }],
    steps: [
      step(
        `Only ${pair.source.host.name} was pasted: the peer's vMotion address is assumed to lie in ${first.nic.name}'s subnet ${formatNetwork(first.net!)} (the usual layer-2 design). Paste the destination host too for the full picture.`,
        { rule: '§1.7 D0', confidence: 'inferred' },
      ),
    ],
  };
}

/** A route in `nic`'s netstack that sends `dst` through `nic` via a gateway (static or default through its subnet). */
function routedVia(view: HostView, nic: VmknicView, dst: number): boolean {
  return view.host.routes.some((r) => {
    if (r.netstack !== nic.netstack || r.interface !== nic.nic.name || r.gateway === '0.0.0.0') return false;
    const net = networkOf(r.network, r.netmask);
    return net !== undefined && contains(net, dst);
  });
}

interface EgressAnswer {
  readonly vmknics: string[];
  readonly certainty: Certainty;
  readonly steps: Step[];
  readonly unreachable: boolean;
}

/** §1.7 D5: the socket is bound, so the stream leaves by the vMotion vmknic(s) themselves. */
function boundEgress(pair: Pair, V: readonly VmknicView[], targets: readonly Target[], triggers: Trigger[]): EgressAnswer {
  const view = pair.source;
  const steps: Step[] = [step(`Bound: the stream leaves by the vMotion vmknic(s) ${names(V).join(', ')}${V.length > 1 ? ' (multi-NIC: each opens streams)' : ''}.`, { rule: '§1.7 D5' })];
  for (const nic of V) {
    for (const t of targets) {
      if (t.assumed || !nic.net || contains(nic.net, t.address)) continue;
      if (nic.nic.gateway || routedVia(view, nic, t.address)) {
        steps.push(step(`${numberToIpv4(t.address)} is off-link for ${nic.nic.name}; it is reached through ${nic.nic.gateway ? `its gateway override ${nic.nic.gateway}` : 'a static route through its subnet'}.`, { rule: '§1.7 D5' }));
        continue;
      }
      triggers.push(l3Trigger(pair, nic, t));
      steps.push(step(`${numberToIpv4(t.address)} is off-link for ${nic.nic.name}, which has no gateway override and no static route through its subnet: the stream cannot be routed correctly.`, { rule: 'VMOTION_L3_NO_GATEWAY' }));
    }
  }
  return { vmknics: names(V), certainty: 'definite', steps, unreachable: false };
}

function l3Trigger(pair: Pair, nic: VmknicView, t: Target): Trigger {
  const destNic = t.owner ? ` (${t.owner.nic.name} on ${pair.dest?.host.name})` : '';
  return {
    id: 'VMOTION_L3_NO_GATEWAY',
    hosts: [pair.source.host.name, ...(pair.dest ? [pair.dest.host.name] : [])],
    vmknics: [nic.nic.name, ...(t.owner ? [t.owner.nic.name] : [])],
    certainty: weakest(nic.netstackCertainty),
    detail: `${pair.source.host.name} ${nic.nic.name} (${nic.nic.ipv4}/${nic.net?.prefix}) and the destination vMotion address ${numberToIpv4(t.address)}${destNic} are in different subnets, and ${nic.netstack === VMOTION_NETSTACK ? 'the vmotion stack has no route to it' : `${nic.nic.name} has no gateway override and no static route through its subnet`}.`,
    evidence: [...nic.nic.evidence, ...(t.owner ? t.owner.nic.evidence : [])],
  };
}

/** §1.7 D6: not bound — the default stack's routing table picks the vmknic. */
function routedEgress(view: HostView, netstack: string, targets: readonly Target[]): EgressAnswer {
  const steps: Step[] = [];
  const out: string[] = [];
  let certainty: Certainty = 'definite';
  let unreachable = false;
  for (const t of targets) {
    const r = lookupRoute(view, netstack, t.address);
    steps.push(...r.steps);
    certainty = weakest(certainty, r.certainty);
    if (r.interface) out.push(r.interface);
    else unreachable = true;
  }
  return { vmknics: uniq(out), certainty, steps, unreachable };
}

/**
 * §1.7 D9: pasted vmkping results towards the destination's vMotion addresses corroborate or contradict the
 * answer; they are reported in the trace and never decide the egress (they show one moment, not the rule).
 */
function pingSteps(view: HostView, targets: readonly Target[]): Step[] {
  const out: Step[] = [];
  for (const p of view.host.pings ?? []) {
    const t = targets.find((x) => !x.assumed && numberToIpv4(x.address) === p.target);
    if (!t) continue;
    const how = `vmkping${p.vmknic ? ` -I ${p.vmknic}` : ''}${p.dontFragment ? ' -d' : ''} -s ${p.size} ${p.target}`;
    out.push(
      step(
        p.answered
          ? `Observed: \`${how}\` got replies, so that address is reachable${p.vmknic ? ` from ${p.vmknic}` : ''} at that size.`
          : `Observed: \`${how}\` got no reply${p.messageTooLong ? ' (message too long)' : ''}: the path to that address is broken${p.vmknic ? ` from ${p.vmknic}` : ''}, at least at that size.`,
        { rule: '§1.7 D9', evidence: [p.evidence] },
      ),
    );
  }
  return out;
}

function sourceEgress(pair: Pair, binding: Binding, triggers: Trigger[]): Flow {
  const S = pair.source;
  const V = S.vmotion.nics;
  const steps: Step[] = [...S.steps, ...S.vmotion.steps];
  const intended = names(V);
  const base = { host: S.host.name, role: 'source' as const, traffic: 'vmotion' as const, direction: 'egress' as const, intended };

  if (V.length === 0) {
    if (S.vmotion.complete && S.enabled.length > 0) {
      steps.push(step(`${S.host.name} has no enabled vMotion vmknic: it can neither send nor receive a vMotion. Egress: none.`, { rule: '§1.7 C3' }));
      return { ...base, vmknics: [], certainty: S.vmotion.certainty, steps, settle: [] };
    }
    steps.push(step(`No vMotion vmknic could be identified on ${S.host.name} from what was pasted; egress is unknown (not vmk0 by default).`, { rule: '§1.7 C3', confidence: 'unsure' }));
    return { ...base, vmknics: [], certainty: 'uncertain', steps, settle: tagSettle(S).length > 0 ? tagSettle(S) : ['esxcfg-vmknic -l', 'esxcli network ip interface tag get -i vmk1'] };
  }

  const { targets, steps: targetSteps } = destinationTargets(pair, V);
  steps.push(...targetSteps, ...pingSteps(S, targets));
  if (targets.length === 0) {
    steps.push(step(`The destination has no vMotion vmknic with an IPv4 address: there is nothing to send to. Egress: none.`, { rule: '§1.7 C3' }));
    return { ...base, vmknics: [], certainty: pair.dest?.vmotion.certainty ?? 'uncertain', steps, settle: [] };
  }

  if (S.vmotion.onDedicatedStack) {
    // §1.7 D4: the vmotion stack's table holds only vMotion vmknics, whatever the binding.
    const r = routedEgress(S, VMOTION_NETSTACK, targets);
    steps.push(...r.steps);
    if (r.unreachable) {
      const pasted = S.host.routes.some((x) => x.netstack === VMOTION_NETSTACK);
      if (pasted) {
        for (const t of targets) {
          const nic = V[0]!;
          if (nic.net && !contains(nic.net, t.address)) triggers.push(l3Trigger(pair, nic, t));
        }
        steps.push(step('The vmotion stack has no route to the destination: routed vMotion fails.', { rule: 'VMOTION_L3_NO_GATEWAY' }));
        return { ...base, vmknics: r.vmknics, certainty: 'definite', steps, settle: [] };
      }
      steps.push(step('No route of the vmotion stack covers the destination and its table was not pasted.', { rule: '§1.7 D4', confidence: 'unsure' }));
      return { ...base, vmknics: r.vmknics, certainty: 'uncertain', candidates: intended, steps, settle: ['esxcli network ip route ipv4 list -N vmotion'] };
    }
    steps.push(step(`Egress: ${r.vmknics.join(', ')} (vmotion netstack).`, { rule: '§1.7 D4' }));
    return { ...base, vmknics: r.vmknics, certainty: weakest(r.certainty, S.vmotion.certainty), steps, settle: [] };
  }

  steps.push(...binding.steps);
  const bound = isBound(S.host, binding, V.length);
  steps.push(...bound.steps);
  const boundAnswer = (t: Trigger[]) => boundEgress(pair, V, targets, t);
  const routedAnswer = () => routedEgress(S, DEFAULT_NETSTACK, targets);
  const certaintyIn = weakest(S.vmotion.certainty, binding.certainty);

  if (bound.bound !== 'unknown') {
    const a = bound.bound === 'yes' ? boundAnswer(triggers) : routedAnswer();
    steps.push(...a.steps);
    const certainty = weakest(a.certainty, certaintyIn);
    const settle = certainty === 'definite' ? [] : binding.source !== 'evidence' ? ['esxcfg-advcfg -g /Migrate/BindToVmknic'] : [];
    // 5.0/5.1: the value alone does not prove the path (its 5.x meaning is reported, not documented): measure it too.
    if (binding.basis === 'reported-5x') settle.push(...SETTLE_MEASURE);
    settle.push(...tagSettle(S).slice(0, 2));
    steps.push(step(`Egress: ${a.vmknics.join(', ') || 'none (no route)'}.`, { rule: bound.bound === 'yes' ? '§1.7 D5' : '§1.7 D6' }));
    mismatchCheck(pair, a.vmknics, certainty, triggers, steps);
    return { ...base, vmknics: a.vmknics, certainty, steps, settle };
  }

  // §1.7 D7: compute both; answer only if they agree.
  const scratch: Trigger[] = [];
  const b = boundAnswer(scratch);
  const r = routedAnswer();
  steps.push(step('If bound:', { rule: '§1.7 D7' }), ...b.steps, step('If not bound:', { rule: '§1.7 D7' }), ...r.steps);
  if (sameSet(b.vmknics, r.vmknics)) {
    triggers.push(...scratch);
    const certainty = weakest(r.certainty, S.vmotion.certainty, 'probable');
    steps.push(step(`Both answers agree: egress ${r.vmknics.join(', ')}, whatever the binding.`, { rule: '§1.7 D7' }));
    return { ...base, vmknics: r.vmknics, certainty, steps, settle: [] };
  }
  const candidates = uniq([...r.vmknics, ...b.vmknics]);
  const pastedButUnsure = binding.source === 'evidence';
  steps.push(
    step(
      `The answers differ (not bound: ${r.vmknics.join(', ') || 'none'}; bound: ${b.vmknics.join(', ')}): egress is uncertain. ${pastedButUnsure ? 'The value is pasted but its meaning on this build is unverified: measure during a test vMotion.' : 'Paste the BindToVmknic value and the version to decide.'}`,
      { rule: '§1.7 D7', confidence: 'unsure' },
    ),
  );
  const settle = pastedButUnsure ? SETTLE_MEASURE : settleBind(S);
  triggers.push({
    id: 'EGRESS_UNCERTAIN',
    hosts: [S.host.name],
    vmknics: candidates,
    certainty: 'uncertain',
    detail: `vMotion leaves ${S.host.name} by ${r.vmknics.join(', ') || 'no vmknic'} if the socket is not bound, or by ${b.vmknics.join(', ')} if it is; ${pastedButUnsure ? `BindToVmknic = ${binding.value} is pasted but its meaning on this build is unverified. Measure during a test vMotion: ${SETTLE_MEASURE.map((s) => s.split('   ')[0]).join('; ')}.` : `run ${settleBind(S).map((s) => `\`${s}\``).join(' and ')} to decide.`}`,
    evidence: binding.evidence ? [binding.evidence] : [],
  });
  return { ...base, vmknics: [], candidates, certainty: 'uncertain', steps, settle };
}

function mismatchCheck(pair: Pair, egress: readonly string[], certainty: Certainty, triggers: Trigger[], steps: Step[]): void {
  const S = pair.source;
  const V = new Set(names(S.vmotion.nics));
  const wrong = egress.filter((e) => !V.has(e));
  if (wrong.length === 0) return;
  const isMgmt = wrong.includes(S.management?.nic.nic.name ?? '');
  steps.push(step(`${wrong.join(', ')} ${wrong.length > 1 ? 'are' : 'is'} not a vMotion vmknic: vMotion leaves by the wrong interface${isMgmt ? ' (the management vmknic)' : ''}.`, { rule: 'VMOTION_EGRESS_MISMATCH' }));
  const evidence: EvidenceRef[] = [];
  for (const name of wrong) {
    const v = S.enabled.find((x) => x.nic.name === name);
    if (v) evidence.push(...v.nic.evidence);
  }
  evidence.push(...S.host.routes.filter((r) => wrong.includes(r.interface) && r.netstack === DEFAULT_NETSTACK).map((r) => r.evidence));
  triggers.push({
    id: 'VMOTION_EGRESS_MISMATCH',
    hosts: [S.host.name],
    vmknics: [...wrong, ...V],
    certainty,
    detail: `vMotion traffic from ${S.host.name} leaves by ${wrong.join(', ')}${isMgmt ? ' (management)' : ''} instead of the vMotion vmknic ${[...V].join(', ')}: the socket is not bound and the routing table picks ${wrong.join(', ')} for the destination.`,
    evidence,
  });
}

/** §1.7 E1: the destination receives on the vMotion vmknic(s) the source targets. */
function destinationIngress(pair: Pair): { flow: Flow; D: HostView } {
  const D = pair.dest ?? pair.source;
  const V = D.vmotion.nics;
  const steps: Step[] = [...(pair.dest ? D.steps : []), ...D.vmotion.steps];
  if (!pair.dest) {
    steps.unshift(step(`Only ${D.host.name} was pasted: it is also studied as the receiving host of a migration from a peer configured like it.`, { rule: '§1.7 D0', confidence: 'inferred' }));
  }
  const base = { host: D.host.name, role: 'destination' as const, traffic: 'vmotion' as const, direction: 'ingress' as const, intended: names(V) };
  if (V.length === 0) {
    const sure = D.vmotion.complete && D.enabled.length > 0;
    steps.push(step(sure ? `${D.host.name} has no enabled vMotion vmknic: ingress none.` : `No vMotion vmknic could be identified on ${D.host.name}; ingress unknown.`, { rule: '§1.7 C3' }));
    return { D, flow: { ...base, vmknics: [], certainty: sure ? D.vmotion.certainty : 'uncertain', steps, settle: sure ? [] : tagSettle(D) } };
  }
  steps.push(step(`Ingress: ${names(V).join(', ')} — the destination receives on the vMotion vmknic(s) it advertises, even when the source misroutes.`, { rule: '§1.7 E1', evidence: V.flatMap((v) => v.nic.evidence) }));
  return { D, flow: { ...base, vmknics: names(V), certainty: D.vmotion.certainty, steps, settle: [] } };
}

/** §1.7 E2–E3: which vmknic the destination's replies (ACKs) leave by, and whether that starves the switch's MAC table. */
function destinationReplies(pair: Pair, D: HostView, sourceEgress: Flow, triggers: Trigger[]): Flow | undefined {
  const V = D.vmotion.nics;
  if (V.length === 0) return undefined;
  const steps: Step[] = [];
  const auto = receiveAutobind(D.host);
  steps.push(...auto.steps);
  const S = pair.source;
  // Source addresses: the egress vmknic(s) the source really uses (or, with one host, a peer in the same subnet).
  const sourceNics = (sourceEgress.vmknics.length > 0 ? sourceEgress.vmknics : (sourceEgress.candidates ?? []))
    .map((n) => S.enabled.find((v) => v.nic.name === n))
    .filter((v): v is VmknicView => v !== undefined && v.address !== undefined);
  const replyFor = (ingress: VmknicView): { routed: string[]; certainty: Certainty } => {
    const sources = pair.dest ? sourceNics.map((v) => v.address!) : ingress.net ? [someHostIn(ingress.net)] : [];
    const out: string[] = [];
    let certainty: Certainty = 'definite';
    for (const src of sources) {
      const r = lookupRoute(D, ingress.netstack, src);
      steps.push(...r.steps);
      certainty = weakest(certainty, r.certainty);
      if (r.interface) out.push(r.interface);
    }
    return { routed: uniq(out), certainty };
  };
  const reply: string[] = [];
  // The autobind setting only matters where the two possible reply vmknics differ; where they agree, its
  // uncertainty does not weaken the answer.
  let certainty: Certainty = D.vmotion.certainty;
  let disagree = false;
  const candidates: string[] = [];
  for (const ingress of V) {
    if (auto.autobind === 'yes') {
      reply.push(ingress.nic.name);
      certainty = weakest(certainty, auto.certainty);
      continue;
    }
    const { routed, certainty: rc } = replyFor(ingress);
    certainty = weakest(certainty, rc);
    if (auto.autobind === 'no') {
      reply.push(...routed);
      certainty = weakest(certainty, auto.certainty);
      floodingCheck(pair, D, ingress, routed, weakest(rc, auto.certainty, 'probable'), triggers, steps);
    } else {
      candidates.push(ingress.nic.name, ...routed);
      if (routed.some((r) => r !== ingress.nic.name)) disagree = true;
      floodingCheck(pair, D, ingress, routed, 'uncertain', triggers, steps);
    }
  }
  const base = { host: D.host.name, role: 'destination' as const, traffic: 'vmotion' as const, direction: 'egress' as const, intended: names(V) };
  if (disagree) {
    const all = uniq(candidates);
    steps.push(step(`Replies leave by ${all.join(' or ')}: which one is not documented by VMware for this build.`, { rule: '§5.2', confidence: 'unsure' }));
    return { ...base, vmknics: [], candidates: all, certainty: 'uncertain', steps, settle: ['esxtop, then n (network view) on the destination during a test vMotion: does the vMotion vmknic transmit?'] };
  }
  const vmknics = uniq(auto.autobind === 'unknown' ? candidates : reply);
  if (auto.autobind === 'unknown') {
    steps.push(step('Whether or not replies are bound to the receiving vmknic, the routing table gives the same vmknic here.', { rule: '§1.7 E2' }));
  }
  steps.push(step(`Replies (TCP ACKs) leave ${D.host.name} by ${vmknics.join(', ') || 'no route'}.`, { rule: '§1.7 E2' }));
  return { ...base, vmknics, certainty, steps, settle: [] };
}

function floodingCheck(pair: Pair, D: HostView, ingress: VmknicView, replies: readonly string[], certainty: Certainty, triggers: Trigger[], steps: Step[]): void {
  for (const name of replies) {
    if (name === ingress.nic.name) continue;
    const other = D.enabled.find((v) => v.nic.name === name);
    if (!other?.net || !ingress.net || !overlaps(other.net, ingress.net)) continue;
    steps.push(
      step(`${D.host.name} receives on ${ingress.nic.name} but answers from ${name} in the same subnet: ${ingress.nic.name}'s MAC never appears as a source on the wire, so the switch likely floods the stream.`, {
        rule: 'UNICAST_FLOODING_RISK',
        confidence: 'inferred',
      }),
    );
    // The mechanism is inferred (§5.3): never better than probable.
    const c: Certainty = weakest(certainty, 'probable');
    triggers.push({
      id: 'UNICAST_FLOODING_RISK',
      hosts: [D.host.name],
      vmknics: [ingress.nic.name, name],
      certainty: c,
      severity: c === 'probable' ? 'high' : 'medium',
      detail: `${D.host.name} receives vMotion on ${ingress.nic.name} (${ingress.nic.mac ?? 'MAC not shown'}) but ${c === 'uncertain' ? 'may answer' : 'answers'} from ${name} in the same subnet ${formatNetwork(ingress.net)}. A vmknic that only receives never refreshes its MAC in the physical switch's table, so the switch likely floods the vMotion stream to every port of the VLAN.${pair.dest ? '' : ' (Studied with a peer configured like this host.)'}`,
      evidence: [...ingress.nic.evidence, ...other.nic.evidence],
    });
  }
}

export function analyseVmotionPath(pair: Pair): PathAnswer {
  if (pair.migration === 'cold') {
    return { flows: [], triggers: [] };
  }
  const triggers: Trigger[] = [];
  const binding = effectiveBinding(pair.source.host);
  const egress = sourceEgress(pair, binding, triggers);
  const { flow: ingress, D } = destinationIngress(pair);
  const replies = destinationReplies(pair, D, egress, triggers);
  return { flows: [egress, ingress, ...(replies ? [replies] : [])], triggers };
}

