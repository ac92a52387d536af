/** The one way a host's version is written: `VMware ESXi 7.0.3 U3 build 22348816`, `VMware ESXi 5.0.0 GA build 469512`. */
import type { HostJson } from '../host-json.ts';

export function versionLabel(version: HostJson['version']): string {
  if (!version) return 'version not shown';
  // esxcli prints Update 0 for a GA release; people say GA.
  const update = version.update === undefined ? '' : version.update === '0' ? ' GA' : ` U${version.update}`;
  return `${version.product} ${version.version}${update}${version.build ? ` build ${version.build}` : ''}`;
}
