/**
 * Small builders of host models for the core's unit tests, so each test states only the facts it is about.
 * (Whole-pipeline tests use the real pastes in examples/ instead.)
 */
import type { EvidenceRef } from '../model/evidence.ts';
import type { AdvancedValue, HostModel, Route, Vmknic } from '../model/host.ts';

let line = 0;
function ref(text: string, file = 'test.txt'): EvidenceRef {
  return { file, line: ++line, text };
}

export interface NicSpec {
  name: string;
  ip?: string;
  mask?: string;
  tags?: string[];
  netstack?: string;
  mtu?: number;
  enabled?: boolean;
  portGroup?: string;
  gateway?: string;
  vswitch?: string;
  mac?: string;
}

export function nic(spec: NicSpec): Vmknic {
  return {
    name: spec.name,
    ipv6: [],
    ...(spec.ip ? { ipv4: spec.ip, netmask: spec.mask ?? '255.255.255.0' } : {}),
    ...(spec.tags ? { tags: spec.tags, tagSource: 'tag-get' as const } : {}),
    ...(spec.netstack ? { netstack: spec.netstack } : {}),
    ...(spec.mtu !== undefined ? { mtu: spec.mtu } : {}),
    ...(spec.enabled !== undefined ? { enabled: spec.enabled } : { enabled: true }),
    ...(spec.portGroup ? { portGroup: spec.portGroup } : {}),
    ...(spec.gateway ? { gateway: spec.gateway } : {}),
    ...(spec.vswitch ? { vswitch: spec.vswitch } : {}),
    ...(spec.mac ? { mac: spec.mac } : {}),
    evidence: [ref(`${spec.name} ${spec.ip ?? ''}`)],
  };
}

export function route(netstack: string, network: string, netmask: string, gateway: string, iface: string, order: number): Route {
  return { netstack, network, netmask, gateway, interface: iface, order, evidence: ref(`${network} ${netmask} ${gateway} ${iface}`) };
}

export interface HostSpec {
  name?: string;
  version?: string;
  build?: string;
  update?: string;
  nics: NicSpec[];
  routes?: Route[];
  bind?: number;
  bindDefault?: number;
  autobind?: number;
  advanced?: Record<string, AdvancedValue>;
  defaultGateway?: string;
  netstacks?: string[];
  vswitches?: HostModel['vswitches'];
  physical?: HostModel['nics'];
}

export function host(spec: HostSpec): HostModel {
  const advanced: Record<string, AdvancedValue> = { ...(spec.advanced ?? {}) };
  if (spec.bind !== undefined) {
    advanced['/Migrate/BindToVmknic'] = {
      value: spec.bind,
      ...(spec.bindDefault !== undefined ? { defaultValue: spec.bindDefault } : {}),
      evidence: ref(`Value of BindToVmknic is ${spec.bind}`),
    };
  }
  if (spec.autobind !== undefined) {
    advanced['/Migrate/AutoBindVmknic'] = { value: spec.autobind, evidence: ref(`Value of AutoBindVmknic is ${spec.autobind}`) };
  }
  return {
    name: spec.name ?? 'esx01',
    nameAssumed: false,
    ...(spec.version
      ? {
          version: {
            product: 'VMware ESXi',
            version: spec.version,
            ...(spec.update ? { update: spec.update } : {}),
            ...(spec.build ? { build: spec.build } : {}),
            evidence: [ref(`VMware ESXi ${spec.version} build-${spec.build ?? ''}`)],
          },
        }
      : {}),
    ...(spec.defaultGateway ? { defaultGateway: spec.defaultGateway } : {}),
    vmknics: spec.nics.map(nic),
    routes: spec.routes ?? [],
    ...(spec.netstacks ? { netstacks: spec.netstacks } : {}),
    vswitches: spec.vswitches ?? [],
    nics: spec.physical ?? [],
    advanced,
    commandsSeen: [],
  };
}
