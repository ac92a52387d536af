/**
 * Which ESXi release has which command form. The data is `esxcli-releases.json` (a verbatim copy of the project's
 * research table, shared/docs/esxcli-releases.md: first release of each esxcli command and option, with its source
 * and a confidence of verified / inferred / unknown); this module only reads it.
 *
 * Two things build on it: the fix plans (features.ts asks "does this host have X?") and the command checker of the
 * tests (every rendered esxcli line must parse against the tree of the host's release).
 */
import ROWS from './esxcli-releases.json';
import type { EsxiRelease } from '../versions.ts';

export interface ReleaseRow {
  readonly command: string;
  readonly option: string | null;
  /** `5.0`, `5.1`, `6.5`, `7.0 U3`, `pre-5.0`, or `unknown …`. */
  readonly since: string;
  readonly confidence: 'verified' | 'inferred' | 'unknown';
  readonly source: string;
  readonly notes?: string;
  readonly absent_in?: readonly string[];
  readonly present_in?: readonly string[];
  readonly changes?: string;
}

export const RELEASE_ROWS: readonly ReleaseRow[] = ROWS as readonly ReleaseRow[];

/** A row by command and option (`null` for the command itself); throws for a row the table does not have. */
export function releaseRow(command: string, option: string | null = null): ReleaseRow {
  const row = RELEASE_ROWS.find((r) => r.command === command && r.option === option);
  if (!row) throw new Error(`esxcli-releases.json has no row for ${command}${option ? ` ${option}` : ''}`);
  return row;
}

export type Has = 'yes' | 'no' | 'unknown';

interface Point {
  readonly major: number;
  readonly minor: number;
  readonly update: number;
}

function point(text: string): Point | undefined {
  if (/^pre-5\.0/.test(text)) return { major: 4, minor: 0, update: 0 };
  const m = /^(\d+)\.(\d+)(?:\s*U(\d+))?$/.exec(text.trim());
  return m ? { major: Number(m[1]), minor: Number(m[2]), update: Number(m[3] ?? 0) } : undefined;
}

function atOrAfter(r: EsxiRelease, p: Point): boolean {
  if (r.major !== p.major) return r.major > p.major;
  if (r.minor !== p.minor) return r.minor > p.minor;
  return (r.update ?? (r.major >= 7 ? r.patch : 0)) >= p.update;
}

function sameLine(r: EsxiRelease, text: string): boolean {
  const p = point(text);
  return p !== undefined && p.major === r.major && p.minor === r.minor;
}

/** Whether a release has a row's command or option: from `since`, `absent_in` and `present_in`. */
export function rowHas(row: ReleaseRow, release: EsxiRelease | undefined): Has {
  if (!release) return 'unknown';
  if ((row.absent_in ?? []).some((t) => sameLine(release, t))) return 'no';
  const since = point(row.since.split(' (')[0]!.trim());
  if (since) return atOrAfter(release, since) ? 'yes' : 'no';
  // `unknown (5.1-6.0)`: known present from the earliest present_in release on.
  const present = (row.present_in ?? []).map(point).filter((p): p is Point => p !== undefined);
  if (present.some((p) => atOrAfter(release, p))) return 'yes';
  return 'unknown';
}

/** Short wording of a row's evidence for a reader: `5.1, inferred`. */
export function rowWording(row: ReleaseRow): string {
  return `${row.since}, ${row.confidence}`;
}

// ---------------------------------------------------------------------------------------------------------------
// The esxcli tree per release, for checking rendered commands.

export interface TreeOption {
  readonly names: readonly string[];
  /** The row that dates the option; absent for options of the 5.0 signature of the command (dated by its row). */
  readonly row?: ReleaseRow;
  readonly flag?: boolean;
  /** Values the option accepts, each dated by its own row (tags). */
  readonly values?: Readonly<Record<string, ReleaseRow>>;
}

export interface TreeCommand {
  readonly path: string;
  readonly row: ReleaseRow;
  readonly options: readonly TreeOption[];
}

const o = (names: string, row?: ReleaseRow, extra: Partial<TreeOption> = {}): TreeOption => ({
  names: names.split('/'),
  ...(row ? { row } : {}),
  ...extra,
});
const r = releaseRow;
const IFACE = 'esxcli network ip interface';

const TAG_VALUES: Record<string, ReleaseRow> = Object.fromEntries(
  RELEASE_ROWS.filter((x) => x.command === `${IFACE} tag add` && x.option?.startsWith('-t ')).map((x) => [x.option!.slice(3), x]),
);

/**
 * Every esxcli command a plan may print, with its options. Options without a row are in the 5.0 signature quoted
 * in the command's own row (e.g. `set(self, interfacename, type, ipv4=None, netmask=None, peerdns=None)`); the
 * short aliases come from usage, as the table notes.
 */
