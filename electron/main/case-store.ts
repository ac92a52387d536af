/**
 * Writes a file so that a crash, a kill or a full disk never leaves a half-written case: write a temporary file
 * next to the target (same folder, so the same filesystem), fsync it, rename it over the target (atomic), then
 * fsync the folder so the rename itself survives a power cut. Killed at any point, the target holds either the
 * previous save or the new one, never a mix.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Temporary files start with a dot and end in `.tmp`: listings skip them and clean-up finds them. */
export function isTempName(name: string): boolean {
  return name.startsWith('.') && name.endsWith('.tmp');
}

async function syncFolder(folder: string): Promise<void> {
  // Windows cannot open a folder for fsync, and some filesystems refuse it: the rename is then as durable as
  // the platform makes it, which is still atomic.
  try {
    const dir = await open(folder, 'r');
    try {
      await dir.sync();
    } finally {
      await dir.close();
    }
  } catch {
    // best effort
  }
}

export async function writeFileAtomic(target: string, data: string | Uint8Array): Promise<void> {
  // Unique per write (pid + random), so two saves of one file in the same millisecond never share a temp file.
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'w', 0o600);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (e) {
    await handle.close();
    await rm(temp, { force: true });
    throw e;
  }
  await handle.close();
  try {
    await rename(temp, target);
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  }
  await syncFolder(dirname(target));
}
