/**
 * The claims register for texts kept as data (issue 19): every sentence of the findings catalog and the wizard's
 * questions and outcomes that states a version boundary, a default or a command's behaviour has a source in
 * src/core/claims/texts.ts; no entry is stale; uncertainty is worded one way; and the claims issue 19 found wrong
 * do not come back.
 */
import { describe, expect, it } from 'vitest';
import { needsSource, OFF_VOCABULARY, sentences } from '../../src/core/claims/pattern.ts';
import { isClaimSourceKey } from '../../src/core/claims/sources.ts';
import { TEXT_CLAIMS } from '../../src/core/claims/texts.ts';
import { FINDINGS } from '../../src/core/findings/catalog.ts';
import { REMEDIATIONS } from '../../src/core/remediation/catalog.ts';
import * as OUTCOMES from './outcomes.ts';
import { QUESTIONS } from './questions.ts';

/** Every user-facing text field with its path (ids, values, remediation ids and source keys are not prose). */
function texts(): { where: string; text: string }[] {
  const out: { where: string; text: string }[] = [];
  const walk = (o: unknown, path: string) => {
    if (typeof o === 'string') {
      if (!/\.(value|id|confidence|defaultSeverity|key)$|\.(remediation|sources)\.\d+$/.test(path)) out.push({ where: path, text: o });
    } else if (Array.isArray(o)) o.forEach((x, i) => walk(x, `${path}.${i}`));
    else if (o && typeof o === 'object') for (const [k, v] of Object.entries(o)) walk(v, `${path}.${k}`);
  };
  walk(FINDINGS, 'finding');
  walk(REMEDIATIONS, 'remediation');
  walk(QUESTIONS, 'question');
  walk(OUTCOMES, 'outcome');
  return out;
}

const matches = (pattern: string, where: string) => {
  const a = pattern.split('.');
  const b = where.split('.');
  return a.length === b.length && a.every((p, i) => p === '*' || p === b[i]);
};

describe('claims register of the findings catalog and the wizard texts', () => {
  const all = texts();

  it('gives every claim sentence a registered source', () => {
    const missing: string[] = [];
    for (const { where, text } of all) {
      for (const s of sentences(text)) {
        if (!needsSource(s)) continue;
        const covered = TEXT_CLAIMS.some((c) => matches(c.where, where) && s.includes(c.quote));
        if (!covered) missing.push(`${where}: ${s}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('has no stale entry: each quote is still in its text, and each source key exists', () => {
    for (const c of TEXT_CLAIMS) {
      expect(all.some((t) => matches(c.where, t.where) && t.text.includes(c.quote)), `${c.where}: "${c.quote}"`).toBe(true);
      expect(c.sources.length, c.where).toBeGreaterThan(0);
      for (const k of c.sources) expect(isClaimSourceKey(k), k).toBe(true);
    }
  });

  it('words uncertainty one way ("not documented by VMware; observed by …", "inferred from …")', () => {
    for (const { where, text } of all) for (const p of OFF_VOCABULARY) expect(p.test(text), `${where}: ${text}`).toBe(false);
  });

  it('does not repeat the claims issue 19 found wrong or overstated', () => {
    const joined = all.map((t) => t.text).join('\n');
    expect(joined).not.toMatch(/--dir 1\b[^.]*leav/);
    expect(joined).not.toMatch(/ixgben/);
    expect(joined).not.toMatch(/Chan (?:reports|used)/);
    expect(joined).not.toMatch(/ESXi 5\.0 output/);
    expect(joined).not.toMatch(/drops the large frames/);
    expect(joined).not.toMatch(/5\.x has only the default stack/);
    expect(joined).not.toMatch(/accepts 0/);
    expect(joined).not.toMatch(/one route/);
  });
});
