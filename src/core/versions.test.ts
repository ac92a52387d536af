import { describe, expect, it } from 'vitest';
import {
  BUILD_TABLE,
  autoBindVmknicDefault,
  bindToVmknicDefault,
  buildEntryOf,
  compareRelease,
  hasVmotionNetstack,
  is5x,
  parseRelease,
  releaseFromHostVersion,
  releaseName,
  supportsEncryptedVmotion,
  type EsxiRelease,
} from './versions.ts';

function rel(version: string | undefined, build?: string, update?: string): EsxiRelease {
  const r = parseRelease(version, build, update);
  if (!r) throw new Error(`could not parse ${version}`);
  return r;
}

describe('parseRelease', () => {
  it('reads the vmware -v form with a separate build (BYOI 7.0.3 build 22348816)', () => {
    expect(rel('7.0.3', '22348816')).toEqual({ major: 7, minor: 0, patch: 3, build: 22348816, update: 3, letter: 'o' });
  });

  it('reads 6.5.0 with a build and takes update from the build table', () => {
    expect(rel('6.5.0', '5969303')).toMatchObject({ major: 6, minor: 5, patch: 0, build: 5969303, update: 1 });
  });

  it('reads the esxcli system version get form with Releasebuild- prefix', () => {
    expect(rel('8.0.3', 'Releasebuild-24859861', '3')).toMatchObject({ major: 8, patch: 3, build: 24859861, update: 3 });
  });

  it('reads vmware -l (7.0 + Update 3) and derives the patch from the update on 7.x', () => {
    const r = rel('7.0', undefined, 'Update 3');
    expect(r).toMatchObject({ major: 7, minor: 0, patch: 3, update: 3 });
    expect(r.patchAssumed).toBeUndefined();
  });

  it('marks a bare 7.0 as patch assumed, because it may be GA or Update 3', () => {
    expect(rel('7.0')).toMatchObject({ major: 7, minor: 0, patch: 0, patchAssumed: true });
  });

  it('reads a full vmware -vl first line and a typed 7.0 U3d or 6.5d', () => {
    expect(rel('VMware ESXi 7.0.3 build-22348816')).toMatchObject({ patch: 3, build: 22348816 });
    expect(rel('7.0 U3d')).toMatchObject({ major: 7, patch: 3, update: 3, letter: 'd' });
    expect(rel('7.0U3')).toMatchObject({ major: 7, patch: 3, update: 3 });
    expect(rel('6.5d')).toMatchObject({ major: 6, minor: 5, update: 0, letter: 'd' });
    expect(rel('ESXi 6.0.0 Update 2')).toMatchObject({ major: 6, minor: 0, update: 2 });
    expect(rel('5.5.0 GA')).toMatchObject({ major: 5, minor: 5, update: 0 });
  });

  it('ignores a fourth version component (9.0.1.0)', () => {
    expect(rel('9.0.1.0', '24957456')).toMatchObject({ major: 9, minor: 0, patch: 1, build: 24957456 });
  });

  it('identifies the release from a known build alone', () => {
    expect(parseRelease(undefined, '19482537')).toMatchObject({ major: 7, minor: 0, patch: 3, letter: 'd' });
  });

  it('returns undefined for text that is no version and an unknown build', () => {
    expect(parseRelease('garbage')).toBeUndefined();
    expect(parseRelease(undefined)).toBeUndefined();
    expect(parseRelease(undefined, '12345678')).toBeUndefined();
  });

  it('does not borrow update or letter from a table build of another line', () => {
    const r = rel('6.7.0', '5050593');
    expect(r.update).toBeUndefined();
    expect(buildEntryOf(r)).toBeUndefined();
  });

  it('converts a HostVersion record', () => {
    expect(releaseFromHostVersion({ product: 'VMware ESXi', version: '7.0.3', build: '22348816', evidence: [] })).toMatchObject({
      build: 22348816,
    });
    expect(releaseFromHostVersion(undefined)).toBeUndefined();
  });
});

