/**
 * Writing a case file: always the current version, keys in a fixed order and optional fields only when present,
 * so the same case gives the same bytes (diffable, and autosave can skip a write when nothing changed).
 */
import { CASE_FORMAT, CASE_VERSION, type CaseFile } from './case-file.ts';
import { writeImported } from './imported-host.ts';

export function serializeCase(c: CaseFile): string {
  const ordered = {
    format: CASE_FORMAT,
    version: CASE_VERSION,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    ...(c.title !== undefined ? { title: c.title } : {}),
    ...(c.screen !== undefined ? { screen: c.screen } : {}),
    migration: c.migration,
    evidence: c.evidence.map((e) => ({ id: e.id, name: e.name, role: e.role, text: e.text })),
    ...(c.imported !== undefined && c.imported.length > 0 ? { imported: writeImported(c.imported) } : {}),
    ...(c.picked !== undefined
      ? { picked: { ...(c.picked.source !== undefined ? { source: c.picked.source } : {}), ...(c.picked.destination !== undefined ? { destination: c.picked.destination } : {}) } }
      : {}),
    // fromEntries keeps a "__proto__" answer as an ordinary key.
    answers: Object.fromEntries(Object.entries(c.answers)),
    ...(c.flow !== undefined ? { flow: { id: c.flow.id, state: c.flow.state, history: [...c.flow.history], ...(c.flow.evidenceUsed !== undefined ? { evidenceUsed: c.flow.evidenceUsed } : {}) } } : {}),
    notes: c.notes,
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}
