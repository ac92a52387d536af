import { describe, expect, it } from 'vitest';
import { parseRelease } from '../core/versions.ts';
import { checkEsxiLine, checkHostPlan } from './command-check.ts';

const r = (v: string) => parseRelease(v)!;

describe('the command checker', () => {
  it('accepts a form from the release that first has it on', () => {
    expect(checkEsxiLine('esxcli network ip interface tag add -i vmk1 -t VMotion', r('5.1.0')).issues).toEqual([]);
    expect(checkEsxiLine("esxcli network vswitch standard portgroup set -p 'vMotion PG' -v 20", r('5.0.0')).issues).toEqual([]);
    expect(checkEsxiLine('esxcli network ip interface ipv4 set -i vmk1 -t static -I 10.0.0.1 -N 255.255.255.0 -g 10.0.0.254', r('6.5.0')).issues).toEqual([]);
  });

  it('rejects forms the release lacks, with the reason', () => {
    expect(checkEsxiLine('esxcli network ip interface tag add -i vmk1 -t VMotion', r('5.0.0')).issues.join()).toMatch(/not in this release/);
    expect(checkEsxiLine('esxcli network ip interface ipv4 set -i vmk1 -t static -I 10.0.0.1 -N 255.255.255.0 -g 10.0.0.254', r('6.0.0')).issues.join()).toMatch(/-g of esxcli network ip interface ipv4 set is not in/);
    expect(checkEsxiLine('esxcli network ip netstack add -N vmotion', r('5.1.0')).issues.join()).toMatch(/not in this release/);
    expect(checkEsxiLine('esxcli network ip interface tag add -i vmk1 -t vSphereProvisioning', r('5.5.0')).issues.join()).toMatch(/vSphereProvisioning is not in/);
    // Not established for 5.5 (first seen by 6.0): refused too.
    expect(checkEsxiLine('esxcli network ip interface add -i vmk2 --dvs-name d --dvport-id 1', r('5.5.0')).issues.join()).toMatch(/not established/);
  });

  it('rejects unknown commands and options, and unquoted shell syntax', () => {
    expect(checkEsxiLine('esxcli network ip interfce list', r('7.0.3')).issues.join()).toMatch(/unknown esxcli command/);
    expect(checkEsxiLine('esxcli network ip interface tag add -i vmk1 -x VMotion', r('7.0.3')).issues.join()).toMatch(/unknown option -x/);
    expect(checkEsxiLine('esxcli network vswitch standard portgroup set -p vMo$(reboot) -v 20', r('7.0.3')).issues.join()).toMatch(/metacharacter/);
    expect(checkEsxiLine('esxcli network vswitch standard portgroup set -p <pg> -v 20', r('7.0.3')).issues.join()).toMatch(/metacharacter </);
  });

  it('follows vmknics through a plan: existing or created earlier, never twice', () => {
    const existing = new Set(['vmk0', 'vmk1']);
    const ok = checkHostPlan({ commands: ['esxcli network ip interface add -i vmk2 -p pg -N vmotion', 'esxcli network ip interface ipv4 set -i vmk2 -t static -I 10.0.0.1 -N 255.255.255.0'], verify: ['vmkping -I vmk2 10.0.0.2'], rollback: ['esxcli network ip interface remove -i vmk2'] }, r('7.0.3'), existing);
    expect(ok).toEqual([]);
    expect(checkHostPlan({ commands: ['esxcli network ip interface tag add -i vmk2 -t VMotion'], verify: [], rollback: [] }, r('7.0.3'), existing).join()).toMatch(/vmk2 is neither/);
    expect(checkHostPlan({ commands: ['esxcli network ip interface add -i vmk1 -p pg'], verify: [], rollback: [] }, r('7.0.3'), existing).join()).toMatch(/exists already/);
    expect(checkHostPlan({ commands: ['esxcli network ip interface add -i vmk2 -p a', 'esxcli network ip interface add -i vmk2 -p b'], verify: [], rollback: [] }, r('7.0.3'), existing).join()).toMatch(/created twice/);
  });
});
