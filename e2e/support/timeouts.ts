/**
 * How long a heavy step may take before the spec calls it stuck: a worker reading megabytes, a scan, a bundle.
 * A limit for a hang, not a speed goal (speed is `npm run bench`): the suite must stay green on two cores at a load
 * of 14, where a step that takes 3 s alone takes 30 s or more.
 */
export const HEAVY_STEP = 120_000;
