/**
 * The knowledge base (src/kb, issue 10) is loaded on first use, never with the first screen: its articles,
 * markdown-it and MiniSearch are a separate chunk that Vite splits off at this dynamic import, fetched from the app's
 * own origin (nothing leaves the machine).
 */
export type Kb = typeof import('../../../kb/index.ts');

let loading: Promise<Kb> | undefined;

export function loadKb(): Promise<Kb> {
  loading ??= import('../../../kb/index.ts').catch((e: unknown) => {
    // A failed load (a chunk missing from a broken install) may be retried by the next click.
    loading = undefined;
    throw e;
  });
  return loading;
}
