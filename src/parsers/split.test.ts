import { describe, expect, it } from 'vitest';
import { parsePrompt, parseSsh, splitPaste, suggestCommand } from './split.ts';
import type { Detector, SplitBlock } from './split.ts';
import type { CommandKind, Line } from './types.ts';

// Small stand-ins for the real parsers: the splitter only needs matchesCommand and startsAt.
function stub(kind: CommandKind, command: RegExp, start: RegExp): Detector {
  return {
    kind,
    matchesCommand: (c) => command.test(c),
    startsAt: (lines: readonly Line[], i: number) => start.test(lines[i]?.text ?? ''),
  };
}

const PARSERS: readonly Detector[] = [
  stub('esxcfg-vmknic', /^esxcfg-vmknic\s+(-l|--list)\b/, /^Interface\s+Port Group/),
  stub('esxcfg-route', /^esxcfg-route(\s+-l)?\s*$/, /^(VMkernel Routes:|VMkernel default gateway is)/),
  stub('ipv4-get', /^esxcli network ip interface ipv4 get\b(?!.*\|)/, /^Name\s+IPv4 Address/),
  stub('tag-get', /^esxcli network ip interface tag get\b/, /^\s*Tags:/),
  stub('advanced-list', /^esxcli system settings advanced list\b/, /^\s*Path:/),
  stub('vmware-version', /^vmware\s+-[vl]+$/, /^VMware ESXi \S+ build-\d+/),
];

const VMKNIC = [
  'Interface  Port Group/DVPort/Opaque Network        IP Family IP Address                              Netmask         Broadcast       MAC Address       MTU     TSO MSS   Enabled Type                NetStack',
  'vmk0       Management Network                      IPv4      172.26.64.10                            255.255.255.192 172.26.64.63    88:e9:a4:6b:b8:54 1500    65535     true    STATIC              defaultTcpipStack',
];
const ROUTES = [
  'VMkernel Routes:',
  'Network          Netmask          Gateway          Interface',
  '172.26.64.0      255.255.255.192  Local Subnet     vmk0',
  'default          0.0.0.0          172.26.64.1      vmk0',
];
const VERSION = ['VMware ESXi 7.0.3 build-22348816', 'VMware ESXi 7.0 Update 3'];

function split(text: string) {
  return splitPaste(text, 'case.txt', PARSERS);
}

function summary(blocks: readonly SplitBlock[]) {
  return blocks.map((b) => ({
    kind: b.kind,
    how: b.how,
    host: b.block.host,
    command: b.block.command,
    start: b.startLine,
    end: b.endLine,
  }));
}

