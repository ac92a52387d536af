/**
 * Each seed scenario end to end in the web build: evidence in (pasted, or as files), the recognised hosts shown,
 * Analyse, the right verdict and path, the right findings and fix; one command copied and read back from the
 * clipboard.
 */
import { example } from '../pages/app-page.ts';
import { SEEDS } from '../fixtures/seeds.ts';
import { expect, test } from '../support/fixtures.ts';

for (const seed of SEEDS) {
  test(seed.name, async ({ app, page }) => {
    await app.open();
    await app.startWithEvidence();
    if (seed.asFiles) {
      await page.getByLabel('Add Source host evidence files').setInputFiles(`examples/${seed.source}`);
      if (seed.dest) await page.getByLabel('Add Destination host evidence (optional) files').setInputFiles(`examples/${seed.dest}`);
    } else {
      await app.paste('source', example(seed.source));
      if (seed.dest) await app.paste('dest', example(seed.dest));
    }
    if (seed.migration) await app.chooseMigration(seed.migration);
    await app.idle();
    for (const host of seed.hosts) await expect(app.recognisedHost(host)).toBeVisible();

    await app.analyse();
    await app.unfold();
    await expect(app.verdict).toContainText(seed.verdict);
    const row = app.flow(seed.path.traffic, 'source', 'egress').first();
    await expect(row.locator('td').nth(2).locator('.mono')).toHaveText(seed.path.text);
    if (seed.path.wrong) await expect(row.locator('td').nth(2)).toContainText('not the intended vmknic');
    for (const id of seed.findings) await expect(app.finding(id).first(), `finding ${id}`).toBeVisible();
    for (const id of seed.absent ?? []) await expect(app.finding(id), `finding ${id} must not be raised`).toHaveCount(0);

    if (seed.uncertain) await expect(page.getByRole('heading', { name: 'To be sure' })).toBeVisible();

    if (seed.plan) {
      const plan = app.plan(seed.plan.id);
      await expect(plan).toBeVisible();
      const shell = plan.getByRole('group', { name: `${seed.plan.id} ESXi shell commands` });
      const command = shell.locator('li.command code').filter({ hasText: seed.plan.matches }).first();
      await expect(command).toBeVisible();
      const text = (await command.textContent()) ?? '';
      await command.locator('xpath=..').getByRole('button', { name: /^Copy command/ }).click();
      await expect.poll(() => app.clipboard()).toBe(text);
      await expect(page.getByTestId('status')).toHaveText('Copied command to the clipboard.');
    }
    if (seed.settle) {
      const settle = page.getByRole('group', { name: 'Commands whose output would settle the analysis' });
      const line = settle.locator('li.command').filter({ hasText: seed.settle }).first();
      await line.getByRole('button', { name: /^Copy command/ }).click();
      await expect.poll(() => app.clipboard()).toBe(seed.settle);
    }
  });
}

test('two hosts in one paste are paired source → destination, and the pairing can be changed (also to an assumed peer)', async ({ app, page }) => {
  await app.open();
  await app.startWithEvidence();
  await app.paste('source', example('messy/two-hosts-one-paste.txt'));
  await app.idle();
  await expect(page.getByText(/holds more than one host: esx01 is analysed as the source and esx02 as the destination/)).toBeVisible();
  await page.getByLabel('Source host', { exact: true }).selectOption('esx02');
  await app.idle();
  // "(assumed peer)": no destination host although the paste holds another; the one left out is named.
  await page.getByLabel('Destination host', { exact: true }).selectOption({ label: '(assumed peer)' });
  await app.idle();
  await expect(page.getByText(/^Not analysed: esx01 /)).toBeVisible();
  await expect(page.getByLabel('Destination host', { exact: true })).toHaveValue('');
  await app.analyse();
  await expect(app.verdict).toContainText(/vMotion leaves esx02 by/);
});

test('the same host pasted on both sides is one host, and a note says which copy is analysed', async ({ app, page }) => {
  await app.open();
  await app.startWithEvidence();
  await app.paste('source', example('bind0-6.7/esx-a.txt'));
  await app.paste('dest', example('bind0-6.7/esx-a.txt'));
  await app.idle();
  await expect(page.getByText('esx31 is in the evidence 2 times (in source paste, destination paste); the copy from source paste, given first, is analysed.')).toBeVisible();
  await expect(app.recognisedHost('esx31')).toHaveCount(1);
  await app.analyse();
  await expect(app.verdict).toContainText(/vMotion leaves esx31 by vmk0/);
});
