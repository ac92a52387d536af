/**
 * `route(host, netstack, dstIp)` of domain.md §1.7 B: which vmknic a socket that is NOT bound leaves by.
 * Uses the pasted table of that netstack; without one, synthesises connected routes from the vmknics (ascending
 * vmk index) plus the stack's default gateway, and says the answer is only probable.
 */
import type { Certainty } from '../model/evidence.ts';
import { DEFAULT_NETSTACK } from '../model/host.ts';
import type { Route } from '../model/host.ts';
import { contains, formatNetwork, ipv4ToNumber, maskToPrefix, numberToIpv4 } from '../net/ipv4.ts';
import type { HostView } from './host-view.ts';
import type { Step } from './trace.ts';
import { step } from './trace.ts';

export interface RouteAnswer {
  /** Egress vmknic, or undefined when no route matches (unreachable). */
  readonly interface?: string;
  /** Next hop; `0.0.0.0` for a connected route. */
  readonly gateway?: string;
  readonly connected: boolean;
  readonly isDefault: boolean;
  readonly certainty: Certainty;
  /** True when the route table was synthesised from the vmknics rather than pasted. */
  readonly synthesised: boolean;
  readonly steps: readonly Step[];
}

interface Candidate {
  readonly network: number;
  readonly prefix: number;
  readonly gateway: string;
  readonly interface: string;
  readonly route?: Route;
}

function pastedTable(view: HostView, netstack: string): Candidate[] {
  const out: Candidate[] = [];
  for (const r of [...view.host.routes].filter((x) => x.netstack === netstack).sort((a, b) => a.order - b.order)) {
    const network = ipv4ToNumber(r.network);
    const prefix = maskToPrefix(r.netmask);
    if (network === undefined || prefix === undefined) continue;
    out.push({ network, prefix, gateway: r.gateway, interface: r.interface, route: r });
  }
  return out;
}

function stackGateway(view: HostView, netstack: string): string | undefined {
  if (netstack === DEFAULT_NETSTACK && view.host.defaultGateway) return view.host.defaultGateway;
  // For other stacks, `ipv4 get` prints the stack's gateway in the Gateway column of its vmknics.
  return view.enabled.find((v) => v.netstack === netstack && v.nic.gateway)?.nic.gateway;
}

function synthesisedTable(view: HostView, netstack: string): Candidate[] {
  const nics = view.enabled.filter((v) => v.netstack === netstack && v.net !== undefined);
  const out: Candidate[] = nics.map((v) => ({
    network: v.net!.network,
    prefix: v.net!.prefix,
    gateway: '0.0.0.0',
    interface: v.nic.name,
  }));
  const gw = stackGateway(view, netstack);
  const gwNumber = ipv4ToNumber(gw);
  if (gw && gwNumber !== undefined) {
    const via = nics.find((v) => contains(v.net!, gwNumber)) ?? nics[0];
    if (via) out.push({ network: 0, prefix: 0, gateway: gw, interface: via.nic.name });
  }
  return out;
}

export function lookupRoute(view: HostView, netstack: string, destination: number): RouteAnswer {
  const pasted = pastedTable(view, netstack);
  const synthesised = pasted.length === 0;
  // A pasted table that lacks a vmknic's own connected route was cut or edited: that subnet is on-link all the
  // same, so its route is added after the pasted ones (they keep precedence) and an answer from it is probable.
  const filled = synthesised
    ? []
    : synthesisedTable(view, netstack).filter(
        (c) => c.prefix > 0 && !pasted.some((p) => p.network === c.network && p.prefix === c.prefix),
      );
  const table = synthesised ? synthesisedTable(view, netstack) : [...pasted, ...filled];
  const dst = numberToIpv4(destination);
  const steps: Step[] = [];
  if (synthesised) {
    steps.push(
      step(
        `No route table of ${view.host.name}'s ${netstack} stack was pasted: built one from its vmknics in vmk order${table.some((c) => c.prefix === 0) ? ' and its default gateway' : ''} (probable; \`esxcfg-route -l\` or \`esxcli network ip route ipv4 list${netstack === DEFAULT_NETSTACK ? '' : ` -N ${netstack}`}\` settles it).`,
        { rule: '§1.7 B1' },
      ),
    );
  }
  let best: Candidate | undefined;
  let tie = false;
  for (const c of table) {
    if (!contains({ network: c.network, prefix: c.prefix }, destination)) continue;
    if (!best || c.prefix > best.prefix) {
      best = c;
      tie = false;
    } else if (c.prefix === best.prefix && c.network === best.network && c.interface !== best.interface) {
      // Same network twice (multihoming): the first listed wins (§1.7 B2), but never with certainty.
      tie = true;
    }
  }
  if (!best) {
    steps.push(step(`No route in ${view.host.name}'s ${netstack} table matches ${dst}: unreachable from that stack.`, { rule: '§1.7 B3' }));
    return { connected: false, isDefault: false, certainty: synthesised ? 'probable' : 'definite', synthesised, steps };
  }
  const fromFilled = filled.includes(best);
  if (fromFilled) {
    steps.push(
      step(
        `The pasted ${netstack} table has no connected route for ${best.interface}'s own subnet ${formatNetwork(best)} (was it cut?); the subnet is on-link anyway, so ${best.interface} is used (probable).`,
        { rule: '§1.7 B1', confidence: 'inferred' },
      ),
    );
  }
  const connected = best.gateway === '0.0.0.0';
  const isDefault = best.prefix === 0;
  const routeText = isDefault
    ? `the default route via ${best.gateway}`
    : connected
      ? `the connected route ${formatNetwork(best)}`
      : `the static route ${formatNetwork(best)} via ${best.gateway}`;
  steps.push(
    step(`Longest-prefix match for ${dst} in ${view.host.name}'s ${netstack} table is ${routeText}, interface ${best.interface}.`, {
      rule: '§1.7 B2',
      ...(best.route ? { evidence: [best.route.evidence] } : {}),
    }),
  );
  if (tie) {
    steps.push(
      step(
        `Several vmknics share ${formatNetwork(best)}; ESXi uses the first one listed (${best.interface}): Broadcom KB 323116 says the second adapter's routing-table entry is added but never reached, and KB 429518 that traffic leaves by "the first initialized VMK". KB 318546 says "any one of the interfaces each time", so this is probable, not certain.`,
        { rule: '§1.7 B2', confidence: 'inferred' },
      ),
    );
  }
  return {
    interface: best.interface,
    gateway: best.gateway,
    connected,
    isDefault,
    certainty: synthesised || tie || fromFilled ? 'probable' : 'definite',
    synthesised,
    steps,
  };
}
