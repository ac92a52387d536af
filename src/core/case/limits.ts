/**
 * What a case file may ask of the app, checked before any expensive step (issue 17: a `.vpdcase` of 200,000
 * one-character evidence items froze the app for 57 s, and reopened from the recent list, froze it again). A case
 * this app writes stays far below every cap: a handful of pastes and attached files, a few dozen answers, JSON
 * nested about ten deep. A file past one gets a sentence naming the limit and the value, and nothing is opened.
 */
import { MAX_CASE_CHARS } from './case-file.ts';

/** Evidence items (pastes and attached files) in one case. */
export const MAX_EVIDENCE_ITEMS = 500;
/** All evidence text of one case together, in characters: the parsers' own input limit. */
export const MAX_EVIDENCE_CHARS = MAX_CASE_CHARS;
/** Wizard answers, and states on the wizard's path. */
export const MAX_ANSWERS = 1000;
export const MAX_HISTORY = 1000;
/** Objects and lists inside one another; an imported host's model is about ten deep. */
export const MAX_CASE_DEPTH = 64;

export class CaseLimitError extends Error {}

const count = (n: number) => n.toLocaleString('en-US');

/**
 * The deepest nesting of objects and lists in JSON text, stopping as soon as it passes `max` (so a hostile file
 * costs one pass over its characters, never a deep recursion). Strings are skipped, escapes included.
 */
export function jsonDepthOver(text: string, max: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return depth;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return undefined;
}

/** Throws CaseLimitError (with the sentence) when the text nests deeper than a case may. Before JSON.parse. */
export function checkDepth(text: string): void {
  if (jsonDepthOver(text, MAX_CASE_DEPTH) !== undefined) {
    throw new CaseLimitError(`nests lists and objects more than ${MAX_CASE_DEPTH} deep; a case file is never nested that deep`);
  }
}

function own(obj: Readonly<Record<string, unknown>>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined;
}

/**
 * The counts and sizes of a parsed case, before any field is read or any item is built (both formats: version 1
 * keeps its attachments under `evidence.attachments`). Throws CaseLimitError with the sentence.
 */
export function checkCounts(raw: Readonly<Record<string, unknown>>): void {
  const ev = own(raw, 'evidence');
  const v1 = typeof ev === 'object' && ev !== null && !Array.isArray(ev) ? own(ev as Record<string, unknown>, 'attachments') : undefined;
  const items = Array.isArray(ev) ? ev : Array.isArray(v1) ? v1 : undefined;
  if (items !== undefined) {
    if (items.length > MAX_EVIDENCE_ITEMS) {
      throw new CaseLimitError(`holds ${count(items.length)} evidence items; a case holds at most ${count(MAX_EVIDENCE_ITEMS)}`);
    }
    let chars = 0;
    for (const item of items) {
      const text = typeof item === 'object' && item !== null ? own(item as Record<string, unknown>, 'text') : undefined;
      if (typeof text === 'string') chars += text.length;
    }
    if (chars > MAX_EVIDENCE_CHARS) {
      throw new CaseLimitError(`holds ${count(chars)} characters of evidence; a case holds at most ${count(MAX_EVIDENCE_CHARS)}`);
    }
  }
  const answers = own(raw, 'answers');
  if (typeof answers === 'object' && answers !== null && !Array.isArray(answers)) {
    const n = Object.keys(answers).length;
    if (n > MAX_ANSWERS) throw new CaseLimitError(`holds ${count(n)} answers; a case holds at most ${count(MAX_ANSWERS)}`);
  }
  const flow = own(raw, 'flow');
  const history = typeof flow === 'object' && flow !== null ? own(flow as Record<string, unknown>, 'history') : undefined;
  if (Array.isArray(history) && history.length > MAX_HISTORY) {
    throw new CaseLimitError(`holds a wizard path of ${count(history.length)} steps; a case holds at most ${count(MAX_HISTORY)}`);
  }
}
