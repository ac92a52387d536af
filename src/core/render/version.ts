/** How a host's version reads in the text and Markdown outputs: `VMware ESXi 7.0.3 U3 build 22348816`. */
import type { HostJson } from '../host-json.ts';

export function versionLabel(version: HostJson['version']): string {
  if (!version) return 'version not shown';
  // esxcli prints Update 0 for a GA release; people say GA.
  const update = version.update === undefined ? '' : version.update === '0' ? ' GA' : ` U${version.update}`;
  return `${version.product} ${version.version}${update}${version.build ? ` build ${version.build}` : ''}`;
}
