/** Case files (`.vpdcase`): the model, reading (with migration from older versions) and writing. Pure. */
export {
  CASE_EXTENSION,
  CASE_FORMAT,
  CASE_SCREENS,
  CASE_VERSION,
  EVIDENCE_ROLES,
  isTimestamp,
  MAX_CASE_CHARS,
  newCase,
  touchCase,
  type CaseEvidence,
  type CaseFile,
  type CaseFlow,
  type CaseScreen,
  type EvidenceRole,
} from './case-file.ts';
export { MAX_IMPORTED_HOSTS } from './imported-host.ts';
export { MAX_ANSWERS, MAX_CASE_DEPTH, MAX_EVIDENCE_CHARS, MAX_EVIDENCE_ITEMS, MAX_HISTORY } from './limits.ts';
export { parseCase, type ParseCaseOptions, type ParseCaseResult } from './parse.ts';
export { serializeCase } from './serialize.ts';
export { CASE_FORMAT_V1, migrateV1, type CaseFileV1 } from './v1.ts';
