import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze.ts';
import { host, route } from '../test-support/hosts.ts';
import { renderMarkdown } from './markdown.ts';
import { renderText } from './text.ts';

const result = analyze({
  source: host({
    name: 'esx|01',
    version: '6.7.0',
    build: '14320388',
    update: '0',
    bind: 0,
    nics: [
      { name: 'vmk0', ip: '10.0.1.10', tags: ['Management'], netstack: 'defaultTcpipStack', portGroup: 'Management Network' },
      { name: 'vmk1', ip: '10.0.1.11', tags: ['VMotion'], netstack: 'defaultTcpipStack', portGroup: 'vMotion' },
    ],
    routes: [route('defaultTcpipStack', '10.0.1.0', '255.255.255.0', '0.0.0.0', 'vmk0', 0)],
  }),
  migration: 'snapshots',
});

describe('text rendering', () => {
  const text = renderText(result);
  it('puts the verdict first, then hosts, paths, findings and the remediation plan', () => {
    // The headline is the overview; the lines under it say the paths, each once (the summary repeated them).
    const head = text.split('\n');
    expect(head[0]).toBe(`VERDICT: ${result.verdict.overview}`);
    expect(head.slice(1, 1 + (result.verdict.lines ?? []).length)).toEqual((result.verdict.lines ?? []).map((l) => `  ${l}`));
    expect(result.verdict.overview).toMatch(/^For a migration of a VM with snapshots: \d+ findings, worst: /);
    // No host logs were given: no sentence about past migrations.
    expect(result.verdict.pastMigrations).toBeUndefined();
    for (const l of result.verdict.lines ?? []) expect(text.split(l)).toHaveLength(2);
    const order = ['HOSTS', 'PATHS', 'FINDINGS', 'REMEDIATION'].map((h) => text.indexOf(`\n${h}`));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('marks a path that differs from the intended vmknic and names GA releases as such', () => {
    expect(text).toMatch(/vMotion \(memory and state, TCP 8000\) leaves by vmk0 \[certain\]\s+<-- intended: vmk1/);
    expect(text).toContain('  vMotion leaves esx|01 by vmk0 instead of vmk1 — certain');
    expect(text).toContain('VMware ESXi 6.7.0 GA build 14320388');
  });

  it('lists every finding with its severity and certainty', () => {
    const words = { definite: 'certain', probable: 'likely', uncertain: 'uncertain' } as const;
    for (const f of result.findings) expect(text).toContain(`[${f.severity}, ${words[f.certainty]}] ${f.id}`);
  });

  it('prints the trace only when asked', () => {
    const step = result.flows.find((f) => f.traffic === 'vmotion' && f.role === 'source' && f.direction === 'egress')!.trace[0]!;
    expect(text).not.toContain(step);
    expect(renderText(result, { trace: true })).toContain(step);
  });

  it('never prints the internal id of a rule, only what an unverified rule means', () => {
    const traced = result.flows.flatMap((f) => f.trace).join('\n');
    expect(traced).not.toMatch(/§|\[[UIV]\]|domain\.md/);
    expect(traced).toContain('not documented by VMware');
  });
});

describe('Markdown rendering', () => {
  const md = renderMarkdown(result);
  it('escapes table cells so a pipe in a host name cannot break the table', () => {
    expect(md).toContain('esx\\|01');
    expect(md).not.toMatch(/\| esx\|01 \|/);
  });

  it('fences the commands and keeps one section per finding', () => {
    for (const f of result.findings) expect(md).toContain(`### ${f.id} — ${f.title}`);
    expect(md).toContain('```sh\n');
    expect(md).toContain('```powershell\n');
  });
});
