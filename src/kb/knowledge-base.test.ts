import { describe, expect, it } from 'vitest';
import {
  articleFor,
  articlesForFindings,
  createKnowledgeBase,
  getArticle,
  listArticles,
  lookupArticle,
  portableMarkdown,
  renderArticle,
} from './index.ts';
import type { ArticleFile } from './types.ts';

describe('the bundled knowledge base', () => {
  it('lists the overview first and the glossary last', () => {
    const ids = listArticles().map((a) => a.id);
    expect(ids[0]).toBe('vmotion-on-vmk0');
    expect(ids[ids.length - 1]).toBe('glossary');
  });

  it('opens "learn more" at the section that explains a finding, a fix, a question or a command', () => {
    expect(articleFor({ finding: 'COLD_DATA_OVER_MANAGEMENT' })).toEqual({
      id: 'nfc-cold-data',
      title: getArticle('nfc-cold-data')!.title,
      section: 'nfc-path',
      sectionTitle: 'Which adapter NFC uses',
    });
    expect(articleFor({ remediation: 'R9' })).toMatchObject({ id: 'choosing-a-fix', section: 'flooding-workaround' });
    expect(articleFor({ question: 'receiverAutobind' })).toMatchObject({ id: 'unicast-flooding', section: 'reply-path' });
    expect(articleFor({ command: 'tag-get' })).toMatchObject({ id: 'read-vmknic-tables', section: 'tag-get' });
    expect(articleFor({ finding: 'NO_SUCH_FINDING' })).toBeUndefined();
  });

  it('has the build table of Migrate.BindToVmknic defaults in the binding article', () => {
    const text = renderArticle('bind-to-vmknic')!.text;
    expect(text).toMatch(/6\.0 U3 \(5050593\)\s+2\s+0–2\s+present, default 1/);
    expect(text).toMatch(/7\.0 U3d \(19482537\) … 7\.0 U3r \(24411414\)\s+3\s+0–3\s+absent/);
  });

  it('renders terminal text with the title, the body and the sources with their addresses', () => {
    const text = renderArticle('unicast-flooding', { width: 80 })!.text;
    expect(text.startsWith(`${getArticle('unicast-flooding')!.title}\n===`)).toBe(true);
    expect(text).toContain('The mechanism (inferred)\n------------------------');
    expect(text).toMatch(/Sources\n-------\n- Karim Elatov, "vMotion Causes Unicast Flooding" \(2012\)\n  https:\/\/elatov\.github\.io\//);
    expect(text).not.toMatch(/<\/?(?:a|p|h[1-6]|code|span|table|td)\b/);
    expect(text.split('\n').filter((l) => !l.startsWith('    ') && !/^  https?:\/\//.test(l)).every((l) => l.length <= 80)).toBe(true);
  });

  it('resolves exact ids whatever their case, and article#section', () => {
    expect(lookupArticle('vmotion_egress_mismatch')).toMatchObject({ kind: 'finding', id: 'VMOTION_EGRESS_MISMATCH', location: { id: 'vmknic-selection' } });
    expect(lookupArticle('r10')).toMatchObject({ kind: 'remediation', id: 'R10', location: { section: 'encryption' } });
    expect(lookupArticle('MTUCONSISTENT')).toMatchObject({ kind: 'question', id: 'mtuConsistent' });
    expect(lookupArticle('multihoming#checking')).toMatchObject({ kind: 'article', location: { id: 'multihoming', section: 'checking' } });
    expect(lookupArticle('cold data')).toBeUndefined();
  });

  it('exports an article as stand-alone Markdown without anchors or kb: links', () => {
    const md = portableMarkdown(getArticle('l3-vmotion')!);
    expect(md.startsWith(`# ${getArticle('l3-vmotion')!.title}\n\n`)).toBe(true);
    expect(md).not.toMatch(/\{#|\]\(kb:|\]\(#/);
    expect(md).toContain('## No way to the other subnet\n');
    expect(md).toMatch(/## Sources\n\n- vSphere 6\.5 documentation.*: <https:\/\/docs\.vmware\.com\//);
  });
});

describe('articlesForFindings (HTML report appendix)', () => {
  it('gives each explaining article once, in the order of the findings, with the findings it covers', () => {
    const appendix = articlesForFindings(['UNICAST_FLOODING_RISK', 'SAME_SUBNET_VMKNICS', 'VMOTION_ON_MANAGEMENT_NETWORK', 'NOPE']);
    expect(appendix.map((a) => [a.id, a.findings])).toEqual([
      ['unicast-flooding', ['UNICAST_FLOODING_RISK']],
      ['multihoming', ['SAME_SUBNET_VMKNICS', 'VMOTION_ON_MANAGEMENT_NETWORK']],
    ]);
    expect(appendix[0]).toMatchObject({ anchor: 'kb-unicast-flooding', title: getArticle('unicast-flooding')!.title });
  });

  it('prefixes ids, shifts headings below the report headings, and links only to articles in the appendix', () => {
    const [flooding, multihoming] = articlesForFindings(['UNICAST_FLOODING_RISK', 'SAME_SUBNET_VMKNICS']);
    expect(flooding!.html).toContain('<h3 id="kb-unicast-flooding--mechanism">');
    expect(flooding!.html).not.toMatch(/<h2/);
    expect(flooding!.html).toContain('<h3 id="kb-unicast-flooding--sources">Sources</h3>');
    // multihoming links to unicast-flooding (in the appendix) and to encrypted-vmotion (not in it).
    expect(multihoming!.html).toContain('<a href="#kb-unicast-flooding" class="kb-link" data-kb-article="unicast-flooding">');
    expect(multihoming!.html).toContain('<span class="kb-ref" data-kb-article="encrypted-vmotion">');
    expect(multihoming!.html).not.toContain('href="kb:');
  });
});

describe('createKnowledgeBase', () => {
  it('reports a broken article in one sentence and keeps the others', () => {
    const files: ArticleFile[] = [
      { file: 'fine.md', markdown: '---\nid: fine\ntitle: Fine?\nversions: [all]\n---\nYes.\n' },
      { file: 'broken.md', markdown: '---\nid: broken\ntitle: [unclosed\n---\nBody.\n' },
      { file: 'plain.md', markdown: 'No front matter at all.\n' },
    ];
    const kb = createKnowledgeBase(files);
    expect(kb.listArticles().map((a) => a.id)).toEqual(['fine']);
    expect(kb.problems).toHaveLength(2);
    expect(kb.problems[0]).toMatch(/^broken\.md: front matter is not valid YAML/);
    expect(kb.problems[1]).toBe('plain.md: no front matter (the file must start with a --- block)');
  });

  it('returns undefined for an unknown article', () => {
    const kb = createKnowledgeBase([]);
    expect(kb.renderArticle('nope')).toBeUndefined();
    expect(kb.getArticle('nope')).toBeUndefined();
    expect(kb.searchArticles('anything')).toEqual([]);
  });
});
