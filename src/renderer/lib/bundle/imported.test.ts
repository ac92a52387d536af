import { describe, expect, it } from 'vitest';
import { readBundle, bytesSource } from '../../../bundles/index.ts';
import type { BundleReading } from '../../../bundles/index.ts';
import { bundleA, bundleB, TOP_A, TOP_B, vcenterBundle } from '../../../bundles/fixtures.test-support.ts';
import { hostBundle, tgz, zip } from '../../../bundles/test-support.ts';
import type { ImportedHost } from '../../../core/model/imported.ts';
import { bundleViews, detailOf, importedHostsOf, noHostSentence } from './imported.ts';

async function read(name: string, bytes: Uint8Array): Promise<BundleReading> {
  return readBundle(bytesSource(name, bytes));
}

function withIds(hosts: readonly Omit<ImportedHost, 'id'>[]): ImportedHost[] {
  return hosts.map((h, i) => ({ ...h, id: `imported-${i + 1}` }));
}

describe('from a bundle reading to imported hosts', () => {
  it('maps each host of a vCenter export: origin bundle, the file, container › folder, gaps from what is missing', async () => {
    const reading = await read('export.zip', zip({ 'esx21.tgz': bundleA(), 'esx22.tgz': bundleB(), 'vc01.tgz': vcenterBundle() }));
    const hosts = importedHostsOf(reading);
    expect(hosts.map((h) => h.model.name)).toEqual(['esx21.lab.local', 'esx22.lab.local']);
    expect(hosts[0]).toMatchObject({ origin: 'bundle', file: 'export.zip', detail: `esx21.tgz › ${TOP_A}` });
    expect(hosts[1]!.detail).toBe(`esx22.tgz › ${TOP_B}`);
    // esx22's bundle has no -d list: the binding setting is missing, with the command that reads it.
    expect(hosts[1]!.gaps).toEqual([{ fact: 'the value of /Migrate/BindToVmknic', fill: 'esxcli system settings advanced list -o /Migrate/BindToVmknic' }]);
    expect(hosts[0]!.gaps).toEqual([]);
    expect(hosts[0]!.observed.length).toBe(5);
    expect(hosts[0]!.warnings).toBe(reading.hosts[0]!.warnings);
    expect(noHostSentence(reading)).toBeUndefined();
  });

  it('uses the top folder alone as the detail of a host bundle', async () => {
    const reading = await read('esx21.tgz', bundleA());
    expect(importedHostsOf(reading)[0]!.detail).toBe(TOP_A);
    expect(detailOf({ folder: 'f' })).toBe('f');
  });

  it('leaves out a host without a model and says why it cannot be analysed', async () => {
    const empty = tgz(hostBundle('esx-esx23.lab.local-2024-05-03--10.00-1', { 'commands/nothing-we-read.txt': 'hello\n' }));
    const reading = await read('export.zip', zip({ 'esx21.tgz': bundleA(), 'esx23.tgz': empty }));
    expect(importedHostsOf(reading).map((h) => h.model.name)).toEqual(['esx21.lab.local']);
    const views = bundleViews(withIds(importedHostsOf(reading)), [reading]);
    const esx23 = views[0]!.hosts.find((h) => h.name === 'esx23.lab.local')!;
    expect(esx23.notAnalysable).toMatch(/^No output the analysis reads/);
    expect(views[0]!.hosts.find((h) => h.name === 'esx21.lab.local')!.notAnalysable).toBeUndefined();
  });

  it("gives the reader's own sentence for a file that is no bundle", async () => {
    const reading = await read('garbage.tgz', new TextEncoder().encode('this is not an archive at all'));
    expect(reading.hosts).toEqual([]);
    expect(noHostSentence(reading)).toBe(
      'garbage.tgz is neither a gzip-compressed tar (an ESXi support bundle) nor a zip (a vCenter log export): its first bytes say otherwise.',
    );
    expect(importedHostsOf(reading)).toEqual([]);
  });
});

describe('bundleViews', () => {
  it('shows a reading while its hosts are in the evidence, with format, skipped members and recognised outputs', async () => {
    const reading = await read('export.zip', zip({ 'esx21.tgz': bundleA(), 'esx22.tgz': bundleB(), 'vc01.tgz': vcenterBundle() }));
    const imported = withIds(importedHostsOf(reading));
    const [view] = bundleViews(imported, [reading]);
    expect(view).toMatchObject({ source: 'export.zip', format: 'vcenter-export', reopened: false });
    expect(view!.skipped.map((s) => s.member)).toEqual([expect.stringContaining('vc01.tgz')]);
    const esx21 = view!.hosts[0]!;
    expect(esx21).toMatchObject({ name: 'esx21.lab.local', capturedAt: '2024-05-03 09:30', observed: 5 });
    expect(esx21.version).toContain('7.0.3');
    expect(esx21.recognised.some((r) => r.kind === 'esxcfg-vmknic' && r.how === 'content')).toBe(true);
  });

  it('drops a reading whose hosts left the evidence (cleared, another case opened)', async () => {
    const reading = await read('esx21.tgz', bundleA());
    expect(bundleViews([], [reading])).toEqual([]);
  });

  it('shows the bundle hosts of a reopened case from what the case kept', async () => {
    const reading = await read('export.zip', zip({ 'esx21.tgz': bundleA(), 'esx22.tgz': bundleB() }));
    const imported = withIds(importedHostsOf(reading));
    const estate: ImportedHost = { ...imported[0]!, id: 'x', origin: 'estate', file: 'rvtools.xlsx' };
    const views = bundleViews([...imported, estate], []);
    expect(views).toHaveLength(1);
    expect(views[0]).toMatchObject({ source: 'export.zip', reopened: true, problems: [], skipped: [] });
    expect(views[0]!.hosts.map((h) => h.name)).toEqual(['esx21.lab.local', 'esx22.lab.local']);
    expect(views[0]!.hosts[1]!.missing).toEqual([{ what: 'the value of /Migrate/BindToVmknic', command: 'esxcli system settings advanced list -o /Migrate/BindToVmknic' }]);
    expect(views[0]!.hosts[0]!.recognised).toEqual([]);
  });
});
