import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

const common = [
  'src/**/*.test.ts',
  'flows/**/*.test.ts',
  'bench/**/*.test.ts',
  'examples/**/*.test.ts',
  'tools/**/*.test.ts',
  'electron/**/*.test.ts',
  'build/**/*.test.ts',
];
const runes = 'src/**/*.svelte.test.ts';
// Timeouts catch a stuck test, they are not speed goals (speed is `npm run bench`): property and archive tests do
// real work, and the suite must stay green on two cores with a load of 14, where a 2 s test takes 15–20 s. Vitest
// fails a synchronous test that ran past its timeout, so the limit sits far above any normal time. Inline projects
// do not inherit the root's test options, so each project sets them.
const testTimeout = 120_000;
const hookTimeout = 120_000;

export default defineConfig({
  test: {
    reporters: ['default', './tools/summary-reporter.ts'],
    // Two cores here and in CI: keep the pool small so fuzz tests do not starve each other.
    maxWorkers: 2,
    projects: [
      { test: { name: 'node', include: common, exclude: [runes, '**/node_modules/**'], testTimeout, hookTimeout } },
      {
        // Rune modules (`.svelte.ts`) and their tests are compiled by Svelte and resolved with the browser
        // condition, so effects run as in the app (style.md §7).
        plugins: [svelte({ configFile: false })],
        resolve: { conditions: ['browser'] },
        ssr: { resolve: { conditions: ['browser'] } },
        test: { name: 'svelte', include: [runes], environment: './src/test-support/vitest-client-environment.ts', testTimeout, hookTimeout },
      },
    ],
  },
});
