/**
 * A hostile case file (issue 17): 200,000 one-character evidence items once ran as one 57 s task on the UI thread
 * and, autosaved, froze the app again when reopened from the recent list. Now it is refused with a sentence naming
 * the limit (read in the case worker), and an autosaved case that cannot be opened is marked on the list, saying
 * why, with a Remove button.
 */
import { expect, test } from '../support/fixtures.ts';

const crafted = (items: number) =>
  JSON.stringify({
    format: 'vpdcase',
    version: 3,
    createdAt: '2026-11-25T09:00:00.000Z',
    updatedAt: '2026-11-25T09:00:00.000Z',
    evidence: Array.from({ length: items }, (_, i) => ({ id: `e${i}`, name: 'x', text: 'x', role: 'source' })),
    answers: {},
    migration: 'live',
    notes: '',
  });

test('a case file of 200,000 evidence items is refused with the limit and the count', async ({ app, page }) => {
  await app.open();
  await app.openCaseFile({ name: 'crafted.vpdcase', mimeType: 'application/octet-stream', buffer: Buffer.from(crafted(200_000)) });
  await expect(page.getByRole('alert')).toHaveText('crafted.vpdcase holds 200,000 evidence items; a case holds at most 500: it is not a case this app wrote. Nothing was opened.');
  await expect(app.heading).toContainText('Why does migration traffic leave');
});

test('an autosaved case that cannot be opened is marked on the recent list and can be removed', async ({ app, page }) => {
  await app.open();
  // What a crafted case left in the browser's storage by an older build looks like: listed, but over the caps.
  await page.evaluate((text) => {
    localStorage.setItem('vpd.case.case-crafted1', text);
    localStorage.setItem('vpd.cases', JSON.stringify([{ id: 'case-crafted1', title: 'crafted', updatedAt: '2026-11-25T09:00:00.000Z', bytes: text.length, where: 'local' }]));
  }, crafted(600));
  await page.reload();
  await expect(app.recentCases).toHaveCount(1);
  await app.recentCases.first().click();
  await expect(page.getByRole('alert')).toContainText('holds 600 evidence items; a case holds at most 500');
  const list = page.getByRole('list', { name: 'Recent cases' });
  await expect(list).toContainText('Could not be opened: crafted holds 600 evidence items');
  await page.getByRole('button', { name: 'Remove crafted from the recent cases' }).click();
  await expect(page.getByRole('heading', { name: 'Recent cases' })).toBeHidden();
  expect(await page.evaluate(() => [localStorage.getItem('vpd.case.case-crafted1'), localStorage.getItem('vpd.cases')])).toEqual([null, '[]']);
});
