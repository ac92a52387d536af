import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleA, bundleB, vcenterBundle } from '../bundles/fixtures.test-support.ts';
import { zip } from '../bundles/test-support.ts';
import { estate50Files } from '../imports/test-support/estate-50.ts';
import { main } from './main.ts';
import { runCli, runJson } from './run-cli.test-support.ts';

const F = 'src/imports/__fixtures__';
const RV = ['vSC_VMK', 'vHost', 'vSwitch', 'vPort', 'dvSwitch', 'dvPort'].map((t) => `${F}/rvtools-4x/RVTools_tab${t}.csv`);
const ESTATE = [...RV, `${F}/powercli/vmk-ps51.csv`, `${F}/powercli/tags.csv`, `${F}/powercli/bind-to-vmknic.csv`];

const dir = mkdtempSync(join(tmpdir(), 'vpd-scan-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('path-doctor scan', () => {
  it('prints the JSON contract: hosts, pairs, groups, sources (exit 1: high findings)', async () => {
    const { code, json } = await runJson(['scan', ...ESTATE]);
    expect(code).toBe(1);
    expect(Object.keys(json)).toEqual(['migration', 'summary', 'hosts', 'pairs', 'groups', 'sources', 'warnings']);
    const h = json.hosts[0];
    expect(Object.keys(h)).toEqual(['name', 'vcenter', 'datacenter', 'cluster', 'version', 'vmknics', 'bindToVmknic', 'findings', 'risk', 'unknown', 'provenance']);
    expect(h).toMatchObject({ name: 'esx01.lab.local', vcenter: 'vc01.lab.local', cluster: 'Prod', bindToVmknic: { value: 0, source: 'evidence' } });
    expect(h.findings[0]).toEqual({ id: 'VMOTION_EGRESS_MISMATCH', severity: 'high', certainty: 'probable', vmknics: ['vmk0', 'vmk1'] });
    expect(json.pairs[0]).toMatchObject({ hosts: ['esx01.lab.local', 'esx02.lab.local'], cluster: 'Prod' });
    expect(json.groups[0]).toMatchObject({ id: expect.any(String), severity: 'high', hosts: expect.any(Array) });
    expect(json.sources[0]).toEqual({ file: RV[0], format: 'rvtools-csv', tabs: ['vSC_VMK'], rows: 9, hosts: 3, vmknics: 9, missingColumns: [], skipped: [], notes: expect.any(Array) });
  });

  it('exit 0 when no host or pair has a blocker or high finding (the clean hosts of the collector sample)', async () => {
    const doc = JSON.parse(readFileSync(`${F}/collector/estate.json`, 'utf8'));
    doc.hosts = doc.hosts.filter((h: { name: string }) => h.name !== 'edge03.lab.local');
    const file = join(dir, 'clean.json');
    writeFileSync(file, JSON.stringify(doc));
    const r = await runCli(['scan', file, '--format', 'json']);
    expect(JSON.parse(r.stdout).summary).toMatchObject({ hosts: 2, worst: 'none' });
    expect(r.code).toBe(0);
  });

  it('--compact writes the same JSON on one line; it applies to JSON only', async () => {
    const pretty = await runCli(['scan', ...ESTATE, '--format', 'json']);
    const compact = await runCli(['scan', ...ESTATE, '--format', 'json', '--compact']);
    expect(compact.code).toBe(pretty.code);
    expect(compact.stdout.trimEnd()).not.toContain('\n');
    expect(compact.stdout.length).toBeLessThan(pretty.stdout.length * 0.8);
    expect(JSON.parse(compact.stdout)).toEqual(JSON.parse(pretty.stdout));
    const text = await runCli(['scan', ...ESTATE, '--compact']);
    expect(text.code).toBe(2);
    expect(text.stderr).toMatch(/--compact applies to --format json/);
  });

  it('streams the JSON, waiting for a full standard output to drain, and writes every byte', async () => {
    const files = Object.entries(estate50Files()).map(([name, text]) => {
      const p = join(dir, `s50-${name}`);
      writeFileSync(p, text);
      return p;
    });
    const writes: string[] = [];
    let drains = 0;
    let waiting = false;
    const code = await main(['scan', ...files, '--format', 'json'], {
      stdout: (s) => {
        // A pipe whose reader is slow: every write fills it; writing again before the drain is the bug.
        expect(waiting).toBe(false);
        writes.push(s);
        waiting = true;
        return false;
      },
      stderr: () => {},
      drain: async () => {
        drains++;
        await new Promise((r) => setTimeout(r, 1));
        waiting = false;
      },
    });
    const whole = await runCli(['scan', ...files, '--format', 'json']);
    expect(code).toBe(whole.code);
    expect(writes.join('')).toBe(whole.stdout);
    // 50 hosts are ~0.3 MB of JSON: more than one write, each followed by a wait but the last.
    expect(writes.length).toBeGreaterThan(1);
    expect(drains).toBe(writes.length - 1);
  });

  it('writes CSV and Markdown with formula injection neutralised', async () => {
    const file = join(dir, 'RVTools_tabvSC_VMK.csv');
    writeFileSync(file, 'Host,Cluster,Device,Port Group,IP Address,Subnet mask,MTU\n"=HYPERLINK(""http://x"")",@Cl,vmk0,-pg,10.0.0.1,255.255.255.0,1500\n');
    const csv = await runCli(['scan', file, '--format', 'csv']);
    expect(csv.stdout.split('\r\n')[1]).toMatch(/^"'=HYPERLINK\(""http:\/\/x""\)",,,'@Cl,/);
    const md = await runCli(['scan', file, '--format', 'markdown']);
    expect(md.stdout).toContain("| '=HYPERLINK\\(\"http://x\"\\) | '@Cl |");
  });

  it('refuses a bad file with exit 2 and one sentence naming it', async () => {
    const file = join(dir, 'notes.txt');
    writeFileSync(file, 'nothing to see here\n');
    const r = await runCli(['scan', file]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^path-doctor: .*notes\.txt is not a supported export: expected /);
  });

  it('exit 2 for usage errors: no file, standard input, an unknown format or option', async () => {
    expect((await runCli(['scan'])).code).toBe(2);
    expect((await runCli(['scan', '-'])).stderr).toMatch(/scan reads files only/);
    expect((await runCli(['scan', ...RV, '--format', 'xml'])).stderr).toMatch(/--format must be one of text, json, csv, markdown/);
    expect((await runCli(['scan', ...RV, '--source', 'x'])).stderr).toMatch(/scan does not take --source/);
  });

  it('prints a text report with grouped findings and what the files could not tell', async () => {
    const r = await runCli(['scan', ...RV]);
    expect(r.stdout).toMatch(/^ESTATE: 3 hosts in 1 cluster; worst risk: /);
    expect(r.stdout).toContain('FINDINGS (grouped)');
    expect(r.stdout).toMatch(/NOT KNOWN FROM THESE FILES\n {2}tags on 3 hosts/);
  });

  describe('support bundles (issue 9: scan EXPORT.zip)', () => {
    const exportZip = join(dir, 'export.zip');
    writeFileSync(exportZip, zip({ 'esx21-vm2024.tgz': bundleA(), 'esx22-vm2024.tgz': bundleB(), 'vc-vcsupport.tgz': vcenterBundle() }));

    it('scans every host of a vCenter log export, with the export as one source', async () => {
      const { code, json } = await runJson(['scan', exportZip]);
      expect(code).not.toBe(2);
      expect(json.hosts.map((h: { name: string }) => h.name)).toEqual(['esx21.lab.local', 'esx22.lab.local']);
      expect(json.hosts[0].vmknics.length).toBeGreaterThan(0);
      expect(json.hosts[0].provenance.vmknics).toEqual(['export.zip']);
      expect(json.sources).toEqual([
        expect.objectContaining({ file: 'export.zip', format: 'vcenter-log-export', hosts: 2, missingColumns: [], skipped: [] }),
      ]);
      const notes: string[] = json.sources[0].notes;
      expect(notes.some((n) => /vc-vcsupport\.tgz skipped/.test(n))).toBe(true);
      expect(notes.some((n) => /does not say which cluster/.test(n))).toBe(true);
      // The bundle's `-d` list proves BindToVmknic is at its default: not an unknown (the cluster is).
      expect(json.hosts[0].unknown.map((u: { key: string }) => u.key)).toEqual(['cluster']);
      // Without a cluster nothing is paired.
      expect(json.pairs).toEqual([]);
    });

    it('merges an inventory export: its cluster, the bundle\'s model; the pair is then checked', async () => {
      const vmk = join(dir, 'RVTools_tabvSC_VMK.csv');
      writeFileSync(
        vmk,
        'Host,Cluster,Device,Port Group,IP Address,Subnet mask,MTU\n' +
          'esx21.lab.local,Lab,vmk0,Management Network,10.99.0.21,255.255.255.0,1500\n' +
          'esx22.lab.local,Lab,vmk0,Management Network,10.99.0.22,255.255.255.0,1500\n',
      );
      const { json } = await runJson(['scan', vmk, exportZip]);
      const esx21 = json.hosts.find((h: { name: string }) => h.name === 'esx21.lab.local');
      expect(esx21.cluster).toBe('Lab');
      // The bundle's own outputs, not the CSV's made-up addresses.
      expect(esx21.vmknics.map((v: { ipv4?: string }) => v.ipv4)).not.toContain('10.99.0.21');
      expect(json.pairs.map((p: { hosts: string[] }) => p.hosts)).toEqual([['esx21.lab.local', 'esx22.lab.local']]);
      expect(json.warnings.map((w: { message: string }) => w.message)).toContain(
        "esx21.lab.local: the support bundle's own command outputs replace what the exports said about its network; its vCenter and cluster come from the exports.",
      );
    });

    it('refuses a damaged bundle with exit 2 and the reader\'s sentence', async () => {
      const bad = join(dir, 'broken.tgz');
      writeFileSync(bad, Buffer.concat([Buffer.from([0x1f, 0x8b, 8, 0]), Buffer.alloc(64, 7)]));
      const r = await runCli(['scan', bad]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^path-doctor: .*broken\.tgz/);
    });
  });
});
