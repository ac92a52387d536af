/**
 * The 50-host estate with known answers (asserted in src/imports/estate-50.test.ts; its story is told there), as
 * generated hosts and as the files a user would give: the four RVTools tabs, the PowerCLI vmknic export and the
 * BindToVmknic export. Test support only: the import tests, the Scan view's unit tests and the e2e specs share it.
 */
import type { GenHost } from './estate-generator.ts';
import { genHost, powercliBindCsv, powercliVmkCsv, rvtoolsCsv } from './estate-generator.ts';

export function estate50(): GenHost[] {
  const hosts: GenHost[] = [];
  for (let k = 0; k < 20; k++) {
    hosts.push(
      genHost(k, 0, 'Gold', {
        version: 'VMware ESXi 8.0.3 build-24859861',
        bind: 3,
        ...(k === 4 ? { vmotionMtu: 1500 } : {}),
        ...(k === 9 ? { vmotionSwitchMtu: 1500 } : {}),
        ...(k === 14 ? { noVmotion: true } : {}),
      }),
    );
  }
  for (let k = 0; k < 20; k++) hosts.push(genHost(20 + k, 1, 'Silver', { version: 'VMware ESXi 7.0.3 build-22348816', vmotionInMgmt: true, ...(k === 5 ? { bind: 0 } : {}) }));
  for (let k = 0; k < 10; k++) hosts.push(genHost(40 + k, 2, 'Bronze', { version: 'VMware ESXi 6.7.0 build-14320388', vmotionInMgmt: true }));
  return hosts;
}

/** name → text of every file: the four RVTools tabs, the PowerCLI vmknic export and the BindToVmknic export. */
export function estate50Files(): Record<string, string> {
  const hosts = estate50();
  return { ...rvtoolsCsv(hosts), 'vmk.csv': powercliVmkCsv(hosts), 'bind.csv': powercliBindCsv(hosts) };
}
