import { describe, expect, it } from 'vitest';
import { gzip, tar, zip } from '../../../bundles/test-support.ts';
import { bundleSizeRefusal, kindOfFile, kindOfHead, MAX_BUNDLE_BYTES, splitFiles } from './route.ts';

const file = (name: string, body: Uint8Array | string) => new File([body], name);

describe('routing dropped files', () => {
  it('sends gzip, zip and tar files to the bundle reader by their first bytes, whatever their name', async () => {
    expect(await kindOfFile(file('bundle.bin', gzip('x')))).toBe('bundle');
    expect(await kindOfFile(file('export', zip({ a: 'b' })))).toBe('bundle');
    expect(await kindOfFile(file('plain', tar([{ path: 'a.txt', body: 'x' }])))).toBe('bundle');
    expect(kindOfHead(new Uint8Array([0x50, 0x4b, 0x03, 0x04]))).toBe('bundle');
  });

  it('reads everything else as text, whatever its name says', async () => {
    expect(await kindOfFile(file('esx01.txt', '[root@esx01:~] esxcfg-vmknic -l\n'))).toBe('text');
    expect(await kindOfFile(file('garbage.tgz', 'not gzip'))).toBe('text');
    expect(await kindOfFile(file('export.ZIP', 'PK but not a zip'))).toBe('text');
    const { bundles, texts } = await splitFiles([file('a.txt', 'x'), file('b.tgz', gzip('y')), file('c.log', 'z')]);
    expect(bundles.map((f) => f.name)).toEqual(['b.tgz']);
    expect(texts.map((f) => f.name)).toEqual(['a.txt', 'c.log']);
  });

  it('refuses a bundle above the cap in one sentence before reading it, and says nothing below it', () => {
    expect(bundleSizeRefusal('huge.zip', MAX_BUNDLE_BYTES)).toBeUndefined();
    expect(bundleSizeRefusal('huge.zip', 20 * 1024 ** 3)).toBe(
      'huge.zip was not read: it is 20.0 GiB, and a support bundle is read up to 16.0 GiB (what it expands to is capped at the same size). Export fewer hosts at a time.',
    );
  });
});
