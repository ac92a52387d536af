import { describe, expect, it } from 'vitest';
import type { FlowResult } from '../result.ts';
import { REMEDIATIONS } from '../remediation/catalog.ts';
import { fixName, flowHeading, flowSentence, flowsThatMatter, isOnWrongVmknic, offIntended, repliesLeaveByAnotherVmknic, streamOffIntended, whereOf } from './flow.ts';
import { findInternalReferences } from './internal-refs.ts';
import { articleForRule, confidenceNote } from './rules.ts';
import { versionLabel } from './version.ts';
import { CERTAINTY_WORD } from './words.ts';

function flow(over: Partial<FlowResult>): FlowResult {
  return { host: 'esx01', role: 'source', traffic: 'vmotion', direction: 'egress', vmknics: ['vmk0'], certainty: 'probable', intended: ['vmk1'], trace: [], ...over };
}

describe('the wrong-vmknic decision', () => {
  it('flags a flow on a vmknic that is not its intended one, and only then', () => {
    expect(offIntended(flow({}))).toEqual(['vmk0']);
    expect(isOnWrongVmknic(flow({ vmknics: ['vmk1'] }))).toBe(false);
    expect(isOnWrongVmknic(flow({ vmknics: ['vmk1', 'vmk0'] }))).toBe(true);
  });
  it('does not flag a flow with no path or no intended vmknic (nothing to compare)', () => {
    expect(isOnWrongVmknic(flow({ vmknics: [], candidates: ['vmk0', 'vmk1'], certainty: 'uncertain' }))).toBe(false);
    expect(isOnWrongVmknic(flow({ intended: [] }))).toBe(false);
  });
});

describe('what the path picture flags', () => {
  it('draws the intended path beside a stream when its egress or its ingress is on a wrong vmknic, as the tables say', () => {
    expect(streamOffIntended(flow({}))).toBe(true);
    expect(streamOffIntended(flow({ vmknics: ['vmk1'] }))).toBe(false);
    const ingress = flow({ role: 'destination', direction: 'ingress', vmknics: ['vmk0'], intended: ['vmk1'] });
    expect(streamOffIntended(flow({ vmknics: ['vmk1'] }), ingress)).toBe(true);
    expect(streamOffIntended(flow({ vmknics: ['vmk1'] }), { ...ingress, vmknics: ['vmk1'] })).toBe(false);
  });
  it('uses the one rule for multi-NIC vMotion: a stream on some of its intended vmknics is not on a wrong one', () => {
    const partly = flow({ vmknics: ['vmk1'], intended: ['vmk1', 'vmk2'] });
    expect(streamOffIntended(partly)).toBe(isOnWrongVmknic(partly));
    expect(streamOffIntended(partly)).toBe(false);
    expect(streamOffIntended(flow({ vmknics: [], candidates: ['vmk0', 'vmk1'], certainty: 'uncertain' }))).toBe(false);
  });
  it('flags replies that leave by another vmknic than the one receiving the stream', () => {
    expect(repliesLeaveByAnotherVmknic({ vmknics: ['vmk0'] }, { vmknics: ['vmk1'] })).toBe(true);
    expect(repliesLeaveByAnotherVmknic({ vmknics: ['vmk1'] }, { vmknics: ['vmk1'] })).toBe(false);
    expect(repliesLeaveByAnotherVmknic({ vmknics: ['vmk1'] }, undefined)).toBe(true);
    expect(repliesLeaveByAnotherVmknic({ vmknics: [] }, { vmknics: ['vmk1'] })).toBe(false);
  });
});

describe('flow wording', () => {
  it('writes the verdict line with the one certainty word', () => {
    expect(flowSentence(flow({}))).toBe('vMotion leaves esx01 by vmk0 instead of vmk1 — likely');
    expect(flowSentence(flow({ vmknics: ['vmk1'], certainty: 'definite' }))).toBe('vMotion leaves esx01 by vmk1 as intended — certain');
    expect(flowSentence(flow({ vmknics: ['vmk1'], intended: [], certainty: 'definite' }))).toBe('vMotion leaves esx01 by vmk1 — certain');
    expect(flowSentence(flow({ vmknics: [], candidates: ['vmk0', 'vmk1'], certainty: 'uncertain' }))).toBe('vMotion leaves esx01 by vmk0 or vmk1 — uncertain');
    expect(flowSentence(flow({ traffic: 'nfc', vmknics: ['vmk0'], intended: ['vmk0'] }))).toBe('NFC cold data leaves esx01 by vmk0 — likely');
  });
  it('says "not identified" rather than "none" when the evidence does not show the vmknic', () => {
    expect(whereOf(flow({ vmknics: [], certainty: 'uncertain' }))).toBe('not identified');
    expect(whereOf(flow({ vmknics: [], certainty: 'definite' }))).toBe('none');
  });
  it('uses the user words, never the internal certainty values, in headings', () => {
    const h = flowHeading(flow({ certainty: 'definite' }));
    expect(h).toContain('[certain]');
    expect(h).not.toMatch(/definite|probable/);
    expect(Object.values(CERTAINTY_WORD)).toEqual(['certain', 'likely', 'uncertain']);
  });
  it('keeps the source egress and every flow on a wrong vmknic for the verdict, not management', () => {
    const flows = [
      flow({}),
      flow({ role: 'destination', direction: 'ingress', vmknics: ['vmk1'] }),
      flow({ role: 'destination', direction: 'egress', vmknics: ['vmk0'] }),
      flow({ traffic: 'management', vmknics: ['vmk0'], intended: ['vmk0'] }),
    ];
    expect(flowsThatMatter(flows)).toEqual([flows[0], flows[2]]);
  });
  it('names a fix with its title', () => {
    expect(fixName('R4', REMEDIATIONS)).toBe(`R4 — ${REMEDIATIONS.R4.title}`);
    expect(findInternalReferences(fixName('R4', REMEDIATIONS))).toEqual([]);
  });
});

