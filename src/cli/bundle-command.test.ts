import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleA, bundleB, filesA, TOP_A, TS, vcenterBundle } from '../bundles/fixtures.test-support.ts';
import { readExample, zip } from '../bundles/test-support.ts';
import { runCli, runJson } from './run-cli.test-support.ts';

let dir = '';
const p = (name: string) => join(dir, name);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'path-doctor-bundle-'));
  await writeFile(p('esx21.tgz'), bundleA());
  await writeFile(p('esx22.tgz'), bundleB());
  await writeFile(p('export.zip'), zip({ 'esx21-vm2024.tgz': bundleA(), 'esx22-vm2024.tgz': bundleB(), 'vc-vcsupport.tgz': vcenterBundle() }));
  // Magic bytes decide, not the extension.
  await writeFile(p('bundle-named.txt'), bundleA());
  await writeFile(p('paste-named.tgz'), readExample('modern-7.0u3-same-subnet/esx-a.txt'));
  // An unpacked bundle folder, with a link that must not be followed.
  for (const [rel, body] of Object.entries(filesA())) {
    const file = join(dir, 'unpacked', TOP_A, rel);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, body);
  }
  await symlink('/etc/passwd', join(dir, 'unpacked', TOP_A, 'commands', 'esxcfg-route_-n.txt'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('path-doctor bundle', () => {
  it('lists the hosts of a vCenter export, what was recognised, what is missing and the past migrations', async () => {
    const r = await runCli(['bundle', p('export.zip')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^BUNDLE export\.zip \(vCenter log export\): 2 hosts/);
    expect(r.stdout).toContain('HOST esx21.lab.local (from esx21-vm2024.tgz, folder esx-esx21.lab.local-2024-05-03--09.30-2099871, captured 2024-05-03 09:30)');
    expect(r.stdout).toMatch(/esxcfg-vmknic +commands\/esxcfg-vmknic_-l\.txt/);
    expect(r.stdout).toContain('at build default (the -d list of changed settings does not name them): /Migrate/BindToVmknic');
    expect(r.stdout).toContain('SKIPPED\n  export.zip → vc-vcsupport.tgz: the vCenter Server\'s own bundle, not a host');
    expect(r.stdout).toMatch(/2024-05-03T08:00:00\.000Z {2}vMotion outgoing of web01 172\.16\.10\.121 → 172\.16\.10\.122, not encrypted, FAILED/);
    expect(r.stdout).toContain('missing — run on the host instead (read-only):');
    expect(r.stdout).toMatch(/esxcli system settings advanced list -o \/Migrate\/BindToVmknic {4}# the value of \/Migrate\/BindToVmknic/);
  });

  it('prints the whole reading as JSON', async () => {
    const { code, json } = await runJson(['bundle', p('esx21.tgz')]);
    expect(code).toBe(0);
    expect(json.format).toBe('host-bundle');
    expect(json.hosts[0].model.name).toBe('esx21.lab.local');
    expect(json.hosts[0].observed.map((m: { id?: string }) => m.id)).toContain(TS.mgmt);
  });

  it('reads an unpacked bundle folder, never following links', async () => {
    const r = await runJson(['bundle', join(dir, 'unpacked', TOP_A)]);
    expect(r.code).toBe(0);
    expect(r.json.format).toBe('folder');
    expect(r.json.hosts[0].name).toBe('esx21.lab.local');
    expect(r.json.hosts[0].logs.filter((l: { scanned: boolean }) => l.scanned)).toHaveLength(5);
    expect(r.json.problems).toEqual([expect.objectContaining({ code: 'LINK_IGNORED', member: `${TOP_A}/commands/esxcfg-route_-n.txt` })]);
    // The parent folder (holding the host folder) works too.
    expect((await runJson(['bundle', join(dir, 'unpacked')])).json.hosts[0].name).toBe('esx21.lab.local');
  });

  it('tells a bundle by its first bytes, not its name', async () => {
    expect((await runCli(['bundle', p('bundle-named.txt')])).code).toBe(0);
    const r = await runCli(['bundle', p('paste-named.tgz')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/paste-named\.tgz is not a support bundle: neither a gzip or zip file \(by its first bytes\) nor a folder/);
  });

  it('needs exactly one FILE', async () => {
    expect((await runCli(['bundle'])).code).toBe(2);
    expect((await runCli(['bundle', 'a', 'b'])).stderr).toMatch(/bundle takes one FILE/);
    expect((await runCli(['bundle', p('esx21.tgz'), '--trace'])).stderr).toMatch(/bundle does not take --trace/);
  });
});

describe('path-doctor analyze with bundles', () => {
  it('--source BUNDLE analyses that host and adds the past migrations and their findings', async () => {
    const { code, json } = await runJson(['analyze', '--source', p('esx21.tgz')]);
    expect(code).toBe(1);
    expect(json.hosts[0].bindToVmknic).toEqual({ value: 3, source: 'evidence' });
    expect(json.observed.length).toBeGreaterThan(0);
    expect(json.findings.map((f: { id: string }) => f.id)).toContain('OBSERVED_VMOTION_ON_MANAGEMENT');
  });

  it('--source A.tgz --dest B.tgz analyses the pair, one migration logged on both shown once', async () => {
    const { json } = await runJson(['analyze', '--source', p('esx21.tgz'), '--dest', p('esx22.tgz')]);
    expect(json.hosts.map((h: { name: string }) => h.name)).toEqual(['esx21.lab.local', 'esx22.lab.local']);
    const mgmt = json.observed.find((o: { id?: string }) => o.id === TS.mgmt);
    expect(mgmt.loggedBy).toEqual(['esx21.lab.local', 'esx22.lab.local']);
    expect(mgmt.addresses[1]).toEqual({ address: '172.16.10.22', side: 'destination', host: 'esx22.lab.local', vmknic: 'vmk0', management: true, vmotionVmknic: false });
    // Which lines prove what: `file:line` of evidence lines, from both hosts' logs for the direction.
    const at = (e: string) => e.replace(/^(.*?:\d+): .*$/, '$1');
    const lines = new Set<string>(mgmt.evidence.map(at));
    expect(mgmt.proof.addresses.length).toBeGreaterThan(0);
    for (const l of [...mgmt.proof.addresses, ...mgmt.proof.direction, ...mgmt.proof.failure]) expect(lines).toContain(l);
    expect(new Set(mgmt.proof.direction.map((l: string) => l.split('/')[0]))).toEqual(new Set(mgmt.evidence.map((e: string) => e.split('/')[0])));
    expect(mgmt.proof.failure).toEqual([]);
  });

  it('picks hosts from a vCenter export with --source-host/--dest-host, and renders the section in text', async () => {
    const r = await runCli(['analyze', '--source', p('export.zip'), '--source-host', 'esx21', '--dest-host', 'esx22']);
    expect(r.stdout).toContain('PAST MIGRATIONS (from the host logs;');
    expect(r.stdout).toContain("A log line proves the addresses chosen for the stream, not the wire's egress when the socket is unbound");
  });

  it('reads a folder as --source, and mixes a bundle with a pasted session', async () => {
    expect((await runJson(['analyze', '--source', join(dir, 'unpacked', TOP_A)])).json.hosts[0].name).toBe('esx21.lab.local');
    const { json } = await runJson(['analyze', '--source', p('esx21.tgz'), '--dest', p('paste-named.tgz')]);
    expect(json.hosts.map((h: { name: string }) => h.name)).toEqual(['esx21.lab.local', 'esx21']);
  });

  it('refuses a bundle with nothing readable, in one sentence', async () => {
    await writeFile(p('empty.tgz'), (await import('../bundles/test-support.ts')).tgz([{ path: 'x/readme.md', body: 'hello' }]));
    const r = await runCli(['analyze', '--source', p('empty.tgz')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/empty\.tgz: no host output the analysis reads was found in this bundle .* Run `path-doctor bundle/);
  });
});
