/**
 * Screenshots of each main screen, light and dark, at 1280x720 and at 200% zoom, saved under
 * e2e/artifacts/screens/ (git-ignored) for people to look at; the README's pictures come from here. Also the path
 * picture on the result screen, the Scan view with a result, the evidence panel with a support bundle read and
 * the result's past migrations, the exported HTML report as Chromium renders it, and the result screen as it
 * prints (the web build's PDF).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import type { Page, TestInfo } from '@playwright/test';
import { bundleA, bundleB, TS, vcenterBundle } from '../../src/bundles/fixtures.test-support.ts';
import { zip } from '../../src/bundles/test-support.ts';
import { estate50Files } from '../../src/imports/test-support/estate-50.ts';
import { example } from '../pages/app-page.ts';
import type { AppPage } from '../pages/app-page.ts';
import { BundlePage } from '../pages/bundle-page.ts';
import { ScanPage } from '../pages/scan-page.ts';
import { expect, test } from '../support/fixtures.ts';
import { HEAVY_STEP } from '../support/timeouts.ts';

const DIR = 'e2e/artifacts/screens';
mkdirSync(DIR, { recursive: true });

async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  await page.screenshot({ path: `${DIR}/${name}.png`, fullPage });
}

/** Scrolls so that the element with this id is at the top of the window. */
async function scrollTo(page: Page, id: string): Promise<void> {
  await page.locator(`#${id}`).evaluate((el) => el.scrollIntoView({ block: 'start' }));
}

/** The 50-host estate (RVTools tabs and PowerCLI CSVs) scanned in the Scan view. */
async function scanEstate(app: AppPage, page: Page): Promise<void> {
  const scan = new ScanPage(page);
  await app.open();
  await scan.scanFromStart(Object.entries(estate50Files()).map(([name, text]) => ({ name, text })));
  await expect(scan.summary).toContainText('50 hosts in 3 clusters');
}

const EXPORT = 'VMware-vCenter-support-2024-05-03@09-45-00.zip';

/** A vCenter export of esx21 and esx22 (and the vCenter's own bundle) opened on the evidence panel. */
async function openExport(app: AppPage, page: Page, info: TestInfo): Promise<BundlePage> {
  const bundle = new BundlePage(page);
  await app.open();
  await app.startWithEvidence();
  await bundle.open(BundlePage.file(info, EXPORT, zip({ 'esx21.tgz': bundleA(), 'esx22.tgz': bundleB(), 'vc01.tgz': vcenterBundle() })));
  await expect(bundle.panel(EXPORT)).toBeVisible({ timeout: HEAVY_STEP });
  await bundle.idle();
  await app.idle();
  return bundle;
}

