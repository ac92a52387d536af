/**
 * Bundle contents for the tests: the real-format outputs of examples/modern-7.0u3-same-subnet (esx21, esx22) laid
 * out as `vm-support` bundles, with logs whose lines follow the public formats of shared/docs/bundles.md §3.
 *
 * Provenance of the log lines (see migration-log.ts): the 8.x vmkernel `vmotion: Source|Dest vmmLeaderID …` body
 * and the `, encrypted` suffix [V Broadcom KB 441977], with a reconstructed `In(182) vmkernel: cpuN:W` prefix [I];
 * the 6.x `Setting VMOTION info` and `S: Set ip address` lines [V virtuallypeculiar 2015]; the failure line
 * [V VMware KB via findbugzero]; `MigrateSetInfo` [V haewon83 2023]; the hostd `[NFC ERROR]NfcNewAuthdConnectionEx:
 * Failed to connect to server <IP>:902` body [V Broadcom KB 393932] with a reconstructed hostd prefix [I]; the noise
 * lines are reconstructed [I]. Addresses and ids are this lab's.
 */
import { commandFiles, gzip, hostBundle, readExample, readFixture, tgz } from './test-support.ts';
import type { TarFile } from './test-support.ts';

export const TOP_A = 'esx-esx21.lab.local-2024-05-03--09.30-2099871';
export const TOP_B = 'esx-esx22.lab.local-2024-05-03--09.41-2101442';

export const TS = {
  /** esx21 → esx22 over the management addresses, encrypted. */
  mgmt: '7182955985622810397',
  /** esx21 → esx22 over the vMotion addresses, not encrypted, failed. */
  failed: '7182955985622999001',
  /** esx22 → esx21 (incoming on esx21), in vmkernel.0.gz. */
  incoming: '7182955985611000002',
  /** esx21 → esx22 in the 6.x format, in vmkernel.1.gz (the oldest rotation). */
  old: '1451061663105920',
};

const noise = (time: string) => `${time} In(182) vmkernel: cpu3:2097715)NetPort: 1426: disabled port 0x4000006`;

export const VMKERNEL_A = [
  noise('2024-05-02T10:14:58.001Z'),
  `2024-05-02T10:15:01.123Z In(182) vmkernel: cpu10:2100002 opID=d5991c6f)Migrate: 314: vmotion: Source vmmLeaderID = 2118927, ts = ${TS.mgmt}, srcIP = <172.16.10.21> dstIP = <172.16.10.22> Dest wid = 2109446 using SHARED swap, encrypted`,
  noise('2024-05-02T10:15:09.500Z'),
  `2024-05-03T08:00:00.000Z In(182) vmkernel: cpu12:2100417 opID=7a1b2c3d)Migrate: 314: vmotion: Source vmmLeaderID = 2120001, ts = ${TS.failed}, srcIP = <172.16.10.121> dstIP = <172.16.10.122> Dest wid = 2110001 using SHARED swap`,
  `2024-05-03T08:00:41.302Z In(182) vmkernel: cpu12:2100417)WARNING: Migrate: 5454: ${TS.failed} S: Migration considered a failure by the VMX.  It is most likely a timeout, but check the VMX log for the true error.`,
].join('\n');

export const VMKERNEL_A_ROTATION_0 = [
  noise('2024-04-30T16:01:00.000Z'),
  `2024-04-30T16:02:11.640Z In(182) vmkernel: cpu7:2099120)Migrate: 314: vmotion: Dest vmmLeaderID = 2119000, ts = ${TS.incoming}, srcIP = <172.16.10.122> dstIP = <172.16.10.121> Dest wid = 0 using SHARED swap, encrypted`,
].join('\n');

export const VMKERNEL_A_ROTATION_1 = [
  `2024-04-20T06:39:25.565Z cpu4:2758489)Migrate: vm 2758492: 3284: Setting VMOTION info: Source ts = ${TS.old}, src ip = <172.16.10.121> dest ip = <172.16.10.122> Dest wid = 1830931 using SHARED swap`,
  `2024-04-20T06:39:25.567Z cpu4:2758489)VMotion: 2734: ${TS.old} S: Set ip address '172.16.10.121' worldlet affinity to send World ID 2772001`,
].join('\n');

export const HOSTD_A = [
  '2024-05-01T11:00:00.000Z In(166) Hostd[2099573]: [Originator@6876 sub=Vimsvc.TaskManager opID=3f2e] Task Created : haTask--vim.host.VMotionSystem.queryNetConfig-123',
  '2024-05-01T11:02:03.004Z In(166) Hostd[2099573]: [Originator@6876 sub=Libs opID=3f2e-01] [NFC ERROR]NfcNewAuthdConnectionEx: Failed to connect to server 172.16.10.22:902',
  '2024-05-01T11:02:13.004Z In(166) Hostd[2099573]: [Originator@6876 sub=Libs opID=3f2e-01] [NFC ERROR]NfcNewAuthdConnectionEx: Failed to connect to server 172.16.10.22:902',
].join('\n');

/** vmware.log of a VM on a shared datastore: one of esx21's migrations, and one between two other hosts. */
export const VMWARE_LOG = [
  `2024-05-03T08:00:00.012Z In(05) vmx - MigrateSetInfo: state=1 srcIp=<172.16.10.121> dstIp=<172.16.10.122> mid=${TS.failed} uuid=920c4d56-7808-0d0d-4c93-719b81b66bc3 priority=high`,
  '2024-05-03T08:00:00.013Z In(05) vmx - MigrateSetState: Transitioning from state 0 to 1.',
  '2024-05-04T09:00:00.000Z In(05) vmx - MigrateSetInfo: state=1 srcIp=<10.9.9.1> dstIp=<10.9.9.2> mid=7182955985600000099 uuid=920c4d56-7808-0d0d-4c93-719b81b66bc3 priority=high',
].join('\n');

