import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadEvidence } from './load-evidence.ts';
import type { LoadResult } from './load-evidence.ts';

// Real output fragments (domain.md §4), cut so that concatenations also produce half tables and orphan rows.
const FRAGMENTS: readonly string[] = [
  'Interface  Port Group/DVPort/Opaque Network        IP Family IP Address                              Netmask         Broadcast       MAC Address       MTU     TSO MSS   Enabled Type                NetStack ',
  'vmk0       Management Network                      IPv4      172.26.64.10                            255.255.255.192 172.26.64.63    88:e9:a4:6b:b8:54 1500    65535     true    STATIC              defaultTcpipStack',
  'vmk0       Management Network                      IPv6      fe80::8ae9:a4ff:fe6b:b854               64                              88:e9:a4:6b:b8:54 1500    65535     true    STATIC, PREFERRED   defaultTcpipStack',
  'Interface  Port Group/DVPort   IP Family IP Address                              Netmask         Broadcast       MAC Address       MTU     TSO MSS   Enabled Type',
  'vmk3       905                 IPv4      192.168.150.52                          255.255.255.0   192.168.150.255 00:50:56:6e:5e:e3 1600    65535     true    STATIC',
  'vmk0\n   Name: vmk0\n   MAC Address: 00:50:56:6c:01:11\n   Enabled: true\n   Portset: vSwitch0\n   Portgroup: Management\n   Netstack Instance: defaultTcpipStack\n   VDS Name: N/A\n   MTU: 1500',
  'Name  IPv4 Address    IPv4 Netmask     IPv4 Broadcast  Address Type  Gateway         DHCP DNS\n----  --------------  ---------------  --------------  ------------  --------------  --------',
  'vmk1  10.88.154.2     255.255.255.248  10.88.154.7     STATIC        0.0.0.0            false',
  '   Tags: Management, VMotion',
  '   Tags:',
  'VMkernel default gateway is 172.26.64.1',
  'VMkernel Routes:\nNetwork          Netmask          Gateway          Interface\n172.26.64.0      255.255.255.192  Local Subnet     vmk0\ndefault          0.0.0.0          172.26.64.1      vmk0',
  'Network      Netmask          Gateway      Interface  Source\n-----------  ---------------  -----------  ---------  ------\ndefault      0.0.0.0          172.26.64.1  vmk0       MANUAL',
  'defaultTcpipStack\n   Key: defaultTcpipStack\n   Name: defaultTcpipStack\n   State: 4660',
  'Value of BindToVmknic is 1',
  '   Path: /Migrate/BindToVmknic\n   Type: integer\n   Int Value: 3\n   Default Int Value: 3\n   Min Value: 0\n   Max Value: 3\n   String Value:\n   Default String Value:',
  'Switch Name      Num Ports   Used Ports  Configured Ports  MTU     Uplinks\nvSwitch0         8960        4           128               1500    vmnic0\n\n  PortGroup Name                            VLAN ID  Used Ports  Uplinks\n  VM Network                                0        0           vmnic0',
  'DVS Name         Num Ports   Used Ports  Configured Ports  MTU     Uplinks\nMgmt_Edge_VDS    1536        13          512               1600    vmnic1,vmnic0\n\n  DVPort ID           In Use      Client\n  510                 1           vmk0',
  'Name    PCI          Driver      Link Speed      Duplex MAC Address       MTU    Description\nvmnic0  0000:0f:00.0 nmlx5_core  Up   25000Mbps  Full   88:e9:a4:6b:b8:54 1500   Mellanox Technologies MT27800 Family [ConnectX-5]',
  'VMware ESXi 7.0.3 build-22348816\nVMware ESXi 7.0 Update 3',
  '   Product: VMware ESXi\n   Version: 8.0.3\n   Build: Releasebuild-24859861\n   Update: 3\n   Patch: 40',
  '/adv/Migrate/BindToVmknic = "1"\n/adv/Migrate/Vmknic = "vmk2"\n/net/vmkernelnic/child[0000]/name = "vmk0"\n/net/vmkernelnic/child[0000]/ipv4address = "10.0.1.128"\n/adv/Misc/HostName = "esx09"',
  '(vim.host.VMotionSystem.NetConfig) {\n   selectedVnic = <vim.host.VirtualNic:VMotionConfig.vmotion.key-vim.host.VirtualNic-vmk1>,\n}',
  'vmkX       Broken                                  IPv4      999.1.1.1',
  'vmknic7 Tags: x',
];

