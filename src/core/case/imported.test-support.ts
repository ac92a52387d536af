/**
 * Imported hosts for the case tests: one from a support bundle with every optional field of every record filled
 * (so a field the case file forgot would show in a round trip), and a sparse one opened from the estate Scan view.
 */
import type { ImportedHost } from '../model/imported.ts';
import type { EvidenceRef } from '../model/evidence.ts';
import { host, route } from '../test-support/hosts.ts';

const TOP = (name: string) => `esx-${name}-2024-05-03--09.30-2099871`;

function line(file: string, n: number, text: string): EvidenceRef {
  return { file, line: n, text };
}

/** A bundle host whose model, log lines, gaps and warnings use every field the types allow. */
export function bundleHost(name = 'esx21.lab.local', id = 'imported-1'): ImportedHost {
  const file = `${TOP(name)}/commands/localcli_network-ip-interface-list.txt`;
  const base = host({
    name,
    version: '7.0.3',
    update: '3',
    build: '22348816',
    defaultGateway: '172.16.10.1',
    nics: [
      { name: 'vmk0', ip: '172.16.10.21', mask: '255.255.255.0', tags: ['Management'], netstack: 'defaultTcpipStack', mtu: 1500, portGroup: 'Management Network', vswitch: 'vSwitch0', mac: '00:50:56:6a:21:00' },
      { name: 'vmk1', ip: '172.16.10.121', tags: ['VMotion'], netstack: 'defaultTcpipStack', mtu: 9000, enabled: false, gateway: '172.16.10.254', vswitch: 'dvs-prod' },
    ],
    routes: [route('defaultTcpipStack', '172.16.10.0', '255.255.255.0', '0.0.0.0', 'vmk0', 0), route('defaultTcpipStack', '0.0.0.0', '0.0.0.0', '172.16.10.1', 'vmk0', 1)],
    bind: 0,
    bindDefault: 0,
    autobind: 1,
    advanced: { '/Migrate/Vmknic': { value: 'vmk1', defaultValue: '', evidence: line(file, 40, '/Migrate/Vmknic = "vmk1"') } },
    netstacks: ['defaultTcpipStack', 'vmotion'],
    vswitches: [
      {
        name: 'vSwitch0',
        kind: 'standard',
        mtu: 1500,
        uplinks: ['vmnic0', 'vmnic1'],
        portGroups: [
          { name: 'Management Network', vlan: 0, uplinks: ['vmnic0'] },
          { name: 'VM Network', uplinks: [] },
        ],
        dvPorts: [],
        evidence: line(file, 3, 'vSwitch0         2560        6           128               1500    vmnic0,vmnic1'),
      },
      { name: 'dvs-prod', kind: 'distributed', mtu: 9000, uplinks: ['vmnic2'], portGroups: [], dvPorts: [{ id: '17', client: 'vmk1' }, { id: '0', client: 'vmnic2' }], evidence: line(file, 12, 'dvs-prod  2560  4  512  9000  vmnic2') },
    ],
    physical: [
      { name: 'vmnic0', driver: 'ntg3', linkUp: true, speedMbps: 10000, duplex: 'Full', mac: '00:50:56:01:21:00', mtu: 1500, description: 'Broadcom NetXtreme BCM5720', evidence: line(file, 20, 'vmnic0  0000:02:00.0 ntg3 Up 10000Mbps Full') },
      { name: 'vmnic1', linkUp: false, evidence: line(file, 21, 'vmnic1  0000:02:00.1 ntg3 Down 0Mbps Half') },
    ],
  });
  const [vmk0, vmk1] = base.vmknics;
  return {
    id,
    origin: 'bundle',
    file: 'vcenter-export.zip',
    detail: `esx21.tgz › ${TOP(name)}`,
    model: {
      ...base,
      nameAssumed: false,
      vmknics: [
        { ...vmk0!, ipv6: ['fe80::250:56ff:fe6a:2100/64'], addressType: 'STATIC', tagSource: 'tag-get' },
        { ...vmk1!, dvPort: '17', ipv6: [], addressType: 'DHCP', tagSource: 'esx.conf' },
      ],
      advancedAtDefault: { '/Net/TcpipDefLROEnabled': line(file, 90, 'esxcli system settings advanced list -d') },
      netconfigSelectedVnic: 'vmk1',
      pings: [
        { vmknic: 'vmk1', netstack: 'defaultTcpipStack', dontFragment: true, size: 8972, target: '172.16.10.122', answered: false, messageTooLong: true, evidence: line('ping.txt', 2, 'sendto() failed (Message too long)') },
        { dontFragment: false, size: 56, target: '172.16.10.22', answered: true, messageTooLong: false, evidence: line('ping.txt', 9, '3 packets transmitted, 3 packets received, 0% packet loss') },
      ],
      commandsSeen: ['vmware -vl', 'esxcli network ip interface list', 'esxcfg-route -l'],
    },
    observed: [
      {
        host: name,
        traffic: 'vmotion',
        id: '7182955985622999001',
        vm: 'app01',
        time: '2024-05-03T08:00:00.000Z',
        direction: 'outgoing',
        sourceAddresses: ['172.16.10.121'],
        destAddresses: ['172.16.10.122'],
        encrypted: 'no',
        outcome: 'failed',
        evidence: [
          line(`${TOP(name)}/var/run/log/vmkernel.log`, 4, 'Migrate: 314: vmotion: Source vmmLeaderID = 2120001, ts = 7182955985622999001, srcIP = <172.16.10.121> dstIP = <172.16.10.122>'),
          line(`${TOP(name)}/var/run/log/vmkernel.log`, 5, 'WARNING: Migrate: 5454: 7182955985622999001 S: Migration considered a failure by the VMX.'),
        ],
      },
      {
        host: name,
        traffic: 'nfc',
        time: '2024-05-01T11:02:03.004Z',
        lastTime: '2024-05-01T11:02:13.004Z',
        direction: 'unknown',
        sourceAddresses: [],
        destAddresses: ['172.16.10.22'],
        encrypted: 'unknown',
        outcome: 'failed',
        count: 2,
        evidence: [line(`${TOP(name)}/var/run/log/hostd.log`, 2, '[NFC ERROR]NfcNewAuthdConnectionEx: Failed to connect to server 172.16.10.22:902')],
      },
    ],
    gaps: [{ fact: 'the vmotion netstack\'s routes', fill: 'esxcli network ip route ipv4 list -N vmotion' }],
    warnings: [{ file, line: 7, message: 'a row with 5 columns instead of 9 was skipped' }],
  };
}

/** A host opened from the estate Scan view: no logs, no version evidence, an unset selected vmknic. */
export function estateHost(name = 'esx02', id = 'imported-2'): ImportedHost {
  const model = host({ name, nics: [{ name: 'vmk0', ip: '10.0.0.2', tags: ['Management', 'VMotion'] }] });
  return {
    id,
    origin: 'estate',
    file: 'rvtools.xlsx, powercli.csv',
    model: { ...model, nameAssumed: true, netconfigSelectedVnic: null },
    observed: [],
    gaps: [],
    warnings: [],
  };
}