export const VMKERNEL_B = `2024-05-02T10:15:01.200Z In(182) vmkernel: cpu4:2100102)Migrate: 314: vmotion: Dest vmmLeaderID = 2109446, ts = ${TS.mgmt}, srcIP = <172.16.10.21> dstIP = <172.16.10.22> Dest wid = 0 using SHARED swap, encrypted`;

/**
 * The host object dump's service selection [I: reconstructed layout, see vimdump.ts]: vmk0 management, vmk1 vMotion.
 */
export function vimdump(management: string, vmotion: string): string {
  const netConfig = (type: string, selected: string) => [
    '   (vim.host.VirtualNicManager.NetConfig) {',
    `      nicType = "${type}",`,
    '      multiSelectAllowed = true,',
    '      candidateVnic = (vim.host.VirtualNic) [',
    '         (vim.host.VirtualNic) {',
    '            device = "vmk0",',
    `            key = "${type}.key-vim.host.VirtualNic-vmk0",`,
    '         },',
    '         (vim.host.VirtualNic) {',
    '            device = "vmk1",',
    `            key = "${type}.key-vim.host.VirtualNic-vmk1",`,
    '         }',
    '      ],',
    '      selectedVnic = (string) [',
    `         "${type}.key-vim.host.VirtualNic-${selected}"`,
    '      ]',
    '   },',
  ];
  return [
    '=============== 1. vim.host.VirtualNicManager::ha-vnic-mgr ===============',
    '(vim.host.VirtualNicManagerInfo) {',
    '   netConfig = (vim.host.VirtualNicManager.NetConfig) [',
    ...netConfig('management', management),
    ...netConfig('vmotion', vmotion),
    '   ]',
    '}',
    '=============== 2. vim.option.OptionManager::HostAgentSettings ===============',
    '   (vim.option.OptionValue) {',
    "      key = 'Migrate.Vmknic',",
    `      value = '${vmotion}'`,
    '   },',
  ].join('\n');
}

/** A `-d` list (only settings that differ from their default) without `/Migrate/BindToVmknic` [layout V §4.8]. */
export const DELTA_WITHOUT_BIND = [
  '   Path: /UserVars/SuppressShellWarning',
  '   Type: integer',
  '   Int Value: 1',
  '   Default Int Value: 0',
  '   Min Value: 0',
  '   Max Value: 1',
  '   String Value:',
  '   Default String Value:',
  '   Valid Characters:',
  '   Description: Do not show warning for enabled local and remote shell access',
  '',
].join('\n');

export const README_A = 'Command line: /bin/vm-support -w /vmfs/volumes/datastore1\nOptions: Network:base Network:tcpip Logs:System\nCaptured on: 2024-05-03 09:30 UTC\n';

export interface HostFilesOptions {
  /** Keep the `tag get` outputs (a real bundle has none; the vimdump carries the services instead). */
  readonly tags?: boolean;
  readonly delta?: string | false;
  readonly vimdump?: boolean;
}

/** esx21's bundle members (paths relative to the top folder). */
export function filesA(options: HostFilesOptions = {}): Record<string, string | Uint8Array> {
  const files: Record<string, string | Uint8Array> = commandFiles(readExample('modern-7.0u3-same-subnet/esx-a.txt'), (c) => !options.tags && c.includes('tag get'));
  if (options.delta !== false) files['commands/localcli_system-settings-advanced-list--d.txt'] = options.delta ?? DELTA_WITHOUT_BIND;
  if (options.vimdump !== false) files['commands/vmware-vimdump_-o----U-dcui.txt'] = vimdump('vmk0', 'vmk1');
  files.README = README_A;
  files['var/run/log/vmkernel.log'] = VMKERNEL_A;
  files['var/run/log/vmkernel.0.gz'] = gzip(VMKERNEL_A_ROTATION_0);
  files['var/run/log/vmkernel.1.gz'] = gzip(VMKERNEL_A_ROTATION_1);
  files['var/run/log/hostd.log'] = HOSTD_A;
  files['vmfs/volumes/5f1e2d3c-aa11bb22-cc33-0050569a0001/web01/vmware.log'] = VMWARE_LOG;
  // Members outside the allow-list are never read.
  files['commands/vsi_traverse_-s.txt'] = 'not read\n'.repeat(100);
  files['var/core/vmkernel-zdump.1'] = new Uint8Array(4096);
  return files;
}

export function filesB(): Record<string, string | Uint8Array> {
  const files: Record<string, string | Uint8Array> = commandFiles(readExample('modern-7.0u3-same-subnet/esx-b.txt'), (c) => c.includes('tag get'));
  files['commands/vmware-vimdump_-o----U-dcui.txt'] = vimdump('vmk0', 'vmk1');
  files['var/run/log/vmkernel.log'] = VMKERNEL_B;
  return files;
}

export function bundleA(options: HostFilesOptions = {}): Uint8Array {
  return tgz(hostBundle(TOP_A, filesA(options)));
}

export function bundleB(): Uint8Array {
  return tgz(hostBundle(TOP_B, filesB()));
}

/** The vCenter's own bundle (its marker file) for an export. */
export function vcenterBundle(): Uint8Array {
  const entries: TarFile[] = [
    { path: 'vc01-2024-05-03--09.45-4242/', type: '5' },
    { path: 'vc01-2024-05-03--09.45-4242/usr/lib/vmware-sca/conf/vc-support.properties', body: 'support.version=1\n' },
  ];
  return tgz(entries);
}

export { readFixture };