describe('splitPaste: prompt sessions', () => {
  it('cuts a one-host session at every prompt and recognises each block by its command', () => {
    const text = [
      '[root@esx01:~] vmware -vl',
      ...VERSION,
      '[root@esx01:~] esxcfg-vmknic -l',
      ...VMKNIC,
      '',
      '[root@esx01:~] esxcfg-route -l',
      ...ROUTES,
      '[root@esx01:~] ',
    ].join('\n');
    const { blocks, warnings } = split(text);
    expect(summary(blocks)).toEqual([
      { kind: 'vmware-version', how: 'prompt', host: 'esx01', command: 'vmware -vl', start: 1, end: 3 },
      { kind: 'esxcfg-vmknic', how: 'prompt', host: 'esx01', command: 'esxcfg-vmknic -l', start: 4, end: 6 },
      { kind: 'esxcfg-route', how: 'prompt', host: 'esx01', command: 'esxcfg-route -l', start: 8, end: 12 },
    ]);
    expect(warnings).toEqual([]);
    // The prompt line itself is not part of the output; trailing blank lines are dropped.
    expect(blocks[1]?.block.lines.map((l) => l.n)).toEqual([5, 6]);
    expect(blocks[0]?.block.file).toBe('case.txt');
  });

  it('keeps two hosts of one paste apart, each with the host name printed in its prompt', () => {
    const text = [
      '[root@esx01.corp.local:~] vmware -vl',
      'VMware ESXi 7.0.3 build-22348816',
      '[root@esx02:/tmp] vmware -vl',
      'VMware ESXi 6.7.0 build-14320388',
    ].join('\n');
    const { blocks } = split(text);
    expect(blocks.map((b) => [b.block.host, b.block.lines.map((l) => l.text)])).toEqual([
      ['esx01.corp.local', ['VMware ESXi 7.0.3 build-22348816']],
      ['esx02', ['VMware ESXi 6.7.0 build-14320388']],
    ]);
  });

  it('keeps an unsupported command as an ignored block and says so with its line', () => {
    const text = ['[root@esx01:~] ls -la /tmp', 'total 4', 'drwxrwxrwt 1 root root 512 Jan  1 00:00 .', '[root@esx01:~] esxcfg-route -l', ...ROUTES].join('\n');
    const { blocks, warnings } = split(text);
    expect(summary(blocks)[0]).toEqual({ kind: null, how: 'prompt', host: 'esx01', command: 'ls -la /tmp', start: 1, end: 3 });
    expect(blocks[1]?.kind).toBe('esxcfg-route');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ file: 'case.txt', line: 1 });
    expect(warnings[0]?.message).toMatch(/The command "ls -la \/tmp" is not one this tool reads; its output is ignored\.$/);
  });

  it('suggests the supported command behind a typo and notes the shell did not find it', () => {
    const text = ['[root@esx01:~] esxcfg-vmkinc -l', '-sh: esxcfg-vmkinc: not found', '[root@esx01:~] esxcfg-vmknic -l', ...VMKNIC].join('\n');
    const { blocks, warnings } = split(text);
    expect(blocks.map((b) => b.kind)).toEqual([null, 'esxcfg-vmknic']);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.message).toContain('"esxcfg-vmkinc -l" (the shell did not find it) is not one this tool reads');
    expect(warnings[0]?.message).toContain('Did you mean esxcfg-vmknic -l?');
  });

  it('gives no "did you mean" for a correct command that is simply not supported', () => {
    const { warnings } = split('[root@esx01:~] vmkping -I vmk1 10.0.0.2\nPING 10.0.0.2 (10.0.0.2): 56 data bytes');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.message).not.toContain('Did you mean');
  });

  it('reads the output of an unknown command line by content when a parser recognises its first line', () => {
    const text = [
      '[root@esx01:~] esxcli network ip interface ipv4 get -i vmk1 | cat',
      'Name  IPv4 Address  IPv4 Netmask   IPv4 Broadcast  Address Type  Gateway  DHCP DNS',
      '----  ------------  -------------  --------------  ------------  -------  --------',
      'vmk1  10.0.0.11     255.255.255.0  10.0.0.255      STATIC        0.0.0.0     false',
    ].join('\n');
    const { blocks, warnings } = split(text);
    expect(summary(blocks)).toEqual([
      { kind: 'ipv4-get', how: 'content', host: 'esx01', command: 'esxcli network ip interface ipv4 get -i vmk1 | cat', start: 2, end: 4 },
    ]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.message).toMatch(/not one this tool recognises, but its output looks like the output of esxcli network ip interface ipv4 get/);
  });

  it('reads text after a prompt with no command by content, and ignores a final empty prompt', () => {
    const text = ['[root@esx01:~]', ...VERSION, '[root@esx01:~] '].join('\n');
    const { blocks, warnings } = split(text);
    expect(summary(blocks)).toEqual([{ kind: 'vmware-version', how: 'content', host: 'esx01', command: undefined, start: 2, end: 3 }]);
    expect(warnings).toEqual([]);
  });

  it('accepts every prompt style seen in the wild', () => {
    expect(parsePrompt('[root@esx01:~] esxcfg-vmknic -l')).toEqual({ host: 'esx01', command: 'esxcfg-vmknic -l' });
    expect(parsePrompt('[root@esx01.corp.local:/tmp] esxcfg-route')).toEqual({ host: 'esx01.corp.local', command: 'esxcfg-route' });
    expect(parsePrompt('[someuser@host-7:~] vmware -v')).toEqual({ host: 'host-7', command: 'vmware -v' });
    expect(parsePrompt('[root@esx4 ~]# esxcfg-vmknic -l')).toEqual({ host: 'esx4', command: 'esxcfg-vmknic -l' });
    expect(parsePrompt('~ # esxcfg-vmknic -l')).toEqual({ command: 'esxcfg-vmknic -l' });
    expect(parsePrompt('\t~ # esxcfg-advcfg -g /Migrate/BindToVmknic  ')).toEqual({ command: 'esxcfg-advcfg -g /Migrate/BindToVmknic' });
    expect(parsePrompt('/vmfs/volumes # esxcfg-route -l')).toEqual({ command: 'esxcfg-route -l' });
    expect(parsePrompt('esx01 # esxcfg-route -l')).toEqual({ host: 'esx01', command: 'esxcfg-route -l' });
    expect(parsePrompt('root@esx01:~ # esxcfg-nics -l')).toEqual({ host: 'esx01', command: 'esxcfg-nics -l' });
    expect(parsePrompt('# esxcfg-vmknic -l')).toEqual({ command: 'esxcfg-vmknic -l' });
    expect(parsePrompt('~ #')).toEqual({ command: '' });
    expect(parsePrompt('[root@esx01:~]')).toEqual({ host: 'esx01', command: '' });
    expect(parsePrompt('$ esxcli network ip interface list')).toEqual({ command: 'esxcli network ip interface list' });
    expect(parsePrompt('me@laptop:~$ vmware -v')).toEqual({ command: 'vmware -v' });
  });

  it('does not take output, markdown headings or esx.conf lines for prompts', () => {
    expect(parsePrompt('# Routes')).toBeUndefined();
    expect(parsePrompt('## esxcfg-route')).toBeUndefined();
    expect(parsePrompt('/adv/Migrate/Vmknic = "vmk2"')).toBeUndefined();
    expect(parsePrompt('vmk0       Management Network   IPv4  10.0.0.1')).toBeUndefined();
    expect(parsePrompt('   Path: /Migrate/BindToVmknic')).toBeUndefined();
    expect(parsePrompt('$e = Get-EsxCli -VMHost esx01 -V2')).toBeUndefined();
    expect(parsePrompt(`[root@esx01:~] ${'x'.repeat(5000)}`)).toBeUndefined();
  });
});

