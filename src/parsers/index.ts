/**
 * Public API of the parser layer: pasted ESXi sessions in, HostModels out (plus what was read and what was not).
 */
export { loadEvidence, MAX_INPUT_CHARS, MAX_WARNINGS } from './load-evidence.ts';
export type { EvidenceInput, LoadedBlock, LoadError, LoadErrorCode, LoadResult } from './load-evidence.ts';
export { assembleHosts, advancedKey } from './assemble.ts';
export type { AssembleOptions, AssembleResult, ParsedBlock, UnnamedHost } from './assemble.ts';
export { splitPaste, COMMAND_EXAMPLES } from './split.ts';
export type { Detector, SplitBlock, SplitResult } from './split.ts';
export { PARSERS, parserFor } from './registry.ts';
export type { AnyParser, ParserOf } from './registry.ts';
export type { Block, CommandKind, CommandParser, Line, ParseResult, ParserWarning } from './types.ts';
export type * from './records.ts';
