/**
 * Clicks a button from inside the page the moment it appears, in the next task after it is rendered. For a Cancel
 * that only exists while a worker runs: a click sent from the test runner arrives a round trip (and, on a busy
 * machine, seconds of actionability checks) later, by which time a small job may be done, so the test would depend
 * on the machine's speed. From the page, the click lands on the running job however fast or slow the machine is.
 */
import type { Page } from '@playwright/test';

export async function clickWhenShown(page: Page, buttonLabel: string): Promise<void> {
  await page.evaluate((label) => {
    const find = () =>
      [...document.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent ?? '').trim() === label);
    const observer = new MutationObserver(() => {
      const button = find();
      if (!button) return;
      observer.disconnect();
      setTimeout(() => button.click(), 0);
    });
    observer.observe(document.body, { subtree: true, childList: true });
  }, buttonLabel);
}
