/**
 * `npm run bench:web`: the web build's time to first interactive screen in Debian's Chromium (navigation start →
 * the start screen's first button enabled; cold cache, median of 7) and the size of the renderer bundle.
 * Baseline in the same run: the same browser showing a blank page with one button, so the ratio says what the app
 * adds on this machine however busy it is. Goal (issue 6): under 1.5 s (once asserted by e2e/web/smoke.spec.ts,
 * which now only checks that the screen becomes interactive). Needs a built renderer (the npm script builds it).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH, chromiumMissingMessage } from '../tools/chromium.ts';
import { goalLine, ms, times } from './support/goal.ts';
import { startPreview } from './support/preview.ts';

// The folder vite built into: VPD_OUT (relative to src/renderer, as vite.config.ts reads it) or the default.
const OUT = relative(process.cwd(), resolve('src/renderer', process.env.VPD_OUT ?? '../../out/renderer'));
const PORT = Number(process.env.BENCH_PORT ?? 5197);
const RUNS = 7;
const GOAL_MS = 1500;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]));
}

function kib(n: number): string {
  return `${(n / 1024).toFixed(1)} KiB`;
}

function bundleSizes(): void {
  const all = files(OUT);
  let raw = 0;
  let gz = 0;
  console.log(`renderer bundle (${OUT}):`);
  for (const f of all.sort()) {
    const body = readFileSync(f);
    raw += body.length;
    gz += gzipSync(body).length;
    console.log(`  ${f.slice(OUT.length + 1).padEnd(44)} ${kib(body.length).padStart(11)}  gzip ${kib(gzipSync(body).length).padStart(10)}`);
  }
  console.log(`  total ${String(all.length).padStart(2)} files${' '.repeat(31)} ${kib(raw).padStart(11)}  gzip ${kib(gz).padStart(10)}`);
}

/** The baseline page: one button, no script, served by the test's route (no server work either). */
const BLANK = '<!doctype html><title>baseline</title><button>Paste evidence first</button>';

async function timeToInteractive(baseline: boolean): Promise<number[]> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const took: number[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      // A fresh context per run: empty cache, like the first start of the day.
      const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
      await context.route(/.*/, (r) => {
        const url = new URL(r.request().url());
        if (url.hostname !== '127.0.0.1') return r.abort();
        return url.pathname === '/__baseline.html' ? r.fulfill({ contentType: 'text/html', body: BLANK }) : r.continue();
      });
      const page = await context.newPage();
      await page.goto(`http://127.0.0.1:${PORT}/${baseline ? '__baseline.html' : ''}`);
      await page.getByRole('button', { name: 'Paste evidence first' }).waitFor({ state: 'visible' });
      // Measured in the page: from navigation start to the moment the first action can be clicked.
      took.push(await page.evaluate(() => performance.now()));
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return took;
}

const missing = chromiumMissingMessage();
if (missing) {
  console.error(missing);
  process.exit(1);
}
console.log('vMotion Path Doctor web benchmark');
bundleSizes();
const server = await startPreview(PORT);
try {
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const app = await timeToInteractive(false);
  const blank = await timeToInteractive(true);
  console.log(`time to first interactive screen (Chromium, cold cache, ${RUNS} runs): median ${ms(median(app))}, min ${ms(Math.min(...app))}, max ${ms(Math.max(...app))}`);
  console.log(`baseline, a blank page with one button: median ${ms(median(blank))}; the app takes ${times(median(app) / median(blank))} the baseline`);
  console.log(goalLine({ what: 'time to first interactive screen (median)', value: median(app), max: GOAL_MS, unit: ms, source: 'issue 6' }));
} finally {
  server.stop();
}
