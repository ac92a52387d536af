/**
 * Past migrations read from host logs (issue 9, "What the logs prove"; shared/docs/bundles.md §3), set beside the
 * computed paths: each logged address is mapped to the analysed host's vmknic that owns it, and a finding is raised
 * when a migration used the management vmknic's address or an address outside the vMotion vmknics the analysis
 * computed (domain.md §1.7 A5, C).
 *
 * What a line proves is worded exactly everywhere: a line proves the addresses chosen for the stream, not the
 * wire's egress when the socket is unbound (§1.7 D6: the routing table then picks the leaving vmknic). NFC lines
 * give only the peer address.
 *
 * Pure: the log reading lives in src/bundles; this module only needs plain records.
 */
import type { Trigger } from './analysis/flow.ts';
import type { HostView } from './analysis/host-view.ts';
import type { EvidenceRef } from './model/evidence.ts';
import type { FindingResult, Severity } from './result.ts';

export type Encryption = 'yes' | 'no' | 'unknown';

/** One past migration as the logs of one host tell it. */
export interface ObservedMigration {
  /** The host whose logs these lines are from. */
  readonly host: string;
  readonly traffic: 'vmotion' | 'nfc';
  /** The migration id: vmkernel `ts` = vmware.log `mid` (decimal). */
  readonly id?: string;
  /** The VM's folder name, when a vmware.log told of it. */
  readonly vm?: string;
  /** Timestamp of the earliest line, as logged (ISO 8601, the host's clock). */
  readonly time?: string;
  /** NFC groups: timestamp of the latest line. */
  readonly lastTime?: string;
  /** Whether this host sent (`outgoing`) or received (`incoming`) the stream. */
  readonly direction: 'outgoing' | 'incoming' | 'unknown';
  readonly sourceAddresses: readonly string[];
  readonly destAddresses: readonly string[];
  readonly encrypted: Encryption;
  /** `no-failure-logged`: no failure line for this id in what was read — not proof of success. */
  readonly outcome: 'failed' | 'no-failure-logged';
  /** NFC: how many failed connection lines to this peer were grouped. */
  readonly count?: number;
  readonly evidence: readonly EvidenceRef[];
  /**
   * Which of the evidence lines prove what (issue 16): the addresses chosen for the stream, the direction (this
   * host sent or received), the failure. A line that proves none of these only names the migration.
   */
  readonly proof?: {
    readonly addresses: readonly EvidenceRef[];
    readonly direction: readonly EvidenceRef[];
    readonly failure: readonly EvidenceRef[];
  };
}

export interface ObservedAddress {
  readonly address: string;
  readonly side: 'source' | 'destination';
  /** The analysed host that owns the address, when one does. */
  readonly host?: string;
  readonly vmknic?: string;
  /** The address is that host's management vmknic's (§1.7 A5). */
  readonly management?: boolean;
  /** The vmknic is one of that host's computed vMotion vmknics V(host) (§1.7 C). */
  readonly vmotionVmknic?: boolean;
}

/** The `observed[]` entries of the JSON contract (additive field of the analysis result). */
export interface ObservedResult {
  /** The host whose logs tell it (the sending host's, when both hosts' logs do). */
  readonly host: string;
  /** Every analysed host whose logs show this migration (one migration id is logged on both hosts). */
  readonly loggedBy: readonly string[];
  readonly traffic: 'vmotion' | 'nfc';
  readonly id?: string;
  readonly vm?: string;
  readonly time?: string;
  readonly lastTime?: string;
  readonly direction: ObservedMigration['direction'];
  readonly encrypted: Encryption;
  readonly outcome: ObservedMigration['outcome'];
  readonly count?: number;
  readonly addresses: readonly ObservedAddress[];
  /** What these lines prove, in one sentence. */
  readonly proves: string;
  /** `file:line: text` of each line. */
  readonly evidence: readonly string[];
  /**
   * vMotion only: which of the lines prove what (`file:line` each, issue 16): the addresses chosen for the stream,
   * the direction (sent or received), the failure. An empty list: no line proves that; a line in none of the lists
   * only names the migration.
   */
  readonly proof?: ObservedProof;
}

export interface ObservedProof {
  readonly addresses: readonly string[];
  readonly direction: readonly string[];
  readonly failure: readonly string[];
}

