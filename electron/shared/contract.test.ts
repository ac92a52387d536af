import { describe, expect, it } from 'vitest';
import { API_NAMES, CHANNELS, ContractError, isChannel, isSafeFileName, MAX_TEXT_CHARS, VALIDATE } from './contract.ts';

describe('IPC contract', () => {
  it('has few channels, all under the vpd: prefix', () => {
    expect(API_NAMES).toEqual(['openCase', 'saveCase', 'exportReport', 'printReport']);
    for (const c of Object.values(CHANNELS)) expect(c).toMatch(/^vpd:[a-z]+\.[a-z]+$/);
    expect(isChannel('vpd:case.save')).toBe(true);
    expect(isChannel('vpd:shell.exec')).toBe(false);
  });

  it('accepts well-formed arguments', () => {
    expect(VALIDATE.openCase([])).toEqual([]);
    expect(VALIDATE.saveCase([{ suggestedName: 'esx31_esx32.vpd.json', text: '{}' }])).toEqual([{ suggestedName: 'esx31_esx32.vpd.json', text: '{}' }]);
    expect(VALIDATE.printReport([{ suggestedName: 'report.pdf' }])).toEqual([{ suggestedName: 'report.pdf' }]);
  });

  it('refuses wrong arity, wrong types, paths in names and extra-large texts', () => {
    const bad: [keyof typeof VALIDATE, unknown[]][] = [
      ['openCase', ['x']],
      ['saveCase', []],
      ['saveCase', ['text']],
      ['saveCase', [{ suggestedName: '../../etc/passwd', text: '' }]],
      ['saveCase', [{ suggestedName: 'C:\\Windows\\x', text: '' }]],
      ['saveCase', [{ suggestedName: 'a.json', text: 42 }]],
      ['exportReport', [{ suggestedName: '', text: '' }]],
      ['printReport', [{}]],
    ];
    for (const [name, args] of bad) expect(() => VALIDATE[name](args), `${name} ${JSON.stringify(args)}`).toThrow(ContractError);
    try {
      VALIDATE.saveCase([{ suggestedName: 'a.json', text: 'x'.repeat(MAX_TEXT_CHARS + 1) }]);
      expect.unreachable();
    } catch (e) {
      expect((e as ContractError).code).toBe('TOO_LARGE');
    }
  });

  it('knows a safe file name', () => {
    expect(isSafeFileName('case.vpd.json')).toBe(true);
    expect(isSafeFileName('..')).toBe(false);
    expect(isSafeFileName('a/b')).toBe(false);
    expect(isSafeFileName('a\u0000b')).toBe(false);
    expect(isSafeFileName('x'.repeat(201))).toBe(false);
  });
});
