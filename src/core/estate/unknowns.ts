/**
 * What the imported exports could not tell about a host, and which export or command fills each gap
 * (imports.md §4: "no service tags: vMotion vmknic unknown … — import Get-VMHostNetworkAdapter or run the
 * collector"). Read from the merged model and its host view, so every import path words its gaps the same way.
 */
import { AUTOBIND_PATH, BIND_PATH, releaseOf } from '../analysis/binding.ts';
import type { HostView } from '../analysis/host-view.ts';
import { autoBindVmknicDefault, bindToVmknicDefault } from '../versions.ts';
import type { UnknownFact } from './types.ts';

const COLLECTOR = 'the collector (collectors/Get-VpdEstate.ps1)';

export const FILL = {
  vmknics: `RVTools vSC_VMK tab, a PowerCLI Get-VMHostNetworkAdapter -VMKernel export, or ${COLLECTOR}`,
  tags: `a PowerCLI Get-VMHostNetworkAdapter -VMKernel export (ManagementTrafficEnabled, VMotionEnabled, ProvisioningEnabled), esxcli network ip interface tag get -i vmkN, or ${COLLECTOR}`,
  netstack: `${COLLECTOR}, or esxcli network ip interface list on the host (RVTools and PowerCLI exports do not carry the TCP/IP stack)`,
  routes: `${COLLECTOR}, or esxcfg-route -l and esxcli network ip route ipv4 list -N vmotion on the host`,
  bindToVmknic: `a PowerCLI export of Get-VMHost | Get-AdvancedSetting -Name Migrate.BindToVmknic | Select-Object Entity,Name,Value, or ${COLLECTOR}`,
  autoBindVmknic: `a PowerCLI export of Get-AdvancedSetting -Name Migrate.AutoBindVmknic (Entity, Name, Value), or ${COLLECTOR}`,
  version: `RVTools vHost tab (ESX Version), or ${COLLECTOR}`,
  switchMtu: `RVTools vSwitch and vPort tabs (dvSwitch and dvPort for distributed switches), or ${COLLECTOR}`,
  mtu: `RVTools vSC_VMK tab (MTU), a PowerCLI Get-VMHostNetworkAdapter -VMKernel export (Mtu), or ${COLLECTOR}`,
  cluster: `RVTools vHost or vSC_VMK tab (Cluster), or ${COLLECTOR}; without it the host is not paired with others`,
} as const;

function list(names: readonly string[]): string {
  return names.length > 4 ? `${names.slice(0, 4).join(', ')} and ${names.length - 4} more` : names.join(', ');
}

/** The gaps of one host (the cluster is added by the caller: it is not part of the host model). */
export function unknownFacts(view: HostView): UnknownFact[] {
  const host = view.host;
  const out: UnknownFact[] = [];
  if (host.vmknics.length === 0) {
    out.push({ key: 'vmknics', fact: 'VMkernel adapters: none listed for this host, so nothing about its paths is known', fill: FILL.vmknics });
    return out;
  }
  const all = [...view.enabled, ...view.disabled];
  const untagged = all.filter((v) => v.nic.tags === undefined && (v.netstack === 'defaultTcpipStack' || v.netstackAssumed));
  if (untagged.length > 0) {
    const guessed = all.filter((v) => v.services.VMotion.guessedFromName || v.services.Management.guessedFromName || v.services.vSphereProvisioning.guessedFromName);
    const guess =
      guessed.length > 0
        ? `; ${guessed
            .map((v) => {
              const s = (['VMotion', 'Management', 'vSphereProvisioning'] as const).filter((k) => v.services[k].guessedFromName);
              return `${s.join('/')} on ${v.nic.name} is guessed from its port-group name "${v.nic.portGroup ?? ''}"`;
            })
            .join('; ')} (uncertain)`
        : '';
    out.push({
      key: 'tags',
      fact: `service tags of ${list(untagged.map((v) => v.nic.name))}: which vmknic carries vMotion, management and provisioning is not known${guess}`,
      fill: FILL.tags,
    });
  }
  const noStack = all.filter((v) => v.nic.netstack === undefined);
  if (noStack.length > 0) {
    out.push({
      key: 'netstack',
      fact: `TCP/IP stack of ${list(noStack.map((v) => v.nic.name))}: taken as defaultTcpipStack (probable)`,
      fill: FILL.netstack,
    });
  }
  if (host.routes.length === 0) {
    out.push({ key: 'routes', fact: 'routing tables: synthesised from the vmknics and the default gateway, so route choices are probable', fill: FILL.routes });
  }
  const release = releaseOf(host);
  // A support bundle's `-d` list proves a setting it does not name is at the build default: known, not a gap.
  if (!host.advanced[BIND_PATH] && !host.advancedAtDefault?.[BIND_PATH]) {
    const d = bindToVmknicDefault(release);
    out.push({
      key: 'bindToVmknic',
      fact: `Migrate.BindToVmknic: ${d.value !== undefined ? `not exported, the build default ${d.value} is assumed (probable)` : 'not exported and no documented default for this build: the vMotion egress may be uncertain'}`,
      fill: FILL.bindToVmknic,
    });
  }
  if (!host.advanced[AUTOBIND_PATH] && !host.advancedAtDefault?.[AUTOBIND_PATH]) {
    const a = autoBindVmknicDefault(release);
    if (a.status === 'present' || a.status === 'unknown') {
      out.push({
        key: 'autoBindVmknic',
        fact: `Migrate.AutoBindVmknic (receive side): ${a.status === 'present' ? 'not exported, default 1 assumed (probable)' : 'whether this build has it is not known'}`,
        fill: FILL.autoBindVmknic,
      });
    }
  }
  if (!host.version) {
    out.push({ key: 'version', fact: 'ESXi version and build: binding defaults and receive-side behaviour depend on them', fill: FILL.version });
  }
  const noMtu = view.enabled.filter((v) => v.nic.mtu === undefined);
  if (noMtu.length > 0) out.push({ key: 'mtu', fact: `MTU of ${list(noMtu.map((v) => v.nic.name))}`, fill: FILL.mtu });
  const noSwitch = view.enabled.filter(
    (v) =>
      v.nic.mtu !== undefined &&
      !host.vswitches.some(
        (s) =>
          s.mtu !== undefined &&
          (s.name === v.nic.vswitch ||
            (v.nic.portGroup !== undefined && s.portGroups.some((pg) => pg.name === v.nic.portGroup)) ||
            s.dvPorts.some((p) => p.client === v.nic.name)),
      ),
  );
  if (noSwitch.length > 0) {
    out.push({
      key: 'switchMtu',
      fact: `MTU of the switch behind ${list(noSwitch.map((v) => v.nic.name))}: a vmknic MTU larger than its switch's cannot be seen`,
      fill: FILL.switchMtu,
    });
  }
  return out;
}

export const CLUSTER_UNKNOWN: UnknownFact = { key: 'cluster', fact: 'cluster: not known, so this host is not compared with others', fill: FILL.cluster };