describe('splitPaste: bare outputs', () => {
  it('cuts outputs pasted one after another without prompts where each parser says its output starts', () => {
    const text = [...VERSION, ...VMKNIC, '', ...ROUTES].join('\n');
    const { blocks, warnings } = split(text);
    expect(summary(blocks)).toEqual([
      { kind: 'vmware-version', how: 'content', host: undefined, command: undefined, start: 1, end: 2 },
      { kind: 'esxcfg-vmknic', how: 'content', host: undefined, command: undefined, start: 3, end: 4 },
      { kind: 'esxcfg-route', how: 'content', host: undefined, command: undefined, start: 6, end: 9 },
    ]);
    expect(warnings).toEqual([]);
  });

  it('merges neighbouring blocks of one kind into one output (several Path: records of one advanced list)', () => {
    const text = [
      '   Path: /Migrate/BindToVmknic',
      '   Int Value: 3',
      '',
      '   Path: /Migrate/AutoBindVmknic',
      '   Int Value: 1',
    ].join('\n');
    const { blocks } = split(text);
    expect(summary(blocks)).toEqual([{ kind: 'advanced-list', how: 'content', host: undefined, command: undefined, start: 1, end: 5 }]);
    expect(blocks[0]?.block.lines).toHaveLength(5);
  });

  it('reads text before the first prompt by content, with no host, and warns about unrecognised prose', () => {
    const text = ['Hi team, outputs below.', ...VERSION, '[root@esx01:~] esxcfg-route -l', ...ROUTES].join('\n');
    const { blocks, warnings } = split(text);
    expect(summary(blocks)).toEqual([
      { kind: null, how: 'content', host: undefined, command: undefined, start: 1, end: 1 },
      { kind: 'vmware-version', how: 'content', host: undefined, command: undefined, start: 2, end: 3 },
      { kind: 'esxcfg-route', how: 'prompt', host: 'esx01', command: 'esxcfg-route -l', start: 4, end: 8 },
    ]);
    expect(warnings.map((w) => w.message)).toEqual(['Line 1 was not recognised as the output of any supported command and is ignored.']);
  });
});

