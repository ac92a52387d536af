/**
 * The layering rules of the project, checked on the sources themselves:
 * - src/core, src/parsers and src/pipeline are pure TypeScript (no Node, Electron, Svelte or DOM), so the same code
 *   runs in the renderer, a worker, the CLI and tests;
 * - dependencies point one way: core imports nothing of parsers, pipeline, cli, renderer, flows or electron; parsers
 *   import only core; the pipeline (evidence in, analysis out, for the CLI and the app) imports only core and
 *   parsers; nothing in core/parsers/cli imports the renderer or electron.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (name !== '__fixtures__' && name !== 'test-support') out.push(...sources(p));
    } else if (/\.ts$/.test(name) && !/\.test\.ts$/.test(name) && !/test-support/.test(name)) out.push(p);
  }
  return out;
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm)].map(
    (m) => m[1] ?? m[2] ?? m[3] ?? '',
  );
}

const FORBIDDEN_PURE = /^(node:|fs$|path$|os$|child_process$|electron|svelte)/;

describe('layering', () => {
  for (const layer of ['src/core', 'src/parsers', 'src/pipeline']) {
    it(`${layer} imports no Node, Electron, Svelte or DOM code`, () => {
      const offenders: string[] = [];
      for (const file of sources(layer)) {
        for (const spec of imports(file)) if (FORBIDDEN_PURE.test(spec)) offenders.push(`${relative('.', file)} imports ${spec}`);
        const text = readFileSync(file, 'utf8');
        if (/\b(?:document|window|localStorage|process)\.\w/.test(text.replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, ''))) {
          offenders.push(`${relative('.', file)} uses a DOM or Node global`);
        }
      }
      expect(offenders).toEqual([]);
    });
  }

  it('core imports nothing from parsers, pipeline, cli, renderer, flows or electron', () => {
    const offenders = sources('src/core').flatMap((f) =>
      imports(f)
        .filter((s) => /(^|\/)(parsers|pipeline|cli|renderer|electron)\//.test(s) || /(^|\.\.\/)+flows\//.test(s))
        .map((s) => `${relative('.', f)} imports ${s}`),
    );
    expect(offenders).toEqual([]);
  });

  it('parsers import only core and themselves', () => {
    const offenders = sources('src/parsers').flatMap((f) =>
      imports(f)
        .filter((s) => s.startsWith('.') && !/^\.\/|^\.\.\/core\//.test(s))
        .map((s) => `${relative('.', f)} imports ${s}`),
    );
    expect(offenders).toEqual([]);
  });

  it('the pipeline imports only core, parsers and itself', () => {
    const offenders = sources('src/pipeline').flatMap((f) =>
      imports(f)
        .filter((s) => s.startsWith('.') && !/^\.\/|^\.\.\/(core|parsers)\//.test(s))
        .map((s) => `${relative('.', f)} imports ${s}`),
    );
    expect(offenders).toEqual([]);
  });

  it('the checks above see the real import statements (guard against a broken matcher)', () => {
    expect(imports('src/core/analyze.ts')).toContain('./analysis/vmotion-path.ts');
    expect(imports('src/cli/read-input.ts')).toContain('node:fs/promises');
  });
});
