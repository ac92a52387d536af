import { describe, expect, it } from 'vitest';
import { commandPart, groupCommands } from './command-groups.ts';

describe('groupCommands', () => {
  it('splits the core’s per-host marker lines into groups', () => {
    expect(groupCommands(['# on esx31', 'a', 'b', '# on esx32', 'c'])).toEqual([
      { host: 'esx31', commands: ['a', 'b'] },
      { host: 'esx32', commands: ['c'] },
    ]);
  });

  it('keeps lines before any marker, drops empty groups, and keeps comments that are not markers', () => {
    expect(groupCommands(['x', '# on esx31', '# on esx32', 'esxcfg-route -l  # look for vmk1'])).toEqual([
      { commands: ['x'] },
      { host: 'esx32', commands: ['esxcfg-route -l  # look for vmk1'] },
    ]);
    expect(groupCommands([])).toEqual([]);
  });
});

describe('commandPart', () => {
  it('copies the command without the host note or the explanation', () => {
    expect(commandPart('esxcfg-advcfg -g /Migrate/BindToVmknic (on esx02)')).toBe('esxcfg-advcfg -g /Migrate/BindToVmknic');
    expect(commandPart('esxcli network ip connection list | grep :8000   (during a test vMotion: the local address shows it)')).toBe(
      'esxcli network ip connection list | grep :8000',
    );
    expect(commandPart('vmware -vl')).toBe('vmware -vl');
  });
});
