/**
 * The support-bundle side of the evidence panel: opening a bundle (file picker or a drop on a host's evidence
 * box), the progress bar, the "Support bundle" panels with their hosts, and the host pickers. Bundles are built
 * in the test (Node side) with the bundle reader's own test helpers, from the examples' real-format outputs.
 */
import { writeFileSync } from 'node:fs';
import { expect } from '@playwright/test';
import type { Locator, Page, TestInfo } from '@playwright/test';
import type { Side } from './app-page.ts';
import { HEAVY_STEP } from '../support/timeouts.ts';

export class BundlePage {
  constructor(readonly page: Page) {}

  /** Writes the bytes to the test's output folder (big files go by path, not through the protocol). */
  static file(info: TestInfo, name: string, bytes: Uint8Array): string {
    const path = info.outputPath(name);
    writeFileSync(path, bytes);
    return path;
  }

  /** Opens a bundle through "Open a support bundle…". */
  async open(path: string): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: 'Open a support bundle…' }).click();
    await (await chooser).setFiles(path);
  }

  /** Drops a file on a host's evidence box with a real DataTransfer, as a drag from the desktop would. */
  async drop(side: Side, name: string, bytes: Uint8Array): Promise<void> {
    const box = this.page.locator('section.side', { has: this.page.locator(side === 'source' ? '#evidence-source' : '#evidence-dest') });
    await box.evaluate(
      (el, { name, data }) => {
        const file = new File([new Uint8Array(data)], name);
        const dt = new DataTransfer();
        dt.items.add(file);
        el.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
        el.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
      },
      { name, data: [...bytes] },
    );
  }

  /** Starts recording every state of the progress bars (values and texts), so a fast reading is still seen. */
  async recordProgress(): Promise<void> {
    await this.page.evaluate(() => {
      const w = window as unknown as { __progress: { value: string | null; text: string | null }[] };
      w.__progress = [];
      const note = (el: Element) => w.__progress.push({ value: el.getAttribute('value'), text: el.getAttribute('aria-valuetext') });
      new MutationObserver((records) => {
        for (const r of records) {
          if (r.type === 'attributes' && r.target instanceof Element && r.target.matches('[role=progressbar], progress')) note(r.target);
          for (const n of r.addedNodes) if (n instanceof Element) n.querySelectorAll('progress, [role=progressbar]').forEach(note);
        }
      }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['value', 'aria-valuetext'] });
    });
  }

  async recordedProgress(): Promise<{ value: string | null; text: string | null }[]> {
    return this.page.evaluate(() => (window as unknown as { __progress: { value: string | null; text: string | null }[] }).__progress);
  }

  panel(source: string): Locator {
    return this.page.getByRole('region', { name: `Support bundle ${source}` });
  }

  host(source: string, name: string): Locator {
    return this.panel(source).getByRole('list', { name: `Hosts in ${source}` }).locator(`li.bundle-host[data-host="${name}"]`);
  }

  recognised(name: string): Locator {
    return this.page.getByRole('list', { name: `Outputs recognised for ${name}` });
  }

  missing(name: string): Locator {
    return this.page.getByRole('list', { name: `Missing for ${name}` });
  }

  async pick(role: 'source' | 'dest', host: string): Promise<void> {
    await this.page.getByLabel(role === 'source' ? 'Source host' : 'Destination host', { exact: true }).selectOption(host);
  }

  get notices(): Locator {
    return this.page.locator('.evidence-panel .notice[role=status]');
  }

  get pastMigrations(): Locator {
    return this.page.getByRole('region', { name: /^Past migrations seen in the logs/ });
  }

  async idle(): Promise<void> {
    await expect(this.page.locator('.evidence-panel')).toHaveAttribute('data-busy', 'false', { timeout: HEAVY_STEP });
  }
}
