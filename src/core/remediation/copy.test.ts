import { describe, expect, it } from 'vitest';
import { copyTextFor, hostSections, planCopies } from './copy.ts';
import { genericPlan } from '../analysis/remediation-plan.ts';

describe('copy texts', () => {
  const lines = ['# on esx01', "esxcli network vswitch standard portgroup set -p 'vMo$(reboot)`id`' -v \"${FILL_vlan:?}\"", '# on esx02', 'esxcli network ip interface set -i vmk1 -m 9000'];

  it('splits a plan list into one section per host', () => {
    expect(hostSections(lines).map((s) => [s.host, s.lines.length])).toEqual([['esx01', 1], ['esx02', 1]]);
  });

  it('names the host in the first line and says how to fill what is left', () => {
    const text = copyTextFor(hostSections(lines)[0]!, 'esxi');
    const [first, second, third] = text.split('\n');
    expect(first).toBe('# on esx01');
    expect(second).toMatch(/^# Fill in first: FILL_vlan/);
    expect(third).toBe(lines[1]);
    expect(copyTextFor(hostSections(lines)[1]!, 'esxi')).toBe('# on esx02\nesxcli network ip interface set -i vmk1 -m 9000');
  });

  it('gives one text per host and shell, never two alternatives together', () => {
    const r6 = genericPlan('R6');
    const copies = planCopies(r6);
    expect(copies.every((c) => c.text.startsWith('# on '))).toBe(true);
    for (const c of copies) expect(c.text).not.toContain('netstack add');
  });
});
