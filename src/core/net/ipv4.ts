/**
 * IPv4 arithmetic for route lookups and subnet grouping. Addresses are handled as unsigned 32-bit numbers.
 */

export interface Ipv4Network {
  /** Network address as an unsigned 32-bit number. */
  readonly network: number;
  readonly prefix: number;
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** Parses dotted quad to an unsigned number; undefined for anything else. */
export function ipv4ToNumber(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const m = IPV4.exec(text.trim());
  if (!m) return undefined;
  let value = 0;
  for (let i = 1; i <= 4; i++) {
    const octet = Number(m[i]);
    if (octet > 255) return undefined;
    value = value * 256 + octet;
  }
  return value;
}

export function numberToIpv4(value: number): string {
  return [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join('.');
}

/** Prefix length of a contiguous dotted mask (`255.255.255.0` → 24); undefined for a non-contiguous mask. */
export function maskToPrefix(mask: string | undefined): number | undefined {
  const value = ipv4ToNumber(mask);
  if (value === undefined) return undefined;
  let prefix = 0;
  let bit = 0x80000000;
  while (prefix < 32 && (value & bit) !== 0) {
    prefix++;
    bit = bit >>> 1;
  }
  // Every bit after the first zero must be zero too.
  const rebuilt = prefixToMaskNumber(prefix);
  return rebuilt === value ? prefix : undefined;
}

function prefixToMaskNumber(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

export function prefixToMask(prefix: number): string {
  return numberToIpv4(prefixToMaskNumber(prefix));
}

export function networkOf(ip: string | undefined, mask: string | undefined): Ipv4Network | undefined {
  const address = ipv4ToNumber(ip);
  const prefix = maskToPrefix(mask);
  if (address === undefined || prefix === undefined) return undefined;
  return { network: (address & prefixToMaskNumber(prefix)) >>> 0, prefix };
}

export function contains(net: Ipv4Network, ip: number): boolean {
  return ((ip & prefixToMaskNumber(net.prefix)) >>> 0) === net.network;
}

/** Two networks overlap when one contains the other (a /24 inside a /16 counts). */
export function overlaps(a: Ipv4Network, b: Ipv4Network): boolean {
  const shorter = a.prefix <= b.prefix ? a : b;
  const longer = shorter === a ? b : a;
  return contains(shorter, longer.network);
}

export function formatNetwork(net: Ipv4Network): string {
  return `${numberToIpv4(net.network)}/${net.prefix}`;
}

/** An address inside the network (the first host address), for "a peer somewhere in this subnet". */
export function someHostIn(net: Ipv4Network): number {
  return net.prefix >= 31 ? net.network : (net.network + 1) >>> 0;
}
