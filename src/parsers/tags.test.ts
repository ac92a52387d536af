import { describe, expect, it } from 'vitest';
import { ESXCLI_TAGS, isKnownTag, normaliseTag, splitTags } from './tags.ts';

describe('normaliseTag', () => {
  it('maps every casing of a known tag to the esxcli spelling of domain.md §1.3', () => {
    expect(normaliseTag('vmotion')).toBe('VMotion');
    expect(normaliseTag('vMotion')).toBe('VMotion');
    expect(normaliseTag('management')).toBe('Management');
    expect(normaliseTag('vsan')).toBe('VSAN');
    expect(normaliseTag('vsanWitness')).toBe('VSANWitness');
    expect(normaliseTag('VSPHEREPROVISIONING')).toBe('vSphereProvisioning');
    expect(normaliseTag('faulttolerancelogging')).toBe('faultToleranceLogging');
    expect(normaliseTag('vspherereplicationnfc')).toBe('vSphereReplicationNFC');
    expect(normaliseTag('nvmeTcp')).toBe('NVMeTCP');
  });

  it('is the identity on the esxcli spellings themselves', () => {
    for (const tag of ESXCLI_TAGS) expect(normaliseTag(tag)).toBe(tag);
  });

  it('keeps an unknown tag verbatim (trimmed)', () => {
    expect(normaliseTag(' SomeVendorTag ')).toBe('SomeVendorTag');
    expect(isKnownTag('SomeVendorTag')).toBe(false);
    expect(isKnownTag('vmotion')).toBe(true);
  });
});

describe('splitTags', () => {
  it('splits on commas and/or spaces, normalises and drops duplicates', () => {
    expect(splitTags('Management, VMotion')).toEqual(['Management', 'VMotion']);
    expect(splitTags('vmotion,vsan  VMotion')).toEqual(['VMotion', 'VSAN']);
    expect(splitTags('')).toEqual([]);
    expect(splitTags('  ,  ')).toEqual([]);
  });
});
