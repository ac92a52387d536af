/**
 * End to end through the planner: whatever the evidence names its port group, switch and host, every ESXi shell
 * line of every plan, run by a real /bin/sh with every program stubbed to print its arguments, passes those names
 * as whole arguments and runs nothing else.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The shells run in an empty scratch folder: if quoting ever broke, a stray redirection writes there, not into the repository. */
const SCRATCH = mkdtempSync(join(tmpdir(), 'vpd-quoting-'));
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildHostView } from '../analysis/host-view.ts';
import { planRemediation } from '../analysis/remediation-plan.ts';
import type { FindingResult } from '../result.ts';
import { host } from '../test-support/hosts.ts';
import { REMEDIATION_IDS } from './catalog.ts';
import { unsafeReason } from './shell.ts';

const PROGRAMS = ['esxcli', 'esxcfg-vswitch', 'esxcfg-vmknic', 'esxcfg-route', 'esxcfg-advcfg', 'vim-cmd', 'vmkping', 'grep'];
const TRAPS = ["'", '"', '$(reboot)', '`id`', ';', '|', '&', '\\', '$HOME', ' ', '#', '<x', '>y', '\u2019', 'é'];
const name = fc
  .array(fc.oneof(fc.constantFrom(...TRAPS), fc.string({ minLength: 1, maxLength: 4 })), { minLength: 1, maxLength: 6 })
  .map((a) => `pg${a.join('')}`)
  .filter((s) => unsafeReason(s) === undefined && !/[\uD800-\uDFFF]/.test(s));

function run(lines: readonly string[]): string[] {
  const script = [
    ...PROGRAMS.map((p) => `${p.replace(/-/g, '_')}() { printf '%s\\0' "$@"; printf '\\n'; }`),
    ...PROGRAMS.filter((p) => p.includes('-')).map((p) => `alias ${p}=${p.replace(/-/g, '_')}`),
    "reboot() { printf 'RAN:reboot\\n'; }",
    "id() { printf 'RAN:id\\n'; }",
    'PATH=/nonexistent',
    ...lines.filter((l) => !l.startsWith('# on ')),
  ].join('\n');
  const env: Record<string, string> = {};
  for (const l of lines) for (const m of l.matchAll(/FILL_([A-Za-z0-9]+)/g)) env[`FILL_${m[1]}`] = '1';
  const r = spawnSync('/bin/sh', ['-c', script], { env, encoding: 'utf8', cwd: SCRATCH });
  if (r.stderr) throw new Error(r.stderr);
  return r.stdout.split('\n').filter((x) => x !== '');
}

describe('plans with hostile names', () => {
  it('run every ESXi line with the names as whole arguments and nothing else', () => {
    fc.assert(
      fc.property(name, name, (pg, sw) => {
        const m = host({
          name: 'esx-a',
          version: '7.0.3',
          nics: [
            { name: 'vmk0', ip: '10.0.1.10', tags: ['Management'], portGroup: 'Management Network', vswitch: 'vSwitch0' },
            { name: 'vmk1', ip: '10.0.1.11', tags: ['VMotion'], portGroup: pg, vswitch: sw },
          ],
          vswitches: [{ name: sw, kind: 'standard', mtu: 1500, uplinks: ['vmnic2', 'vmnic3'], portGroups: [{ name: pg, vlan: 0, uplinks: ['vmnic2', 'vmnic3'] }], dvPorts: [], evidence: { file: 't', line: 1, text: 'x' } }],
        });
        const findings: FindingResult[] = REMEDIATION_IDS.map((id) => ({ id: 'SAME_SUBNET_VMKNICS', severity: 'high', certainty: 'definite', title: 't', detail: 'd', evidence: [], hosts: ['esx-a'], vmknics: ['vmk1'], remediation: [id] }));
        for (const plan of planRemediation(findings, [buildHostView(m)])) {
          for (const b of [plan, ...(plan.alternatives ?? [])]) {
            const lines = [...b.commands.esxcli, ...b.commands.esxcfg, ...b.verify, ...b.rollback];
            const out = run(lines);
            expect(out.join('\n'), plan.id).not.toContain('RAN:');
            const args = out.flatMap((o) => o.split('\0'));
            const named = lines.filter((l) => !l.startsWith('#'));
            if (named.some((l) => l.includes('vMotion') || l.includes(' -p ') || l.includes('-v '))) {
              // Every printed name reached its program whole.
              for (const l of named) {
                const mentionsPg = l.includes(`'${pg.replace(/'/g, `'\\''`)}'`) || new RegExp(`(^| )${pg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( |$)`).test(l);
                if (mentionsPg) expect(args, l).toContain(pg);
              }
            }
          }
        }
      }),
      { numRuns: 25 },
    );
  });
});
