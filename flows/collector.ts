/** The collector one-liner lives with the parsers that read its output (src/parsers/collector.ts); kept here for the flows' callers. */
export { COLLECTED_COMMANDS, collectorCommand, collectorOutput, type CollectedCommand } from '../src/parsers/collector.ts';
