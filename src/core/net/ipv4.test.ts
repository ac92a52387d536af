import { describe, expect, it } from 'vitest';
import { contains, formatNetwork, ipv4ToNumber, maskToPrefix, networkOf, numberToIpv4, overlaps } from './ipv4.ts';

describe('ipv4 arithmetic', () => {
  it('round-trips dotted quads and rejects out-of-range octets', () => {
    expect(numberToIpv4(ipv4ToNumber('10.0.1.129')!)).toBe('10.0.1.129');
    expect(ipv4ToNumber('256.1.1.1')).toBeUndefined();
    expect(ipv4ToNumber('10.0.1')).toBeUndefined();
    expect(ipv4ToNumber('fe80::1')).toBeUndefined();
  });

  it('turns contiguous masks into prefixes and refuses non-contiguous ones', () => {
    expect(maskToPrefix('255.255.255.192')).toBe(26);
    expect(maskToPrefix('0.0.0.0')).toBe(0);
    expect(maskToPrefix('255.255.255.255')).toBe(32);
    expect(maskToPrefix('255.0.255.0')).toBeUndefined();
  });

  it('computes the network of an address and tests membership', () => {
    const net = networkOf('172.26.64.10', '255.255.255.192')!;
    expect(formatNetwork(net)).toBe('172.26.64.0/26');
    expect(contains(net, ipv4ToNumber('172.26.64.63')!)).toBe(true);
    expect(contains(net, ipv4ToNumber('172.26.64.64')!)).toBe(false);
  });

  it('sees a /24 inside a /16 as overlapping, and disjoint /24s as not', () => {
    const a = networkOf('10.1.2.3', '255.255.0.0')!;
    const b = networkOf('10.1.9.3', '255.255.255.0')!;
    const c = networkOf('10.2.9.3', '255.255.255.0')!;
    expect(overlaps(a, b)).toBe(true);
    expect(overlaps(b, a)).toBe(true);
    expect(overlaps(b, c)).toBe(false);
  });
});
