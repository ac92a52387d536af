/**
 * ESXi releases, the build table and the version-dependent defaults the path analysis needs
 * (domain.md §1.4, §1.7 D2 and E2).
 *
 * Every default here is data taken from William Lam's dumps of ESXi advanced-setting defaults (source key LAMW,
 * github.com/lamw/esxi-advanced-and-kernel-settings, commit ad6c045): each row of BUILD_TABLE is one dump file, with
 * the build number, Migrate.BindToVmknic default/maximum and whether Migrate.AutoBindVmknic exists, exactly as that
 * dump prints them. Builds that no dump covers get an answer by rule (probable) or no answer at all (uncertain),
 * never a guess presented as fact (domain.md §5.1).
 */
import type { HostVersion } from './model/host.ts';

/** One ESXi release as far as the evidence tells it. */
export interface EsxiRelease {
  readonly major: number;
  readonly minor: number;
  /** Third version component (`7.0.3` → 3). 0 when the version string had none (see `patchAssumed`). */
  readonly patch: number;
  readonly build?: number;
  /** Update number; 0 = GA. From 7.0 on the patch component carries it (`7.0.3` is 7.0 Update 3, domain.md §4.11). */
  readonly update?: number;
  /** Patch-release letter (`d` in 6.5d, 7.0 U3d); only known when typed or when the build is in BUILD_TABLE. */
  readonly letter?: string;
  /**
   * True when the version string had no patch component and nothing else supplied it (`7.0` alone): 0 was assumed.
   * Matters from 7.0 on, where `7.0` may be GA or Update 3.
   */
  readonly patchAssumed?: boolean;
}

/** Whether Migrate.AutoBindVmknic exists in a dumped build (domain.md §1.4: present up to 7.0 U2, gone from 7.0 U3d). */
export type AutoBindPresence = 'present' | 'absent';

/** One LAMW dump: a build and the defaults that dump prints. */
export interface BuildEntry {
  readonly build: number;
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
  readonly update?: number;
  readonly letter?: string;
  /** Release name as VMware/LAMW write it, e.g. `7.0 U3d`. */
  readonly name: string;
  /** Migrate.BindToVmknic `Default Int Value` in the dump. */
  readonly bindToVmknicDefault: 2 | 3;
  /** Migrate.BindToVmknic `Max Value` in the dump (6.0 U3 stops at 2: no "always bind"). */
  readonly bindToVmknicMax: 2 | 3;
  /** Migrate.AutoBindVmknic in the dump; where present its default is 1. */
  readonly autoBindVmknic: AutoBindPresence;
}

function entry(
  build: number,
  version: readonly [number, number, number],
  name: string,
  update: number | undefined,
  letter: string | undefined,
  bind: 2 | 3,
  autoBind: AutoBindPresence,
): BuildEntry {
  const [major, minor, patch] = version;
  return {
    build,
    major,
    minor,
    patch,
    ...(update === undefined ? {} : { update }),
    ...(letter === undefined ? {} : { letter }),
    name,
    bindToVmknicDefault: bind,
    bindToVmknicMax: bind,
    autoBindVmknic: autoBind,
  };
}

/**
 * Every dumped build (LAMW, one row per `esxi-*-advanced-settings.md` file; build numbers from each file's title).
 * 22348816 is the build of the BYOI sample (`VMware ESXi 7.0.3 build-22348816`); its dump names it 7.0 U3o.
 */
