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

export default defineConfig({
  test: {
    reporters: ['default', './tools/summary-reporter.ts'],
    // Two cores here and in CI: keep the pool small so fuzz tests do not starve each other.
    maxWorkers: 2,
    projects: [
      { test: { name: 'node', include: common, exclude: [runes, '**/node_modules/**'] } },
      {
        // Rune modules (`.svelte.ts`) and their tests are compiled by Svelte and resolved with the browser
        // condition, so effects run as in the app (style.md §7).
        plugins: [svelte({ configFile: false })],
        resolve: { conditions: ['browser'] },
        ssr: { resolve: { conditions: ['browser'] } },
        test: { name: 'svelte', include: [runes], environment: './src/renderer/lib/actors/client-environment.ts' },
      },
    ],
  },
});
