/**
 * The Scan view (issue 8): choosing or dropping export files, the scan with its progress bar, and the result (summary,
 * grouped findings, sources, the host table with its sort, filters, pages, details and "Open in wizard").
 */
import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { HEAVY_STEP } from '../support/timeouts.ts';

export interface FileData {
  readonly name: string;
  readonly text?: string;
  readonly bytes?: Uint8Array;
}

function buffer(f: FileData): Buffer {
  return f.bytes ? Buffer.from(f.bytes) : Buffer.from(f.text ?? '', 'utf8');
}

export class ScanPage {
  constructor(readonly page: Page) {}

  async openFromStart(): Promise<void> {
    await this.page.getByRole('main').getByRole('button', { name: 'Scan an estate' }).click();
    await expect(this.page.getByRole('heading', { level: 1 })).toHaveText('Scan an estate');
  }

  /** Chooses files through the file input ("Choose files…"). */
  async choose(files: readonly FileData[]): Promise<void> {
    await this.page.getByLabel('Export files to scan').setInputFiles(files.map((f) => ({ name: f.name, mimeType: 'application/octet-stream', buffer: buffer(f) })));
  }

  /** Drops files on the files panel with a real DataTransfer, as a drag from the desktop would. */
  async drop(files: readonly FileData[]): Promise<void> {
    await this.page.getByTestId('scan-drop').evaluate(
      (el, list) => {
        const dt = new DataTransfer();
        for (const f of list) dt.items.add(new File([f.text], f.name));
        el.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
        el.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
      },
      files.map((f) => ({ name: f.name, text: f.text ?? '' })),
    );
  }

  get fileList(): Locator {
    return this.page.getByRole('list', { name: 'Files chosen' });
  }

  async removeFile(name: string): Promise<void> {
    await this.page.getByRole('button', { name: `Remove ${name}` }).click();
  }

  async scan(): Promise<void> {
    await this.page.getByRole('button', { name: /^Scan \d+ files?$/ }).click();
  }

  get progress(): Locator {
    return this.page.getByRole('progressbar', { name: 'Scan progress' });
  }

  get summary(): Locator {
    return this.page.getByTestId('scan-summary');
  }

  get error(): Locator {
    return this.page.getByTestId('scan-error');
  }

  async scanned(): Promise<void> {
    await expect(this.summary).toBeVisible({ timeout: HEAVY_STEP });
  }

  /** From the start page: opens the Scan view, chooses the files, scans them and waits for the result. */
  async scanFromStart(files: readonly FileData[]): Promise<void> {
    await this.openFromStart();
    await this.choose(files);
    await this.scan();
    await this.scanned();
  }

  get table(): Locator {
    return this.page.getByTestId('scan-hosts');
  }

  get count(): Locator {
    return this.page.getByTestId('scan-count');
  }

  row(host: string): Locator {
    return this.table.locator(`tr[data-host="${host}"]`);
  }

  /** Host names of the table's rows, in order. */
  async hostNames(): Promise<string[]> {
    return this.table.locator('tbody tr[data-host]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-host') ?? ''));
  }

  columnHeader(label: string): Locator {
    return this.table.locator('thead th', { has: this.page.getByRole('button', { name: label, exact: true }) });
  }

  async sortBy(label: string): Promise<void> {
    await this.table.getByRole('button', { name: label, exact: true }).click();
  }

  async filterText(text: string): Promise<void> {
    await this.page.getByLabel('Filter hosts').fill(text);
  }

  async filterRisk(risk: string): Promise<void> {
    await this.page.getByLabel('Risk', { exact: true }).selectOption(risk);
  }

  async filterFinding(id: string): Promise<void> {
    await this.page.getByLabel('Finding', { exact: true }).selectOption(id);
  }

  group(scope: 'host' | 'pair', id: string): Locator {
    return this.page.locator(`li.group[data-group~="${scope}:${id}"]`);
  }

  async details(host: string): Promise<Locator> {
    await this.page.getByRole('button', { name: `Details: ${host}` }).click();
    return this.page.getByTestId('host-detail');
  }

  async openInWizard(host: string): Promise<void> {
    await this.page.getByRole('button', { name: `Open in wizard: ${host}` }).click();
  }

  /** Records every value of the progress bar, so a fast scan is still seen (call before `scan()`). */
  async recordProgress(): Promise<void> {
    await this.page.evaluate(() => {
      const w = window as unknown as { __scanProgress: number[] };
      w.__scanProgress = [];
      const note = (el: Element) => w.__scanProgress.push(Number(el.getAttribute('aria-valuenow')));
      new MutationObserver((records) => {
        for (const r of records) {
          if (r.type === 'attributes' && r.target instanceof Element && r.target.matches('[role=progressbar], progress')) note(r.target);
          for (const n of r.addedNodes) if (n instanceof Element) n.querySelectorAll('progress, [role=progressbar]').forEach(note);
        }
      }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-valuenow'] });
    });
  }

  async recordedProgress(): Promise<number[]> {
    return this.page.evaluate(() => (window as unknown as { __scanProgress: number[] }).__scanProgress);
  }
}
