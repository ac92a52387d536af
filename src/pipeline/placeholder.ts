/**
 * The host name for a text without a prompt naming one, the same in the CLI and the app. A module of its own, with
 * no imports, so the renderer's size rules (and the e2e specs that import them) do not pull in the whole core.
 */

/** The file name without folder and extension (`logs/esx-a.txt` → `esx-a`); `host` when nothing is left. */
export function placeholderHost(file: string): string {
  const base = file.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  return base.trim() || 'host';
}
