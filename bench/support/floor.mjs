// The floor of `npm run bench`'s CLI goals (bench/cli.ts): plain Node, no tsx, reading the same files the CLI
// reads and splitting them into lines and fields (CSV: commas; text: blanks). What no CLI reading these bytes can
// beat; the measured command is compared with it in the same run.
import { readFileSync } from 'node:fs';

let fields = 0;
for (const file of process.argv.slice(2)) {
  const text = new TextDecoder().decode(readFileSync(file));
  const csv = file.toLowerCase().endsWith('.csv');
  for (const line of text.split('\n')) fields += (csv ? line.split(',') : line.split(/\s+/)).length;
}
if (fields === 0) process.exitCode = 1;