export const BUILD_TABLE: readonly BuildEntry[] = [
  entry(5050593, [6, 0, 0], '6.0 U3', 3, undefined, 2, 'present'),
  entry(5310538, [6, 5, 0], '6.5d', 0, 'd', 3, 'present'),
  entry(5969303, [6, 5, 0], '6.5 U1', 1, undefined, 3, 'present'),
  entry(8294253, [6, 5, 0], '6.5 U2', 2, undefined, 3, 'present'),
  entry(8169922, [6, 7, 0], '6.7 GA', 0, undefined, 3, 'present'),
  entry(10302608, [6, 7, 0], '6.7 U1', 1, undefined, 3, 'present'),
  entry(13006603, [6, 7, 0], '6.7 U2', 2, undefined, 3, 'present'),
  entry(14320388, [6, 7, 0], '6.7 U3', 3, undefined, 3, 'present'),
  entry(15843807, [7, 0, 0], '7.0 GA', 0, undefined, 3, 'present'),
  entry(16850804, [7, 0, 1], '7.0 U1', 1, undefined, 3, 'present'),
  entry(17630552, [7, 0, 2], '7.0 U2', 2, undefined, 3, 'present'),
  entry(19482537, [7, 0, 3], '7.0 U3d', 3, 'd', 3, 'absent'),
  entry(19898904, [7, 0, 3], '7.0 U3e', 3, 'e', 3, 'absent'),
  entry(20036589, [7, 0, 3], '7.0 U3f', 3, 'f', 3, 'absent'),
  entry(20328353, [7, 0, 3], '7.0 U3g', 3, 'g', 3, 'absent'),
  entry(20842708, [7, 0, 3], '7.0 U3i', 3, 'i', 3, 'absent'),
  entry(21053776, [7, 0, 3], '7.0 U3j', 3, 'j', 3, 'absent'),
  entry(21313628, [7, 0, 3], '7.0 U3k', 3, 'k', 3, 'absent'),
  entry(21424296, [7, 0, 3], '7.0 U3l', 3, 'l', 3, 'absent'),
  entry(21686933, [7, 0, 3], '7.0 U3m', 3, 'm', 3, 'absent'),
  entry(21930508, [7, 0, 3], '7.0 U3n', 3, 'n', 3, 'absent'),
  entry(22348816, [7, 0, 3], '7.0 U3o', 3, 'o', 3, 'absent'),
  entry(23307199, [7, 0, 3], '7.0 U3p', 3, 'p', 3, 'absent'),
  entry(23794027, [7, 0, 3], '7.0 U3q', 3, 'q', 3, 'absent'),
  entry(24411414, [7, 0, 3], '7.0 U3r', 3, 'r', 3, 'absent'),
  entry(20513097, [8, 0, 0], '8.0 GA', 0, undefined, 3, 'absent'),
  entry(20842819, [8, 0, 0], '8.0a', 0, 'a', 3, 'absent'),
  entry(21203435, [8, 0, 0], '8.0b', 0, 'b', 3, 'absent'),
  entry(21493926, [8, 0, 0], '8.0c', 0, 'c', 3, 'absent'),
  entry(21495797, [8, 0, 1], '8.0 U1', 1, undefined, 3, 'absent'),
  entry(23299997, [8, 0, 1], '8.0 U1d', 1, 'd', 3, 'absent'),
  entry(22380479, [8, 0, 2], '8.0 U2', 2, undefined, 3, 'absent'),
  entry(23305546, [8, 0, 2], '8.0 U2b', 2, 'b', 3, 'absent'),
  entry(24022510, [8, 0, 3], '8.0 U3', 3, undefined, 3, 'absent'),
  entry(24280767, [8, 0, 3], '8.0 U3b', 3, 'b', 3, 'absent'),
  entry(24414501, [8, 0, 3], '8.0 U3c', 3, 'c', 3, 'absent'),
  entry(24585383, [8, 0, 3], '8.0 U3d', 3, 'd', 3, 'absent'),
  entry(24674464, [8, 0, 3], '8.0 U3e', 3, 'e', 3, 'absent'),
  entry(24784735, [8, 0, 3], '8.0 U3f', 3, 'f', 3, 'absent'),
  entry(24859861, [8, 0, 3], '8.0 U3g', 3, 'g', 3, 'absent'),
  entry(24755229, [9, 0, 0], '9.0.0', undefined, undefined, 3, 'absent'),
  entry(24957456, [9, 0, 1], '9.0.1', undefined, undefined, 3, 'absent'),
];

