/**
 * Support bundles in the app (issue 9): a vCenter export of two host bundles (built here with the bundle reader's
 * test helpers from the examples' real-format outputs and real-format vmkernel/hostd/vmware.log lines) opened on
 * the evidence panel, read in a worker behind a progress bar; the hosts listed with what was recognised and what is
 * missing; source and destination picked; the result with its past migrations and their log lines. A .tgz that
 * is no bundle, a file that is no archive and a zip bomb get one sentence each and the app goes on. Cancel stops
 * a reading. The wizard continues with the bundle's evidence. Axe on the panel, screenshots in light and dark.
 */
import { randomBytes } from 'node:crypto';
import { gzipSync } from 'fflate';
import { bundleA, filesB, TOP_B, TS, vcenterBundle } from '../../src/bundles/fixtures.test-support.ts';
import { hostBundle, tar, tgz, zip } from '../../src/bundles/test-support.ts';
import { BundlePage } from '../pages/bundle-page.ts';
import { WizardPage } from '../pages/wizard-page.ts';
import { seriousViolations } from '../support/axe.ts';
import { clickWhenShown } from '../support/click-when-shown.ts';
import { expect, test } from '../support/fixtures.ts';
import { HEAVY_STEP } from '../support/timeouts.ts';
import { FINDINGS } from '../../src/core/findings/catalog.ts';

const MB = 1024 * 1024;
const SCREENS = process.env.E2E_OUT ?? 'e2e/artifacts/test-results';

/** esx21 and esx22 in one export, plus the vCenter's own bundle; esx22 carries 12 MB that is never read. */
function exportZip(): Uint8Array {
  const esx22 = tgz(hostBundle(TOP_B, { ...filesB(), 'commands/vsi_traverse_-s.txt': randomBytes(12 * MB) }));
  return zip({ 'esx21.tgz': bundleA(), 'esx22.tgz': esx22, 'vc01.tgz': vcenterBundle() });
}

async function openExport(app: import('../pages/app-page.ts').AppPage, bundle: BundlePage, info: import('@playwright/test').TestInfo): Promise<void> {
  await app.open();
  await app.startWithEvidence();
  await bundle.open(BundlePage.file(info, 'VMware-vCenter-support-2024-05-03@09-45-00.zip', exportZip()));
  await expect(bundle.panel('VMware-vCenter-support-2024-05-03@09-45-00.zip')).toBeVisible({ timeout: HEAVY_STEP });
  await bundle.idle();
}

const EXPORT = 'VMware-vCenter-support-2024-05-03@09-45-00.zip';

