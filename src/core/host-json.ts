/**
 * The `hosts[]` part of the JSON contract: the host model as the evidence showed it, with BindToVmknic's value and
 * where it came from. Fields the evidence did not show are absent.
 */
import type { Binding } from './analysis/binding.ts';
import type { AddressType, HostModel, SettingSource } from './model/host.ts';

export interface VmknicJson {
  readonly name: string;
  readonly portGroup?: string;
  readonly dvPort?: string;
  readonly ipv4?: string;
  readonly netmask?: string;
  readonly ipv6: readonly string[];
  readonly mac?: string;
  readonly mtu?: number;
  readonly netstack?: string;
  readonly tags?: readonly string[];
  readonly enabled?: boolean;
  readonly addressType?: AddressType;
  readonly gateway?: string;
}

export interface HostJson {
  readonly name: string;
  readonly version?: { readonly product: string; readonly version: string; readonly update?: string; readonly build?: string };
  /**
   * `behavesLike`: ESXi 5.0/5.1 with no value shown — the value is unknown (source `unknown`), but the untouched
   * setting is reported to behave like this value (Denneman 2013 on 5.1), and the analysis uses that, probable.
   */
  readonly bindToVmknic: { readonly value?: number; readonly source: SettingSource; readonly behavesLike?: number };
  readonly defaultGateway?: string;
  readonly vmknics: readonly VmknicJson[];
  readonly routes: readonly {
    readonly netstack: string;
    readonly network: string;
    readonly netmask: string;
    readonly gateway: string;
    readonly interface: string;
  }[];
}

/** Copies only the defined optional fields, so JSON has no `null`s and no keys for what was not shown. */
function defined<T extends object>(obj: T): T {
  // A loop, not Object.fromEntries(Object.entries(…)): the estate scan builds this for thousands of hosts.
  const out: Record<string, unknown> = {};
  for (const k in obj) {
    const v = obj[k];
    if (v !== undefined) out[k] = v;
  }
  return out as T;
}

export function hostToJson(host: HostModel, binding: Binding): HostJson {
  return defined({
    name: host.name,
    version: host.version
      ? defined({ product: host.version.product, version: host.version.version, update: host.version.update, build: host.version.build })
      : undefined,
    bindToVmknic:
      binding.basis === 'reported-5x'
        ? { source: 'unknown' as const, ...(binding.value !== undefined ? { behavesLike: binding.value } : {}) }
        : defined({ value: binding.value, source: binding.source }),
    defaultGateway: host.defaultGateway,
    vmknics: host.vmknics.map((n) =>
      defined({
        name: n.name,
        portGroup: n.portGroup,
        dvPort: n.dvPort,
        ipv4: n.ipv4,
        netmask: n.netmask,
        // The model's own lists (read-only both sides), not copies: a scan holds 20,000+ of them until its JSON is written.
        ipv6: n.ipv6,
        mac: n.mac,
        mtu: n.mtu,
        netstack: n.netstack,
        tags: n.tags,
        enabled: n.enabled,
        addressType: n.addressType,
        gateway: n.gateway,
      }),
    ),
    routes: host.routes.map((r) => ({ netstack: r.netstack, network: r.network, netmask: r.netmask, gateway: r.gateway, interface: r.interface })),
  });
}
