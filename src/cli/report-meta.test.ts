import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { reportTime, toolVersion } from './report-meta.ts';

describe('report meta', () => {
  it('reads the tool version from package.json', () => {
    expect(toolVersion()).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  });

  it('pins the report time with SOURCE_DATE_EPOCH and otherwise takes the clock', () => {
    const clock = () => new Date('2026-01-02T03:04:05.000Z');
    expect(reportTime({ SOURCE_DATE_EPOCH: '0' }, clock)).toBe('1970-01-01T00:00:00.000Z');
    expect(reportTime({ SOURCE_DATE_EPOCH: '1764064800' }, clock)).toBe('2025-11-25T10:00:00.000Z');
    expect(reportTime({}, clock)).toBe('2026-01-02T03:04:05.000Z');
    expect(reportTime({ SOURCE_DATE_EPOCH: 'soon' }, clock)).toBe('2026-01-02T03:04:05.000Z');
  });
});
