/** Kept for existing imports: the version label lives in the presentation layer (src/core/present). */
export { versionLabel } from '../present/version.ts';
