/**
 * `npm start`: build everything and launch the desktop app; where the Electron binary was never downloaded (the
 * `electron` package then has no path.txt), say so once, say how to get it, and point to `npm run web`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { probeElectron } from './binary.ts';

const probe = probeElectron();
if (!probe.found || !probe.binary) {
  console.error(
    [
      'vMotion Path Doctor: the Electron binary is not installed, so the desktop app cannot start here.',
      `  Looked for: ${probe.where}`,
      '  To get it, on a machine that can reach the Electron downloads, run `node node_modules/electron/install.js`',
      '  (ELECTRON_MIRROR selects a mirror), or point ELECTRON_OVERRIDE_DIST_PATH at an unpacked Electron 45 folder.',
      '  Meanwhile the same app runs in a browser: `npm run web`, then open the printed http://127.0.0.1 URL.',
    ].join('\n'),
  );
  process.exit(1);
}

const built = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' });
if (built.status !== 0) process.exit(built.status ?? 1);

const child = spawn(probe.binary, ['out/main/index.cjs'], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
