/**
 * The specification of examples/README.md, checked end to end: raw paste → parsers → core → JSON contract.
 * Each case names the egress/ingress the rules require, the findings that must be raised (with severity and
 * certainty) and those a careless analysis would raise but the rules forbid.
 */
import { describe, expect, it } from 'vitest';
import { runJson } from './run-cli.test-support.ts';

interface Expect {
  name: string;
  source: string;
  dest?: string;
  migration?: string;
  vmotionEgress?: { vmknics: string[]; certainty: string; candidates?: string[] };
  nfcEgress?: string[];
  raised: string[]; // "ID severity certainty"
  notRaised: string[];
}

const CASES: Expect[] = [
  {
    name: 'seed Chan 5.0 (BindToVmknic 1 on 5.x: meaning unverified)',
    source: 'seed-chan-5.0/esx01.txt',
    dest: 'seed-chan-5.0/esx02.txt',
    migration: 'snapshots',
    vmotionEgress: { vmknics: [], certainty: 'uncertain', candidates: ['vmk0', 'vmk1'] },
    nfcEgress: ['vmk0'],
    raised: ['EGRESS_UNCERTAIN info uncertain', 'SAME_SUBNET_VMKNICS high', 'VMOTION_ON_MANAGEMENT_NETWORK medium', 'UNICAST_FLOODING_RISK high probable', 'VMOTION_UNENCRYPTED_ON_SHARED_NETWORK medium', 'BIND_TO_VMKNIC_SET info definite', 'COLD_DATA_OVER_MANAGEMENT medium'],
    notRaised: ['VMOTION_EGRESS_MISMATCH', 'NO_VMOTION_VMKNIC'],
  },
  {
    name: 'seed Denneman 5.1 (no binding value: the untouched 5.1 setting behaves like 2, so vmk0, likely)',
    source: 'seed-denneman-5.1/source.txt',
    dest: 'seed-denneman-5.1/dest.txt',
    migration: 'snapshots',
    vmotionEgress: { vmknics: ['vmk0'], certainty: 'probable' },
    nfcEgress: ['vmk0'],
    raised: ['VMOTION_EGRESS_MISMATCH high probable', 'SAME_SUBNET_VMKNICS high', 'VMOTION_ON_MANAGEMENT_NETWORK medium definite', 'UNICAST_FLOODING_RISK high probable', 'VMOTION_UNENCRYPTED_ON_SHARED_NETWORK medium probable', 'COLD_DATA_OVER_MANAGEMENT medium probable'],
    notRaised: ['EGRESS_UNCERTAIN', 'BIND_TO_VMKNIC_SET'],
  },
  {
    name: 'seed Denneman 5.1 as a cold migration (NFC by every source: definite)',
    source: 'seed-denneman-5.1/source.txt',
    dest: 'seed-denneman-5.1/dest.txt',
    migration: 'cold',
    nfcEgress: ['vmk0'],
    raised: ['COLD_DATA_OVER_MANAGEMENT medium definite'],
    notRaised: [],
  },
  {
    name: 'seed Chan 5.0 reversed (esx02 shows no value: the untouched 5.0 setting behaves like 2, so vmk0, likely)',
    source: 'seed-chan-5.0/esx02.txt',
    dest: 'seed-chan-5.0/esx01.txt',
    migration: 'live',
    vmotionEgress: { vmknics: ['vmk0'], certainty: 'probable' },
    raised: ['VMOTION_EGRESS_MISMATCH high probable'],
    notRaised: ['EGRESS_UNCERTAIN', 'COLD_DATA_OVER_MANAGEMENT'],
  },
  {
    name: 'modern 7.0 U3 same subnet (build default 3 binds)',
    source: 'modern-7.0u3-same-subnet/esx-a.txt',
    dest: 'modern-7.0u3-same-subnet/esx-b.txt',
    migration: 'snapshots',
    vmotionEgress: { vmknics: ['vmk1'], certainty: 'probable' },
    nfcEgress: ['vmk0'],
    raised: ['SAME_SUBNET_VMKNICS high definite', 'VMOTION_ON_MANAGEMENT_NETWORK medium definite', 'UNICAST_FLOODING_RISK medium uncertain', 'COLD_DATA_OVER_MANAGEMENT medium probable'],
    notRaised: ['VMOTION_EGRESS_MISMATCH', 'EGRESS_UNCERTAIN', 'BIND_TO_VMKNIC_SET', 'VMOTION_UNENCRYPTED_ON_SHARED_NETWORK', 'MTU_MISMATCH'],
  },
  {
    name: '6.7 U3 with BindToVmknic 0 (the classic problem, definite)',
    source: 'bind0-6.7/esx-a.txt',
    dest: 'bind0-6.7/esx-b.txt',
    migration: 'snapshots',
    vmotionEgress: { vmknics: ['vmk0'], certainty: 'definite' },
    nfcEgress: ['vmk0'],
    raised: ['VMOTION_EGRESS_MISMATCH high definite', 'BIND_TO_VMKNIC_SET low definite', 'SAME_SUBNET_VMKNICS high definite', 'VMOTION_ON_MANAGEMENT_NETWORK medium definite', 'COLD_DATA_OVER_MANAGEMENT medium probable'],
    notRaised: ['UNICAST_FLOODING_RISK', 'EGRESS_UNCERTAIN', 'VMOTION_UNENCRYPTED_ON_SHARED_NETWORK'],
  },
  {
    name: 'multi-NIC vMotion on 6.0 U3 (B=2, two vMotion vmknics)',
    source: 'multinic-6.0u3/esx-a.txt',
    migration: 'snapshots',
    vmotionEgress: { vmknics: ['vmk1', 'vmk2'], certainty: 'definite' },
    nfcEgress: ['vmk0'],
    raised: ['SAME_SUBNET_VMKNICS high definite', 'VMOTION_ON_MANAGEMENT_NETWORK medium definite', 'VMOTION_UNENCRYPTED_ON_SHARED_NETWORK medium definite', 'COLD_DATA_OVER_MANAGEMENT medium'],
    notRaised: ['BIND_TO_VMKNIC_SET', 'VMOTION_EGRESS_MISMATCH', 'EGRESS_UNCERTAIN', 'UNICAST_FLOODING_RISK'],
  },
  {
    name: 'vmotion and provisioning stacks on 8.0 with one MTU fault',
    source: 'vmotion-stack-8.0/esx-a.txt',
    dest: 'vmotion-stack-8.0/esx-b.txt',
    migration: 'snapshots',
    vmotionEgress: { vmknics: ['vmk1'], certainty: 'definite' },
    nfcEgress: ['vmk2'],
    raised: ['MTU_MISMATCH medium definite'],
    notRaised: ['VMOTION_TAG_SHADOWED', 'COLD_DATA_OVER_MANAGEMENT', 'SAME_SUBNET_VMKNICS', 'VMOTION_L3_NO_GATEWAY', 'UNICAST_FLOODING_RISK', 'EGRESS_UNCERTAIN', 'BIND_TO_VMKNIC_SET'],
  },
  {
    name: 'routed vMotion without a gateway on 7.0',
    source: 'l3-vmotion-7.0/esx-a.txt',
    dest: 'l3-vmotion-7.0/esx-b.txt',
    migration: 'snapshots',
    vmotionEgress: { vmknics: ['vmk1'], certainty: 'probable' },
    nfcEgress: ['vmk0'],
    raised: ['VMOTION_L3_NO_GATEWAY high definite', 'COLD_DATA_OVER_MANAGEMENT medium probable'],
    notRaised: ['VMOTION_EGRESS_MISMATCH', 'SAME_SUBNET_VMKNICS', 'VMOTION_ON_MANAGEMENT_NETWORK', 'UNICAST_FLOODING_RISK', 'EGRESS_UNCERTAIN'],
  },
  {
    name: 'provisioning route fallback (KB340170 scenario 4, a cold migration)',
    source: 'provisioning-fallback-7.0/esx-a.txt',
    dest: 'provisioning-fallback-7.0/esx-b.txt',
    migration: 'cold',
    nfcEgress: ['vmk0'],
    raised: ['PROVISIONING_ROUTE_FALLBACK medium definite', 'COLD_DATA_OVER_MANAGEMENT medium definite'],
    notRaised: ['MULTIPLE_PROVISIONING_VMKNICS', 'VMOTION_EGRESS_MISMATCH', 'SAME_SUBNET_VMKNICS', 'UNICAST_FLOODING_RISK', 'VMOTION_L3_NO_GATEWAY'],
  },
  {
    name: 'forum paste with squeezed whitespace',
    source: 'messy/web-squeezed.txt',
    migration: 'snapshots',
    vmotionEgress: { vmknics: ['vmk1'], certainty: 'probable' },
    nfcEgress: ['vmk0'],
    raised: ['SAME_SUBNET_VMKNICS high definite', 'VMOTION_ON_MANAGEMENT_NETWORK medium definite', 'UNICAST_FLOODING_RISK medium uncertain', 'COLD_DATA_OVER_MANAGEMENT medium'],
    notRaised: ['VMOTION_EGRESS_MISMATCH', 'EGRESS_UNCERTAIN'],
  },
  {
    name: 'CRLF, tabs and ANSI colours',
    source: 'messy/tabs-crlf.txt',
    migration: 'snapshots',
    vmotionEgress: { vmknics: ['vmk1'], certainty: 'definite' },
    nfcEgress: ['vmk0'],
    raised: ['COLD_DATA_OVER_MANAGEMENT medium'],
    notRaised: ['SAME_SUBNET_VMKNICS', 'BIND_TO_VMKNIC_SET', 'MTU_MISMATCH', 'UNICAST_FLOODING_RISK'],
  },
  {
    name: 'two hosts in one paste, no tags (port-group name heuristic)',
    source: 'messy/two-hosts-one-paste.txt',
    migration: 'snapshots',
    vmotionEgress: { vmknics: ['vmk1'], certainty: 'uncertain' },
    nfcEgress: ['vmk0'],
    raised: ['COLD_DATA_OVER_MANAGEMENT medium'],
    notRaised: ['NO_VMOTION_VMKNIC', 'SAME_SUBNET_VMKNICS', 'UNICAST_FLOODING_RISK'],
  },
  {
    name: 'bare outputs without prompts',
    source: 'messy/bare-outputs.txt',
    migration: 'snapshots',
    vmotionEgress: { vmknics: ['vmk1'], certainty: 'uncertain' },
    nfcEgress: ['vmk0'],
    raised: ['COLD_DATA_OVER_MANAGEMENT medium'],
    notRaised: ['NO_VMOTION_VMKNIC', 'BIND_TO_VMKNIC_SET', 'SAME_SUBNET_VMKNICS'],
  },
  {
    name: 'a session with typos and noise; the vMotion vmknic is disabled',
    source: 'messy/typo-session.txt',
    migration: 'snapshots',
    vmotionEgress: { vmknics: [], certainty: 'definite' },
    nfcEgress: ['vmk0'],
    raised: ['NO_VMOTION_VMKNIC blocker definite', 'VMKNIC_DISABLED low definite', 'COLD_DATA_OVER_MANAGEMENT medium'],
    notRaised: ['VMOTION_EGRESS_MISMATCH'],
  },
  {
    name: 'markdown-fenced ticket comment, BindToVmknic 1 on 6.5 U2',
    source: 'messy/markdown-fenced.md',
    migration: 'snapshots',
    vmotionEgress: { vmknics: ['vmk0'], certainty: 'definite' },
    nfcEgress: ['vmk0'],
    raised: ['VMOTION_EGRESS_MISMATCH high definite', 'BIND_TO_VMKNIC_SET low definite', 'SAME_SUBNET_VMKNICS high definite', 'VMOTION_ON_MANAGEMENT_NETWORK medium definite', 'COLD_DATA_OVER_MANAGEMENT medium'],
    notRaised: ['EGRESS_UNCERTAIN', 'VMOTION_UNENCRYPTED_ON_SHARED_NETWORK', 'UNICAST_FLOODING_RISK'],
  },
];

