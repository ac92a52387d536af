/**
 * Generates realistic pasted sessions for the benchmark: N hosts, each with the commands an admin runs
 * (vmware -vl, esxcfg-vmknic -l, tag get per vmknic, esxcfg-route -l, BindToVmknic), in the 7.0 layouts.
 */

function pad(text: string, width: number): string {
  return text.length >= width ? `${text} ` : text + ' '.repeat(width - text.length);
}

function mac(i: number, j: number): string {
  const h = (n: number) => (n & 255).toString(16).padStart(2, '0');
  return `00:50:56:${h(i >> 8)}:${h(i)}:${h(j)}`;
}

export function hostSession(i: number): string {
  const name = `esx${String(i).padStart(4, '0')}.lab.local`;
  const third = (i >> 8) & 255;
  const fourth = (i & 255) || 1;
  const mgmt = `10.${third}.1.${fourth}`;
  const vmo = `10.${third}.1.${(fourth + 128) & 255 || 2}`;
  const prompt = `[root@${name}:~]`;
  const header =
    'Interface  Port Group/DVPort/Opaque Network        IP Family IP Address                              Netmask         Broadcast       MAC Address       MTU     TSO MSS   Enabled Type                NetStack';
  const row = (vmk: string, pg: string, ip: string, j: number) =>
    pad(vmk, 11) + pad(pg, 40) + pad('IPv4', 10) + pad(ip, 40) + pad('255.255.255.0', 16) + pad(`10.${third}.1.255`, 16) + pad(mac(i, j), 18) + pad('1500', 8) + pad('65535', 10) + pad('true', 8) + pad('STATIC', 20) + 'defaultTcpipStack';
  return [
    `${prompt} vmware -vl`,
    'VMware ESXi 7.0.3 build-22348816',
    'VMware ESXi 7.0 Update 3',
    `${prompt} esxcfg-vmknic -l`,
    header,
    row('vmk0', 'Management Network', mgmt, 0),
    row('vmk1', 'vMotion', vmo, 1),
    `${prompt} esxcli network ip interface tag get -i vmk0`,
    '   Tags: Management',
    `${prompt} esxcli network ip interface tag get -i vmk1`,
    '   Tags: VMotion',
    `${prompt} esxcfg-route -l`,
    'VMkernel Routes:',
    'Network          Netmask          Gateway          Interface',
    `${pad(`10.${third}.1.0`, 17)}${pad('255.255.255.0', 17)}${pad('Local Subnet', 17)}vmk0`,
    `${pad('default', 17)}${pad('0.0.0.0', 17)}${pad(`10.${third}.1.254`, 17)}vmk0`,
    `${prompt} esxcfg-advcfg -g /Migrate/BindToVmknic`,
    'Value of BindToVmknic is 0',
    '',
  ].join('\n');
}

export function estatePaste(hosts: number): string {
  const parts: string[] = [];
  for (let i = 1; i <= hosts; i++) parts.push(hostSession(i));
  return parts.join('');
}