/** The exact claim a log line supports (issue 9): used by the findings, the JSON and both renderers. */
export const WHAT_A_LINE_PROVES =
  'A log line proves the addresses chosen for the stream, not the wire\'s egress when the socket is unbound (the routing table then picks the leaving vmknic).';

const MAX_EVIDENCE_PER_FINDING = 12;

/**
 * The past migrations as evidence of their own kind, for `analyze` to weigh with the configuration: `observed[]`
 * (each logged address mapped to the analysed host's vmknic) and the finding triggers they raise, with the log lines
 * as evidence. `views` are the analysed hosts (source, destination).
 */
export function observedEvidence(views: readonly HostView[], observed: readonly ObservedMigration[]): { observed: ObservedResult[]; triggers: Trigger[] } {
  if (observed.length === 0) return { observed: [], triggers: [] };
  const merged = mergeAcrossHosts(observed);
  return { observed: merged.map((m) => describe(m, views)), triggers: observedTriggers(merged, views) };
}

/** One migration as the logs of every analysed host tell it. */
interface Merged {
  readonly migration: ObservedMigration;
  /** Each host whose logs show it, with its own direction. */
  readonly loggers: readonly { readonly host: string; readonly direction: ObservedMigration['direction'] }[];
}

/**
 * The `ts` of a vMotion is the same on both hosts (shared/docs/bundles.md §3): the source's and the destination's
 * lines of one migration become one entry, told from the sending host's side.
 */
function mergeAcrossHosts(observed: readonly ObservedMigration[]): Merged[] {
  const out: Merged[] = [];
  const byId = new Map<string, ObservedMigration[]>();
  const order: ({ readonly single: ObservedMigration } | { readonly id: string })[] = [];
  for (const m of observed) {
    if (m.traffic !== 'vmotion' || m.id === undefined) {
      order.push({ single: m });
      continue;
    }
    const parts = byId.get(m.id);
    if (parts) parts.push(m);
    else {
      byId.set(m.id, [m]);
      order.push({ id: m.id });
    }
  }
  for (const item of order) {
    if ('single' in item) {
      out.push({ migration: item.single, loggers: [{ host: item.single.host, direction: item.single.direction }] });
      continue;
    }
    const parts = byId.get(item.id) ?? [];
    const lead = parts.find((p) => p.direction === 'outgoing') ?? (parts[0] as ObservedMigration);
    const rest = parts.filter((p) => p !== lead);
    const all = [lead, ...rest];
    const union = (pick: (p: ObservedMigration) => readonly string[]) => [...new Set(all.flatMap(pick))];
    const times = all.map((p) => p.time).filter((t): t is string => t !== undefined).sort();
    const vm = all.find((p) => p.vm !== undefined)?.vm;
    const encrypted: Encryption = all.some((p) => p.encrypted === 'yes') ? 'yes' : all.some((p) => p.encrypted === 'no') ? 'no' : 'unknown';
    const migration: ObservedMigration = {
      ...lead,
      ...(vm !== undefined ? { vm } : {}),
      ...(times[0] !== undefined ? { time: times[0] } : {}),
      sourceAddresses: union((p) => p.sourceAddresses),
      destAddresses: union((p) => p.destAddresses),
      encrypted,
      outcome: all.some((p) => p.outcome === 'failed') ? 'failed' : 'no-failure-logged',
      evidence: all.flatMap((p) => p.evidence),
      // Each host's lines prove its own part: the proof of the merged entry is the union of both hosts' proofs.
      ...(all.some((p) => p.proof !== undefined)
        ? {
            proof: {
              addresses: all.flatMap((p) => p.proof?.addresses ?? []),
              direction: all.flatMap((p) => p.proof?.direction ?? []),
              failure: all.flatMap((p) => p.proof?.failure ?? []),
            },
          }
        : {}),
    };
    const loggers: { host: string; direction: ObservedMigration['direction'] }[] = [];
    for (const p of all) if (!loggers.some((l) => l.host === p.host)) loggers.push({ host: p.host, direction: p.direction });
    out.push({ migration, loggers });
  }
  return out;
}

function addressesOf(m: ObservedMigration): { address: string; side: 'source' | 'destination' }[] {
  return [
    ...m.sourceAddresses.map((address) => ({ address, side: 'source' as const })),
    ...m.destAddresses.map((address) => ({ address, side: 'destination' as const })),
  ];
}

