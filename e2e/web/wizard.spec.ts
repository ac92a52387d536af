/**
 * The wizard driven by the flows' machine: a walk by answers alone, a walk where pasted evidence answers the
 * questions, "let the evidence decide", Back and Restart, and the whole flow with the keyboard only.
 */
import { example, focusIsVisible, tabTo } from '../pages/app-page.ts';
import { WizardPage } from '../pages/wizard-page.ts';
import { expect, test } from '../support/fixtures.ts';

test('answers alone lead to a diagnosis with general commands; Back and Restart work', async ({ app, page }) => {
  const wizard = new WizardPage(page);
  await app.open();
  await wizard.start(/vMotion traffic on the management network/);
  await wizard.expectQuestion('vmotionVmknic');
  await expect(page.getByText('Why we ask:')).toBeVisible();
  await wizard.answer(/A separate vmknic/);
  await wizard.expectQuestion('vmotionStack');
  await wizard.answer('No, the default stack');
  await wizard.expectQuestion('sameSubnet');

  // Back returns to the previous question and forgets its answer.
  await wizard.back();
  await wizard.expectQuestion('vmotionStack');
  await wizard.answer('No, the default stack');
  await wizard.answer(/^Yes/);
  await wizard.expectQuestion('esxiVersion');
  await wizard.answer(/ESXi 6\.5d or later/);
  await wizard.expectQuestion('bindToVmknic');
  await wizard.answer('0');

  await expect(wizard.outcome('dxBindingWeakened')).toBeVisible();
  await expect(wizard.outcome()).toContainText('BindToVmknic weakened');
  await expect(page.getByText('These commands are the general form')).toBeVisible();
  const r4 = app.plan('R4');
  await expect(r4).toBeVisible();
  const set = r4.getByRole('group', { name: 'R4 ESXi shell commands' }).locator('li.command', { hasText: 'advanced set' }).first();
  const text = (await set.locator('code').textContent()) ?? '';
  expect(text).toContain('/Migrate/BindToVmknic');
  await set.getByRole('button', { name: /^Copy command/ }).click();
  await expect.poll(() => app.clipboard()).toBe(text);
  await expect(page.getByRole('list', { name: 'Answers so far' }).getByRole('listitem')).toHaveCount(6); // the symptom + five answers

  await wizard.restart();
  await wizard.expectQuestion('vmotionVmknic');
});

test('pasted evidence answers the questions and the commands are filled in for the hosts', async ({ app, page }) => {
  const wizard = new WizardPage(page);
  await app.open();
  await wizard.start(/vMotion traffic on the management network/);
  await wizard.expectQuestion('vmotionVmknic');
  await page.getByRole('button', { name: 'Paste evidence instead of answering' }).click();
  await expect(page.getByLabel('Collector command', { exact: true })).toContainText('esxcfg-vmknic -l');
  await app.paste('source', example('bind0-6.7/esx-a.txt'));
  await app.paste('dest', example('bind0-6.7/esx-b.txt'));
  await app.idle();
  await expect(app.recognisedHost('esx31')).toBeVisible();
  await page.getByRole('button', { name: 'Use this evidence' }).click();

  await expect(wizard.outcome('dxBindingWeakened')).toBeVisible();
  await expect(page.getByText('from the evidence').first()).toBeVisible();
  await expect(page.getByText('These commands are the general form')).toHaveCount(0);
  // With evidence, the diagnosis's first screen holds the first fix with its commands; the full plans and the
  // findings fold below it, and "the full plan below" opens them.
  const first = page.getByTestId('first-fix');
  await expect(first.getByRole('button', { name: 'Copy plan' }).first()).toBeVisible();
  const firstTitle = (await first.getByRole('heading').textContent()) ?? '';
  expect(firstTitle).toMatch(/^Fix first: /);
  await expect(app.fold('fix-h')).not.toHaveAttribute('open', '');
  await first.getByRole('link', { name: 'the full plan below' }).click();
  await expect(app.fold('fix-h')).toHaveAttribute('open', '');
  await app.unfold();
  const r4 = app.plan('R4');
  await expect(r4).toContainText('on esx31');
  await expect(r4.getByRole('group', { name: 'R4 ESXi shell commands' })).toContainText('esxcli system settings advanced set -o /Migrate/BindToVmknic -i 3');
  await expect(app.finding('VMOTION_EGRESS_MISMATCH')).toBeVisible();

  await page.getByRole('button', { name: 'See the full analysis of the evidence' }).click();
  await expect(app.heading).toHaveText('Result');
  await expect(app.verdict).toContainText('vMotion leaves esx31 by vmk0 instead of vmk1');
  // The full analysis puts the same fix first as the diagnosis did.
  await expect(page.getByTestId('first-fix').getByRole('heading')).toHaveText(firstTitle);
  await page.getByRole('button', { name: 'Back to the evidence' }).click();
  await expect(wizard.outcome('dxBindingWeakened')).toBeVisible();
});

test('"not sure" asks for the collector output and lets the evidence pick the branch', async ({ app, page }) => {
  const wizard = new WizardPage(page);
  await app.open();
  await page.getByRole('button', { name: 'Not sure: paste evidence and let it decide' }).click();
  await wizard.expectQuestion('symptom');
  await wizard.answer('Not sure: let the evidence decide');
  await expect(page.locator('#evidence-prompt')).toContainText('Run the collector');
  const copy = page.getByRole('button', { name: /^Copy collector command/ });
  await copy.click();
  await expect.poll(() => app.clipboard()).toContain("esxcfg-vmknic -l");
  await app.paste('source', example('messy/typo-session.txt'));
  await app.idle();
  await page.getByRole('button', { name: 'Use this evidence' }).click();
  await expect(wizard.outcome('dxNoVmotionVmknic')).toBeVisible();
  await app.unfold();
  await expect(app.plan('R3')).toBeVisible();
});

test('keyboard only: a whole flow from the symptom to a copied command', async ({ app, page }) => {
  await app.open();
  await tabTo(page, /^Unicast flooding during vMotion/);
  expect(await focusIsVisible(page)).toBe(true);
  await page.keyboard.press('Enter');
  await expect(page.locator('section.question[data-question="receiverSharesSubnet"]')).toBeVisible();
  await tabTo(page, /^Yes, same subnet and VLAN$/);
  expect(await focusIsVisible(page)).toBe(true);
  await page.keyboard.press('Enter');
  await expect(page.locator('section.question[data-question="receiverAutobind"]')).toBeVisible();
  // Focus moved to the new question: the next Tab presses start from there.
  await expect(page.locator('#question-prompt')).toBeFocused();
  await tabTo(page, /^Before 6\.0 U3/);
  await page.keyboard.press('Enter');
  await expect(page.locator('section.outcome[data-outcome="dxUnicastFlooding"]')).toBeVisible();
  await expect(page.locator('#outcome-title')).toBeFocused();
  await tabTo(page, /^Copy command: /, 300);
  expect(await focusIsVisible(page)).toBe(true);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('status')).toHaveText('Copied command to the clipboard.');
});
