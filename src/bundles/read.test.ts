import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../core/render/markdown.ts';
import { renderText } from '../core/render/text.ts';
import type { HostModel } from '../core/model/host.ts';
import { analyzeBundleHosts, bytesSource, readBundle, readExportHosts } from './index.ts';
import type { BundleHost, FolderEntry } from './index.ts';
import {
  bundleA,
  bundleB,
  DELTA_WITHOUT_BIND,
  filesA,
  readFixture,
  TOP_A,
  TS,
  vcenterBundle,
} from './fixtures.test-support.ts';
import { commandFiles, fragments, hostBundle, readExample, tgz, zip } from './test-support.ts';

type Read = BundleHost & { model: HostModel };

async function readOne(bytes: Uint8Array, options = {}): Promise<Read> {
  const reading = await readBundle(bytesSource('esx21.tgz', bytes), options);
  expect(reading.hosts).toHaveLength(1);
  const host = reading.hosts[0]!;
  expect(host.model).toBeDefined();
  return host as Read;
}

describe('readBundle: a host bundle (.tgz)', () => {
  it('names the host from the top folder and reads every output the analysis uses, recognised by content', async () => {
    const reading = await readBundle(bytesSource('esx21.tgz', bundleA()));
    expect(reading.format).toBe('host-bundle');
    expect(reading.problems).toEqual([]);
    const host = reading.hosts[0]!;
    expect(host.name).toBe('esx21.lab.local');
    expect(host.capturedAt).toBe('2024-05-03 09:30');
    expect(host.kind).toBe('esxi');
    expect(host.readme).toMatchObject({ 'Command line': '/bin/vm-support -w /vmfs/volumes/datastore1', Options: expect.stringContaining('Logs:System') });
    const m = host.model!;
    expect(m.version).toMatchObject({ version: '7.0.3', build: '22348816' });
    expect(m.vmknics.map((n) => [n.name, n.ipv4, n.netstack])).toEqual([
      ['vmk0', '172.16.10.21', 'defaultTcpipStack'],
      ['vmk1', '172.16.10.121', 'defaultTcpipStack'],
    ]);
    expect(m.routes.map((r) => `${r.network}/${r.netmask} ${r.interface}`)).toContain('172.16.10.0/255.255.255.0 vmk0');
    expect(new Set(host.recognised.map((r) => r.kind))).toEqual(
      new Set(['vmware-version', 'esxcfg-vmknic', 'ipv4-get', 'esxcfg-route', 'route-ipv4-list', 'netstack-list', 'esxcfg-vswitch', 'esxcfg-nics', 'advanced-list', 'vimdump']),
    );
    expect(host.recognised.every((r) => r.how === 'content' && r.parsed)).toBe(true);
    // Evidence points at the member inside the bundle, with the member's own line numbers.
    const vmk0 = m.vmknics[0]!;
    expect(vmk0.evidence).toContainEqual(expect.objectContaining({ file: `${TOP_A}/commands/esxcfg-vmknic_-l.txt`, line: 2 }));
  });

  it('takes the vmknic services from the host object dump when no tag get output exists', async () => {
    const host = await readOne(bundleA());
    const [vmk0, vmk1] = host.model.vmknics;
    expect(vmk0).toMatchObject({ tags: ['Management'], tagSource: 'export' });
    expect(vmk1).toMatchObject({ tags: ['VMotion'], tagSource: 'export' });
    expect(vmk1!.evidence.some((e) => e.file.endsWith('vmware-vimdump_-o----U-dcui.txt'))).toBe(true);
    // …and a tag get output, where present, wins.
    const withTags = await readOne(bundleA({ tags: true }));
    expect(withTags.model.vmknics.map((n) => n.tagSource)).toEqual(['tag-get', 'tag-get']);
  });

  it('treats file names as hints: an output under another command\'s name is read by its content', async () => {
    const files = filesA();
    // `vmware -vl` output saved under the NIC list's name; the real NIC list is missing.
    files['commands/esxcfg-nics_-l.txt'] = 'VMware ESXi 7.0.3 build-22348816\nVMware ESXi 7.0 Update 3\n';
    delete files['commands/vmware_-vl.txt'];
    const host = await readOne(tgz(hostBundle(TOP_A, files)));
    const r = host.recognised.find((x) => x.file.endsWith('esxcfg-nics_-l.txt'));
    expect(r).toMatchObject({ kind: 'vmware-version', how: 'content' });
    expect(r?.command).toBeUndefined();
    expect(host.model.version?.build).toBe('22348816');
    expect(host.model.nics).toEqual([]);
    expect(host.missing.map((x) => x.command)).toContain('esxcfg-nics -l');
  });

  it('uses the command a file name stands for where the output itself does not say it (tag get -i vmkN)', async () => {
    const host = await readOne(bundleA({ tags: true, vimdump: false }));
    const tag = host.recognised.find((x) => x.file.endsWith('localcli_network-ip-interface-tag-get--i-vmk1.txt'));
    expect(tag).toMatchObject({ kind: 'tag-get', command: 'esxcli network ip interface tag get -i vmk1' });
    expect(host.model.vmknics[1]).toMatchObject({ name: 'vmk1', tags: ['VMotion'], tagSource: 'tag-get' });
  });

  it('reads a text output found before the JSON of a json/ member, and passes pure JSON over', async () => {
    const files = filesA();
    const netstack = files['commands/localcli_network-ip-netstack-list.txt'] as string;
    delete files['commands/localcli_network-ip-netstack-list.txt'];
    files['json/localcli_network-ip-netstack-list.json'] = `${netstack}\n[{"Key": "defaultTcpipStack", "Name": "defaultTcpipStack", "State": 4660}]\n`;
    files['json/localcli_network-ip-interface-list.json'] = '[{"Name": "vmk0", "MACAddress": "98:03:9b:8c:4e:20"}]';
    const host = await readOne(tgz(hostBundle(TOP_A, files)));
    expect(host.recognised.find((r) => r.kind === 'netstack-list')).toMatchObject({ file: `${TOP_A}/json/localcli_network-ip-netstack-list.json`, how: 'content' });
    expect(host.model.netstacks).toEqual(['defaultTcpipStack']);
    expect(host.recognised.some((r) => r.file.endsWith('interface-list.json'))).toBe(false);
    expect(host.unrecognised).toEqual([]);
  });

  it('joins FRAG pieces in numeric order, whatever order the archive stores them in', async () => {
    const files = filesA();
    const vmknic = files['commands/esxcfg-vmknic_-l.txt'] as string;
    delete files['commands/esxcfg-vmknic_-l.txt'];
    const pieces = Object.entries(fragments('commands/esxcfg-vmknic_-l.txt', vmknic, 3)).reverse();
    const host = await readOne(tgz(hostBundle(TOP_A, { ...files, ...Object.fromEntries(pieces) })));
    expect(host.model.vmknics.map((n) => [n.name, n.ipv4, n.mac])).toEqual([
      ['vmk0', '172.16.10.21', '98:03:9b:8c:4e:20'],
      ['vmk1', '172.16.10.121', '00:50:56:6a:3c:d1'],
    ]);
    expect(host.recognised.find((r) => r.kind === 'esxcfg-vmknic')?.file).toBe(`${TOP_A}/commands/esxcfg-vmknic_-l.txt`);
  });

  it('says so when the FRAG numbering has a gap, naming the member and the missing pieces', async () => {
    const files = filesA();
    const vswitch = files['commands/esxcfg-vswitch_-l.txt'] as string;
    delete files['commands/esxcfg-vswitch_-l.txt'];
    const pieces = fragments('commands/esxcfg-vswitch_-l.txt', vswitch, 4);
    delete pieces['commands/esxcfg-vswitch_-l.txt.FRAG-00001'];
    const reading = await readBundle(bytesSource('esx21.tgz', tgz(hostBundle(TOP_A, { ...files, ...pieces }))));
    const gap = reading.problems.find((p) => p.code === 'FRAG_GAP');
    expect(gap?.member).toBe(`${TOP_A}/commands/esxcfg-vswitch_-l.txt`);
    expect(gap?.message).toMatch(/FRAG-00001 missing/);
    expect(gap?.fatal).toBe(false);
  });

  it('reads a log split into FRAG pieces with the line numbers of the whole log', async () => {
    const files = filesA();
    delete files['var/run/log/vmkernel.log'];
    const host = await readOne(tgz(hostBundle(TOP_A, { ...files, ...fragments('var/run/log/vmkernel.log', (await import('./fixtures.test-support.ts')).VMKERNEL_A, 3) })));
    const failed = host.observed.find((m) => m.id === TS.failed);
    expect(failed?.evidence.map((e) => [e.file, e.line])).toContainEqual([`${TOP_A}/var/run/log/vmkernel.log`, 5]);
  });
});

