/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { blockOf, toLines } from './types.ts';
import { esxConfParser as parser } from './esx-conf.ts';
import grepMigrate from './__fixtures__/esx-conf/grep-migrate.txt?raw';
import vcapAdv from './__fixtures__/esx-conf/vcap-adv.txt?raw';
import vmkernelnic from './__fixtures__/esx-conf/vmkernelnic.txt?raw';
import grepMixed from './__fixtures__/esx-conf/grep-mixed.txt?raw';

const parse = (text: string) => parser.parse(blockOf(text, { file: 'esx.conf' }));

describe('esxConfParser.matchesCommand', () => {
  it('accepts cat and grep of esx.conf, with options, quotes and pipes', () => {
    expect(parser.matchesCommand('cat /etc/vmware/esx.conf')).toBe(true);
    expect(parser.matchesCommand('grep Migrate /etc/vmware/esx.conf')).toBe(true);
    expect(parser.matchesCommand('grep -i "vmkernelnic" /etc/vmware/esx.conf | more')).toBe(true);
    expect(parser.matchesCommand('grep -E "Migrate|vmkernelnic" /etc/vmware/esx.conf')).toBe(true);
    expect(parser.matchesCommand('cat esx.conf')).toBe(true);
  });

  it('rejects commands that edit or copy the file, and other files', () => {
    expect(parser.matchesCommand("sed -i -E '/mac = /d' /etc/vmware/esx.conf")).toBe(false);
    expect(parser.matchesCommand('vi /etc/vmware/esx.conf')).toBe(false);
    expect(parser.matchesCommand('cp /etc/vmware/esx.conf /tmp/esx.conf.orig')).toBe(false);
    expect(parser.matchesCommand('cat /etc/vmware/hostd/hostsvc.xml')).toBe(false);
  });
});

describe('esxConfParser.startsAt', () => {
  it('starts at the first path = "value" line of a run only', () => {
    const lines = toLines(vcapAdv);
    expect(parser.startsAt(lines, 0)).toBe(true);
    expect(parser.startsAt(lines, 1)).toBe(false);
    expect(parser.startsAt(toLines('Value of BindToVmknic is 1\n/adv/Migrate/BindToVmknic = "1"'), 1)).toBe(true);
  });

  it('rejects lines that are not esx.conf entries', () => {
    expect(parser.startsAt(toLines('   Path: /Migrate/BindToVmknic'), 0)).toBe(false);
    expect(parser.startsAt(toLines('x = "1"'), 0)).toBe(false);
  });
});

describe('esxConfParser.parse', () => {
  it('reads SEED0\'s grep line into entries and advanced without the /adv prefix (domain.md §4.12)', () => {
    expect(parse(grepMigrate)).toEqual({
      ok: true,
      value: {
        entries: [{ path: '/adv/Migrate/BindToVmknic', value: '1', ref: { file: 'esx.conf', line: 1, text: '/adv/Migrate/BindToVmknic = "1"' } }],
        vmknics: [],
        advanced: [{ path: '/Migrate/BindToVmknic', value: '1', ref: { file: 'esx.conf', line: 1, text: '/adv/Migrate/BindToVmknic = "1"' } }],
      },
      warnings: [],
    });
  });

  it('reads the vMotion/FT/management vmknic options, hostname and default gateway', () => {
    const r = parse(vcapAdv);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.advanced.map((a) => [a.path, a.value])).toEqual([
      ['/Migrate/Vmknic', 'vmk2'],
      ['/FT/Vmknic', 'vmk1'],
      ['/Net/ManagementIface', 'vmk0'],
      ['/Net/ManagementAddr', '10.0.1.128'],
      ['/Misc/HostName', 'esx01'],
    ]);
    expect(r.value.hostname).toMatchObject({ name: 'esx01', ref: { line: 5 } });
    expect(r.value.defaultGateway).toMatchObject({ address: '10.0.1.1', ref: { line: 6 } });
  });

  it('groups vmkernelnic children by index and maps the known keys', () => {
    const r = parse(vmkernelnic);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.warnings).toEqual([]);
    const [vmk0, vmk1] = r.value.vmknics;
    expect(vmk0).toEqual({
      index: '0000',
      name: 'vmk0',
      ipv4address: '10.0.1.128',
      ipv4netmask: '255.255.255.0',
      mac: '00:0c:29:2c:54:17',
      portgroup: 'Management Network',
      mtu: 1500,
      enabled: true,
      dhcp: false,
      refs: expect.any(Array),
    });
    expect(vmk0?.refs.map((ref) => ref.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(vmk1).toMatchObject({ index: '0001', name: 'vmk1', mtu: 9000, netstack: 'vmotion' });
    expect(r.value.entries).toHaveLength(19);
  });

  it('reads grep prefixes, warns about a grep error line and unreadable values without failing', () => {
    const r = parse(grepMixed);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.advanced.map((a) => a.value)).toEqual(['0', 'vmk1']);
    expect(r.value.vmknics).toEqual([{ index: '0001', name: 'vmk1', refs: expect.any(Array) }]);
    expect(r.warnings.map((w) => w.line)).toEqual([3, 5, 6]);
  });

  it('reads CRLF, tabs and blank lines', () => {
    const r = parse('\r\n/adv/Migrate/BindToVmknic\t=\t"3"\r\n\r\n/net/routes/kernel/gateway = "192.168.1.1"\r\n');
    expect(r.ok && r.value.advanced[0]).toMatchObject({ path: '/Migrate/BindToVmknic', value: '3', ref: { line: 2 } });
    expect(r.ok && r.value.defaultGateway?.address).toBe('192.168.1.1');
    expect(r.warnings).toEqual([]);
  });

  it('fails when no line at all is an esx.conf entry', () => {
    const r = parse('grep: /etc/vmware/esx.conf: No such file or directory');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message).toMatch(/\/adv\/Migrate\/BindToVmknic = "1"/);
  });
});
