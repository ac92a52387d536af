import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_START_URL, contentType, CSP, isAppUrl, isVettedDocLink, resolveAppFile } from './paths.ts';

const root = mkdtempSync(join(tmpdir(), 'vpd-paths-'));

describe('resolveAppFile', () => {
  it('serves files under the renderer folder', () => {
    expect(resolveAppFile(root, APP_START_URL)).toBe(join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://renderer/assets/index-abc.js')).toBe(join(root, 'assets/index-abc.js'));
    expect(resolveAppFile(root, 'app://renderer/')).toBe(join(root, 'index.html'));
  });

  it('refuses paths that climb out of the folder, however they are spelled', () => {
    // Dot segments, literal or %2e-encoded, are collapsed by the URL parser itself: they stay inside the folder.
    expect(resolveAppFile(root, 'app://renderer/../package.json')).toBe(join(root, 'package.json'));
    expect(resolveAppFile(root, 'app://renderer/%2e%2e/package.json')).toBe(join(root, 'package.json'));
    expect(resolveAppFile(root, 'app://renderer/assets/%2E%2E/%2E%2E/etc/passwd')).toBe(join(root, 'etc/passwd'));
    // What survives parsing and only becomes `..` once decoded is the real attack.
    for (const url of [
      'app://renderer/..%2fpackage.json',
      'app://renderer/assets/..%2f..%2f..%2fetc/passwd',
      'app://renderer/..%5cpackage.json',
      'app://renderer/%00index.html',
      'app://renderer/%E0%A4%A',
    ]) {
      expect(resolveAppFile(root, url), url).toBeUndefined();
    }
  });

  it('refuses other schemes and hosts', () => {
    expect(resolveAppFile(root, 'file:///etc/passwd')).toBeUndefined();
    expect(resolveAppFile(root, 'app://other/index.html')).toBeUndefined();
    expect(resolveAppFile(root, 'https://renderer/index.html')).toBeUndefined();
    expect(resolveAppFile(root, 'not a url')).toBeUndefined();
  });
});

describe('origins and headers', () => {
  it('knows its own origin', () => {
    expect(isAppUrl(APP_START_URL)).toBe(true);
    expect(isAppUrl('https://example.com/')).toBe(false);
    expect(isAppUrl('http://127.0.0.1:5199/')).toBe(false);
  });

  it('opens only https documentation links of the vetted origins', () => {
    expect(isVettedDocLink('https://knowledge.broadcom.com/external/article/318546')).toBe(true);
    expect(isVettedDocLink('http://knowledge.broadcom.com/')).toBe(false);
    expect(isVettedDocLink('https://knowledge.broadcom.com.evil.example/')).toBe(false);
    expect(isVettedDocLink('javascript:alert(1)')).toBe(false);
  });

  it('sends a CSP without unsafe sources and the right content types', () => {
    expect(CSP).toContain("default-src 'self'");
    expect(CSP).toContain("frame-ancestors 'none'");
    expect(CSP).not.toMatch(/unsafe-(inline|eval)/);
    expect(contentType('a/index.html')).toMatch(/^text\/html/);
    expect(contentType('x.JS')).toMatch(/^text\/javascript/);
    expect(contentType('x.bin')).toBe('application/octet-stream');
  });
});
