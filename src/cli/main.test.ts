import { mkdtempSync, writeFileSync, truncateSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, runJson } from './run-cli.test-support.ts';

const ex = (p: string) => join('examples', p);
const dir = mkdtempSync(join(tmpdir(), 'vpd-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Buffer): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

describe('path-doctor analyze: the JSON contract', () => {
  it('reports hosts, flows, findings and remediation in the documented shape', async () => {
    const { code, json } = await runJson(['analyze', '--source', ex('bind0-6.7/esx-a.txt'), '--dest', ex('bind0-6.7/esx-b.txt')]);
    expect(code).toBe(1);
    expect(json.hosts.map((h: any) => h.name)).toEqual(['esx31', 'esx32']);
    const h = json.hosts[0];
    expect(h.version).toEqual({ product: 'VMware ESXi', version: '6.7.0', update: '3', build: '14320388' });
    expect(h.bindToVmknic).toEqual({ value: 0, source: 'evidence' });
    const vmk1 = h.vmknics.find((n: any) => n.name === 'vmk1');
    expect(vmk1).toMatchObject({ ipv4: '192.168.20.131', netmask: '255.255.255.0', netstack: 'defaultTcpipStack', tags: ['VMotion'], enabled: true, addressType: 'STATIC', mtu: 1500 });
    expect(h.routes[0]).toEqual({ netstack: 'defaultTcpipStack', network: '192.168.20.0', netmask: '255.255.255.0', gateway: '0.0.0.0', interface: 'vmk0' });
    const egress = json.flows.find((f: any) => f.traffic === 'vmotion' && f.role === 'source' && f.direction === 'egress');
    expect(egress).toMatchObject({ host: 'esx31', vmknics: ['vmk0'], certainty: 'definite', intended: ['vmk1'] });
    expect(egress.trace.length).toBeGreaterThan(2);
    const mismatch = json.findings.find((f: any) => f.id === 'VMOTION_EGRESS_MISMATCH');
    expect(mismatch).toMatchObject({ severity: 'high', certainty: 'definite', hosts: ['esx31'] });
    expect(mismatch.evidence.some((e: string) => e.includes('Local Subnet'))).toBe(true);
    const r1 = json.remediation.find((r: any) => r.id === 'R1');
    expect(r1.commands.esxcli.join('\n')).toContain('esxcli network ip interface ipv4 set -i vmk1');
    expect(r1.commands.powercli.join('\n')).toContain("$vmhost = Get-VMHost -Name 'esx31'\nGet-VirtualSwitch -VMHost $vmhost");
    expect(r1.commands.powercli.join('\n')).toContain("Get-VMHostNetworkAdapter -VMHost $vmhost -VMKernel -Name 'vmk1'");
    expect(r1.verify.length).toBeGreaterThan(0);
    expect(r1.rollback.join('\n')).toContain('192.168.20.131');
    expect(json.warnings).toEqual([]);
  });

  it('leaves fields the evidence does not show absent (no netstack from a 5.x table)', async () => {
    const { json } = await runJson(['analyze', '--source', ex('seed-chan-5.0/esx01.txt')]);
    for (const n of json.hosts[0].vmknics) expect(n).not.toHaveProperty('netstack');
  });

  it('exits 0 when no finding is blocker or high', async () => {
    const r = await runCli(['analyze', '--source', ex('provisioning-fallback-7.0/esx-a.txt'), '--dest', ex('provisioning-fallback-7.0/esx-b.txt')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^VERDICT: /);
  });

  it('reads standard input with -', async () => {
    const { readFileSync } = await import('node:fs');
    const r = await runCli(['analyze', '--source', '-', '--format', 'json'], readFileSync(ex('bind0-6.7/esx-a.txt'), 'utf8'));
    expect(JSON.parse(r.stdout).hosts[0].name).toBe('esx31');
  });

  it('renders Markdown for a ticket', async () => {
    const r = await runCli(['analyze', '--source', ex('bind0-6.7/esx-a.txt'), '--format', 'markdown']);
    expect(r.stdout).toMatch(/^# vMotion Path Doctor/);
    expect(r.stdout).toContain('## Remediation plan');
    expect(r.stdout).toContain('```sh');
  });

  it('analyses the two hosts of one paste as source and destination, never merged, and says so', async () => {
    const { json } = await runJson(['analyze', '--source', ex('messy/two-hosts-one-paste.txt')]);
    expect(json.hosts).toHaveLength(2);
    expect(json.hosts[0].name).toMatch(/^esx01/);
    expect(json.hosts[1].name).toMatch(/^esx02/);
    expect(json.hosts[0].version.version).not.toBe(json.hosts[1].version.version);
    expect(json.warnings.some((w: any) => /source.*destination/.test(w.message))).toBe(true);
  });
});

describe('path-doctor analyze: bad input gives exit 2 and one sentence naming the file', () => {
  const cases: [string, () => string, RegExp][] = [
    ['an empty file', () => file('empty.txt', ''), /empty/i],
    ['a binary file', () => file('bin.dat', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 3, 0, 0])), /binary/i],
    ['a file that does not exist', () => join(dir, 'nope.txt'), /does not exist/],
    [
      'a 200 MB file',
      () => {
        const p = file('huge.txt', '');
        truncateSync(p, 200 * 1024 * 1024);
        return p;
      },
      /larger than/,
    ],
    ['a Windows ipconfig dump', () => ex('messy/not-esxi.txt'), /no supported ESXi command output/i],
    ['garbage text', () => file('garbage.txt', 'hello world\nthis is not esxi\n\u00e9\u00e8 12345\n'), /no supported ESXi command output/i],
  ];
  for (const [what, make, message] of cases) {
    it(what, async () => {
      const p = make();
      const r = await runCli(['analyze', '--source', p]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toContain(p.split('/').pop()!);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    });
  }

  it('refuses an option that belongs to another command', async () => {
    const r = await runCli(['analyze', '--source', ex('bind0-6.7/esx-a.txt'), '--answer', 'symptom=fails']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/analyze does not take --answer/);
  });

  it('a usage error explains the usage', async () => {
    const r = await runCli(['analyze', '--source', ex('bind0-6.7/esx-a.txt'), '--migration', 'teleport']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--migration must be one of live, snapshots, non-shared, cold/);
  });
});

describe('path-doctor analyze: thin evidence', () => {
  it('only `vmware -vl`: prints what was read, no finding, and the commands that complete the picture', async () => {
    const { code, json } = await runJson(['analyze', '--source', ex('messy/only-version.txt')]);
    expect(code).toBe(0);
    expect(json.findings).toEqual([]);
    expect(json.hosts[0].version.version).toBe('8.0.2');
    expect(json.missing).toEqual(expect.arrayContaining(['esxcfg-vmknic -l', 'esxcfg-route -l']));
    expect(json.flows.filter((f: any) => f.traffic === 'vmotion').every((f: any) => f.certainty === 'uncertain' && f.vmknics.length === 0)).toBe(true);
  });

  it('a truncated table keeps the rows read and warns with the line number', async () => {
    const { json } = await runJson(['analyze', '--source', ex('messy/truncated.txt')]);
    expect(json.warnings.some((w: any) => w.line === 8)).toBe(true);
    expect(json.findings.map((f: any) => f.id)).not.toContain('NO_VMOTION_VMKNIC');
  });
});

describe('path-doctor analyze: the path picture and the report', () => {
  const pair = ['--source', ex('seed-denneman-5.1/source.txt'), '--dest', ex('seed-denneman-5.1/dest.txt'), '--migration', 'snapshots'];

  it('--format svg writes a well-formed picture of both hosts with one arrow per traffic class', async () => {
    const { parseXml, findAll, hasClass, textOf } = await import('../core/render/xml.test-support.ts');
    const r = await runCli(['analyze', ...pair, '--format', 'svg']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const svg = parseXml(r.stdout);
    expect(svg.name).toBe('svg');
    expect(textOf(svg)).toContain('esx11.lab.local');
    expect(textOf(svg)).toContain('esx12.lab.local');
    const classes = findAll(svg, (e) => hasClass(e, 'arrow')).map((a) => a.attrs['data-class']);
    expect(new Set(classes)).toEqual(new Set(['vmotion', 'vmotion-replies', 'nfc', 'management']));
    // The CLI passes the host models, so the uplinks from esxcfg-vswitch -l are drawn.
    expect(textOf(svg)).toContain('uplinks vmnic1');
  });

  it('--format html writes one self-contained report with the tool version and the pinned date', async () => {
    const { parseXml, findAll } = await import('../core/render/xml.test-support.ts');
    const { readFileSync } = await import('node:fs');
    const version = JSON.parse(readFileSync('package.json', 'utf8')).version as string;
    const saved = process.env.SOURCE_DATE_EPOCH;
    process.env.SOURCE_DATE_EPOCH = '1764064800';
    try {
      const r = await runCli(['analyze', ...pair, '--format', 'html']);
      expect(r.code).toBe(1);
      const doc = parseXml(r.stdout);
      expect(doc.name).toBe('html');
      expect(findAll(doc, (e) => e.name === 'script')).toEqual([]);
      expect(findAll(doc, (e) => e.name === 'meta' && e.attrs['http-equiv'] === 'Content-Security-Policy')).toHaveLength(1);
      expect(findAll(doc, (e) => e.name === 'svg')).toHaveLength(1);
      expect(r.stdout).toContain(`Generated 2025-11-25 10:00 UTC by vMotion Path Doctor ${version}`);
      const again = await runCli(['analyze', ...pair, '--format', 'html']);
      expect(again.stdout).toBe(r.stdout);
    } finally {
      if (saved === undefined) delete process.env.SOURCE_DATE_EPOCH;
      else process.env.SOURCE_DATE_EPOCH = saved;
    }
  });

  it('names svg and html among the formats', async () => {
    const r = await runCli(['analyze', '--source', ex('bind0-6.7/esx-a.txt'), '--format', 'pdf']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--format must be one of text, json, markdown, svg, html/);
    expect(r.stderr).toContain('[--format text|json|markdown|svg|html]');
  });
});

describe('path-doctor analyze --format html: the knowledge base in the appendix', () => {
  it('adds the articles that explain the report\'s findings', async () => {
    const r = await runCli(['analyze', '--source', ex('bind0-6.7/esx-a.txt'), '--dest', ex('bind0-6.7/esx-b.txt'), '--format', 'html']);
    expect(r.stdout).toContain('Appendix D: background on the findings');
    expect(r.stdout).toMatch(/<section id="[^"]+" class="article"><h3>[^<]*BindToVmknic/);
    expect(r.stdout).not.toMatch(/<script|https?:\/\/[^"]*\.(?:js|css|woff2?)\b/);
  });
});