describe('splitPaste: what pastes go through', () => {
  it('accepts CRLF line ends and ANSI colour codes around the prompt', () => {
    const text = ['\u001b[1;32m[root@esx01:~]\u001b[0m esxcfg-route -l', ...ROUTES].join('\r\n') + '\r\n';
    const { blocks } = split(text);
    expect(summary(blocks)).toEqual([{ kind: 'esxcfg-route', how: 'prompt', host: 'esx01', command: 'esxcfg-route -l', start: 1, end: 5 }]);
    expect(blocks[0]?.block.lines[0]?.text).toBe('VMkernel Routes:');
  });

  it('drops markdown fences and ends a prompt block at its closing fence', () => {
    const text = [
      'Here is the vmknic table:',
      '```console',
      '[root@esx01:~] esxcfg-vmknic -l',
      ...VMKNIC,
      '```',
      'and the routes, taken a minute later:',
      '```',
      '[root@esx01:~] esxcfg-route -l',
      ...ROUTES,
      '```',
    ].join('\n');
    const { blocks, warnings } = split(text);
    expect(summary(blocks).filter((b) => b.kind !== null)).toEqual([
      { kind: 'esxcfg-vmknic', how: 'prompt', host: 'esx01', command: 'esxcfg-vmknic -l', start: 3, end: 5 },
      { kind: 'esxcfg-route', how: 'prompt', host: 'esx01', command: 'esxcfg-route -l', start: 9, end: 13 },
    ]);
    expect(blocks.flatMap((b) => b.block.lines).some((l) => l.text.includes('```'))).toBe(false);
    expect(warnings.map((w) => w.line)).toEqual([1, 7]);
  });

  it('strips a consistent "> " e-mail quote and keeps the table columns aligned', () => {
    const text = [
      'On Tue, Bob wrote:',
      '> [root@esx01:~] esxcfg-vmknic -l',
      ...VMKNIC.map((l) => `> ${l}`),
      '>',
      '> [root@esx01:~] esxcli network ip interface tag get -i vmk0',
      '>    Tags: Management',
    ].join('\n');
    const { blocks } = split(text);
    const vmknic = blocks.find((b) => b.kind === 'esxcfg-vmknic');
    expect(vmknic?.block.lines.map((l) => l.text)).toEqual(VMKNIC);
    const tags = blocks.find((b) => b.kind === 'tag-get');
    expect(tags?.block.lines.map((l) => l.text)).toEqual(['   Tags: Management']);
    expect(tags?.block.command).toBe('esxcli network ip interface tag get -i vmk0');
  });

  it('strips nested quotes ("> > ") as well', () => {
    const text = ['> > [root@esx01:~] esxcfg-route -l', ...ROUTES.map((l) => `> > ${l}`)].join('\n');
    const { blocks } = split(text);
    expect(blocks[0]?.kind).toBe('esxcfg-route');
    expect(blocks[0]?.block.lines.map((l) => l.text)).toEqual(ROUTES);
  });

  it('skips the ssh and password lines and takes the ssh host for prompts that show none', () => {
    const text = [
      'user@laptop:~$ ssh root@esx05',
      'Password:',
      'The time and date of this login have been sent to the system logs.',
      '~ # esxcfg-route -l',
      ...ROUTES,
      '~ # exit',
    ].join('\n');
    const { blocks, warnings } = split(text);
    expect(summary(blocks)).toEqual([
      { kind: 'esxcfg-route', how: 'prompt', host: 'esx05', command: 'esxcfg-route -l', start: 4, end: 8 },
      { kind: null, how: 'prompt', host: 'esx05', command: 'exit', start: 9, end: 9 },
    ]);
    expect(warnings).toEqual([]);
  });

  it('reads a remote command given on the ssh line as a prompt block of that host', () => {
    const text = ['$ ssh -p 22 root@esx07 esxcfg-route -l', ...ROUTES].join('\n');
    const { blocks } = split(text);
    expect(summary(blocks)).toEqual([{ kind: 'esxcfg-route', how: 'prompt', host: 'esx07', command: 'esxcfg-route -l', start: 1, end: 5 }]);
  });

  it('keeps line numbers of the original paste through every clean-up', () => {
    const text = ['\uFEFF```', '> [root@esx01:~] esxcfg-route -l', ...ROUTES.map((l) => `> ${l}`), '```'].join('\r\n');
    const { blocks } = split(text);
    expect(blocks[0]?.block.lines.map((l) => l.n)).toEqual([3, 4, 5, 6]);
  });

  it('returns nothing and no warning for blank text', () => {
    expect(split('\n\n   \n')).toEqual({ blocks: [], warnings: [] });
  });

  it('survives a parser that throws, treating it as not matching', () => {
    const broken: Detector = {
      kind: 'esxcfg-nics',
      matchesCommand: () => {
        throw new Error('boom');
      },
      startsAt: () => {
        throw new Error('boom');
      },
    };
    const result = splitPaste(['[root@esx01:~] esxcfg-route -l', ...ROUTES, 'x'].join('\n'), 'f', [broken, ...PARSERS]);
    expect(result.blocks.map((b) => b.kind)).toEqual(['esxcfg-route']);
  });

  // How long it takes, and that doubling the paste doubles the time: bench/run.ts ("splitting pastes").
  it('splits a large paste into every block it holds', () => {
    const session = ['[root@esx01:~] esxcfg-vmknic -l', ...VMKNIC, '[root@esx01:~] esxcfg-route -l', ...ROUTES, 'some stray line'].join('\n');
    const text = Array.from({ length: 20000 }, () => session).join('\n');
    const { blocks } = split(text);
    expect(blocks).toHaveLength(40000);
    expect(blocks.at(-1)?.kind).toBe('esxcfg-route');
  });
});

