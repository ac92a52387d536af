/**
 * Two projects (style.md §10): `web` drives the built renderer (out/renderer, served by `vite preview` on
 * 127.0.0.1) in Debian's Chromium; `electron` drives the real shell and is skipped, by name and with the reason,
 * where no Electron binary exists. No browser is ever downloaded.
 */
import { availableParallelism } from 'node:os';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './tools/chromium.ts';
import { HEAVY_STEP } from './e2e/support/timeouts.ts';

const port = Number(process.env.E2E_PORT ?? 5198);

export default defineConfig({
  testDir: 'e2e',
  // E2E_OUT: a separate results folder per parallel run (Playwright empties it when it starts).
  outputDir: process.env.E2E_OUT ?? 'e2e/artifacts/test-results',
  // Limits for a stuck test or step, not speed goals (speed is `npm run bench:web`). They sit far above the normal
  // times so the suite stays green on two cores at a load of 14, where a 20 s test takes two minutes: a red build
  // then means a wrong behaviour, never a busy machine. Heavy steps (a worker reading megabytes) wait HEAVY_STEP.
  timeout: 300_000,
  expect: { timeout: 30_000 },
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // One Playwright worker (a test process and its Chromium) per core, at most 4; the one preview server serves them
  // all. Measured on the 2-core machine at a load of 15-26: 15 specs took 115 s with one worker, 101 s with two
  // (a test waits on its page's workers much of the time, so two overlap well). E2E_WORKERS overrides.
  workers: Number(process.env.E2E_WORKERS ?? Math.min(4, Math.max(1, availableParallelism()))),
  reporter: [['list'], ['./e2e/support/summary-reporter.ts']],
  globalSetup: './e2e/support/global-setup.ts',
  webServer: {
    command: `npx vite preview --port ${port} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: HEAVY_STEP,
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
