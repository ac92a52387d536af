/**
 * The Electron fuses the packaged app is built with (electron-builder.yml `electronFuses`), read the way
 * electron-builder reads them: its own generateFuseConfig turns the YAML keys into the fuse wire that
 * @electron/fuses flips in the binary. A key misspelled in the YAML, or a fuse left to Electron's default, would
 * silently leave a fuse as it ships (RunAsNode, NODE_OPTIONS and --inspect are ON by default), so the test checks
 * the wire, not the YAML text.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const require = createRequire(import.meta.url);
const { PlatformPackager } = require('app-builder-lib') as {
  PlatformPackager: { prototype: { generateFuseConfig(fuses: unknown): Promise<Record<string, unknown>> } };
};
const { FuseV1Options } = require('@electron/fuses') as { FuseV1Options: Record<string, number | string> };

/** Every fuse of the V1 wire, by name (the enum maps both ways; keep the names). */
const FUSE_NAMES = Object.keys(FuseV1Options).filter((k) => Number.isNaN(Number(k)));

/** Must be off: each lets a local process run the binary as plain Node or attach a debugger to the main process. */
const OFF = ['RunAsNode', 'EnableNodeOptionsEnvironmentVariable', 'EnableNodeCliInspectArguments', 'GrantFileProtocolExtraPrivileges'];
/** Must be on: encrypted cookies, and the app code loaded only from an integrity-checked app.asar. */
const ON = ['EnableCookieEncryption', 'EnableEmbeddedAsarIntegrityValidation', 'OnlyLoadAppFromAsar'];
/** Neither a hardening nor a weakening: a different V8 snapshot for the browser process, which the app does not ship. */
const NEUTRAL = { LoadBrowserProcessSpecificV8Snapshot: false };

async function wire(fuses: unknown): Promise<Record<string, boolean | undefined>> {
  // generateFuseConfig uses nothing of the packager instance: only the config's fuse keys.
  const config = await PlatformPackager.prototype.generateFuseConfig.call({}, fuses);
  return Object.fromEntries(FUSE_NAMES.map((name) => [name, config[String(FuseV1Options[name])] as boolean | undefined]));
}

const yml = parse(readFileSync('electron-builder.yml', 'utf8')) as { electronFuses?: unknown };

describe('Electron fuses of the packaged app', () => {
  it('are configured, and the wire electron-builder makes of them knows every fuse named here', async () => {
    expect(yml.electronFuses).toBeTypeOf('object');
    expect([...OFF, ...ON, ...Object.keys(NEUTRAL)].sort()).toEqual([...FUSE_NAMES].sort());
  });

  it('turn off running as Node, NODE_OPTIONS, --inspect/SIGUSR1 and file:// privileges', async () => {
    const fuses = await wire(yml.electronFuses);
    for (const name of OFF) expect(fuses[name], `${name} must be off`).toBe(false);
  });

  it('turn on cookie encryption and loading the app only from an integrity-checked asar', async () => {
    const fuses = await wire(yml.electronFuses);
    for (const name of ON) expect(fuses[name], `${name} must be on`).toBe(true);
  });

  it('leave no fuse to its default: every fuse electron-builder can flip is set explicitly', async () => {
    const fuses = await wire(yml.electronFuses);
    expect(Object.entries(fuses).filter(([, v]) => typeof v !== 'boolean').map(([k]) => k)).toEqual([]);
    expect(fuses).toMatchObject(NEUTRAL);
  });

  it('is really read through electron-builder: the inspect fuse left on, or a key misspelled, is caught', async () => {
    const on = await wire({ ...(yml.electronFuses as object), enableNodeCliInspectArguments: true });
    expect(on['EnableNodeCliInspectArguments']).toBe(true);
    const { enableNodeCliInspectArguments: _dropped, ...rest } = yml.electronFuses as Record<string, unknown>;
    const misspelled = await wire({ ...rest, enableNodeCLIInspectArguments: false });
    expect(misspelled['EnableNodeCliInspectArguments']).toBeUndefined();
  });
});