describe('parseSsh and suggestCommand', () => {
  it('reads the host and remote command of an ssh line', () => {
    expect(parseSsh('ssh root@esx01')).toEqual({ host: 'esx01', command: '' });
    expect(parseSsh('ssh -l root -i key esx01.corp.local "vmware -vl"')).toEqual({ host: 'esx01.corp.local', command: 'vmware -vl' });
    expect(parseSsh('ls -l')).toBeUndefined();
  });

  it('corrects a misspelled esxcli namespace word only when the result is a supported command', () => {
    expect(suggestCommand('esxcli network ip interfcae list', [stub('interface-list', /^esxcli network ip interface list$/, /^$/)])).toBe(
      'esxcli network ip interface list',
    );
    expect(suggestCommand('esxcli network ip interface ipv6 get', PARSERS)).toBeUndefined();
    expect(suggestCommand('esxcfg-vmkinc', PARSERS)).toBe('esxcfg-vmknic -l');
    expect(suggestCommand('esxcfg-nas -l', PARSERS)).toBeUndefined();
    expect(suggestCommand('esxlci storage core device list', PARSERS)).toBeUndefined();
  });
});

describe('splitPaste: esxcli errors', () => {
  it('says esxcli did not know a misspelled namespace and suggests the right one', () => {
    const parsers = [...PARSERS, stub('interface-list', /^esxcli network ip interface list$/, /^vmk\d+$/)];
    const { warnings } = splitPaste(
      '[root@esx01:~] esxcli network ip interfce list\nError: Unknown command or namespace network ip interfce list',
      'case.txt',
      parsers,
    );
    expect(warnings.map((w) => w.message)).toEqual([
      'The command "esxcli network ip interfce list" (esxcli did not know it) is not one this tool reads; its output is ignored. Did you mean esxcli network ip interface list?',
    ]);
  });
});

