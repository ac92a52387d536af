/**
 * Is there an Electron binary to drive? Probed WITHOUT `require('electron')`, which downloads the binary on first
 * use since Electron 42 (style.md §10): `node_modules/electron/path.txt` names it under `dist/`, or
 * ELECTRON_OVERRIDE_DIST_PATH points at a directory holding one.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface ElectronProbe {
  readonly found: boolean;
  /** Where it was looked for, for the skip reason. */
  readonly where: string;
  readonly binary?: string;
}

export function probeElectron(root = process.cwd()): ElectronProbe {
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const candidates = ['electron', 'electron.exe', 'Electron.app/Contents/MacOS/Electron'].map((n) => join(override, n));
    const binary = candidates.find((c) => existsSync(c));
    return binary ? { found: true, where: override, binary } : { found: false, where: `${override} (ELECTRON_OVERRIDE_DIST_PATH)` };
  }
  const pkg = resolve(root, 'node_modules/electron');
  const pathTxt = join(pkg, 'path.txt');
  if (!existsSync(pathTxt)) return { found: false, where: `${pathTxt} (missing: the electron package installed without its binary)` };
  const binary = join(pkg, 'dist', readFileSync(pathTxt, 'utf8').trim());
  return existsSync(binary) ? { found: true, where: binary, binary } : { found: false, where: `${binary} (named by path.txt but absent)` };
}
