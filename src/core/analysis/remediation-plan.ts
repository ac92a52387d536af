/**
 * Turns the findings' fixes into plans for the analysed hosts: what the evidence shows about each host (release,
 * switch kind, vmknics, values) becomes HostFacts; the fix's variants (remediation/plans.ts) build each host's
 * steps and commands; the commands are rendered per shell (remediation/shell.ts) into per-host sections headed
 * `# on HOST`. One entry per fix, in the catalog's order of preference; a fix with alternatives carries them in
 * `alternatives`, each a complete plan.
 */
import { REMEDIATIONS, type RemediationId } from '../remediation/catalog.ts';
import type { SlotValue } from '../remediation/command-text.ts';
import { FEATURES, type Feature, type FeatureKey } from '../remediation/features.ts';
import { variantsOf, r10Commands, type HostFacts, type HostPlan, type PlanStep, type Topology, type Variant } from '../remediation/plans.ts';
import { UnsafeValueError, displayValue, holesOf, renderCommand, unsafeReason, type Command } from '../remediation/shell.ts';
import type { FindingResult, RemediationAlternative, RemediationPlanBody, RemediationResult } from '../result.ts';
import { BIND_PATH, releaseOf } from './binding.ts';
import type { HostView, VmknicView } from './host-view.ts';
import { releaseName } from '../versions.ts';
import { contains, formatNetwork } from '../net/ipv4.ts';
import { pingSizeForMtu } from '../remediation/templates.ts';
import { PROVISIONING_NETSTACK, VMOTION_NETSTACK, type VSwitch } from '../model/host.ts';

/** The vmknic a finding is about on this host: its first vMotion vmknic, else the finding's first vmknic. */
function focusVmknic(view: HostView, finding: FindingResult | undefined): VmknicView | undefined {
  const named = (finding?.vmknics ?? []).map((n) => view.enabled.find((v) => v.nic.name === n)).filter((v): v is VmknicView => v !== undefined);
  return view.vmotion.nics[0] ?? named.find((v) => v.nic.name !== view.management?.nic.nic.name) ?? named[0];
}

/** Every vmknic name the host shows anywhere (vmknic tables, DVS port clients): a new vmknic must not reuse one. */
export function usedVmknicNames(view: HostView): Set<string> {
  const used = new Set(view.host.vmknics.map((n) => n.name));
  for (const s of view.host.vswitches) for (const p of s.dvPorts) if (/^vmk\d+$/.test(p.client)) used.add(p.client);
  return used;
}

/** The first vmkN the host does not use. */
export function firstFreeVmk(used: ReadonlySet<string>): string {
  for (let i = 0; ; i++) if (!used.has(`vmk${i}`)) return `vmk${i}`;
}

function switchOf(view: HostView, v: VmknicView | undefined): VSwitch | undefined {
  if (!v) return undefined;
  return (
    view.host.vswitches.find((s) => s.name === v.nic.vswitch) ??
    view.host.vswitches.find((s) => s.kind === 'distributed' && s.dvPorts.some((p) => p.client === v.nic.name)) ??
    view.host.vswitches.find((s) => s.kind === 'standard' && s.portGroups.some((pg) => pg.name === v.nic.portGroup))
  );
}

function topologyOf(view: HostView, v: VmknicView | undefined): Topology {
  if (!v) return 'unknown';
  const sw = switchOf(view, v);
  if (sw) return sw.kind;
  if (v.nic.dvPort !== undefined) return 'distributed';
  return 'unknown';
}

