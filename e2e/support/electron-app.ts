/**
 * Runner for the Electron specs (Podman Desktop's runner, style.md §10): launch the unpackaged app with a fresh
 * profile, wait for the app-ready marker, and close with a timeout, killing the process if it hangs. Specs call
 * `skipWithoutElectron()` first: no binary → skipped by name with the reason (REQUIRE_ELECTRON=1 → failure).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import type { ElectronApplication, Page } from '@playwright/test';
import { probeElectron } from './electron-binary.ts';

export function skipWithoutElectron(): void {
  const probe = probeElectron();
  if (probe.found) return;
  if (process.env.REQUIRE_ELECTRON === '1') throw new Error(`REQUIRE_ELECTRON=1 but there is no Electron binary at ${probe.where}`);
  test.skip(true, `no Electron binary at ${probe.where}`);
}

export interface Launched {
  readonly app: ElectronApplication;
  readonly page: Page;
  close(): Promise<void>;
}

export async function launchApp(): Promise<Launched> {
  const userData = mkdtempSync(join(tmpdir(), 'vpd-e2e-'));
  const app = await electron.launch({
    args: ['out/main/index.cjs'],
    env: { ...process.env, VPD_USER_DATA: userData } as Record<string, string>,
    timeout: 30_000,
  });
  const page = await app.firstWindow();
  await expect(page.getByTestId('app-ready')).toBeVisible();
  return {
    app,
    page,
    async close() {
      const pid = app.process().pid;
      await Promise.race([app.close(), new Promise((r) => setTimeout(r, 10_000))]);
      if (pid !== undefined && app.process().exitCode === null) app.process().kill('SIGKILL');
      rmSync(userData, { recursive: true, force: true });
    },
  };
}
