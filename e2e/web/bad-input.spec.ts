/**
 * What people really drop on a support tool: prose, a big log, a binary. Each gets one clear message, the app
 * stays usable (a good paste afterwards is analysed) and nothing the user typed is lost.
 *
 * The big paste and the big log file are 2 MiB here: above the 512 KiB at which a paste becomes an attachment, so
 * they take the same path (attachment, worker, alert) as the 50 MB ones people drop. The 50 MB paste itself, and
 * how fast typing answers while the worker reads it, are measured by `npm run bench:web` (bench/web-app.ts).
 */
import { writeFileSync } from 'node:fs';
import { LARGE_PASTE_CHARS } from '../../src/renderer/lib/evidence/limits.ts';
import { example } from '../pages/app-page.ts';
import { expect, test } from '../support/fixtures.ts';

const TYPED = 'esx01 ticket 4711: customer says vMotion saturates the management uplink';
const BIG = 2 * 1024 * 1024;

test.beforeEach(async ({ app, page }) => {
  await app.open();
  await app.startWithEvidence();
  await app.textbox('source').click();
  await page.keyboard.type(TYPED);
});

test('garbage text gets a clear message and the typed text stays', async ({ app, page }) => {
  await app.pasteEvent('dest', 'Hi team,\nplease see below.\n\nC:\\> ipconfig /all\nWindows IP Configuration\n   Host Name . . . : JUMP01\n');
  await app.idle();
  await expect(page.getByRole('alert').filter({ hasText: 'destination paste:' })).toContainText('No supported ESXi command output found in destination paste');
  await expect(app.textbox('source')).toHaveValue(TYPED);
  await page.getByRole('button', { name: 'Analyse' }).click();
  await expect(page.locator('main').getByText('Nothing that can be analysed yet')).toBeVisible();
  await expect(app.heading).toHaveText('Paste the evidence');

  // Still usable: replace the garbage with a real session and analyse.
  await app.paste('dest', example('bind0-6.7/esx-a.txt'));
  await app.idle();
  await app.analyse();
  await expect(app.verdict).toContainText('vMotion leaves esx31 by vmk0');
});

test('a large paste becomes an attachment, the text box keeps what was typed, typing goes on meanwhile', async ({ app, page }) => {
  expect(BIG, 'the paste is above the attachment threshold').toBeGreaterThan(LARGE_PASTE_CHARS);
  const line = '2026-11-25T12:00:00.123Z info hostd[2099421] [Originator@6876 sub=Vimsvc.TaskManager] Task Completed : haTask-ha-root-pool\n';
  await app.pasteEvent('source', { repeat: line, times: Math.ceil(BIG / line.length) });
  await expect(page.getByText(/The paste \(2\.0 MiB\) was added as the attachment "Pasted text 1"/)).toBeVisible();
  await expect(app.textbox('source')).toHaveValue(TYPED);
  await expect(page.getByRole('list', { name: 'Source host evidence: attached files' })).toContainText('Pasted text 1');

  // Typing while the worker reads the paste: every character arrives (how fast: bench/web-app.ts).
  await app.textbox('dest').click();
  await page.keyboard.type('still typing');
  await expect(app.textbox('dest')).toHaveValue('still typing');

  await app.idle();
  await expect(page.getByRole('alert').filter({ hasText: 'Pasted text 1' })).toContainText('No supported ESXi command output found in Pasted text 1');

  await page.getByRole('button', { name: 'Remove Pasted text 1' }).click();
  await app.paste('source', example('multinic-6.0u3/esx-a.txt'));
  await app.paste('dest', '');
  await app.idle();
  await app.analyse();
  await expect(app.verdict).toContainText('vMotion leaves esx41 by vmk1, vmk2');
});

test('a large log file and a binary file are refused with their names, typed text kept', async ({ app, page }, testInfo) => {
  const line = 'Nov 25 12:00:00 vcsa vpxd[1234]: [Originator@6876 sub=vpxLro opID=abc] -- FINISH task-12345 -- vim.VirtualMachine.migrate\n';
  // Picked from disk, as a person picks it (Playwright refuses in-memory buffers over 50 MB).
  const bigFile = testInfo.outputPath('vpxd.log');
  writeFileSync(bigFile, line.repeat(Math.ceil(BIG / line.length)));
  await page.getByLabel('Add Source host evidence files').setInputFiles(bigFile);
  await app.idle();
  await expect(page.getByRole('alert').filter({ hasText: 'vpxd.log' })).toContainText('No supported ESXi command output found in vpxd.log');

  const binary = Buffer.alloc(64 * 1024);
  for (let i = 0; i < binary.length; i++) binary[i] = (i * 7919) % 256;
  await page.getByLabel('Add Destination host evidence (optional) files').setInputFiles({ name: 'vm-support.tgz', mimeType: 'application/gzip', buffer: binary });
  await app.idle();
  await expect(page.getByRole('alert').filter({ hasText: 'vm-support.tgz' })).toContainText('looks like a binary file');
  await expect(app.textbox('source')).toHaveValue(TYPED);

  await page.getByRole('button', { name: 'Remove vpxd.log' }).click();
  await page.getByRole('button', { name: 'Remove vm-support.tgz' }).click();
  await app.paste('source', example('vmotion-stack-8.0/esx-a.txt'));
  await app.idle();
  await app.analyse();
  await expect(app.verdict).toContainText('vMotion leaves esx51 by vmk1');
});
