/**
 * Debian's Chromium, never a downloaded browser (style.md §10): the path and the flags that keep it quiet and
 * offline. `--host-resolver-rules` makes every name but 127.0.0.1 unresolvable, so even a request the route guard
 * missed could not leave the machine.
 */
import { existsSync } from 'node:fs';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

export function chromiumMissingMessage(): string | undefined {
  return existsSync(CHROMIUM_PATH)
    ? undefined
    : `No Chromium at ${CHROMIUM_PATH}. Install Debian's package (apt-get install -y chromium) or set CHROMIUM_PATH; the e2e specs never download a browser.`;
}
