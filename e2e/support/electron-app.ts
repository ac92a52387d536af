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
import { probeElectron } from '../../electron/binary.ts';
import { HEAVY_STEP } from './timeouts.ts';

export function skipWithoutElectron(): void {
  const probe = probeElectron();
  if (probe.found) return;
  if (process.env.REQUIRE_ELECTRON === '1') throw new Error(`REQUIRE_ELECTRON=1 but there is no Electron binary at ${probe.where}`);
  test.skip(true, `no Electron binary at ${probe.where}`);
}

export interface Launched {
  readonly app: ElectronApplication;
  readonly page: Page;
  /** The profile folder (VPD_USER_DATA): autosaved cases are in `<userData>/cases`. */
  readonly userData: string;
  close(): Promise<void>;
  /** Ends the app at once with SIGKILL (no unload, no flush), as a crash or a killed process would. */
  kill(): Promise<void>;
}

export interface LaunchOptions {
  /** Reuse a profile (to relaunch after a kill); it is then left in place on close. Default: a fresh temp one. */
  readonly userData?: string;
}

export async function launchApp(options: LaunchOptions = {}): Promise<Launched> {
  const userData = options.userData ?? mkdtempSync(join(tmpdir(), 'vpd-e2e-'));
  const own = options.userData === undefined;
  const app = await electron.launch({
    args: ['out/main/index.cjs'],
    env: { ...process.env, VPD_USER_DATA: userData } as Record<string, string>,
    timeout: HEAVY_STEP,
  });
  const page = await app.firstWindow();
  await expect(page.getByTestId('app-ready')).toBeVisible();
  return {
    app,
    page,
    userData,
    async close() {
      const pid = app.process().pid;
      await Promise.race([app.close(), new Promise((r) => setTimeout(r, 10_000))]);
      if (pid !== undefined && app.process().exitCode === null) app.process().kill('SIGKILL');
      if (own) rmSync(userData, { recursive: true, force: true });
    },
    async kill() {
      const proc = app.process();
      const exited = new Promise((r) => proc.once('exit', r));
      proc.kill('SIGKILL');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    },
  };
}
