/**
 * Many copies of one host (issue 17: 1,000 copies once made a 17 KB one-line error): the copies are one host (the
 * evidence pipeline keeps the first and says so once, with the count), and no error line grows past the cap.
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
  it('analyze takes it as one host, analyses the first copy and says so once, with the count', async () => {
    const r = await runJson(['analyze', '--source', copies, '--dest', join('examples', 'bind0-6.7', 'esx-b.txt')]);
    const messages: string[] = r.json.warnings.map((w: { message: string }) => w.message);
    expect(messages.filter((m) => m.includes('esx21.lab.local'))).toEqual([`esx21.lab.local is ${COPIES} times in ${copies}; the first copy is analysed.`]);
    expect(messages.filter((m) => m.startsWith('Not analysed'))).toEqual([]);
    expect(r.json.hosts.map((h: { name: string }) => h.name)).toEqual(['esx21.lab.local', 'esx32']);
  });

  it('analyze keeps an unknown --source-host error short, naming the repeated host once', async () => {
    const r = await runCli(['analyze', '--source', copies, '--source-host', 'nope', '--dest', join('examples', 'bind0-6.7', 'esx-b.txt')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^path-doctor: no host named nope in the evidence \(found: esx21\.lab\.local, esx32\)\n$/);
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
