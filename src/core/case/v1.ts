/**
 * Case file version 1: the format the app's first builds saved (src/renderer/lib/case-file.ts before case files
 * moved into core), and its migration to the current version (version 1 had no imported hosts either).
 *
 *   {
 *     "format": "vmotion-path-doctor-case", "version": 1,
 *     "savedAt": "2026-11-20T10:00:00.000Z", "title": "esx01 → esx02",
 *     "flow": "vmotion-on-management",                                   (optional: id of the flow walked)
 *     "evidence": {
 *       "sourceText": "…", "destText": "…",                              (the two paste boxes)
 *       "attachments": [{ "name": "esx01.txt", "side": "source" | "dest", "text": "…" }],
 *       "migration": "live" | "snapshots" | "non-shared" | "cold",
 *       "pickedSource": "esx01", "pickedDest": "esx02"                   (optional: hosts chosen; "" an assumed peer)
 *     }
 *   }
 *
 * Version 1 had no wizard answers, no flow position and no notes: the migrated case has none, and the flow (if
 * any) restarts from its first question (state null), which the wizard answers again from the evidence.
 */
import { MIGRATION_KINDS, type MigrationKind } from '../result.ts';
import { CASE_FORMAT, CASE_VERSION, isTimestamp, type CaseEvidence, type CaseFile } from './case-file.ts';
import { FieldError, isObject, list, object, oneOf, optionalString, string, type Json } from './read.ts';

export const CASE_FORMAT_V1 = 'vmotion-path-doctor-case';

export interface CaseFileV1 {
  readonly format: typeof CASE_FORMAT_V1;
  readonly version: 1;
  readonly savedAt: string;
  readonly title: string;
  readonly flow?: string;
  readonly evidence: {
    readonly sourceText: string;
    readonly destText: string;
    readonly attachments: readonly { readonly name: string; readonly side: 'source' | 'dest'; readonly text: string }[];
    readonly migration: MigrationKind;
    readonly pickedSource?: string;
    readonly pickedDest?: string;
  };
}

/** Validates a version 1 object (format and version already checked) and returns it typed. */
export function readV1(raw: Json): CaseFileV1 {
  const savedAt = string(raw, 'savedAt', 'savedAt');
  if (!isTimestamp(savedAt)) throw new FieldError(`"savedAt" must be a date and time like 2026-11-25T09:30:00.000Z, found "${savedAt.slice(0, 40)}"`);
  const title = string(raw, 'title', 'title');
  const flow = optionalString(raw, 'flow', 'flow');
  const ev = object(raw, 'evidence', 'evidence');
  const attachments = list(ev, 'attachments', 'evidence.attachments').map((item, i) => {
    const path = `evidence.attachments[${i}]`;
    if (!isObject(item)) throw new FieldError(`"${path}" must be an object`);
    return { name: string(item, 'name', `${path}.name`), side: oneOf(item, 'side', `${path}.side`, ['source', 'dest'] as const), text: string(item, 'text', `${path}.text`) };
  });
  const pickedSource = optionalString(ev, 'pickedSource', 'evidence.pickedSource');
  const pickedDest = optionalString(ev, 'pickedDest', 'evidence.pickedDest');
  return {
    format: CASE_FORMAT_V1,
    version: 1,
    savedAt,
    title,
    ...(flow !== undefined ? { flow } : {}),
    evidence: {
      sourceText: string(ev, 'sourceText', 'evidence.sourceText'),
      destText: string(ev, 'destText', 'evidence.destText'),
      attachments,
      migration: oneOf(ev, 'migration', 'evidence.migration', MIGRATION_KINDS),
      ...(pickedSource !== undefined ? { pickedSource } : {}),
      ...(pickedDest !== undefined ? { pickedDest } : {}),
    },
  };
}

/** Version 1 → the current version: the two pastes and the attachments become evidence items with a role. */
export function migrateV1(v1: CaseFileV1): CaseFile {
  const evidence: CaseEvidence[] = [];
  if (v1.evidence.sourceText !== '') evidence.push({ id: 'source-paste', name: 'source paste', text: v1.evidence.sourceText, role: 'source' });
  if (v1.evidence.destText !== '') evidence.push({ id: 'destination-paste', name: 'destination paste', text: v1.evidence.destText, role: 'destination' });
  v1.evidence.attachments.forEach((a, i) => evidence.push({ id: `attachment-${i + 1}`, name: a.name, text: a.text, role: a.side === 'source' ? 'source' : 'destination' }));
  const picked = {
    ...(v1.evidence.pickedSource !== undefined ? { source: v1.evidence.pickedSource } : {}),
    ...(v1.evidence.pickedDest !== undefined ? { destination: v1.evidence.pickedDest } : {}),
  };
  return {
    format: CASE_FORMAT,
    version: CASE_VERSION,
    createdAt: v1.savedAt,
    updatedAt: v1.savedAt,
    ...(v1.title !== '' ? { title: v1.title } : {}),
    evidence,
    ...(Object.keys(picked).length > 0 ? { picked } : {}),
    answers: {},
    ...(v1.flow !== undefined && v1.flow !== '' ? { flow: { id: v1.flow, state: null, history: [] } } : {}),
    migration: v1.evidence.migration,
    notes: '',
  };
}
