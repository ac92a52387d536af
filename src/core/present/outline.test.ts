import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze.ts';
import { host, route } from '../test-support/hosts.ts';
import { counted, findingTitles, resultOutline } from './outline.ts';

/** vmk0 (management) and vmk1 (vMotion) in one /24 on ESXi 5.0, the layout of the Chan and Denneman articles. */
function esx50(name: string, last: number, bind?: number) {
  return host({
    name,
    version: '5.0.0',
    build: '469512',
    ...(bind !== undefined ? { bind } : {}),
    nics: [
      { name: 'vmk0', ip: `10.0.1.${last}`, tags: ['Management'], portGroup: 'Management Network' },
      { name: 'vmk1', ip: `10.0.1.${last + 1}`, tags: ['VMotion'], portGroup: 'vMotion' },
    ],
    routes: [route('defaultTcpipStack', '10.0.1.0', '255.255.255.0', '0.0.0.0', 'vmk0', 0)],
  });
}

describe('the result outline (the folded parts below the first screen)', () => {
  it('names each part with what it holds, counted from the analysis, in page order', () => {
    const r = analyze({ source: esx50('esx01', 10), dest: esx50('esx02', 20) });
    const parts = resultOutline(r);
    expect(parts.map((p) => p.id)).toEqual(['settle-h', 'fix-h', 'picture-h', 'paths-h', 'findings-h']);
    const byId = Object.fromEntries(parts.map((p) => [p.id, p]));
    expect(byId['fix-h']!.what).toMatch(new RegExp(`^${r.remediation.length} fix(es)?, the most suitable first: `));
    expect(byId['fix-h']!.what).toContain(r.remediation[0]!.title);
    expect(byId['paths-h']!.what).toMatch(new RegExp(`^${r.flows.length} paths of \\d traffic class(es)?, \\d+ not on the intended vmknic`));
    expect(byId['findings-h']!.title).toBe(`Findings (${r.findings.length})`);
    // The severity counts add up to the findings.
    const sum = [...byId['findings-h']!.what.matchAll(/(\d+) (blocker|high|medium|low|info)/g)].reduce((n, m) => n + Number(m[1]), 0);
    expect(sum).toBe(r.findings.length);
    // A likely answer: "To be sure" confirms, it does not settle, and starts folded like the rest.
    expect(r.verdict.uncertain).toBeFalsy();
    expect(byId['settle-h']!.what).toMatch(/would confirm what is now taken from defaults/);
    expect(parts.every((p) => !p.open)).toBe(true);
  });

  it('opens "To be sure" when the verdict is uncertain, naming the hosts to run the commands on', () => {
    const r = analyze({ source: esx50('esx01', 10, 1), dest: esx50('esx02', 20, 1) });
    expect(r.verdict.uncertain).toBe(true);
    const settle = resultOutline(r).find((p) => p.id === 'settle-h')!;
    expect(settle.open).toBe(true);
    expect(settle.what).toMatch(/^\d+ commands? to run on esx01/);
    expect(settle.what).toMatch(/they settle the uncertain answer\.$/);
    expect(resultOutline(r).filter((p) => p.open).map((p) => p.id)).toEqual(['settle-h']);
  });

  it('names the findings a fix answers by their titles', () => {
    expect(findingTitles(['SAME_SUBNET_VMKNICS', 'NOT_A_FINDING'])).toBe('Several VMkernel adapters in one subnet; NOT_A_FINDING');
  });

  it('counts with the right plural', () => {
    expect(counted(1, 'fix', 'fixes')).toBe('1 fix');
    expect(counted(3, 'fix', 'fixes')).toBe('3 fixes');
    expect(counted(2, 'path')).toBe('2 paths');
  });
});

describe('scan wording', () => {
  it('counts a group certainty as findings, which can outnumber the hosts', async () => {
    const { certaintyLine } = await import('./scan.ts');
    expect(certaintyLine({ definite: 3, probable: 0, uncertain: 0 })).toBe('3 findings, all certain');
    expect(certaintyLine({ definite: 0, probable: 1, uncertain: 0 })).toBe('1 finding, likely');
    expect(certaintyLine({ definite: 0, probable: 20, uncertain: 1380 })).toBe('1,400 findings: 20 likely, 1,380 uncertain');
  });
  it('names a scan finding by its title', async () => {
    const { findingTitle } = await import('./outline.ts');
    expect(findingTitle('MTU_MISMATCH')).toBe('Frame size (MTU) mismatch on the vMotion path');
  });
});
