#!/usr/bin/env node
/**
 * Builds the `path-doctor` CLI (src/cli/main.ts) into plain JavaScript under out/cli/, so a start does not pay for
 * transpiling TypeScript (tsx took ≈ 0.5 s of every run). Plain JavaScript on purpose: `prepare` (npm ci / npm
 * install) and the bin's fallback run it with bare Node, before or without tsx.
 *
 *   node tools/build-cli.mjs              build
 *   node tools/build-cli.mjs --if-stale   build only when out/cli is missing or older than one of its inputs
 *                                         (what `npm run cli` runs first, so an edited source is never run stale)
 *
 * ESM with code splitting: what only some commands need (the xlsx reader, the bundle reader, the knowledge base
 * with markdown-it, the flows with xstate) sits behind dynamic import() and lands in its own chunk, loaded only by
 * the command that uses it. Source maps are written without the sources (they point at src/, which is here); the
 * bin turns them on so a stack trace names the TypeScript line.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'out', 'cli');
/** The inputs of the last build (esbuild's metafile), to tell whether the build is stale without building. */
const inputsFile = join(outdir, 'inputs.json');
export const CLI_ENTRY = join(outdir, 'main.js');

/** True when out/cli/main.js is missing or one of the files it was built from changed after it. */
export function isStale() {
  if (!existsSync(CLI_ENTRY) || !existsSync(inputsFile)) return true;
  let built;
  let inputs;
  try {
    built = statSync(CLI_ENTRY).mtimeMs;
    inputs = JSON.parse(readFileSync(inputsFile, 'utf8'));
  } catch {
    return true;
  }
  if (!Array.isArray(inputs)) return true;
  // A new source file that nothing imported before can only matter through an edited importer, which is listed.
  for (const file of [...inputs, 'tools/build-cli.mjs', 'package.json']) {
    try {
      if (statSync(join(root, file)).mtimeMs > built) return true;
    } catch {
      return true; // an input was deleted or renamed
    }
  }
  return false;
}

export async function buildCli({ quiet = false } = {}) {
  const { build } = await import('esbuild');
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  const result = await build({
    absWorkingDir: root,
    entryPoints: { main: 'src/cli/main.ts' },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Chunks next to main.js: src/cli/report-meta.ts finds package.json two folders up from its module.
    chunkNames: '[name]-[hash]',
    sourcemap: 'linked',
    sourcesContent: false,
    metafile: true,
    legalComments: 'none',
    minify: process.env.VPD_MINIFY === '1',
    logLevel: quiet ? 'error' : 'warning',
    // CommonJS dependencies (exceljs, …) call require() for Node's built-ins; an ES module has none of its own.
    banner: { js: "import { createRequire as __vpdCreateRequire } from 'node:module'; const require = __vpdCreateRequire(import.meta.url);" },
  });
  const inputs = Object.keys(result.metafile.inputs).filter((f) => !f.startsWith('node_modules/'));
  writeFileSync(inputsFile, `${JSON.stringify(inputs)}\n`);
  if (!quiet) {
    const js = Object.entries(result.metafile.outputs).filter(([f]) => f.endsWith('.js'));
    const kib = js.reduce((s, [, o]) => s + o.bytes, 0) / 1024;
    console.log(`built out/cli/main.js (${js.length} files, ${kib.toFixed(0)} KiB of JavaScript)`);
  }
  return result;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const ifStale = process.argv.includes('--if-stale');
  if (!ifStale || isStale()) await buildCli({ quiet: ifStale });
}