describe('the -d advanced list rule', () => {
  it('a -d list without a /Migrate/BindToVmknic block proves the build default: definite, and the trace says why', async () => {
    const host = await readOne(bundleA());
    expect(host.model.advanced['/Migrate/BindToVmknic']).toBeUndefined();
    expect(host.model.advancedAtDefault?.['/Migrate/BindToVmknic']).toMatchObject({
      file: `${TOP_A}/commands/localcli_system-settings-advanced-list--d.txt`,
      line: 1,
    });
    expect(host.missing.map((m) => m.command)).not.toContain('esxcli system settings advanced list -o /Migrate/BindToVmknic');
    const result = analyzeBundleHosts({ source: host });
    expect(result.hosts[0]?.bindToVmknic).toEqual({ value: 3, source: 'evidence' });
    const egress = result.flows.find((f) => f.traffic === 'vmotion' && f.role === 'source' && f.direction === 'egress');
    expect(egress?.trace.join('\n')).toMatch(/Migrate\.BindToVmknic on esx21\.lab\.local is 3, its build default: the list of settings that differ from their default \(esxcli system settings advanced list -d\) does not name it/);
    expect(egress?.trace.join('\n')).toContain('localcli_system-settings-advanced-list--d.txt:1');
    expect(result.missing.some((m) => m.includes('BindToVmknic'))).toBe(false);
  });

  it('a -d list that names BindToVmknic gives its value, not the default', async () => {
    const zero = readFixture('advanced-list/bind-70.txt').replace('Int Value: 3', 'Int Value: 0');
    const host = await readOne(bundleA({ delta: `${DELTA_WITHOUT_BIND}\n${zero}` }));
    expect(host.model.advanced['/Migrate/BindToVmknic']?.value).toBe(0);
    expect(host.model.advancedAtDefault?.['/Migrate/BindToVmknic']).toBeUndefined();
    // AutoBindVmknic does not exist on 7.0 U3o: the list proves nothing about it.
    expect(host.model.advancedAtDefault).toBeUndefined();
    const result = analyzeBundleHosts({ source: host });
    expect(result.findings.map((f) => f.id)).toContain('BIND_TO_VMKNIC_SET');
  });

  it('on a build that has Migrate.AutoBindVmknic (6.7), the -d list proves it at its default 1 as well', async () => {
    const files = { ...commandFiles(readExample('bind0-6.7/esx-b.txt'), (c) => c.includes('AutoBindVmknic')), 'commands/localcli_system-settings-advanced-list--d.txt': DELTA_WITHOUT_BIND };
    const host = await readOne(tgz(hostBundle('esx-esx32.lab.local-2024-05-03--09.30-1', files)));
    // BindToVmknic was shown (its own `-o` output), so only AutoBindVmknic is proven by the list.
    expect(Object.keys(host.model.advancedAtDefault ?? {})).toEqual(['/Migrate/AutoBindVmknic']);
    const receiver = analyzeBundleHosts({ source: host }).flows.find((f) => f.role === 'destination' && f.traffic === 'vmotion' && f.direction === 'egress');
    expect(receiver?.trace.join('\n')).toMatch(/Migrate\.AutoBindVmknic on esx32\.lab\.local is 1, its build default/);
  });

  it('a -d file holding an error message (no -d on that build) proves nothing', async () => {
    const host = await readOne(bundleA({ delta: 'Error: Invalid option -d\n' }));
    expect(host.model.advancedAtDefault).toBeUndefined();
    expect(host.unrecognised).toContain(`${TOP_A}/commands/localcli_system-settings-advanced-list--d.txt`);
    expect(analyzeBundleHosts({ source: host }).hosts[0]?.bindToVmknic.source).toBe('version-default');
  });

  it('a bundle without the -d file leaves BindToVmknic as before (build default assumed, probable) and lists the command', async () => {
    const host = await readOne(bundleA({ delta: false }));
    expect(host.model.advancedAtDefault).toBeUndefined();
    expect(host.missing.map((m) => m.command)).toContain('esxcli system settings advanced list -o /Migrate/BindToVmknic');
    expect(analyzeBundleHosts({ source: host }).hosts[0]?.bindToVmknic).toEqual({ value: 3, source: 'version-default' });
  });
});

