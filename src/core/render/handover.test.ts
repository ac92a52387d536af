import { describe, expect, it } from 'vitest';
import { findInternalReferences } from '../present/internal-refs.ts';
import { commandsIn, renderHandoverHtml, renderHandoverMarkdown } from './handover.ts';

const input = {
  flowTitle: 'vMotion traffic on the management network',
  outcome: {
    kind: 'escalation' as const,
    title: 'Measure a test vMotion',
    summary: 'The configuration cannot tell; see [observing](kb:observing-a-vmotion).',
    collect: [{ label: 'Connections during a test vMotion', how: 'Run `esxcli network ip connection list | grep :8000` while a test VM migrates, or `esxtop` then `n`.' }],
    findings: ['vMotion egress is uncertain'],
  },
  answered: [{ question: 'Which ESXi version?', answer: 'ESXi 5.x', by: 'evidence' as const }],
  generatedAt: '2026-12-06T10:00:00.000Z',
  toolVersion: '1.2.3',
};

describe('hand-over report of a wizard end state', () => {
  it('finds the commands of a collect text, leaving interactive esxtop and single keys out', () => {
    expect(commandsIn(input.outcome.collect[0]!.how)).toEqual(['esxcli network ip connection list | grep :8000']);
  });
  it('says what was asked, what is known and what to collect, with the commands fenced', () => {
    const md = renderHandoverMarkdown(input);
    expect(md).toContain('# vMotion Path Doctor — escalation: Measure a test vMotion');
    expect(md).toContain('**Asked:** vMotion traffic on the management network');
    expect(md).toContain('- Which ESXi version? **ESXi 5.x** (from the evidence)');
    expect(md).toContain('```sh\n   esxcli network ip connection list | grep :8000\n   ```');
    expect(md).toContain('see observing.');
    expect(findInternalReferences(md)).toEqual([]);
  });
  it('is a self-contained HTML document without evidence, with the text escaped', () => {
    const html = renderHandoverHtml({ ...input, outcome: { ...input.outcome, title: 'a <b>' } }, { hosts: [] });
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('a &lt;b&gt;');
    expect(html).not.toMatch(/<script|<link/);
  });
});
