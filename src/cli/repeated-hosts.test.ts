/**
 * Many copies of one host (issue 17: 1,000 copies once made a 17 KB one-line error): the CLI's sentences collapse
 * the repeats into one name with a count, and no error line grows past the cap.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleA } from '../bundles/fixtures.test-support.ts';
import { zip } from '../bundles/test-support.ts';
import { MAX_SENTENCE_CHARS } from '../core/sentence.ts';
import { runCli, runJson } from './run-cli.test-support.ts';

const COPIES = 40;
const dir = mkdtempSync(join(tmpdir(), 'vpd-repeat-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const bundle = bundleA();
const copies = join(dir, 'copies.zip');
writeFileSync(copies, zip(Object.fromEntries(Array.from({ length: COPIES }, (_, i) => [`esx21-copy${i}-vm2024.tgz`, bundle]))));

describe('one host in many bundles', () => {
  it('analyze names it once with its count among the hosts it leaves out', async () => {
    const r = await runJson(['analyze', '--source', copies, '--dest', join('examples', 'bind0-6.7', 'esx-b.txt')]);
    const notes = r.json.warnings.map((w: { message: string }) => w.message).filter((m: string) => m.startsWith('Not analysed'));
    expect(notes).toEqual([`Not analysed: esx21.lab.local (×${COPIES - 1}) (they are in the evidence too; choose it as source or destination to analyse it).`]);
  });

  it('analyze keeps an unknown --source-host error short', async () => {
    const r = await runCli(['analyze', '--source', copies, '--source-host', 'nope', '--dest', join('examples', 'bind0-6.7', 'esx-b.txt')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^path-doctor: no host named nope in the evidence \\(found: esx21\\.lab\\.local \\(×${COPIES}\\), esx32\\)\\n$`));
  });

  it('scan warns once, with the count', async () => {
    const { json } = await runJson(['scan', copies]);
    const repeated = json.warnings.filter((w: { message: string }) => w.message.includes('support bundles'));
    expect(repeated.map((w: { message: string }) => w.message)).toEqual([`esx21.lab.local is in ${COPIES} support bundles; the first one given is used.`]);
  });

  it('caps an error sentence built from a huge input', async () => {
    const r = await runCli(['analyze', '--source', copies, '--source-host', 'x'.repeat(20_000)]);
    expect(r.code).toBe(2);
    const line = r.stderr.replace(/^path-doctor: /, '').trimEnd();
    expect([...line].length).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
    expect(line).toMatch(/… and \d+ more characters$/);
  });
});
