import { describe, expect, it } from 'vitest';
import { REMEDIATIONS, SOURCES } from '../remediation/catalog.ts';
import { FINDINGS, FINDING_IDS, compareSeverity, type FindingDefinition, type Severity } from './catalog.ts';

const all: FindingDefinition[] = FINDING_IDS.map((id) => FINDINGS[id]);

/** Sentences: split after . ! ? when the next word starts with a capital (so "e.g. 0" and "6.5" do not split). */
function sentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+(?=[A-Z`])/).filter((s) => s.trim() !== '');
}

describe('FINDINGS', () => {
  it('has one entry per finding id of domain.md §2, spelled exactly', () => {
    expect([...FINDING_IDS]).toEqual([
      'NO_VMOTION_VMKNIC',
      'VMOTION_EGRESS_MISMATCH',
      'SAME_SUBNET_VMKNICS',
      'VMOTION_ON_MANAGEMENT_NETWORK',
      'UNICAST_FLOODING_RISK',
      'COLD_DATA_OVER_MANAGEMENT',
      'PROVISIONING_ROUTE_FALLBACK',
      'MTU_MISMATCH',
      'VMOTION_L3_NO_GATEWAY',
      'BIND_TO_VMKNIC_SET',
      'VMOTION_UNENCRYPTED_ON_SHARED_NETWORK',
      'VMOTION_TAG_SHADOWED',
      'EGRESS_UNCERTAIN',
      'MULTIPLE_PROVISIONING_VMKNICS',
      'VMKNIC_DISABLED',
      'OBSERVED_VMOTION_ON_MANAGEMENT',
      'OBSERVED_VMOTION_ADDRESS_MISMATCH',
    ]);
    expect(Object.keys(FINDINGS).sort()).toEqual([...FINDING_IDS].sort());
    for (const id of FINDING_IDS) expect(FINDINGS[id].id).toBe(id);
  });

  it('uses the default severities of domain.md §2', () => {
    const expected: Record<string, Severity> = {
      NO_VMOTION_VMKNIC: 'blocker',
      VMOTION_EGRESS_MISMATCH: 'high',
      SAME_SUBNET_VMKNICS: 'medium',
      VMOTION_ON_MANAGEMENT_NETWORK: 'medium',
      UNICAST_FLOODING_RISK: 'high',
      COLD_DATA_OVER_MANAGEMENT: 'medium',
      PROVISIONING_ROUTE_FALLBACK: 'medium',
      MTU_MISMATCH: 'high',
      VMOTION_L3_NO_GATEWAY: 'high',
      BIND_TO_VMKNIC_SET: 'info',
      VMOTION_UNENCRYPTED_ON_SHARED_NETWORK: 'medium',
      VMOTION_TAG_SHADOWED: 'info',
      EGRESS_UNCERTAIN: 'info',
      MULTIPLE_PROVISIONING_VMKNICS: 'low',
      VMKNIC_DISABLED: 'low',
      OBSERVED_VMOTION_ON_MANAGEMENT: 'high',
      OBSERVED_VMOTION_ADDRESS_MISMATCH: 'medium',
    };
    for (const f of all) expect(f.defaultSeverity, f.id).toBe(expected[f.id]);
  });

  it('notes the severity variations of domain.md §2', () => {
    expect(FINDINGS.SAME_SUBNET_VMKNICS.severityNote).toMatch(/high/);
    expect(FINDINGS.UNICAST_FLOODING_RISK.severityNote).toMatch(/medium/);
    expect(FINDINGS.COLD_DATA_OVER_MANAGEMENT.severityNote).toMatch(/low/);
    expect(FINDINGS.BIND_TO_VMKNIC_SET.severityNote).toMatch(/low/);
  });

  it('points to the remediations of the fix column, and every one exists', () => {
    expect(FINDINGS.VMOTION_EGRESS_MISMATCH.remediation).toEqual(['R1', 'R2', 'R4', 'R5']);
    expect(FINDINGS.NO_VMOTION_VMKNIC.remediation).toEqual(['R3', 'R2']);
    expect(FINDINGS.UNICAST_FLOODING_RISK.remediation).toEqual(['R1', 'R2', 'R9']);
    expect(FINDINGS.EGRESS_UNCERTAIN.remediation).toEqual([]);
    expect(FINDINGS.VMKNIC_DISABLED.remediation).toEqual([]);
    for (const f of all) for (const r of f.remediation) expect(REMEDIATIONS, `${f.id} → ${r}`).toHaveProperty(r);
  });

  it('cites only sources that exist', () => {
    for (const f of all) for (const key of f.sources) expect(SOURCES, `${f.id} ${key}`).toHaveProperty(key);
  });

  it('cites at least one source for every verified finding', () => {
    for (const f of all.filter((x) => x.confidence === 'verified')) expect(f.sources.length, f.id).toBeGreaterThan(0);
  });

  it('says "likely" for inferred rules and "uncertain" for unsure ones', () => {
    for (const f of all) {
      if (f.confidence === 'inferred') expect(f.why, f.id).toMatch(/likely/i);
      if (f.confidence === 'unsure') expect(f.why, f.id).toMatch(/uncertain/i);
    }
    expect(FINDINGS.UNICAST_FLOODING_RISK.confidence).toBe('inferred');
    expect(FINDINGS.EGRESS_UNCERTAIN.confidence).toBe('unsure');
  });

  it('keeps titles short and explanations to one to three sentences', () => {
    for (const f of all) {
      expect(f.title.length, f.id).toBeLessThanOrEqual(60);
      const n = sentences(f.why).length;
      expect(n, `${f.id}: ${f.why}`).toBeGreaterThanOrEqual(1);
      expect(n, `${f.id}: ${f.why}`).toBeLessThanOrEqual(3);
      expect(f.trigger.length, f.id).toBeGreaterThan(20);
    }
  });

  it('words the log-based findings exactly: the addresses chosen for the stream, not the egress when unbound', () => {
    for (const id of ['OBSERVED_VMOTION_ON_MANAGEMENT', 'OBSERVED_VMOTION_ADDRESS_MISMATCH'] as const) {
      expect(FINDINGS[id].why, id).toContain('A log line proves the addresses chosen for the stream, not the wire\'s egress when unbound.');
    }
  });

  it('tells the user how to settle an uncertain egress', () => {
    expect(FINDINGS.EGRESS_UNCERTAIN.why).toContain('esxcfg-advcfg -g /Migrate/BindToVmknic');
    expect(FINDINGS.EGRESS_UNCERTAIN.why).toContain('vmware -vl');
  });
});

describe('compareSeverity', () => {
  it('sorts the most severe first', () => {
    const list: Severity[] = ['info', 'blocker', 'low', 'high', 'medium'];
    expect([...list].sort(compareSeverity)).toEqual(['blocker', 'high', 'medium', 'low', 'info']);
  });
});