// Whole outputs too, so that many generated pastes do hold readable vmknics.
const WHOLE: readonly string[] = [
  [FRAGMENTS[0], FRAGMENTS[1], FRAGMENTS[2]].join('\n'),
  [FRAGMENTS[3], FRAGMENTS[4]].join('\n'),
  [FRAGMENTS[6], FRAGMENTS[7]].join('\n'),
];

const PROMPTS: readonly string[] = [
  '[root@esx01:~] esxcfg-vmknic -l',
  '[root@esx02.corp.local:/tmp] esxcli network ip interface list',
  '[root@esx01:~] esxcli network ip interface ipv4 get',
  '[root@esx01:~] esxcli network ip interface tag get -i vmk1',
  '[root@esx01:~] esxcli network ip interface tag get -i vmk99999999999999999999',
  '~ # esxcfg-route -l',
  '[root@esx01:~] esxcli network ip route ipv4 list -N vmotion',
  '[root@esx01:~] esxcfg-advcfg -g /Migrate/BindToVmknic',
  '[root@esx01:~] esxcli system settings advanced list -o /Migrate/BindToVmknic',
  '[root@esx01:~] vmware -vl',
  '[root@esx01:~] grep adv /etc/vmware/esx.conf',
  '[root@esx01:~] vim-cmd hostsvc/vmotion/netconfig_get',
  '[root@esx01:~] esxcfg-vmkinc -l',
  '[root@esx01:~] ',
  '$ ssh root@esx03',
  'Password:',
  '```',
  '> ',
];

const JUNK: readonly string[] = ['', '\t', 'Hi team,', '-sh: foo: not found', '\u001b[0m', '# Heading', '~~~', '>>>', '[]@:]', 'vmk1'];

function checkResult(result: LoadResult): void {
  if (!result.ok) {
    expect(result.error.message.length).toBeGreaterThan(10);
    expect(result.error.file.length).toBeGreaterThan(0);
    return;
  }
  expect(result.hosts.length).toBeGreaterThan(0);
  for (const host of result.hosts) {
    for (const vmknic of host.vmknics) expect(vmknic.name).toMatch(/^vmk\d+$/);
    expect(JSON.parse(JSON.stringify(host))).toEqual(host);
  }
  for (const w of result.warnings) expect(typeof w.line).toBe('number');
}

const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...FRAGMENTS) },
  { weight: 2, arbitrary: fc.constantFrom(...WHOLE) },
  { weight: 3, arbitrary: fc.constantFrom(...PROMPTS) },
  { weight: 1, arbitrary: fc.constantFrom(...JUNK) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
);

// Damage a fragment the way pastes do: a cut line, squeezed spaces, tabs, a quote marker.
const damaged = fc
  .tuple(piece, fc.nat(), fc.constantFrom('cut', 'squeeze', 'tabs', 'quote', 'none'))
  .map(([text, n, how]) => {
    if (how === 'cut') return text.slice(0, n % (text.length + 1));
    if (how === 'squeeze') return text.replace(/ {2,}/g, ' ');
    if (how === 'tabs') return text.replace(/ {2,}/g, '\t');
    if (how === 'quote') return text.split('\n').map((l) => `> ${l}`).join('\n');
    return text;
  });

describe('loadEvidence never throws', () => {
  it('on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        checkResult(loadEvidence([{ file: 'fuzz.txt', text }]));
      }),
      { numRuns: 300 },
    );
  });

  it('on random concatenations of real output fragments, prompts and junk', () => {
    let hosts = 0;
    let vmknics = 0;
    fc.assert(
      fc.property(fc.array(damaged, { minLength: 1, maxLength: 25 }), fc.constantFrom('\n', '\r\n'), (pieces, eol) => {
        const result = loadEvidence([{ file: 'fuzz.txt', text: pieces.join(eol) }]);
        checkResult(result);
        if (result.ok) {
          hosts += result.hosts.length;
          vmknics += result.hosts.reduce((n, h) => n + h.vmknics.length, 0);
        }
      }),
      { numRuns: 300 },
    );
    // The property is only worth something if the generated pastes often do contain readable hosts and vmknics.
    expect(hosts).toBeGreaterThan(100);
    expect(vmknics).toBeGreaterThan(100);
  });

  it('on several files at once', () => {
    fc.assert(
      fc.property(fc.array(fc.array(damaged, { maxLength: 8 }), { minLength: 1, maxLength: 4 }), (files) => {
        checkResult(loadEvidence(files.map((pieces, i) => ({ file: `f${i}.txt`, text: pieces.join('\n'), defaultHost: `f${i}` }))));
      }),
      { numRuns: 150 },
    );
  });
});
