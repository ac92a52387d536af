/** The preload exposes exactly the contract as window.vpd, each function invoking its own channel (Electron mocked). */
import { describe, expect, it, vi } from 'vitest';

const seen = vi.hoisted(() => ({ exposed: new Map<string, Record<string, unknown>>(), invoked: [] as unknown[][] }));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: Record<string, unknown>) => seen.exposed.set(key, api) },
  ipcRenderer: { invoke: (...args: unknown[]) => (seen.invoked.push(args), Promise.resolve({ ok: true, value: null })) },
}));

await import('./index.ts');

describe('preload', () => {
  it('exposes one object, vpd, holding only the contract functions', () => {
    expect([...seen.exposed.keys()]).toEqual(['vpd']);
    const api = seen.exposed.get('vpd')!;
    expect(Object.keys(api).sort()).toEqual(['autosaveCase', 'exportReport', 'listAutosaved', 'markAutosaveFailed', 'openAutosaved', 'openCase', 'printReport', 'removeAutosaved', 'saveCase']);
    for (const fn of Object.values(api)) expect(typeof fn).toBe('function');
  });

  it('sends each call on its own vpd: channel with the arguments as given', async () => {
    const api = seen.exposed.get('vpd') as Record<string, (...a: unknown[]) => Promise<unknown>>;
    await api.saveCase!({ suggestedName: 'a.json', text: '{}' });
    await api.openCase!();
    await api.autosaveCase!({ id: 'case-0001', text: '{}' });
    await api.openAutosaved!('case-0001');
    expect(seen.invoked).toEqual([
      ['vpd:case.save', { suggestedName: 'a.json', text: '{}' }],
      ['vpd:case.open'],
      ['vpd:autosave.write', { id: 'case-0001', text: '{}' }],
      ['vpd:autosave.read', 'case-0001'],
    ]);
  });
});