/** The host's facts for the plans; `peer` is the other host of the migration when one was pasted. */
export function hostFacts(view: HostView, peer: HostView | undefined, finding: FindingResult | undefined, id: RemediationId): HostFacts {
  const slots: Record<string, SlotValue> = {};
  const set = (name: string, value: string | number | undefined, field: string) => {
    if (value !== undefined && value !== '') slots[name] = { value: String(value), field };
  };
  const host = view.host;
  if (!host.nameAssumed) set('host', host.name, 'host name');
  // A provisioning route fix is about the provisioning vmknics, every other fix about the vMotion vmknic.
  const provisioningRoute = id === 'R8' && finding?.id === 'PROVISIONING_ROUTE_FALLBACK';
  const v = (provisioningRoute ? view.provisioning.nics[0] : undefined) ?? focusVmknic(view, finding);
  const vmkName = v?.nic.name;
  const on = (what: string) => `${what} on ${host.name}`;
  set('vmk', vmkName, on('vMotion vmknic name'));
  const m = view.management?.nic;
  const old = view.shadowedVmotion[0]?.nic.name ?? (m && m.services.VMotion.state === 'yes' && m.nic.name !== vmkName ? m.nic.name : undefined);
  set('oldVmk', old, on('vmknic name'));
  const used = usedVmknicNames(view);
  set('newVmk', firstFreeVmk(used), on('first free vmknic name'));

  const sw = switchOf(view, v);
  const topology = topologyOf(view, v);
  if (topology === 'distributed') {
    set('dvs', sw?.name ?? v?.nic.vswitch, on('distributed switch name'));
    // esxcfg-vmknic shows a DVPort id where a standard vmknic shows its port group; a name there (exports) is the
    // distributed port group's.
    if (v?.nic.portGroup && !/^\d+$/.test(v.nic.portGroup) && v.nic.portGroup !== v.nic.dvPort) set('dvPortGroup', v.nic.portGroup, on('distributed port-group name'));
  } else {
    set('portGroup', v?.nic.portGroup, on(`port-group name of ${vmkName ?? 'the vMotion vmknic'}`));
    set('vswitch', sw?.name ?? v?.nic.vswitch, on('standard switch name'));
  }
  const pg = sw?.portGroups.find((g) => g.name === v?.nic.portGroup);
  set('previousVlan', pg?.vlan, on('VLAN id'));
  set('sameVlan', pg?.vlan, on('VLAN id'));
  set('previousIp', v?.nic.ipv4, on('IPv4 address'));
  set('previousNetmask', v?.nic.netmask, on('netmask'));
  const uplinks = pg && pg.uplinks.length > 0 ? pg.uplinks : (sw?.uplinks ?? []);
  if (topology !== 'distributed') {
    set('vmnicA', uplinks[0], on('uplink name'));
    set('vmnicB', uplinks[1], on('uplink name'));
  }

  const peerV = provisioningRoute ? peer?.provisioning.nics[0] : peer?.vmotion.nics[0];
  const peerWhat = provisioningRoute ? 'provisioning' : 'vMotion';
  set('peerIp', peerV?.nic.ipv4, `${peerWhat} address of the peer host`);
  if (peerV?.net) set('peerNetwork', formatNetwork(peerV.net), `${peerWhat} network of the peer host`);

  const creates = id === 'R2' || id === 'R5' || id === 'R6';
  if (id === 'R5') set('netmask', v?.nic.netmask, on('netmask'));
  if (id === 'R7') {
    const mtus = [...view.vmotion.nics, ...(peer?.vmotion.nics ?? [])].map((n) => n.nic.mtu).filter((x): x is number => x !== undefined);
    if (mtus.length > 0) {
      const target = Math.max(...mtus);
      set('mtu', target, 'target MTU');
      set('pingSize', pingSizeForMtu(target), 'ping payload');
    }
  } else if (creates) {
    set('pingSize', pingSizeForMtu(1500), 'ping payload'); // a new vmknic starts at 1500
  } else if (v?.nic.mtu !== undefined) {
    set('pingSize', pingSizeForMtu(v.nic.mtu), 'ping payload');
  }
  set('previousMtu', v?.nic.mtu, on('MTU'));
  set('previousSwitchMtu', sw?.mtu, on('switch MTU'));

  const pasted = host.advanced[BIND_PATH];
  const bindPasted = typeof pasted?.value === 'number' ? pasted.value : undefined;
  set('previousBindValue', bindPasted, on('Migrate.BindToVmknic value'));

  // Provisioning: an existing provisioning vmknic, else a default-stack vmknic outside the management subnet.
  const prov = view.provisioning.nics[0]?.nic.name;
  const mgmtNet = m?.net;
  const candidate = view.enabled.find(
    (x) =>
      x !== m &&
      x.netstack !== VMOTION_NETSTACK &&
      x.netstack !== PROVISIONING_NETSTACK &&
      x.address !== undefined &&
      !(mgmtNet && contains(mgmtNet, x.address)),
  )?.nic.name;
  set('provisioningVmk', prov ?? candidate, on('provisioning vmknic name'));

  const release = releaseOf(host);
  return {
    name: host.name,
    ...(release ? { release, releaseText: releaseName(release) } : {}),
    topology,
    slots,
    hasVmk: vmkName !== undefined,
    hasOldVmk: old !== undefined,
    vmkOnVmotionStack: v?.netstack === VMOTION_NETSTACK,
    vmkIsManagement: v !== undefined && v === m,
    ...(provisioningRoute ? { forProvisioning: true } : {}),
    stacksShown: host.netstacks ?? [],
    ...(bindPasted !== undefined ? { bindPasted } : {}),
    ...(candidate ? { provisioningCandidate: candidate } : {}),
    ...(prov ? { provisioningVmk: prov } : {}),
    switchMtuBelowTarget:
      sw?.mtu !== undefined && slots['mtu'] !== undefined ? sw.mtu < Number(slots['mtu'].value) : false,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Rendering one variant for all hosts

interface Rendered {
  readonly body: RemediationPlanBody;
}

function requirement(f: FeatureKey): { form: string; since: string; confidence: string; source: string } {
  const x: Feature = FEATURES[f];
  return { form: x.what, since: x.since, confidence: x.row?.confidence ?? 'documented', source: x.row?.source ?? x.source ?? '' };
}

function fillText(text: string, facts: HostFacts): string {
  return text.replace(/\{([A-Za-z][A-Za-z0-9]*)\}/g, (_w, name: string) => {
    const v = facts.slots[name];
    return v === undefined ? `<${name}>` : displayValue(v.value);
  });
}

function renderVariant(id: RemediationId, variant: Variant, facts: readonly HostFacts[]): Rendered {
  const def = REMEDIATIONS[id];
  const holes = new Set<string>();
  const notes: string[] = [];
  const refused: string[] = [];
  const lists = { esxcli: [] as string[], esxcfg: [] as string[], powercli: [] as string[], verify: [] as string[], rollback: [] as string[], verifyPowercli: [] as string[], rollbackPowercli: [] as string[] };
  const stepTexts: { host: string; texts: string[] }[] = [];
  const uses = new Set<FeatureKey>();

  const section = (target: string[], host: HostFacts, commands: readonly Command[], powercli: boolean) => {
    if (commands.length === 0) return;
    const lines: string[] = [];
    if (powercli) {
      const getHost = { shell: 'powershell' as const, words: [{ kind: 'literal' as const, text: '$vmhost = Get-VMHost -Name' }, host.slots['host'] ? { kind: 'value' as const, ...host.slots['host'] } : { kind: 'placeholder' as const, name: 'host' }] };
      if (commands.some((c) => c.words.some((w) => w.kind === 'literal' && w.text.includes('$vmhost')))) commands = [getHost, ...commands];
    }
    for (const c of commands) {
      holesOf(c).forEach((h) => holes.add(h));
      lines.push(renderCommand(c));
    }
    target.push(`# on ${host.name}`, ...lines);
  };

  for (const h of facts) {
    const hostReason = unsafeReason(h.name);
    if (hostReason) {
      refused.push(`The host name "${displayValue(h.name)}" contains ${hostReason}; no shell quoting makes it safe to paste. Fix the name in the evidence or type the commands yourself.`);
      continue;
    }
    const plan: HostPlan = variant.build(h);
    notes.push(...plan.notes);
    if (plan.impossible) continue;
    for (const f of plan.uses ?? []) uses.add(f);
    const pick = (f: keyof Pick<PlanStep, 'esxcli' | 'esxcfg' | 'powercli'>) => plan.steps.flatMap((s) => s[f] ?? []);
    try {
      // Render into scratch lists first so a refused value leaves nothing half-written for this host.
      const scratch = { esxcli: [] as string[], esxcfg: [] as string[], powercli: [] as string[], verify: [] as string[], rollback: [] as string[], verifyPowercli: [] as string[], rollbackPowercli: [] as string[] };
      section(scratch.esxcli, h, pick('esxcli'), false);
      section(scratch.esxcfg, h, pick('esxcfg'), false);
      section(scratch.powercli, h, pick('powercli'), true);
      section(scratch.verify, h, plan.verify.filter((c) => c.shell === 'sh'), false);
      section(scratch.verifyPowercli, h, plan.verify.filter((c) => c.shell === 'powershell'), true);
      section(scratch.rollback, h, plan.rollback.filter((c) => c.shell === 'sh'), false);
      section(scratch.rollbackPowercli, h, plan.rollback.filter((c) => c.shell === 'powershell'), true);
      for (const k of Object.keys(lists) as (keyof typeof lists)[]) lists[k].push(...scratch[k]);
      stepTexts.push({ host: h.name, texts: plan.steps.map((s) => fillText(s.text, h)) });
    } catch (e) {
      if (!(e instanceof UnsafeValueError)) throw e;
      refused.push(`${e.message} The plan is withheld for ${displayValue(h.name)}: rename it (vCenter or the host) and analyse again, or type the commands yourself.`);
    }
  }

  // Step sentences: once when every host has the same, else each host's own, named.
  const steps: string[] = [];
  const maxSteps = Math.max(0, ...stepTexts.map((s) => s.texts.length));
  const sameEverywhere = stepTexts.every((s) => s.texts.join('\n') === stepTexts[0]?.texts.join('\n'));
  if (sameEverywhere) steps.push(...(stepTexts[0]?.texts ?? []));
  else for (let i = 0; i < maxSteps; i++) for (const s of stepTexts) if (s.texts[i] !== undefined) steps.push(stepTexts.length > 1 ? `${s.host}: ${s.texts[i]}` : s.texts[i]!);

  if (refused.length > 0) {
    for (const k of Object.keys(lists) as (keyof typeof lists)[]) lists[k].length = 0;
  }
  const body: RemediationPlanBody = {
    steps: refused.length > 0 ? [] : [...new Set(steps)],
    commands: { esxcli: lists.esxcli, esxcfg: lists.esxcfg, powercli: lists.powercli },
    verify: lists.verify,
    rollback: lists.rollback,
    ...(lists.verifyPowercli.length > 0 ? { verifyPowercli: lists.verifyPowercli } : {}),
    ...(lists.rollbackPowercli.length > 0 ? { rollbackPowercli: lists.rollbackPowercli } : {}),
    risk: def.risk,
    unfilled: refused.length > 0 ? [] : [...holes].sort(),
    ...(notes.length > 0 ? { notes: [...new Set(notes)] } : {}),
    ...(refused.length > 0 ? { refused } : {}),
    ...(uses.size > 0 && refused.length === 0 ? { requires: [...uses].map(requirement) } : {}),
  };
  return { body };
}

/** R10 is per VM against vCenter: one command list, plus each host's version statement. */
function renderR10(facts: readonly HostFacts[]): RemediationPlanBody {
  const variant = variantsOf('R10', [])[0]!;
  const notes = facts.flatMap((h) => variant.build(h).notes);
  const impossible = facts.some((h) => variant.build(h).impossible);
  const c = r10Commands({});
  const holes = new Set<string>();
  const render = (cs: readonly Command[]) => cs.map((x) => (holesOf(x).forEach((h) => holes.add(h)), renderCommand(x)));
  const powercli = impossible ? [] : render(c.steps.flatMap((s) => s.powercli ?? []));
  const verifyPowercli = impossible ? [] : render(c.verify);
  const rollbackPowercli = impossible ? [] : render(c.rollback);
  return {
    steps: impossible ? [] : c.steps.map((s) => s.text),
    commands: { esxcli: [], esxcfg: [], powercli },
    verify: [],
    rollback: [],
    ...(verifyPowercli.length > 0 ? { verifyPowercli } : {}),
    ...(rollbackPowercli.length > 0 ? { rollbackPowercli } : {}),
    risk: REMEDIATIONS.R10.risk,
    unfilled: [...holes].sort(),
    ...(notes.length > 0 ? { notes: [...new Set(notes)] } : {}),
  };
}

/** Order of preference: the root fixes first, multi-NIC vMotion before the binding mitigation. */
const PREFERENCE: readonly RemediationId[] = ['R1', 'R2', 'R3', 'R5', 'R4', 'R6', 'R7', 'R8', 'R9', 'R10'];

export function planRemediation(findings: readonly FindingResult[], views: readonly HostView[]): RemediationResult[] {
  const order = PREFERENCE;
  const wanted = new Map<RemediationId, FindingResult[]>();
  for (const f of findings) {
    for (const id of f.remediation as RemediationId[]) {
      if (!(id in REMEDIATIONS)) continue;
      wanted.set(id, [...(wanted.get(id) ?? []), f]);
    }
  }
  // Binding has no always-bind value before 6.5d (1 on 5.x is untested advice) and 5.x has no vmotion stack:
  // where a host cannot take those fixes, offer the ones that work on it (own subnet, multi-NIC vMotion).
  const releases = views.map((v) => releaseOf(v.host));
  const any5x = releases.some((r) => r?.major === 5);
  const any60 = releases.some((r) => r?.major === 6 && r.minor === 0);
  const stand = (wanted.get('R4') && (any5x || any60) ? wanted.get('R4') : undefined) ?? (wanted.get('R2') && any5x ? wanted.get('R2') : undefined);
  if (stand) for (const id of ['R1', 'R5'] as const) if (!wanted.has(id)) wanted.set(id, stand);
  const out: RemediationResult[] = [];
  for (const id of order) {
    const fs = wanted.get(id);
    if (!fs) continue;
    const def = REMEDIATIONS[id];
    const hostNames = new Set(fs.flatMap((f) => f.hosts));
    // Always do source and destination: a fix on one end only leaves the other end broken.
    const targets = views.filter((v) => hostNames.has(v.host.name) || views.length > 1);
    const facts = targets.map((view) =>
      hostFacts(view, views.find((o) => o !== view), fs.find((f) => f.hosts.includes(view.host.name)) ?? fs[0], id),
    );
    const head = { id, forFindings: [...new Set(fs.map((f) => f.id))], title: def.title, hosts: targets.map((v) => v.host.name) };
    if (id === 'R10') {
      out.push({ ...head, ...renderR10(facts) });
      continue;
    }
    const variants = variantsOf(id, facts.map((f) => f.topology));
    // A choice no host can take (its release or vmknics rule it out) goes after the ones that work.
    const rendered = variants
      .map((v) => ({ v, body: renderVariant(id, v, facts).body }))
      .map((r, k) => ({ ...r, k, works: r.body.commands.esxcli.length + r.body.commands.powercli.length > 0 }))
      .sort((a, b) => Number(b.works) - Number(a.works) || a.k - b.k);
    const [first, ...rest] = rendered;
    if (!first) continue;
    const alternatives: RemediationAlternative[] = rest.map((r) => ({ variant: r.v.key, label: r.v.label, ...r.body }));
    out.push({
      ...head,
      ...first.body,
      ...(variants.length > 1 ? { variant: first.v.key, label: first.v.label, alternatives } : {}),
    });
  }
  return out;
}

/**
 * A fix as a general form, for a diagnosis reached by answers alone (no evidence): every value is a placeholder,
 * the version and switch kind are unknown (so the notes say what changes and switch-dependent fixes come as a
 * standard and a distributed plan). Rendered by the same code as a host's plan.
 */
export function genericPlan(id: RemediationId): RemediationResult {
  const facts: HostFacts = {
    name: 'each host',
    topology: 'unknown',
    slots: {},
    hasVmk: true,
    hasOldVmk: true,
    vmkOnVmotionStack: false,
    stacksShown: [],
    provisioningCandidate: 'vmk',
    switchMtuBelowTarget: true,
  };
  const head = { id, forFindings: [], title: REMEDIATIONS[id].title, hosts: [] };
  if (id === 'R10') return { ...head, ...renderR10([facts]) };
  const variants = variantsOf(id, ['unknown']);
  const [first, ...rest] = variants.map((v) => ({ v, body: renderVariant(id, v, [facts]).body }));
  return {
    ...head,
    ...first!.body,
    ...(rest.length > 0
      ? { variant: first!.v.key, label: first!.v.label, alternatives: rest.map((r) => ({ variant: r.v.key, label: r.v.label, ...r.body })) }
      : {}),
  };
}
