import { describe, expect, it } from 'vitest';
import { loadEvidence, MAX_INPUT_CHARS } from './load-evidence.ts';
import type { LoadResult } from './load-evidence.ts';

// Real layouts (domain.md §4): the 7.0 esxcfg-vmknic header verbatim, rows padded to its columns.
const VMKNIC_HEADER =
  'Interface  Port Group/DVPort/Opaque Network        IP Family IP Address                              Netmask         Broadcast       MAC Address       MTU     TSO MSS   Enabled Type                NetStack ';
const WIDTHS = [11, 40, 10, 40, 16, 16, 18, 8, 10, 8, 20];

function vmknicRow(cells: string[]): string {
  return cells.map((c, i) => (i < WIDTHS.length ? c.padEnd(WIDTHS[i] ?? 0) : c)).join('');
}

function vmknicTable(third: string, netstack = 'defaultTcpipStack'): string[] {
  return [
    VMKNIC_HEADER,
    vmknicRow(['vmk0', 'Management Network', 'IPv4', `10.0.${third}.128`, '255.255.255.0', `10.0.${third}.255`, '00:50:56:01:01:01', '1500', '65535', 'true', 'STATIC', netstack]),
    vmknicRow(['vmk0', 'Management Network', 'IPv6', 'fe80::250:56ff:fe01:101', '64', '', '00:50:56:01:01:01', '1500', '65535', 'true', 'STATIC, PREFERRED', netstack]),
    vmknicRow(['vmk1', 'vMotion', 'IPv4', `10.0.${third}.129`, '255.255.255.0', `10.0.${third}.255`, '00:50:56:01:01:02', '1500', '65535', 'true', 'STATIC', netstack]),
  ];
}

function routes(third: string): string[] {
  return [
    'VMkernel Routes:',
    'Network          Netmask          Gateway          Interface',
    `10.0.${third}.0         255.255.255.0    Local Subnet     vmk0`,
    `default          0.0.0.0          10.0.${third}.1         vmk0`,
  ];
}

function session(host: string, third = '1', build = '22348816'): string[] {
  const prompt = `[root@${host}:~]`;
  return [
    `${prompt} vmware -vl`,
    `VMware ESXi 7.0.3 build-${build}`,
    'VMware ESXi 7.0 Update 3',
    `${prompt} esxcfg-vmknic -l`,
    ...vmknicTable(third),
    `${prompt} esxcli network ip interface tag get -i vmk0`,
    '   Tags: Management',
    `${prompt} esxcli network ip interface tag get -i vmk1`,
    '   Tags: VMotion',
    `${prompt} esxcfg-route -l`,
    ...routes(third),
    `${prompt} esxcfg-advcfg -g /Migrate/BindToVmknic`,
    'Value of BindToVmknic is 0',
    `${prompt} esxcli network ip interface ipv4 get`,
    'Name  IPv4 Address  IPv4 Netmask   IPv4 Broadcast  Address Type  Gateway   DHCP DNS',
    '----  ------------  -------------  --------------  ------------  --------  --------',
    `vmk0  10.0.${third}.128    255.255.255.0  10.0.${third}.255      STATIC        10.0.${third}.1     false`,
    `vmk1  10.0.${third}.129    255.255.255.0  10.0.${third}.255      STATIC        0.0.0.0      false`,
    `${prompt} `,
  ];
}

function loaded(result: LoadResult) {
  if (!result.ok) throw new Error(`expected a result, got: ${result.error.message}`);
  return result;
}