describe('splitPaste: indented code in blog posts', () => {
  const blog = [
    'Verify that it is actually set properly:',
    '',
    '\t  ',
    '\t~ # esxcfg-advcfg -g /Migrate/BindToVmknic  ',
    '\tValue of BindToVmknic is 1  ',
    '\t',
    '',
    'or',
    '',
    '\t~ # vmware -vl',
    '\t' + VERSION[0],
    '\t' + VERSION[1],
  ].join('\n');

  it('strips the indent of an indented prompt from its output and ends the block at the next unindented paragraph', () => {
    const parsers = [...PARSERS, stub('advcfg-get', /^esxcfg-advcfg\s+-g\b/, /^\s*Value of \S+ is/)];
    const { blocks, warnings } = splitPaste(blog, 'blog.txt', parsers);
    expect(summary(blocks)).toEqual([
      { kind: null, how: 'content', host: undefined, command: undefined, start: 1, end: 1 },
      { kind: 'advcfg-get', how: 'prompt', host: undefined, command: 'esxcfg-advcfg -g /Migrate/BindToVmknic', start: 4, end: 5 },
      { kind: null, how: 'content', host: undefined, command: undefined, start: 8, end: 8 },
      { kind: 'vmware-version', how: 'prompt', host: undefined, command: 'vmware -vl', start: 10, end: 12 },
    ]);
    expect(blocks[1]?.block.lines.map((l) => l.text)).toEqual(['Value of BindToVmknic is 1']);
    expect(blocks[3]?.block.lines.map((l) => l.text)).toEqual(VERSION);
    expect(warnings.map((w) => w.line)).toEqual([1, 8]);
  });

  it('keeps an unindented line that directly follows the output inside the block', () => {
    const { blocks } = split(['    [root@esx01:~] esxcfg-route -l', '    VMkernel Routes:', 'Network  Netmask  Gateway  Interface'].join('\n'));
    expect(blocks[0]?.block.lines.map((l) => l.text)).toEqual(['VMkernel Routes:', 'Network  Netmask  Gateway  Interface']);
  });

  // Its time against half the fences (linear: twice as long) is measured by bench/run.ts ("splitting pastes").
  it('reads a prompt followed by many fences and blank lines as one block', () => {
    const text = '[root@esx01:~] esxcfg-route -l\n' + '\n```\n'.repeat(200_000);
    const { blocks } = split(text);
    expect(blocks).toHaveLength(1);
  });
});

describe('splitPaste: indented prompt with unindented output', () => {
  it('keeps blank-separated unindented output in the block when none of the output was indented', () => {
    const text = ['\t[root@esx01:~] esxcli network ip interface list', 'vmk0', '   Name: vmk0', '', 'vmk1', '   Name: vmk1'].join('\n');
    const parsers = [...PARSERS, stub('interface-list', /^esxcli network ip interface list$/, /^vmk\d+$/)];
    const { blocks } = splitPaste(text, 'x', parsers);
    expect(summary(blocks)).toEqual([
      { kind: 'interface-list', how: 'prompt', host: 'esx01', command: 'esxcli network ip interface list', start: 1, end: 6 },
    ]);
  });
});
