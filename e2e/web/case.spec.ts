/**
 * Cases survive: every change is autosaved (localStorage in the web build) so a reload right after a keystroke
 * loses nothing; the start page lists recent cases; a .vpdcase file downloads and opens on the same screen; an old
 * .vpd.json converts; a corrupt or foreign file is refused with one sentence and changes nothing. And the reports:
 * the HTML one is a single self-contained file, the Markdown one reads as a report.
 */
import { readFileSync } from 'node:fs';
import { example } from '../pages/app-page.ts';
import { WizardPage } from '../pages/wizard-page.ts';
import { expect, test } from '../support/fixtures.ts';
import { HEAVY_STEP } from '../support/timeouts.ts';

/** A 2 MiB paste of one hostd line: an attachment, and a case over localStorage's share. */
const BIG_LINE = '2026-11-25T12:00:00.123Z info hostd[2099421] [Originator@6876 sub=Vimsvc.TaskManager] Task "Completed" : C:\\ha-root-pool\n';
const BIG_PASTE = { repeat: BIG_LINE, times: Math.ceil((2 * 1024 * 1024) / BIG_LINE.length) };

test('typed evidence survives a reload right after the last keystroke and reopens intact', async ({ app, page }) => {
  await app.open();
  await app.startWithEvidence();
  const text = example('l3-vmotion-7.0/esx-a.txt');
  const cut = text.length - 12;
  await app.paste('source', text.slice(0, cut));
  await app.chooseMigration('cold');
  await app.notes.fill('Ticket 4711: slow cold migrations since Monday.');
  await app.textbox('source').focus();
  await page.keyboard.press('ControlOrMeta+End');
  // Typed key by key; the page is reloaded at once after the last one, inside the autosave's quiet period.
  await page.keyboard.type(text.slice(cut));
  await page.reload();

  await expect(page.getByRole('heading', { name: 'Recent cases' })).toBeVisible();
  await expect(app.recentCases).toHaveCount(1);
  await app.recentCases.first().click();
  await expect(app.heading).toHaveText('Paste the evidence');
  await expect(app.textbox('source')).toHaveValue(text);
  await expect(app.notes).toHaveValue('Ticket 4711: slow cold migrations since Monday.');
  await expect(page.getByLabel('Migration kind')).toHaveValue('cold');
  await app.idle();
  await expect(app.recognisedHost('esx61')).toBeVisible();
});

test('a big paste and the note typed after it survive a reload: the case worker stores the case in IndexedDB', async ({ app, page }) => {
  await app.open();
  await app.startWithEvidence();
  // 2 MiB: an attachment, and a case over localStorage's share, so the case worker writes and stores it (the
  // 50 MB paste takes the same path; how long the UI thread is held meanwhile: bench/web-app.ts).
  await app.pasteEvent('source', BIG_PASTE);
  await expect(page.getByText(/The paste \(2\.0 MiB\) was added as the attachment "Pasted text 1"/)).toBeVisible();
  const saveState = page.getByTestId('save-state');
  await expect(saveState).toHaveAttribute('data-state', 'saved', { timeout: HEAVY_STEP });
  await app.notes.fill('Ticket 4711: the hostd log the customer sent');
  await expect(saveState).toHaveAttribute('data-state', 'saved', { timeout: HEAVY_STEP });
  // Listed as kept in IndexedDB, with the whole text's length (the paste, JSON-escaped, and the rest).
  const index = await page.evaluate(() => JSON.parse(localStorage.getItem('vpd.cases') ?? '[]') as { where: string; bytes: number }[]);
  expect(index.map((e) => e.where)).toEqual(['idb']);
  expect(index[0]!.bytes).toBeGreaterThan(BIG_LINE.length * BIG_PASTE.times);

  await page.reload();
  await expect(app.recentCases).toHaveCount(1);
  await app.recentCases.first().click();
  await expect(app.heading).toHaveText('Paste the evidence');
  const attached = page.getByRole('list', { name: 'Source host evidence: attached files' });
  await expect(attached).toContainText('Pasted text 1');
  await expect(attached).toContainText('2.0 MiB');
  await expect(app.notes).toHaveValue('Ticket 4711: the hostd log the customer sent');
  await app.idle();
  await expect(page.getByRole('alert').filter({ hasText: 'Pasted text 1' })).toContainText('No supported ESXi command output found in Pasted text 1');
});

