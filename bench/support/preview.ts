/** `vite preview` of the built renderer on 127.0.0.1 for the web benchmarks (never another interface). */
import { spawn } from 'node:child_process';

export async function startPreview(port: number): Promise<{ stop(): void }> {
  // A preview that ran on the same port just before (bench/web.ts, then bench/web-app.ts) may take a moment to let
  // go of it: a few attempts.
  for (let attempt = 1; ; attempt++) {
    const child = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const up = await new Promise<boolean>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('vite preview did not start within 30 s')), 30_000);
      child.stdout.on('data', (d: Buffer) => {
        if (d.toString().includes(`127.0.0.1:${port}`)) {
          clearTimeout(timer);
          resolve(true);
        }
      });
      child.on('exit', () => {
        clearTimeout(timer);
        resolve(false);
      });
    });
    if (up) return { stop: () => child.kill('SIGTERM') };
    if (attempt === 5) throw new Error(`vite preview could not listen on 127.0.0.1:${port}`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}
