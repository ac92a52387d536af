import { describe, expect, it } from 'vitest';
import { ESXCLI_COMMANDS, POWERCLI_CMDLETS, SHELL_COMMANDS, checkCommand } from './syntax.ts';

function messages(line: string): string[] {
  return checkCommand(line).map((i) => i.message);
}

describe('checkCommand accepts the command forms of domain.md §3', () => {
  const good = [
    'esxcli network vswitch standard portgroup set -p "vMotion PG" -v 20',
    'esxcli network ip interface ipv4 set -i vmk1 -t static -I 10.20.30.11 -N 255.255.255.0',
    'esxcli network ip interface ipv4 set -i vmk1 -t static -I 10.20.30.11 -N 255.255.255.0 -g 10.20.30.1',
    'esxcfg-vswitch -v 20 -p "vMotion PG" vSwitch1',
    'esxcfg-vmknic -i 10.20.30.11 -n 255.255.255.0 "vMotion PG"',
    'Get-VMHost esx01 | Get-VirtualPortGroup -Name "vMotion PG" | Set-VirtualPortGroup -VLanId 20',
    'Get-VMHostNetworkAdapter -VMHost esx01 -VMKernel -Name vmk1 | Set-VMHostNetworkAdapter -IP 10.20.30.11 -SubnetMask 255.255.255.0 -Confirm:$false',
    'esxcli network ip netstack add -N vmotion',
    'esxcli network vswitch standard portgroup add -p "vMotion-Stack PG" -v vSwitch1',
    'esxcli network ip interface add -i vmk2 -p "vMotion-Stack PG" -N vmotion',
    'esxcli network ip interface set -i vmk2 -m 9000',
    'esxcli network ip route ipv4 add -N vmotion -n default -g 10.20.30.1',
    'esxcli network ip interface tag remove -i vmk1 -t VMotion',
    'esxcli network ip interface add --interface-name=vmk2 --dvs-name=dvs01 --dvport-id=1024 -N vmotion',
    "$e = Get-EsxCli -VMHost esx01 -V2; $e.network.ip.interface.add.Invoke(@{interfacename='vmk2'; portgroupname='PG'; netstack='vmotion'})",
    'esxcli network ip netstack list',
    'esxcfg-vmknic -l',
    'esxcli network ip route ipv4 list -N vmotion',
    'vmkping -S vmotion -I vmk2 -d -s 8972 10.20.30.12',
    'vmkping ++netstack=vmotion -I vmk2 10.20.30.12',
    'vim-cmd hostsvc/vmotion/vnic_set vmk1',
    'Get-VMHostNetworkAdapter -VMHost esx01 -VMKernel -Name vmk0 | Set-VMHostNetworkAdapter -VMotionEnabled $false -Confirm:$false',
    'esxcli system settings advanced list -o /Migrate/BindToVmknic',
    'esxcli system settings advanced set  -o /Migrate/BindToVmknic -i 3',
    'esxcli system settings advanced set --default -o /Migrate/BindToVmknic',
    'esxcfg-advcfg -g /Migrate/BindToVmknic ; esxcfg-advcfg -s 3 /Migrate/BindToVmknic',
    'Get-AdvancedSetting -Entity (Get-VMHost esx01) -Name Migrate.BindToVmknic | Set-AdvancedSetting -Value 3 -Confirm:$false',
    'esxcli network vswitch standard portgroup policy failover set -p vMotion-A -a vmnic1 -s vmnic2',
    'esxcli network ip interface add -i vmk3 -p vMotion-B ; esxcli network ip interface ipv4 set -i vmk3 -t static -I 10.1.1.13 -N 255.255.255.0',
    'esxcli network ip interface tag add -i vmk4 -t vSphereProvisioning',
    'esxcli network ip netstack add -N vSphereProvisioning',
    'esxcli network ip connection list | grep :902',
    'esxcli network vswitch standard set -v vSwitch1 -m 9000',
    'esxcfg-vswitch -m 9000 vSwitch1 ; esxcfg-vmknic -m 9000 "vMotion PG"',
    'Get-VirtualSwitch -VMHost esx01 -Name vSwitch1 | Set-VirtualSwitch -Mtu 9000 -Confirm:$false',
    'esxcli network ip route ipv4 add -n 10.12.10.0/24 -g 192.168.1.2',
    'esxcfg-route -a 10.12.10.0/24 192.168.1.2',
    'esxcli network ip route ipv4 remove -n 10.12.10.0/24 -g 192.168.1.2',
    'esxcfg-route -d 10.12.10.0/24 192.168.1.2',
    'vmkping -I vmk1 -c 1 10.1.1.1',
    "$s = New-Object VMware.Vim.VirtualMachineConfigSpec; $s.MigrateEncryption = 'opportunistic'; (Get-VM app01).ExtensionData.ReconfigVM($s)",
    "Get-VM | Where {$_.ExtensionData.Config.MigrateEncryption -eq 'disabled'}",
    'esxtop -b -n 10 -d 2 > /tmp/net.csv',
    'esxcli network ip connection list | grep 8000',
    'esxcli network ip neighbor list',
    'vmware -vl',
    'esxcli --formatter=csv network ip interface list',
    'localcli network ip interface ipv4 get -i vmk1',
  ];
  for (const line of good) {
    it(line, () => {
      expect(messages(line)).toEqual([]);
    });
  }
});

