#!/usr/bin/env node
// Installed entry point of the `path-doctor` CLI: runs the TypeScript sources through tsx's loader
// so the bin and `npm run cli` execute exactly the same code.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
});