describe('loadEvidence: whole sessions', () => {
  it('reads a one-host session with prompts into one complete host', () => {
    const result = loaded(loadEvidence([{ file: 'esx01.txt', text: session('esx01').join('\n') }]));
    expect(result.warnings).toEqual([]);
    expect(result.hosts).toHaveLength(1);
    const host = result.hosts[0]!;
    expect(host.name).toBe('esx01');
    expect(host.nameAssumed).toBe(false);
    expect(host.version).toMatchObject({ product: 'VMware ESXi', version: '7.0.3', update: '3', build: '22348816' });
    expect(host.defaultGateway).toBe('10.0.1.1');
    expect(host.vmknics).toEqual([
      {
        name: 'vmk0',
        portGroup: 'Management Network',
        ipv4: '10.0.1.128',
        netmask: '255.255.255.0',
        ipv6: ['fe80::250:56ff:fe01:101/64'],
        mac: '00:50:56:01:01:01',
        mtu: 1500,
        netstack: 'defaultTcpipStack',
        tags: ['Management'],
        tagSource: 'tag-get',
        enabled: true,
        addressType: 'STATIC',
        gateway: '10.0.1.1',
        evidence: expect.any(Array),
      },
      {
        name: 'vmk1',
        portGroup: 'vMotion',
        ipv4: '10.0.1.129',
        netmask: '255.255.255.0',
        ipv6: [],
        mac: '00:50:56:01:01:02',
        mtu: 1500,
        netstack: 'defaultTcpipStack',
        tags: ['VMotion'],
        tagSource: 'tag-get',
        enabled: true,
        addressType: 'STATIC',
        evidence: expect.any(Array),
      },
    ]);
    expect(host.vmknics[1]?.evidence.map((e) => e.line)).toEqual([8, 12, 24]);
    expect(host.routes.map((r) => [r.netstack, r.network, r.netmask, r.gateway, r.interface, r.order])).toEqual([
      ['defaultTcpipStack', '10.0.1.0', '255.255.255.0', '0.0.0.0', 'vmk0', 0],
      ['defaultTcpipStack', '0.0.0.0', '0.0.0.0', '10.0.1.1', 'vmk0', 1],
    ]);
    expect(host.advanced['/Migrate/BindToVmknic']).toMatchObject({ value: 0, evidence: { file: 'esx01.txt', line: 19 } });
    expect(host.commandsSeen).toEqual(['vmware-version', 'esxcfg-vmknic', 'tag-get', 'esxcfg-route', 'advcfg-get', 'ipv4-get']);
    expect(result.blocks.map((b) => [b.startLine, b.endLine, b.kind, b.how, b.host])).toEqual([
      [1, 3, 'vmware-version', 'prompt', 'esx01'],
      [4, 8, 'esxcfg-vmknic', 'prompt', 'esx01'],
      [9, 10, 'tag-get', 'prompt', 'esx01'],
      [11, 12, 'tag-get', 'prompt', 'esx01'],
      [13, 17, 'esxcfg-route', 'prompt', 'esx01'],
      [18, 19, 'advcfg-get', 'prompt', 'esx01'],
      [20, 24, 'ipv4-get', 'prompt', 'esx01'],
    ]);
  });

  it('keeps two hosts of one paste apart, each with its own version lines', () => {
    const text = [...session('esx01.corp.local', '1', '22348816'), ...session('esx02.corp.local', '2', '21930508')].join('\n');
    const result = loaded(loadEvidence([{ file: 'both.txt', text }]));
    expect(result.hosts.map((h) => [h.name, h.version?.build, h.vmknics[0]?.ipv4, h.defaultGateway])).toEqual([
      ['esx01.corp.local', '22348816', '10.0.1.128', '10.0.1.1'],
      ['esx02.corp.local', '21930508', '10.0.2.128', '10.0.2.1'],
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('reads bare outputs pasted one after another into one host named by the placeholder', () => {
    const text = [
      'VMware ESXi 6.7.0 build-14320388',
      'VMware ESXi 6.7.0 Update 3',
      '',
      ...vmknicTable('7'),
      '',
      ...routes('7'),
      '',
      'Value of BindToVmknic is 3',
    ].join('\n');
    const result = loaded(loadEvidence([{ file: 'paste.txt', text, defaultHost: 'paste' }]));
    expect(result.hosts).toHaveLength(1);
    const host = result.hosts[0]!;
    expect(host).toMatchObject({ name: 'paste', nameAssumed: true, defaultGateway: '10.0.7.1', version: { version: '6.7.0', update: '3' } });
    expect(host.vmknics.map((v) => [v.name, v.ipv4])).toEqual([
      ['vmk0', '10.0.7.128'],
      ['vmk1', '10.0.7.129'],
    ]);
    expect(host.routes).toHaveLength(2);
    // Without the command line only the option's name is printed; the known name maps back to its path.
    expect(host.advanced['/Migrate/BindToVmknic']?.value).toBe(3);
    expect(result.blocks.map((b) => [b.kind, b.how])).toEqual([
      ['vmware-version', 'content'],
      ['esxcfg-vmknic', 'content'],
      ['esxcfg-route', 'content'],
      ['advcfg-get', 'content'],
    ]);
  });

  it('reads the rest of a session with a typo (and a ping cut before its statistics) and says which line was ignored', () => {
    const text = [
      '[root@esx01:~] esxcfg-vmkinc -l',
      '-sh: esxcfg-vmkinc: not found',
      '[root@esx01:~] esxcfg-vmknic -l',
      ...vmknicTable('1'),
      '[root@esx01:~] vmkping -I vmk1 10.0.1.130',
      'PING 10.0.1.130 (10.0.1.130): 56 data bytes',
      '64 bytes from 10.0.1.130: icmp_seq=0 ttl=64 time=0.210 ms',
    ].join('\n');
    const result = loaded(loadEvidence([{ file: 's.txt', text }]));
    expect(result.hosts[0]?.vmknics.map((v) => v.name)).toEqual(['vmk0', 'vmk1']);
    expect(result.warnings.map((w) => [w.line, w.message])).toEqual([
      [1, 'The command "esxcfg-vmkinc -l" (the shell did not find it) is not one this tool reads; its output is ignored. Did you mean esxcfg-vmknic -l?'],
    ]);
    expect(result.blocks.filter((b) => b.kind === null).map((b) => b.command)).toEqual(['esxcfg-vmkinc -l']);
    expect(result.hosts[0]?.pings).toEqual([expect.objectContaining({ vmknic: 'vmk1', target: '10.0.1.130', answered: true })]);
  });

  it('reads a CRLF paste full of ANSI colour codes like a clean one', () => {
    const clean = session('esx01');
    const dirty = clean.map((l) => l.replace(/^\[root@esx01:~\]/, '\u001b[1;32m[root@esx01:~]\u001b[0m')).join('\r\n');
    const a = loaded(loadEvidence([{ file: 'x.txt', text: clean.join('\n') }]));
    const b = loaded(loadEvidence([{ file: 'x.txt', text: dirty }]));
    expect(b.hosts).toEqual(a.hosts);
  });

  it('reads a markdown-fenced paste and ignores the prose between fences', () => {
    const text = [
      '## esx01',
      'vmknics:',
      '```',
      '[root@esx01:~] esxcfg-vmknic -l',
      ...vmknicTable('1'),
      '```',
      'routes:',
      '```text',
      '[root@esx01:~] esxcfg-route -l',
      ...routes('1'),
      '```',
    ].join('\n');
    const result = loaded(loadEvidence([{ file: 'notes.md', text }]));
    expect(result.hosts.map((h) => h.name)).toEqual(['esx01']);
    expect(result.hosts[0]?.vmknics).toHaveLength(2);
    expect(result.hosts[0]?.routes).toHaveLength(2);
  });

  it('reads an e-mail quoted paste, keeping the columns of its tables', () => {
    const text = ['Hi, here is what you asked for:', '', ...session('esx01').map((l) => `> ${l}`), '', 'Regards, Bob'].join('\n');
    const quoted = loaded(loadEvidence([{ file: 'mail.txt', text }]));
    const plain = loaded(loadEvidence([{ file: 'mail.txt', text: session('esx01').join('\n') }]));
    expect(quoted.hosts[0]?.vmknics.map((v) => [v.name, v.ipv4, v.mac, v.netstack])).toEqual(
      plain.hosts[0]?.vmknics.map((v) => [v.name, v.ipv4, v.mac, v.netstack]),
    );
    expect(quoted.hosts[0]?.version).toMatchObject({ build: '22348816' });
  });

  it('reads a 5.x session (no host in the prompt, no NetStack column) with esx.conf lines', () => {
    const text = [
      '~ # esxcfg-vmknic -l',
      'Interface  Port Group/DVPort   IP Family IP Address                              Netmask         Broadcast       MAC Address       MTU     TSO MSS   Enabled Type',
      'vmk0       Management Network  IPv4      10.0.1.128                              255.255.255.0   10.0.1.255      00:0c:29:2c:54:17 1500    65535     true    STATIC',
      'vmk1       vMotion             IPv4      10.0.1.129                              255.255.255.0   10.0.1.255      00:50:56:7a:bc:01 1500    65535     true    STATIC',
      '~ # grep Migrate /etc/vmware/esx.conf',
      '/adv/Migrate/BindToVmknic = "1"',
      '/adv/Migrate/Vmknic = "vmk1"',
      '~ # ',
    ].join('\n');
    const result = loaded(loadEvidence([{ file: 'esx50.txt', text, defaultHost: 'esx50' }]));
    const host = result.hosts[0]!;
    expect(host).toMatchObject({ name: 'esx50', nameAssumed: true });
    expect(host.vmknics.map((v) => [v.name, v.ipv4, 'netstack' in v])).toEqual([
      ['vmk0', '10.0.1.128', false],
      ['vmk1', '10.0.1.129', false],
    ]);
    expect(host.advanced).toMatchObject({ '/Migrate/BindToVmknic': { value: 1 }, '/Migrate/Vmknic': { value: 'vmk1' } });
  });

  it('reads the commands of a blog post (tab-indented 5.x prompts between paragraphs), warnings in line order', () => {
    const text = [
      'For the folks who live in the command line, here is how you set Migrate.BindToVmknic to 1 via the console/SSH.',
      '',
      '\t  ',
      '\t~ # esxcfg-advcfg -s 1 /Migrate/BindToVmknic  ',
      '\t~ #  ',
      '\t',
      '',
      'Verify that it is actually set properly:',
      '',
      '\t  ',
      '\t~ # esxcfg-advcfg -g /Migrate/BindToVmknic  ',
      '\tValue of BindToVmknic is 1  ',
      '\t',
      '',
      'or',
      '',
      '\t  ',
      '\t~ # grep Migrate /etc/vmware/esx.conf  ',
      '\t/adv/Migrate/BindToVmknic = "1"  ',
      '\t',
      '',
      'This should force the vMotion to go over the vmkernel port that vMotion is enabled on.',
    ].join('\n');
    const result = loaded(loadEvidence([{ file: 'blog.md', text, defaultHost: 'blog' }]));
    expect(result.hosts.map((h) => [h.name, h.advanced['/Migrate/BindToVmknic']?.value, h.advanced['/Migrate/BindToVmknic']?.evidence.line])).toEqual([
      ['blog', 1, 12],
    ]);
    expect(result.warnings.map((w) => w.line)).toEqual([1, 4, 8, 15, 22]);
    expect(result.warnings[1]?.message).toBe('esxcfg-advcfg -s 1 /Migrate/BindToVmknic printed nothing, so there is nothing to read.');
  });

  it('makes one host of a host pasted in two files and keeps hostless files apart', () => {
    const a = ['[root@esx01:~] esxcfg-vmknic -l', ...vmknicTable('1')].join('\n');
    const b = ['[root@esx01:~] esxcli network ip interface tag get -i vmk1', '   Tags: VMotion'].join('\n');
    const c = ['Value of BindToVmknic is 3'].join('\n');
    const result = loaded(loadEvidence([
      { file: 'a.txt', text: a },
      { file: 'b.txt', text: b },
      { file: 'c.txt', text: c, defaultHost: 'c' },
    ]));
    expect(result.hosts.map((h) => [h.name, h.nameAssumed])).toEqual([
      ['esx01', false],
      ['c', true],
    ]);
    expect(result.hosts[0]?.vmknics[1]?.tags).toEqual(['VMotion']);
    expect(result.hosts[0]?.vmknics[1]?.evidence.map((e) => e.file)).toEqual(['a.txt', 'b.txt']);
  });

  it('returns hosts as plain JSON data', () => {
    const result = loaded(loadEvidence([{ file: 'esx01.txt', text: session('esx01').join('\n') }]));
    expect(JSON.parse(JSON.stringify(result.hosts))).toEqual(result.hosts);
  });
});

describe('loadEvidence: errors', () => {
  function error(result: LoadResult) {
    if (result.ok) throw new Error('expected an error');
    return result.error;
  }

  it('refuses an empty or blank file, naming it', () => {
    expect(error(loadEvidence([{ file: 'empty.txt', text: '' }]))).toEqual({
      file: 'empty.txt',
      code: 'INPUT_EMPTY',
      message: 'empty.txt is empty: paste the output of ESXi commands.',
    });
    expect(error(loadEvidence([{ file: 'blank.txt', text: ' \n\t\r\n' }])).code).toBe('INPUT_EMPTY');
    expect(error(loadEvidence([])).code).toBe('INPUT_EMPTY');
  });

  it('refuses binary content: NUL bytes, or mostly control characters', () => {
    expect(error(loadEvidence([{ file: 'a.bin', text: `[root@esx01:~] esxcfg-route -l\n\u0000\u0001` }]))).toMatchObject({
      file: 'a.bin',
      code: 'INPUT_BINARY',
    });
    const noise = Array.from({ length: 400 }, (_, i) => String.fromCharCode(i % 3 === 0 ? 0x41 : (i % 31) + 1)).join('');
    expect(error(loadEvidence([{ file: 'b.bin', text: noise }])).code).toBe('INPUT_BINARY');
  });

  it('refuses text above MAX_INPUT_CHARS, saying its size and the limit', () => {
    const e = error(loadEvidence([{ file: 'huge.log', text: 'x'.repeat(MAX_INPUT_CHARS + 1024 * 1024) }]));
    expect(e).toEqual({ file: 'huge.log', code: 'INPUT_TOO_LARGE', message: 'huge.log is too large (65 MiB of text, the limit is 64 MiB): paste only the command outputs.' });
  });

  it('says which outputs it expected when nothing in the file is a supported output (INPUT_UNRECOGNIZED)', () => {
    const ipconfig = ['Windows IP Configuration', '', 'Ethernet adapter Ethernet0:', '   IPv4 Address. . . . . . . . . . . : 10.1.1.5'].join('\n');
    const e = error(loadEvidence([{ file: 'ipconfig.txt', text: ipconfig }]));
    expect(e.code).toBe('INPUT_UNRECOGNIZED');
    expect(e.file).toBe('ipconfig.txt');
    expect(e.message).toMatch(/^No supported ESXi command output found in ipconfig\.txt: expected the output of esxcfg-vmknic -l, esxcli network ip interface list, /);
  });

  it('treats a session of only unsupported commands as unrecognised', () => {
    const e = error(loadEvidence([{ file: 's.txt', text: '[root@esx01:~] ls\nbin  etc  tmp\n[root@esx01:~] esxtop -b -n 1\n"(PDH-CSV 4.0)"' }]));
    expect(e.code).toBe('INPUT_UNRECOGNIZED');
  });

  it('reports the first parser error with its line when every recognised block failed', () => {
    const e = error(loadEvidence([{ file: 'bad.txt', text: '[root@esx01:~] esxcfg-vmknic -l\nsomething else entirely\n' }]));
    expect(e.code).toBe('INPUT_UNREADABLE');
    expect(e.message).toMatch(/^None of the command outputs in bad\.txt could be read; the first, esxcfg-vmknic -l, fails at line 2: \S/);
  });

  it('still reads a file when only some blocks fail, warning about the failed one', () => {
    const text = ['[root@esx01:~] esxcfg-vmknic -l', 'garbage', '[root@esx01:~] esxcfg-advcfg -g /Migrate/BindToVmknic', 'Value of BindToVmknic is 3'].join('\n');
    const result = loaded(loadEvidence([{ file: 'part.txt', text }]));
    expect(result.hosts[0]?.advanced['/Migrate/BindToVmknic']?.value).toBe(3);
    expect(result.warnings.some((w) => w.line === 2 && w.message.startsWith('The output of esxcfg-vmknic -l (lines 1–2) could not be read'))).toBe(true);
    expect(result.blocks.map((b) => [b.kind, b.parsed])).toEqual([
      ['esxcfg-vmknic', false],
      ['advcfg-get', true],
    ]);
  });
});

describe('loadEvidence: size', () => {
  // Speed is measured by `npm run bench` (including a multi-megabyte paste); the test checks the behaviour: a large
  // paste of one host's repeated session is read whole, as one host, with every repetition kept as evidence.
  it('reads a large paste of repeated sessions as one host without losing any of it', () => {
    const unit = session('esx01').join('\n') + '\n';
    const copies = Math.ceil((1024 * 1024) / unit.length);
    const result = loaded(loadEvidence([{ file: 'big.txt', text: unit.repeat(copies) }]));
    expect(result.hosts).toHaveLength(1);
    expect(result.hosts[0]?.vmknics).toHaveLength(2);
    expect(result.hosts[0]?.version?.evidence.length).toBeGreaterThanOrEqual(copies);
  });
});

describe('host identity across prompt styles (issue 16)', () => {
  it('reads a session whose first command lost its prompt as one host, not "paste" and "ServerHost"', () => {
    const text = [
      'Interface  Port Group/DVPort/Opaque Network        IP Family IP Address                              Netmask         Broadcast       MAC Address       MTU     TSO MSS   Enabled Type                NetStack',
      'vmk0       Management Network                      IPv4      172.26.64.10                            255.255.255.192 172.26.64.63    88:e9:a4:6b:b8:54 1500    65535     true    STATIC              defaultTcpipStack',
      '',
      '[root@ServerHost:~] esxcfg-route -l',
      'VMkernel Routes:',
      'Network          Netmask          Gateway          Interface',
      '172.26.64.0      255.255.255.192  Local Subnet     vmk0',
      'default          0.0.0.0          172.26.64.1      vmk0',
    ].join('\n');
    const result = loadEvidence([{ file: 'paste', text }]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.hosts.map((h) => h.name)).toEqual(['ServerHost']);
    expect(result.hosts[0]?.vmknics.map((v) => v.ipv4)).toEqual(['172.26.64.10']);
    expect(result.warnings.some((w) => w.line === 1 && w.message.includes("are read as ServerHost's"))).toBe(true);
  });
});