describe('version label', () => {
  it('writes GA for update 0, U<n> otherwise, and says when no version was shown', () => {
    expect(versionLabel({ product: 'VMware ESXi', version: '5.0.0', update: '0', build: '469512' })).toBe('VMware ESXi 5.0.0 GA build 469512');
    expect(versionLabel({ product: 'VMware ESXi', version: '7.0.3', update: '3', build: '22348816' })).toBe('VMware ESXi 7.0.3 U3 build 22348816');
    expect(versionLabel(undefined)).toBe('version not shown');
  });
});

describe('rule confidence in words', () => {
  it('says nothing for a verified rule and names the article for the others, never the rule id', () => {
    expect(confidenceNote('§1.7 D6', 'verified')).toBeUndefined();
    const inferred = confidenceNote('§1.7 E2', 'inferred')!;
    expect(inferred).toContain('not documented by VMware; inferred from');
    expect(inferred).toContain('path-doctor explain unicast-flooding');
    expect(findInternalReferences(inferred)).toEqual([]);
    expect(confidenceNote('§1.4', 'unsure')).toContain('bind-to-vmknic');
    expect(articleForRule('§1.7 F3')).toBe('nfc-cold-data');
  });
});

describe('internal references', () => {
  it('finds section signs, confidence marks, document names and bare fix numbers', () => {
    const found = findInternalReferences('see domain.md §1.7 C [U]; fix R1/R4, or R4 — Bind vMotion').map((r) => r.match);
    expect(found).toEqual(['§', '[U]', 'domain.md', 'R1', 'R4']);
  });
  it('leaves ordinary words alone', () => {
    expect(findInternalReferences('vmk1 on ESXi 7.0 U3 (build 22348816), RVTools, R2D2, VR10')).toEqual([]);
  });
});

describe('to be sure', async () => {
  const { toBeSure } = await import('./settle.ts');
  const base = { flows: [], missing: [] } as unknown as Parameters<typeof toBeSure>[0];
  it('groups commands by host, keeps notes apart from the command and esxtop as a step', () => {
    const r = toBeSure({
      ...base,
      hosts: [],
      flows: [
        flow({
          vmknics: [],
          candidates: ['vmk0', 'vmk1'],
          certainty: 'uncertain',
          settle: ['esxcli network ip connection list | grep :8000   (during a test vMotion: the local address shows the vmknic IP in use)', 'esxtop, then n (network view): watch which vmk row carries the traffic'],
        }),
      ],
      missing: ['vmware -vl (on esx01)', 'esxcfg-route -l (on esx02)', 'esxcli network ip connection list | grep :8000   (during a test vMotion: the local address shows the vmknic IP in use)'],
    });
    expect(r).toEqual([
      {
        host: 'esx01',
        settles: true,
        commands: [{ command: 'esxcli network ip connection list | grep :8000', note: 'during a test vMotion: the local address shows the vmknic IP in use' }, { command: 'vmware -vl' }],
        steps: ['esxtop, then n (network view): watch which vmk row carries the traffic'],
      },
      { host: 'esx02', settles: false, commands: [{ command: 'esxcfg-route -l' }], steps: [] },
    ]);
  });
});

describe('scan group lines', async () => {
  const { scanGroupLines } = await import('./scan.ts');
  it('folds the host and pair groups of one finding into one line, hosts once', () => {
    const c = { definite: 1, probable: 0, uncertain: 0 };
    const lines = scanGroupLines([
      { id: 'X', severity: 'high', title: 'X title', scope: 'host', hosts: ['a', 'b'], certainty: c, example: { hosts: ['a'], detail: 'd' } },
      { id: 'Y', severity: 'info', title: 'Y title', scope: 'host', hosts: ['a'], certainty: c, example: { hosts: ['a'], detail: 'd' } },
      { id: 'X', severity: 'high', title: 'X title', scope: 'pair', hosts: ['b', 'c'], pairs: 2, certainty: { definite: 0, probable: 2, uncertain: 0 }, example: { hosts: ['b', 'c'], detail: 'e' } },
    ]);
    expect(lines.map((l) => l.id)).toEqual(['X', 'Y']);
    expect(lines[0]).toMatchObject({ hosts: ['a', 'b', 'c'], pairs: 2, scopes: ['host', 'pair'], certainty: { definite: 1, probable: 2, uncertain: 0 } });
  });
});
