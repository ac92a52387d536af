/**
 * A Vitest environment for rune tests: Node globals as usual, but modules transformed for the *client* (Vite's
 * client environment), so Svelte compiles `.svelte.ts` files in client mode and `$effect` really runs. No DOM is
 * needed for the actor bridge; this avoids installing jsdom for it.
 */
import type { Environment } from 'vitest/environments';

export default {
  name: 'svelte-client',
  viteEnvironment: 'client',
  setup() {
    return { teardown() {} };
  },
} satisfies Environment;
