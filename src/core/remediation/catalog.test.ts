import { describe, expect, it } from 'vitest';
import {
  REMEDIATIONS,
  REMEDIATION_IDS,
  SOURCES,
  commandTemplatesOf,
  templatesOf,
  type RemediationDefinition,
} from './catalog.ts';
import { checkCommand } from './syntax.ts';
import { PLACEHOLDERS, exampleValues, fillTemplate, placeholdersIn } from './templates.ts';

const all: RemediationDefinition[] = REMEDIATION_IDS.map((id) => REMEDIATIONS[id]);

describe('REMEDIATIONS', () => {
  it('has exactly R1–R10, each under its own id', () => {
    expect(Object.keys(REMEDIATIONS).sort()).toEqual([...REMEDIATION_IDS].sort());
    for (const id of REMEDIATION_IDS) expect(REMEDIATIONS[id].id).toBe(id);
  });

  it('gives each remediation a title, summary, steps, verification, risk and impact note', () => {
    for (const r of all) {
      expect(r.title.length, r.id).toBeGreaterThan(5);
      expect(r.summary.length, r.id).toBeGreaterThan(20);
      expect(r.steps.length, r.id).toBeGreaterThan(0);
      expect(r.verify.length, r.id).toBeGreaterThan(0);
      expect(r.risk.length, r.id).toBeGreaterThan(10);
      expect(r.impact.note.length, r.id).toBeGreaterThan(5);
      for (const s of r.steps) expect(s.text.trim().length, r.id).toBeGreaterThan(10);
    }
  });

  it('offers a rollback for every remediation that changes the host configuration', () => {
    for (const r of all.filter((x) => x.id !== 'R9')) expect(r.rollback.length, r.id).toBeGreaterThan(0);
  });

  it('derives the per-flavour command lists from the steps, in step order', () => {
    for (const r of all) {
      expect(r.commands.esxcli).toEqual(r.steps.flatMap((s) => s.esxcli ?? []));
      expect(r.commands.esxcfg).toEqual(r.steps.flatMap((s) => s.esxcfg ?? []));
      expect(r.commands.powercli).toEqual(r.steps.flatMap((s) => s.powercli ?? []));
    }
  });

  it('has at least one command for every remediation', () => {
    for (const r of all) {
      const count = r.commands.esxcli.length + r.commands.esxcfg.length + r.commands.powercli.length;
      expect(count, r.id).toBeGreaterThan(0);
    }
  });
});

describe('templates', () => {
  it('use only documented placeholders', () => {
    const documented = new Set(Object.keys(PLACEHOLDERS));
    for (const r of all) {
      for (const t of templatesOf(r)) {
        for (const name of placeholdersIn(t)) expect(documented.has(name), `${r.id}: {${name}} in ${t}`).toBe(true);
      }
    }
  });

  it('fill completely with the example values', () => {
    const values = exampleValues();
    for (const r of all) {
      for (const t of templatesOf(r)) expect(fillTemplate(t, values).missing, `${r.id}: ${t}`).toEqual([]);
    }
  });

  it('pass the syntax check once filled', () => {
    const values = exampleValues();
    for (const r of all) {
      for (const t of commandTemplatesOf(r)) {
        const filled = fillTemplate(t, values).text;
        expect(checkCommand(filled).map((i) => i.message), `${r.id}: ${filled}`).toEqual([]);
      }
    }
  });

  it('still pass the syntax check with port-group names that contain spaces', () => {
    const values = { ...exampleValues(), portGroup: 'vMotion Network', newPortGroup: 'vMotion Network B', dvs: 'DSwitch Prod' };
    for (const r of all) {
      for (const t of commandTemplatesOf(r)) {
        const filled = fillTemplate(t, values).text;
        expect(checkCommand(filled).map((i) => i.message), `${r.id}: ${filled}`).toEqual([]);
      }
    }
  });

  it('fail the syntax check when a value is left out, instead of producing a shorter command', () => {
    const { vmk: _dropped, ...rest } = exampleValues();
    const filled = fillTemplate(REMEDIATIONS.R3.commands.esxcli[0] ?? '', rest).text;
    expect(filled).toContain('<vmk>');
    expect(checkCommand(filled).map((i) => i.message)).toContain('placeholder vmk is not filled');
  });
});

