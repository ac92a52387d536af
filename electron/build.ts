/**
 * Bundles main and preload to CommonJS under out/ (the renderer is Vite's job: out/renderer). CommonJS because the
 * sandboxed preload cannot load ESM and this package is `"type": "module"` (style.md §13).
 */
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node' as const,
  format: 'cjs' as const,
  target: 'node22',
  external: ['electron'],
  sourcemap: false,
  logLevel: 'warning' as const,
};

await build({ ...common, entryPoints: ['electron/main/index.ts'], outfile: 'out/main/index.cjs' });
await build({ ...common, entryPoints: ['electron/preload/index.ts'], outfile: 'out/preload/index.cjs' });
console.log('built out/main/index.cjs and out/preload/index.cjs');
