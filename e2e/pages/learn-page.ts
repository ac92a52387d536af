/**
 * Page object of the knowledge base (issue 10): the article panel beside the wizard or result, the "Learn more" /
 * "Why we ask" buttons that open it, and the Learn view with its search. Locators by role and name (style.md §7).
 */
import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';

export class LearnPage {
  constructor(readonly page: Page) {}

  /** The side panel: a complementary landmark named by the article's title. */
  get panel(): Locator {
    return this.page.getByRole('complementary');
  }

  /** A heading inside the panel (the article title or one of its sections). */
  panelHeading(name: string | RegExp): Locator {
    return this.panel.getByRole('heading', { name });
  }

  learnMoreOnFinding(id: string): Locator {
    return this.page.locator(`article[data-finding="${id}"]`).getByRole('button', { name: /^Learn more about/ });
  }

  learnMoreOnPlan(id: string): Locator {
    return this.page.locator(`article[data-plan="${id}"]`).getByRole('button', { name: /^Learn more about/ });
  }

  get whyWeAsk(): Locator {
    return this.page.getByRole('button', { name: 'More on why we ask' });
  }

  async closePanel(): Promise<void> {
    await this.panel.getByRole('button', { name: 'Close the article' }).click();
    await expect(this.panel).toHaveCount(0);
  }

  /** The header's Learn button. */
  async openView(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'App' }).getByRole('button', { name: 'Learn' }).click();
    await expect(this.page.getByRole('heading', { level: 1 })).toHaveText('Learn');
  }

  get search(): Locator {
    return this.page.getByRole('searchbox', { name: 'Search the articles' });
  }

  /** The buttons of the Learn list (named by the article title): every article, or the search results. */
  results(kind: 'All articles' | 'Search results' = 'Search results'): Locator {
    return this.rows(kind).getByRole('button');
  }

  /** The rows of the Learn list: title button, snippet with the matched words marked, versions. */
  rows(kind: 'All articles' | 'Search results' = 'Search results'): Locator {
    return this.page.getByRole('list', { name: kind }).getByRole('listitem');
  }

  async backFromView(to: RegExp): Promise<void> {
    await this.page.getByRole('button', { name: to }).click();
  }
}