describe('compareRelease', () => {
  it('orders by version before build: 9.0.0 is newer than 8.0 U3f despite a smaller build number', () => {
    expect(compareRelease(rel('9.0.0', '24755229'), rel('8.0.3', '24784735'))).toBeGreaterThan(0);
  });

  it('orders 8.0 U2 after 8.0 U1d although its build is smaller', () => {
    expect(compareRelease(rel('8.0.2', '22380479'), rel('8.0.1', '23299997'))).toBeGreaterThan(0);
  });

  it('uses the build inside one line and the update when no builds are known', () => {
    expect(compareRelease(rel('6.5.0', '5310538'), rel('6.5.0', '8294253'))).toBeLessThan(0);
    expect(compareRelease(rel('6.0.0', undefined, '3'), rel('6.0.0', undefined, '2'))).toBeGreaterThan(0);
    expect(compareRelease(rel('7.0.3'), rel('7.0.3'))).toBe(0);
  });

  it('sorts a mixed list into release order', () => {
    const list = [rel('9.0.0', '24755229'), rel('6.0.0', '5050593'), rel('8.0.3', '24784735'), rel('7.0.2', '17630552')];
    expect([...list].sort(compareRelease).map(releaseName)).toEqual([
      'ESXi 6.0 U3 (build 5050593)',
      'ESXi 7.0 U2 (build 17630552)',
      'ESXi 8.0 U3f (build 24784735)',
      'ESXi 9.0.0 (build 24755229)',
    ]);
  });
});

describe('releaseName', () => {
  it('names a table build by its release name', () => {
    expect(releaseName(rel('7.0.3', '19482537'))).toBe('ESXi 7.0 U3d (build 19482537)');
    expect(releaseName(rel('6.5.0', '5310538'))).toBe('ESXi 6.5d (build 5310538)');
  });

  it('falls back to the version and build as read', () => {
    expect(releaseName(rel('7.0.3', '19193900'))).toBe('ESXi 7.0.3 build 19193900');
    expect(releaseName(rel('6.5.0', undefined, 'Update 1'))).toBe('ESXi 6.5.0 U1');
    expect(releaseName(rel('5.0.0', '469512'))).toBe('ESXi 5.0.0 build 469512');
    expect(releaseName(rel('7.0'))).toBe('ESXi 7.0');
  });

  it('uses the table name for a typed release with its letter', () => {
    expect(releaseName(rel('7.0 U3d'))).toBe('ESXi 7.0 U3d');
  });
});

describe('BUILD_TABLE', () => {
  it('contains every build named in domain.md §1.4 with its release', () => {
    const named: Record<number, string> = {
      5050593: '6.0 U3',
      5310538: '6.5d',
      5969303: '6.5 U1',
      8294253: '6.5 U2',
      8169922: '6.7 GA',
      14320388: '6.7 U3',
      15843807: '7.0 GA',
      16850804: '7.0 U1',
      17630552: '7.0 U2',
      19482537: '7.0 U3d',
      24411414: '7.0 U3r',
      20513097: '8.0 GA',
      24784735: '8.0 U3f',
      24859861: '8.0 U3g',
      24755229: '9.0.0',
      24957456: '9.0.1',
      22348816: '7.0 U3o',
    };
    for (const [build, name] of Object.entries(named)) {
      expect(BUILD_TABLE.find((e) => e.build === Number(build))?.name).toBe(name);
    }
  });

  it('has unique builds, and the patch component matches the update from 7.0 on', () => {
    expect(new Set(BUILD_TABLE.map((e) => e.build)).size).toBe(BUILD_TABLE.length);
    for (const e of BUILD_TABLE.filter((x) => x.major === 7 || x.major === 8)) expect(e.patch).toBe(e.update);
  });

  it('records 6.0 U3 as default 2 with max 2 and AutoBind present, every later dump as 3', () => {
    for (const e of BUILD_TABLE) {
      const expected = e.build === 5050593 ? 2 : 3;
      expect(e.bindToVmknicDefault).toBe(expected);
      expect(e.bindToVmknicMax).toBe(expected);
    }
  });
});

