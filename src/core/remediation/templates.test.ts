import { describe, expect, it } from 'vitest';
import { PLACEHOLDERS, exampleValues, fillTemplate, pingSizeForMtu, placeholdersIn, type PlaceholderName } from './templates.ts';

describe('fillTemplate', () => {
  it('fills every placeholder that has a value', () => {
    const r = fillTemplate('esxcli network ip interface tag add -i {vmk} -t VMotion', { vmk: 'vmk1' });
    expect(r).toEqual({ text: 'esxcli network ip interface tag add -i vmk1 -t VMotion', missing: [] });
  });

  it('keeps a placeholder without value visible in angle brackets and lists it once', () => {
    const r = fillTemplate('vmkping -I {vmk} -d -s {pingSize} {peerIp}  # from {vmk}', { pingSize: '8972' });
    expect(r.text).toBe('vmkping -I <vmk> -d -s 8972 <peerIp>  # from <vmk>');
    expect(r.missing).toEqual(['vmk', 'peerIp']);
  });

  it('treats a blank value as missing instead of inserting an empty string', () => {
    const r = fillTemplate('esxcli network ip interface tag remove -i {oldVmk} -t VMotion', { oldVmk: '   ' });
    expect(r.text).toBe('esxcli network ip interface tag remove -i <oldVmk> -t VMotion');
    expect(r.missing).toEqual(['oldVmk']);
  });

  it('trims values and keeps spaces inside them (port-group names are quoted by the template)', () => {
    const r = fillTemplate('esxcli network vswitch standard portgroup set -p "{portGroup}" -v {vlan}', {
      portGroup: ' Management Network ',
      vlan: '20',
    });
    expect(r.text).toBe('esxcli network vswitch standard portgroup set -p "Management Network" -v 20');
  });

  it('does not touch PowerShell script blocks or hashtables', () => {
    const t = "Get-VM | Where {$_.ExtensionData.Config.MigrateEncryption -eq 'disabled'}";
    expect(fillTemplate(t, {})).toEqual({ text: t, missing: [] });
    const h = "$e.network.ip.interface.add.Invoke(@{interfacename='{newVmk}'; netstack='vmotion'})";
    expect(fillTemplate(h, { newVmk: 'vmk2' }).text).toBe(
      "$e.network.ip.interface.add.Invoke(@{interfacename='vmk2'; netstack='vmotion'})",
    );
  });

  it('does not read inherited object properties as values', () => {
    expect(fillTemplate('{constructor}', {}).missing).toEqual(['constructor']);
  });
});

describe('placeholdersIn', () => {
  it('lists names in order of first appearance without repeats', () => {
    expect(placeholdersIn('a {b} c {d} {b} @{x=1} {$_.y}')).toEqual(['b', 'd']);
  });
});

describe('PLACEHOLDERS', () => {
  it('gives every placeholder a meaning and an example that fits its pattern', () => {
    for (const [name, info] of Object.entries(PLACEHOLDERS)) {
      expect(info.meaning.length, name).toBeGreaterThan(10);
      expect(info.pattern.test(info.example), `${name} example ${info.example}`).toBe(true);
    }
  });

  it('rejects wrong shapes, e.g. a port-group name for a vmknic or a mask-less network', () => {
    expect(PLACEHOLDERS.vmk.pattern.test('vMotion')).toBe(false);
    expect(PLACEHOLDERS.peerNetwork.pattern.test('10.20.40.0')).toBe(false);
    expect(PLACEHOLDERS.bindValue.pattern.test('4')).toBe(false);
    expect(PLACEHOLDERS.ip.pattern.test('10.20.30.256')).toBe(false);
  });

  it('exampleValues returns one example per placeholder', () => {
    const values = exampleValues();
    expect(Object.keys(values).sort()).toEqual(Object.keys(PLACEHOLDERS).sort());
    const key: PlaceholderName = 'pingSize';
    expect(values[key]).toBe(String(pingSizeForMtu(9000)));
  });
});

describe('pingSizeForMtu', () => {
  it('subtracts 28 bytes of IPv4 and ICMP headers', () => {
    expect(pingSizeForMtu(9000)).toBe(8972);
    expect(pingSizeForMtu(1500)).toBe(1472);
  });
});
