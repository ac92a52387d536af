/**
 * axe-core on every main screen, in the light and the dark theme: no serious or critical violation. Plus the page
 * reflows at 200% zoom (a 1280x720 window at 200% is a 640x360 CSS viewport): no sideways scrolling.
 */
import type { Page } from '@playwright/test';
import { example } from '../pages/app-page.ts';
import type { AppPage } from '../pages/app-page.ts';
import { seriousViolations } from '../support/axe.ts';
import { expect, test } from '../support/fixtures.ts';

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
      await page.locator('details summary').first().click();
      await scan(page, 'result');
      await page.getByRole('button', { name: 'Back to the evidence' }).click();
      await page.getByRole('button', { name: 'Clear all evidence' }).click();
      await app.paste('source', example('seed-chan-5.0/esx01.txt'));
      await app.paste('dest', example('seed-chan-5.0/esx02.txt'));
      await app.idle();
      await app.analyse();
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

  test('every screen reflows without sideways scrolling', async ({ app, page }) => {
    const noSideways = async (screen: string) => {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `horizontal overflow on the ${screen} screen (px)`).toBeLessThanOrEqual(0);
    };
    await app.open();
    await noSideways('start');
    await toResult(app, 'vmotion-stack-8.0/esx-a.txt', 'vmotion-stack-8.0/esx-b.txt');
    await noSideways('result');
    await expect(app.verdict).toBeInViewport();
  });
});
