/**
 * Random estates for property tests: small clusters of hosts drawn from few subnets (so addresses collide, nest
 * and repeat), with every fact the analysis reads varied — versions, tags or none, netstacks, MTUs, disabled
 * vmknics, pasted or synthesised routes, BindToVmknic/AutoBindVmknic, gateway overrides, switch MTUs.
 */
import fc from 'fast-check';
import type { HostModel, Route } from '../../model/host.ts';
import { host, route } from '../../test-support/hosts.ts';
import type { NicSpec } from '../../test-support/hosts.ts';
import type { EstateHost } from '../types.ts';

const VERSIONS: readonly (readonly [string, string] | undefined)[] = [
  undefined,
  ['5.1.0', '799733'],
  ['6.0.0', '5050593'],
  ['6.7.0', '14320388'],
  ['7.0.2', '17630552'],
  ['7.0.3', '22348816'],
  ['8.0.3', '24859861'],
];

const nicArb = (index: number): fc.Arbitrary<NicSpec> =>
  fc.record({
    net: fc.constantFrom('10.0.1', '10.0.2', '10.1.1', '192.168.0'),
    last: fc.constantFrom(1, 2, 3, 10, 11, 129, 130, 254),
    mask: fc.constantFrom('255.255.255.0', '255.255.255.0', '255.255.0.0', '255.255.255.128'),
    tags: fc.option(fc.subarray(['Management', 'VMotion', 'vSphereProvisioning', 'VSAN']), { nil: undefined }),
    netstack: fc.constantFrom(undefined, undefined, 'defaultTcpipStack', 'vmotion', 'vSphereProvisioning'),
    mtu: fc.constantFrom(undefined, 1500, 9000),
    enabled: fc.constantFrom(true, true, true, false),
    portGroup: fc.constantFrom(undefined, 'Management Network', 'vMotion', 'VM Network'),
    gateway: fc.constantFrom(undefined, undefined, '10.0.2.1'),
    vswitch: fc.constantFrom(undefined, 'vSwitch0', 'vSwitch1'),
  }).map((r) => ({
    name: `vmk${index}`,
    ip: `${r.net}.${r.last}`,
    mask: r.mask,
    ...(r.tags ? { tags: r.tags } : {}),
    ...(r.netstack ? { netstack: r.netstack } : {}),
    ...(r.mtu !== undefined ? { mtu: r.mtu } : {}),
    enabled: r.enabled,
    ...(r.portGroup ? { portGroup: r.portGroup } : {}),
    ...(r.gateway ? { gateway: r.gateway } : {}),
    ...(r.vswitch ? { vswitch: r.vswitch } : {}),
  }));

const routesArb: fc.Arbitrary<Route[] | undefined> = fc.option(
  fc
    .array(
      fc.record({
        netstack: fc.constantFrom('defaultTcpipStack', 'defaultTcpipStack', 'vmotion'),
        net: fc.constantFrom(['10.0.1.0', '255.255.255.0'], ['10.0.2.0', '255.255.255.0'], ['0.0.0.0', '0.0.0.0'], ['10.0.0.0', '255.255.0.0']),
        gateway: fc.constantFrom('0.0.0.0', '0.0.0.0', '10.0.1.254', '10.0.2.1'),
        iface: fc.constantFrom('vmk0', 'vmk1', 'vmk2'),
      }),
      { maxLength: 4 },
    )
    .map((rs) => rs.map((r, i) => route(r.netstack, r.net[0]!, r.net[1]!, r.gateway, r.iface, i))),
  { nil: undefined },
);

export const hostArb = (name: string): fc.Arbitrary<HostModel> =>
  fc
    .record({
      version: fc.constantFrom(...VERSIONS),
      nics: fc.integer({ min: 1, max: 4 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => nicArb(i)))),
      routes: routesArb,
      bind: fc.constantFrom(undefined, undefined, 0, 1, 2, 3),
      autobind: fc.constantFrom(undefined, undefined, 0, 1),
      switchMtu: fc.constantFrom(undefined, 1500, 9000),
      gateway: fc.constantFrom(undefined, '10.0.1.254'),
    })
    .map((r) =>
      host({
        name,
        ...(r.version ? { version: r.version[0], build: r.version[1] } : {}),
        nics: r.nics,
        ...(r.routes ? { routes: r.routes } : {}),
        ...(r.bind !== undefined ? { bind: r.bind } : {}),
        ...(r.autobind !== undefined ? { autobind: r.autobind } : {}),
        ...(r.gateway ? { defaultGateway: r.gateway } : {}),
        ...(r.switchMtu !== undefined
          ? { vswitches: [{ name: 'vSwitch1', kind: 'standard' as const, mtu: r.switchMtu, uplinks: [], portGroups: [{ name: 'vMotion', uplinks: [] }], dvPorts: [], evidence: { file: 't', line: 1, text: '' } }] }
          : {}),
      }),
    );

/** 1–3 clusters of 2–5 hosts, plus sometimes a host without a cluster. Names are unique. */
export const estateArb: fc.Arbitrary<EstateHost[]> = fc
  .tuple(fc.array(fc.integer({ min: 2, max: 5 }), { minLength: 1, maxLength: 3 }), fc.boolean())
  .chain(([sizes, loner]) => {
    const names: { name: string; cluster?: string }[] = [];
    sizes.forEach((n, c) => {
      for (let i = 0; i < n; i++) names.push({ name: `esx${c}${i}.lab.local`, cluster: `CL${c}` });
    });
    if (loner) names.push({ name: 'lonely.lab.local' });
    return fc.tuple(...names.map((n) => hostArb(n.name).map((model): EstateHost => ({ model, ...(n.cluster ? { cluster: n.cluster } : {}), provenance: {} }))));
  });
