import { describe, expect, it } from 'vitest';
import { decodeText } from './decode.ts';
import { locateColumns, normaliseHeader } from './headers.ts';
import { bool, esxiVersion, integer, ipv4, ipv6List, lowerCase, mtu, netmask, shortName, text } from './values.ts';

const ref = { file: 'f', line: 1, text: '' };

describe('cell values', () => {
  it('lower-cases exactly as toLowerCase does (its shortcut for names without capitals changes nothing)', () => {
    const differing: number[] = [];
    for (let c = 0; c < 0x3000; c++) {
      const s = `esx${String.fromCharCode(c)}01`;
      if (lowerCase(s) !== s.toLowerCase()) differing.push(c);
    }
    expect(differing).toEqual([]);
    for (const s of ['ESX01.Example.COM', 'İstanbul', 'ΣΑΣ', 'vmk0', '']) expect(lowerCase(s)).toBe(s.toLowerCase());
  });

  it('reads booleans as exports write them', () => {
    expect(['True', 'FALSE', 'true', '1', '0', 'yes', 'maybe', ''].map(bool)).toEqual([true, false, true, true, false, true, undefined, undefined]);
  });

  it('reads integers with thousands separators, and MTUs only in range', () => {
    expect(['9000', '9,000', '9.000', '1500.0', ' 1500 ', '1 500', 'abc', '-1'].map(integer)).toEqual([9000, 9000, 9000, 1500, 1500, 1500, undefined, undefined]);
    expect(['9000', '67', '9217', '1500'].map(mtu)).toEqual([9000, undefined, undefined, 1500]);
  });

  it('treats PowerShell object stringifications and N/A as no value', () => {
    expect(['System.String[]', 'N/A', 'VMware.Vim.HostVirtualNic', '  ', 'vmk0'].map(text)).toEqual([undefined, undefined, undefined, undefined, 'vmk0']);
    expect(text('x'.repeat(2000))).toBeUndefined();
  });

  it('reads addresses and masks (dotted or prefix length), normalised', () => {
    expect(['10.0.0.1', '010.000.000.001', '10.0.0.256', 'fe80::1'].map(ipv4)).toEqual(['10.0.0.1', '10.0.0.1', undefined, undefined]);
    expect(['255.255.255.0', '24', '/16', '255.0.255.0', '33'].map(netmask)).toEqual(['255.255.255.0', '255.255.255.0', '255.255.0.0', undefined, undefined]);
    expect(ipv6List('fe80::1, 2001:db8::5/64;10.0.0.1')).toEqual(['fe80::1', '2001:db8::5/64']);
  });

  it('reads ESXi versions as RVTools and PowerCLI print them', () => {
    expect(esxiVersion('VMware ESXi 8.0.3 build-24859861', undefined, ref)).toMatchObject({ product: 'VMware ESXi', version: '8.0.3', build: '24859861' });
    expect(esxiVersion('7.0.3', '22348816', ref)).toMatchObject({ version: '7.0.3', build: '22348816' });
    expect(esxiVersion('VMware ESX 4.1.0 build-260247', undefined, ref)).toMatchObject({ product: 'VMware ESX', version: '4.1.0' });
    expect(esxiVersion('Hyper-V', undefined, ref)).toBeUndefined();
    // An update name between the version and the build still leaves the build readable.
    expect(esxiVersion('VMware ESXi 7.0.3 Update 3 build-20328353', undefined, ref)).toMatchObject({ version: '7.0.3', update: '3', build: '20328353' });
    expect(esxiVersion('VMware ESXi 6.7.0 Update 3 (build 15160138)', undefined, ref)).toMatchObject({ version: '6.7.0', build: '15160138' });
  });

  it('shortens FQDNs but never IP-address names', () => {
    expect(['ESX01.lab.local', 'esx01', '10.0.0.11'].map(shortName)).toEqual(['esx01', 'esx01', '10.0.0.11']);
  });
});

describe('header names', () => {
  it('normalises case, spaces, punctuation, MiB and DB-column prefixes', () => {
    expect(normaliseHeader('IP 6 Address')).toBe('ip6address');
    expect(normaliseHeader('# Memory MiB')).toBe(normaliseHeader('# Memory MB'));
    expect(normaliseHeader('vHostCluster', 'vhost')).toBe('cluster');
    expect(normaliseHeader('\uFEFFHost')).toBe('host');
  });

  it('finds columns by alias wherever they are, first occurrence winning, and lists what is missing', () => {
    const loc = locateColumns(['Owner', 'device', 'HOST', 'Host', 'MTU'], [
      { key: 'host', aliases: ['host'], display: 'Host' },
      { key: 'device', aliases: ['device'], display: 'Device' },
      { key: 'mask', aliases: ['subnetmask'], display: 'Subnet mask' },
      { key: 'quiet', aliases: ['services'], display: 'Services', quiet: true },
    ]);
    expect(loc.index).toEqual({ host: 2, device: 1 });
    expect(loc.missing.map((m) => m.display)).toEqual(['Subnet mask']);
    expect(loc.duplicates).toEqual(['Host']);
  });
});

describe('decoding', () => {
  const enc = (s: string) => new TextEncoder().encode(s);
  it('strips a UTF-8 BOM, reads UTF-16 with its BOM, falls back to Windows-1252', () => {
    expect(decodeText('f', new Uint8Array([0xef, 0xbb, 0xbf, ...enc('Host')]))).toEqual({ ok: true, text: 'Host', encoding: 'utf-8-bom' });
    expect(decodeText('f', new Uint8Array([0xff, 0xfe, 0x48, 0, 0x69, 0]))).toEqual({ ok: true, text: 'Hi', encoding: 'utf-16le' });
    expect(decodeText('f', new Uint8Array([0x50, 0x72, 0xfc, 0x66]))).toEqual({ ok: true, text: 'Prüf', encoding: 'windows-1252' });
  });

  it('refuses binary content in one sentence', () => {
    expect(decodeText('f.bin', new Uint8Array([1, 0, 2]))).toEqual({ ok: false, message: 'f.bin is a binary file (it contains NUL bytes), not a CSV, JSON or text export' });
  });
});
