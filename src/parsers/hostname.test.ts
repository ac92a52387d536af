import { describe, expect, it } from 'vitest';
import { hostnameParser } from './hostname.ts';
import { blockOf } from './types.ts';
import { loadEvidence } from './load-evidence.ts';

const ESXCLI = ['   Domain Name: lab.local', '   Fully Qualified Domain Name: esx01.lab.local', '   Host Name: esx01'].join('\n');

describe('hostname parser', () => {
  it('reads the FQDN from esxcli system hostname get', () => {
    const r = hostnameParser.parse(blockOf(ESXCLI, { command: 'esxcli system hostname get' }));
    expect(r.ok && r.value.name).toBe('esx01.lab.local');
    expect(r.ok && r.value.ref.line).toBe(2);
  });

  it('falls back to the short name when the FQDN is empty', () => {
    const r = hostnameParser.parse(blockOf('   Domain Name:\n   Fully Qualified Domain Name:\n   Host Name: esx09', { command: 'localcli system hostname get' }));
    expect(r.ok && r.value.name).toBe('esx09');
  });

  it('reads the single line that `hostname` prints, and refuses anything else', () => {
    const r = hostnameParser.parse(blockOf('esx02.lab.local\n', { command: 'hostname' }));
    expect(r.ok && r.value.name).toBe('esx02.lab.local');
    expect(hostnameParser.parse(blockOf('-sh: hostname: not found', { command: 'hostname' })).ok).toBe(false);
  });

  it('matches only the reading forms of the commands', () => {
    expect(hostnameParser.matchesCommand('esxcli system hostname get')).toBe(true);
    expect(hostnameParser.matchesCommand('hostname -f')).toBe(true);
    expect(hostnameParser.matchesCommand('esxcli system hostname set --host=esx03')).toBe(false);
    expect(hostnameParser.matchesCommand('hostname esx03')).toBe(false);
  });

  it('names a 5.x session whose `~ #` prompts carry no host name', () => {
    const text = ['~ # esxcli system hostname get', ESXCLI, '~ # vmware -vl', 'VMware ESXi 5.0.0 build-469512', 'VMware ESXi 5.0.0 GA'].join('\n');
    const r = loadEvidence([{ file: 'a.txt', text, defaultHost: 'a' }]);
    expect(r.ok && r.hosts.map((h) => [h.name, h.nameAssumed])).toEqual([['esx01.lab.local', false]]);
  });
});
