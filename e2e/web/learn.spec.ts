/**
 * The knowledge base in the app (issue 10): "Learn more" on a finding and "Why we ask" on a question open the
 * explaining article at its section in a panel beside the screen; links inside it move within the panel; Escape
 * closes it and gives focus back; the Learn view searches all articles offline (typo-tolerant) and the user comes
 * back to the same result or wizard step. Screenshots: e2e/artifacts/screens/learn-*.png.
 */
import { mkdirSync, readdirSync } from 'node:fs';
import { example } from '../pages/app-page.ts';
import { LearnPage } from '../pages/learn-page.ts';
import { WizardPage } from '../pages/wizard-page.ts';
import { seriousViolations } from '../support/axe.ts';
import { expect, test } from '../support/fixtures.ts';

/** Every article of kb/articles is listed (counted here so a new article does not break the spec). */
const ARTICLE_COUNT = readdirSync('kb/articles').filter((f) => f.endsWith('.md')).length;

const DIR = 'e2e/artifacts/screens';
mkdirSync(DIR, { recursive: true });

test('from a finding: its article at the right section, a link inside, a search, and back to the same result', async ({ app, page }) => {
  const learn = new LearnPage(page);
  await app.open();
  await app.startWithEvidence();
  await app.paste('source', example('bind0-6.7/esx-a.txt'));
  await app.paste('dest', example('bind0-6.7/esx-b.txt'));
  await app.idle();
  await app.analyse();
  await app.unfold();
  const verdict = (await app.verdict.textContent()) ?? '';
  expect(verdict).toMatch(/vmk0/);
  const finding = app.finding('VMOTION_EGRESS_MISMATCH');

  // "Learn more" opens the article that explains the finding, at its section, beside the result.
  const opener = learn.learnMoreOnFinding('VMOTION_EGRESS_MISMATCH');
  await opener.click();
  await expect(learn.panel).toHaveAccessibleName('How does ESXi choose the VMkernel adapter that sends vMotion traffic?');
  const section = learn.panelHeading('How the routing table picks an adapter');
  await expect(section).toBeInViewport();
  await expect(section).toBeFocused();
  // The result makes room beside the panel without losing the place: the button is still in view.
  await expect(opener).toBeInViewport();
  await expect(finding).toBeInViewport();
  await page.screenshot({ path: `${DIR}/learn-panel-light.png` });

  // A kb: link moves within the panel (the page stays where it is); Back returns to the first article.
  const url = page.url();
  await learn.panel.getByRole('link', { name: 'TCP/IP stacks' }).first().click();
  await expect(learn.panel).toHaveAccessibleName(/What are ESXi TCP\/IP stacks/);
  await expect(learn.panelHeading('The vmotion stack')).toBeInViewport();
  expect(page.url()).toBe(url);
  await learn.panel.getByRole('button', { name: /^Back to “How does ESXi choose/ }).click();
  await expect(learn.panel).toHaveAccessibleName(/How does ESXi choose the VMkernel adapter/);

  // Sources are text with their address, not links that could take the app away.
  await expect(learn.panel.locator('.kb-sources')).toContainText('https://');
  await expect(learn.panel.locator('a[href^="http"]')).toHaveCount(0);

  // Escape closes it and gives focus back to the button that opened it.
  await page.keyboard.press('Escape');
  await expect(learn.panel).toHaveCount(0);
  await expect(opener).toBeFocused();

  // "All articles" in the panel opens the Learn view over the result, which waits behind it.
  await opener.click();
  await learn.panel.getByRole('button', { name: 'All articles' }).click();
  await expect(app.heading).toHaveText('Learn');
  await expect(learn.panel).toHaveCount(0);
  await expect(learn.results('All articles')).toHaveCount(ARTICLE_COUNT);

  // A typo still finds the BindToVmknic article first, with the matched words marked.
  await learn.search.fill('bindtovmknik');
  const first = learn.results().first();
  await expect(first).toHaveAccessibleName(/^What do Migrate\.BindToVmknic and Migrate\.AutoBindVmknic mean/);
  await expect(learn.rows().first().locator('mark').first()).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /articles? match “bindtovmknik”/ })).toBeVisible();
  // Keyboard: Down from the box into the list, Down and Up within it, Enter opens.
  await learn.search.press('ArrowDown');
  await expect(first).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(learn.results().nth(1)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(first).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(learn.panel).toHaveAccessibleName(/^What do Migrate\.BindToVmknic/);
  await expect(first).toHaveAttribute('aria-current', 'true');
  await page.screenshot({ path: `${DIR}/learn-light.png` });
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(first).toBeFocused();

  // Back to the same result: same verdict, the finding where it was, the analysis not redone.
  await learn.backFromView(/^Back to the result$/);
  await expect(app.heading).toHaveText('Result');
  await expect(app.verdict).toHaveText(verdict);
  await expect(finding).toBeInViewport();
  await expect(opener).toBeFocused();

  // The header's Learn button toggles the view too.
  await learn.openView();
  await learn.backFromView(/^Back to the result$/);
  await expect(page.getByRole('navigation', { name: 'App' }).getByRole('button', { name: 'Learn' })).toBeFocused();
});

