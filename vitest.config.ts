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
// Property tests and archive tests do real work; on a loaded 2-core machine they need more than the 5 s default.
// Inline projects do not inherit the root's test options, so each project sets it.
const testTimeout = 30_000;

export default defineConfig({
  test: {
    reporters: ['default', './tools/summary-reporter.ts'],
    // Two cores here and in CI: keep the pool small so fuzz tests do not starve each other.
    maxWorkers: 2,
    projects: [
      { test: { name: 'node', include: common, exclude: [runes, '**/node_modules/**'], testTimeout } },
      {
        // Rune modules (`.svelte.ts`) and their tests are compiled by Svelte and resolved with the browser
        // condition, so effects run as in the app (style.md §7).
        plugins: [svelte({ configFile: false })],
        resolve: { conditions: ['browser'] },
        ssr: { resolve: { conditions: ['browser'] } },
        test: { name: 'svelte', include: [runes], environment: './src/test-support/vitest-client-environment.ts', testTimeout },
      },
    ],
  },
});
