/**
 * The real catalogs the articles are checked against (check.ts): finding ids, remediation ids, wizard question
 * keys and the parser kinds of the supported commands. Used by the tests and kb/build.ts only; the runtime API
 * (index.ts) does not import it, so the app does not pull the parsers or the flows in through the knowledge base.
 */
import { FINDING_IDS } from '../core/findings/catalog.ts';
import { REMEDIATION_IDS } from '../core/remediation/catalog.ts';
import { PARSERS } from '../parsers/registry.ts';
import { QUESTION_KEYS } from '../../flows/texts/questions.ts';
import type { Catalogs } from './check.ts';

export function realCatalogs(): Catalogs {
  return {
    findings: [...FINDING_IDS],
    remediations: [...REMEDIATION_IDS],
    questions: [...QUESTION_KEYS],
    commands: [...new Set(PARSERS.map((p) => p.kind))],
  };
}