describe('content follows domain.md §3', () => {
  const text = (r: RemediationDefinition) => templatesOf(r).join('\n');

  it('keeps the [U] notes next to commands whose behaviour is unsure', () => {
    const unsure: [RemediationDefinition, string][] = [
      [REMEDIATIONS.R2, 'netstack add -N vmotion'],
      [REMEDIATIONS.R2, 'route ipv4 add -N vmotion'],
      [REMEDIATIONS.R2, 'Get-EsxCli'],
      [REMEDIATIONS.R3, 'vnic_unset'],
      [REMEDIATIONS.R8, 'route ipv4 add -N vmotion'],
    ];
    for (const [r, fragment] of unsure) {
      const step = r.steps.find((s) => [...(s.esxcli ?? []), ...(s.esxcfg ?? []), ...(s.powercli ?? [])].some((c) => c.includes(fragment)));
      expect(step?.text, `${r.id} ${fragment}`).toMatch(/\[U\]/);
    }
  });

  it('marks the DVS + netstack combination of R2 as inferred', () => {
    const step = REMEDIATIONS.R2.steps.find((s) => s.esxcli?.some((c) => c.includes('--dvs-name')));
    expect(step?.text).toMatch(/\[I\]/);
  });

  it('R1 re-addresses the vMotion vmknic and sets the port-group VLAN in every flavour', () => {
    expect(text(REMEDIATIONS.R1)).toContain('esxcli network ip interface ipv4 set -i {vmk} -t static -I {ip} -N {netmask}');
    expect(text(REMEDIATIONS.R1)).toContain('esxcfg-vmknic -i {ip} -n {netmask} "{portGroup}"');
    expect(text(REMEDIATIONS.R1)).toContain('Set-VirtualPortGroup -VLanId {vlan}');
  });

  it('R2 creates the stack before the vmknic and removes the old tag last', () => {
    const cmds = REMEDIATIONS.R2.commands.esxcli;
    const stack = cmds.findIndex((c) => c.includes('netstack add -N vmotion'));
    const add = cmds.findIndex((c) => c.includes('interface add -i {newVmk}'));
    const untag = cmds.findIndex((c) => c.includes('tag remove -i {vmk} -t VMotion'));
    expect(stack).toBeGreaterThanOrEqual(0);
    expect(stack).toBeLessThan(add);
    expect(add).toBeLessThan(untag);
    expect(REMEDIATIONS.R2.verify.join('\n')).toContain('vmkping -S vmotion -I {newVmk} -d -s {pingSize} {peerIp}');
  });

  it('R3 adds the tag before removing the other one, and rolls back the same way round', () => {
    const cmds = REMEDIATIONS.R3.commands.esxcli;
    expect(cmds[0]).toContain('tag add -i {vmk}');
    expect(cmds[1]).toContain('tag remove -i {oldVmk}');
    expect(REMEDIATIONS.R3.rollback[0]).toContain('tag add -i {oldVmk}');
  });

  it('R4 notes that 3 needs 6.5 and that 6.0 stops at 2, and rolls back to the previous value', () => {
    expect(REMEDIATIONS.R4.caveats.join(' ')).toMatch(/6\.5/);
    expect(REMEDIATIONS.R4.caveats.join(' ')).toMatch(/maximum is 2/);
    expect(REMEDIATIONS.R4.rollback.join('\n')).toContain('{previousBindValue}');
    expect(REMEDIATIONS.R4.commands.esxcfg).toContain('esxcfg-advcfg -s {bindValue} /Migrate/BindToVmknic');
  });

  it('R5 gives the two port groups opposite active/standby uplinks', () => {
    const cmds = REMEDIATIONS.R5.commands.esxcli.join('\n');
    expect(cmds).toContain('-p "{portGroup}" -a {vmnicA} -s {vmnicB}');
    expect(cmds).toContain('-p "{newPortGroup}" -a {vmnicB} -s {vmnicA}');
  });

  it('R6 verifies NFC on port 902 and R1/R4 verify vMotion on port 8000', () => {
    expect(REMEDIATIONS.R6.verify.join('\n')).toContain('esxcli network ip connection list | grep :902');
    expect(REMEDIATIONS.R1.verify.join('\n')).toContain('esxcli network ip connection list | grep :8000');
    expect(REMEDIATIONS.R4.verify.join('\n')).toContain('esxcli network ip connection list | grep :8000');
  });

  it('uses the esxtop network view in the verification toolbox', () => {
    const withEsxtop = all.filter((r) => r.verify.some((v) => v.startsWith('esxtop') && /press n/.test(v)));
    expect(withEsxtop.map((r) => r.id)).toEqual(expect.arrayContaining(['R2', 'R4', 'R5', 'R9']));
  });

  it('R7 tests jumbo frames with a do-not-fragment ping and warns that MTU changes can reset uplinks', () => {
    expect(REMEDIATIONS.R7.verify[0]).toContain('vmkping -I {vmk} -d -s {pingSize} {peerIp}');
    expect(REMEDIATIONS.R7.impact.dropsConnections).toBe(true);
  });

  it('R8 offers both the per-vmknic gateway and the static route, with the legacy esxcfg-route form', () => {
    expect(REMEDIATIONS.R8.commands.esxcli).toContain('esxcli network ip route ipv4 add -n {peerNetwork} -g {gateway}');
    expect(REMEDIATIONS.R8.commands.esxcfg).toContain('esxcfg-route -a {peerNetwork} {gateway}');
    expect(REMEDIATIONS.R8.rollback).toContain('esxcfg-route -d {peerNetwork} {gateway}');
  });

  it('R9 is marked inferred and R10 is per VM with the three encrypted vMotion modes', () => {
    expect(REMEDIATIONS.R9.confidence).toBe('inferred');
    expect(REMEDIATIONS.R10.scope).toBe('per-vm');
    expect(REMEDIATIONS.R10.caveats.join(' ')).toMatch(/6\.5/);
  });

  it('states maintenance-mode and connection impact for every remediation', () => {
    for (const r of all) {
      expect([true, false, 'recommended'], r.id).toContain(r.impact.maintenanceMode);
      expect(typeof r.impact.dropsConnections, r.id).toBe('boolean');
    }
    expect(REMEDIATIONS.R2.impact.maintenanceMode).toBe('recommended');
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

  it('includes the keys domain.md §6 names', () => {
    for (const key of ['SEED0', 'SEED1', 'ELATOV', 'KB318546', 'KB340170', 'KB419637', 'LAMW', 'DOC65', 'DOC67', 'DOC70', 'DOC80', 'UDT', 'BYOI', 'STIG', 'YELLOWBRICKS', 'WAHL']) {
      expect(SOURCES).toHaveProperty(key);
    }
  });
});
