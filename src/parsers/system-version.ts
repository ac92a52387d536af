/**
 * `esxcli system version get` (domain.md §4.11): `Product: VMware ESXi`, `Version: 8.0.3`,
 * `Build: Releasebuild-24859861`, `Update: 3`, `Patch: …`. The build is kept as its number, as `vmware -v` gives it,
 * so both commands yield the same record; letter releases (7.0 U3o) are only recoverable from that number.
 */
import type { VersionRecord } from './records.ts';
import { fail, ok, refOf } from './types.ts';
import type { CommandParser, ParserWarning } from './types.ts';
import { fieldOf, firstTextLine, groupFields, isEsxcli, valueOf } from './key-value.ts';

const PRODUCT_FIELD = /^\s*Product\s*:/;
const VERSION_FIELD = /^\s*Version\s*:/;
const KNOWN_KEYS = new Set(['product', 'version', 'build', 'update', 'patch']);

export const systemVersionParser: CommandParser<'system-version', VersionRecord> = {
  kind: 'system-version',

  matchesCommand(command) {
    return isEsxcli(command, ['system', 'version', 'get']);
  },

  startsAt(lines, start) {
    return PRODUCT_FIELD.test(lines[start]?.text ?? '') && VERSION_FIELD.test(lines[start + 1]?.text ?? '');
  },

  parse(block) {
    const warnings: ParserWarning[] = [];
    const { blocks, stray } = groupFields(block.lines, { firstKey: 'product' });
    for (const line of stray) {
      warnings.push({ line: line.n, message: `Line not understood in system version output, skipped: "${line.text.trim()}".` });
    }
    const b = blocks.find((x) => x.fields.some((f) => f.key === 'version' || f.key === 'product'));
    if (b === undefined || valueOf(b, 'version') === undefined) {
      return fail(
        firstTextLine(block.lines),
        'No version found: expected "Product: VMware ESXi" and "Version: 8.0.3" lines (esxcli system version get).',
        warnings,
      );
    }
    for (const other of blocks) {
      if (other === b) continue;
      const at = other.fields[0]?.line.n ?? firstTextLine(block.lines);
      warnings.push({ line: at, message: 'A second version block, probably another host\'s; not merged.' });
    }
    const product = valueOf(b, 'product');
    if (product === undefined) {
      warnings.push({ line: b.fields[0]?.line.n ?? firstTextLine(block.lines), message: 'No "Product:" line; VMware ESXi assumed (esxcli system version get runs on ESXi).' });
    }
    const buildText = valueOf(b, 'build');
    const build = buildText === undefined ? undefined : /(\d+)\s*$/.exec(buildText)?.[1];
    if (buildText !== undefined && build === undefined) {
      warnings.push({ line: fieldOf(b, 'build')?.line.n ?? firstTextLine(block.lines), message: `Build "${buildText}" has no build number; ignored.` });
    }
    const update = valueOf(b, 'update');
    const record: VersionRecord = {
      product: product ?? 'VMware ESXi',
      version: valueOf(b, 'version'),
      ...(update !== undefined ? { update } : {}),
      ...(build !== undefined ? { build } : {}),
      refs: b.fields.filter((f) => KNOWN_KEYS.has(f.key) && f.key !== 'patch').map((f) => refOf(block, f.line)),
    };
    return ok(record, warnings);
  },
};
