<#
.SYNOPSIS
  Read-only collector for vMotion Path Doctor: one JSON file describing, for every host of a vCenter, what the
  migration-path analysis needs.

.DESCRIPTION
  For each ESXi host: cluster and datacenter, version and build, every VMkernel adapter (port group, switch,
  IPv4 address and mask, per-adapter gateway, MTU, TCP/IP stack, enabled flag, service tags), the TCP/IP stacks
  and their routing tables, Migrate.BindToVmknic and Migrate.AutoBindVmknic (value and default), the standard and
  distributed switches with their MTU, uplinks and port groups, and the physical NICs with their MTU.

  It only reads: Get-* cmdlets and ESXCLI v2 "list" / "get" calls. It changes nothing on vCenter or on the hosts,
  and it does not connect by itself: run Connect-VIServer first. The only file it writes is -OutFile.
  Runs on Windows PowerShell 5.1 and PowerShell 7 with VMware PowerCLI (VMware.VimAutomation.Core) 6.5 or later.
  The JSON schema is documented in collectors/README.md ("vmotion-path-doctor/estate", version 1).

.PARAMETER OutFile
  Where to write the JSON (UTF-8, no BOM). Default: vpd-estate-<vCenter>-<date>.json in the current folder.

.PARAMETER Cluster
  Only hosts of these clusters (names, wildcards allowed). Default: every host of the connected vCenter.

.EXAMPLE
  Connect-VIServer -Server vc01.lab.local
  .\Get-VpdEstate.ps1 -OutFile estate-vc01.json
  npm run cli -- scan estate-vc01.json
#>
[CmdletBinding()]
param(
  [string]$OutFile,
  [string[]]$Cluster
)

$ErrorActionPreference = 'Stop'

$server = $global:DefaultVIServer
if ($null -eq $server -or -not $server.IsConnected) {
  Write-Error 'Not connected to a vCenter: run Connect-VIServer -Server <vcenter> first (this script never connects by itself).'
  return
}
if (-not $OutFile) { $OutFile = "vpd-estate-$($server.Name)-$(Get-Date -Format 'yyyyMMdd-HHmmss').json" }

# One esxcli v2 call — always a `list` or `get` method (collectors/README.md; checked by
# src/imports/collector-script.test.ts) — or $null and a note in $Errors when the host cannot answer it.
function Get-EsxcliAnswer($Call, [hashtable]$Arguments, [string]$What, [System.Collections.ArrayList]$Errors) {
  try {
    if ($Arguments) { return $Call.Invoke($Arguments) }
    return $Call.Invoke()
  } catch {
    [void]$Errors.Add("${What}: $($_.Exception.Message)")
    return $null
  }
}

# An option a build does not have (AutoBindVmknic, absent from every dump from 7.0 U3d on) comes back as value null, not as an error.
function Get-AdvancedValue($EsxCli, [string]$Path, [System.Collections.ArrayList]$Errors, [switch]$Optional) {
  $sink = if ($Optional) { [System.Collections.ArrayList]::new() } else { $Errors }
  $answer = Get-EsxcliAnswer $EsxCli.system.settings.advanced.list @{ option = $Path } "advanced $Path" $sink
  $name = $Path.Trim('/').Replace('/', '.')
  if ($null -eq $answer) { return [ordered]@{ name = $name; value = $null; default = $null } }
  $entry = @($answer)[0]
  if ($entry.Type -eq 'string') { return [ordered]@{ name = $name; value = [string]$entry.StringValue; default = [string]$entry.DefaultStringValue } }
  return [ordered]@{ name = $name; value = [int]$entry.IntValue; default = [int]$entry.DefaultIntValue }
}

$powercli = Get-Module -Name VMware.VimAutomation.Core -ListAvailable | Sort-Object -Property Version -Descending | Select-Object -First 1
$vmhosts = if ($Cluster) { Get-Cluster -Name $Cluster | Get-VMHost } else { Get-VMHost }
$vmhosts = @($vmhosts | Sort-Object -Property Name)
$hosts = [System.Collections.ArrayList]::new()
$count = 0

