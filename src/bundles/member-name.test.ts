import { describe, expect, it } from 'vitest';
import { checkMemberName, printable } from './member-name.ts';

describe('checkMemberName', () => {
  it('normalises harmless spellings: ./ prefixes, doubled slashes, trailing slash, . segments', () => {
    expect(checkMemberName('./esx-a/commands//esxcfg-vmknic_-l.txt')).toEqual({ ok: true, path: 'esx-a/commands/esxcfg-vmknic_-l.txt' });
    expect(checkMemberName('esx-a/./var/run/log/')).toEqual({ ok: true, path: 'esx-a/var/run/log' });
    // `:` inside a name is real (bundles.md §4), only a leading drive letter is refused.
    expect(checkMemberName('esx-a/vmfs/volumes/ds:1/vm/vmware.log')).toEqual({ ok: true, path: 'esx-a/vmfs/volumes/ds:1/vm/vmware.log' });
  });

  it.each([
    ['/etc/passwd', /absolute path/],
    ['a/../../b', /climbs out/],
    ['..', /climbs out/],
    ['C:/x', /drive letter/],
    ['c:x', /drive letter/],
    ['a\\b', /backslash/],
    ['a/\u0000b', /control characters/],
    ['a/b\nc', /control characters/],
    ['', /empty/],
    ['./', /no file name/],
    ['x'.repeat(5000), /longer than/],
  ])('refuses %j', (name, reason) => {
    const r = checkMemberName(name);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});

describe('printable', () => {
  it('shows control characters as ? and shortens very long names', () => {
    expect(printable('a\u0000b\nc')).toBe('a?b?c');
    expect(printable('x'.repeat(1000))).toHaveLength(251);
  });
});