test('leaving while a big case is still on its way to IndexedDB asks first; staying lets the save land', async ({ app, page }) => {
  await app.open();
  await app.startWithEvidence();
  // Over localStorage's share: the case worker stringifies and stores it, which a page being unloaded does not wait for.
  await app.pasteEvent('source', BIG_PASTE);
  const saveState = page.getByTestId('save-state');
  await expect(saveState).toHaveAttribute('data-state', 'saved', { timeout: HEAVY_STEP });
  await app.notes.fill('typed a moment before the reload');
  // Reloaded at once, inside the big case's quiet period: the browser asks, and the user stays.
  const asked: string[] = [];
  page.once('dialog', (dialog) => {
    asked.push(dialog.type());
    void dialog.dismiss();
  });
  await page.evaluate(() => location.reload());
  expect(asked).toEqual(['beforeunload']);
  await expect(app.notes).toHaveValue('typed a moment before the reload');
  // The save that leaving started finishes; then the page goes without a question, and the note is there.
  await expect(saveState).toHaveAttribute('data-state', 'saved', { timeout: HEAVY_STEP });
  page.once('dialog', (dialog) => {
    asked.push(dialog.type());
    void dialog.dismiss();
  });
  await page.reload();
  expect(asked).toEqual(['beforeunload']);
  await expect(app.recentCases).toHaveCount(1);
  await app.recentCases.first().click();
  await expect(app.notes).toHaveValue('typed a moment before the reload');
});

test('a wizard walk reopens after a reload at the same question with the same answers and notes', async ({ app, page }) => {
  const wizard = new WizardPage(page);
  await app.open();
  await wizard.start(/vMotion traffic on the management network/);
  await wizard.answer(/A separate vmknic/);
  await wizard.answer('No, the default stack');
  await wizard.expectQuestion('sameSubnet');
  const answers = await page.getByRole('list', { name: 'Answers so far' }).innerText();
  await app.notes.fill('Asked the customer about the subnet');
  await page.reload();

  await app.recentCases.first().click();
  await wizard.expectQuestion('sameSubnet');
  await expect(page.getByRole('list', { name: 'Answers so far' })).toHaveText(answers);
  await expect(app.notes).toHaveValue('Asked the customer about the subnet');
  // The walk goes on from there, and Back still knows the answers given before the reload.
  await wizard.back();
  await wizard.expectQuestion('vmotionStack');
});

test('a corrupt, a foreign and a plain-text file are refused with one clear sentence and change nothing', async ({ app, page }) => {
  await app.open();
  await app.startWithEvidence();
  await app.paste('source', example('bind0-6.7/esx-a.txt'));
  await app.idle();
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  await page.getByRole('button', { name: 'Start page' }).click();
  await expect(app.recentCases).toHaveCount(1);
  const stored = await app.storage();
  const savedCase = Object.entries(stored).find(([k]) => k.startsWith('vpd.case.'))![1];

  const files = [
    { name: 'esx31.vpdcase', buffer: Buffer.from(savedCase.slice(0, savedCase.length / 2)), message: /^esx31\.vpdcase is damaged: it starts like a case file but is not valid JSON .*Nothing was opened\.$/ },
    { name: 'package.json', buffer: Buffer.from('{"name": "my-app", "version": "1.0.0"}'), message: /^package\.json is not a vMotion Path Doctor case file: it is JSON, but has no "format": "vpdcase" field\./ },
    { name: 'esx-a.txt', buffer: Buffer.from(example('bind0-6.7/esx-a.txt')), message: /^esx-a\.txt is not a vMotion Path Doctor case file \(it is not JSON\)/ },
  ];
  for (const f of files) {
    await app.openCaseFile({ name: f.name, mimeType: 'application/octet-stream', buffer: f.buffer });
    await expect(page.getByRole('alert')).toHaveText(f.message);
    await expect(app.heading).toContainText('Why does migration traffic leave');
  }
  expect(await app.storage()).toEqual(stored);
  await expect(app.recentCases).toHaveCount(1);
  // The case that was there is still whole.
  await app.recentCases.first().click();
  await expect(app.textbox('source')).toHaveValue(example('bind0-6.7/esx-a.txt'));
});