function owner(views: readonly HostView[], address: string): { view: HostView; vmknic: string } | undefined {
  for (const view of views) {
    const nic = view.host.vmknics.find((n) => n.ipv4 === address);
    if (nic) return { view, vmknic: nic.name };
  }
  return undefined;
}

function describe(merged: Merged, views: readonly HostView[]): ObservedResult {
  const m = merged.migration;
  const addresses = addressesOf(m).map(({ address, side }): ObservedAddress => {
    const o = owner(views, address);
    if (!o) return { address, side };
    return {
      address,
      side,
      host: o.view.host.name,
      vmknic: o.vmknic,
      management: o.view.management?.nic.nic.name === o.vmknic,
      vmotionVmknic: o.view.vmotion.nics.some((v) => v.nic.name === o.vmknic),
    };
  });
  const proves =
    m.traffic === 'nfc'
      ? `These lines prove only that ${m.host} failed to open an NFC connection to ${m.destAddresses.join(', ')} on port 902; they do not show which of its vmknics was used.`
      : `These lines prove the addresses chosen for this vMotion stream (source ${m.sourceAddresses.join(', ') || 'not logged'}, destination ${m.destAddresses.join(', ') || 'not logged'}), not the vmknic the packets left by when the socket is unbound.`;
  return {
    host: m.host,
    loggedBy: merged.loggers.map((l) => l.host),
    traffic: m.traffic,
    ...(m.id !== undefined ? { id: m.id } : {}),
    ...(m.vm !== undefined ? { vm: m.vm } : {}),
    ...(m.time !== undefined ? { time: m.time } : {}),
    ...(m.lastTime !== undefined ? { lastTime: m.lastTime } : {}),
    direction: m.direction,
    encrypted: m.encrypted,
    outcome: m.outcome,
    ...(m.count !== undefined ? { count: m.count } : {}),
    addresses,
    proves,
    evidence: m.evidence.map((r) => `${r.file}:${r.line}: ${r.text.trim()}`),
    ...(m.traffic === 'vmotion' && m.proof !== undefined ? { proof: proofOf(m.proof) } : {}),
  };
}

function proofOf(proof: NonNullable<ObservedMigration['proof']>): ObservedProof {
  const at = (refs: readonly EvidenceRef[]) => [...new Set(refs.map((r) => `${r.file}:${r.line}`))];
  return { addresses: at(proof.addresses), direction: at(proof.direction), failure: at(proof.failure) };
}

const MAX_PROOF_LINES = 6;

function lineList(lines: readonly string[]): string {
  const shown = lines.slice(0, MAX_PROOF_LINES);
  const more = lines.length - shown.length;
  const head = shown.length > 1 ? `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}` : (shown[0] ?? '');
  return more > 0 ? `${shown.join(', ')} and ${more} more` : head;
}

/**
 * The `proof` of a past vMotion in words, one sentence each, for every report and the app: "The addresses are
 * proved by esx01/vmkernel.log:12." Lines that prove nothing are not listed; when no line proves anything, one
 * sentence says the lines only name the migration. Empty for NFC groups and results without a proof.
 */
export function proofSentences(o: Pick<ObservedResult, 'traffic' | 'direction' | 'host' | 'proof'>): string[] {
  const p = o.proof;
  if (o.traffic !== 'vmotion' || p === undefined) return [];
  const out: string[] = [];
  if (p.addresses.length > 0) out.push(`The addresses are proved by ${lineList(p.addresses)}.`);
  if (p.direction.length > 0) {
    const what = o.direction === 'outgoing' ? `that ${o.host} sent it` : o.direction === 'incoming' ? `that ${o.host} received it` : 'the direction';
    out.push(`${what.charAt(0).toUpperCase()}${what.slice(1)} is proved by ${lineList(p.direction)}.`);
  }
  if (p.failure.length > 0) out.push(`The failure is proved by ${lineList(p.failure)}.`);
  if (out.length === 0) out.push('No line proves the addresses, the direction or a failure: the lines only name the migration.');
  return out;
}

interface Aggregate {
  readonly id: Trigger['id'];
  readonly host: string;
  /** Absent: the address belongs to no vmknic in the evidence. */
  readonly vmknic?: string;
  readonly certainty: Trigger['certainty'];
  readonly addresses: Set<string>;
  readonly migrations: ObservedMigration[];
  /** The vMotion vmknics the analysis computed for the host (for the wording). */
  readonly computed: readonly string[];
}

