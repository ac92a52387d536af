/**
 * `vmware -v` / `-l` / `-vl` / `-lv` (domain.md §4.11): `VMware ESXi 7.0.3 build-22348816` (`-v`) and/or
 * `VMware ESXi 7.0 Update 3` (`-l`; `GA` on a first release). ESX 4.x prints `VMware ESX 4.1.0 build-260247`.
 * One pair of lines is one host: a second build line is another host's and is never merged (§4.11).
 */
import type { VersionRecord } from './records.ts';
import { fail, ok, refOf } from './types.ts';
import type { CommandParser, Line, ParserWarning } from './types.ts';
import { commandWords, firstTextLine } from './key-value.ts';

const BUILD_LINE = /^\s*(VMware\s+ESXi?)\s+(\d+(?:\.\d+){1,3})\s+build-(\d+)\s*$/i;
const LEVEL_LINE = /^\s*(VMware\s+ESXi?)\s+(\d+(?:\.\d+){1,3})\s+(GA|Update\s+\d+\w*)\s*$/i;

interface BuildInfo {
  readonly line: Line;
  readonly product: string;
  readonly version: string;
  readonly build: string;
}

interface LevelInfo {
  readonly line: Line;
  readonly product: string;
  readonly version: string;
  /** `0` for GA, as `esxcli system version get` prints it. */
  readonly update: string;
}

function buildOf(line: Line | undefined): BuildInfo | undefined {
  const m = line === undefined ? null : BUILD_LINE.exec(line.text);
  if (!m || !line) return undefined;
  return { line, product: productName(m[1] ?? ''), version: m[2] ?? '', build: m[3] ?? '' };
}

function levelOf(line: Line | undefined): LevelInfo | undefined {
  const m = line === undefined ? null : LEVEL_LINE.exec(line.text);
  if (!m || !line) return undefined;
  const level = m[3] ?? '';
  const update = /^ga$/i.test(level) ? '0' : level.replace(/^update\s+/i, '');
  return { line, product: productName(m[1] ?? ''), version: m[2] ?? '', update };
}

function productName(text: string): string {
  return /esxi$/i.test(text) ? 'VMware ESXi' : 'VMware ESX';
}

function isVersionLine(line: Line | undefined): boolean {
  return buildOf(line) !== undefined || levelOf(line) !== undefined;
}

/** One host's `-vl`/`-lv` output: a build line and a level line of the same release, in either order. */
function pairs(a: Line | undefined, b: Line | undefined): boolean {
  const build = buildOf(a) ?? buildOf(b);
  const level = levelOf(a) ?? levelOf(b);
  return build !== undefined && level !== undefined && sameRelease(build.version, level.version);
}

/** `7.0.3` and `7.0` describe the same release line; `6.5.0` and `7.0` do not. */
function sameRelease(a: string, b: string): boolean {
  return a.split('.').slice(0, 2).join('.') === b.split('.').slice(0, 2).join('.');
}

export const vmwareVersionParser: CommandParser<'vmware-version', VersionRecord> = {
  kind: 'vmware-version',

  matchesCommand(command) {
    const words = commandWords(command);
    if (words[0] !== 'vmware' || words.length < 2) return false;
    return words.slice(1).every((w) => /^-[vl]+$/.test(w) || /^--(version|level)$/i.test(w));
  },

  startsAt(lines, start) {
    if (!isVersionLine(lines[start])) return false;
    // Pair the run of version lines from its top (`-vl` or `-lv`: one build and one level line of the same
    // release); `start` begins an output unless it is the second line of such a pair.
    let i = start;
    while (i > 0 && start - i < 64 && isVersionLine(lines[i - 1])) i--;
    while (i < start) i += pairs(lines[i], lines[i + 1]) ? 2 : 1;
    return i === start;
  },

  parse(block) {
    const warnings: ParserWarning[] = [];
    let build: BuildInfo | undefined;
    let level: LevelInfo | undefined;
    for (const line of block.lines) {
      if (line.text.trim() === '') continue;
      const b = buildOf(line);
      const l = b ? undefined : levelOf(line);
      if (b && build === undefined && (level === undefined || sameRelease(level.version, b.version))) {
        build = b;
      } else if (l && level === undefined && (build === undefined || sameRelease(build.version, l.version))) {
        level = l;
      } else if (b || l) {
        warnings.push({ line: line.n, message: `A second version line, probably another host's; not merged: "${line.text.trim()}".` });
      } else {
        warnings.push({ line: line.n, message: `Line not understood in vmware -v output, skipped: "${line.text.trim()}".` });
      }
    }
    if (build === undefined && level === undefined) {
      return fail(
        firstTextLine(block.lines),
        'No version line found: expected "VMware ESXi 7.0.3 build-22348816" and/or "VMware ESXi 7.0 Update 3" (vmware -vl).',
        warnings,
      );
    }
    const refs = [build, level]
      .filter((x): x is BuildInfo | LevelInfo => x !== undefined)
      .sort((a, b) => a.line.n - b.line.n)
      .map((x) => refOf(block, x.line));
    const record: VersionRecord = {
      product: build?.product ?? level?.product ?? 'VMware ESXi',
      // The build line has the full x.y.z; the level line alone only x.y (§4.11 / records.ts).
      version: build?.version ?? level?.version ?? '',
      ...(level !== undefined ? { update: level.update } : {}),
      ...(build !== undefined ? { build: build.build } : {}),
      refs,
    };
    return ok(record, warnings);
  },
};
