/**
 * Between the app's state and the case file (src/core/case, `.vpdcase`): what the screens hold — the two paste
 * boxes, the attached files with their side, the hosts imported from support bundles or the estate Scan view, the
 * migration kind, the hosts picked, the wizard's flow, answers and position, the notes and the screen — and the
 * core's CaseFile. Pure: no runes, no DOM, so it is unit-tested alone.
 */
import type { CaseEvidence, CaseFile, CaseScreen } from '../../../core/case/index.ts';
import { CASE_FORMAT, CASE_VERSION } from '../../../core/case/index.ts';
import type { EvidenceSnapshot } from '../evidence/evidence.svelte.ts';

/** The wizard's part of a case. */
export interface FlowContent {
  readonly id: string;
  /** The state the walk stands in, and the states on its path (the machine's trail). */
  readonly state: string | null;
  readonly history: readonly string[];
  /** True when "Use this evidence" handed the pasted evidence to the flow. */
  readonly evidenceUsed: boolean;
}

export interface CaseContent {
  readonly title?: string;
  readonly screen: CaseScreen;
  readonly evidence: EvidenceSnapshot;
  /** The wizard's answers (the flow's own starting answer included). */
  readonly answers: Readonly<Record<string, string>>;
  readonly flow?: FlowContent;
  readonly notes: string;
}

/** Evidence ids of the two paste boxes; attached files are `attachment-N` (as v1.ts migrates them). */
export const SOURCE_PASTE_ID = 'source-paste';
export const DEST_PASTE_ID = 'destination-paste';

export function toCaseFile(content: CaseContent, dates: { readonly createdAt: string; readonly updatedAt: string }): CaseFile {
  const ev = content.evidence;
  const evidence: CaseEvidence[] = [];
  if (ev.sourceText !== '') evidence.push({ id: SOURCE_PASTE_ID, name: 'source paste', text: ev.sourceText, role: 'source' });
  if (ev.destText !== '') evidence.push({ id: DEST_PASTE_ID, name: 'destination paste', text: ev.destText, role: 'destination' });
  ev.attachments.forEach((a, i) => evidence.push({ id: `attachment-${i + 1}`, name: a.name, text: a.text, role: a.side === 'source' ? 'source' : 'destination' }));
  const picked = {
    ...(ev.pickedSource !== undefined ? { source: ev.pickedSource } : {}),
    ...(ev.pickedDest !== undefined ? { destination: ev.pickedDest } : {}),
  };
  const flow = content.flow;
  return {
    format: CASE_FORMAT,
    version: CASE_VERSION,
    createdAt: dates.createdAt,
    updatedAt: dates.updatedAt,
    ...(content.title !== undefined && content.title !== '' ? { title: content.title } : {}),
    screen: content.screen,
    evidence,
    // Plain data already (the store keeps them as $state.raw): written as they are, left out when there are none.
    ...(ev.imported !== undefined && ev.imported.length > 0 ? { imported: ev.imported } : {}),
    ...(Object.keys(picked).length > 0 ? { picked } : {}),
    // A plain copy: the answers may come from a Proxy or the machine's frozen context.
    answers: Object.fromEntries(Object.entries(content.answers)),
    ...(flow !== undefined ? { flow: { id: flow.id, state: flow.state, history: [...flow.history], ...(flow.evidenceUsed ? { evidenceUsed: true } : {}) } } : {}),
    migration: ev.migration,
    notes: content.notes,
  };
}

/**
 * The app's view of a case file. The paste boxes are found by id; every other item becomes an attached file on its
 * side. An item no host side was chosen for (`unassigned`, written by other tools) goes with the source: the
 * splitter still names the host from the prompts in it.
 */
export function fromCaseFile(c: CaseFile): CaseContent {
  let sourceText = '';
  let destText = '';
  const attachments: { name: string; side: 'source' | 'dest'; text: string }[] = [];
  for (const e of c.evidence) {
    if (e.id === SOURCE_PASTE_ID && sourceText === '') sourceText = e.text;
    else if (e.id === DEST_PASTE_ID && destText === '') destText = e.text;
    else attachments.push({ name: e.name, side: e.role === 'destination' ? 'dest' : 'source', text: e.text });
  }
  const evidence: EvidenceSnapshot = {
    sourceText,
    destText,
    attachments,
    ...(c.imported !== undefined && c.imported.length > 0 ? { imported: c.imported } : {}),
    migration: c.migration,
    ...(c.picked?.source !== undefined ? { pickedSource: c.picked.source } : {}),
    ...(c.picked?.destination !== undefined ? { pickedDest: c.picked.destination } : {}),
  };
  const screen: CaseScreen = c.screen ?? (c.flow !== undefined ? 'wizard' : 'evidence');
  return {
    ...(c.title !== undefined ? { title: c.title } : {}),
    screen,
    evidence,
    answers: { ...c.answers },
    ...(c.flow !== undefined ? { flow: { id: c.flow.id, state: c.flow.state, history: [...c.flow.history], evidenceUsed: c.flow.evidenceUsed === true } } : {}),
    notes: c.notes,
  };
}

/**
 * Nothing worth keeping yet: no evidence (pasted, attached or imported), no answer beyond the flow's own starting
 * one, no notes. Such a case is not autosaved, so walking past the start screen does not fill the recent list with
 * empty cases; a case holding only imported hosts is kept, or a bundle read for minutes would be lost.
 */
export function isEmptyCase(content: CaseContent, startingAnswers: Readonly<Record<string, string>> = {}): boolean {
  const ev = content.evidence;
  const answered = Object.entries(content.answers).some(([k, v]) => startingAnswers[k] !== v);
  const imported = ev.imported !== undefined && ev.imported.length > 0;
  return ev.sourceText.trim() === '' && ev.destText.trim() === '' && ev.attachments.length === 0 && !imported && !answered && content.notes.trim() === '';
}

/** `esx01 → esx02` → `esx01_esx02.vpdcase`. */
export function caseFileName(title: string | undefined): string {
  const base = (title ?? '').replace(/[^\w.-]+/g, '_').replace(/^[._]+|_+$/g, '').slice(0, 80);
  return `${base || 'case'}.vpdcase`;
}

/** A fresh autosave slot id (a UUID: letters, digits and dashes, as the IPC contract requires). */
export function newCaseId(random: () => string = () => globalThis.crypto.randomUUID()): string {
  return random();
}
