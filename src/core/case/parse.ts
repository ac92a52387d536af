/**
 * Reading a case file: validates every field and answers with a value, never an exception. A corrupt, foreign,
 * future or oversized file gets one sentence saying what it is and what to do; the caller then changes nothing.
 * Older versions are migrated and the result says so (`migratedFrom`), so the app can offer to re-save: version 1
 * by v1.ts, version 2 by reading it as version 3 without imported hosts (the only thing version 3 added).
 */
import { MIGRATION_KINDS } from '../result.ts';
import { CASE_FORMAT, CASE_SCREENS, CASE_VERSION, EVIDENCE_ROLES, isTimestamp, MAX_CASE_CHARS, type CaseEvidence, type CaseFile, type CaseFlow } from './case-file.ts';
import { readImported } from './imported-host.ts';
import { CaseLimitError, checkCounts, checkDepth } from './limits.ts';
import { describeValue, FieldError, has, isObject, list, object, oneOf, optionalString, string, type Json } from './read.ts';
import { CASE_FORMAT_V1, migrateV1, readV1 } from './v1.ts';

export type ParseCaseResult =
  | { readonly ok: true; readonly case: CaseFile; readonly migratedFrom?: number }
  | { readonly ok: false; readonly error: string };

export interface ParseCaseOptions {
  /** Names the file in messages (`esx01.vpdcase is not …`); default "This file". */
  readonly name?: string;
}

function timestamp(obj: Json, key: string): string {
  const v = string(obj, key, key);
  if (!isTimestamp(v)) throw new FieldError(`"${key}" must be a date and time like 2026-11-25T09:30:00.000Z, found "${v.slice(0, 40)}"`);
  return v;
}

function readEvidence(raw: Json): CaseEvidence[] {
  const ids = new Set<string>();
  return list(raw, 'evidence', 'evidence').map((item, i) => {
    const path = `evidence[${i}]`;
    if (!isObject(item)) throw new FieldError(`"${path}" must be an object, found ${describeValue(item)}`);
    const id = string(item, 'id', `${path}.id`);
    if (id === '') throw new FieldError(`"${path}.id" must not be empty`);
    if (ids.has(id)) throw new FieldError(`"${path}.id" repeats the id "${id.slice(0, 40)}" of an earlier evidence item`);
    ids.add(id);
    return { id, name: string(item, 'name', `${path}.name`), text: string(item, 'text', `${path}.text`), role: oneOf(item, 'role', `${path}.role`, EVIDENCE_ROLES) };
  });
}

function readAnswers(raw: Json): Record<string, string> {
  const answers = object(raw, 'answers', 'answers');
  const entries = Object.entries(answers).map(([k, v]) => {
    if (typeof v !== 'string') throw new FieldError(`"answers.${k.slice(0, 40)}" must be a text, found ${describeValue(v)}`);
    return [k, v] as const;
  });
  // fromEntries defines own properties, so a key named "__proto__" stays a plain answer.
  return Object.fromEntries(entries);
}

function readFlow(raw: Json): CaseFlow | undefined {
  if (!has(raw, 'flow')) return undefined;
  const flow = object(raw, 'flow', 'flow');
  const id = string(flow, 'id', 'flow.id');
  if (id === '') throw new FieldError('"flow.id" must not be empty');
  const rawState = Object.prototype.hasOwnProperty.call(flow, 'state') ? flow.state : undefined;
  if (rawState !== null && typeof rawState !== 'string') throw new FieldError(`"flow.state" must be a text or null, found ${rawState === undefined ? 'nothing' : describeValue(rawState)}`);
  const history = list(flow, 'history', 'flow.history').map((h, i) => {
    if (typeof h !== 'string') throw new FieldError(`"flow.history[${i}]" must be a text, found ${describeValue(h)}`);
    return h;
  });
  const used = Object.prototype.hasOwnProperty.call(flow, 'evidenceUsed') ? flow.evidenceUsed : undefined;
  if (used !== undefined && typeof used !== 'boolean') throw new FieldError(`"flow.evidenceUsed" must be true or false, found ${describeValue(used)}`);
  return { id, state: rawState, history, ...(used !== undefined ? { evidenceUsed: used } : {}) };
}

function readPicked(raw: Json): CaseFile['picked'] {
  if (!has(raw, 'picked')) return undefined;
  const p = object(raw, 'picked', 'picked');
  const source = optionalString(p, 'source', 'picked.source');
  const destination = optionalString(p, 'destination', 'picked.destination');
  return { ...(source !== undefined ? { source } : {}), ...(destination !== undefined ? { destination } : {}) };
}

