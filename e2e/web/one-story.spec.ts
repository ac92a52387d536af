/**
 * One story from the first question to the report (issue 15): what the engineer answered shows the same everywhere
 * (diagnosis, full analysis, picture, both reports), the migration kind is the one answered, every end state can be
 * exported, and the first screen of each seed result holds the verdict and the first fix with its Copy button.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { example, type AppPage } from '../pages/app-page.ts';
import { WizardPage } from '../pages/wizard-page.ts';
import { SEEDS } from '../fixtures/seeds.ts';
import { findInternalReferences } from '../../src/core/present/internal-refs.ts';
import { expect, test } from '../support/fixtures.ts';

const CHAN_LINE = /vMotion leaves esx01\S* by vmk0 instead of vmk1 — likely/;

/** From the management-network symptom, paste a pair of hosts instead of answering and hand it to the wizard. */
async function pasteIntoWizard(app: AppPage, page: Page, wizard: WizardPage, source: string, dest: string): Promise<void> {
  await app.open();
  await wizard.start(/vMotion traffic on the management network/);
  await page.getByRole('button', { name: 'Paste evidence instead of answering' }).click();
  await app.paste('source', example(source));
  await app.paste('dest', example(dest));
  await app.idle();
  await page.getByRole('button', { name: 'Use this evidence' }).click();
}

test('Chan with the test vMotion answered: the same egress on the diagnosis, the analysis, the picture and both reports', async ({ app, page }) => {
  const wizard = new WizardPage(page);
  await pasteIntoWizard(app, page, wizard, 'seed-chan-5.0/esx01.txt', 'seed-chan-5.0/esx02.txt');
  await wizard.expectQuestion('observedEgress');
  await wizard.answer(/^vmk0/);

  await expect(wizard.outcome()).toHaveAttribute('data-outcome', /^dx/);
  await expect(wizard.outcome()).toContainText(CHAN_LINE);
  // The diagnosis screen, its folds included, cites no internal document or mark.
  expect(await app.internalReferences()).toEqual([]);

  await page.getByRole('button', { name: 'See the full analysis of the evidence' }).click();
  await expect(app.heading).toHaveText('Result');
  await app.unfold();
  await expect(page.getByTestId('verdict-lines')).toContainText(CHAN_LINE);
  await expect(page.locator('[data-answer="measuredEgress"]')).toContainText('Answered in the wizard: a test vMotion showed the traffic on the management vmknic (vmk0)');
  await expect(page.getByTestId('migration-kind')).toHaveText(/^Live vMotion/);
  const row = app.flow('vmotion', 'source', 'egress').first();
  await expect(row.locator('td').nth(2).locator('.mono')).toHaveText('vmk0');
  await expect(row.locator('td').nth(2)).toContainText('not the intended vmknic');
  // Nobody asks for the measurement again ("To be sure"); the fixes' own checks may still use it to verify a change.
  await expect(page.locator('section[aria-labelledby="settle-h"]').getByText('during a test vMotion: the local address')).toHaveCount(0);
  await expect(app.finding('EGRESS_UNCERTAIN')).toHaveCount(0);
  await expect(app.finding('VMOTION_EGRESS_MISMATCH').first()).toBeVisible();
  // The picture draws the actual vMotion path from vmk0, not an uncertain one.
  const picture = page.locator('section[aria-labelledby="picture-h"]');
  await expect(picture).toContainText(/vmk0/);
  await expect(picture.locator('svg')).not.toContainText(/vmk0 or vmk1/);

  const html = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export report (HTML)' }).click();
  const report = readFileSync(await (await html).path(), 'utf8');
  expect(report).toMatch(CHAN_LINE);
  expect(report).toContain('Answered in the wizard: a test vMotion showed the traffic on the management vmknic (vmk0)');
  const md = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export report (Markdown)' }).click();
  const markdown = readFileSync(await (await md).path(), 'utf8');
  expect(markdown).toMatch(CHAN_LINE);
  expect(markdown).toContain('Migration kind: Live vMotion');
  expect(markdown).not.toContain('EGRESS_UNCERTAIN');
});

test('Denneman 5.1: the wizard asks neither the value nor a measurement, and says "vmk0 — likely" as the full analysis does', async ({ app, page }) => {
  const wizard = new WizardPage(page);
  await pasteIntoWizard(app, page, wizard, 'seed-denneman-5.1/source.txt', 'seed-denneman-5.1/dest.txt');
  const line = /vMotion leaves esx11\S* by vmk0 instead of vmk1 — likely/;
  await expect(wizard.outcome('dxLegacyMismatchLikely')).toBeVisible();
  await expect(wizard.outcome()).toContainText(line);
  await expect(wizard.outcome()).toContainText('esxcfg-advcfg -g /Migrate/BindToVmknic');
  await page.getByRole('button', { name: 'See the full analysis of the evidence' }).click();
  await expect(app.heading).toHaveText('Result');
  await expect(page.getByTestId('verdict-lines')).toContainText(line);
  await expect(app.finding('EGRESS_UNCERTAIN')).toHaveCount(0);
});

