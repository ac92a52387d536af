import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleA, bundleB } from '../bundles/fixtures.test-support.ts';
import { flowStats } from '../../flows/graph.ts';
import { FLOWS } from '../../flows/index.ts';
import { main } from './main.ts';

const EX = new URL('../../examples/', import.meta.url).pathname;

async function run(argv: string[], stdin?: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io = {
    stdout: (s: string) => void (out += s),
    stderr: (s: string) => void (err += s),
    ...(stdin !== undefined
      ? {
          stdin: (async function* () {
            yield new TextEncoder().encode(stdin);
          })(),
        }
      : {}),
  };
  const code = await main(argv, io);
  return { code, out, err };
}

const CHAN = ['--source', `${EX}seed-chan-5.0/esx01.txt`, '--dest', `${EX}seed-chan-5.0/esx02.txt`];

describe('path-doctor flows', () => {
  it('lists every flow with its id, title, entry symptom and the number of states and paths (json)', async () => {
    const r = await run(['flows', '--format', 'json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { flows: { id: string; title: string; symptom: string; states: number; paths: number }[] };
    expect(json.flows.map((f) => f.id)).toEqual(FLOWS.map((f) => f.id));
    for (const f of json.flows) {
      const stats = flowStats(FLOWS.find((x) => x.id === f.id)!);
      expect(f).toEqual({ id: f.id, title: expect.any(String), symptom: expect.any(String), states: stats.states, paths: stats.paths });
    }
    expect(json.flows.find((f) => f.id === 'vmotion-on-management')!.symptom).toMatch(/management network/);
  });

  it('prints a readable table by default', async () => {
    const r = await run(['flows']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^vmotion-on-management\s+\d+ states\s+\d+ paths/m);
    expect(r.out).toContain('symptom: vMotion fails or times out');
  });

  it('refuses options that belong to other commands', async () => {
    const r = await run(['flows', '--source', 'x.txt']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('flows does not take --source');
  });
});

describe('path-doctor walk', () => {
  it('stops with exit code 3 at the first unanswered question, naming it and its answers (json)', async () => {
    const r = await run(['walk', 'vmotion-on-management', '--format', 'json']);
    expect(r.code).toBe(3);
    const json = JSON.parse(r.out);
    expect(json.pending).toMatchObject({
      state: 'vmk0Traffic.askVmotionVmknic',
      key: 'vmotionVmknic',
      question: expect.stringContaining('vMotion service'),
    });
    expect(json.pending.answers).toContainEqual({ value: 'unknown', label: "I don't know" });
    expect(json.visited).toEqual(['askSymptom', 'vmk0Traffic.askVmotionVmknic']);
    expect(json.answeredByEvidence).toEqual([]);
  });

  it('answers from the evidence, takes --answer for the rest, and prints the diagnosis (Chan 5.0)', async () => {
    const r = await run(['walk', 'vmotion-on-management', ...CHAN, '--answer', 'observedEgress=vmk0', '--format', 'json']);
    expect(r.code).toBe(1); // VMOTION_EGRESS_MISMATCH is high
    const json = JSON.parse(r.out);
    expect(json.outcome).toMatchObject({ kind: 'diagnosis', state: 'dxLegacyMismatch', remediation: ['R1', 'R5', 'R4'] });
    expect(json.outcome.findings).toContain('VMOTION_EGRESS_MISMATCH');
    expect(json.answeredByEvidence).toContain('vmk0Traffic.askBindToVmknic');
    expect(json.visited.at(-1)).toBe('dxLegacyMismatch');
    // The measurement is evidence of its own kind: it settles the egress the configuration left open, everywhere.
    expect(json.evidence.findings).not.toContain('EGRESS_UNCERTAIN');
    expect(json.evidence.migration).toBe('live');
    expect(json.evidence.answers).toContainEqual(expect.objectContaining({ question: 'measuredEgress', use: 'decides' }));
    expect(json.evidence.verdict.lines).toContain('vMotion leaves esx01.lab.local by vmk0 instead of vmk1 — likely');
  });

  it('without the measurement, the Chan paste stops at it with exit code 3', async () => {
    const r = await run(['walk', 'vmotion-on-management', ...CHAN, '--format', 'json']);
    expect(r.code).toBe(3);
    expect(JSON.parse(r.out).pending.key).toBe('observedEgress');
  });

  it('Denneman 5.1: no question and no measurement; the untouched 5.1 setting gives "vmk0 — likely", as analyze says', async () => {
    const r = await run(['walk', 'vmotion-on-management', '--source', `${EX}seed-denneman-5.1/source.txt`, '--dest', `${EX}seed-denneman-5.1/dest.txt`, '--format', 'json']);
    expect(r.code).toBe(1); // VMOTION_EGRESS_MISMATCH is high
    const json = JSON.parse(r.out);
    expect(json.outcome).toMatchObject({ kind: 'diagnosis', state: 'dxLegacyMismatchLikely', remediation: ['R1', 'R5', 'R4'] });
    expect(json.answeredByEvidence).toContain('vmk0Traffic.askBindToVmknic');
    expect(json.evidence.verdict.lines).toContain('vMotion leaves esx11.lab.local by vmk0 instead of vmk1 — likely');
  });

  it('exits 0 for a diagnosis without a blocker or high finding, and for an escalation', async () => {
    const cold = await run(['walk', 'slow-cold-migration', '--answer', 'migrationKind=snapshots', 'provisioningVmknic=none', '--format', 'json']);
    expect(cold.code).toBe(0);
    expect(JSON.parse(cold.out).outcome).toMatchObject({ kind: 'diagnosis', findings: ['COLD_DATA_OVER_MANAGEMENT'], remediation: ['R6'] });
    const esc = await run(['walk', 'unicast-flooding', '--answer', 'receiverSharesSubnet=no', '--format', 'json']);
    expect(esc.code).toBe(0);
    const outcome = JSON.parse(esc.out).outcome;
    expect(outcome).toMatchObject({ kind: 'escalation', findings: [], remediation: [] });
    expect(outcome.collect.map((c: { id: string }) => c.id)).toContain('switchMacTable');
  });

  it('reports a contradiction between an answer and the evidence, and follows the evidence', async () => {
    const r = await run(['walk', 'vmotion-on-management', ...CHAN, '--answer', 'sameSubnet=no', 'observedEgress=vmk0', '--format', 'json']);
    const json = JSON.parse(r.out);
    expect(json.contradictions).toEqual([{ state: 'vmk0Traffic.askSameSubnet', question: 'sameSubnet', answered: 'no', evidence: 'yes' }]);
    expect(json.outcome.state).toBe('dxLegacyMismatch');
    const text = await run(['walk', 'vmotion-on-management', ...CHAN, '--answer', 'sameSubnet=no', 'observedEgress=vmk0']);
    expect(text.out).toContain('the evidence contradicts your answer sameSubnet=no');
  });

  it('offers the collector when the user does not know and pasted nothing', async () => {
    const r = await run(['walk', 'vmotion-fails', '--answer', 'vmotionVmknic=unknown', '--format', 'json']);
    expect(r.code).toBe(3);
    const json = JSON.parse(r.out);
    expect(json.pending).toMatchObject({ state: 'collectEvidence', key: 'evidence', answers: [{ value: 'unavailable', label: expect.any(String) }] });
    expect(json.pending.collector).toMatch(/^h=\$\(hostname -s\);/);
    const text = await run(['walk', 'vmotion-fails', '--answer', 'vmotionVmknic=unknown']);
    expect(text.out).toContain('esxcfg-vmknic -l');
    expect(text.out).toContain('--answer evidence=unavailable');
  });

  it('reads support bundles like analyze: the bundle answers, its logs\' past migrations raise their findings', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vpd-walk-bundle-'));
    try {
      await writeFile(join(dir, 'esx21.tgz'), bundleA());
      await writeFile(join(dir, 'esx22.tgz'), bundleB());
      const r = await run(['walk', 'vmotion-on-management', '--source', join(dir, 'esx21.tgz'), '--dest', join(dir, 'esx22.tgz'), '--format', 'json']);
      expect(r.err).toBe('');
      const json = JSON.parse(r.out);
      expect(json.answeredByEvidence).toContain('vmk0Traffic.askBindToVmknic');
      expect(json.evidence.findings).toContain('OBSERVED_VMOTION_ON_MANAGEMENT');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('prints a text outcome with the remediation titles', async () => {
    const r = await run(['walk', 'vmotion-fails', '--source', `${EX}vmotion-stack-8.0/esx-a.txt`, '--dest', `${EX}vmotion-stack-8.0/esx-b.txt`]);
    // The only finding is the between-hosts MTU difference, medium (TCP keeps segments within the smaller side): exit 0.
    expect(r.code).toBe(0);
    expect(r.out).toContain('DIAGNOSIS: MTU mismatch on the vMotion path');
    expect(r.out).toMatch(/R7 {3}Align MTU/);
    expect(r.out).toContain('failing.askMtu (mtuConsistent=mismatch)');
  });

  it('reads a paste of two hosts from standard input as source and destination', async () => {
    const { readFileSync } = await import('node:fs');
    const paste = readFileSync(`${EX}messy/two-hosts-one-paste.txt`, 'utf8');
    const r = await run(['walk', 'vmotion-fails', '--source', '-', '--format', 'json'], paste);
    const json = JSON.parse(r.out);
    expect(json.evidence.hosts.map((h: string) => h.split('.')[0])).toEqual(['esx01', 'esx02']);
  });

  it('pairs like analyze: --source-host and --dest-host pick the hosts, and the notes are the same', async () => {
    const paste = `${EX}messy/two-hosts-one-paste.txt`;
    const walk = JSON.parse((await run(['walk', 'vmotion-fails', '--source', paste, '--source-host', 'esx02', '--format', 'json'])).out);
    expect(walk.evidence.hosts.map((h: string) => h.split('.')[0])).toEqual(['esx02', 'esx01']);
    const analyze = JSON.parse((await run(['analyze', '--source', paste, '--source-host', 'esx02', '--format', 'json'])).out);
    expect(analyze.warnings.map((w: { message: string }) => w.message)).toEqual(expect.arrayContaining(walk.evidence.notes));
    expect(walk.evidence.notes[0]).toMatch(/esx02 is analysed as the source and esx01 as the destination/);
    const unknown = await run(['walk', 'vmotion-fails', '--source', paste, '--dest-host', 'esx09']);
    expect([unknown.code, unknown.err]).toEqual([2, 'path-doctor: no host named esx09 in the evidence (found: esx01, esx02)\n']);
  });

  describe('bad input: exit code 2 and one clear sentence', () => {
    const cases: [string, string[], RegExp][] = [
      ['an unknown flow', ['walk', 'nope'], /unknown flow "nope": choose one of vmotion-on-management/],
      ['an answer without =', ['walk', 'start', '--answer', 'symptom'], /write it as KEY=VALUE/],
      ['an unknown question', ['walk', 'start', '--answer', 'colour=blue'], /"colour" is not a question of the wizard/],
      ['a value the question does not offer', ['walk', 'start', '--answer', 'sameSubnet=maybe'], /sameSubnet takes one of yes, no, unknown/],
      ['a symptom against the flow', ['walk', 'vmotion-fails', '--answer', 'symptom=flooding'], /starts from symptom=fails/],
      ['a missing evidence file', ['walk', 'start', '--source', '/nonexistent/x.txt'], /does not exist/],
      ['evidence that is not ESXi output', ['walk', 'start', '--source', `${EX}messy/not-esxi.txt`], /No supported ESXi command output/],
    ];
    for (const [what, argv, message] of cases) {
      it(`rejects ${what}`, async () => {
        const r = await run(argv);
        expect(r.code).toBe(2);
        expect(r.out).toBe('');
        expect(r.err).toMatch(message);
        expect(r.err.trim().split('\n')).toHaveLength(1);
      });
    }

    it('rejects a missing FLOW, --dest without --source and options of analyze with the usage', async () => {
      for (const argv of [['walk'], ['walk', 'start', '--dest', 'x.txt'], ['walk', 'start', '--migration', 'cold']]) {
        const r = await run(argv);
        expect(r.code, argv.join(' ')).toBe(2);
        expect(r.err).toContain('usage:');
      }
    });
  });
});
