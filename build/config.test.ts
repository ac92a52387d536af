/**
 * electron-builder.yml is valid for the electron-builder we install (its own schema validator) and every file it
 * names exists; what it packs is what the build writes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const require = createRequire(import.meta.url);
const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  validateConfiguration(config: unknown, logger: { isEnabled: boolean; add(k: string, v: unknown): void }): Promise<void>;
};
const quiet = { isEnabled: false, add() {} };

type Config = Record<string, unknown> & {
  directories: { buildResources: string; output: string };
  files: string[];
  linux: { target: string[]; icon: string; maintainer?: string };
  win: { target: string[]; icon: string };
  mac: { target: string; icon: string };
  nsis: { artifactName: string };
  portable: { artifactName: string };
  icon: string;
};

const config = parse(readFileSync('electron-builder.yml', 'utf8')) as Config;
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { main: string; devDependencies: Record<string, string> };

describe('electron-builder.yml', () => {
  it("passes electron-builder's own configuration schema", async () => {
    await expect(validateConfiguration(config, quiet)).resolves.toBeUndefined();
  });

  it('is really checked: an unknown key is rejected by the same validator', async () => {
    await expect(validateConfiguration({ ...config, notAnOption: true }, quiet)).rejects.toThrow(/notAnOption/);
  });

  it('names only files that exist: build resources and every icon', () => {
    expect(existsSync(config.directories.buildResources)).toBe(true);
    for (const icon of [config.icon, config.linux.icon, config.win.icon, config.mac.icon]) {
      expect(existsSync(icon), icon).toBe(true);
    }
    const png = readFileSync(config.icon);
    // electron-builder derives .ico and .icns from a PNG of at least 512x512 (IHDR width/height at bytes 16–23).
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(512);
    expect(png.readUInt32BE(20)).toBeGreaterThanOrEqual(512);
  });

  it('packs what the build writes: out/ (renderer, main, preload) but not the CLI, and package.json, whose main is in out/', () => {
    expect(config.files).toEqual(['out/**', '!out/cli/**', 'package.json', '!node_modules/**']);
    expect(pkg.main).toBe('out/main/index.cjs');
    const vite = readFileSync('vite.config.ts', 'utf8');
    // The default build folder (VPD_OUT only moves it for parallel e2e runs).
    expect(vite).toContain("process.env.VPD_OUT ?? '../../out/renderer'");
    const build = readFileSync('electron/build.ts', 'utf8');
    // Everything but electron is bundled, which is why no node_modules need packing.
    expect(build).toContain("external: ['electron']");
    expect(build).toContain("outfile: 'out/main/index.cjs'");
    expect(build).toContain("outfile: 'out/preload/index.cjs'");
  });

  it('writes installers to release/, never over the Vite output, with asar and the hardening fuses', () => {
    expect(config.directories.output).toBe('release');
    expect(config.asar).toBe(true);
    expect(config.publish).toBeNull();
    expect(config.electronFuses).toMatchObject({ runAsNode: false, enableNodeOptionsEnvironmentVariable: false, onlyLoadAppFromAsar: true });
  });

  it('builds AppImage and deb, NSIS and portable with distinct names, and dmg', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.linux.maintainer).toMatch(/<.+@.+>/);
    expect(config.win.target).toEqual(['nsis', 'portable']);
    expect(config.nsis.artifactName).not.toBe(config.portable.artifactName);
    expect(config.mac.target).toBe('dmg');
    expect(pkg.devDependencies.electron).toBeDefined();
  });
});
