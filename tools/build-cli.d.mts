// Types of tools/build-cli.mjs (plain JavaScript so that `prepare` runs it with bare Node).
import type { BuildResult } from 'esbuild';

/** Absolute path of the built entry, out/cli/main.js. */
export declare const CLI_ENTRY: string;
/** True when out/cli/main.js is missing or one of the files it was built from changed after it. */
export declare function isStale(): boolean;
export declare function buildCli(options?: { quiet?: boolean }): Promise<BuildResult<{ metafile: true }>>;