test('a live-only case shows the same findings in the wizard and the result, analysed as live', async ({ app, page }) => {
  const wizard = new WizardPage(page);
  await pasteIntoWizard(app, page, wizard, 'modern-7.0u3-same-subnet/esx-a.txt', 'modern-7.0u3-same-subnet/esx-b.txt');
  await wizard.expectQuestion('migrationKind');
  await wizard.answer(/^Live vMotion/);
  await expect(wizard.outcome()).toHaveAttribute('data-busy', 'false');
  const inWizard = await page.locator('article[data-finding]').evaluateAll((els) => els.map((e) => e.getAttribute('data-finding')));

  await page.getByRole('button', { name: 'See the full analysis of the evidence' }).click();
  await expect(page.getByTestId('migration-kind')).toHaveText(/^Live vMotion/);
  await expect(page.getByText('as answered in the wizard')).toBeVisible();
  const inResult = await page.locator('article[data-finding]').evaluateAll((els) => els.map((e) => e.getAttribute('data-finding')));
  // The wizard lists the findings its diagnosis names, from the same analysis the result shows in full.
  expect(inWizard.length).toBeGreaterThan(0);
  for (const id of inWizard) expect(inResult).toContain(id);
  // Analysed as the live vMotion answered, not as a migration with snapshots: no cold data is moved.
  expect(inResult).not.toContain('COLD_DATA_OVER_MANAGEMENT');
  await page.getByRole('button', { name: 'Back to the evidence' }).click();
  const again = await page.locator('article[data-finding]').evaluateAll((els) => els.map((e) => e.getAttribute('data-finding')));
  expect(again).toEqual(inWizard);
});

test('an escalation has Copy buttons for what to collect and exports a hand-over report', async ({ app, page }) => {
  const wizard = new WizardPage(page);
  await pasteIntoWizard(app, page, wizard, 'seed-chan-5.0/esx01.txt', 'seed-chan-5.0/esx02.txt');
  await wizard.expectQuestion('observedEgress');
  await wizard.answer("I don't know");
  await expect(wizard.outcome()).toHaveAttribute('data-outcome', /^esc/);
  const copy = page.locator('#collect-h ~ ol').getByRole('button', { name: /^Copy command/ }).first();
  await expect(copy).toBeVisible();
  await copy.click();
  await expect.poll(() => app.clipboard()).not.toBe('');

  const md = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export report (Markdown)' }).click();
  const download = await md;
  expect(download.suggestedFilename()).toMatch(/-escalation\.md$/);
  const text = readFileSync(await download.path(), 'utf8');
  expect(text).toContain('## What to collect next');
  expect(text).toContain('## What is known');
  expect(text).toContain('```sh');
  expect(findInternalReferences(text)).toEqual([]);
  expect(await app.internalReferences()).toEqual([]);
  const html = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export report (HTML)' }).click();
  const handover = readFileSync(await (await html).path(), 'utf8');
  expect(handover).toContain('What to collect next');
  expect(findInternalReferences(handover)).toEqual([]);
});

for (const seed of SEEDS.filter((s) => s.dest !== undefined)) {
  test(`first screen of ${seed.name}: verdict and the first fix with its Copy button`, async ({ app, page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await app.open();
    await app.startWithEvidence();
    await app.paste('source', example(seed.source));
    await app.paste('dest', example(seed.dest!));
    if (seed.migration) await app.chooseMigration(seed.migration);
    await app.idle();
    await app.analyse();
    await page.evaluate(() => window.scrollTo(0, 0));
    await expect(page.getByTestId('verdict-lines')).toBeInViewport();
    const fix = page.getByTestId('first-fix');
    if ((await page.locator('article[data-plan]').count()) > 0) {
      await expect(fix.locator('h2')).toBeInViewport();
      await expect(fix.getByRole('button', { name: /^Copy/ }).first()).toBeInViewport();
    }
    await page.screenshot({ path: `e2e/artifacts/first-screens/first-screen-${seed.name.split(':')[0]}.png` });

    // Below the first screen the rest is folded: each part says what it holds, and opens on click.
    for (const id of ['fix-h', 'picture-h', 'paths-h', 'findings-h']) {
      const fold = app.fold(id);
      await expect(fold, `fold ${id}`).not.toHaveAttribute('open');
      await expect(fold.locator('summary .what')).not.toBeEmpty();
    }
    await expect(app.fold('findings-h').locator('summary')).toContainText(/^Findings \(\d+\)/);
    await expect(app.finding(seed.findings[0]!).first()).toBeHidden();
    await app.fold('findings-h').locator('summary').click();
    await expect(app.finding(seed.findings[0]!).first()).toBeVisible();
    await expect(app.flow(seed.path.traffic, 'source', 'egress').first()).toBeHidden();
    // An in-page link opens the part it points at: the first fix's "full plan below" opens "How to fix it".
    if ((await page.locator('article[data-plan]').count()) > 0) {
      await fix.getByRole('link', { name: 'the full plan below' }).click();
      await expect(app.fold('fix-h')).toHaveAttribute('open');
      await expect(page.locator('article[data-plan]').first()).toBeVisible();
    }
    // Folded, the page is shorter than with every part open (the Chan result was ~13,000 px with everything open).
    const folded = await page.evaluate(() => document.documentElement.scrollHeight);
    await app.unfold();
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeGreaterThan(folded);

    // Nothing a reader sees, folded or not, nor the report handed on, cites an internal document or mark.
    expect(await app.internalReferences()).toEqual([]);
    const md = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export report (Markdown)' }).click();
    expect(findInternalReferences(readFileSync(await (await md).path(), 'utf8'))).toEqual([]);
  });
}
