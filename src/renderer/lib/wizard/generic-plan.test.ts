import { describe, expect, it } from 'vitest';
import { genericPlan, plansFor } from './generic-plan.ts';
import type { RemediationResult } from '../../../core/result.ts';

describe('generic remediation plans (answers without evidence)', () => {
  it('show the catalog commands with their placeholders visible', () => {
    const r4 = genericPlan('R4');
    expect(r4.title).toMatch(/BindToVmknic/);
    const all = [...r4.commands.esxcli, ...r4.commands.powercli];
    expect(all.length).toBeGreaterThan(0);
    expect(all.join('\n')).not.toMatch(/\{\w+\}/);
    // An unfilled value can never run: the shell refuses the line, PowerShell throws before the cmdlet.
    for (const u of r4.unfilled) expect([...all, ...r4.verify, ...r4.rollback].join('\n')).toMatch(new RegExp(`"\\$\\{FILL_${u}:\\?\\}"|\\(throw 'FILL_${u}'\\)`));
    expect(all.join('\n')).not.toMatch(/<\w+>/);
  });

  it("prefer the analysis's own filled plan and skip unknown ids", () => {
    const filled = { ...genericPlan('R1'), hosts: ['esx31'] } satisfies RemediationResult;
    const plans = plansFor(['R1', 'R4', 'R99'], [filled]);
    expect(plans.map((p) => p.id)).toEqual(['R1', 'R4']);
    expect(plans[0]).toBe(filled);
    expect(plans[1]?.hosts).toEqual([]);
  });
});
