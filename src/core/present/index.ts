/** The presentation layer: one vocabulary and one formatter for every front end (CLI, app, reports, Scan view). */
export * from './words.ts';
export * from './version.ts';
export * from './flow.ts';
export * from './rules.ts';
export * from './internal-refs.ts';
export * from './settle.ts';
export * from './scan.ts';
export * from './outline.ts';
