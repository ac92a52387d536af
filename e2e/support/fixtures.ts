/**
 * The `test` every web spec uses. Automatic guards, checked after each test:
 * - no request leaves 127.0.0.1: anything else is aborted AND fails the test (the app is offline by design);
 * - no uncaught page error and no console error (a CSP violation or a failed worker shows up there).
 * Plus `app`, the page object.
 */
import { test as base, expect } from '@playwright/test';
import { AppPage } from '../pages/app-page.ts';

interface Guards {
  networkGuard: string[];
  pageErrors: string[];
}

export const test = base.extend<Guards & { app: AppPage }>({
  networkGuard: [
    async ({ context }, use) => {
      const leaks: string[] = [];
      await context.route(/.*/, (route) => {
        const url = new URL(route.request().url());
        if (url.hostname === '127.0.0.1' && (url.protocol === 'http:' || url.protocol === 'ws:')) return route.continue();
        leaks.push(route.request().url());
        return route.abort('blockedbyclient');
      });
      context.on('request', (r) => {
        const u = r.url();
        if (!/^(http:\/\/127\.0\.0\.1[:/]|blob:|data:)/.test(u) && !leaks.includes(u)) leaks.push(u);
      });
      await use(leaks);
      expect(leaks, 'requests that tried to leave 127.0.0.1').toEqual([]);
    },
    { auto: true },
  ],
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(`console error: ${m.text()}`);
      });
      await use(errors);
      expect(errors, 'errors in the page').toEqual([]);
    },
    { auto: true },
  ],
  app: async ({ page }, use) => {
    await use(new AppPage(page));
  },
});

export { expect };
