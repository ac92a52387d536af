/**
 * The Scan view (issue 8) in the built app: an RVTools export (per-tab CSV, or a real xlsx under the app's CSP) and
 * PowerCLI CSVs chosen and dropped, merged per host and scanned in a worker with a progress bar; the 50-host
 * estate's known answers (src/imports/estate-50.test.ts) on screen; sort, filters, groups, details; the table
 * exported as CSV and Markdown with formula cells neutralised; a host opened in the wizard with its evidence and
 * the way back to the same table; bad files refused with one sentence; 200 hosts with progress, Cancel and two
 * pages of hosts. The 5,000-host scan, and whether the window stays responsive through it, is `npm run bench:web`
 * (bench/web-app.ts): the same worker, progress and table code, only bigger.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { zipSync } from 'fflate';
import { benchEstate, powercliVmkCsv, rvtoolsCsv, rvtoolsTabs } from '../../src/imports/test-support/estate-generator.ts';
import { estate50, estate50Files } from '../../src/imports/test-support/estate-50.ts';
import { bundleA, bundleB, vcenterBundle } from '../../src/bundles/fixtures.test-support.ts';
import { zip } from '../../src/bundles/test-support.ts';
import { FINDINGS } from '../../src/core/findings/catalog.ts';
import { seriousViolations } from '../support/axe.ts';
import { clickWhenShown } from '../support/click-when-shown.ts';
import { expect, test } from '../support/fixtures.ts';
import type { FileData } from '../pages/scan-page.ts';
import { ScanPage } from '../pages/scan-page.ts';

const SHOTS = process.env.E2E_OUT ?? 'e2e/artifacts/screens';
const gold = (k: number) => `esx${String(k).padStart(5, '0')}.dc0.example.com`;
const silver = (k: number) => `esx${String(20 + k).padStart(5, '0')}.dc1.example.com`;
const bronze = (k: number) => `esx${String(40 + k).padStart(5, '0')}.dc2.example.com`;

function files(record: Record<string, string>): FileData[] {
  return Object.entries(record).map(([name, text]) => ({ name, text }));
}

const ESTATE = estate50Files();
const RVTOOLS = files(Object.fromEntries(Object.entries(ESTATE).filter(([n]) => n.startsWith('RVTools_'))));
const POWERCLI = files({ 'vmk.csv': ESTATE['vmk.csv']!, 'bind.csv': ESTATE['bind.csv']! });

async function scan50(scan: ScanPage): Promise<void> {
  await scan.openFromStart();
  await scan.choose(RVTOOLS);
  await scan.drop(POWERCLI);
  await expect(scan.fileList.getByRole('listitem')).toHaveCount(6);
  await scan.scan();
  await scan.scanned();
}

test('the 50-host estate from RVTools CSV tabs and PowerCLI CSVs: known answers, sort, filters, groups, details', async ({ app, page }) => {
  const scan = new ScanPage(page);
  await app.open();
  await scan50(scan);

  await expect(scan.summary).toContainText('50 hosts in 3 clusters');
  await expect(page.getByTestId('scan-worst')).toHaveText('blocker');
  await expect(scan.summary).toContainText('blocker 1, high 31, medium 18');
  await expect(scan.count).toHaveText('Hosts 1–50 of 50.');

  // Worst risk first: gold-14 (no vMotion vmknic) heads the table.
  expect((await scan.hostNames())[0]).toBe(gold(14));
  await expect(scan.row(gold(14))).toContainText(`${FINDINGS.NO_VMOTION_VMKNIC.title} (blocker)`);
  await expect(scan.row(gold(14)).locator('.badge')).toHaveText('blocker');
  await expect(scan.row(silver(5))).toContainText(`${FINDINGS.VMOTION_EGRESS_MISMATCH.title} (high)`);
  await expect(scan.columnHeader('Risk')).toHaveAttribute('aria-sort', 'descending');

  // Groups: flooding between Silver hosts, one finding with its 20 hosts.
  const flooding = scan.group('pair', 'UNICAST_FLOODING_RISK');
  await expect(flooding).toContainText('20 hosts, 380 pair findings');
  await flooding.locator('summary').click();
  const list = (await flooding.locator('p.hosts').textContent())!.split(', ');
  expect(list).toEqual(Array.from({ length: 20 }, (_, k) => silver(k)));
  await expect(scan.group('host', 'NO_VMOTION_VMKNIC')).toContainText('1 host');

  // Sources: one row per file, with its format.
  const sources = page.getByRole('table', { name: 'What each file held' });
  await expect(sources.locator('tbody tr')).toHaveCount(6);
  await expect(sources.locator('tbody tr', { has: page.getByRole('rowheader', { name: 'vmk.csv', exact: true }) })).toContainText('powercli-vmk-csv');

  // Sort: by host name, both ways (Enter on the header button works like a click).
  await scan.sortBy('Host');
  await expect(scan.columnHeader('Host')).toHaveAttribute('aria-sort', 'ascending');
  await expect(scan.columnHeader('Risk')).not.toHaveAttribute('aria-sort', /./);
  expect((await scan.hostNames()).slice(0, 2)).toEqual([gold(0), gold(1)]);
  await scan.table.getByRole('button', { name: 'Host', exact: true }).press('Enter');
  await expect(scan.columnHeader('Host')).toHaveAttribute('aria-sort', 'descending');
  expect((await scan.hostNames())[0]).toBe(bronze(9));
  await scan.sortBy('Version');
  expect((await scan.hostNames())[0]).toMatch(/\.dc0\./);

  // Filters: text, risk, finding id; a group's button sets the finding filter.
  await scan.filterText('bronze');
  await expect(scan.count).toHaveText('Hosts 1–10 of 10 (filtered from 50).');
  await scan.filterText('');
  await scan.filterRisk('blocker');
  expect(await scan.hostNames()).toEqual([gold(14)]);
  await scan.filterRisk('any');
  await scan.filterFinding('VMOTION_EGRESS_MISMATCH');
  expect(await scan.hostNames()).toEqual([silver(5)]);
  await scan.filterFinding('');
  await scan.group('pair', 'MTU_MISMATCH').getByRole('button', { name: /^Show the (host|\d+ hosts) in the table$/ }).click();
  await expect(scan.count).toContainText('of 19 (filtered from 50)');
  await expect(page.getByLabel('Finding', { exact: true })).toHaveValue('MTU_MISMATCH');

  // Details: the vmknics with their tags as exported, and what is unknown with what fills it.
  const detail = await scan.details(gold(4));
  await expect(detail.getByRole('table', { name: `VMkernel adapters of ${gold(4)}` })).toContainText('VMotion');
  await expect(detail).toContainText('Not known from these files, and what fills it');
  await expect(detail).toContainText('Fill with: the collector (collectors/Get-VpdEstate.ps1), or esxcli network ip interface list');
  await expect(detail).toContainText(`With other hosts of its cluster`);
  // The Scan view, groups and file notes included, cites no internal document or mark.
  expect(await app.internalReferences()).toEqual([]);
});

test('RVTools alone: tags are "not known", never guessed from a port-group name as known', async ({ app, page }) => {
  const scan = new ScanPage(page);
  await app.open();
  await scan.scanFromStart(RVTOOLS);
  const detail = await scan.details(gold(0));
  const vmknics = detail.getByRole('table', { name: `VMkernel adapters of ${gold(0)}` });
  await expect(vmknics.locator('tbody tr').first()).toContainText('not known from these files');
  await expect(vmknics).not.toContainText('VMotion');
  // The unknown fact says which service is guessed from which port-group name, as uncertain, and what fills it.
  await expect(detail).toContainText(/service tags of vmk0, .*is guessed from its port-group name .*\(uncertain\)/);
  await expect(detail).toContainText('Fill with: a PowerCLI Get-VMHostNetworkAdapter -VMKernel export');
});

test('the table exports as CSV (formula cells neutralised) and Markdown, as filtered and sorted', async ({ app, page }) => {
  const scan = new ScanPage(page);
  const evil = Object.fromEntries(
    Object.entries(ESTATE).map(([k, t]) => [k, t.replaceAll(gold(1), '=SUM(A1:A9)').replaceAll(gold(2), '+cmd').replaceAll(gold(3), '-2+3').replaceAll(gold(5), '@x').replaceAll('Bronze', '=1+1')]),
  );
  await app.open();
  await scan.scanFromStart(files(evil));
  await scan.filterText('dc0');
  await scan.sortBy('Host');

  const csvDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export table (CSV)' }).click();
  const csvFile = await csvDownload;
  expect(csvFile.suggestedFilename()).toBe('estate-scan.csv');
  const csv = readFileSync((await csvFile.path())!, 'utf8');
  const lines = csv.trim().split('\r\n');
  expect(lines[0]).toMatch(/^host,vcenter,datacenter,cluster,version,build,risk,findings/);
  const firstCells = lines.slice(1).map((l) => l.split(',')[0]!);
  // The filtered hosts (datacenter DC0, the renamed ones included) in the table's order, formula names neutralised.
  const shown = await scan.hostNames();
  expect(shown).toHaveLength(20);
  expect(firstCells).toEqual(shown.map((n) => (/^[=+\-@]/.test(n) ? `'${n}` : n)));
  await scan.filterText('');
  const allDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export table (CSV)' }).click();
  const all = readFileSync((await (await allDownload).path())!, 'utf8');
  for (const cell of ["'=SUM(A1:A9)", "'+cmd", "'-2+3", "'@x", "'=1+1"]) expect(all).toContain(cell);
  const cells = all.split(/[,\r\n]+/);
  expect(cells.filter((c) => /^[=+\-@]/.test(c))).toEqual([]);

  await scan.filterRisk('blocker');
  const mdDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export table (Markdown)' }).click();
  const md = await mdDownload;
  expect(md.suggestedFilename()).toBe('estate-scan.md');
  const text = readFileSync((await md.path())!, 'utf8');
  expect(text).toContain('Hosts shown: 1 of 50 (filter: risk blocker).');
  expect(text).toContain(`| ${gold(14)} |`);
  await expect(page.getByTestId('status')).toHaveText('Downloaded estate-scan.md.');
});

test('"Open in wizard" starts a case with the host as evidence; "Back to the scan" returns to the same table', async ({ app, page }) => {
  const scan = new ScanPage(page);
  await app.open();
  await scan50(scan);
  await scan.filterText(silver(5));
  await scan.openInWizard(silver(5));

  await expect(app.heading).toHaveText(/^Start: choose a symptom/);
  await expect(page.getByTestId('status')).toHaveText(`${silver(5)} from the scan is the evidence of a new case; the wizard skips what it answers.`);
  const answered = page.locator('nav.trail details summary');
  await expect(answered).toContainText(`hosts ${silver(5)}`);
  await page.getByRole('group', { name: 'Answers' }).getByRole('button', { name: 'Not sure: let the evidence decide' }).click();
  // The evidence answers what the exports hold (the vMotion vmknic…); the TCP/IP stack is not in them, so asked.
  await expect(page.getByText('from the evidence').first()).toBeVisible();
  await page.getByRole('group', { name: 'Answers' }).getByRole('button', { name: 'No, the default stack' }).click();
  await expect(page.locator('section.outcome')).toBeVisible();
  await page.getByRole('button', { name: 'See the full analysis of the evidence' }).click();
  await expect(app.verdict).toContainText(silver(5));

  // Back to the scan: the same result and filter, no new scan.
  await page.getByRole('button', { name: 'Back to the scan' }).click();
  await expect(app.heading).toHaveText('Scan an estate');
  await expect(scan.summary).toContainText('50 hosts in 3 clusters');
  await expect(page.getByLabel('Filter hosts')).toHaveValue(silver(5));
  expect(await scan.hostNames()).toEqual([silver(5)]);
  await expect(scan.progress).toHaveCount(0);
});

test('a vCenter log export with an inventory CSV: bundle hosts in their cluster, opened with their past migrations', async ({ app, page }) => {
  const scan = new ScanPage(page);
  await app.open();
  await scan.scanFromStart([
    { name: 'VMware-vCenter-support.zip', bytes: zip({ 'esx21.tgz': bundleA(), 'esx22.tgz': bundleB(), 'vc01.tgz': vcenterBundle() }) },
    {
      name: 'RVTools_tabvSC_VMK.csv',
      text: 'Host,Cluster,Device,Port Group,IP Address,Subnet mask,MTU\nesx21.lab.local,Lab,vmk0,Management Network,10.99.0.21,255.255.255.0,1500\nesx22.lab.local,Lab,vmk0,Management Network,10.99.0.22,255.255.255.0,1500\n',
    },
  ]);
  await expect(scan.summary).toContainText('2 hosts in 1 cluster');
  expect(await scan.hostNames()).toEqual(['esx21.lab.local', 'esx22.lab.local']);
  await scan.openInWizard('esx21.lab.local');
  await expect(page.locator('nav.trail details summary')).toContainText('hosts esx21.lab.local');
  await page.getByRole('group', { name: 'Answers' }).getByRole('button', { name: 'Not sure: let the evidence decide' }).click();
  // The bundle answers the questions; the migration kind is the user's.
  await page.getByRole('group', { name: 'Answers' }).getByRole('button', { name: 'Live vMotion, compute only (shared storage)' }).click();
  // The bundle's logs came along: its past migration on the management vmknic is on the result screen.
  await expect(page.locator('section.outcome')).toBeVisible();
  await page.getByRole('button', { name: 'See the full analysis of the evidence' }).click();
  await expect(page.getByRole('heading', { name: /Past migrations seen in the logs/ })).toBeVisible();
  await app.unfold();
  await expect(app.finding('OBSERVED_VMOTION_ON_MANAGEMENT').first()).toBeVisible();
});

test('a real RVTools xlsx is read in the worker under the app CSP, with the PowerCLI CSVs', async ({ app, page }) => {
  const wb = new ExcelJS.Workbook();
  const info = wb.addWorksheet('vInfo');
  info.addRow(['VM', 'Powerstate', 'Host']);
  for (let i = 0; i < 200; i++) info.addRow([`vm-${i}`, 'poweredOn', gold(i % 20)]);
  for (const [tab, t] of Object.entries(rvtoolsTabs(estate50()))) {
    const ws = wb.addWorksheet(tab);
    ws.addRow([...t.header]);
    for (const r of t.rows) ws.addRow(r);
  }
  const xlsx = new Uint8Array(await wb.xlsx.writeBuffer());
  const scan = new ScanPage(page);
  await app.open();
  await scan.scanFromStart([{ name: 'RVTools_export.xlsx', bytes: xlsx }, ...POWERCLI]);
  await expect(scan.summary).toContainText('50 hosts in 3 clusters');
  await expect(page.getByTestId('scan-worst')).toHaveText('blocker');
  const sources = page.getByRole('table', { name: 'What each file held' });
  await expect(sources.locator('tbody tr', { hasText: 'RVTools_export.xlsx' })).toContainText('rvtools-xlsx');
  await expect(sources.locator('tbody tr', { hasText: 'RVTools_export.xlsx' })).toContainText('(vSC_VMK, vHost, vSwitch, vPort)');
});

test('bad files get one sentence each and the app goes on: binary, zip bomb named .xlsx, garbage CSV', async ({ app, page }) => {
  const scan = new ScanPage(page);
  await app.open();
  await scan.openFromStart();
  const bomb = zipSync({ 'xl/worksheets/sheet1.xml': [new Uint8Array(64 * 1024 * 1024), { level: 9 }] });
  const cases: { file: FileData; sentence: RegExp }[] = [
    { file: { name: 'export.csv', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]) }, sentence: /^export\.csv is a binary file/ },
    { file: { name: 'RVTools_export.xlsx', bytes: bomb }, sentence: /^RVTools_export\.xlsx was refused before opening: .*zip bomb/ },
    { file: { name: 'hosts.csv', text: 'lorem,ipsum\n"dolor,sit\namet\n' }, sentence: /^hosts\.csv / },
  ];
  for (const c of cases) {
    await scan.choose([c.file]);
    await scan.scan();
    await expect(scan.error).toHaveText(c.sentence);
    expect((await scan.error.textContent())!.trim().split(/(?<=\.)\s+(?=[A-Z])/)).toHaveLength(1);
    await scan.removeFile(c.file.name);
  }
  // Still works: a good estate scans.
  await scan.choose([...RVTOOLS, ...POWERCLI]);
  await scan.scan();
  await scan.scanned();
  await expect(scan.error).toHaveCount(0);
  await expect(scan.summary).toContainText('50 hosts');
});

test('200 hosts: a progress bar while the worker scans, Cancel stops it, the next scan finishes with pages', async ({ app, page }) => {
  const hosts = benchEstate(200);
  const big = files({ ...rvtoolsCsv(hosts), 'vmk.csv': powercliVmkCsv(hosts) });
  const scan = new ScanPage(page);
  await app.open();
  await scan.openFromStart();
  await scan.choose(big);

  // Cancel while it runs, clicked in the page as soon as it shows (so it lands on the running scan however fast or
  // busy the machine is): the bar goes, no result, the files stay.
  await clickWhenShown(page, 'Cancel');
  await scan.scan();
  await expect(page.getByRole('button', { name: 'Cancel' })).toHaveCount(0);
  await expect(scan.progress).toHaveCount(0);
  await expect(scan.summary).toHaveCount(0);
  await expect(scan.fileList.getByRole('listitem')).toHaveCount(5);

  await scan.recordProgress();
  await scan.scan();
  await scan.scanned();
  const seen = await scan.recordedProgress();
  expect(seen.length).toBeGreaterThan(0);
  expect(seen).toEqual([...seen].sort((a, b) => a - b));
  await expect(scan.summary).toContainText('200 hosts');
  await expect(scan.count).toHaveText('Hosts 1–100 of 200.');
  await page.getByRole('button', { name: 'Next page' }).click();
  await expect(scan.count).toHaveText('Hosts 101–200 of 200.');
  await expect(scan.table.locator('tbody tr[data-host]')).toHaveCount(100);
});

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} theme`, () => {
    test.use({ colorScheme: scheme });

    test('the Scan view has no serious axe violation, empty or with a result; screenshots', async ({ app, page }) => {
      const scan = new ScanPage(page);
      await app.open();
      await scan.openFromStart();
      expect(await seriousViolations(page), 'serious/critical axe violations on the empty Scan view').toEqual([]);
      await scan.choose([...RVTOOLS, ...POWERCLI]);
      await scan.scan();
      await scan.scanned();
      await scan.group('host', 'NO_VMOTION_VMKNIC').locator('summary').click();
      await scan.details(gold(14));
      expect(await seriousViolations(page), 'serious/critical axe violations on the Scan view with a result').toEqual([]);
      await page.screenshot({ path: `${SHOTS}/scan-${scheme}.png` });
      await page.evaluate(() => document.getElementById('scan-groups-h')?.scrollIntoView({ block: 'start' }));
      await page.screenshot({ path: `${SHOTS}/scan-groups-${scheme}.png` });
      await page.evaluate(() => document.getElementById('scan-hosts-h')?.scrollIntoView({ block: 'start' }));
      await page.screenshot({ path: `${SHOTS}/scan-hosts-${scheme}.png` });
      await page.evaluate(() => document.querySelector('[data-testid="host-detail"]')?.scrollIntoView({ block: 'start' }));
      await page.screenshot({ path: `${SHOTS}/scan-detail-${scheme}.png` });
    });
  });
}
