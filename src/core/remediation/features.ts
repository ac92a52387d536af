/**
 * The version-dependent forms a fix plan may use, each dated by a row of the releases table (or, for settings and
 * vSphere features that are not esxcli commands, by the source that dates them), so a plan can say for every form
 * which releases have it and where that comes from.
 */
import type { EsxiRelease } from '../versions.ts';
import { releaseRow, rowHas, type Has, type ReleaseRow } from './releases.ts';

export interface Feature {
  /** What a reader calls it. */
  readonly what: string;
  /** First release, as a reader reads it. */
  readonly since: string;
  /** The releases-table row dating it (esxcli forms), or a sentence naming the source. */
  readonly row?: ReleaseRow;
  readonly source?: string;
  readonly has: (release: EsxiRelease) => Has;
}

const fromRow = (what: string, command: string, option: string | null = null): Feature => {
  const row = releaseRow(command, option);
  return { what, since: row.since, row, has: (r) => rowHas(row, r) };
};

const atLeast = (major: number, minor: number) => (r: EsxiRelease): Has =>
  r.major > major || (r.major === major && r.minor >= minor) ? 'yes' : 'no';

/** 6.5d is build 5310538 (domain reference §1.4, LAMW dumps); earlier 6.5 builds stop at 2 or are not dumped. */
const BIND3_BUILD = 5310538;

export const FEATURES = {
  tag: fromRow('`esxcli network ip interface tag`', 'esxcli network ip interface tag add'),
  route: fromRow('`esxcli network ip route ipv4`', 'esxcli network ip route ipv4 add'),
  routeNetstack: fromRow('`-N` on `esxcli network ip route ipv4 add`', 'esxcli network ip route ipv4 add', '-N/--netstack'),
  netstackCommand: fromRow('`esxcli network ip netstack`', 'esxcli network ip netstack add'),
  vmotionStack: fromRow('the vmotion TCP/IP stack', 'esxcli network ip netstack (built-in stack)', 'vmotion'),
  provisioningStack: fromRow('the provisioning TCP/IP stack', 'esxcli network ip netstack (built-in stack)', 'vSphereProvisioning'),
  provisioningTag: fromRow('the vSphereProvisioning service tag', 'esxcli network ip interface tag add', '-t vSphereProvisioning'),
  vmknicGateway: fromRow('a per-vmknic gateway (`ipv4 set -g`)', 'esxcli network ip interface ipv4 set', '-g/--gateway'),
  dvsAdd: fromRow('`interface add --dvs-name/--dvport-id`', 'esxcli network ip interface add', '-s/--dvs-name'),
  bindAlways: {
    what: 'Migrate.BindToVmknic value 3 (always bind)',
    since: '6.5d (build 5310538)',
    source: "William Lam's dumps of ESXi advanced settings per build: 6.0 U3 stops at 2, 6.5d and later offer 3",
    has: (r: EsxiRelease): Has => {
      if (r.major !== 6 || r.minor !== 5) return atLeast(6, 5)(r);
      if (r.build !== undefined) return r.build >= BIND3_BUILD ? 'yes' : 'unknown';
      if (r.letter !== undefined) return r.letter >= 'd' ? 'yes' : 'unknown';
      return (r.update ?? 0) >= 1 ? 'yes' : 'unknown';
    },
  },
  encryptedVmotion: {
    what: 'encrypted vMotion',
    since: '6.5',
    source: 'vSphere 6.5 documentation, "Encrypted vSphere vMotion"',
    has: atLeast(6, 5),
  },
} as const satisfies Record<string, Feature>;

export type FeatureKey = keyof typeof FEATURES;

export function hostHas(feature: FeatureKey, release: EsxiRelease | undefined): Has {
  return release ? FEATURES[feature].has(release) : 'unknown';
}

/** "`esxcli network ip interface tag` (5.1 and later, inferred)": the form with its releases and confidence. */
export function featureWording(feature: FeatureKey): string {
  const f: Feature = FEATURES[feature];
  const confidence = f.row ? `, ${f.row.confidence === 'verified' ? 'documented' : f.row.confidence === 'inferred' ? 'inferred from dated scripts and posts' : 'first release not established'}` : '';
  if (/^unknown/.test(f.since)) {
    const present = f.row?.present_in?.[0];
    return `${f.what} (first release not established${present ? `; present by ${present}` : ''})`;
  }
  return `${f.what} (${f.since} and later${confidence})`;
}
