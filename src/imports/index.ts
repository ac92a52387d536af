/**
 * Public API of the estate imports (issue 8): export files in, merged hosts and source reports out, for
 * `scanEstate`. Pure (no Node): the Node side (src/node) reads files, guards sizes and streams xlsx sheets.
 */
export { combineImports, importEstate, MAX_ESTATE_HOSTS } from './import-estate.ts';
export type { EstateImport } from './import-estate.ts';
export { importFile, EXPECTED } from './import-file.ts';
export type { EstateFile, SheetTable } from './import-file.ts';
export { mergeImports } from './merge.ts';
export { inspectZip, ZIP_LIMITS } from './zip-guard.ts';
export { slimWorkbook } from './xlsx-slim.ts';
export type { SlimWorkbook } from './xlsx-slim.ts';
export type { ZipInspection, ZipLimits } from './zip-guard.ts';
export { canonicalTab, USED_TABS, RVTOOLS_TABS } from './rvtools.ts';
export { COLLECTOR_SCHEMA, COLLECTOR_SCHEMA_VERSION } from './collector.ts';
export type { Table, TableRow } from './table.ts';
export { tableOf } from './table.ts';
export { MAX_TEXT_FILE_BYTES, MAX_XLSX_FILE_BYTES, isZipMagic, sizeRefusal } from './limits.ts';
export { cellText, SheetTableBuilder, MAX_SHEET_ROWS } from './sheet-table.ts';
export type { FileImport, FormatId, ImportError } from './facts.ts';
