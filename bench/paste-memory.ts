/**
 * Peak memory of reading a 60 MB paste (issue 17: "a 60 MB paste stays under 1 GB peak memory, measured in the
 * bench"). Run by bench/run.ts in a child process per shape, so each peak (the process's maximum resident set,
 * `process.resourceUsage().maxRSS`) is measured alone:
 * - `multi`: a generated multi-host session (7.0 outputs with prompts) grown to 60 MiB;
 * - `flat`: the same text with every line break replaced by a blank (a page copied without line breaks);
 * - `line`: 60 MiB of vmknic rows on one line.
 * Prints one JSON line: { shape, mib, hosts|error, ms, peakMiB }.
 */
import { loadEvidence } from '../src/parsers/index.ts';
import { estatePaste } from './generate.ts';

const shape = process.argv[2] ?? 'multi';
const TARGET = 60 * 1024 * 1024;

function paste(): string {
  if (shape === 'line') {
    const unit = 'vmk0 Management Network IPv4 10.0.0.1 255.255.255.0 10.0.0.255 00:50:56:aa:bb:cc 1500 65535 true STATIC defaultTcpipStack ';
    return unit.repeat(Math.ceil(TARGET / unit.length)).slice(0, TARGET);
  }
  const sample = estatePaste(1000);
  const text = estatePaste(Math.ceil((1000 * TARGET) / sample.length));
  return shape === 'flat' ? text.replace(/\n/g, ' ') : text;
}

const text = paste();
const t0 = performance.now();
const loaded = loadEvidence([{ file: 'big.txt', text, defaultHost: 'big' }]);
const ms = performance.now() - t0;
console.log(
  JSON.stringify({
    shape,
    mib: Number((text.length / 1024 / 1024).toFixed(1)),
    ...(loaded.ok ? { hosts: loaded.hosts.length } : { error: loaded.error.code }),
    ms: Math.round(ms),
    peakMiB: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
