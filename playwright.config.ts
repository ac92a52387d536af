/**
 * Two projects (style.md §10): `web` drives the built renderer (out/renderer, served by `vite preview` on
 * 127.0.0.1) in Debian's Chromium; `electron` drives the real shell and is skipped, by name and with the reason,
 * where no Electron binary exists. No browser is ever downloaded.
 */
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './tools/chromium.ts';

const port = Number(process.env.E2E_PORT ?? 5198);

export default defineConfig({
  testDir: 'e2e',
  // E2E_OUT: a separate results folder per parallel run (Playwright empties it when it starts).
  outputDir: process.env.E2E_OUT ?? 'e2e/artifacts/test-results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // Two cores: the server, the browser and the worker share them.
  workers: 2,
  reporter: [['list'], ['./e2e/support/summary-reporter.ts']],
  globalSetup: './e2e/support/global-setup.ts',
  webServer: {
    command: `npx vite preview --port ${port} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
  },
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'web',
      testDir: 'e2e/web',
      use: {
        browserName: 'chromium',
        viewport: { width: 1280, height: 720 },
        launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
        permissions: ['clipboard-read', 'clipboard-write'],
      },
    },
    {
      name: 'electron',
      testDir: 'e2e/electron',
      // One Electron app at a time (known flakiness with parallel launches, microsoft/playwright #27658).
      fullyParallel: false,
    },
  ],
});