test('a vCenter export: progress while read, hosts with what was recognised and missing, picks, past migrations on the result', async ({ app, page }, info) => {
  const bundle = new BundlePage(page);
  await app.open();
  await app.startWithEvidence();
  await bundle.recordProgress();
  await bundle.open(BundlePage.file(info, EXPORT, exportZip()));
  const panel = bundle.panel(EXPORT);
  await expect(panel).toBeVisible({ timeout: HEAVY_STEP });
  await bundle.idle();

  // The progress bar was there while the worker read: "n of 13 MB, esx2x.tgz…", moving forward.
  const seen = await bundle.recordedProgress();
  expect(seen.length).toBeGreaterThan(0);
  for (const s of seen) expect(s.text).toMatch(/^\d+(\.\d)? of 1\d(\.\d)? MB(, esx2[12]\.tgz…|, vc01\.tgz…)?$/);
  expect(seen.some((s) => /, esx2[12]\.tgz…$/.test(s.text ?? ''))).toBe(true);
  await expect(page.getByRole('progressbar')).toHaveCount(0);

  // The panel: format, the skipped vCenter bundle, both hosts with capture time, version, outputs and gaps.
  await expect(panel).toContainText('vCenter log export · 2 hosts');
  await expect(panel.getByRole('list', { name: `Skipped in ${EXPORT}` })).toContainText('vc01.tgz');
  const esx21 = bundle.host(EXPORT, 'esx21.lab.local');
  await expect(esx21).toContainText('captured 2024-05-03 09:30');
  await expect(esx21).toContainText('VMware ESXi 7.0.3');
  await expect(esx21).toContainText('Past migrations in its logs: 5');
  await esx21.getByText(/outputs recognised/).click();
  await expect(bundle.recognised('esx21.lab.local')).toContainText('commands/esxcfg-vmknic_-l.txt → esxcfg-vmknic (by content)');
  await expect(bundle.recognised('esx21.lab.local')).toContainText('commands/vmware-vimdump_-o----U-dcui.txt → vimdump');
  await expect(bundle.recognised('esx21.lab.local')).not.toContainText('vsi_traverse');
  const esx22 = bundle.host(EXPORT, 'esx22.lab.local');
  await expect(bundle.missing('esx22.lab.local')).toContainText('the value of /Migrate/BindToVmknic: esxcli system settings advanced list -o /Migrate/BindToVmknic');
  await esx22.getByRole('button', { name: /^Copy command: esxcli system settings advanced list/ }).click();
  await expect.poll(() => app.clipboard()).toBe('esxcli system settings advanced list -o /Migrate/BindToVmknic');
  // The hosts are evidence like any other: the recognised list names them, from the bundle.
  await expect(page.locator('.recognised')).toContainText(`esx21.lab.local — support bundle ${EXPORT}, VMware ESXi 7.0.3`);
  await page.locator('.recognised').getByText(/^\d+ command outputs read from esx21\.tgz › /).click();
  await expect(app.recognisedHost('esx21')).toContainText('esxcfg-vmknic -l');

  await page.screenshot({ path: `${SCREENS}/bundle-panel-light.png`, fullPage: true });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: `${SCREENS}/bundle-panel-dark.png`, fullPage: true });
  await page.emulateMedia({ colorScheme: 'light' });

  // Picking: the other way round first, then back.
  await bundle.pick('source', 'esx22.lab.local');
  await bundle.pick('dest', 'esx21.lab.local');
  await app.idle();
  await app.analyse();
  await expect(app.verdict).toContainText('esx22.lab.local');
  await page.getByRole('button', { name: 'Back to the evidence' }).click();
  await bundle.pick('source', 'esx21.lab.local');
  await bundle.pick('dest', 'esx22.lab.local');
  await app.idle();
  await app.analyse();
  await app.unfold();

  await expect(app.verdict).toContainText('vMotion leaves esx21.lab.local by vmk1 as intended');
  await expect(app.verdict).toContainText(FINDINGS.OBSERVED_VMOTION_ON_MANAGEMENT.title);
  // One finding per host whose management vmknic the migration used, each with the log line as evidence.
  await expect(app.finding('OBSERVED_VMOTION_ON_MANAGEMENT')).toHaveCount(2);
  await expect(app.finding('OBSERVED_VMOTION_ON_MANAGEMENT').filter({ hasText: 'on esx21.lab.local' })).toContainText(`ts = ${TS.mgmt}, srcIP = <172.16.10.21>`);

  // The past migration over the management addresses, each mapped to vmk0, with its log lines.
  const past = bundle.pastMigrations;
  await expect(past).toBeVisible();
  const mgmt = past.locator(`article[data-migration="${TS.mgmt}"]`);
  await expect(mgmt).toContainText('esx21.lab.local sent it');
  await expect(mgmt).toContainText('esx22.lab.local (172.16.10.22)');
  await expect(mgmt).toContainText('encrypted');
  await expect(mgmt.locator('tr.management')).toHaveCount(2);
  await expect(mgmt.locator('tr', { hasText: '172.16.10.21' })).toContainText('esx21.lab.local vmk0 — the management vmknic');
  await expect(mgmt).toContainText('These lines prove the addresses chosen for this vMotion stream');
  // Which lines prove what, in words: the start lines of both hosts prove the addresses and the direction.
  await expect(mgmt.locator('[data-proof]')).toContainText(/The addresses are proved by \S*esx21\S*\/var\/run\/log\/vmkernel\.log:2 and \S*esx22\S*\/var\/run\/log\/vmkernel\.log:1\./);
  await expect(mgmt.locator('[data-proof]')).toContainText('That esx21.lab.local sent it is proved by');
  await expect(mgmt.locator('[data-proof]')).not.toContainText('failure');
  await mgmt.getByText(/^Log lines/).click();
  const lines = mgmt.getByLabel(/^Log lines of the migration at 2024-05-02T10:15:01/);
  await expect(lines).toContainText(`var/run/log/vmkernel.log:2: 2024-05-02T10:15:01.123Z In(182) vmkernel: cpu10:2100002 opID=d5991c6f)Migrate: 314: vmotion: Source`);
  await expect(past.locator(`article[data-migration="${TS.failed}"]`)).toContainText('failed');
  await expect(past.locator(`article[data-migration="${TS.failed}"]`)).toContainText('web01');

  await past.scrollIntoViewIfNeeded();
  await past.screenshot({ path: `${SCREENS}/result-past-migrations-light.png` });
  await page.emulateMedia({ colorScheme: 'dark' });
  await past.screenshot({ path: `${SCREENS}/result-past-migrations-dark.png` });
  await page.emulateMedia({ colorScheme: 'light' });
});