describe('bindToVmknicDefault', () => {
  it('is definite for a dumped build, and still says the value may have been changed', () => {
    const d = bindToVmknicDefault(rel('6.7.0', '14320388'));
    expect(d).toMatchObject({ value: 3, certainty: 'definite' });
    expect(d.note).toContain('esxcfg-advcfg -g /Migrate/BindToVmknic');
  });

  it('is definite 2 for 6.0 U3', () => {
    expect(bindToVmknicDefault(rel('6.0.0', '5050593'))).toMatchObject({ value: 2, certainty: 'definite' });
  });

  it('takes 3 as probable for 7.0 U3–U3c, which lie between dumps that both say 3', () => {
    const d = bindToVmknicDefault(rel('7.0.3', '19193900'));
    expect(d).toMatchObject({ value: 3, certainty: 'probable' });
    expect(d.note).toMatch(/U3d/);
    expect(bindToVmknicDefault(rel('7.0', undefined, 'Update 3'))).toMatchObject({ value: 3, certainty: 'probable' });
  });

  it('takes 2 as probable for 6.0 before U3', () => {
    expect(bindToVmknicDefault(rel('6.0.0', '3620759'))).toMatchObject({ value: 2, certainty: 'probable' });
    expect(bindToVmknicDefault(rel('6.0.0', undefined, 'Update 2'))).toMatchObject({ value: 2, certainty: 'probable' });
  });

  it('is uncertain for 6.5 builds below 6.5d and names the settling command', () => {
    const d = bindToVmknicDefault(rel('6.5.0', '4564106'));
    expect(d.value).toBeUndefined();
    expect(d.certainty).toBe('uncertain');
    expect(d.note).toContain('esxcfg-advcfg -g /Migrate/BindToVmknic');
    expect(d.note).toMatch(/6\.5d/);
  });

  it('is uncertain for 6.5 without a build, but 3 once an update or the d letter places it', () => {
    expect(bindToVmknicDefault(rel('6.5.0')).certainty).toBe('uncertain');
    expect(bindToVmknicDefault(rel('6.5.0', undefined, 'GA')).certainty).toBe('uncertain');
    expect(bindToVmknicDefault(rel('6.5.0', undefined, 'Update 2'))).toMatchObject({ value: 3, certainty: 'probable' });
    expect(bindToVmknicDefault(rel('6.5e'))).toMatchObject({ value: 3, certainty: 'probable' });
    expect(bindToVmknicDefault(rel('6.5c')).certainty).toBe('uncertain');
    expect(bindToVmknicDefault(rel('6.5.0', '13932383'))).toMatchObject({ value: 3, certainty: 'probable' });
  });

  it('is uncertain for 5.x and 4.x and says why', () => {
    for (const v of ['5.0.0', '5.5.0', '4.1.0']) {
      const d = bindToVmknicDefault(rel(v));
      expect(d.certainty).toBe('uncertain');
      expect(d.value).toBeUndefined();
      expect(d.note).toContain('esxcfg-advcfg -g /Migrate/BindToVmknic');
    }
  });

  it('is uncertain for an unknown version or a line newer than every dump', () => {
    expect(bindToVmknicDefault(undefined)).toMatchObject({ value: undefined, certainty: 'uncertain' });
    expect(bindToVmknicDefault(undefined).note).toContain('vmware -vl');
    expect(bindToVmknicDefault(rel('10.0.0')).certainty).toBe('uncertain');
  });

  it('takes 3 as probable for undumped 6.7, 8.x and 9.x builds', () => {
    for (const [v, b] of [
      ['6.7.0', '17700523'],
      ['8.0.3', '24999999'],
      ['9.0.2', '25000000'],
    ] as const) {
      expect(bindToVmknicDefault(rel(v, b))).toMatchObject({ value: 3, certainty: 'probable' });
    }
  });
});

