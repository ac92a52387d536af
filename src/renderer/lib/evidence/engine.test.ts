import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate } from './engine.ts';
import type { EvidenceText } from './engine.ts';

const ex = (p: string) => readFileSync(`examples/${p}`, 'utf8');
const src = (text: string, file = 'source paste'): EvidenceText => ({ file, text, side: 'source', defaultHost: 'source-host' });
const dst = (text: string, file = 'destination paste'): EvidenceText => ({ file, text, side: 'dest', defaultHost: 'destination-host' });

describe('evaluate (the renderer engine)', () => {
  it('is empty for nothing but whitespace', () => {
    expect(evaluate({ inputs: [src('  \n')], migration: 'live' }).kind).toBe('empty');
  });

  it('analyses a source/destination pair and lists the commands recognised per host', () => {
    const o = evaluate({ inputs: [src(ex('bind0-6.7/esx-a.txt')), dst(ex('bind0-6.7/esx-b.txt'))], migration: 'live' });
    expect(o.kind).toBe('analysed');
    if (o.kind !== 'analysed') return;
    expect([o.source, o.dest]).toEqual(['esx31', 'esx32']);
    expect(o.analysis.verdict.summary).toContain('vMotion leaves esx31 by vmk0 instead of vmk1');
    const esx31 = o.hosts.find((h) => h.name === 'esx31');
    expect(esx31?.side).toBe('source');
    expect(esx31?.commands.map((c) => c.command)).toContain('esxcfg-vmknic -l');
    expect(esx31?.commands.every((c) => c.file === 'source paste' && /^\d+(–\d+)?$/.test(c.lines))).toBe(true);
  });

  it('names a file it cannot read and still analyses the good ones', () => {
    const o = evaluate({ inputs: [src(ex('multinic-6.0u3/esx-a.txt')), dst(ex('messy/not-esxi.txt'), 'ipconfig.txt')], migration: 'live' });
    expect(o.kind).toBe('analysed');
    expect(o.problems).toEqual([expect.objectContaining({ file: 'ipconfig.txt', side: 'dest', code: 'INPUT_UNRECOGNIZED' })]);
  });

  it('reports garbage alone as no hosts, with the parser message', () => {
    const o = evaluate({ inputs: [src('hello\nworld\n')], migration: 'live' });
    expect(o.kind).toBe('no-hosts');
    expect(o.problems[0]?.message).toMatch(/No supported ESXi command output found in source paste/);
  });

  it('pairs two hosts of one paste and says so; the user can swap them', () => {
    const text = ex('messy/two-hosts-one-paste.txt');
    const o = evaluate({ inputs: [src(text)], migration: 'live' });
    if (o.kind !== 'analysed') throw new Error(o.kind);
    expect([o.source, o.dest]).toEqual(['esx01', 'esx02']);
    expect(o.notes.join(' ')).toMatch(/more than one host/);
    const swapped = evaluate({ inputs: [src(text)], migration: 'live', source: 'esx02' });
    if (swapped.kind !== 'analysed') throw new Error(swapped.kind);
    expect([swapped.source, swapped.dest]).toEqual(['esx02', 'esx01']);
  });

  it('analyses destination-only evidence as the source and says so', () => {
    const o = evaluate({ inputs: [dst(ex('vmotion-stack-8.0/esx-b.txt'))], migration: 'live' });
    if (o.kind !== 'analysed') throw new Error(o.kind);
    expect(o.source).toBe('esx52');
    expect(o.notes.join(' ')).toMatch(/Only destination evidence/);
  });

  it('passes the migration kind to the core', () => {
    const o = evaluate({ inputs: [src(ex('provisioning-fallback-7.0/esx-a.txt')), dst(ex('provisioning-fallback-7.0/esx-b.txt'))], migration: 'cold' });
    if (o.kind !== 'analysed') throw new Error(o.kind);
    expect(o.analysis.migration).toBe('cold');
    expect(o.analysis.flows.some((f) => f.traffic === 'nfc')).toBe(true);
  });
});

describe('the load cache for unchanging texts', () => {
  it('reads a keyed text once and reuses the result', () => {
    const cache = new Map();
    const file = { ...src(ex('bind0-6.7/esx-a.txt'), 'esx-a.txt'), key: 'attachment-1' };
    const first = evaluate({ inputs: [file], migration: 'live' }, cache);
    expect(cache.size).toBe(1);
    const again = evaluate({ inputs: [{ ...file, text: 'ignored: the key says it is the same file' }], migration: 'live' }, cache);
    expect(again.kind).toBe('analysed');
    expect(first.kind === 'analysed' && again.kind === 'analysed' && again.analysis.verdict.summary === first.analysis.verdict.summary).toBe(true);
  });

  it('never caches typed text (no key)', () => {
    const cache = new Map();
    evaluate({ inputs: [src(ex('bind0-6.7/esx-a.txt'))], migration: 'live' }, cache);
    expect(cache.size).toBe(0);
  });
});
