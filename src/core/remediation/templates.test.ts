import { describe, expect, it } from 'vitest';
import { genericPlan } from '../analysis/remediation-plan.ts';
import { REMEDIATION_IDS } from './catalog.ts';
import { PLACEHOLDERS, exampleValues, pingSizeForMtu, type PlaceholderName } from './templates.ts';

describe('placeholders', () => {
  it('documents every placeholder a plan can leave unfilled', () => {
    for (const id of REMEDIATION_IDS) {
      const p = genericPlan(id);
      for (const body of [p, ...(p.alternatives ?? [])]) for (const u of body.unfilled) expect(Object.keys(PLACEHOLDERS), `${id}: ${u}`).toContain(u);
    }
  });

  it('gives each an example that matches its own shape', () => {
    const values = exampleValues();
    for (const [name, info] of Object.entries(PLACEHOLDERS)) expect(info.pattern.test(values[name as PlaceholderName]), name).toBe(true);
  });

  it('sizes a do-not-fragment ping for an MTU: 28 bytes of IPv4 + ICMP headers', () => {
    expect(pingSizeForMtu(9000)).toBe(8972);
    expect(pingSizeForMtu(1500)).toBe(1472);
  });
});