export const ESXCLI_TREE: readonly TreeCommand[] = [
  { path: 'network ip interface list', row: r(`${IFACE} list`), options: [o('-N/--netstack', r(`${IFACE} list`, '-N/--netstack'))] },
  {
    path: 'network ip interface add',
    row: r(`${IFACE} add`),
    options: [
      o('-i/--interface-name'),
      o('-p/--portgroup-name', r(`${IFACE} add`, '-p/--portgroup-name')),
      o('-m/--mtu', r(`${IFACE} add`, '-m/--mtu')),
      o('-M/--mac-address'),
      o('-N/--netstack', r(`${IFACE} add`, '-N/--netstack')),
      o('-s/--dvs-name', r(`${IFACE} add`, '-s/--dvs-name')),
      o('-v/--dvport-id', r(`${IFACE} add`, '-v/--dvport-id')),
    ],
  },
  { path: 'network ip interface remove', row: r(`${IFACE} remove`), options: [o('-i/--interface-name')] },
  {
    path: 'network ip interface set',
    row: r(`${IFACE} set`),
    options: [o('-i/--interface-name'), o('-m/--mtu', r(`${IFACE} set`, '-m/--mtu')), o('-e/--enabled', r(`${IFACE} set`, '-e/--enabled'))],
  },
  { path: 'network ip interface ipv4 get', row: r(`${IFACE} ipv4 get`), options: [o('-i/--interface-name')] },
  {
    path: 'network ip interface ipv4 set',
    row: r(`${IFACE} ipv4 set`),
    options: [
      o('-i/--interface-name'),
      o('-t/--type'),
      o('-I/--ipv4'),
      o('-N/--netmask'),
      o('-P/--peer-dns'),
      o('-g/--gateway', r(`${IFACE} ipv4 set`, '-g/--gateway')),
    ],
  },
  ...(['add', 'remove'] as const).map((verb) => ({
    path: `network ip interface tag ${verb}`,
    row: r(`${IFACE} tag ${verb}`),
    options: [o('-i/--interface-name'), o('-t/--tagname', undefined, { values: TAG_VALUES })],
  })),
  { path: 'network ip interface tag get', row: r(`${IFACE} tag get`), options: [o('-i/--interface-name')] },
  { path: 'network ip netstack list', row: r('esxcli network ip netstack list'), options: [] },
  { path: 'network ip netstack add', row: r('esxcli network ip netstack add'), options: [o('-N/--netstack')] },
  ...(['list', 'add', 'remove'] as const).map((verb) => ({
    path: `network ip route ipv4 ${verb}`,
    row: r(`esxcli network ip route ipv4 ${verb}`),
    options: [
      ...(verb === 'list' ? [] : [o('-n/--network'), o('-g/--gateway')]),
      o('-N/--netstack', r(`esxcli network ip route ipv4 ${verb}`, '-N/--netstack')),
    ],
  })),
  {
    path: 'network ip connection list',
    row: r('esxcli network ip connection list'),
    options: [o('-t/--type'), o('-N/--netstack', r('esxcli network ip connection list', '-N/--netstack'))],
  },
  {
    path: 'network ip neighbor list',
    row: r('esxcli network ip neighbor list'),
    options: [o('-v/--version'), o('-N/--netstack', r('esxcli network ip neighbor list', '-N/--netstack'))],
  },
  { path: 'network vswitch standard list', row: r('esxcli network vswitch standard list'), options: [o('-v/--vswitch-name')] },
  {
    path: 'network vswitch standard set',
    row: r('esxcli network vswitch standard set', '-m/--mtu'),
    options: [o('-v/--vswitch-name'), o('-m/--mtu'), o('-c/--cdp-status')],
  },
  {
    path: 'network vswitch standard portgroup add',
    row: r('esxcli network vswitch standard portgroup add'),
    options: [o('-p/--portgroup-name'), o('-v/--vswitch-name')],
  },
  {
    path: 'network vswitch standard portgroup remove',
    row: r('esxcli network vswitch standard portgroup remove'),
    options: [o('-p/--portgroup-name'), o('-v/--vswitch-name')],
  },
  {
    path: 'network vswitch standard portgroup set',
    row: r('esxcli network vswitch standard portgroup set', '-v/--vlan-id'),
    options: [o('-p/--portgroup-name'), o('-v/--vlan-id')],
  },
  {
    path: 'network vswitch standard portgroup policy failover get',
    row: r('esxcli network vswitch standard portgroup policy failover get'),
    options: [o('-p/--portgroup-name')],
  },
  {
    path: 'network vswitch standard portgroup policy failover set',
    row: r('esxcli network vswitch standard portgroup policy failover set', '-a/--active-uplinks'),
    options: [
      o('-p/--portgroup-name'),
      o('-a/--active-uplinks', r('esxcli network vswitch standard portgroup policy failover set', '-a/--active-uplinks')),
      o('-s/--standby-uplinks', r('esxcli network vswitch standard portgroup policy failover set', '-s/--standby-uplinks')),
    ],
  },
  { path: 'network vswitch dvs vmware list', row: r('esxcli network vswitch dvs vmware list'), options: [o('-v/--vds-name')] },
  {
    path: 'system settings advanced list',
    row: r('esxcli system settings advanced list'),
    options: [o('-o/--option'), o('-t/--tree')],
  },
  {
    path: 'system settings advanced set',
    row: r('esxcli system settings advanced set', '-o/--option'),
    options: [
      o('-o/--option', r('esxcli system settings advanced set', '-o/--option')),
      o('-i/--int-value', r('esxcli system settings advanced set', '-i/--int-value')),
      o('-s/--string-value', r('esxcli system settings advanced set', '-s/--string-value')),
      o('-d/--default', r('esxcli system settings advanced set', '-d/--default'), { flag: true }),
    ],
  },
];
