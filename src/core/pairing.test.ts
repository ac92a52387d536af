import { describe, expect, it } from 'vitest';
import { pairHosts } from './pairing.ts';
import { host } from './test-support/hosts.ts';

const h = (name: string) => host({ name, nics: [{ name: 'vmk0', ip: '10.0.0.1', tags: ['Management'] }] });
const [a, b, c, d] = [h('esx01.lab.local'), h('esx02.lab.local'), h('esx03'), h('esx04')];

describe('pairing source and destination', () => {
  it('takes one host per side as source and destination', () => {
    expect(pairHosts({ source: [a], dest: [b] })).toEqual({ ok: true, source: a, dest: b, notes: [] });
  });
  it('pairs the two hosts of one paste and says so', () => {
    const p = pairHosts({ source: [a, b] });
    expect(p).toMatchObject({ ok: true, source: a, dest: b });
    expect(p.ok && p.notes[0]).toMatch(/holds more than one host: esx01.lab.local is analysed as the source and esx02.lab.local as the destination/);
  });
  it('honours picks by full or short name, and names the hosts left out', () => {
    const p = pairHosts({ source: [a, b, c], sourceName: 'esx02', destName: 'esx03' });
    expect(p).toMatchObject({ ok: true, source: b, dest: c });
    expect(p.ok && p.notes).toEqual(['Not analysed: esx01.lab.local (it is in the evidence too; choose it as source or destination to analyse it).']);
  });
  it('analyses a destination-only paste as the source', () => {
    const p = pairHosts({ source: [], dest: [d] });
    expect(p).toMatchObject({ ok: true, source: d });
    expect(p.ok && p.notes[0]).toMatch(/Only destination evidence/);
  });
  it('takes an imported host as the destination after the pasted ones', () => {
    expect(pairHosts({ source: [a], imported: [c] })).toMatchObject({ ok: true, source: a, dest: c });
  });
  it('leaves the destination out when told to (an assumed peer), naming the hosts not analysed', () => {
    const p = pairHosts({ source: [a], dest: [b], destName: null });
    expect(p).toEqual({ ok: true, source: a, notes: ['Not analysed: esx02.lab.local (it is in the evidence too; choose it as source or destination to analyse it).'] });
  });
  it('counts a host given on both sides once', () => {
    expect(pairHosts({ source: [a, b], dest: [b] })).toEqual({ ok: true, source: a, dest: b, notes: [] });
  });
  it('refuses an unknown pick and the same host on both sides with a sentence', () => {
    expect(pairHosts({ source: [a], sourceName: 'esx09' })).toEqual({ ok: false, error: 'no host named esx09 in the evidence (found: esx01.lab.local)' });
    expect(pairHosts({ source: [a, b], sourceName: 'esx01', destName: 'esx01.lab.local' })).toEqual({ ok: false, error: 'source and destination are the same host (esx01.lab.local)' });
    expect(pairHosts({ source: [] })).toEqual({ ok: false, error: 'no host found in the evidence' });
  });
});