describe('examples/README.md specification, end to end through the CLI', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const argv = ['analyze', '--source', `examples/${c.source}`, ...(c.dest ? ['--dest', `examples/${c.dest}`] : []), '--migration', c.migration ?? 'live'];
      const { json } = await runJson(argv);
      const source = json.hosts[0].name;
      if (c.vmotionEgress) {
        const f = json.flows.find((x: any) => x.traffic === 'vmotion' && x.role === 'source' && x.direction === 'egress' && x.host === source);
        expect([...f.vmknics].sort(), 'vMotion egress').toEqual(c.vmotionEgress.vmknics);
        expect(f.certainty, 'vMotion egress certainty').toBe(c.vmotionEgress.certainty);
        if (c.vmotionEgress.candidates) expect([...f.candidates].sort()).toEqual(c.vmotionEgress.candidates);
      }
      if (c.nfcEgress) {
        const f = json.flows.find((x: any) => x.traffic === 'nfc' && x.role === 'source' && x.direction === 'egress');
        expect(f.vmknics, 'NFC egress').toEqual(c.nfcEgress);
      }
      for (const spec of c.raised) {
        const [id, severity, certainty] = spec.split(' ');
        const hits = json.findings.filter((f: any) => f.id === id);
        expect(hits.length, `${id} raised`).toBeGreaterThan(0);
        if (severity) expect(hits.map((f: any) => f.severity), `${id} severity`).toContain(severity);
        if (certainty) expect(hits.map((f: any) => f.certainty), `${id} certainty`).toContain(certainty);
      }
      const ids = json.findings.map((f: any) => f.id);
      for (const id of c.notRaised) expect(ids, `${id} must not be raised`).not.toContain(id);
      // Every remediation the findings ask for is planned, with commands.
      for (const f of json.findings) for (const r of f.remediation) expect(json.remediation.map((x: any) => x.id)).toContain(r);
    });
  }
});
