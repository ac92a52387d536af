/**
 * `esxcli network ip route ipv4 list [-N stack]` (also `--netstack=vmotion`, and `localcli`, which prints the
 * same), domain.md §4.6: `Network  Netmask  Gateway  Interface  Source` with a dash ruler. Connected routes show
 * gateway `0.0.0.0`; `default` is read as network `0.0.0.0`. The printed order is kept as evidence, although in
 * this view it is not the lookup order (the default route may come first): the analysis uses longest prefix.
 */
import type { RouteTable } from './records.ts';
import { fail, ok } from './types.ts';
import type { CommandParser } from './types.ts';
import { headerAt, noHeader } from './columns.ts';
import { definedOnly, esxcliArgs, readOptions } from './values.ts';
import { netstackOption, readRoutes, ROUTE_VOCABULARY } from './esxcfg-route.ts';

function listOptions(command: string): ReadonlyMap<string, string | true> | undefined {
  const args = esxcliArgs(command, [['network', 'ip', 'route', 'ipv4', 'list']]);
  return args === undefined ? undefined : readOptions(args, [{ key: 'netstack', names: ['-N', '--netstack'], takesValue: true }]);
}

export const routeIpv4ListParser: CommandParser<'route-ipv4-list', RouteTable> = {
  kind: 'route-ipv4-list',

  matchesCommand(command) {
    return listOptions(command) !== undefined;
  },

  startsAt(lines, start) {
    // esxcli prints a Source column and a dash ruler; esxcfg-route prints neither.
    const header = headerAt(lines, start, ROUTE_VOCABULARY, true);
    if (header === undefined) return false;
    const ruler = header.layout.lines.length > 1;
    return ruler || header.layout.columns.some((c) => c.spec?.key === 'source');
  },

  parse(block) {
    const read = readRoutes(block);
    if (read === undefined) {
      const missing = noHeader(block.lines, ROUTE_VOCABULARY, 'esxcli network ip route ipv4 list');
      return fail(missing.line, missing.message);
    }
    const netstack = block.command === undefined ? undefined : netstackOption(listOptions(block.command));
    return ok(
      definedOnly({ netstack, format: 'esxcli' as const, routes: read.routes }),
      [...read.warnings].sort((a, b) => a.line - b.line),
    );
  },
};
