/**
 * Migrate.BindToVmknic and Migrate.AutoBindVmknic: the effective values on a host and what they mean for the
 * vMotion socket (domain.md §1.4, §1.7 D2–D3, E2).
 */
import type { Certainty, EvidenceRef } from '../model/evidence.ts';
import type { HostModel, SettingSource } from '../model/host.ts';
import type { EsxiRelease } from '../versions.ts';
import { autoBindVmknicDefault, bindToVmknicDefault, is5x, parseRelease, releaseName } from '../versions.ts';
import type { Step } from './trace.ts';
import { step } from './trace.ts';

export const BIND_PATH = '/Migrate/BindToVmknic';
export const AUTOBIND_PATH = '/Migrate/AutoBindVmknic';

export interface Binding {
  readonly value?: number;
  readonly source: SettingSource;
  readonly certainty: Certainty;
  /** The build's default when known (from `Default Int Value` or the build table). */
  readonly buildDefault?: number;
  readonly evidence?: EvidenceRef;
  /**
   * `reported-5x`: ESXi 5.0/5.1 with no value shown. No dump exists, but the untouched setting is reported to behave
   * like 2 (Denneman 2013 on 5.1; Chan and Elatov 2012 in the same era): `value` is that behaviour, not a known value.
   */
  readonly basis?: 'reported-5x';
  readonly steps: readonly Step[];
}

export type Tri = 'yes' | 'no' | 'unknown';

export function releaseOf(host: HostModel): EsxiRelease | undefined {
  return parseRelease(host.version?.version, host.version?.build, host.version?.update);
}

function describeRelease(host: HostModel): string {
  const release = releaseOf(host);
  return release ? releaseName(release) : 'an unknown ESXi version (`vmware -vl` was not pasted)';
}

export function effectiveBinding(host: HostModel): Binding {
  const pasted = host.advanced[BIND_PATH];
  const release = releaseOf(host);
  const fromBuild = bindToVmknicDefault(release);
  const pastedDefault = typeof pasted?.defaultValue === 'number' ? pasted.defaultValue : undefined;
  const buildDefault = pastedDefault ?? fromBuild.value;
  if (pasted && typeof pasted.value === 'number') {
    // §5.1: on 5.x no dump gives the values' meaning; 0 and 2 are read as on 6.0 U3+, probable (1 is handled by isBound).
    const meaningUnsure = release !== undefined && is5x(release) && pasted.value !== 1;
    return {
      value: pasted.value,
      source: 'evidence',
      certainty: meaningUnsure ? 'probable' : 'definite',
      ...(buildDefault !== undefined ? { buildDefault } : {}),
      evidence: pasted.evidence,
      steps: [
        step(`Migrate.BindToVmknic on ${host.name} is ${pasted.value} (pasted).${meaningUnsure ? ` On ESXi 5.x the meaning of each value is not documented by VMware; ${pasted.value} is read as on 6.0 U3 and later, probable.` : ''}`, {
          rule: '§1.7 D2',
          evidence: [pasted.evidence],
          ...(meaningUnsure ? { confidence: 'inferred' as const } : {}),
        }),
      ],
    };
  }
  const proven = host.advancedAtDefault?.[BIND_PATH];
  if (proven && fromBuild.value !== undefined) {
    // The list of changed settings does not name it: the value is the build default, as sure as that default is.
    return {
      value: fromBuild.value,
      source: 'evidence',
      certainty: fromBuild.certainty === 'definite' ? 'definite' : 'probable',
      buildDefault: fromBuild.value,
      evidence: proven,
      steps: [
        step(
          `Migrate.BindToVmknic on ${host.name} is ${fromBuild.value}, its build default: the list of settings that differ from their default (esxcli system settings advanced list -d) does not name it. ${fromBuild.note.replace(/ The host's current value may differ[^.]*\./, '')}`,
          { rule: '§1.4', evidence: [proven, ...(host.version?.evidence ?? [])] },
        ),
      ],
    };
  }
  if (fromBuild.value !== undefined) {
    return {
      value: fromBuild.value,
      source: 'version-default',
      // Someone may have changed it: a default from the build is never definite (§1.7 D2).
      certainty: 'probable',
      buildDefault: fromBuild.value,
      steps: [
        step(
          `Migrate.BindToVmknic on ${host.name}: value not shown, build default assumed — ${fromBuild.value} on ${describeRelease(host)}. ${fromBuild.note}`,
          { rule: '§1.4', ...(host.version ? { evidence: host.version.evidence } : {}) },
        ),
      ],
    };
  }
  if (release && release.major === 5 && release.minor <= 1) return reported5x(host, proven);
  return {
    source: 'unknown',
    certainty: 'uncertain',
    steps: [
      step(
        `Migrate.BindToVmknic on ${host.name} is unknown: ${proven ? 'it is at its build default (the list of changed settings does not name it), but that default is not known' : 'not pasted'}. ${fromBuild.note}`,
        { rule: '§1.7 D2', confidence: 'unsure' },
      ),
    ],
  };
}

/**
 * §1.4, §1.7 D2 for ESXi 5.0 and 5.1 with no value shown: no dump gives the default, but the untouched setting is
 * reported to behave like 2 — Denneman (2013) states for 5.1 that one vMotion vmknic in the management subnet is not
 * honoured while two or more are, and Chan and Elatov (2012, build not named) saw vMotion leave by the management
 * vmknic in that layout. Probable, never definite; the step names the command and the measurement that confirm it.
 */