/** The command that settles BindToVmknic on any build (domain.md §1.7 D7). */
export const BIND_TO_VMKNIC_COMMAND = 'esxcfg-advcfg -g /Migrate/BindToVmknic';
/** Its esxcli twin; also prints `Default Int Value`, i.e. the build's own default (domain.md §4.8). */
export const BIND_TO_VMKNIC_ESXCLI = 'esxcli system settings advanced list -o /Migrate/BindToVmknic';
const AUTOBIND_ESXCLI = 'esxcli system settings advanced list -o /Migrate/AutoBindVmknic';

/** First 6.5 build with a dump (6.5d): BindToVmknic 3 is known from here on (domain.md §1.4). */
const FIRST_DUMPED_65 = 5310538;
/** 6.0 U3, the first build known to have AutoBindVmknic (domain.md §1.4). */
const BUILD_60U3 = 5050593;
/** 7.0 U2, the last dump with AutoBindVmknic (domain.md §1.4). */
const BUILD_70U2 = 17630552;
/** 7.0 U3d, the first dump without AutoBindVmknic (domain.md §1.4). */
const BUILD_70U3D = 19482537;

// ---------------------------------------------------------------------------------------------------------------
// Parsing

const BUILD_RE = /(\d{4,})/;

function parseBuild(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const m = BUILD_RE.exec(text);
  return m?.[1] === undefined ? undefined : Number(m[1]);
}

/** `3`, `Update 3`, `U3`, `U3d`, `GA` → update (and letter). */
function parseUpdate(text: string | undefined): { update?: number; letter?: string } {
  if (text === undefined) return {};
  const t = text.trim();
  if (/^ga$/i.test(t)) return { update: 0 };
  const m = /^(?:update\s*|u)?(\d+)\s*([a-z])?$/i.exec(t);
  if (!m?.[1]) return {};
  return { update: Number(m[1]), ...(m[2] ? { letter: m[2].toLowerCase() } : {}) };
}

function findEntry(build: number | undefined): BuildEntry | undefined {
  return build === undefined ? undefined : BUILD_TABLE.find((e) => e.build === build);
}

/**
 * Reads a release from the pieces the parsers hand over: `vmware -v` (`7.0.3`, `6.5.0`), `vmware -l` (`7.0` +
 * `Update 3`), `esxcli system version get` (`8.0.3`, `Releasebuild-24859861`, `3`). Also tolerates what a person
 * types in the wizard (`VMware ESXi 7.0.3 build-22348816`, `7.0 U3d`, `6.5d`).
 * A build found in BUILD_TABLE fills in what the version text left out (patch, update, letter).
 * Returns undefined when no major.minor can be read and the build is not in the table.
 */
export function parseRelease(version: string | undefined, build?: string, update?: string): EsxiRelease | undefined {
  const text = (version ?? '').trim().replace(/^(?:vmware\s+)?esxi?\s*/i, '');
  // `6.5d`, `6.5.0d`, `8.0a`: a single letter glued to the version is a patch-release letter.
  const m = /^(\d+)\.(\d+)(?:\.(\d+))?(?:\.\d+)*(?:([a-z])(?![a-z\d]))?/i.exec(text);
  const rest = m ? text.slice(m[0].length) : '';

  let buildNo = parseBuild(build);
  if (buildNo === undefined) {
    const b = /(?:release)?build[-\s]*(\d+)/i.exec(rest);
    if (b?.[1]) buildNo = Number(b[1]);
  }
  const known = findEntry(buildNo);

  if (!m?.[1] || !m[2]) {
    if (!known) return undefined;
    return releaseOfEntry(known);
  }
  const major = Number(m[1]);
  const minor = Number(m[2]);
  const patchText = m[3];

  let upd = parseUpdate(update);
  if (upd.update === undefined) {
    const u = /\b(?:update\s*(\d+)|u(\d+)([a-z])?)\b/i.exec(rest);
    if (u) upd = { update: Number(u[1] ?? u[2]), ...(u[3] ? { letter: u[3].toLowerCase() } : {}) };
    else if (/\bGA\b/i.test(rest)) upd = { update: 0 };
  }
  let letter = upd.letter ?? (m[4] ? m[4].toLowerCase() : undefined);
  let updateNo = upd.update;
  if (updateNo === undefined && m[4]) updateNo = 0; // `6.5d`: a letter straight after the version is a GA patch

  let patch = patchText === undefined ? undefined : Number(patchText);
  // From 7.0 the third component is the update (7.0.3 = 7.0 Update 3, 8.0.3 = 8.0 Update 3; domain.md §4.11).
  const patchIsUpdate = major === 7 || major === 8;
  if (patchIsUpdate && patch === undefined && updateNo !== undefined) patch = updateNo;
  if (patchIsUpdate && patch !== undefined && updateNo === undefined) updateNo = patch;

  if (known && known.major === major && known.minor === minor) {
    if (patch === undefined) patch = known.patch;
    if (updateNo === undefined && known.update !== undefined) updateNo = known.update;
    if (letter === undefined && known.letter !== undefined) letter = known.letter;
  }
  return {
    major,
    minor,
    patch: patch ?? 0,
    ...(buildNo === undefined ? {} : { build: buildNo }),
    ...(updateNo === undefined ? {} : { update: updateNo }),
    ...(letter === undefined ? {} : { letter }),
    ...(patch === undefined ? { patchAssumed: true } : {}),
  };
}

