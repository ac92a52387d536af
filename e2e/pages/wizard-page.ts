/** Page object of the wizard: the current question, its answers, the outcome, Back and Restart. */
import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';

export class WizardPage {
  constructor(readonly page: Page) {}

  async start(symptom: string | RegExp): Promise<void> {
    await this.page.getByRole('button', { name: symptom }).click();
    await expect(this.page.locator('main')).toHaveAttribute('data-screen', 'wizard');
  }

  get question(): Locator {
    return this.page.locator('#question-prompt');
  }

  async expectQuestion(key: string): Promise<void> {
    await expect(this.page.locator(`section.question[data-question="${key}"]`)).toBeVisible();
  }

  async answer(label: string | RegExp): Promise<void> {
    await this.page.getByRole('group', { name: 'Answers' }).getByRole('button', { name: label }).click();
  }

  outcome(state?: string): Locator {
    return this.page.locator(state ? `section.outcome[data-outcome="${state}"]` : 'section.outcome');
  }

  async back(): Promise<void> {
    await this.page.getByRole('button', { name: 'Back', exact: true }).click();
  }

  async restart(): Promise<void> {
    await this.page.getByRole('button', { name: 'Restart' }).click();
  }
}