describe('checkCommand rejects', () => {
  const bad: [string, RegExp][] = [
    ['esxcli network ip interfce tag add -i vmk1 -t VMotion', /unknown esxcli command/],
    ['esxcli network ip interface tag ad -i vmk1 -t VMotion', /unknown esxcli command/],
    ['esxcli network ip interface tag add -i vmk1 -t VMotoin', /not one of/],
    ['esxcli network ip interface tag add -i vmk1', /required option -t\/--tagname/],
    ['esxcli network ip interface ipv4 set -i vmk1 -t static -I 10.0.0.1 -N 10.0.0.1', /not a dotted netmask/],
    ['esxcli network ip interface ipv4 set -i vmk1 -x 255.255.255.0', /unknown option -x/],
    ['esxcli network ip interface ipv4 set -i vMotion -t static', /not a vmknic name/],
    ['esxcli network ip interface ipv4 set -i vmk1 --ipv4=10.0.0.1 --netmsk=255.255.255.0', /unknown option --netmsk/],
    ['esxcli network ip interface tag add -i vmk1 -i vmk2 -t VMotion', /given twice/],
    ['esxcli system settings advanced set -o /Migrate/BindToVmknic', /one of --int-value/],
    ['esxcli system settings advanced set -o Migrate.BindToVmknic -i 3', /advanced option path/],
    ['esxcli network ip route ipv4 add -n 10.0.0.0/33 -g 10.0.0.1', /CIDR/],
    ['esxcli network ip interface set -i vmk1 -m 9001', /MTU between/],
    ['esxcli network ip interface set -i vmk1 -m', /needs a value/],
    ['esxcli network ip interface list extra', /unexpected argument/],
    ['esxcli network ip interface tag add -i <vmk> -t VMotion', /placeholder vmk is not filled/],
    ['esxcli network ip interface tag add -i {vmk} -t VMotion', /placeholder vmk is not filled/],
    ['esxcfg-advcfg -s 3', /needs 1 argument/],
    ['esxcfg-advcfg /Migrate/BindToVmknic', /needs one of -g, -s/],
    ['esxcfg-route -a 10.0.0.0/24', /needs 2 argument/],
    ['esxcfg-vswitch -v 20 vSwitch1', /needs -p/],
    ['esxcfg-vmknic -i 10.0.0.1 "vMotion"', /needs -n/],
    ['esxcfg-rout -l', /unknown command/],
    ['vmkping -I vmk1 -S vmotion -d -s 8972', /needs 1 argument/],
    ['vmkping -X vmk1 10.0.0.1', /unknown option -X/],
    ['vim-cmd hostsvc/vmotion/vnic_sett vmk1', /unknown sub-command/],
    ['esxcli network ip connection list | grep', /grep needs 1 argument/],
    ['esxcli network ip connection list |', /empty command/],
    ['esxtop -b >', /redirection without a target/],
    ['esxcli network ip interface ipv4 set -i vmk1 -I "10.0.0.1', /unterminated/],
    ['Get-VMHostNetworkAdaptor -VMHost esx01 -VMKernel -Name vmk1', /unknown command or cmdlet/],
    ['Get-VMHostNetworkAdapter -VMHost esx01 -VMKernel -Name vmk1 | Set-VMHostNetworkAdapter -VMotionEnable $true', /unknown parameter -VMotionEnable/],
    ['Get-VMHostNetworkAdapter -VMHost esx01 -Name vmk1 | Set-VMHostNetworkAdapter -VMotionEnabled true', /\$true or \$false/],
    ['Get-VMHost esx01 | Get-VirtualPortGroup -Name "x" | Set-VirtualPortGroup -VLanId 5000', /VLAN id/],
    ['Get-VMHost esx01 | Set-VirtualSwitch -Mtu', /needs a value/],
    ['Get-AdvancedSetting -Entity (Get-VMHosts esx01) -Name Migrate.BindToVmknic', /unknown command or cmdlet "Get-VMHosts"/],
    ['Get-AdvancedSetting -Entity (Get-VMHost esx01) -Name /Migrate/BindToVmknic', /advanced setting name/],
    ["$e.network.ip.interface.add.Invoke(@{interfacename='vmk2'; portgroup='x'})", /unknown argument "portgroup"/],
    ["$e.network.ip.interfaces.add.Invoke(@{interfacename='vmk2'})", /unknown esxcli command "network ip interfaces add"/],
    ["$e.network.ip.interface.tag.add.Invoke(@{interfacename='vmk2'})", /required option -t\/--tagname/],
    ["$s.MigrateEncryption = 'sometimes'", /MigrateEncryption must be one of/],
    ['Get-VM app01 extra', /unexpected argument/],
    ['Get-VMHost esx01 | Set-VMHostNetworkAdapter -Confirm:maybe', /takes :\$true or :\$false/],
  ];
  for (const [line, pattern] of bad) {
    it(line, () => {
      const found = messages(line);
      expect(found.some((m) => pattern.test(m)), `${pattern} in ${JSON.stringify(found)}`).toBe(true);
    });
  }

  it('reports the command line with each issue', () => {
    const issues = checkCommand('vmkping -X vmk1 10.0.0.1');
    expect(issues[0]?.command).toBe('vmkping -X vmk1 10.0.0.1');
  });

  it('ignores placeholders and text in a trailing comment', () => {
    expect(messages('esxcfg-route -l  # look for {vmk} and <anything>')).toEqual([]);
  });
});

describe('command tables', () => {
  it('have unique esxcli paths and option spellings that start with a dash', () => {
    const paths = ESXCLI_COMMANDS.map((c) => c.path);
    expect(new Set(paths).size).toBe(paths.length);
    for (const c of ESXCLI_COMMANDS) {
      const names = c.options.flatMap((o) => o.names);
      expect(new Set(names).size, c.path).toBe(names.length);
      for (const n of names) expect(n, c.path).toMatch(/^-[A-Za-z]$|^--[a-z][a-z0-9-]*$/);
    }
  });

  it('describe every shell tool mode by an option the tool has', () => {
    for (const [name, spec] of Object.entries(SHELL_COMMANDS)) {
      const names = spec.options.flatMap((o) => o.names);
      for (const m of spec.modes ?? []) expect(names, `${name} ${m.option}`).toContain(m.option);
    }
  });

  it('give PowerCLI cmdlets unique parameter names', () => {
    for (const [name, spec] of Object.entries(POWERCLI_CMDLETS)) {
      const params = spec.params.map((p) => p.name.toLowerCase());
      expect(new Set(params).size, name).toBe(params.length);
    }
  });
});
