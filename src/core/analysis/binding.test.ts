import { describe, expect, it } from 'vitest';
import type { EvidenceRef } from '../model/evidence.ts';
import type { HostModel } from '../model/host.ts';
import { host } from '../test-support/hosts.ts';
import { effectiveBinding, receiveAutobind } from './binding.ts';
import { formatStep } from './trace.ts';

const deltaRef: EvidenceRef = { file: 'esx-a/commands/localcli_system-settings-advanced-list--d.txt', line: 1, text: '   Path: /UserVars/SuppressShellWarning' };

function proven(h: HostModel, ...paths: string[]): HostModel {
  return { ...h, advancedAtDefault: Object.fromEntries(paths.map((p) => [p, deltaRef])) };
}

describe('effectiveBinding with a -d list that does not name BindToVmknic (advancedAtDefault)', () => {
  it('is the build default as evidence: definite on a dumped build, with the -d list in the trace', () => {
    const b = effectiveBinding(proven(host({ version: '7.0.3', build: '22348816', nics: [] }), '/Migrate/BindToVmknic'));
    expect(b).toMatchObject({ value: 3, source: 'evidence', certainty: 'definite', buildDefault: 3, evidence: deltaRef });
    expect(formatStep(b.steps[0]!)).toMatch(/is 3, its build default: the list of settings that differ from their default \(esxcli system settings advanced list -d\) does not name it\. .*localcli_system-settings-advanced-list--d\.txt:1/);
  });

  it('is probable where the build default itself is only probable (a build no dump covers)', () => {
    expect(effectiveBinding(proven(host({ version: '8.0.3', build: '99999999', nics: [] }), '/Migrate/BindToVmknic'))).toMatchObject({ value: 3, source: 'evidence', certainty: 'probable' });
  });

  it('stays unknown where the build default is unknown, and says the value is at that default', () => {
    const b = effectiveBinding(proven(host({ version: '5.5.0', build: '1331820', nics: [] }), '/Migrate/BindToVmknic'));
    expect(b).toMatchObject({ source: 'unknown', certainty: 'uncertain' });
    expect(b.steps[0]?.text).toMatch(/at its build default .* but that default is not known/);
  });

  it('never overrides a value that was shown', () => {
    const h = proven(host({ version: '7.0.3', build: '22348816', bind: 0, nics: [] }), '/Migrate/BindToVmknic');
    expect(effectiveBinding(h)).toMatchObject({ value: 0, source: 'evidence', certainty: 'definite' });
  });
});

describe('receiveAutobind with a -d list that does not name AutoBindVmknic', () => {
  it('is the default 1 on a build that has the option, as sure as that build is known', () => {
    const r = receiveAutobind(proven(host({ version: '6.7.0', build: '14320388', nics: [] }), '/Migrate/AutoBindVmknic'));
    expect(r).toMatchObject({ autobind: 'yes', certainty: 'definite' });
    expect(r.steps[0]?.evidence).toEqual([deltaRef]);
  });

  it('changes nothing on a build without the option', () => {
    const h = host({ version: '7.0.3', build: '22348816', nics: [] });
    expect(receiveAutobind(proven(h, '/Migrate/AutoBindVmknic'))).toEqual(receiveAutobind(h));
  });
});
