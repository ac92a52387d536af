/** Messages between the UI and the case worker (plain data only: structured clone). */
import { parseCase, type ParseCaseResult } from '../../../core/case/index.ts';

export interface CaseAsk {
  readonly text: string;
  readonly name: string;
}

export interface CaseAnswer {
  readonly result: ParseCaseResult;
}

/** What the worker does with one message; also the inline fallback, so both give the same answer. */
export function answerCase(ask: CaseAsk): CaseAnswer {
  return { result: parseCase(ask.text, { name: ask.name }) };
}