describe('what the bundle lacks', () => {
  it('lists each missing output with the read-only command to run on the host instead', async () => {
    const host = await readOne(bundleA({ vimdump: false }));
    const commands = host.missing.map((m) => m.command);
    expect(commands).toEqual(
      expect.arrayContaining([
        'esxcli network ip interface tag get -i vmk0',
        'esxcli network ip interface tag get -i vmk1',
      ]),
    );
    // Outputs the bundle has (or stands-in for) are not asked for; AutoBindVmknic does not exist on 7.0 U3o.
    expect(commands).not.toContain('esxcfg-vmknic -l');
    expect(commands).not.toContain('esxcli network ip interface list');
    expect(commands.some((c) => c.includes('AutoBindVmknic'))).toBe(false);
    const reading = await readBundle(bytesSource('x.tgz', bundleA()));
    expect(reading.collector).toMatch(/^h=\$\(hostname -s\);/);
  });

  it('says when the logs were not collected', async () => {
    const files = Object.fromEntries(Object.entries(filesA()).filter(([k]) => !k.startsWith('var/run/log/')));
    const host = await readOne(tgz(hostBundle(TOP_A, files)));
    expect(host.missing.find((m) => m.what.startsWith('vmkernel.log'))?.why).toMatch(/Logs:System/);
  });
});

