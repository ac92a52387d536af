/**
 * Ends the e2e run with the plain closing line CI reads (`E2E: N passed, N failed, N skipped`, as
 * tools/summary-reporter.ts does for Vitest) and names every skipped test with its reason.
 */
import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';

export default class SummaryReporter implements Reporter {
  #passed = 0;
  #failed = 0;
  #skipped: string[] = [];

  onTestEnd(test: TestCase, result: TestResult): void {
    // Count the final attempt only (retries report each attempt).
    if (result.retry < test.retries && result.status !== 'passed' && result.status !== 'skipped') return;
    if (result.status === 'skipped') {
      const reason = test.annotations.find((a) => a.type === 'skip')?.description ?? 'no reason given';
      this.#skipped.push(`  skipped: ${test.titlePath().slice(1).join(' › ')} — ${reason}`);
    } else if (result.status === 'passed' || (result.status === test.expectedStatus)) this.#passed++;
    else this.#failed++;
  }

  onEnd(result: FullResult): void {
    if (this.#skipped.length > 0) process.stdout.write(`\nSkipped e2e tests:\n${this.#skipped.join('\n')}\n`);
    const failed = this.#failed + (result.status === 'failed' && this.#failed === 0 ? 1 : 0);
    process.stdout.write(`\nE2E: ${this.#passed} passed, ${failed} failed, ${this.#skipped.length} skipped\n`);
  }

  printsToStdio(): boolean {
    return false;
  }
}
