/**
 * Public API of the estate scan (issue 8): merged hosts in, the scan result (JSON contract) out, and its renderers.
 * Pure: runs in the CLI, in the app's worker and in tests.
 */
export { scanEstate, scanEstateWithStats, MAX_CLUSTER_HOSTS_FOR_PAIRS } from './scan.ts';
export type { ScanInput, ScanProgress, ScanStats } from './scan.ts';
export { renderScanCsv, renderScanMarkdown, renderScanText, MAX_LISTED } from './render.ts';
export { scanJsonPieces } from './json.ts';
export type { ScanJsonOptions } from './json.ts';
export { csvCell, markdownCell, neutraliseFormula, plain } from './cells.ts';
export { PAIR_FINDING_IDS } from './pair-scan.ts';
export { FILL } from './unknowns.ts';
export type * from './types.ts';
