import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze.ts';
import { host } from '../test-support/hosts.ts';

const on65ga = (bind: number) =>
  analyze({ source: host({ name: 'esx65', version: '6.5.0', build: '4564106', update: '0', bind, nics: [{ name: 'vmk0', ip: '10.0.0.1', tags: ['Management'] }, { name: 'vmk1', ip: '10.0.1.1', tags: ['VMotion'] }] }) });

describe('BIND_TO_VMKNIC_SET on a build without a documented default', () => {
  it('is not raised for 3, the standard value of every build that has it', () => {
    expect(on65ga(3).findings.map((f) => f.id)).not.toContain('BIND_TO_VMKNIC_SET');
  });
  it('is raised for any other value', () => {
    expect(on65ga(1).findings.map((f) => f.id)).toContain('BIND_TO_VMKNIC_SET');
  });
});