/** A version 2 or 3 case: the same fields, and version 3 may hold imported hosts (a version 2 file's are ignored). */
function readVpdcase(raw: Json, version: 2 | 3): CaseFile {
  const createdAt = timestamp(raw, 'createdAt');
  const updatedAt = timestamp(raw, 'updatedAt');
  const title = optionalString(raw, 'title', 'title');
  const screen = has(raw, 'screen') ? oneOf(raw, 'screen', 'screen', CASE_SCREENS) : undefined;
  const evidence = readEvidence(raw);
  const imported = version === 3 && has(raw, 'imported') ? readImported(raw.imported) : [];
  const picked = readPicked(raw);
  const answers = readAnswers(raw);
  const flow = readFlow(raw);
  const migration = oneOf(raw, 'migration', 'migration', MIGRATION_KINDS);
  const notes = string(raw, 'notes', 'notes');
  return {
    format: CASE_FORMAT,
    version: CASE_VERSION,
    createdAt,
    updatedAt,
    ...(title !== undefined ? { title } : {}),
    ...(screen !== undefined ? { screen } : {}),
    evidence,
    ...(imported.length > 0 ? { imported } : {}),
    ...(picked !== undefined ? { picked } : {}),
    answers,
    ...(flow !== undefined ? { flow } : {}),
    migration,
    notes,
  };
}

function foreign(name: string, raw: unknown): string {
  const base = `${name} is not a vMotion Path Doctor case file`;
  if (!isObject(raw)) return `${base}: it holds ${describeValue(raw)} instead of a case. Open a .vpdcase file saved by this app.`;
  if (has(raw, 'verdict') && has(raw, 'flows')) return `${base}: it is the JSON output of "path-doctor analyze". Open the pasted evidence itself, or a .vpdcase file.`;
  if (has(raw, 'format')) return `${base}: its format is ${describeValue(raw.format)}, not "${CASE_FORMAT}". Open a .vpdcase file saved by this app.`;
  return `${base}: it is JSON, but has no "format": "${CASE_FORMAT}" field. Open a .vpdcase file saved by this app.`;
}

function jsonProblem(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  return m.length > 120 ? `${m.slice(0, 117)}…` : m;
}

/** Reads a case file's text. Never throws. */
export function parseCase(text: string, options: ParseCaseOptions = {}): ParseCaseResult {
  const name = options.name ?? 'This file';
  try {
    if (typeof text !== 'string') return { ok: false, error: `${name} could not be read as text.` };
    if (text.length > MAX_CASE_CHARS) return { ok: false, error: `${name} is larger than 64 MiB: it is not a case file this app wrote. Nothing was opened.` };
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    if (body.trim() === '') return { ok: false, error: `${name} is empty: it is not a case file.` };
    // Caps before any expensive step: the nesting before the parse, the counts before any field is read.
    checkDepth(body);
    let raw: unknown;
    try {
      raw = JSON.parse(body);
    } catch (e) {
      // A case is a JSON object whose first field names its format: such a start means a damaged case.
      const head = body.slice(0, 200);
      const looksLikeCase = /^\s*\{/.test(body) && (head.includes(`"${CASE_FORMAT}"`) || head.includes(`"${CASE_FORMAT_V1}"`));
      return {
        ok: false,
        error: looksLikeCase
          ? `${name} is damaged: it starts like a case file but is not valid JSON (${jsonProblem(e)}); it may have been cut off while saving. Nothing was opened.`
          : /^\s*(?:\{|\[\s*(?:[[{"\d\]-]|true|false|null|$))/.test(body)
            ? `${name} is not a vMotion Path Doctor case file (it is not valid JSON: ${jsonProblem(e)}). Open a .vpdcase file saved by this app.`
            : `${name} is not a vMotion Path Doctor case file (it is not JSON). Open a .vpdcase file, or paste the evidence instead.`,
      };
    }
    if (!isObject(raw)) return { ok: false, error: foreign(name, raw) };
    if (raw.format === CASE_FORMAT || raw.format === CASE_FORMAT_V1) checkCounts(raw);
    const version = raw.version;
    if (raw.format === CASE_FORMAT_V1) {
      if (version !== 1) return { ok: false, error: `${name} is damaged: a case of the first format must say "version": 1, found ${describeValue(version)}.` };
      return { ok: true, case: migrateV1(readV1(raw)), migratedFrom: 1 };
    }
    if (raw.format !== CASE_FORMAT) return { ok: false, error: foreign(name, raw) };
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
      return { ok: false, error: `${name} is damaged: "version" must be a whole number, found ${version === undefined ? 'nothing' : describeValue(version)}.` };
    }
    if (version > CASE_VERSION) {
      return { ok: false, error: `${name} was saved by a newer version of vMotion Path Doctor (case format version ${version}); this version reads versions 1 to ${CASE_VERSION}. Update the app to open it.` };
    }
    if (version === 1) return { ok: false, error: `${name} is damaged: version ${version} cases use the format "${CASE_FORMAT_V1}", not "${CASE_FORMAT}".` };
    if (version === 2) return { ok: true, case: readVpdcase(raw, 2), migratedFrom: 2 };
    return { ok: true, case: readVpdcase(raw, CASE_VERSION) };
  } catch (e) {
    if (e instanceof FieldError) return { ok: false, error: `${name} is damaged: ${e.message}. Nothing was opened.` };
    if (e instanceof CaseLimitError) return { ok: false, error: `${name} ${e.message}: it is not a case this app wrote. Nothing was opened.` };
    // JSON nested too deep for the engine, and anything else unforeseen: still an answer, never a throw.
    return { ok: false, error: `${name} could not be read as a case file (${jsonProblem(e)}).` };
  }
}
