/**
 * Reopening a case walks the flow again with the answers it saved. The flows' path is a function of the answers
 * (and the evidence's facts): path-doctor.machine.ts replays them on every re-entry. So the app answers each
 * pending question whose answer the case holds, in the order the machine asks them, until it asks one the case
 * does not answer or reaches an outcome. The machine decides every step; this only plays the user's part.
 */
import type { QuestionKey, WalkResult } from './flows-adapter.ts';

export interface Replayable {
  readonly view: WalkResult;
  answer(question: QuestionKey, value: string): void;
}

/** Answers pending questions from `answers`; returns how many were answered. */
export function replayAnswers(session: Replayable, answers: Readonly<Record<string, string>>, limit = 100): number {
  let answered = 0;
  for (let i = 0; i < limit; i++) {
    const view = session.view;
    if (view.status !== 'pending') break;
    const key = view.pending.key;
    if (!Object.prototype.hasOwnProperty.call(answers, key)) break;
    const value = answers[key]!;
    session.answer(key, value);
    const after = session.view;
    // The machine refused the answer (a value this version no longer offers): stop at that question.
    if (after.status === 'pending' && after.pending.state === view.pending.state && after.visited.length === view.visited.length) break;
    answered++;
  }
  return answered;
}