describe('what the logs prove', () => {
  it('lists the past migrations newest first: time, direction, addresses, encryption, outcome; vmware.log adds the VM', async () => {
    const host = await readOne(bundleA());
    const summary = host.observed.map((m) => [m.traffic, m.id ?? m.destAddresses[0], m.direction, m.encrypted, m.outcome]);
    expect(summary).toEqual([
      ['vmotion', TS.failed, 'outgoing', 'no', 'failed'],
      ['vmotion', TS.mgmt, 'outgoing', 'yes', 'no-failure-logged'],
      ['nfc', '172.16.10.22', 'outgoing', 'unknown', 'failed'],
      ['vmotion', TS.incoming, 'incoming', 'yes', 'no-failure-logged'],
      ['vmotion', TS.old, 'outgoing', 'unknown', 'no-failure-logged'],
    ]);
    const failed = host.observed[0]!;
    expect(failed).toMatchObject({ vm: 'web01', time: '2024-05-03T08:00:00.000Z', sourceAddresses: ['172.16.10.121'], destAddresses: ['172.16.10.122'] });
    expect(failed.evidence.map((e) => e.file.split('/').pop())).toEqual(['vmkernel.log', 'vmkernel.log', 'vmware.log']);
    expect(failed.proof?.failure.map((e) => e.file.split('/').pop())).toEqual(['vmkernel.log']);
    expect(host.observed.find((m) => m.traffic === 'nfc')?.count).toBe(2);
    // The VM log's migration between two other hosts is not this host's.
    expect(host.observed.some((m) => m.sourceAddresses.includes('10.9.9.1'))).toBe(false);
    expect(host.logs.map((l) => [l.file.slice(TOP_A.length + 1), l.scanned])).toEqual([
      ['var/run/log/hostd.log', true],
      ['var/run/log/vmkernel.log', true],
      ['vmfs/volumes/5f1e2d3c-aa11bb22-cc33-0050569a0001/web01/vmware.log', true],
      ['var/run/log/vmkernel.0.gz', true],
      ['var/run/log/vmkernel.1.gz', true],
    ]);
  });

  it('inflates rotated logs newest first and stops when the log budget is spent', async () => {
    const f = await import('./fixtures.test-support.ts');
    // Room for the current logs and the newest rotation, not for the oldest one.
    const budget = [f.VMKERNEL_A, f.HOSTD_A, f.VMWARE_LOG, f.VMKERNEL_A_ROTATION_0].reduce((n, t) => n + new TextEncoder().encode(t).length, 0);
    const host = await readOne(bundleA(), { limits: { maxLogBytes: budget } });
    expect(host.logs.find((l) => l.file.endsWith('vmkernel.0.gz'))?.scanned).toBe(true);
    expect(host.logs.find((l) => l.file.endsWith('vmkernel.1.gz'))?.scanned).toBe(false);
    expect(host.observed.some((m) => m.id === TS.incoming)).toBe(true);
    expect(host.observed.some((m) => m.id === TS.old)).toBe(false);
    const reading = await readBundle(bytesSource('esx21.tgz', bundleA()), { limits: { maxLogBytes: budget } });
    expect(reading.problems.find((p) => p.code === 'LOG_BUDGET')?.message).toMatch(/1 older rotated log was not read/);
  });

  it('raises OBSERVED_VMOTION_ON_MANAGEMENT with the log lines as evidence, and words what a line proves', async () => {
    const host = await readOne(bundleA());
    const result = analyzeBundleHosts({ source: host });
    const finding = result.findings.find((f) => f.id === 'OBSERVED_VMOTION_ON_MANAGEMENT');
    expect(finding).toMatchObject({ severity: 'high', certainty: 'definite', hosts: ['esx21.lab.local'], vmknics: ['vmk0'] });
    expect(finding?.evidence).toEqual([`${TOP_A}/var/run/log/vmkernel.log:2: ${(await import('./fixtures.test-support.ts')).VMKERNEL_A.split('\n')[1]}`]);
    expect(finding?.detail).toContain('A log line proves the addresses chosen for the stream, not the wire\'s egress when unbound.');
    expect(result.verdict.summary).toMatch(/The logs show 1 problem with past migrations \(Past vMotion used the management address\)/);
    // The same sentence on its own, for the result screen (which shows the worst finding and the migration apart).
    expect(result.verdict.pastMigrations).toBe('The logs show 1 problem with past migrations (Past vMotion used the management address).');
    expect(result.verdict.overview).toContain(result.verdict.pastMigrations);
    const observed = result.observed ?? [];
    expect(observed[1]?.addresses).toEqual([
      { address: '172.16.10.21', side: 'source', host: 'esx21.lab.local', vmknic: 'vmk0', management: true, vmotionVmknic: false },
      { address: '172.16.10.22', side: 'destination' },
    ]);
    expect(observed[1]?.proves).toMatch(/addresses chosen for this vMotion stream .* not the vmknic the packets left by when the socket is unbound/);
    expect(renderText(result)).toContain('PAST MIGRATIONS (from the host logs; 5)');
    expect(renderMarkdown(result)).toContain('## Past migrations (from the host logs)');
  });

  it('raises OBSERVED_VMOTION_ADDRESS_MISMATCH (low, uncertain) for a stream address no vmknic of the host has', async () => {
    const files = filesA();
    files['var/run/log/vmkernel.log'] = `2024-05-05T12:00:00.000Z In(182) vmkernel: cpu1:2100000)Migrate: 314: vmotion: Source vmmLeaderID = 1, ts = 7182955985600000777, srcIP = <172.16.10.199> dstIP = <172.16.10.122> Dest wid = 2 using SHARED swap, encrypted\n`;
    const host = await readOne(tgz(hostBundle(TOP_A, files)));
    const finding = analyzeBundleHosts({ source: host }).findings.find((f) => f.id === 'OBSERVED_VMOTION_ADDRESS_MISMATCH');
    expect(finding).toMatchObject({ severity: 'low', certainty: 'uncertain', hosts: ['esx21.lab.local'] });
    expect(finding?.detail).toMatch(/172\.16\.10\.199, which is not the address of any vmknic in the evidence of esx21\.lab\.local/);
  });
});

