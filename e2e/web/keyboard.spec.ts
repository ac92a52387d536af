/** A whole case with the keyboard only: Tab, Enter and typing; focus always visible. */
import { example, focusIsVisible, focusedName, tabTo } from '../pages/app-page.ts';
import { expect, test } from '../support/fixtures.ts';

test('keyboard only: start → paste both hosts → analyse → copy a fix command', async ({ app, page }) => {
  await app.open();

  await tabTo(page, /^Paste evidence first$/);
  expect(await focusIsVisible(page), 'focus ring on "Paste evidence first"').toBe(true);
  await page.keyboard.press('Enter');
  await expect(app.heading).toHaveText('Paste the evidence');
  await expect(app.heading).toBeFocused();

  await tabTo(page, /Paste the SSH session of the host the VM leaves/);
  expect(await focusIsVisible(page), 'focus ring on the source text box').toBe(true);
  await page.keyboard.insertText(example('bind0-6.7/esx-a.txt'));
  await tabTo(page, /Paste the session of the host the VM goes to/);
  await page.keyboard.insertText(example('bind0-6.7/esx-b.txt'));
  await app.idle();
  await expect(app.recognisedHost('esx32')).toBeVisible();

  await tabTo(page, /^Analyse$/);
  expect(await focusIsVisible(page), 'focus ring on Analyse').toBe(true);
  await page.keyboard.press('Enter');
  await expect(app.heading).toHaveText('Result');
  await expect(app.heading).toBeFocused();
  await expect(app.verdict).toContainText('vMotion leaves esx31 by vmk0 instead of vmk1');

  // Open the folded fixes by keyboard and copy the BindToVmknic fix, then open a "Why" trace in the folded paths.
  await tabTo(page, /^How to fix it\b/, 200);
  expect(await focusIsVisible(page), 'focus ring on a fold').toBe(true);
  await page.keyboard.press('Enter');
  await expect(app.fold('fix-h')).toHaveAttribute('open');
  await tabTo(page, /^Copy command: esxcli system settings advanced set -o \/Migrate\/BindToVmknic -i 3$/, 400);
  expect(await focusIsVisible(page), 'focus ring on a copy button').toBe(true);
  await page.keyboard.press('Enter');
  await expect.poll(() => app.clipboard()).toBe('esxcli system settings advanced set -o /Migrate/BindToVmknic -i 3');
  await expect(page.getByTestId('status')).toHaveText('Copied command to the clipboard.');
  await tabTo(page, /^Paths per traffic class\b/, 400);
  await page.keyboard.press('Enter');
  await tabTo(page, /^Why \(esx31, egress\)$/, 400);
  await page.keyboard.press('Enter');
  await expect(page.locator('details[open] > summary', { hasText: 'Why (esx31, egress)' })).toBeVisible();

  // And back, still by keyboard.
  await tabTo(page, /^Start page$/, 600);
  await page.keyboard.press('Enter');
  await expect(app.heading).toContainText('Why does migration traffic leave');
  expect(await focusedName(page)).toContain('Why does migration traffic leave');
});
