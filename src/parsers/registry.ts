/**
 * Every supported command parser (domain.md §4 command table), typed so each kind maps to the record type its
 * parser returns (`RecordsByKind`). Order matters for bare text: when two parsers claim the same line, the first
 * listed wins, so the more specific outputs come first.
 */
import type { RecordsByKind } from './records.ts';
import type { CommandKind, CommandParser } from './types.ts';
import { esxcfgVmknicParser } from './esxcfg-vmknic.ts';
import { ipv4GetParser } from './ipv4-get.ts';
import { esxcfgRouteParser } from './esxcfg-route.ts';
import { routeIpv4ListParser } from './route-ipv4-list.ts';
import { esxcfgVswitchParser } from './esxcfg-vswitch.ts';
import { esxcfgNicsParser } from './esxcfg-nics.ts';
import { interfaceListParser } from './interface-list.ts';
import { tagGetParser } from './tag-get.ts';
import { netstackListParser } from './netstack-list.ts';
import { advcfgGetParser } from './advcfg-get.ts';
import { advancedListParser } from './advanced-list.ts';
import { vmwareVersionParser } from './vmware-version.ts';
import { systemVersionParser } from './system-version.ts';
import { esxConfParser } from './esx-conf.ts';
import { netconfigGetParser } from './netconfig-get.ts';
import { hostnameParser } from './hostname.ts';
import { vmkpingParser } from './vmkping.ts';

/** The parser of one kind, returning exactly that kind's record. */
export type ParserOf<K extends CommandKind> = CommandParser<K, RecordsByKind[K]>;

/** Any one parser, as a union over kinds (so `kind` narrows the record type). */
export type AnyParser = { [K in CommandKind]: ParserOf<K> }[CommandKind];

// A mapped type: the compiler checks every kind is present and its parser returns that kind's record.
const BY_KIND: { readonly [K in CommandKind]: ParserOf<K> } = {
  'esxcfg-vmknic': esxcfgVmknicParser,
  'interface-list': interfaceListParser,
  'ipv4-get': ipv4GetParser,
  'tag-get': tagGetParser,
  'esxcfg-route': esxcfgRouteParser,
  'route-ipv4-list': routeIpv4ListParser,
  'netstack-list': netstackListParser,
  'advcfg-get': advcfgGetParser,
  'advanced-list': advancedListParser,
  'esxcfg-vswitch': esxcfgVswitchParser,
  'esxcfg-nics': esxcfgNicsParser,
  'vmware-version': vmwareVersionParser,
  'system-version': systemVersionParser,
  'esx-conf': esxConfParser,
  'netconfig-get': netconfigGetParser,
  hostname: hostnameParser,
  vmkping: vmkpingParser,
};

export const PARSERS: readonly AnyParser[] = [
  esxcfgVmknicParser,
  ipv4GetParser,
  esxcfgRouteParser,
  routeIpv4ListParser,
  esxcfgVswitchParser,
  esxcfgNicsParser,
  interfaceListParser,
  tagGetParser,
  netstackListParser,
  advcfgGetParser,
  advancedListParser,
  vmwareVersionParser,
  systemVersionParser,
  esxConfParser,
  netconfigGetParser,
  hostnameParser,
  vmkpingParser,
];

export function parserFor<K extends CommandKind>(kind: K): ParserOf<K> {
  return BY_KIND[kind];
}
