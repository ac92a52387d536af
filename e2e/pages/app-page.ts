/**
 * Page object of the renderer: locators by role and accessible name (the keyboard and screen-reader contract,
 * style.md §7), and the few steps every story repeats. Specs read like stories on top of it.
 */
import { readFileSync } from 'node:fs';
import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { HEAVY_STEP } from '../support/timeouts.ts';
import { findInternalReferences, type InternalReference } from '../../src/core/present/internal-refs.ts';

export type Side = 'source' | 'dest';

export function example(path: string): string {
  return readFileSync(`examples/${path}`, 'utf8');
}

export class AppPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('./');
    await expect(this.page.getByTestId('app-ready')).toBeVisible();
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  textbox(side: Side): Locator {
    return this.page.locator(side === 'source' ? '#evidence-source' : '#evidence-dest');
  }

  async startWithEvidence(): Promise<void> {
    await this.page.getByRole('button', { name: 'Paste evidence first' }).click();
    await expect(this.heading).toHaveText('Paste the evidence');
  }

  async paste(side: Side, text: string): Promise<void> {
    await this.textbox(side).fill(text);
  }

  /** Dispatches a real paste event with `text` on the clipboard data, as Ctrl+V would. */
  async pasteEvent(side: Side, text: string | { repeat: string; times: number }): Promise<void> {
    await this.textbox(side).evaluate((el, t) => {
      const value = typeof t === 'string' ? t : t.repeat.repeat(t.times);
      const data = new DataTransfer();
      data.setData('text/plain', value);
      const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
      const notHandled = el.dispatchEvent(event);
      // A browser inserts the text itself when no handler cancelled the paste; do the same.
      if (notHandled) {
        const area = el as HTMLTextAreaElement;
        area.setRangeText(value, area.selectionStart, area.selectionEnd, 'end');
        area.dispatchEvent(new Event('input', { bubbles: true }));
      }
    }, text);
  }

  /** The recognised-commands list of a host; `name` is a regex source matched as a prefix of the host name. */
  recognisedHost(name: string): Locator {
    return this.page.getByRole('list', { name: new RegExp(`^Commands recognised for ${name}(\\.|$)`) });
  }

  get evidencePanel(): Locator {
    return this.page.locator('.evidence-panel');
  }

  async idle(): Promise<void> {
    await expect(this.evidencePanel).toHaveAttribute('data-busy', 'false', { timeout: HEAVY_STEP });
  }

  async chooseMigration(kind: 'live' | 'snapshots' | 'non-shared' | 'cold'): Promise<void> {
    await this.page.getByLabel('Migration kind').selectOption(kind);
  }

  async analyse(): Promise<void> {
    await this.page.getByRole('button', { name: 'Analyse' }).click();
    await expect(this.heading).toHaveText('Result');
  }

  /** Internal references (section signs, confidence marks, document names, bare fix ids) in the page's text, folded parts included. */
  async internalReferences(): Promise<InternalReference[]> {
    return findInternalReferences((await this.page.locator('body').textContent()) ?? '');
  }

  /** The folded parts below the result's first screen (how to fix it, picture, paths, findings, …). */
  fold(id: string): Locator {
    return this.page.locator(`details.fold[data-fold="${id}"]`);
  }

  /** Opens every folded part of the result, as a reader clicking each summary would. */
  async unfold(): Promise<void> {
    const closed = this.page.locator('details.fold:not([open]) > summary');
    for (let n = await closed.count(); n > 0; n--) {
      await closed.first().click();
      await expect(closed).toHaveCount(n - 1);
    }
  }

  /** The verdict panel: its lines (the paths), the worst finding, the overview, the migration kind and the hosts. */
  get verdict(): Locator {
    return this.page.getByTestId('verdict');
  }

  /** The row of one computed path, e.g. vMotion leaving the source. */
  flow(traffic: 'vmotion' | 'nfc' | 'management', role: 'source' | 'destination', direction: 'egress' | 'ingress'): Locator {
    return this.page.locator(`tr.flow[data-traffic="${traffic}"][data-role="${role}"][data-direction="${direction}"]`);
  }

  finding(id: string): Locator {
    return this.page.locator(`article[data-finding="${id}"]`);
  }

  plan(id: string): Locator {
    return this.page.locator(`article[data-plan="${id}"]`);
  }

  /** The case's notes (on the evidence, result and wizard screens). */
  get notes(): Locator {
    return this.page.getByRole('textbox', { name: 'Case notes' });
  }

  /** The start page's recent cases (autosaved), newest first. */
  get recentCases(): Locator {
    return this.page.getByRole('list', { name: 'Recent cases' }).getByRole('button');
  }

  /** Opens a case file through "Open a case file…" on the start page. */
  async openCaseFile(file: string | { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: 'Open a case file…' }).click();
    await (await chooser).setFiles(file);
  }

  /** Every localStorage entry of the page (the web build's autosaves and their index). */
  async storage(): Promise<Record<string, string>> {
    return this.page.evaluate(() => Object.fromEntries(Object.keys(localStorage).sort().map((k) => [k, localStorage.getItem(k) ?? ''])));
  }

  async clipboard(): Promise<string> {
    return this.page.evaluate(() => navigator.clipboard.readText());
  }
}

/** The focused element's accessible-ish name: aria-label, else its label or text, else its id. */
export async function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return '';
    const labelled = el.getAttribute('aria-label');
    if (labelled) return labelled;
    const id = el.id;
    const label = id ? document.querySelector(`label[for="${id}"]`)?.textContent : undefined;
    return (label ?? el.textContent ?? id).trim().replace(/\s+/g, ' ');
  });
}

/** Presses Tab until the focused element's name matches, failing after `max` presses. Keyboard only. */
export async function tabTo(page: Page, name: RegExp, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (name.test(await focusedName(page))) return;
  }
  throw new Error(`Tab never reached an element named ${name} in ${max} presses (last: "${await focusedName(page)}")`);
}

/** True when the focused element draws a visible focus indicator (outline or box-shadow). */
export async function focusIsVisible(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return false;
    const s = getComputedStyle(el);
    return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || (s.boxShadow !== 'none' && s.boxShadow !== '');
  });
}
