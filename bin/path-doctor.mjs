#!/usr/bin/env node
// Installed entry point of the `path-doctor` CLI: runs the build of src/cli in out/cli (tools/build-cli.mjs, run
// by `npm ci`/`npm install` through `prepare`, by `npm run build`, and before every `npm run cli`), so a start
// costs what starting Node costs, not a TypeScript transpiler. `npm run cli:dev` runs the sources through tsx.
import { existsSync } from 'node:fs';

// The build's source maps (they point at src/) are not turned on here: Node would read and index them for every
// chunk at every start (≈ 15 ms, 8% of an `analyze`), and a user never sees a stack trace (an internal error is one
// sentence). `npm run cli` runs with --enable-source-maps, as anyone can (NODE_OPTIONS=--enable-source-maps).

const entry = new URL('../out/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  // A checkout installed with --ignore-scripts (or out/ cleaned): build once, where the build tool is installed.
  process.stderr.write('path-doctor: building the CLI (out/cli is missing) ...\n');
  try {
    const { buildCli } = await import('../tools/build-cli.mjs');
    await buildCli({ quiet: true });
  } catch (e) {
    process.stderr.write(`path-doctor: the CLI is not built and cannot be built here (${e instanceof Error ? e.message : String(e)}); run \`npm run build:cli\` in the project folder\n`);
    process.exit(2);
  }
}
// A reader that stops early (`| head`, a closed pager) ends the output, not the run: no EPIPE trace, the exit
// code still says what was found.
let stdoutOpen = true;
process.stdout.on('error', (e) => {
  if (e.code !== 'EPIPE') throw e;
  stdoutOpen = false;
  process.stdout.emit('drain');
});
const { main, TerminalStatus } = await import(entry.href);
// A status line while a long command works, only where a person watches: standard error is a terminal.
const status = process.stderr.isTTY ? new TerminalStatus((s) => process.stderr.write(s)) : undefined;
process.exitCode = await main(process.argv.slice(2), {
  stdout: (s) => {
    // Standard output may be the same terminal: the status line goes before the results do.
    status?.clear();
    return stdoutOpen ? process.stdout.write(s) : true;
  },
  stderr: (s) => {
    status?.clear();
    process.stderr.write(s);
  },
  // Long outputs (the scan's JSON) wait here when a pipe is full, instead of queueing the document in memory.
  drain: () => new Promise((resolve) => process.stdout.once('drain', resolve)),
  ...(status ? { progress: (text) => (text === '' ? status.clear() : status.show(text)) } : {}),
});