test('"Why we ask" on a wizard question opens its explanation, and the wizard waits at the same step', async ({ app, page }) => {
  const learn = new LearnPage(page);
  const wizard = new WizardPage(page);
  await app.open();
  await wizard.start(/vMotion traffic on the management network/);
  await wizard.answer(/A separate vmknic/);
  await wizard.answer('No, the default stack');
  await wizard.answer(/^Yes/);
  await wizard.answer(/ESXi 6\.5d or later/);
  await wizard.expectQuestion('bindToVmknic');
  const answers = page.getByRole('list', { name: 'Answers so far' }).getByRole('listitem');
  await expect(answers).toHaveCount(5);

  await learn.whyWeAsk.click();
  await expect(learn.panel).toHaveAccessibleName(/^What do Migrate\.BindToVmknic and Migrate\.AutoBindVmknic mean/);
  await expect(learn.panelHeading('What each value means')).toBeInViewport();
  await expect(wizard.question).toBeInViewport();
  await page.screenshot({ path: `${DIR}/learn-why-light.png` });
  await learn.closePanel();
  await expect(learn.whyWeAsk).toBeFocused();

  // Through the Learn view and back: the same question, the same answers so far, and it still answers.
  await learn.openView();
  await learn.search.fill('cold data');
  await expect(learn.results().first()).toHaveAccessibleName(/cold data/i);
  await learn.backFromView(/^Back to the wizard$/);
  await wizard.expectQuestion('bindToVmknic');
  await expect(answers).toHaveCount(5);
  await wizard.answer('0');
  await expect(wizard.outcome('dxBindingWeakened')).toBeVisible();
});

for (const scheme of ['dark'] as const) {
  test(`Learn view, ${scheme} theme: no serious accessibility violation`, async ({ app, page }) => {
    const learn = new LearnPage(page);
    await page.emulateMedia({ colorScheme: scheme });
    await app.open();
    await page.getByRole('button', { name: 'Browse and search the articles' }).click();
    await expect(learn.results('All articles')).toHaveCount(ARTICLE_COUNT);
    await learn.search.fill('jumbo mtu');
    await learn.results().first().click();
    await expect(learn.panel).toHaveAccessibleName(/jumbo frames/);
    await page.screenshot({ path: `${DIR}/learn-${scheme}.png` });
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test.describe('200% zoom', () => {
  test.use({ viewport: { width: 640, height: 360 }, deviceScaleFactor: 2 });
  test('the panel covers the screen, closes, and gives focus back', async ({ app, page }) => {
    const learn = new LearnPage(page);
    const wizard = new WizardPage(page);
    await app.open();
    await wizard.start(/vMotion traffic on the management network/);
    await learn.whyWeAsk.click();
    await expect(learn.panelHeading('Which adapters may carry vMotion')).toBeInViewport();
    await page.screenshot({ path: `${DIR}/learn-zoom200.png` });
    // Nothing under the covering panel is in the Tab order.
    await expect(page.locator('#main')).toHaveJSProperty('inert', true);
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(learn.whyWeAsk).toBeFocused();
    await expect(page.locator('#main')).toHaveJSProperty('inert', false);
  });
});