for (const scheme of ['light', 'dark'] as const) {
  test(`main screens, ${scheme} theme`, async ({ app, page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await app.open();
    await shot(page, `start-${scheme}`);
    await app.startWithEvidence();
    await app.paste('source', example('bind0-6.7/esx-a.txt'));
    await app.paste('dest', example('bind0-6.7/esx-b.txt'));
    await app.idle();
    await shot(page, `evidence-${scheme}`, true);
    await app.analyse();
    await app.unfold();
    await expect(app.verdict).toBeVisible();
    await shot(page, `result-${scheme}`);
    await page.locator('#picture-h').evaluate((h) => h.scrollIntoView({ block: 'start' }));
    await page.locator('g.arrow[data-class="vmotion"][data-kind="actual"]').focus();
    await expect(page.getByTestId('picture-reason')).toContainText('BindToVmknic');
    await shot(page, `result-picture-${scheme}`);
    await page.locator('#fix-h').scrollIntoViewIfNeeded();
    await shot(page, `result-fix-${scheme}`);
    await page.getByRole('button', { name: 'Back to the evidence' }).click();
    await page.getByRole('button', { name: 'Clear all evidence' }).click();
    await app.paste('source', example('seed-chan-5.0/esx01.txt'));
    await app.paste('dest', example('seed-chan-5.0/esx02.txt'));
    await app.idle();
    await app.analyse();
    await shot(page, `result-uncertain-${scheme}`);

    // The wizard: a question, the evidence request, an outcome.
    await page.getByRole('button', { name: 'Start page' }).click();
    await page.getByRole('button', { name: /vMotion traffic on the management network/ }).click();
    await expect(page.locator('#question-prompt')).toBeVisible();
    await shot(page, `wizard-question-${scheme}`);
    await page.getByRole('group', { name: 'Answers' }).getByRole('button', { name: "I don't know" }).click();
    await expect(page.locator('#evidence-prompt')).toBeVisible();
    await shot(page, `wizard-evidence-${scheme}`);
    await app.paste('source', example('bind0-6.7/esx-a.txt'));
    await app.paste('dest', example('bind0-6.7/esx-b.txt'));
    await app.idle();
    await page.getByRole('button', { name: 'Use this evidence' }).click();
    await expect(page.locator('section.outcome')).toBeVisible();
    await shot(page, `wizard-outcome-${scheme}`);
  });
}

for (const scheme of ['light', 'dark'] as const) {
  test(`the Scan view with a result, ${scheme} theme`, async ({ app, page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await scanEstate(app, page);
    await scrollTo(page, 'scan-summary-h');
    await shot(page, `scan-result-${scheme}`);
    await scrollTo(page, 'scan-hosts-h');
    await shot(page, `scan-result-hosts-${scheme}`);
  });

  test(`a support bundle on the evidence panel and its past migrations on the result, ${scheme} theme`, async ({ app, page }, info) => {
    await page.emulateMedia({ colorScheme: scheme });
    const bundle = await openExport(app, page, info);
    await bundle.host(EXPORT, 'esx21.lab.local').getByText(/outputs recognised/).click();
    // Autosaved, so the header shows "All changes saved", not a passing "Saving…".
    await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
    await shot(page, `evidence-bundle-${scheme}`, true);
    await page.locator('section.bundle').first().evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await shot(page, `evidence-bundle-panel-${scheme}`);
    await bundle.pick('source', 'esx21.lab.local');
    await bundle.pick('dest', 'esx22.lab.local');
    await app.idle();
    await app.analyse();
    await app.unfold();
    await expect(bundle.pastMigrations).toBeVisible();
    // The verdict of a bundle case: its path lines, badges and the sentence on past migrations.
    await page.getByTestId('verdict').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await shot(page, `result-verdict-bundle-${scheme}`);
    // The migration that went over the management vmknics, with its log lines.
    const mgmt = bundle.pastMigrations.locator(`article[data-migration="${TS.mgmt}"]`);
    await mgmt.getByText(/^Log lines?/).click();
    await mgmt.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await shot(page, `result-past-migrations-${scheme}`);
  });
}

test.describe('200% zoom', () => {
  test.use({ viewport: { width: 640, height: 360 }, deviceScaleFactor: 2 });
  test('result at 200% zoom', async ({ app, page }) => {
    await app.open();
    await shot(page, 'start-zoom200');
    await app.startWithEvidence();
    await app.paste('source', example('l3-vmotion-7.0/esx-a.txt'));
    await app.paste('dest', example('l3-vmotion-7.0/esx-b.txt'));
    await app.idle();
    await app.analyse();
    await app.unfold();
    await shot(page, 'result-zoom200');
    await page.locator('#picture-h').evaluate((h) => h.scrollIntoView({ block: 'start' }));
    await shot(page, 'result-picture-zoom200');
  });

  test('the Scan view and a support bundle at 200% zoom', async ({ app, page }, info) => {
    await scanEstate(app, page);
    await scrollTo(page, 'scan-summary-h');
    await shot(page, 'scan-result-zoom200');
    await scrollTo(page, 'scan-hosts-h');
    await shot(page, 'scan-result-hosts-zoom200');
    const bundle = await openExport(app, page, info);
    await page.locator('section.bundle').first().evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await shot(page, 'evidence-bundle-zoom200');
    await bundle.pick('source', 'esx21.lab.local');
    await bundle.pick('dest', 'esx22.lab.local');
    await app.idle();
    await app.analyse();
    await app.unfold();
    await scrollTo(page, 'past-h');
    await shot(page, 'result-past-migrations-zoom200');
  });
});

test('the exported HTML report and the printed result screen', async ({ app, page, context }) => {
  await app.open();
  await app.startWithEvidence();
  await app.paste('source', example('seed-denneman-5.1/source.txt'));
  await app.paste('dest', example('seed-denneman-5.1/dest.txt'));
  await app.chooseMigration('snapshots');
  await app.idle();
  await app.analyse();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export report (HTML)' }).click();
  const report = readFileSync(await (await download).path(), 'utf8');
  const viewer = await context.newPage();
  await viewer.setViewportSize({ width: 1280, height: 720 });
  await viewer.setContent(report, { waitUntil: 'load' });
  await viewer.screenshot({ path: `${DIR}/report-html.png`, fullPage: true });
  await viewer.emulateMedia({ media: 'print' });
  await viewer.screenshot({ path: `${DIR}/report-html-print.png`, fullPage: true });
  await viewer.close();

  // What "Print or save as PDF" gives in the web build: the print style sheet, in the light colours.
  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
  await expect(page.getByRole('button', { name: 'Export report (HTML)' })).toBeHidden();
  // Paper holds everything: the folded parts print open though nobody opened them on screen.
  await expect(app.fold('findings-h')).not.toHaveAttribute('open');
  await expect(app.finding('VMOTION_EGRESS_MISMATCH').first()).toBeVisible();
  await expect(app.plan('R1')).toBeVisible();
  await shot(page, 'result-print', true);
});
