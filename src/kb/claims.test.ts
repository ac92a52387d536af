import { describe, expect, it } from 'vitest';
import { CLAIM_SOURCES } from '../core/claims/sources.ts';
import { checkArticle } from './check.ts';
import { offVocabulary, unsourcedClaims } from './claims.ts';
import { createKnowledgeBase, knowledgeBase } from './index.ts';
import { portableMarkdown } from './portable.ts';

const article = (body: string, sources = '[LAMW]') => ({
  file: 'claims.md',
  markdown: `---\nid: claims\ntitle: Claims?\nversions: [all]\nsources: ${sources}\n---\n${body}`,
});

describe('claims need a source (issue 19)', () => {
  it('flags a version boundary, a default or a command behaviour without a src: link, and accepts one with it', () => {
    expect(unsourcedClaims('Value 3 always binds from 6.5d on.')).toHaveLength(1);
    expect(unsourcedClaims('The default is 3 on 7.0.')).toHaveLength(1);
    expect(unsourcedClaims('It works on ESXi 6.5 or later.')).toHaveLength(1);
    expect(unsourcedClaims('`esxcfg-advcfg -g /Migrate/BindToVmknic` prints the value.')).toHaveLength(1);
    expect(unsourcedClaims('Value 3 always binds from 6.5d on ([Lam\'s dumps](src:LAMW)).')).toEqual([]);
    // Not claims: a heading, a sentence without a boundary, the default stack.
    expect(unsourcedClaims('## ESXi 5.x {#x}\n\nThe default stack carries management.')).toEqual([]);
  });

  it('lets one source in a table\'s header row cover the table, and checks each row otherwise', () => {
    const covered = '| Build ([Lam\'s dumps](src:LAMW)) | Default |\n| --- | --- |\n| 6.0 U3 | default 2 |\n';
    const bare = '| Build | Default |\n| --- | --- |\n| 6.0 U3 | default 2 |\n';
    expect(unsourcedClaims(covered)).toEqual([]);
    expect(unsourcedClaims(bare)).toEqual(['6.0 U3 | default 2']);
  });

  it('makes the build fail on an unsourced claim, an unknown source key, a key missing from the front matter and off-vocabulary wording', () => {
    const kb = createKnowledgeBase([article('The answer.\n\nIt defaults to 3 on 7.0. Cited [here](src:NOPE) and [there](src:SEED1). This is undocumented.')]);
    const problems = checkArticle(kb.listArticles()[0]!);
    expect(problems.some((p) => p.includes('claim without a source'))).toBe(true);
    expect(problems).toContain('claims.md: src:NOPE names no source (unknown SOURCES key)');
    expect(problems).toContain("claims.md: src:SEED1 is not in the front matter's sources");
    expect(offVocabulary('This is undocumented.')).toEqual(['undocumented']);
  });

  it('renders a src: link as a link to the source\'s address in HTML, as plain text in the terminal, as the address in portable Markdown', () => {
    const kb = createKnowledgeBase([article('The answer: 3 ([Lam\'s dumps](src:LAMW)).')]);
    const r = kb.renderArticle('claims')!;
    expect(r.html).toContain(`<a href="${CLAIM_SOURCES.LAMW.url}" class="kb-external kb-source"`);
    expect(r.html).not.toContain('src:LAMW');
    expect(r.text).toContain("3 (Lam's dumps).");
    expect(r.text).not.toContain('src:');
    expect(portableMarkdown(kb.getArticle('claims')!)).toContain(`[Lam's dumps](${CLAIM_SOURCES.LAMW.url})`);
  });
});

describe('the bundled articles (issue 19 corrections)', () => {
  const bodies = knowledgeBase()
    .listArticles()
    .map((a) => ({ id: a.id, body: a.body }));

  it('do not repeat the claims issue 19 found wrong or overstated', () => {
    for (const { id, body } of bodies) {
      expect(body, id).not.toMatch(/--dir 1\b[^.]*\bleaving\b/);
      expect(body, id).not.toMatch(/ixgben/);
      expect(body, id).not.toMatch(/Chan (?:reports|used)|Chan \(2012, ESXi 5\.0\)/);
      expect(body, id).not.toMatch(/ESXi 5\.0 output/);
      expect(body, id).not.toMatch(/drops the large frames/);
      expect(body, id).not.toMatch(/6\.0 accepts only/);
      expect(body, id).not.toMatch(/Steps 1, 2 and 5 are documented/);
      expect(body, id).not.toMatch(/do not give two routes/);
    }
  });

  it('teach the capture that proves egress: pktcap-uw --dir 0 is what a vmknic sends', () => {
    const observing = bodies.find((b) => b.id === 'observing-a-vmotion')!.body;
    expect(observing).toMatch(/pktcap-uw --vmk vmk0 --dir 0 -c 100` captures 100 frames that vmk0 \*sends\*/);
  });
});
