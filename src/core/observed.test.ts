import { describe, expect, it } from 'vitest';
import { analyze } from './analyze.ts';
import type { EvidenceRef } from './model/evidence.ts';
import { proofSentences, WHAT_A_LINE_PROVES } from './observed.ts';
import type { ObservedMigration } from './observed.ts';
import { renderMarkdown } from './render/markdown.ts';
import { renderText } from './render/text.ts';
import { host } from './test-support/hosts.ts';

const line = (text: string, n = 1): EvidenceRef => ({ file: 'esx01/var/run/log/vmkernel.log', line: n, text });

// esx01: vmk0 management, vmk1 VMotion, vmk2 NFS storage — all on one host so each address has one meaning.
const esx01 = host({
  name: 'esx01',
  version: '8.0.3',
  build: '24859861',
  nics: [
    { name: 'vmk0', ip: '10.0.0.11', tags: ['Management'] },
    { name: 'vmk1', ip: '10.0.1.11', tags: ['VMotion'] },
    { name: 'vmk2', ip: '10.0.2.11', tags: [] },
  ],
});
const esx02 = host({
  name: 'esx02',
  version: '8.0.3',
  build: '24859861',
  nics: [
    { name: 'vmk0', ip: '10.0.0.12', tags: ['Management'] },
    { name: 'vmk1', ip: '10.0.1.12', tags: ['VMotion'] },
  ],
});

function vmotion(over: Partial<ObservedMigration> & Pick<ObservedMigration, 'sourceAddresses' | 'destAddresses'>): ObservedMigration {
  return {
    host: 'esx01',
    traffic: 'vmotion',
    id: '7182955985622810397',
    time: '2024-05-02T10:15:01.123Z',
    direction: 'outgoing',
    encrypted: 'yes',
    outcome: 'no-failure-logged',
    evidence: [line('Migrate: 314: vmotion: Source …')],
    ...over,
  };
}

