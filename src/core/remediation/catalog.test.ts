import { describe, expect, it } from 'vitest';
import { genericPlan } from '../analysis/remediation-plan.ts';
import { REMEDIATIONS, REMEDIATION_IDS, SOURCES, type RemediationDefinition } from './catalog.ts';

const all: RemediationDefinition[] = REMEDIATION_IDS.map((id) => REMEDIATIONS[id]);
const USER_TEXT_BANNED = /§|\[U\]|\[I\]|\[V\]|domain\.md/;

describe('REMEDIATIONS', () => {
  it('has exactly R1–R10, each under its own id', () => {
    expect(Object.keys(REMEDIATIONS).sort()).toEqual([...REMEDIATION_IDS].sort());
    for (const id of REMEDIATION_IDS) expect(REMEDIATIONS[id].id).toBe(id);
  });

  it('gives each remediation a title, summary, risk and impact note', () => {
    for (const r of all) {
      expect(r.title.length, r.id).toBeGreaterThan(5);
      expect(r.summary.length, r.id).toBeGreaterThan(20);
      expect(r.risk.length, r.id).toBeGreaterThan(10);
      expect(r.impact.note.length, r.id).toBeGreaterThan(5);
    }
  });

  it('writes what a user reads without internal marks', () => {
    for (const r of all) for (const t of [r.title, r.summary, r.risk, r.impact.note, ...r.caveats]) expect(t, r.id).not.toMatch(USER_TEXT_BANNED);
  });

  it('states the corrected facts: -NetworkStack exists, tag since 5.1 (inferred), the stack-exists error text, Chan untested', () => {
    expect(REMEDIATIONS.R2.caveats.join(' ')).toMatch(/New-VMHostNetworkAdapter has -NetworkStack/);
    expect(REMEDIATIONS.R2.caveats.join(' ')).toContain("Netstack instance 'vmotion' is already found in kernel");
    expect(REMEDIATIONS.R3.caveats.join(' ')).toMatch(/first appears in 5\.1 \(inferred/);
    expect(REMEDIATIONS.R4.caveats.join(' ')).toMatch(/untested advice/);
    expect(REMEDIATIONS.R4.caveats.join(' ')).toMatch(/6\.5d/);
  });

  it('states maintenance-mode and connection impact for every remediation', () => {
    for (const r of all) {
      expect([true, false, 'recommended'], r.id).toContain(r.impact.maintenanceMode);
      expect(typeof r.impact.dropsConnections, r.id).toBe('boolean');
    }
    expect(REMEDIATIONS.R2.impact.maintenanceMode).toBe('recommended');
  });
});

describe('the general plans (no evidence)', () => {
  it('have steps, commands and a check for every remediation', () => {
    for (const id of REMEDIATION_IDS) {
      const p = genericPlan(id);
      expect(p.steps.length, id).toBeGreaterThan(0);
      expect(p.commands.esxcli.length + p.commands.powercli.length, id).toBeGreaterThan(0);
      expect(p.verify.length + (p.verifyPowercli?.length ?? 0), id).toBeGreaterThan(0);
    }
  });

  it('R2 creates the stack before the vmknic and removes the old tag last; the PowerCLI form uses -NetworkStack', () => {
    const cmds = genericPlan('R2').commands.esxcli;
    const stack = cmds.findIndex((c) => c.includes('netstack add -N vmotion'));
    const add = cmds.findIndex((c) => c.includes('interface add -i'));
    const untag = cmds.findIndex((c) => c.includes('tag remove'));
    expect(stack).toBeGreaterThanOrEqual(0);
    expect(stack).toBeLessThan(add);
    expect(add).toBeLessThan(untag);
    expect(genericPlan('R2').commands.powercli.join('\n')).toContain("-NetworkStack (Get-VMHostNetworkStack -VMHost $vmhost | Where-Object { $_.Id -eq 'vmotion' })");
  });

  it('R3 adds the tag before removing the other one, and rolls back the other way round', () => {
    const cmds = genericPlan('R3').commands.esxcli.filter((l) => !l.startsWith('#'));
    expect(cmds[0]).toContain('tag add -i');
    expect(cmds[1]).toContain('tag remove -i');
    expect(genericPlan('R3').rollback.filter((l) => !l.startsWith('#'))[0]).toMatch(/tag add -i "\$\{FILL_oldVmk:\?\}"/);
  });

  it('verifies vMotion on port 8000 and NFC on port 902', () => {
    expect(genericPlan('R1').verify.join('\n')).toContain('esxcli network ip connection list | grep :8000');
    expect(genericPlan('R4').verify.join('\n')).toContain('esxcli network ip connection list | grep :8000');
    expect(genericPlan('R6').verify.join('\n')).toContain('esxcli network ip connection list | grep :902');
  });

  it('R7 tests jumbo frames with a do-not-fragment ping', () => {
    expect(genericPlan('R7').verify.join('\n')).toMatch(/vmkping -I "\$\{FILL_vmk:\?\}" -d -s "\$\{FILL_pingSize:\?\}"/);
  });
});

describe('sources', () => {
  it('every source key used by a remediation exists', () => {
    for (const r of all) for (const key of r.sources) expect(SOURCES, `${r.id} ${key}`).toHaveProperty(key);
  });

  it('every source has a title and an http(s) address', () => {
    for (const [key, source] of Object.entries(SOURCES)) {
      expect(source.title.length, key).toBeGreaterThan(5);
      expect(() => new URL(source.url), key).not.toThrow();
      expect(new URL(source.url).protocol, key).toMatch(/^https?:$/);
    }
  });
});
