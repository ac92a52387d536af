import { describe, expect, it } from 'vitest';
import { FINDINGS, type FindingId } from '../findings/catalog.ts';
import { SOURCES } from '../remediation/catalog.ts';
import { analyseExample, EXAMPLES } from '../../test-support/examples.ts';
import { renderMarkdown } from './markdown.ts';
import { mdText } from './escape.ts';

const { result } = analyseExample(EXAMPLES.find((e) => e.name === 'seed-denneman-5.1')!);
const META = { generatedAt: '2026-11-25T09:30:00.000Z', toolVersion: '9.8.7' };

describe('Markdown report', () => {
  const plain = renderMarkdown(result);
  const report = renderMarkdown(result, META);

  it('stays the plain ticket comment without report meta', () => {
    expect(plain).not.toMatch(/Generated |Appendix|Sources: /);
  });

  it('only adds to the plain comment: every plain line is still there, in the same order', () => {
    const lines = report.split('\n');
    let at = 0;
    for (const line of plain.split('\n')) {
      const found = lines.indexOf(line, at);
      expect(found, line).toBeGreaterThanOrEqual(0);
      at = found + 1;
    }
  });

  it('carries the date, the tool version and the question', () => {
    expect(report).toContain('Generated 2026-11-25 09:30 UTC by vMotion Path Doctor 9.8.7.');
    expect(report).toContain(`**Question:** ${mdText('Which VMkernel adapters does a migration of a VM with snapshots from esx11.lab.local to esx12.lab.local use')}`);
    expect(renderMarkdown(result, { ...META, question: 'Why is it slow (again)?' })).toContain('**Question:** Why is it slow \\(again\\)?');
    expect(report.trimEnd().endsWith('vMotion Path Doctor 9.8.7 · 2026-11-25 09:30 UTC')).toBe(true);
  });

  it('cites the sources of each rule under its finding and lists them all in an appendix', () => {
    for (const f of result.findings) {
      const section = report.slice(report.indexOf(`### ${f.id} — `));
      const next = section.indexOf('\n### ', 4);
      const body = next > 0 ? section.slice(0, next) : section;
      for (const key of FINDINGS[f.id as FindingId].sources) expect(body).toContain(`](${SOURCES[key].url})`);
    }
    const appendix = report.slice(report.indexOf('## Appendix B: sources of the rules'));
    expect(appendix).toContain(`**SEED1**: ${mdText(SOURCES.SEED1.title)} — <${SOURCES.SEED1.url}>`);
  });

  it('puts every trace line of every path in an appendix', () => {
    const appendix = report.slice(report.indexOf('## Appendix A: reasoning trace'));
    expect(appendix.length).toBeGreaterThan(100);
    for (const f of result.flows) for (const t of f.trace) expect(appendix).toContain(mdText(t));
  });
});