describe('autoBindVmknicDefault', () => {
  it('is present with default 1 on dumped builds 6.0 U3 … 7.0 U2', () => {
    for (const [v, b] of [
      ['6.0.0', '5050593'],
      ['6.5.0', '8294253'],
      ['6.7.0', '8169922'],
      ['7.0.2', '17630552'],
    ] as const) {
      expect(autoBindVmknicDefault(rel(v, b))).toMatchObject({ status: 'present', defaultValue: 1, certainty: 'definite' });
    }
  });

  it('is present (probable) for undumped 7.0 U2 patches and 6.5 GA–c', () => {
    expect(autoBindVmknicDefault(rel('7.0.2', '18538813'))).toMatchObject({ status: 'present', certainty: 'probable' });
    expect(autoBindVmknicDefault(rel('6.5.0', '4564106'))).toMatchObject({ status: 'present', certainty: 'probable' });
  });

  it('is absent from 7.0 U3d on and on 8.x and 9.x', () => {
    expect(autoBindVmknicDefault(rel('7.0.3', '19482537'))).toMatchObject({ status: 'absent', certainty: 'definite' });
    expect(autoBindVmknicDefault(rel('7.0.3', '24585291'))).toMatchObject({ status: 'absent', certainty: 'probable' });
    expect(autoBindVmknicDefault(rel('7.0 U3e'))).toMatchObject({ status: 'absent' });
    expect(autoBindVmknicDefault(rel('8.0.1'))).toMatchObject({ status: 'absent', certainty: 'probable' });
    expect(autoBindVmknicDefault(rel('9.0.1', '24957456'))).toMatchObject({ status: 'absent', certainty: 'definite' });
  });

  it('is unknown for 7.0 U3–U3c and 7.0 U3 without a build', () => {
    expect(autoBindVmknicDefault(rel('7.0.3', '19193900')).status).toBe('unknown');
    expect(autoBindVmknicDefault(rel('7.0', undefined, 'Update 3')).status).toBe('unknown');
    expect(autoBindVmknicDefault(rel('7.0')).status).toBe('unknown');
    expect(autoBindVmknicDefault(undefined)).toMatchObject({ status: 'unknown', certainty: 'uncertain' });
  });

  it('places a bare 7.0 by its build when one is known', () => {
    expect(autoBindVmknicDefault(rel('7.0', '16324942')).status).toBe('present');
    expect(autoBindVmknicDefault(rel('7.0', '19290878')).status).toBe('unknown');
    expect(autoBindVmknicDefault(rel('7.0', '25000000')).status).toBe('absent');
  });

  it('is not-present-old before 6.0 U3 and on 5.x', () => {
    expect(autoBindVmknicDefault(rel('6.0.0', '3620759'))).toMatchObject({ status: 'not-present-old', certainty: 'probable' });
    expect(autoBindVmknicDefault(rel('6.0.0', undefined, 'Update 2')).status).toBe('not-present-old');
    expect(autoBindVmknicDefault(rel('5.1.0')).status).toBe('not-present-old');
    expect(autoBindVmknicDefault(rel('6.0.0')).status).toBe('unknown');
  });
});

describe('feature gates', () => {
  it('encrypted vMotion from 6.5, vmotion netstack from 6.0, 5.x detection', () => {
    expect(supportsEncryptedVmotion(rel('6.0.0'))).toBe(false);
    expect(supportsEncryptedVmotion(rel('6.5.0'))).toBe(true);
    expect(supportsEncryptedVmotion(rel('7.0.3'))).toBe(true);
    expect(hasVmotionNetstack(rel('5.5.0'))).toBe(false);
    expect(hasVmotionNetstack(rel('6.0.0'))).toBe(true);
    expect(is5x(rel('5.0.0'))).toBe(true);
    expect(is5x(rel('6.0.0'))).toBe(false);
    expect(supportsEncryptedVmotion(undefined)).toBeUndefined();
    expect(hasVmotionNetstack(undefined)).toBeUndefined();
    expect(is5x(undefined)).toBeUndefined();
  });
});
