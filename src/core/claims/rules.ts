/**
 * The claims register, part 1: every rule the analysis relies on that no VMware document states — inferred from
 * several sources, observed by third parties, or unknown — with its sources, what the analysis does with it and the
 * command or test that would settle it. The knowledge-base article "What we are not sure of" is generated from this
 * list (kb/not-sure.ts), so the article and the analysis cannot drift apart.
 */
import type { ClaimSourceKey } from './sources.ts';

export type ClaimStatus =
  /** Follows from several sources or from how TCP/IP works; the analysis words it "likely". */
  | 'inferred'
  /** Reported by third parties in the field, not documented by VMware. */
  | 'observed'
  /** The sources disagree with each other. */
  | 'conflicting'
  /** Not known: the analysis says "uncertain" and asks for evidence. */
  | 'unknown';

export interface UnsureRule {
  readonly id: string;
  /** The rule as the analysis applies it, one sentence, plain English. */
  readonly rule: string;
  readonly status: ClaimStatus;
  /** Why it is believed (or why it is not known), naming the sources in words. */
  readonly basis: string;
  readonly sources: readonly ClaimSourceKey[];
  /** What the analysis does with it, and how sure the result is. */
  readonly effect: string;
  /** The command, measurement or test that would settle it. */
  readonly settle: string;
}

