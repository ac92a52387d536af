/**
 * Recent cases, kept in the renderer's localStorage (per origin: app:// in the shell, 127.0.0.1 in the web build).
 * Only small cases are kept; a big one is still saved as a file, just not remembered here.
 */
import { caseToJson, readCase } from './case-file.ts';
import type { CaseFile } from './case-file.ts';

const KEY = 'vpd.recent-cases';
const MAX_CASES = 5;
const MAX_CASE_CHARS = 512 * 1024;

export interface RecentCase {
  readonly id: string;
  readonly title: string;
  readonly savedAt: string;
  readonly json: string;
}

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

export function listRecent(): RecentCase[] {
  try {
    const raw = storage()?.getItem(KEY);
    const list: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(list) ? (list as RecentCase[]).filter((c) => typeof c?.json === 'string' && typeof c.title === 'string') : [];
  } catch {
    return [];
  }
}

export function remember(c: CaseFile): void {
  const json = caseToJson(c);
  if (json.length > MAX_CASE_CHARS) return;
  const id = `${c.title}|${c.evidence.sourceText.length}|${c.evidence.destText.length}|${c.evidence.attachments.map((a) => a.name).join(',')}`;
  const list = [{ id, title: c.title, savedAt: c.savedAt, json }, ...listRecent().filter((r) => r.id !== id)].slice(0, MAX_CASES);
  try {
    storage()?.setItem(KEY, JSON.stringify(list));
  } catch {
    // Storage full or disabled: recents are a convenience, the case file is the real save.
  }
}

export function openRecent(r: RecentCase) {
  return readCase(r.title, r.json);
}
