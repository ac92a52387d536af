/**
 * axe-core on every main screen, in the light and the dark theme: no serious or critical violation. Plus the page
 * reflows at 200% zoom (a 1280x720 window at 200% is a 640x360 CSS viewport): no sideways scrolling, on the start,
 * result, Scan (with a result) and evidence (with a support bundle read) screens; only a wide table may scroll, inside
 * its own region that the keyboard can reach.
 */
import type { Page } from '@playwright/test';
import { bundleA, bundleB, vcenterBundle } from '../../src/bundles/fixtures.test-support.ts';
import { zip } from '../../src/bundles/test-support.ts';
import { estate50Files } from '../../src/imports/test-support/estate-50.ts';
import { example } from '../pages/app-page.ts';
import type { AppPage } from '../pages/app-page.ts';
import { BundlePage } from '../pages/bundle-page.ts';
import { ScanPage } from '../pages/scan-page.ts';
import { seriousViolations } from '../support/axe.ts';
import { expect, test } from '../support/fixtures.ts';
import { HEAVY_STEP } from '../support/timeouts.ts';

async function scan(page: Page, screen: string): Promise<void> {
  const found = await seriousViolations(page);
  expect(found, `serious/critical axe violations on the ${screen} screen`).toEqual([]);
}

async function toResult(app: AppPage, source: string, dest?: string): Promise<void> {
  await app.startWithEvidence();
  await app.paste('source', example(source));
  if (dest) await app.paste('dest', example(dest));
  await app.idle();
  await app.analyse();
  await app.unfold();
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} theme`, () => {
    test.use({ colorScheme: scheme });

    test('start and evidence screens have no serious axe violation', async ({ app, page }) => {
      await app.open();
      await scan(page, 'start');
      await app.startWithEvidence();
      await scan(page, 'empty evidence');
      await app.paste('source', example('bind0-6.7/esx-a.txt'));
      await app.pasteEvent('dest', 'not a session at all');
      await app.idle();
      await scan(page, 'filled evidence with an error');
    });

    test('result screens (certain and uncertain) have no serious axe violation', async ({ app, page }) => {
      await app.open();
      await toResult(app, 'bind0-6.7/esx-a.txt', 'bind0-6.7/esx-b.txt');
      await page.locator('tr.trace-row details summary').first().click();
      await scan(page, 'result');
      await page.getByRole('button', { name: 'Back to the evidence' }).click();
      await page.getByRole('button', { name: 'Clear all evidence' }).click();
      await app.paste('source', example('seed-chan-5.0/esx01.txt'));
      await app.paste('dest', example('seed-chan-5.0/esx02.txt'));
      await app.idle();
      await app.analyse();
      await app.unfold();
      await scan(page, 'uncertain result');
    });

    test('wizard screens (question, evidence request, outcome) have no serious axe violation', async ({ app, page }) => {
      await app.open();
      await page.getByRole('button', { name: /vMotion fails or times out/ }).click();
      await expect(page.locator('#question-prompt')).toBeVisible();
      await scan(page, 'wizard question');
      await page.getByRole('group', { name: 'Answers' }).getByRole('button', { name: "I don't know" }).click();
      await expect(page.locator('#evidence-prompt')).toBeVisible();
      await scan(page, 'wizard evidence request');
      await app.paste('source', example('vmotion-stack-8.0/esx-a.txt'));
      await app.paste('dest', example('vmotion-stack-8.0/esx-b.txt'));
      await app.idle();
      await page.getByRole('button', { name: 'Use this evidence' }).click();
      await expect(page.locator('section.outcome')).toBeVisible();
      await scan(page, 'wizard outcome');
    });
  });
}

test.describe('200% zoom', () => {
  test.use({ viewport: { width: 640, height: 360 }, deviceScaleFactor: 2 });

  /** How far the page scrolls sideways (px): 0 when it reflows. */
  const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

  test('every screen reflows without sideways scrolling', async ({ app, page }) => {
    await app.open();
    expect(await sideways(page), 'horizontal overflow on the start screen (px)').toBeLessThanOrEqual(0);
    await toResult(app, 'vmotion-stack-8.0/esx-a.txt', 'vmotion-stack-8.0/esx-b.txt');
    // Checked with every fold open (toResult opens them), so all of the result's content is measured.
    expect(await sideways(page), 'horizontal overflow on the result screen (px)').toBeLessThanOrEqual(0);
    await page.evaluate(() => window.scrollTo(0, 0));
    await expect(page.getByTestId('verdict-lines')).toBeInViewport();
  });

  test('the Scan view with a result reflows; the host table scrolls only inside its own focusable region', async ({ app, page }) => {
    const scan = new ScanPage(page);
    await app.open();
    await scan.scanFromStart(Object.entries(estate50Files()).map(([name, text]) => ({ name, text })));
    // Every part of the result on screen: a group unfolded and a host's details open.
    await scan.group('host', 'NO_VMOTION_VMKNIC').locator('summary').click();
    await scan.details('esx00014.dc0.example.com');
    expect(await sideways(page), 'horizontal overflow on the Scan view with a result (px)').toBeLessThanOrEqual(0);
    // The host table is wider than 640 px: it scrolls in its region, which Tab reaches and which has a name.
    const region = page.getByRole('region', { name: 'Hosts, scrollable' });
    const wide = await region.evaluate((el) => el.scrollWidth > el.clientWidth);
    expect(wide, 'the host table is wider than the window at 200 %, so its region is what scrolls').toBe(true);
    await region.focus();
    await expect(region).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    expect(await sideways(page), 'horizontal overflow after scrolling the host table (px)').toBeLessThanOrEqual(0);
  });

  test('the evidence panel with a support bundle read, and the result with its past migrations, reflow', async ({ app, page }, info) => {
    const bundle = new BundlePage(page);
    const name = 'VMware-vCenter-support-2024-05-03@09-45-00.zip';
    await app.open();
    await app.startWithEvidence();
    await bundle.open(BundlePage.file(info, name, zip({ 'esx21.tgz': bundleA(), 'esx22.tgz': bundleB(), 'vc01.tgz': vcenterBundle() })));
    await expect(bundle.panel(name)).toBeVisible({ timeout: HEAVY_STEP });
    await bundle.idle();
    for (const d of await page.locator('.bundle details summary').all()) await d.click();
    expect(await sideways(page), 'horizontal overflow on the evidence panel with a bundle read (px)').toBeLessThanOrEqual(0);
    await bundle.pick('source', 'esx21.lab.local');
    await bundle.pick('dest', 'esx22.lab.local');
    await app.idle();
    await app.analyse();
    await app.unfold();
    await expect(bundle.pastMigrations).toBeVisible();
    for (const d of await bundle.pastMigrations.locator('details summary').all()) await d.click();
    expect(await sideways(page), 'horizontal overflow on the result with past migrations (px)').toBeLessThanOrEqual(0);
  });
});
