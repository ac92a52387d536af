/**
 * The ground the other specs stand on: Debian's Chromium is there (a missing browser is a failure, not a skip,
 * style.md §10), the page carries its CSP, and the first screen becomes interactive. How quickly is measured by
 * `npm run bench:web` (bench/web.ts: against a blank page in the same run, goal 1.5 s), never asserted here.
 */
import { chromiumMissingMessage } from '../../tools/chromium.ts';
import { expect, test } from '../support/fixtures.ts';

test('Debian Chromium is installed at the configured path', () => {
  expect(chromiumMissingMessage(), 'install it with: apt-get install -y chromium').toBeUndefined();
});

test('the page ships a strict Content-Security-Policy and no inline script', async ({ app, page }) => {
  await app.open();
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).not.toContain('unsafe-inline');
  expect(await page.locator('script:not([src])').count()).toBe(0);
});

test('the start screen becomes interactive: its first action opens the evidence screen', async ({ app, page }) => {
  await app.open();
  await expect(page.getByRole('button', { name: 'Paste evidence first' })).toBeEnabled();
  await app.startWithEvidence();
  await expect(app.textbox('source')).toBeEditable();
});