function releaseOfEntry(e: BuildEntry): EsxiRelease {
  return {
    major: e.major,
    minor: e.minor,
    patch: e.patch,
    build: e.build,
    ...(e.update === undefined ? {} : { update: e.update }),
    ...(e.letter === undefined ? {} : { letter: e.letter }),
  };
}

/** Convenience for the analysis: the host model's version record → release. */
export function releaseFromHostVersion(version: HostVersion | undefined): EsxiRelease | undefined {
  if (!version) return undefined;
  return parseRelease(version.version, version.build, version.update);
}

// ---------------------------------------------------------------------------------------------------------------
// Ordering and naming

function cmp(a: number, b: number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Orders releases: (major, minor, patch) first, then update and letter where both sides know them, build last.
 * Builds are not monotonic across lines (9.0.0 24755229 < 8.0 U3f 24784735, 8.0 U2 22380479 < 8.0 U1d 23299997),
 * so the build only breaks ties inside one version line (domain.md §1.4). 0 when the evidence cannot tell them apart.
 */
export function compareRelease(a: EsxiRelease, b: EsxiRelease): number {
  return (
    cmp(a.major, b.major) ||
    cmp(a.minor, b.minor) ||
    cmp(a.patch, b.patch) ||
    (a.update !== undefined && b.update !== undefined ? cmp(a.update, b.update) : 0) ||
    (a.letter !== undefined && b.letter !== undefined && a.update === b.update ? cmp(letterRank(a), letterRank(b)) : 0) ||
    (a.build !== undefined && b.build !== undefined ? cmp(a.build, b.build) : 0)
  );
}

function letterRank(r: EsxiRelease): number {
  return r.letter ? r.letter.charCodeAt(0) : 0;
}

/** The table entry for this release's build, if the build was dumped and belongs to the same line. */
export function buildEntryOf(release: EsxiRelease | undefined): BuildEntry | undefined {
  const e = findEntry(release?.build);
  return e && release && e.major === release.major && e.minor === release.minor ? e : undefined;
}

/**
 * A name for reports: `ESXi 7.0 U3d (build 19482537)` for a known build, otherwise the version as read,
 * e.g. `ESXi 7.0.3 build 22222222`, `ESXi 6.5.0 U1`, `ESXi 6.5.0d`.
 */
export function releaseName(release: EsxiRelease): string {
  const known = buildEntryOf(release);
  if (known) return `ESXi ${known.name} (build ${known.build})`;
  const named = entryByName(release);
  if (named) return `ESXi ${named.name}`;
  let text = `ESXi ${release.major}.${release.minor}${release.patchAssumed ? '' : `.${release.patch}`}`;
  const update = release.update;
  const letter = release.letter ?? '';
  // From 7.0 the patch already says the update; repeat it only to attach a letter.
  const patchCarriesUpdate = release.major >= 7 && !release.patchAssumed;
  if (update !== undefined && update > 0 && (!patchCarriesUpdate || letter)) text += ` U${update}${letter}`;
  else if (letter) text += letter;
  if (release.build !== undefined) text += ` build ${release.build}`;
  return text;
}

// ---------------------------------------------------------------------------------------------------------------
// Migrate.BindToVmknic default (domain.md §1.4, §1.7 D2)

export type BindToVmknicDefault =
  | { readonly value: 2 | 3; readonly certainty: 'definite' | 'probable'; readonly note: string }
  | { readonly value: undefined; readonly certainty: 'uncertain'; readonly note: string };

const CHANGEABLE =
  `The host's current value may differ from the default; \`${BIND_TO_VMKNIC_COMMAND}\` shows it.`;

function probable(value: 2 | 3, why: string): BindToVmknicDefault {
  return { value, certainty: 'probable', note: `${why} ${CHANGEABLE}` };
}

function unknownBind(why: string): BindToVmknicDefault {
  return {
    value: undefined,
    certainty: 'uncertain',
    note: `${why} Run \`${BIND_TO_VMKNIC_COMMAND}\` (or \`${BIND_TO_VMKNIC_ESXCLI}\`) on the host to settle it.`,
  };
}

/** The dumped release a typed name such as `7.0 U3d` denotes, when the letter makes it unique. */
function entryByName(release: EsxiRelease): BuildEntry | undefined {
  if (release.build !== undefined || release.letter === undefined || release.update === undefined) return undefined;
  return BUILD_TABLE.find(
    (e) =>
      e.major === release.major &&
      e.minor === release.minor &&
      e.update === release.update &&
      e.letter === release.letter &&
      (release.patchAssumed || e.patch === release.patch),
  );
}

/**
 * The build default of Migrate.BindToVmknic. `definite` means the build's default is known from a dump; the caller
 * still marks the effective value probable, because someone may have changed it (domain.md §1.7 D2).
 */
export function bindToVmknicDefault(release: EsxiRelease | undefined): BindToVmknicDefault {
  if (!release) {
    return unknownBind(
      'The ESXi version is not known, and the BindToVmknic default depends on the build. Paste `vmware -vl` to identify it.',
    );
  }
  const known = buildEntryOf(release) ?? entryByName(release);
  if (known) {
    return {
      value: known.bindToVmknicDefault,
      certainty: 'definite',
      note: `ESXi ${known.name} (build ${known.build}) ships with BindToVmknic ${known.bindToVmknicDefault} (LAMW dump). ${CHANGEABLE}`,
    };
  }
  const { major, minor } = release;
  const name = releaseName(release);
  if (major >= 10) return unknownBind(`${name} is newer than every dumped build (the newest is 9.0.1).`);
  if (major === 9 || major === 8 || major === 7) {
    if (major === 7 && minor === 0 && !release.patchAssumed && release.patch === 3 && isBefore70U3d(release)) {
      return probable(
        3,
        `${name} (7.0 U3–U3c) is not dumped, but it lies between the 7.0 U2 and 7.0 U3d dumps, which both default to 3.`,
      );
    }
    return probable(3, `${name} is not among the dumped builds; every dumped ${major}.x build defaults to 3.`);
  }
  if (major === 6 && minor === 7) {
    return probable(3, `${name} is not among the dumped builds; every dumped 6.7 build defaults to 3.`);
  }
  if (major === 6 && minor === 5) {
    if (release.build !== undefined) {
      if (release.build >= FIRST_DUMPED_65) {
        return probable(3, `${name} is a 6.5 build from 6.5d on; the 6.5d, 6.5 U1 and 6.5 U2 dumps all default to 3.`);
      }
      return unknownBind(
        `${name} is older than 6.5d (build ${FIRST_DUMPED_65}): the value 3 ("always bind") arrived with 6.5, but no dump of 6.5 GA–6.5c exists, so its default is unknown.`,
      );
    }
    if ((release.update ?? 0) >= 1 || (release.update === 0 && release.letter !== undefined && release.letter >= 'd')) {
      return probable(3, `${name} is 6.5d or later; the 6.5d, 6.5 U1 and 6.5 U2 dumps all default to 3.`);
    }
    return unknownBind(
      `${name} without a build number: the default is 3 from 6.5d (build ${FIRST_DUMPED_65}) on and unknown before it.`,
    );
  }
  if (major === 6 && minor === 0) {
    const when =
      release.build === undefined
        ? 'a 6.0 release without a build number'
        : release.build > BUILD_60U3
          ? 'a 6.0 patch after U3'
          : 'a 6.0 build before U3';
    return probable(2, `${name} is ${when}; only 6.0 U3 is dumped (default 2, maximum 2), and other 6.0 builds are assumed the same.`);
  }
  if (major <= 5) {
    return unknownBind(
      `No dump of ${major}.x defaults exists, and the meaning of the values on ${major}.x is itself unsure (Chan set 1 on 5.0 to force binding).`,
    );
  }
  return unknownBind(`${name} is not a release line the BindToVmknic rules cover.`);
}

function isBefore70U3d(release: EsxiRelease): boolean {
  if (release.build !== undefined) return release.build < BUILD_70U3D;
  return release.letter === undefined || release.letter < 'd';
}

// ---------------------------------------------------------------------------------------------------------------
// Migrate.AutoBindVmknic (domain.md §1.4, §1.7 E2)

export type AutoBindVmknicDefault =
  | {
      readonly status: 'present';
      readonly defaultValue: 1;
      readonly certainty: 'definite' | 'probable';
      readonly note: string;
    }
  | { readonly status: 'absent'; readonly certainty: 'definite' | 'probable'; readonly note: string }
  | { readonly status: 'not-present-old'; readonly certainty: 'probable'; readonly note: string }
  | { readonly status: 'unknown'; readonly certainty: 'uncertain'; readonly note: string };

function present(certainty: 'definite' | 'probable', why: string): AutoBindVmknicDefault {
  return {
    status: 'present',
    defaultValue: 1,
    certainty,
    note: `${why} Default 1: the receiving host answers from the vmknic the stream arrived on. \`${AUTOBIND_ESXCLI}\` shows the current value.`,
  };
}

function absent(certainty: 'definite' | 'probable', why: string): AutoBindVmknicDefault {
  return {
    status: 'absent',
    certainty,
    note: `${why} What decides the receiving side's reply vmknic on these builds is undocumented.`,
  };
}

function unknownAutoBind(why: string): AutoBindVmknicDefault {
  return {
    status: 'unknown',
    certainty: 'uncertain',
    note: `${why} \`${AUTOBIND_ESXCLI}\` shows whether the option exists on this host.`,
  };
}

/**
 * Whether the receive-side option Migrate.AutoBindVmknic exists on this release and what it defaults to:
 * present (default 1) on 6.0 U3 … 7.0 U2, absent from 7.0 U3d on and on 8.x/9.x, not there before 6.0 U3,
 * unknown between 7.0 U2 and 7.0 U3d (7.0 U3–U3c) or when the build cannot be placed.
 */
export function autoBindVmknicDefault(release: EsxiRelease | undefined): AutoBindVmknicDefault {
  if (!release) return unknownAutoBind('The ESXi version is not known.');
  const known = buildEntryOf(release) ?? entryByName(release);
  const name = releaseName(release);
  if (known) {
    const why = `ESXi ${known.name} (build ${known.build}): LAMW dump.`;
    return known.autoBindVmknic === 'present' ? present('definite', why) : absent('definite', why);
  }
  const { major, minor } = release;
  const old: AutoBindVmknicDefault = {
    status: 'not-present-old',
    certainty: 'probable',
    note: `${name} is older than 6.0 U3 (build ${BUILD_60U3}), the first build known to have Migrate.AutoBindVmknic; replies are taken to follow the routing table.`,
  };
  if (major >= 10) return unknownAutoBind(`${name} is newer than every dumped build.`);
  if (major === 8 || major === 9) return absent('probable', `${name}: no dumped ${major}.x build has the option.`);
  if (major === 7 && minor === 0) {
    if (release.patchAssumed) {
      // No update known: only the build can place it (7.0 U2 patches reach into the 19.2M range, so the gap is real).
      if (release.build === undefined) {
        return unknownAutoBind(`${name} without update or build: 7.0 GA–U2 have the option, 7.0 U3d and later do not.`);
      }
      if (release.build <= BUILD_70U2) return present('probable', `${name}: the 7.0 GA, U1 and U2 dumps all have the option.`);
      if (release.build < BUILD_70U3D) {
        return unknownAutoBind(`${name} lies between the 7.0 U2 dump (option present) and the 7.0 U3d dump (option gone).`);
      }
      return absent('probable', `${name} is 7.0 U3d or later by build; no dump from 7.0 U3d on has the option.`);
    }
    if (release.patch < 3) return present('probable', `${name}: the 7.0 GA, U1 and U2 dumps all have the option.`);
    if (release.build !== undefined) {
      return release.build >= BUILD_70U3D
        ? absent('probable', `${name} is 7.0 U3d or later; no dump from 7.0 U3d on has the option.`)
        : unknownAutoBind(`${name} lies between the 7.0 U2 dump (option present) and the 7.0 U3d dump (option gone).`);
    }
    if (release.letter !== undefined && release.letter >= 'd') {
      return absent('probable', `${name} is 7.0 U3d or later; no dump from 7.0 U3d on has the option.`);
    }
    return unknownAutoBind(
      `${name} without a build number may be 7.0 U3–U3c (not dumped) or U3d and later (option gone).`,
    );
  }
  if (major === 6 && (minor === 7 || minor === 5)) {
    return present('probable', `${name} is not dumped, but the dumps on both sides of it have the option.`);
  }
  if (major === 6 && minor === 0) {
    if (release.build !== undefined) {
      return release.build > BUILD_60U3 ? present('probable', `${name} is a 6.0 patch after U3, which has the option.`) : old;
    }
    if (release.update !== undefined) {
      return release.update >= 3 ? present('probable', `${name}: 6.0 U3 has the option.`) : old;
    }
    return unknownAutoBind(`${name} without update or build: 6.0 U3 has the option, earlier 6.0 builds do not.`);
  }
  if (major <= 5) return old;
  return unknownAutoBind(`${name} is not a release line the AutoBindVmknic rules cover.`);
}

// ---------------------------------------------------------------------------------------------------------------
// Feature gates

function atLeast(release: EsxiRelease, major: number, minor: number): boolean {
  return release.major > major || (release.major === major && release.minor >= minor);
}

/** Encrypted vMotion exists from 6.5 (domain.md §2 VMOTION_UNENCRYPTED_ON_SHARED_NETWORK, DOC65). */
export function supportsEncryptedVmotion(release: EsxiRelease): boolean;
export function supportsEncryptedVmotion(release: EsxiRelease | undefined): boolean | undefined;
export function supportsEncryptedVmotion(release: EsxiRelease | undefined): boolean | undefined {
  return release ? atLeast(release, 6, 5) : undefined;
}

/** The built-in `vmotion` and `vSphereProvisioning` netstacks exist from 6.0 (domain.md §1.2). */
export function hasVmotionNetstack(release: EsxiRelease): boolean;
export function hasVmotionNetstack(release: EsxiRelease | undefined): boolean | undefined;
export function hasVmotionNetstack(release: EsxiRelease | undefined): boolean | undefined {
  return release ? atLeast(release, 6, 0) : undefined;
}

/** 5.x: BindToVmknic meaning unsure, one netstack (5.1 and earlier), no encrypted vMotion (domain.md §1.4, §5.1). */
export function is5x(release: EsxiRelease): boolean;
export function is5x(release: EsxiRelease | undefined): boolean | undefined;
export function is5x(release: EsxiRelease | undefined): boolean | undefined {
  return release ? release.major === 5 : undefined;
}
