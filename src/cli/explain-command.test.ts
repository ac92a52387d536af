import { describe, expect, it } from 'vitest';
import { getArticle, listArticles } from '../kb/index.ts';
import { runCli } from './run-cli.test-support.ts';

describe('path-doctor explain', () => {
  it('prints the article that explains a finding id, naming the section', async () => {
    const r = await runCli(['explain', 'VMOTION_EGRESS_MISMATCH']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n')[0]).toBe(
      'VMOTION_EGRESS_MISMATCH (finding) is explained in this article; see the section "How the routing table picks an adapter".',
    );
    expect(r.stdout).toContain(`${getArticle('vmknic-selection')!.title}\n=====`);
    expect(r.stdout).toContain('Sources\n-------');
  });

  it('prints an article by its id, and a remediation by its number', async () => {
    const byId = await runCli(['explain', 'glossary']);
    expect(byId.code).toBe(0);
    expect(byId.stdout.startsWith(getArticle('glossary')!.title)).toBe(true);
    const fix = await runCli(['explain', 'R7']);
    expect(fix.stdout).toMatch(/^R7 \(remediation\) is explained in this article; see the section "Align MTU along the vMotion path"\./);
  });

  it('prints Markdown with --format markdown', async () => {
    const r = await runCli(['explain', 'bind-to-vmknic', '--format', 'markdown']);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith(`# ${getArticle('bind-to-vmknic')!.title}\n\n`)).toBe(true);
    expect(r.stdout).toContain('| 6.0 U3 (5050593) | 2 | 0–2 | present, default 1 |');
    expect(r.stdout).not.toContain('{#');
  });

  it('lists the best matches for free text, first the article about it', async () => {
    const r = await runCli(['explain', 'cold', 'data']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Articles matching "cold data":\n\n1\. Why does cold data travel over the management network/);
    expect(r.stdout).toContain('path-doctor explain nfc-cold-data#');
  });

  it('finds through a typo', async () => {
    const r = await runCli(['explain', 'bindtovmknik']);
    expect(r.stdout).toMatch(/1\. What do Migrate\.BindToVmknic and Migrate\.AutoBindVmknic mean/);
  });

  it('exits 2 with one sentence when nothing matches', async () => {
    const r = await runCli(['explain', 'kubernetes', 'pods']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('path-doctor: no article matches "kubernetes pods"; run "path-doctor explain" to list them all.\n');
  });

  it('lists every article without an argument', async () => {
    const r = await runCli(['explain']);
    expect(r.code).toBe(0);
    for (const a of listArticles()) expect(r.stdout).toContain(a.id);
  });

  it('refuses options of other commands and unknown formats', async () => {
    expect((await runCli(['explain', 'mtu', '--format', 'json'])).code).toBe(2);
    const r = await runCli(['explain', 'mtu', '--source', 'x.txt']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/explain does not take --source/);
  });
});
