/**
 * Autosave in the real shell: main writes `<userData>/cases/<id>.vpdcase` atomically (temp file, fsync, rename).
 * Killing the app with SIGKILL while a save is under way must leave the previous save whole, and the relaunched
 * app must reopen the case from its recent list. Runs where an Electron binary exists (skipped by name otherwise).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { parseCase } from '../../src/core/case/index.ts';
import { AppPage, example } from '../pages/app-page.ts';
import { launchApp, skipWithoutElectron } from '../support/electron-app.ts';

function savedCases(userData: string): string[] {
  return readdirSync(join(userData, 'cases')).filter((f) => f.endsWith('.vpdcase'));
}

test('electron: killed while saving, the app reopens the case intact', async () => {
  skipWithoutElectron();
  const userData = mkdtempSync(join(tmpdir(), 'vpd-e2e-kill-'));
  try {
    const first = await launchApp({ userData });
    const app = new AppPage(first.page);
    const text = example('bind0-6.7/esx-a.txt');
    await app.startWithEvidence();
    await app.paste('source', text.slice(0, -1));
    await expect(first.page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');

    // The last keystroke, then a 24 MB paste whose save takes a moment: the app is killed as soon as a save starts
    // (a MutationObserver sees the indicator turn to "saving", however briefly).
    const saving = first.page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const el = document.querySelector('[data-testid="save-state"]')!;
          new MutationObserver(() => {
            if (el.getAttribute('data-state') === 'saving') resolve();
          }).observe(el, { attributes: true, attributeFilter: ['data-state'] });
        }),
    );
    await app.textbox('source').press('ControlOrMeta+End');
    await first.page.keyboard.type(text.slice(-1));
    await app.pasteEvent('dest', { repeat: 'vmkernel: cpu1:2099) NetPort: 1 disabled port 0x4000004\n', times: 420_000 });
    await saving;
    await first.kill();

    // Whatever the kill interrupted, the case on disk is one whole save (the previous one or the new one).
    const files = savedCases(userData);
    expect(files).toHaveLength(1);
    const onDisk = parseCase(readFileSync(join(userData, 'cases', files[0]!), 'utf8'));
    expect(onDisk.ok, onDisk.ok ? '' : onDisk.error).toBe(true);

    const second = await launchApp({ userData });
    try {
      const again = new AppPage(second.page);
      await expect(again.recentCases).toHaveCount(1);
      await again.recentCases.first().click();
      await expect(again.heading).toHaveText('Paste the evidence');
      // At most the last keystroke is lost.
      expect([text, text.slice(0, -1)]).toContain(await again.textbox('source').inputValue());
      await again.idle();
      await expect(again.recognisedHost('esx31')).toBeVisible();
      // No temporary file of the killed save is left once the app has listed its cases.
      expect(readdirSync(join(userData, 'cases')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    } finally {
      await second.close();
    }
  } finally {
    rmSync(userData, { recursive: true, force: true });
  }
});

test('electron: a case saved as a file opens again on the same screen', async () => {
  skipWithoutElectron();
  const shell = await launchApp();
  try {
    const app = new AppPage(shell.page);
    await app.startWithEvidence();
    await app.paste('source', example('l3-vmotion-7.0/esx-a.txt'));
    await app.idle();
    await app.analyse();
    await app.unfold();
    await expect(shell.page.getByRole('region', { name: 'Path picture, scrollable' }).locator('svg')).toBeVisible();
    // The save dialog is main's: answer it with a path in the profile folder.
    const target = join(shell.userData, 'esx61.vpdcase');
    await shell.app.evaluate(({ dialog }, file) => {
      dialog.showSaveDialog = (async () => ({ canceled: false, filePath: file })) as typeof dialog.showSaveDialog;
      dialog.showOpenDialog = (async () => ({ canceled: false, filePaths: [file] })) as typeof dialog.showOpenDialog;
    }, target);
    await shell.page.getByRole('banner').getByRole('button', { name: 'Save case' }).click();
    await expect(shell.page.getByTestId('status')).toHaveText('Saved esx61.vpdcase.');
    const saved = parseCase(readFileSync(target, 'utf8'));
    expect(saved.ok && saved.case.screen).toBe('result');

    await shell.page.getByRole('button', { name: 'Start page' }).click();
    await app.startWithEvidence();
    await shell.page.getByRole('button', { name: 'Start page' }).click();
    await shell.page.getByRole('button', { name: 'Open a case file…' }).click();
    await expect(app.heading).toHaveText('Result');
    await expect(app.verdict).toContainText(/esx61/);
  } finally {
    await shell.close();
  }
});
