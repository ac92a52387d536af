import { describe, expect, it } from 'vitest';
import { analyseExample, EXAMPLES } from '../../../test-support/examples.ts';
import { renderPathSvg } from '../../../core/render/svg.ts';
import { withoutStyleElements } from './picture.ts';

describe('the path picture as the app inserts it', () => {
  for (const example of EXAMPLES) {
    it(`${example.name}: keeps every arrow and its reasoning, loses only the <style> the CSP would refuse`, () => {
      const { result, hosts } = analyseExample(example);
      const svg = renderPathSvg(result, { hosts, idPrefix: 'vpd-pic', heading: false });
      const inserted = withoutStyleElements(svg);
      expect(svg).toContain('<style>');
      expect(inserted).not.toMatch(/<style\b/);
      expect(inserted.length).toBe(svg.length - (svg.match(/<style\b[^>]*>[\s\S]*?<\/style>/)?.[0].length ?? 0));
      // Nothing the page's policy or the sanitiser would have to drop, and every arrow focusable with its reason.
      expect(inserted).not.toMatch(/<script|<foreignObject|\son[a-z]+=|\sstyle=|href=/i);
      const arrows = inserted.match(/<g class="arrow [^>]*>/g) ?? [];
      expect(arrows.length).toBeGreaterThan(0);
      for (const a of arrows) expect(a).toMatch(/tabindex="0".*aria-label="[^"]+"/);
      expect(inserted.match(/<g class="arrow [^>]*><title>/g)?.length).toBe(arrows.length);
      expect(inserted).toContain('id="vpd-pic-legend"');
    });
  }

  it('removes every <style> element, whatever its attributes', () => {
    expect(withoutStyleElements('<svg><style type="text/css">a{}</style><g/><style>\nb{}\n</style></svg>')).toBe('<svg><g/></svg>');
  });
});