describe('past migrations as evidence of analyze', () => {
  it('changes nothing when nothing was observed', () => {
    const base = analyze({ source: esx01, dest: esx02 });
    expect(analyze({ source: esx01, dest: esx02, observed: [] })).toEqual(base);
  });

  it('maps each logged address to the vmknic that owns it, on either analysed host, and says what the lines prove', () => {
    const base = analyze({ source: esx01, dest: esx02 });
    const r = analyze({ source: esx01, dest: esx02, observed: [vmotion({ sourceAddresses: ['10.0.1.11'], destAddresses: ['10.0.1.12'] })] });
    expect(r.observed?.[0]?.addresses).toEqual([
      { address: '10.0.1.11', side: 'source', host: 'esx01', vmknic: 'vmk1', management: false, vmotionVmknic: true },
      { address: '10.0.1.12', side: 'destination', host: 'esx02', vmknic: 'vmk1', management: false, vmotionVmknic: true },
    ]);
    expect(r.observed?.[0]?.proves).toBe(
      'These lines prove the addresses chosen for this vMotion stream (source 10.0.1.11, destination 10.0.1.12), not the vmknic the packets left by when the socket is unbound.',
    );
    expect(r.findings).toEqual(base.findings);
    expect(r.verdict).toEqual(base.verdict);
  });

  it('raises OBSERVED_VMOTION_ON_MANAGEMENT for the management address, with the lines, and re-plans the fixes', () => {
    const base = analyze({ source: esx01, dest: esx02 });
    const m = vmotion({ sourceAddresses: ['10.0.0.11'], destAddresses: ['10.0.1.12'], evidence: [line('…srcIP = <10.0.0.11>…', 7)] });
    const r = analyze({ source: esx01, dest: esx02, observed: [m] });
    const f = r.findings.find((x) => x.id === 'OBSERVED_VMOTION_ON_MANAGEMENT');
    expect(f).toMatchObject({ severity: 'high', certainty: 'definite', hosts: ['esx01'], vmknics: ['vmk0'], evidence: ['esx01/var/run/log/vmkernel.log:7: …srcIP = <10.0.0.11>…'] });
    expect(f?.detail).toMatch(/^One past vMotion \(2024-05-02T10:15:01\.123Z\) in the logs of esx01 used 10\.0\.0\.11, the address of vmk0, the management vmknic of esx01\./);
    expect(f?.detail).toContain("A log line proves the addresses chosen for the stream, not the wire's egress when unbound.");
    expect(r.findings[0]?.severity).toBe('high');
    expect(r.verdict.severity).toBe('high');
    expect(r.remediation.map((x) => x.id)).toEqual(expect.arrayContaining(['R1', 'R2', 'R3']));
  });

  it('raises OBSERVED_VMOTION_ADDRESS_MISMATCH when the address is a vmknic the analysis does not count for vMotion', () => {
    const r = analyze({ source: esx01, observed: [vmotion({ sourceAddresses: ['10.0.2.11'], destAddresses: ['10.0.2.99'] })] });
    const f = r.findings.find((x) => x.id === 'OBSERVED_VMOTION_ADDRESS_MISMATCH');
    expect(f).toMatchObject({ severity: 'medium', certainty: 'probable', vmknics: ['vmk2'] });
    expect(f?.detail).toMatch(/used 10\.0\.2\.11, the address of vmk2, but the analysis of the current configuration counts vmk1 as the vMotion vmknic of esx01/);
    // The peer address belongs to no analysed host: nothing is claimed about it.
    expect(r.findings.filter((x) => x.id.startsWith('OBSERVED_'))).toHaveLength(1);
  });

  it('makes one finding of several migrations over one address, and ignores NFC lines for findings', () => {
    const observed = [
      vmotion({ id: '1', time: '2024-05-01T00:00:00Z', sourceAddresses: ['10.0.0.11'], destAddresses: ['10.0.0.12'] }),
      vmotion({ id: '2', time: '2024-05-03T00:00:00Z', sourceAddresses: ['10.0.0.11'], destAddresses: ['10.0.0.12'] }),
      { host: 'esx01', traffic: 'nfc' as const, direction: 'outgoing' as const, sourceAddresses: [], destAddresses: ['10.0.0.12'], encrypted: 'unknown' as const, outcome: 'failed' as const, count: 3, evidence: [line('[NFC ERROR]…:902')] },
    ];
    const r = analyze({ source: esx01, observed });
    const on = r.findings.filter((x) => x.id === 'OBSERVED_VMOTION_ON_MANAGEMENT');
    expect(on).toHaveLength(1);
    expect(on[0]?.detail).toMatch(/^2 past vMotions \(2024-05-01T00:00:00Z to 2024-05-03T00:00:00Z\)/);
    expect(r.observed?.[2]?.proves).toBe('These lines prove only that esx01 failed to open an NFC connection to 10.0.0.12 on port 902; they do not show which of its vmknics was used.');
  });

  it('shows one migration logged by both hosts once, told from the sending host', () => {
    const src = vmotion({ sourceAddresses: ['10.0.1.11'], destAddresses: ['10.0.1.12'], encrypted: 'unknown' });
    const dst = vmotion({ host: 'esx02', direction: 'incoming', sourceAddresses: ['10.0.1.11'], destAddresses: ['10.0.1.12'], outcome: 'failed', evidence: [{ file: 'esx02/vmkernel.log', line: 3, text: 'Dest' }] });
    const r = analyze({ source: esx01, dest: esx02, observed: [dst, src] });
    expect(r.observed).toHaveLength(1);
    expect(r.observed?.[0]).toMatchObject({ host: 'esx01', loggedBy: ['esx01', 'esx02'], direction: 'outgoing', encrypted: 'yes', outcome: 'failed' });
    expect(r.observed?.[0]?.evidence).toHaveLength(2);
  });

  it('renders a past-migrations section in text and Markdown under the sentence that says what a line proves', () => {
    const r = analyze({ source: esx01, observed: [vmotion({ sourceAddresses: ['10.0.0.11'], destAddresses: ['10.0.0.12'] })] });
    const text = renderText(r);
    expect(text).toContain('PAST MIGRATIONS (from the host logs; 1)');
    expect(text).toContain(WHAT_A_LINE_PROVES);
    expect(text).toMatch(/esx01 sent vMotion 7182955985622810397: 10\.0\.0\.11 \(esx01 vmk0, management\) → 10\.0\.0\.12; encrypted; no failure logged/);
    const md = renderMarkdown(r);
    expect(md).toContain('## Past migrations (from the host logs)');
    expect(md).toMatch(/\| 2024-05-02T10:15:01\.123Z \| esx01 \| vMotion outgoing \| 10\.0\.0\.11 \\\(esx01 vmk0, management\\\) \| 10\.0\.0\.12 \| yes \| no failure logged \|/);
    expect(renderText(analyze({ source: esx01 }))).not.toContain('PAST MIGRATIONS');
  });

  it('says which lines prove the addresses, the direction and the failure: file:line in the JSON, in words in the reports', () => {
    const start = line('Migrate: 314: vmotion: Source … srcIP = <10.0.1.11> dstIP = <10.0.1.12>', 4);
    const fail = line('WARNING: Migrate: 5289: 7182955985622810397 S: Migration considered a failure by the VMX.', 9);
    const src = vmotion({
      sourceAddresses: ['10.0.1.11'],
      destAddresses: ['10.0.1.12'],
      outcome: 'failed',
      evidence: [start, fail],
      proof: { addresses: [start], direction: [start, fail], failure: [fail] },
    });
    const destLine: EvidenceRef = { file: 'esx02/var/run/log/hostd.log', line: 2, text: "[Originator@6876 sub=Vcsvc.VMotionDst (7182955985622810397)] …" };
    const dst = vmotion({ host: 'esx02', direction: 'incoming', sourceAddresses: [], destAddresses: [], evidence: [destLine], proof: { addresses: [], direction: [destLine], failure: [] } });
    const r = analyze({ source: esx01, dest: esx02, observed: [src, dst] });
    const o = r.observed?.[0];
    // One migration logged by both hosts: each host's lines prove its own part, both are kept.
    expect(o?.proof).toEqual({
      addresses: ['esx01/var/run/log/vmkernel.log:4'],
      direction: ['esx01/var/run/log/vmkernel.log:4', 'esx01/var/run/log/vmkernel.log:9', 'esx02/var/run/log/hostd.log:2'],
      failure: ['esx01/var/run/log/vmkernel.log:9'],
    });
    expect(proofSentences(o!)).toEqual([
      'The addresses are proved by esx01/var/run/log/vmkernel.log:4.',
      'That esx01 sent it is proved by esx01/var/run/log/vmkernel.log:4, esx01/var/run/log/vmkernel.log:9 and esx02/var/run/log/hostd.log:2.',
      'The failure is proved by esx01/var/run/log/vmkernel.log:9.',
    ]);
    expect(renderText(r)).toContain('    The failure is proved by esx01/var/run/log/vmkernel.log:9.');
    expect(renderMarkdown(r)).toContain('Which lines prove what:');
    expect(renderMarkdown(r)).toMatch(/- 2024-05-02T10:15:01\.123Z esx01 7182955985622810397: The addresses are proved by esx01\/var\/run\/log\/vmkernel\.log:4\./);
  });

  it('says so when no line proves anything, and has no proof for NFC groups or migrations read without one', () => {
    const mention = line("VMotionPrepare (1301685441034055): Sending 'to' ", 1);
    const r = analyze({ source: esx01, observed: [vmotion({ sourceAddresses: [], destAddresses: [], direction: 'unknown', evidence: [mention], proof: { addresses: [], direction: [], failure: [] } })] });
    expect(proofSentences(r.observed![0]!)).toEqual(['No line proves the addresses, the direction or a failure: the lines only name the migration.']);
    const without = analyze({ source: esx01, observed: [vmotion({ sourceAddresses: ['10.0.1.11'], destAddresses: ['10.0.1.12'] })] });
    expect(without.observed?.[0]?.proof).toBeUndefined();
    expect(proofSentences(without.observed![0]!)).toEqual([]);
    expect(renderText(without)).not.toContain('is proved by');
    const nfc: ObservedMigration = { ...vmotion({ sourceAddresses: [], destAddresses: ['10.0.0.12'] }), traffic: 'nfc', id: undefined, count: 2, proof: { addresses: [], direction: [], failure: [] } };
    const withNfc = analyze({ source: esx01, observed: [nfc] });
    expect(withNfc.observed?.[0]?.proof).toBeUndefined();
  });
});