foreach ($vmhost in $vmhosts) {
  $count++
  Write-Progress -Activity 'Collecting (read-only)' -Status $vmhost.Name -PercentComplete (100 * $count / [Math]::Max(1, $vmhosts.Count))
  $errors = [System.Collections.ArrayList]::new()
  $clusterName = $null
  $cl = Get-Cluster -VMHost $vmhost -ErrorAction SilentlyContinue
  if ($cl) { $clusterName = @($cl)[0].Name }
  $dc = Get-Datacenter -VMHost $vmhost -ErrorAction SilentlyContinue
  $entry = [ordered]@{
    name = $vmhost.Name
    datacenter = if ($dc) { @($dc)[0].Name } else { $null }
    cluster = $clusterName
    connectionState = [string]$vmhost.ConnectionState
    version = [ordered]@{ product = 'VMware ESXi'; version = [string]$vmhost.Version; build = [string]$vmhost.Build; update = $null }
    netstacks = @(); vmknics = @(); routes = @(); advanced = @(); switches = @(); nics = @(); errors = $errors
  }
  if ($vmhost.ConnectionState -notin @('Connected', 'Maintenance')) {
    [void]$errors.Add("host is $($vmhost.ConnectionState): only vCenter's inventory data was collected")
    [void]$hosts.Add($entry)
    continue
  }
  try {
    $esxcli = Get-EsxCli -VMHost $vmhost -V2
  } catch {
    [void]$errors.Add("Get-EsxCli: $($_.Exception.Message)")
    [void]$hosts.Add($entry)
    continue
  }

  $ver = Get-EsxcliAnswer $esxcli.system.version.get $null 'system version get' $errors
  if ($ver) { $entry.version = [ordered]@{ product = [string]$ver.Product; version = [string]$ver.Version; build = ([string]$ver.Build) -replace '\D', ''; update = [string]$ver.Update } }

  # TCP/IP stacks, their gateways and routes (each stack has its own table).
  $stacks = @(Get-EsxcliAnswer $esxcli.network.ip.netstack.list $null 'netstack list' $errors)
  $stackGateways = @{}
  foreach ($ns in (Get-VMHostNetworkStack -VMHost $vmhost -ErrorAction SilentlyContinue)) { $stackGateways[[string]$ns.Id] = [string]$ns.DefaultGateway }
  $entry.netstacks = @($stacks | Where-Object { $_ } | ForEach-Object { [ordered]@{ key = [string]$_.Key; name = [string]$_.Name; gateway = $stackGateways[[string]$_.Key] } })
  $routes = [System.Collections.ArrayList]::new()
  foreach ($ns in ($stacks | Where-Object { $_ })) {
    foreach ($r in @(Get-EsxcliAnswer $esxcli.network.ip.route.ipv4.list @{ netstack = [string]$ns.Key } "route ipv4 list -N $($ns.Key)" $errors)) {
      if ($r) { [void]$routes.Add([ordered]@{ netstack = [string]$ns.Key; network = [string]$r.Network; netmask = [string]$r.Netmask; gateway = [string]$r.Gateway; interface = [string]$r.Interface }) }
    }
  }
  $entry.routes = @($routes)

  # VMkernel adapters: interface list (stack, port group, switch, MTU, enabled), ipv4 get and tag get per adapter.
  $vmknics = [System.Collections.ArrayList]::new()
  foreach ($if in @(Get-EsxcliAnswer $esxcli.network.ip.interface.list $null 'interface list' $errors)) {
    if (-not $if) { continue }
    $name = [string]$if.Name
    $ip = @(Get-EsxcliAnswer $esxcli.network.ip.interface.ipv4.get @{ interfacename = $name } "ipv4 get -i $name" $errors)[0]
    $tag = Get-EsxcliAnswer $esxcli.network.ip.interface.tag.get @{ interfacename = $name } "tag get -i $name" $errors
    $gateway = if ($ip -and $ip.Gateway -and $ip.Gateway -ne '0.0.0.0') { [string]$ip.Gateway } else { $null }
    [void]$vmknics.Add([ordered]@{
      name = $name
      portGroup = if ($if.Portgroup -and $if.Portgroup -ne 'N/A') { [string]$if.Portgroup } else { $null }
      switch = if ($if.VDSName -and $if.VDSName -ne 'N/A') { [string]$if.VDSName } elseif ($if.Portset) { [string]$if.Portset } else { $null }
      dvPort = if ($if.VDSPort -and $if.VDSPort -ne 'N/A') { [string]$if.VDSPort } else { $null }
      ipv4 = if ($ip) { [string]$ip.IPv4Address } else { $null }
      netmask = if ($ip) { [string]$ip.IPv4Netmask } else { $null }
      gateway = $gateway
      dhcp = if ($ip) { [string]$ip.AddressType -eq 'DHCP' } else { $null }
      ipv6 = @()
      mac = [string]$if.MACAddress
      mtu = [int]$if.MTU
      netstack = [string]$if.NetstackInstance
      enabled = [string]$if.Enabled -eq 'true'
      # null: tag get failed (the tags stay unknown); [] : the adapter has no tag.
      tags = if ($null -eq $tag) { $null } else { @(@($tag)[0].Tags | Where-Object { $_ }) }
    })
  }
  $entry.vmknics = @($vmknics)

  $entry.advanced = @(
    (Get-AdvancedValue $esxcli '/Migrate/BindToVmknic' $errors),
    (Get-AdvancedValue $esxcli '/Migrate/AutoBindVmknic' $errors -Optional),
    (Get-AdvancedValue $esxcli '/Migrate/Vmknic' $errors -Optional),
    (Get-AdvancedValue $esxcli '/Net/ProvisioningVmknics' $errors -Optional)
  )

  # Switches (MTU, uplinks, port groups) and physical NICs (MTU).
  $switches = [System.Collections.ArrayList]::new()
  $portgroups = @(Get-EsxcliAnswer $esxcli.network.vswitch.standard.portgroup.list $null 'portgroup list' $errors)
  foreach ($sw in @(Get-EsxcliAnswer $esxcli.network.vswitch.standard.list $null 'vswitch standard list' $errors)) {
    if (-not $sw) { continue }
    $pgs = @($portgroups | Where-Object { $_ -and $_.VirtualSwitch -eq $sw.Name } | ForEach-Object { [ordered]@{ name = [string]$_.Name; vlan = [int]$_.VLANID; uplinks = @() } })
    [void]$switches.Add([ordered]@{ name = [string]$sw.Name; kind = 'standard'; mtu = [int]$sw.MTU; uplinks = @($sw.Uplinks | Where-Object { $_ }); portGroups = $pgs })
  }
  foreach ($vds in (Get-VDSwitch -VMHost $vmhost -ErrorAction SilentlyContinue)) {
    $pgs = @(Get-VDPortgroup -VDSwitch $vds -ErrorAction SilentlyContinue | ForEach-Object { [ordered]@{ name = [string]$_.Name; vlan = $null; uplinks = @() } })
    $uplinks = @(Get-VMHostNetworkAdapter -VMHost $vmhost -DistributedSwitch $vds -Physical -ErrorAction SilentlyContinue | ForEach-Object { [string]$_.Name })
    [void]$switches.Add([ordered]@{ name = [string]$vds.Name; kind = 'distributed'; mtu = [int]$vds.Mtu; uplinks = $uplinks; portGroups = $pgs })
  }
  $entry.switches = @($switches)
  $entry.nics = @(Get-EsxcliAnswer $esxcli.network.nic.list $null 'nic list' $errors | Where-Object { $_ } | ForEach-Object {
      [ordered]@{ name = [string]$_.Name; mtu = [int]$_.MTU; linkUp = [string]$_.LinkStatus -eq 'Up'; speedMbps = [int]$_.Speed; driver = [string]$_.Driver; mac = [string]$_.MACAddress }
    })
  [void]$hosts.Add($entry)
}
Write-Progress -Activity 'Collecting (read-only)' -Completed

$doc = [ordered]@{
  schema = 'vmotion-path-doctor/estate'
  schemaVersion = 1
  collectedAt = (Get-Date).ToUniversalTime().ToString('o')
  collector = [ordered]@{
    name = 'Get-VpdEstate.ps1'
    version = '1.0.0'
    powercli = if ($powercli) { $powercli.Version.ToString() } else { $null }
    powershell = $PSVersionTable.PSVersion.ToString()
  }
  vcenter = $server.Name
  hosts = @($hosts)
}
$json = ConvertTo-Json -InputObject $doc -Depth 10
$path = [System.IO.Path]::GetFullPath((Join-Path -Path (Get-Location).Path -ChildPath $OutFile))
[System.IO.File]::WriteAllText($path, $json, [System.Text.UTF8Encoding]::new($false))
Write-Host "Wrote $($hosts.Count) hosts to $path (read-only collection; nothing was changed)."