describe('readBundle: a vCenter "Export System Logs" zip', () => {
  const exportZip = () =>
    zip({
      'esx21.lab.local-vm2024-05-03@09-30-11.tgz': bundleA(),
      'esx22.lab.local-vm2024-05-03@09-41-02.tgz': bundleB(),
      'VMware-vCenter-support-2024-05-03@09-45-00-vcsupport.tgz': vcenterBundle(),
      'manifest.txt': 'not a bundle\n',
    });

  it('reads every host bundle inside, skips the vCenter\'s own, and names each host from its folder', async () => {
    const reading = await readBundle(bytesSource('VMware-vCenter-support-2024-05-03@09-45-00.zip', exportZip()));
    expect(reading.format).toBe('vcenter-export');
    expect(reading.hosts.map((h) => [h.name, h.container])).toEqual([
      ['esx21.lab.local', 'esx21.lab.local-vm2024-05-03@09-30-11.tgz'],
      ['esx22.lab.local', 'esx22.lab.local-vm2024-05-03@09-41-02.tgz'],
    ]);
    expect(reading.skipped.map((s) => s.member)).toEqual(['VMware-vCenter-support-2024-05-03@09-45-00.zip → VMware-vCenter-support-2024-05-03@09-45-00-vcsupport.tgz']);
    expect(reading.problems).toEqual([]);
  });

  it('skips a vCenter bundle recognised by its content when its name does not say so', async () => {
    const reading = await readBundle(bytesSource('export.zip', zip({ 'a.tgz': bundleA(), 'b.tgz': vcenterBundle() })));
    expect(reading.hosts.map((h) => h.name)).toEqual(['esx21.lab.local']);
    expect(reading.skipped[0]?.reason).toMatch(/vCenter Server bundle/);
  });

  it('gives the estate scan the host models of the export (readExportHosts)', async () => {
    const { models, reading } = await readExportHosts(bytesSource('export.zip', exportZip()));
    expect(models.map((m) => m.name)).toEqual(['esx21.lab.local', 'esx22.lab.local']);
    expect(reading.hosts).toHaveLength(2);
  });

  it('analyses a pair from the export, one migration logged on both hosts shown once with both hosts\' lines', async () => {
    const reading = await readBundle(bytesSource('export.zip', exportZip()));
    const [a, b] = reading.hosts as Read[];
    const result = analyzeBundleHosts({ source: a!, dest: b! });
    const mgmt = result.observed?.find((o) => o.id === TS.mgmt);
    expect(mgmt?.loggedBy).toEqual(['esx21.lab.local', 'esx22.lab.local']);
    expect(mgmt?.addresses).toEqual([
      { address: '172.16.10.21', side: 'source', host: 'esx21.lab.local', vmknic: 'vmk0', management: true, vmotionVmknic: false },
      { address: '172.16.10.22', side: 'destination', host: 'esx22.lab.local', vmknic: 'vmk0', management: true, vmotionVmknic: false },
    ]);
    expect(mgmt?.evidence).toHaveLength(2);
    const on = result.findings.filter((f) => f.id === 'OBSERVED_VMOTION_ON_MANAGEMENT').map((f) => f.hosts[0]);
    expect(on.sort()).toEqual(['esx21.lab.local', 'esx22.lab.local']);
    // The vMotion-address migrations match the computed vMotion vmknics: no mismatch.
    expect(result.findings.some((f) => f.id === 'OBSERVED_VMOTION_ADDRESS_MISMATCH')).toBe(false);
  });

  it('reports progress as the export is read', async () => {
    const seen: number[] = [];
    const noise = new Uint8Array(12 * 1024 * 1024);
    for (let at = 0; at < noise.length; at += 65536) crypto.getRandomValues(noise.subarray(at, at + 65536));
    const big = zip({ 'a.tgz': tgz(hostBundle(TOP_A, { ...filesA(), 'var/core/dump.1': noise })) });
    const members: (string | undefined)[] = [];
    await readBundle(bytesSource('export.zip', big, 256 * 1024), {
      onProgress: (p) => {
        seen.push(p.bytesRead);
        members.push(p.member);
      },
    });
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((n, i) => i === 0 || n > seen[i - 1]!)).toBe(true);
    // Reading the zip's own directory reports no member; every member named is the one export member.
    expect(members.filter((m) => m !== undefined).every((m) => m === 'a.tgz')).toBe(true);
    expect(members).toContain('a.tgz');
  });
});

