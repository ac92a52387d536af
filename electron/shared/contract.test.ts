import { describe, expect, it } from 'vitest';
import { API_NAMES, CHANNELS, ContractError, isCaseId, isChannel, isSafeFileName, MAX_TEXT_CHARS, VALIDATE } from './contract.ts';

const CASE = '{\n  "format": "vpdcase",\n  "version": 2\n}\n';

describe('IPC contract', () => {
  it('has few channels, all under the vpd: prefix', () => {
    expect(API_NAMES).toEqual(['openCase', 'saveCase', 'exportReport', 'printReport', 'autosaveCase', 'listAutosaved', 'openAutosaved', 'markAutosaveFailed', 'removeAutosaved']);
    for (const c of Object.values(CHANNELS)) expect(c).toMatch(/^vpd:[a-z]+\.[a-z]+$/);
    expect(isChannel('vpd:case.save')).toBe(true);
    expect(isChannel('vpd:shell.exec')).toBe(false);
  });

  it('accepts well-formed arguments', () => {
    expect(VALIDATE.openCase([])).toEqual([]);
    expect(VALIDATE.saveCase([{ suggestedName: 'esx31_esx32.vpd.json', text: '{}' }])).toEqual([{ suggestedName: 'esx31_esx32.vpd.json', text: '{}' }]);
    expect(VALIDATE.printReport([{ suggestedName: 'report.pdf' }])).toEqual([{ suggestedName: 'report.pdf' }]);
    expect(VALIDATE.exportReport([{ suggestedName: 'esx31-to-esx32-report.html', text: '<!DOCTYPE html>' }])).toHaveLength(1);
    expect(VALIDATE.exportReport([{ suggestedName: 'esx31-report.md', text: '# r' }])).toHaveLength(1);
    expect(VALIDATE.autosaveCase([{ id: '7f3c2a10-aaaa-bbbb-cccc-000000000001', text: CASE }])).toEqual([{ id: '7f3c2a10-aaaa-bbbb-cccc-000000000001', text: CASE }]);
    expect(VALIDATE.listAutosaved([])).toEqual([]);
    expect(VALIDATE.openAutosaved(['case-0001'])).toEqual(['case-0001']);
    expect(VALIDATE.removeAutosaved(['case-0001'])).toEqual(['case-0001']);
    expect(VALIDATE.markAutosaveFailed([{ id: 'case-0001', reason: 'r' }])).toEqual([{ id: 'case-0001', reason: 'r' }]);
    // A reason is kept to one short sentence, whatever the page sends.
    expect(VALIDATE.markAutosaveFailed([{ id: 'case-0001', reason: 'r'.repeat(100_000) }])[0].reason).toHaveLength(300);
  });

  it('lets only case files into the autosave folder, under ids that cannot name another file', () => {
    const bad: [keyof typeof VALIDATE, unknown[]][] = [
      ['autosaveCase', [{ id: '../../x', text: CASE }]],
      ['autosaveCase', [{ id: '.hidden-case', text: CASE }]],
      ['autosaveCase', [{ id: 'short', text: CASE }]],
      ['autosaveCase', [{ id: 'case-0001', text: '#!/bin/sh\nrm -rf ~' }]],
      ['autosaveCase', [{ id: 'case-0001', text: '{"format": "drawio"}' }]],
      ['autosaveCase', [{ id: 'case-0001' }]],
      ['autosaveCase', [{ id: 'case-0001', text: CASE }, 'extra']],
      ['listAutosaved', ['x']],
      ['openAutosaved', ['a/b/c/d/e']],
      ['openAutosaved', [42]],
      ['removeAutosaved', ['../x']],
      ['markAutosaveFailed', [{ id: '../../x', reason: 'r' }]],
      ['markAutosaveFailed', [{ id: 'case-0001', reason: 42 }]],
      ['exportReport', [{ suggestedName: 'report.exe', text: '' }]],
      ['exportReport', [{ suggestedName: 'report.html.sh', text: '' }]],
    ];
    for (const [name, args] of bad) expect(() => VALIDATE[name](args), `${name} ${JSON.stringify(args)}`).toThrow(ContractError);
    expect(isCaseId('7f3c2a10-aaaa-bbbb-cccc-000000000001')).toBe(true);
    expect(isCaseId('x'.repeat(65))).toBe(false);
    try {
      VALIDATE.autosaveCase([{ id: 'case-0001', text: CASE + ' '.repeat(MAX_TEXT_CHARS) }]);
      expect.unreachable();
    } catch (e) {
      expect((e as ContractError).code).toBe('TOO_LARGE');
    }
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
