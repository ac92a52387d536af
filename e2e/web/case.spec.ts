/** Cases survive: save to a file and open it again, reopen from "Recent cases", export the report. */
import { readFileSync } from 'node:fs';
import { example } from '../pages/app-page.ts';
import { expect, test } from '../support/fixtures.ts';

test('save a case, open it again from the file and from the recent list', async ({ app, page }) => {
  await app.open();
  await app.startWithEvidence();
  await app.paste('source', example('l3-vmotion-7.0/esx-a.txt'));
  await app.paste('dest', example('l3-vmotion-7.0/esx-b.txt'));
  await app.chooseMigration('cold');
  await app.idle();
  await app.analyse();

  const download = page.waitForEvent('download');
  await page.getByRole('main').getByRole('button', { name: 'Save case' }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toBe('esx61_esx62.vpd.json');
  const file = await saved.path();
  const json = JSON.parse(readFileSync(file, 'utf8')) as { format: string; evidence: { migration: string; sourceText: string } };
  expect(json.format).toBe('vmotion-path-doctor-case');
  expect(json.evidence.migration).toBe('cold');
  expect(json.evidence.sourceText).toContain('[root@esx61:~]');

  // A fresh start: the recent list offers the case, and the file opens too.
  await page.getByRole('button', { name: 'Start page' }).click();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Recent cases' })).toBeVisible();
  await page.getByRole('button', { name: 'esx61 → esx62' }).click();
  await expect(app.heading).toHaveText('Paste the evidence');
  await expect(app.textbox('source')).toHaveValue(/\[root@esx61:~\]/);
  await expect(page.getByLabel('Migration kind')).toHaveValue('cold');

  await page.getByRole('button', { name: 'Start page' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open a case file…' }).click();
  await (await chooser).setFiles(file);
  await expect(app.heading).toHaveText('Paste the evidence');
  await app.idle();
  await app.analyse();
  await expect(app.verdict).toContainText('NFC cold data leaves by');
});

test('a file that is not a case gets one clear sentence', async ({ app, page }) => {
  await app.open();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open a case file…' }).click();
  await (await chooser).setFiles({ name: 'esx-a.txt', mimeType: 'text/plain', buffer: Buffer.from(example('bind0-6.7/esx-a.txt')) });
  await expect(page.getByRole('alert')).toHaveText(/esx-a\.txt is not a case file/);
  await expect(app.heading).toContainText('Why does migration traffic leave');
});

test('export the report as Markdown', async ({ app, page }) => {
  await app.open();
  await app.startWithEvidence();
  await app.paste('source', example('bind0-6.7/esx-a.txt'));
  await app.paste('dest', example('bind0-6.7/esx-b.txt'));
  await app.idle();
  await app.analyse();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export report (Markdown)' }).click();
  const report = readFileSync(await (await download).path(), 'utf8');
  expect(report).toContain('# vMotion Path Doctor');
  expect(report).toContain('vMotion leaves esx31 by vmk0 instead of vmk1');
  expect(report).toContain('VMOTION_EGRESS_MISMATCH');
});