describe('readFolder (an unpacked bundle, entries from the caller\'s walker)', () => {
  const entry = (path: string, body?: string): FolderEntry => ({
    path,
    type: body === undefined ? 'directory' : 'file',
    size: body === undefined ? 0 : new TextEncoder().encode(body).length,
    async *open() {
      if (body !== undefined) yield new TextEncoder().encode(body);
    },
  });
  async function* list(items: FolderEntry[]) {
    yield* items;
  }
  const files = filesA();

  it('takes the folder given as the host folder when it holds commands/, etc/, var/ … at its top', async () => {
    const { readFolder } = await import('./index.ts');
    const reading = await readFolder(TOP_A, list([entry('altbootbank'), entry('commands'), entry('commands/vmware_-vl.txt', files['commands/vmware_-vl.txt'] as string)]));
    expect(reading.hosts.map((h) => [h.name, h.folder])).toEqual([['esx21.lab.local', TOP_A]]);
    expect(reading.hosts[0]?.model?.version?.build).toBe('22348816');
  });

  it('reads host folders inside the folder given, and refuses unsafe entries and links by name', async () => {
    const { readFolder } = await import('./index.ts');
    const reading = await readFolder('case-1234', list([
      entry(TOP_A),
      entry(`${TOP_A}/commands/vmware_-vl.txt`, files['commands/vmware_-vl.txt'] as string),
      { ...entry(`${TOP_A}/commands/esxcfg-vmknic_-l.txt`, ''), type: 'link' as const },
      entry('../outside.txt', 'x'),
    ]));
    expect(reading.hosts.map((h) => h.name)).toEqual(['esx21.lab.local']);
    expect(reading.problems.map((p) => [p.code, p.member])).toEqual([
      ['LINK_IGNORED', `case-1234/${TOP_A}/commands/esxcfg-vmknic_-l.txt`],
      ['UNSAFE_NAME', 'case-1234/../outside.txt'],
    ]);
  });
});