test('a .tgz that is no bundle, a file that is no archive and a zip bomb: one sentence each, the evidence stays, the app goes on', async ({ app, page }, info) => {
  const bundle = new BundlePage(page);
  await app.open();
  await app.startWithEvidence();
  await app.paste('source', '[root@esx01:~] hostname\nesx01\n');

  // A gzip file (by its first bytes) dropped on a host's box goes to the bundle reader, which finds no bundle in it.
  await bundle.drop('source', 'customer.tgz', gzipSync(new TextEncoder().encode('this was never a tar archive\n'.repeat(50))));
  await expect(bundle.notices.filter({ hasText: 'customer.tgz' })).toContainText('No ESXi host bundle was found in customer.tgz.');
  // Anything opened as a bundle gets the reader's sentence when its first bytes are no archive's.
  await bundle.open(BundlePage.file(info, 'export.zip', new TextEncoder().encode('this was never an archive\n')));
  await expect(bundle.notices.filter({ hasText: 'export.zip' })).toContainText(
    'export.zip is neither a gzip-compressed tar (an ESXi support bundle) nor a zip (a vCenter log export): its first bytes say otherwise.',
  );

  // zip → tgz whose one member expands 80 MB of zeros: stopped as a bomb, naming the member.
  const zeros = tar([{ path: 'esx-esx23.lab.local-2024-05-03--10.00-1/commands/esxcfg-vmknic_-l.txt', body: new Uint8Array(80 * MB) }]);
  await bundle.open(BundlePage.file(info, 'bomb.zip', zip({ 'esx23.tgz': gzipSync(zeros, { level: 9 }) })));
  await expect(bundle.notices.filter({ hasText: 'bomb.zip' })).toContainText(/Reading stopped at bomb\.zip → esx23\.tgz: .* which marks a decompression bomb\./, { timeout: HEAVY_STEP });
  await expect(page.getByRole('region', { name: /^Support bundle/ })).toHaveCount(0);

  // The rest of the evidence stayed, and the app still reads and analyses.
  await expect(app.textbox('source')).toHaveValue('[root@esx01:~] hostname\nesx01\n');
  await app.paste('source', (await import('../pages/app-page.ts')).example('bind0-6.7/esx-a.txt'));
  await app.idle();
  await app.analyse();
  await expect(app.verdict).toContainText('esx31');
});

test('Cancel stops a reading and adds nothing', async ({ app, page }, info) => {
  const bundle = new BundlePage(page);
  await app.open();
  await app.startWithEvidence();
  // 16 MB that must all be streamed through (stored, so it is quick to build), then a host: cancelled before it.
  // Big bundles (100 MB and more) are bench/web-app.ts's. The Cancel is clicked in the page as soon as it shows, so
  // it lands on the running read however fast or busy the machine is.
  const big = tar([...hostBundle(TOP_B, { 'var/core/zdump.1': randomBytes(16 * MB) }), ...hostBundle(TOP_B, filesB())]);
  await clickWhenShown(page, 'Cancel reading big.tgz');
  await bundle.open(BundlePage.file(info, 'big.tgz', gzipSync(big, { level: 0 })));
  await expect(page.getByRole('progressbar')).toHaveCount(0);
  await expect(page.locator('[data-testid="status"], [role=status]').filter({ hasText: 'Reading big.tgz was cancelled' }).first()).toBeAttached();
  await expect(page.getByRole('region', { name: /^Support bundle/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Analyse' })).toBeDisabled();
});

test('the wizard goes on with the evidence of a bundle', async ({ app, page }, info) => {
  const bundle = new BundlePage(page);
  const wizard = new WizardPage(page);
  await app.open();
  await wizard.start(/vMotion traffic on the management network/);
  await wizard.expectQuestion('vmotionVmknic');
  await page.getByRole('button', { name: 'Paste evidence instead of answering' }).click();
  await bundle.open(BundlePage.file(info, EXPORT, exportZip()));
  await expect(bundle.panel(EXPORT)).toBeVisible({ timeout: HEAVY_STEP });
  await bundle.idle();
  await bundle.pick('source', 'esx21.lab.local');
  await bundle.pick('dest', 'esx22.lab.local');
  await app.idle();
  await page.getByRole('button', { name: 'Use this evidence' }).click();
  // The bundle's hosts answered what they could (the picked pair named), the wizard asks only what they cannot.
  await expect(page.getByText(/^What the evidence answered \(\d+ questions, hosts esx21\.lab\.local → esx22\.lab\.local\)/)).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Progress' })).toContainText('(5 by the evidence)');
  await expect(page.getByRole('list', { name: 'Answers so far' })).toContainText(/3\s*from the evidence/);
  await wizard.expectQuestion('migrationKind');
  await wizard.answer(/^Live vMotion/);
  await expect(wizard.outcome()).toBeVisible();
  await expect(page.getByText('These commands are the general form')).toHaveCount(0);
  await page.getByRole('button', { name: 'See the full analysis of the evidence' }).click();
  await expect(app.heading).toHaveText('Result');
  await expect(app.verdict).toContainText('vMotion leaves esx21.lab.local by vmk1');
  await expect(app.fold('past-h')).toContainText(/Past migrations seen in the logs \(\d+\)/);
  await app.unfold();
  await expect(bundle.pastMigrations).toBeVisible();
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the bundle panel and the past migrations have no serious axe violation (${scheme})`, async ({ app, page }, info) => {
    await page.emulateMedia({ colorScheme: scheme });
    const bundle = new BundlePage(page);
    await openExport(app, bundle, info);
    for (const d of await page.locator('.bundle details summary').all()) await d.click();
    const found = await seriousViolations(page);
    expect(found, 'serious/critical axe violations with a bundle open').toEqual([]);
    await app.analyse();
    await app.unfold();
    for (const d of await bundle.pastMigrations.locator('details summary').all()) await d.click();
    expect(await seriousViolations(page), 'serious/critical axe violations on the result with past migrations').toEqual([]);
  });
}
