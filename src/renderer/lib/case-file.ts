/**
 * The case file: everything needed to reopen a troubleshooting session (texts, choices, the symptom picked),
 * as versioned JSON. Reading validates every field, so a damaged or foreign file gives one clear sentence.
 */
import { MIGRATION_KINDS } from '../../core/result.ts';
import type { MigrationKind } from '../../core/result.ts';
import type { EvidenceSnapshot } from './evidence/evidence.svelte.ts';

export const CASE_FORMAT = 'vmotion-path-doctor-case';
export const CASE_VERSION = 1;

export interface CaseFile {
  readonly format: typeof CASE_FORMAT;
  readonly version: typeof CASE_VERSION;
  readonly savedAt: string;
  readonly title: string;
  /** Id of the flow the user walked, if any. */
  readonly flow?: string;
  readonly evidence: EvidenceSnapshot;
}

export type CaseRead = { readonly ok: true; readonly value: CaseFile } | { readonly ok: false; readonly message: string };

export function caseToJson(c: CaseFile): string {
  return JSON.stringify(c, null, 1);
}

function str(v: unknown): v is string {
  return typeof v === 'string';
}

export function readCase(name: string, text: string): CaseRead {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, message: `${name} is not a case file (it is not JSON). Open a .vpd.json file saved by this app, or paste the evidence instead.` };
  }
  const r = raw as Record<string, unknown> | null;
  if (!r || typeof r !== 'object' || r.format !== CASE_FORMAT) return { ok: false, message: `${name} is not a vMotion Path Doctor case file.` };
  if (r.version !== CASE_VERSION) return { ok: false, message: `${name} is a case file of version ${String(r.version)}; this app reads version ${CASE_VERSION}.` };
  const e = r.evidence as Record<string, unknown> | null;
  if (!e || typeof e !== 'object' || !str(e.sourceText) || !str(e.destText) || !Array.isArray(e.attachments)) {
    return { ok: false, message: `${name} is damaged: its evidence part is missing or malformed.` };
  }
  const attachments: { name: string; text: string; side: 'source' | 'dest' }[] = [];
  for (const a of e.attachments as unknown[]) {
    const x = a as Record<string, unknown> | null;
    if (!x || !str(x.name) || !str(x.text) || (x.side !== 'source' && x.side !== 'dest')) return { ok: false, message: `${name} is damaged: an attached file is malformed.` };
    attachments.push({ name: x.name, text: x.text, side: x.side === 'source' ? 'source' : 'dest' });
  }
  const migration: MigrationKind = (MIGRATION_KINDS as readonly unknown[]).includes(e.migration) ? (e.migration as MigrationKind) : 'live';
  const evidence: EvidenceSnapshot = {
    sourceText: e.sourceText,
    destText: e.destText,
    attachments,
    migration,
    ...(str(e.pickedSource) ? { pickedSource: e.pickedSource } : {}),
    ...(str(e.pickedDest) ? { pickedDest: e.pickedDest } : {}),
  };
  return {
    ok: true,
    value: {
      format: CASE_FORMAT,
      version: CASE_VERSION,
      savedAt: str(r.savedAt) ? r.savedAt : '',
      title: str(r.title) ? r.title : name,
      ...(str(r.flow) ? { flow: r.flow } : {}),
      evidence,
    },
  };
}
