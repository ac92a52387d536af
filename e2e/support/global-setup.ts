/** One banner before the run when the Electron specs cannot run here, so the skip is never silent. */
import { readdirSync } from 'node:fs';
import { probeElectron } from '../../electron/binary.ts';

export default function globalSetup(): void {
  const probe = probeElectron();
  if (probe.found) return;
  const specs = readdirSync('e2e/electron').filter((f) => f.endsWith('.spec.ts'));
  const must = process.env.REQUIRE_ELECTRON === '1';
  console.log(
    `\n${must ? 'ELECTRON SPECS WILL FAIL' : 'ELECTRON SPECS SKIPPED'}: ${specs.length} spec file(s) (${specs.join(', ')}), reason: no Electron binary at ${probe.where}.` +
      (must ? ' REQUIRE_ELECTRON=1 is set.' : ' Set REQUIRE_ELECTRON=1 to make this a failure.') +
      '\n',
  );
}
