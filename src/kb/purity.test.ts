/**
 * src/kb runs in the renderer (no Node), so its runtime modules import no Node, Electron, Svelte or DOM code, and
 * the public entry (index.ts) does not pull in the parsers or the flows (catalogs.ts is for tests and the build).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = import.meta.dirname;
const runtime = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));

function imports(file: string): string[] {
  const text = readFileSync(join(dir, file), 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm)].map((m) => m[1] ?? m[2] ?? '');
}

/** Local modules reachable from a file, following relative imports inside src/kb. */
function closure(start: string): Set<string> {
  const seen = new Set<string>();
  const todo = [start];
  while (todo.length > 0) {
    const f = todo.pop()!;
    if (seen.has(f)) continue;
    seen.add(f);
    for (const spec of imports(f)) if (spec.startsWith('./')) todo.push(spec.slice(2));
  }
  return seen;
}

describe('src/kb layering', () => {
  it('imports no Node, Electron, Svelte or DOM code', () => {
    const offenders = runtime.flatMap((f) => imports(f).filter((s) => /^(node:|fs$|path$|electron|svelte)/.test(s)).map((s) => `${f} imports ${s}`));
    expect(offenders).toEqual([]);
    for (const f of runtime) {
      const code = readFileSync(join(dir, f), 'utf8').replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '');
      expect(code, f).not.toMatch(/\b(?:document|window|localStorage|process)\.\w/);
    }
  });

  it('keeps the parsers, the flows, the CLI and the renderer out of the public entry', () => {
    const reached = [...closure('index.ts')];
    expect(reached).not.toContain('catalogs.ts');
    const external = reached.flatMap((f) => imports(f).filter((s) => s.startsWith('../')));
    expect(external.filter((s) => /(parsers|flows|cli|renderer|electron)\//.test(s))).toEqual([]);
    expect(reached).toContain('articles.generated.ts'); // the guard sees real imports
  });
});
