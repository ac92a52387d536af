import { describe, expect, it } from 'vitest';
import { createKnowledgeBase } from './index.ts';
import { renderHtml } from './markdown.ts';
import type { ArticleFile } from './types.ts';

const hostile: ArticleFile = {
  file: 'hostile.md',
  markdown: [
    '---',
    'id: hostile',
    'title: Does raw HTML get through?',
    'versions: [all]',
    'sources: [LAMW]',
    '---',
    'No: <script>alert("x")</script> and <img src=x onerror=alert(1)> stay text.',
    '',
    '<div onclick="steal()">block html</div>',
    '',
    '[click](javascript:alert(1)) [file](file:///etc/passwd) [data](data:text/html;base64,PHNjcmlwdD4=) [rel](../x)',
    '',
    '![tracker](https://example.com/pixel.png)',
    '',
    '## Section "quoted" <b>bold</b> {#sec}',
    '',
    '[ok](https://example.com/a?b=1&c=2) [inside](#sec) [other](kb:hostile#sec "a title")',
    '',
  ].join('\n'),
};

describe('renderArticle HTML', () => {
  const kb = createKnowledgeBase([hostile]);
  const html = kb.renderArticle('hostile')!.html;

  it('escapes raw HTML from the file instead of passing it through', () => {
    expect(html).not.toMatch(/<script|<img|<div|<b>/i);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('&lt;div onclick=&quot;steal()&quot;&gt;');
  });

  it('turns only https, #anchor and kb: targets into links', () => {
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    expect(hrefs).toEqual([
      'https://example.com/pixel.png',
      'https://example.com/a?b=1&amp;c=2',
      '#sec',
      'kb:hostile#sec',
      'https://github.com/lamw/esxi-advanced-and-kernel-settings',
    ]);
    // The refused links stay as the text that was written.
    expect(html).toContain('[click](javascript:alert(1)) [file](file:///etc/passwd) [data](data:text/html;base64,PHNjcmlwdD4=) [rel](../x)');
  });

  it('does not load images (offline app): image syntax becomes a plain link', () => {
    expect(html).not.toMatch(/<img/);
    expect(html).toContain('!<a href="https://example.com/pixel.png" class="kb-external" rel="noopener noreferrer">tracker</a>');
  });

  it('gives headings their stable anchor and hides the {#…} marker', () => {
    expect(html).toContain('<h2 id="sec">Section &quot;quoted&quot; &lt;b&gt;bold&lt;/b&gt;</h2>');
    expect(html).not.toContain('{#');
  });

  it('marks kb: links with data attributes for the app, and external links with rel=noopener', () => {
    expect(html).toContain('<a href="kb:hostile#sec" class="kb-link" data-kb-article="hostile" data-kb-section="sec" title="a title">other</a>');
    expect(html).toContain('class="kb-external" rel="noopener noreferrer"');
  });

  it('ends with the sources and their addresses', () => {
    expect(html).toMatch(/<h2 id="sources">Sources<\/h2>\n<ul class="kb-sources">\n<li><a href="https:\/\/github.com\/lamw\/esxi-advanced-and-kernel-settings"/);
  });
});

describe('renderHtml options', () => {
  const body = 'Intro.\n\n## Part {#part}\n\nSee [there](kb:far#x), [here](#part) and [near](kb:near).\n';

  it('prefixes ids and same-article anchors, shifts heading levels', () => {
    const html = renderHtml(body, { idPrefix: 'kb-a--', headingOffset: 1 });
    expect(html).toContain('<h3 id="kb-a--part">Part</h3>');
    expect(html).toContain('<a href="#kb-a--part">here</a>');
  });

  it('prints a kb: link as text when kbHref gives no address', () => {
    const html = renderHtml(body, { kbHref: (a, s) => (a === 'near' ? `#kb-${a}${s ?? ''}` : undefined) });
    expect(html).toContain('<span class="kb-ref" data-kb-article="far" data-kb-section="x">there</span>');
    expect(html).toContain('<a href="#kb-near" class="kb-link" data-kb-article="near">near</a>');
  });
});
