import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('the installed path-doctor bin', () => {
  it('runs the same CLI as npm run cli, with its exit codes', () => {
    const r = spawnSync(process.execPath, ['bin/path-doctor.mjs', 'analyze', '--source', 'examples/bind0-6.7/esx-a.txt', '--format', 'json'], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).hosts[0].name).toBe('esx31');
    const bad = spawnSync(process.execPath, ['bin/path-doctor.mjs', 'analyze', '--source', 'examples/messy/not-esxi.txt'], { encoding: 'utf8', timeout: 60_000 });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/not-esxi\.txt/);
  });
});