export const UNSURE_RULES: readonly UnsureRule[] = [
  {
    id: 'bind-50-51-untouched',
    rule: 'On ESXi 5.0 and 5.1 an untouched Migrate.BindToVmknic behaves like value 2: one vMotion adapter in the management subnet is not used for vMotion, two or more are.',
    status: 'observed',
    basis: 'Not documented by VMware; observed by Denneman (2013) on 5.1, and by Chan and Elatov (2012, build not named) in the same layout.',
    sources: ['SEED1', 'SEED0', 'ELATOV'],
    effect: 'With the value not shown and one vMotion adapter in vmk0\'s subnet, vMotion leaves by vmk0: likely, never certain.',
    settle: '`esxcfg-advcfg -g /Migrate/BindToVmknic` on the source host, and a test vMotion watched in `esxtop` (press `n`) or with `esxcli network ip connection list | grep :8000`.',
  },
  {
    id: 'bind-5x-value-1',
    rule: 'What the value 1 of Migrate.BindToVmknic does on ESXi 5.x.',
    status: 'unknown',
    basis: 'Not documented by VMware for 5.x. Chan (2012) advises that 1 "should force" vMotion onto the vMotion adapter and "may help", without reporting a test or naming a build; from 6.0 U3 on, William Lam\'s dumps describe 1 as "bind only with FT".',
    sources: ['SEED0', 'LAMW'],
    effect: 'A pasted 1 on 5.x leaves the vMotion adapter uncertain; both candidates are shown.',
    settle: 'A test vMotion watched in `esxtop` (press `n`) or with `esxcli network ip connection list | grep :8000` on the source host.',
  },
  {
    id: 'bind-5x-values-0-2',
    rule: 'The values 0 and 2 of Migrate.BindToVmknic mean on ESXi 5.x what they mean from 6.0 U3 on.',
    status: 'inferred',
    basis: 'Not documented by VMware for 5.x; inferred from the value descriptions in William Lam\'s dumps (6.0 U3 and later) and from Denneman\'s 5.1 observation.',
    sources: ['LAMW', 'SEED1'],
    effect: 'A pasted 0 or 2 on 5.x is read with today\'s meaning: likely.',
    settle: 'A test vMotion watched in `esxtop` (press `n`) on the source host.',
  },
  {
    id: 'bind-default-55-65early',
    rule: 'The default of Migrate.BindToVmknic on ESXi 5.5 and on 6.5 GA to 6.5c.',
    status: 'unknown',
    basis: 'No dump of these builds exists; William Lam\'s dumps start at 6.0 U3 and 6.5d.',
    sources: ['LAMW'],
    effect: 'With the value not shown, the vMotion adapter is uncertain on these builds.',
    settle: '`esxcli system settings advanced list -o /Migrate/BindToVmknic` (its `Default Int Value` line is the build\'s own default).',
  },
  {
    id: 'bind-default-between-dumps',
    rule: 'ESXi 6.0 before U3 defaults Migrate.BindToVmknic to 2, and 7.0 U3 to U3c default it to 3.',
    status: 'inferred',
    basis: 'Inferred from the dumps on either side: 6.0 U3 has 2; 7.0 U2 and 7.0 U3d both have 3 (William Lam\'s dumps).',
    sources: ['LAMW'],
    effect: 'The build default is used, and the answer is likely, not certain.',
    settle: '`esxcli system settings advanced list -o /Migrate/BindToVmknic` (`Default Int Value`).',
  },
  {
    id: 'autobind-effect',
    rule: 'With Migrate.AutoBindVmknic = 1 the receiving host answers a vMotion stream from the adapter it arrived on.',
    status: 'inferred',
    basis: 'Inferred from the option\'s description ("autobind the vMotion socket to the vmknic where data comes from") in William Lam\'s dumps.',
    sources: ['LAMW'],
    effect: 'Replies leave by the receiving adapter on 6.0 U3 to 7.0 U2, so no flooding risk is raised there.',
    settle: 'On the destination during a test vMotion, `esxtop` (press `n`): the vMotion adapter\'s row must show transmitted packets (PKTTX/s).',
  },
  {
    id: 'autobind-gone',
    rule: 'Which adapter the receiving host answers from on 7.0 U3d and later, where Migrate.AutoBindVmknic no longer exists.',
    status: 'unknown',
    basis: 'The option is absent from every dump from 7.0 U3d on, and what replaced it is not documented by VMware.',
    sources: ['LAMW'],
    effect: 'The flooding risk on those builds is reported as possible, not likely.',
    settle: 'On the destination during a test vMotion, `esxtop` (press `n`): whether the vMotion adapter\'s row transmits.',
  },
  {
    id: 'flooding-mechanism',
    rule: 'An adapter that only receives is forgotten by the physical switch after its MAC aging time, and the switch then floods the vMotion stream to every port of the VLAN.',
    status: 'inferred',
    basis: 'Not documented by VMware; inferred from how switches learn MAC addresses (ltlnetworker 2014) and from Elatov\'s observation (2012) of one MAC starting the connection and another carrying the data.',
    sources: ['ELATOV', 'LTLNETWORKER'],
    effect: 'UNICAST_FLOODING_RISK is worded "likely".',
    settle: 'On the physical switch during a test vMotion, look up the receiving adapter\'s MAC in the MAC address table (for example `show mac address-table address <MAC>`), and watch other ports of the VLAN for the stream.',
  },
  {
    id: 'route-order-same-subnet',
    rule: 'With two adapters in one subnet of one stack, traffic to that subnet leaves by the first listed (lowest numbered) adapter.',
    status: 'inferred',
    basis: 'Broadcom KB 323116: a second routing-table entry is added but lookup never reaches it; KB 429518: "the first initialized VMK"; Elatov\'s 5.0 output shows the first adapter. The current KB 318546 only says any one of the adapters may be used.',
    sources: ['KB323116', 'KB429518', 'ELATOV', 'KB318546'],
    effect: 'The adapter named by the first route (or the lowest numbered one) is taken: likely, never certain.',
    settle: '`esxcli network ip route ipv4 list` and `esxcfg-route -l`, and a test vMotion watched in `esxtop` (press `n`).',
  },
  {
    id: 'hot-cold-data',
    rule: 'The cold data of a powered-on migration (older snapshot layers, the base disk, the VM home files) is copied by NFC over the provisioning adapter, or vmk0 without one.',
    status: 'conflicting',
    basis: 'Denneman (2013), the vSphere 7.0 documentation ("cold data in hot migration") and VMware\'s Unified Data Transport page say NFC; Broadcom KB 340170 says that for a powered-up VM all of the migration traffic crosses the vMotion adapter on TCP port 8000.',
    sources: ['SEED1', 'DOC70', 'UDT', 'KB340170'],
    effect: 'The NFC path of a hot migration (snapshots, compute and storage) is likely at best; cold migrations and clones are not affected.',
    settle: '`esxcli network ip connection list | grep :902` on the source host while a powered-on VM with snapshots migrates with its storage.',
  },
  {
    id: 'udt-data-vmknic',
    rule: 'Which adapter carries the bulk data of Unified Data Transport on 8.0 and later.',
    status: 'unknown',
    basis: 'VMware\'s UDT page says NFC keeps the control channel on the provisioning adapter; the data adapter is not stated.',
    sources: ['UDT'],
    effect: 'The NFC path reports the provisioning (control) path and says the bulk data may travel elsewhere.',
    settle: '`esxcli network ip connection list` on the source host during a cold migration between two 8.0 hosts with provisioning adapters.',
  },
  {
    id: 'nfc-one-sided-provisioning',
    rule: 'The NFC target when only one of the two hosts has a provisioning adapter.',
    status: 'unknown',
    basis: 'KB 340170 covers only hosts configured alike and the no-route case.',
    sources: ['KB340170'],
    effect: 'The destination\'s management address is taken as the target when it has no provisioning adapter.',
    settle: '`esxcli network ip connection list | grep :902` on both hosts during a cold migration.',
  },
  {
    id: 'provisioning-in-vmk0-subnet',
    rule: 'A provisioning adapter in vmk0\'s subnet loses to vmk0, like any adapter sharing vmk0\'s subnet.',
    status: 'inferred',
    basis: 'Inferred from the multihoming rules of KB 318546 and the provisioning behaviour of KB 340170.',
    sources: ['KB318546', 'KB340170'],
    effect: 'NFC is reported as leaving by vmk0 in that layout: likely.',
    settle: '`esxcli network ip connection list | grep :902` on the source host during a cold migration.',
  },
  {
    id: 'multi-nic-pairing',
    rule: 'How the source and destination adapters of multi-NIC vMotion pair up.',
    status: 'unknown',
    basis: 'Not documented by VMware; Denneman and Epping describe the set-up, not the pairing.',
    sources: ['SEED1', 'YELLOWBRICKS'],
    effect: 'The list of source adapters is reported without pairs.',
    settle: '`esxcli network ip connection list | grep :8000` on both hosts during a test vMotion.',
  },
  {
    id: 'arp-owner',
    rule: 'On a host with several adapters in one subnet, only the adapter that owns an address answers ARP for it.',
    status: 'unknown',
    basis: 'Assumed; not documented by VMware (KB 318546 describes the outgoing side only).',
    sources: ['KB318546'],
    effect: 'The destination is assumed to receive on the adapter whose address the source targets.',
    settle: '`esxcli network ip neighbor list` on the source host (the MAC learned for the peer\'s vMotion address) against `esxcfg-vmknic -l` on the peer.',
  },
];
