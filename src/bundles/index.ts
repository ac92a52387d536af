/**
 * Public API of the bundle reader: ESXi support bundles (`vm-support` .tgz) and vCenter "Export System Logs" zips,
 * read offline, in memory, under caps (limits.ts), into host models and the past migrations their logs show.
 * Pure: runs in the CLI, the app's renderer and a worker alike (fflate, modern-tar; no node:*).
 */
export { readBundle, readFolder, readExportHosts } from './read.ts';
export type { FolderEntry } from './read.ts';
export { bytesSource, blobSource, formatOf, sniffFormat } from './source.ts';
export type { ArchiveFormat, ByteSource } from './source.ts';
export { DEFAULT_LIMITS } from './limits.ts';
export type { BundleLimits, BundleProblem, ProblemCode } from './limits.ts';
export type { BundleHost, BundleReading, MissingOutput, ReadOptions, ReadProgress, RecognisedOutput } from './types.ts';
export type { LogFileSummary } from './observe.ts';
export { checkMemberName } from './member-name.ts';
export { commandOfFileName, parseTopFolder } from './layout.ts';
export { analyzeBundleHosts } from './analyze.ts';
export type { BundleAnalysisInput } from './analyze.ts';
export { bundleEstate, isBundleArchive, joinBundles, NO_EXPORTS } from './estate.ts';
export type { BundleEstate, EstateParts } from './estate.ts';
