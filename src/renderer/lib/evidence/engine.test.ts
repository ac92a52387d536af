import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate } from './engine.ts';
import type { EvidenceText } from './engine.ts';
import type { HostModel } from '../../../core/model/host.ts';
import type { ImportedHost } from '../../../core/model/imported.ts';
import type { ObservedMigration } from '../../../core/observed.ts';
import { host } from '../../../core/test-support/hosts.ts';

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
    // "(assumed peer)" in the destination picker: no destination host although the paste holds another.
    const alone = evaluate({ inputs: [src(text)], migration: 'live', dest: '' });
    if (alone.kind !== 'analysed') throw new Error(alone.kind);
    expect([alone.source, alone.dest, alone.models.length]).toEqual(['esx01', undefined, 1]);
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

describe('evaluate with imported hosts (support bundles, the Scan view)', () => {
  const esx01 = host({ name: 'esx01', version: '8.0.3', build: '24859861', nics: [
    { name: 'vmk0', ip: '10.0.0.11', tags: ['Management'] },
    { name: 'vmk1', ip: '10.0.1.11', tags: ['VMotion'] },
  ] });
  const esx02 = host({ name: 'esx02', version: '8.0.3', build: '24859861', nics: [
    { name: 'vmk0', ip: '10.0.0.12', tags: ['Management'] },
    { name: 'vmk1', ip: '10.0.1.12', tags: ['VMotion'] },
  ] });
  const onManagement: ObservedMigration = {
    host: 'esx01', traffic: 'vmotion', id: '42', direction: 'outgoing', encrypted: 'yes', outcome: 'no-failure-logged',
    sourceAddresses: ['10.0.0.11'], destAddresses: ['10.0.0.12'],
    evidence: [{ file: 'esx-esx01/var/run/log/vmkernel.log', line: 7, text: 'Migrate: 314: vmotion: srcIp 10.0.0.11 dstIp 10.0.0.12' }],
  };
  const imported = (model: HostModel, id: string, observed: ObservedMigration[] = []): ImportedHost => ({
    id, origin: 'bundle', file: 'export.zip', detail: `esx-${model.name}-2024-05-02--10.15-1234`, model, observed,
    gaps: [{ fact: 'routes', fill: 'esxcfg-route -l' }], warnings: [],
  });

  it('analyses imported hosts alone, pairing the first two and saying so', () => {
    const o = evaluate({ inputs: [], imported: [imported(esx01, 'a'), imported(esx02, 'b')], migration: 'live' });
    expect(o.kind).toBe('analysed');
    if (o.kind !== 'analysed') return;
    expect([o.source, o.dest]).toEqual(['esx01', 'esx02']);
    expect(o.notes[0]).toMatch(/esx01 is analysed as the source and esx02 as the destination/);
    const summary = o.hosts.find((h) => h.name === 'esx02');
    expect(summary).toMatchObject({ side: 'imported', import: { id: 'b', origin: 'bundle', file: 'export.zip', observed: 0 } });
    expect(summary?.import?.gaps).toEqual([{ fact: 'routes', fill: 'esxcfg-route -l' }]);
  });

  it('follows the picks among imported hosts and brings the picked hosts\' logs into the analysis', () => {
    const o = evaluate({ inputs: [], imported: [imported(esx02, 'b'), imported(esx01, 'a', [onManagement])], source: 'esx01', dest: 'esx02', migration: 'live' });
    if (o.kind !== 'analysed') throw new Error(o.kind);
    expect([o.source, o.dest]).toEqual(['esx01', 'esx02']);
    expect(o.analysis.findings.map((f) => f.id)).toContain('OBSERVED_VMOTION_ON_MANAGEMENT');
    expect(o.analysis.observed?.[0]?.addresses.find((a) => a.address === '10.0.0.11')).toMatchObject({ host: 'esx01', vmknic: 'vmk0', management: true });
  });

  it('leaves out the logs of an imported host that is not in the analysed pair', () => {
    const esx03 = host({ name: 'esx03', version: '8.0.3', nics: [{ name: 'vmk0', ip: '10.0.0.13', tags: ['Management'] }] });
    const o = evaluate({ inputs: [], imported: [imported(esx02, 'b'), imported(esx03, 'c'), imported(esx01, 'a', [onManagement])], source: 'esx02', dest: 'esx03', migration: 'live' });
    if (o.kind !== 'analysed') throw new Error(o.kind);
    expect(o.analysis.observed ?? []).toEqual([]);
    expect(o.analysis.findings.map((f) => f.id)).not.toContain('OBSERVED_VMOTION_ON_MANAGEMENT');
  });

  it('takes a host pasted and also imported as one host, and says which copy is analysed', () => {
    const pasted = `[root@esx02:~] esxcfg-vmknic -l\nInterface  Port Group/DVPort/Opaque Network        IP Family IP Address                              Netmask         Broadcast       MAC Address       MTU     TSO MSS   Enabled Type                NetStack            \nvmk0       Management Network                      IPv4      10.0.0.12                               255.255.255.0   10.0.0.255      3c:fd:fe:a1:2b:40 1500    65535     true    STATIC              defaultTcpipStack   \n`;
    const o = evaluate({ inputs: [src(pasted)], imported: [imported(esx01, 'a'), imported(esx02, 'b')] });
    if (o.kind !== 'analysed') throw new Error(o.kind);
    expect(o.hosts.map((h) => [h.name, h.side])).toEqual([['esx02', 'source'], ['esx01', 'imported']]);
    expect([o.source, o.dest]).toEqual(['esx02', 'esx01']);
    expect(o.notes).toContain('esx02 is in the evidence 2 times (in source paste, export.zip); the copy from source paste, given first, is analysed.');
  });

  it('drops a picked host that is no longer in the evidence, and says so', () => {
    const o = evaluate({ inputs: [], imported: [imported(esx01, 'a'), imported(esx02, 'b')], source: 'esx09' });
    if (o.kind !== 'analysed') throw new Error(o.kind);
    expect([o.source, o.dest]).toEqual(['esx01', 'esx02']);
    expect(o.notes[0]).toBe('esx09, chosen as the source, is no longer in the evidence: esx01 is analysed as the source instead.');
  });

  it('puts pasted hosts first: a paste is the source, an imported host the destination', () => {
    const o = evaluate({ inputs: [src(ex('bind0-6.7/esx-a.txt'))], imported: [imported(esx02, 'b')], migration: 'live' });
    if (o.kind !== 'analysed') throw new Error(o.kind);
    expect([o.source, o.dest]).toEqual(['esx31', 'esx02']);
  });
});
