/**
 * Vite builds the renderer (src/renderer → out/renderer) for both the Electron shell (served from app://) and the
 * plain web build (`npm run web`, served on 127.0.0.1). Relative `base` so the same files work under either origin.
 */
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';

const port = Number(process.env.PORT ?? 5199);
// VPD_OUT lets several builds (parallel e2e runs on one machine) keep out of each other's way.
const outDir = process.env.VPD_OUT ?? '../../out/renderer';

export default defineConfig({
  root: 'src/renderer',
  base: './',
  publicDir: false,
  plugins: [svelte({ configFile: false })],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    // No source maps in the shipped build: smaller, and nothing to fetch at run time.
    sourcemap: false,
    reportCompressedSize: false,
  },
  worker: { format: 'es' },
  server: { host: '127.0.0.1', port, strictPort: true },
  // `npm run web`: the built files, on the loopback interface only (issue 6: no remote access, no network).
  preview: { host: '127.0.0.1', port, strictPort: true, open: false },
});