/** One trigger per (finding, host, vmknic): several migrations over one vmknic make one finding. */
function observedTriggers(merged: readonly Merged[], views: readonly HostView[]): Trigger[] {
  const groups = new Map<string, Aggregate>();
  const add = (a: Omit<Aggregate, 'migrations' | 'addresses'>, address: string, m: ObservedMigration) => {
    const key = `${a.id}|${a.host}|${a.vmknic ?? ''}`;
    const g = groups.get(key) ?? { ...a, addresses: new Set<string>(), migrations: [] };
    g.addresses.add(address);
    if (!g.migrations.includes(m)) g.migrations.push(m);
    groups.set(key, g);
  };
  for (const { migration: m, loggers } of merged) {
    if (m.traffic !== 'vmotion') continue;
    for (const { address, side } of addressesOf(m)) {
      const o = owner(views, address);
      if (o) {
        const { view, vmknic } = o;
        const computed = view.vmotion.nics.map((v) => v.nic.name);
        if (view.management?.nic.nic.name === vmknic) {
          add({ id: 'OBSERVED_VMOTION_ON_MANAGEMENT', host: view.host.name, vmknic, certainty: 'definite', computed }, address, m);
        } else if (!computed.includes(vmknic)) {
          add({ id: 'OBSERVED_VMOTION_ADDRESS_MISMATCH', host: view.host.name, vmknic, certainty: 'probable', computed }, address, m);
        }
        continue;
      }
      // A logging host's own side of the stream, yet no vmknic in its evidence has that address.
      for (const logger of loggers) {
        const ownSide = (logger.direction === 'outgoing' && side === 'source') || (logger.direction === 'incoming' && side === 'destination');
        const logHost = views.find((v) => v.host.name === logger.host);
        if (logHost && ownSide && logHost.host.vmknics.some((n) => n.ipv4 !== undefined)) {
          const computed = logHost.vmotion.nics.map((v) => v.nic.name);
          add({ id: 'OBSERVED_VMOTION_ADDRESS_MISMATCH', host: logHost.host.name, certainty: 'uncertain', computed }, address, m);
        }
      }
    }
  }
  return [...groups.values()].map((g): Trigger => {
    const times = g.migrations.map((m) => m.time).filter((t): t is string => t !== undefined).sort();
    const when = times.length === 0 ? '' : times.length === 1 ? ` (${times[0]})` : ` (${times[0]} to ${times[times.length - 1]})`;
    const count = g.migrations.length === 1 ? 'One past vMotion' : `${g.migrations.length} past vMotions`;
    const logs = [...new Set(merged.filter((x) => g.migrations.includes(x.migration)).flatMap((x) => x.loggers.map((l) => l.host)))].join(', ');
    const address = [...g.addresses].join(', ');
    const computed = g.computed.length > 0 ? g.computed.join(', ') : 'none';
    const plural = g.computed.length === 1 ? '' : 's';
    let detail: string;
    if (g.id === 'OBSERVED_VMOTION_ON_MANAGEMENT') {
      detail = `${count}${when} in the logs of ${logs} used ${address}, the address of ${g.vmknic}, the management vmknic of ${g.host}.`;
    } else if (g.vmknic !== undefined) {
      detail = `${count}${when} in the logs of ${logs} used ${address}, the address of ${g.vmknic}, but the analysis of the current configuration counts ${computed} as the vMotion vmknic${plural} of ${g.host}.`;
    } else {
      detail = `${count}${when} in the logs of ${logs} used ${address}, which is not the address of any vmknic in the evidence of ${g.host}: the configuration changed since, or an output is missing.`;
    }
    const evidence = g.migrations.flatMap((m) => m.evidence).slice(0, MAX_EVIDENCE_PER_FINDING);
    const severity: Severity | undefined = g.certainty === 'uncertain' ? 'low' : undefined;
    return {
      id: g.id,
      hosts: [g.host],
      vmknics: g.vmknic !== undefined ? [g.vmknic] : [],
      certainty: g.certainty,
      ...(severity ? { severity } : {}),
      detail,
      evidence,
    };
  });
}

/** Findings raised from logs, for callers that show them apart. */
export function isObservedFinding(f: FindingResult): boolean {
  return f.id.startsWith('OBSERVED_');
}
