/**
 * src/bundles runs in the app's renderer and in a worker as well as in the CLI: like src/core and src/parsers it must
 * not import Node, Electron, Svelte or the DOM (test support files excepted: they build archives with node:fs).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const dir = new URL('./', import.meta.url);

describe('src/bundles', () => {
  it('imports no Node, Electron or Svelte code and uses no Node or DOM global', () => {
    const offenders: string[] = [];
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.includes('test-support'));
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) {
      const text = readFileSync(new URL(f, dir), 'utf8');
      for (const m of text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/gm)) {
        if (/^(node:|fs$|path$|os$|child_process$|electron|svelte)/.test(m[1] ?? '')) offenders.push(`${f} imports ${m[1]}`);
      }
      if (/\b(?:document|window|localStorage|process|Buffer)\.\w/.test(text.replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, ''))) offenders.push(`${f} uses a Node or DOM global`);
    }
    expect(offenders).toEqual([]);
  });
});