test('a case downloads as one .vpdcase file and opens again on the result screen', async ({ app, page }) => {
  await app.open();
  await app.startWithEvidence();
  await app.paste('source', example('l3-vmotion-7.0/esx-a.txt'));
  await app.paste('dest', example('l3-vmotion-7.0/esx-b.txt'));
  await app.chooseMigration('cold');
  await app.idle();
  await app.analyse();
  await app.notes.fill('Sent to the network team');

  const download = page.waitForEvent('download');
  await page.getByRole('banner').getByRole('button', { name: 'Save case' }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toBe('esx61_esx62.vpdcase');
  const file = await saved.path();
  const json = JSON.parse(readFileSync(file, 'utf8')) as { format: string; version: number; screen: string; migration: string; notes: string; evidence: { id: string; text: string }[] };
  expect(json).toMatchObject({ format: 'vpdcase', version: 3, screen: 'result', migration: 'cold', notes: 'Sent to the network team' });
  expect(json.evidence.map((e) => e.id)).toEqual(['source-paste', 'destination-paste']);
  expect(json.evidence[0]!.text).toBe(example('l3-vmotion-7.0/esx-a.txt'));

  // Another case in between, then the file.
  await page.getByRole('button', { name: 'Start page' }).click();
  await app.startWithEvidence();
  await expect(app.textbox('source')).toHaveValue('');
  await page.getByRole('button', { name: 'Start page' }).click();
  await app.openCaseFile(file);
  await expect(app.heading).toHaveText('Result');
  await expect(app.verdict).toContainText(/NFC cold data leaves esx61 by vmk\d/);
  await expect(app.notes).toHaveValue('Sent to the network team');
  await expect(page.getByTestId('status')).toHaveText('Opened esx61 → esx62.');
  await page.getByRole('button', { name: 'Back to the evidence' }).click();
  await expect(app.textbox('dest')).toHaveValue(example('l3-vmotion-7.0/esx-b.txt'));
  await expect(page.getByLabel('Migration kind')).toHaveValue('cold');
});

test('a big case (a 2 MiB paste) downloads whole, with the note typed after it', async ({ app, page }) => {
  await app.open();
  await app.startWithEvidence();
  await app.pasteEvent('source', BIG_PASTE);
  await expect(page.getByText(/The paste \(2\.0 MiB\) was added as the attachment "Pasted text 1"/)).toBeVisible();
  await app.notes.fill('Ticket 4711');
  const download = page.waitForEvent('download');
  await page.getByRole('banner').getByRole('button', { name: 'Save case' }).click();
  const json = JSON.parse(readFileSync(await (await download).path(), 'utf8')) as { notes: string; evidence: { name: string; text: string }[] };
  expect(json.notes).toBe('Ticket 4711');
  const pasted = json.evidence.find((e) => e.name === 'Pasted text 1');
  expect(pasted?.text).toBe(BIG_LINE.repeat(BIG_PASTE.times));
});

test('a case saved by the first version (.vpd.json) opens, converted', async ({ app, page }) => {
  await app.open();
  const v1 = {
    format: 'vmotion-path-doctor-case',
    version: 1,
    savedAt: '2026-11-20T10:00:00.000Z',
    title: 'esx31 → esx32',
    evidence: { sourceText: example('bind0-6.7/esx-a.txt'), destText: '', attachments: [{ name: 'esx-b.txt', side: 'dest', text: example('bind0-6.7/esx-b.txt') }], migration: 'snapshots' },
  };
  await app.openCaseFile({ name: 'esx31_esx32.vpd.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(v1)) });
  await expect(app.heading).toHaveText('Paste the evidence');
  await expect(page.getByTestId('status')).toHaveText(/esx31 → esx32, saved by an older version of the app and converted/);
  await expect(app.textbox('source')).toHaveValue(example('bind0-6.7/esx-a.txt'));
  await expect(page.getByRole('list', { name: 'Destination host evidence (optional): attached files' })).toContainText('esx-b.txt');
  await expect(page.getByLabel('Migration kind')).toHaveValue('snapshots');
  await app.idle();
  await app.analyse();
  await expect(app.verdict).toContainText(/vMotion leaves esx31 by vmk0 instead of vmk1/);
});

test('the HTML report is one self-contained file that loads nothing, with the picture; the Markdown report too', async ({ app, page, context }) => {
  await app.open();
  await app.startWithEvidence();
  await app.paste('source', example('bind0-6.7/esx-a.txt'));
  await app.paste('dest', example('bind0-6.7/esx-b.txt'));
  await app.idle();
  await app.analyse();

  const htmlDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export report (HTML)' }).click();
  const html = await htmlDownload;
  expect(html.suggestedFilename()).toBe('esx31-to-esx32-report.html');
  const report = readFileSync(await html.path(), 'utf8');
  expect(report.startsWith('<!DOCTYPE html>')).toBe(true);
  expect(report).toContain('<svg');
  expect(report).toContain('VMOTION_EGRESS_MISMATCH');
  expect(report).toContain('esxcli system settings advanced set -o /Migrate/BindToVmknic -i 3');
  // Self-contained: no script, no style sheet, image, font or frame from anywhere, and no http(s) address in any
  // attribute that loads something. Links to the rules' sources stay links (<a href>), which load nothing.
  expect(report).not.toMatch(/<script|<link|<iframe|<object|<embed|@import|url\(/i);
  expect(report).not.toMatch(/\s(?:src|srcset|poster|data|action|formaction|xlink:href)=/i);
  const hrefs = [...report.matchAll(/<(\w+)[^>]*\shref="([^"]*)"/g)].map((m) => [m[1], m[2]]);
  expect(hrefs.filter(([tag, url]) => tag !== 'a' && /^(?:https?:)?\/\//.test(url!))).toEqual([]);
  expect(report).toMatch(/http-equiv="Content-Security-Policy" content="default-src (?:'|&#39;)none(?:'|&#39;);/);

  // Rendered in Chromium it requests nothing at all (a screenshot of it goes to the artifacts).
  const viewer = await context.newPage();
  const requests: string[] = [];
  viewer.on('request', (r) => requests.push(r.url()));
  await viewer.setContent(report, { waitUntil: 'load' });
  await expect(viewer.getByRole('heading', { level: 1 })).toContainText('vMotion Path Doctor');
  await expect(viewer.locator('svg .arrow').first()).toBeVisible();
  expect(requests).toEqual([]);
  await viewer.close();

  const mdDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export report (Markdown)' }).click();
  const md = await mdDownload;
  expect(md.suggestedFilename()).toBe('esx31-to-esx32-report.md');
  const markdown = readFileSync(await md.path(), 'utf8');
  expect(markdown).toContain('# vMotion Path Doctor');
  expect(markdown).toMatch(/vMotion leaves esx31 by vmk0 instead of vmk1/);
  expect(markdown).toContain('VMOTION_EGRESS_MISMATCH');
});

test('the path picture: arrows take the keyboard focus and show their reasoning', async ({ app, page }) => {
  await app.open();
  await app.startWithEvidence();
  await app.paste('source', example('bind0-6.7/esx-a.txt'));
  await app.paste('dest', example('bind0-6.7/esx-b.txt'));
  await app.idle();
  await app.analyse();
  await app.unfold();
  const picture = page.getByRole('region', { name: 'Path picture, scrollable' });
  await expect(picture.locator('svg')).toBeVisible();
  // The picture's own <style> is not inserted (the CSP allows none inline): the app's sheet styles it instead.
  expect(await picture.locator('style').count()).toBe(0);
  const vmotion = picture.locator('g.arrow[data-class="vmotion"][data-kind="actual"]');
  await expect(vmotion).toHaveAttribute('aria-label', /vMotion.*esx31.*vmk0/i);
  await vmotion.focus();
  await expect(page.getByTestId('picture-reason')).toContainText('BindToVmknic');
  const halo = await vmotion.evaluate((el) => getComputedStyle(el).filter);
  expect(halo).toContain('drop-shadow');
  // The intended path is drawn beside the wrong one, with its own label.
  await expect(picture.locator('g.arrow[data-class="vmotion"][data-kind="intended"]')).toHaveCount(1);
});
