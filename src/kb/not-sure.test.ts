import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UNSURE_RULES } from '../core/claims/rules.ts';
import { knowledgeBase } from './index.ts';
import { NOT_SURE_FILE, notSureArticle } from './not-sure.ts';

describe('"What are we not sure of?" is generated from the claims register', () => {
  it('is committed exactly as generated (run `npx tsx kb/not-sure.ts && npx tsx kb/build.ts` after editing the register)', () => {
    const committed = readFileSync(join(import.meta.dirname, '..', '..', 'kb', 'articles', NOT_SURE_FILE), 'utf8');
    expect(committed).toBe(notSureArticle());
  });

  it('lists every rule of the register with its sources and what would settle it, and links to the sources', () => {
    const kb = knowledgeBase();
    const article = kb.getArticle('not-sure')!;
    expect(article.sections.map((s) => s.anchor)).toEqual(['rules', ...UNSURE_RULES.map((r) => r.id)]);
    const html = kb.renderArticle('not-sure')!.html;
    for (const r of UNSURE_RULES) {
      expect(article.body).toContain(`{#${r.id}}`);
      for (const k of r.sources) expect(article.sources.map((s) => s.key)).toContain(k);
    }
    expect(html).toContain('What would settle it');
    expect(html).not.toMatch(/src:|§|\[U\]|\[I\]|domain\.md/);
  });

  it('keeps every rule complete: a basis, sources, an effect and a way to settle it', () => {
    for (const r of UNSURE_RULES) {
      expect(r.sources.length, r.id).toBeGreaterThan(0);
      expect(r.settle.length, r.id).toBeGreaterThan(10);
      expect(r.basis.length, r.id).toBeGreaterThan(10);
    }
    expect(new Set(UNSURE_RULES.map((r) => r.id)).size).toBe(UNSURE_RULES.length);
  });
});
