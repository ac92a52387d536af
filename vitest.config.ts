import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'flows/**/*.test.ts', 'bench/**/*.test.ts', 'examples/**/*.test.ts', 'tools/**/*.test.ts'],
    reporters: ['default', './tools/summary-reporter.ts'],
    // Two cores here and in CI: keep the pool small so fuzz tests do not starve each other.
    maxWorkers: 2,
    // Property tests run hundreds of cases; on a loaded 2-core machine they need more than the 5 s default.
    testTimeout: 30_000,
  },
});