function reported5x(host: HostModel, proven: EvidenceRef | undefined): Binding {
  return {
    value: 2,
    source: 'version-default',
    certainty: 'probable',
    basis: 'reported-5x',
    ...(proven ? { evidence: proven } : {}),
    steps: [
      step(
        `Migrate.BindToVmknic on ${host.name}: value not shown, and no dump of ${describeRelease(host)} defaults exists. The untouched setting is taken to behave like 2 (bind only for FT or for two or more vMotion vmknics): behaviour of the untouched setting as Denneman 2013 describes it for 5.1, where one vMotion vmknic in the management subnet is not honoured and two or more are; Chan and Elatov (2012, build not named) saw vMotion leave by the management vmknic in the same layout. Not documented by VMware. \`esxcfg-advcfg -g /Migrate/BindToVmknic\` shows the value, and a measurement during a test vMotion confirms the path.`,
        { rule: '§1.7 D2', confidence: 'inferred', ...(host.version ? { evidence: host.version.evidence } : {}) },
      ),
    ],
  };
}

/**
 * §1.7 D3: is the vMotion socket bound to the vMotion vmknic(s)?
 * 3 → yes; 2 → yes iff two or more vMotion vmknics; 0/1 → no; 1 on 5.x → unknown (meaning unverified, §5.1).
 */
export function isBound(host: HostModel, binding: Binding, vmotionCount: number): { bound: Tri; steps: Step[] } {
  const b = binding.value;
  if (b === undefined) {
    return { bound: 'unknown', steps: [step('Binding unknown, so both answers are computed below.', { rule: '§1.7 D7' })] };
  }
  const release = releaseOf(host);
  if (release && is5x(release) && b === 1) {
    return {
      bound: 'unknown',
      steps: [
        step(
          'BindToVmknic = 1 on ESXi 5.x: its meaning there is unverified (Chan 2012 advises that 1 "should force" the vMotion vmknic, without reporting a test or naming a build; from 6.0 U3 on, 1 means "bind only for FT"). Both answers are computed below.',
          { rule: '§5.1', confidence: 'unsure' },
        ),
      ],
    };
  }
  if (b >= 3) return { bound: 'yes', steps: [step('BindToVmknic 3 = always bind: the vMotion socket is bound to the vMotion vmknic(s).', { rule: '§1.4' })] };
  if (b === 2) {
    return vmotionCount >= 2
      ? { bound: 'yes', steps: [step(`BindToVmknic 2 binds when the host has more than one vMotion vmknic; it has ${vmotionCount}: bound.`, { rule: '§1.4' })] }
      : {
          bound: 'no',
          steps: [step(`BindToVmknic 2 binds only for FT or multi-NIC vMotion; ${host.name} has ${vmotionCount} vMotion vmknic: not bound, the routing table decides.`, { rule: '§1.4' })],
        };
  }
  return {
    bound: 'no',
    steps: [
      step(`BindToVmknic ${b} = ${b === 0 ? 'never bind' : 'bind only when FT is involved'}: the vMotion socket is not bound, the routing table decides.`, {
        rule: '§1.4',
      }),
    ],
  };
}

/** §1.7 E2: does the receiving host answer from the vmknic the stream arrived on? */
export function receiveAutobind(host: HostModel): { autobind: Tri; certainty: Certainty; steps: Step[] } {
  const pasted = host.advanced[AUTOBIND_PATH];
  if (pasted && typeof pasted.value === 'number') {
    const on = pasted.value !== 0;
    return {
      autobind: on ? 'yes' : 'no',
      certainty: 'definite',
      steps: [
        step(`Migrate.AutoBindVmknic on ${host.name} is ${pasted.value} (pasted): replies ${on ? 'leave by the receiving vmknic' : 'follow the routing table'}.`, {
          rule: '§1.7 E2',
          evidence: [pasted.evidence],
        }),
      ],
    };
  }
  const d = autoBindVmknicDefault(releaseOf(host));
  const proven = host.advancedAtDefault?.[AUTOBIND_PATH];
  if (proven && d.status === 'present') {
    return {
      autobind: 'yes',
      // As sure as the build is known to have the option at all.
      certainty: d.certainty,
      steps: [
        step(
          `Migrate.AutoBindVmknic on ${host.name} is ${d.defaultValue}, its build default: the list of settings that differ from their default does not name it. Replies leave by the receiving vmknic.`,
          { rule: '§1.7 E2', evidence: [proven] },
        ),
      ],
    };
  }
  switch (d.status) {
    case 'present':
      return {
        autobind: 'yes',
        certainty: 'probable',
        steps: [step(`Migrate.AutoBindVmknic on ${host.name}: not pasted, build default ${d.defaultValue} assumed. ${d.note}`, { rule: '§1.7 E2' })],
      };
    case 'not-present-old':
      return {
        autobind: 'no',
        certainty: 'probable',
        steps: [step(`${host.name} runs a build older than 6.0 U3, where no dump shows receive-side autobind: replies likely follow the routing table. ${d.note}`, { rule: '§1.7 E2', confidence: 'inferred' })],
      };
    case 'absent':
      return {
        autobind: 'unknown',
        certainty: 'uncertain',
        steps: [
          step(`${host.name} runs a build without Migrate.AutoBindVmknic (absent from every dump from 7.0 U3d on): whether replies leave by the receiving vmknic is not documented by VMware. ${d.note}`, {
            rule: '§5.2',
            confidence: 'unsure',
          }),
        ],
      };
    default:
      return {
        autobind: 'unknown',
        certainty: 'uncertain',
        steps: [step(`Receive-side autobind on ${host.name} is unknown. ${d.note}`, { rule: '§1.7 E2', confidence: 'unsure' })],
      };
  }
}
