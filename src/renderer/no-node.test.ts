/**
 * The renderer runs in a sandboxed page and a plain browser: no Node APIs and no Electron in any module it ships
 * (style.md §1). Tests and the Vitest environment file are exempt.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.(ts|svelte)$/.test(n) && !/\.test\.ts$/.test(n) ? [p] : [];
  });
}

const FORBIDDEN = /(?:from|import)\s*\(?\s*['"](node:[^'"]+|fs|path|os|child_process|electron)['"]/;

describe('renderer sources', () => {
  const files = sources('src/renderer');

  it('exist (the scan is not vacuous)', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it('import nothing from Node or Electron', () => {
    const offenders = files.filter((f) => FORBIDDEN.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
