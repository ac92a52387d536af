/**
 * The collector script (collectors/Get-VpdEstate.ps1) must only read, and must write the fields the importer reads.
 * PowerShell is not available where the tests run, so these are static checks on the script text.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SCRIPT = readFileSync(join(import.meta.dirname, '..', '..', 'collectors', 'Get-VpdEstate.ps1'), 'utf8');

/** The script's code: comments and string literals removed (they may mention Connect-VIServer in prose). */
function code(text: string): string {
  return text
    .replace(/<#[\s\S]*?#>/g, '')
    .replace(/'[^'\n]*'/g, "''")
    .replace(/"(?:[^"`\n]|`.)*"/g, '""')
    .replace(/#[^\n]*/g, '');
}

describe('collectors/Get-VpdEstate.ps1', () => {
  const body = code(SCRIPT);

  it('calls only cmdlets that read or format: Get-, Select-, Where-, ForEach-, Sort-, ConvertTo-, Write-, Join-', () => {
    const cmdlets = [...new Set([...body.matchAll(/\b([A-Z][a-z]+)-([A-Z][A-Za-z]+)\b/g)].map((m) => m[0]))];
    const verbs = new Set(cmdlets.map((c) => c.split('-')[0]));
    expect([...verbs].filter((v) => !['Get', 'Select', 'Where', 'ForEach', 'Sort', 'ConvertTo', 'Write', 'Join'].includes(v!))).toEqual([]);
    expect(cmdlets).toContain('Get-EsxCli');
    expect(body).not.toMatch(/\b(?:Set|New|Remove|Add|Start|Stop|Restart|Move|Update|Invoke|Connect|Disconnect)-[A-Z]/);
  });

  it('invokes ESXCLI v2 methods named list or get only', () => {
    // `.Invoke(` appears only inside the one helper, on the method object it is given…
    expect([...body.matchAll(/(\S+)\.Invoke\(/g)].map((m) => m[1])).toEqual(['$Call', '$Call']);
    // …and every method given to the helper is a list or get.
    const calls = [...body.matchAll(/Get-EsxcliAnswer\s+(\$\w+(?:\.\w+)+)/g)].map((m) => m[1]!);
    expect(calls.length).toBeGreaterThanOrEqual(10);
    for (const c of calls) expect(c).toMatch(/\.(?:list|get)$/);
  });

  it('writes only its output file', () => {
    expect([...body.matchAll(/\[System\.IO\.File\]::(\w+)/g)].map((m) => m[1])).toEqual(['WriteAllText']);
    expect(body).not.toMatch(/Out-File|Set-Content|Add-Content|Export-/);
  });

  it('writes every field the importer reads (schema vmotion-path-doctor/estate v1)', () => {
    const fields = [
      'schema', 'schemaVersion', 'collectedAt', 'collector', 'powercli', 'vcenter', 'hosts',
      'name', 'datacenter', 'cluster', 'version', 'build', 'update', 'netstacks', 'key', 'gateway',
      'vmknics', 'portGroup', 'switch', 'dvPort', 'ipv4', 'netmask', 'dhcp', 'ipv6', 'mac', 'mtu', 'netstack', 'enabled', 'tags',
      'routes', 'network', 'interface', 'advanced', 'value', 'default', 'switches', 'kind', 'uplinks', 'portGroups', 'vlan',
      'nics', 'linkUp', 'speedMbps', 'driver', 'errors',
    ];
    const written = new Set([...SCRIPT.matchAll(/\b([a-zA-Z][a-zA-Z0-9]*) = /g)].map((m) => m[1]));
    expect(fields.filter((f) => !written.has(f))).toEqual([]);
    expect(SCRIPT).toContain("schema = 'vmotion-path-doctor/estate'");
    expect(SCRIPT).toContain('schemaVersion = 1');
  });
});
