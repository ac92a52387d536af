/** The seed scenarios in the real shell: the same stories as e2e/web/seeds.spec.ts, through app://. */
import { expect, test } from '@playwright/test';
import { SEEDS } from '../fixtures/seeds.ts';
import { AppPage, example } from '../pages/app-page.ts';
import { launchApp, skipWithoutElectron } from '../support/electron-app.ts';

for (const seed of SEEDS) {
  test(`electron: ${seed.name}`, async () => {
    skipWithoutElectron();
    const shell = await launchApp();
    try {
      const app = new AppPage(shell.page);
      await app.startWithEvidence();
      await app.paste('source', example(seed.source));
      if (seed.dest) await app.paste('dest', example(seed.dest));
      if (seed.migration) await app.chooseMigration(seed.migration);
      await app.idle();
      await app.analyse();
      await app.unfold();
      await expect(app.verdict).toContainText(seed.verdict);
      for (const id of seed.findings) await expect(app.finding(id).first()).toBeVisible();
    } finally {
      await shell.close();
    }
  });
}
