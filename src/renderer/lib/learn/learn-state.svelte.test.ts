import { describe, expect, it } from 'vitest';
import * as kbModule from '../../../kb/index.ts';
import type { Kb } from './kb-loader.ts';
import { LearnState } from './learn-state.svelte.ts';
import type { Focusable } from './learn-state.svelte.ts';

function button(connected = true): Focusable {
  return { isConnected: connected, focus() {} };
}

function state(load: () => Promise<Kb> = () => Promise.resolve(kbModule)) {
  const said: string[] = [];
  return { learn: new LearnState({ load, say: (t) => said.push(t) }), said };
}

describe('LearnState', () => {
  it('opens the article that explains a finding at its section', async () => {
    const { learn } = state();
    const where = kbModule.articleFor({ finding: 'VMOTION_EGRESS_MISMATCH' });
    expect(where?.section).toBeDefined();
    await learn.openTopic({ finding: 'VMOTION_EGRESS_MISMATCH' }, button());
    expect(learn.place).toEqual({ id: where?.id, section: where?.section });
    expect(learn.visits).toBe(1);
  });

  it('says so and leaves the panel closed when no article explains an id', async () => {
    const { learn, said } = state();
    await learn.openTopic({ finding: 'NOT_A_FINDING' });
    expect(learn.place).toBeUndefined();
    expect(said).toEqual(['No article explains NOT_A_FINDING yet.']);
  });

  it('says so when the knowledge base cannot be loaded, and tries again on the next use', async () => {
    let calls = 0;
    const { learn, said } = state(() => (calls++ === 0 ? Promise.reject(new Error('chunk missing')) : Promise.resolve(kbModule)));
    expect(await learn.openTopic({ remediation: 'R4' })).toBeUndefined();
    expect(said[0]).toContain('chunk missing');
    expect(await learn.openTopic({ remediation: 'R4' })).toBeDefined();
    expect(learn.place?.id).toBe(kbModule.articleFor({ remediation: 'R4' })?.id);
  });

  it('keeps a Back trail of links followed inside the panel and starts a new one when opened from outside', () => {
    const { learn } = state();
    learn.openArticle({ id: 'vmknic-selection', section: 'routing-table' });
    learn.follow({ id: 'bind-to-vmknic' });
    learn.follow({ id: 'read-version', section: 'build-numbers' });
    expect(learn.trail).toHaveLength(2);
    learn.back();
    expect(learn.place).toEqual({ id: 'bind-to-vmknic' });
    learn.back();
    expect(learn.place).toEqual({ id: 'vmknic-selection', section: 'routing-table' });
    learn.back();
    expect(learn.place).toEqual({ id: 'vmknic-selection', section: 'routing-table' });
    learn.follow({ id: 'glossary' });
    learn.openArticle({ id: 'l3-vmotion' });
    expect(learn.trail).toEqual([]);
  });

  it('counts a reopening of the same place so the panel scrolls to it again', () => {
    const { learn } = state();
    learn.openArticle({ id: 'glossary' });
    learn.openArticle({ id: 'glossary' });
    expect(learn.visits).toBe(2);
  });

  it('hands back the opener on close, or nothing when it has left the page', () => {
    const { learn } = state();
    const opener = button();
    learn.openArticle({ id: 'glossary' }, opener);
    expect(learn.close()).toBe(opener);
    expect(learn.place).toBeUndefined();

    learn.openArticle({ id: 'glossary' }, button(false));
    expect(learn.close()).toBeUndefined();
  });

  it('remembers where the user was when the Learn view opens and hands it back once', () => {
    const { learn } = state();
    const header = button();
    learn.openView(header, 840);
    learn.openView(button(), 0);
    expect(learn.viewOpen).toBe(true);
    expect(learn.closeView()).toEqual({ scrollY: 840, opener: header });
    expect(learn.viewOpen).toBe(false);
    expect(learn.closeView()).toBeUndefined();
  });

  it('keeps the search text while the Learn view is closed', () => {
    const { learn } = state();
    learn.openView(undefined, 0);
    learn.query = 'cold data';
    learn.closeView();
    learn.openView(undefined, 0);
    expect(learn.query).toBe('cold data');
  });
});
