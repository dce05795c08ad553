import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export const FILE_MODE = 0o600;
export const DIR_MODE = 0o700;
export const TEMP_MARKER = '.tmp-';

/** Flushes a directory entry (a rename) to disk. Windows cannot open directories; it journals renames itself. */
export async function fsyncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Replaces `target` so that after a crash it holds either the old or the new bytes, never a mix:
 * write a uniquely named temp file beside it, fsync it, rename it over the target, fsync the directory.
 */
export async function writeFileDurably(target: string, data: string | Uint8Array): Promise<void> {
  const dir = dirname(target);
  const temp = join(dir, `${basename(target)}${TEMP_MARKER}${randomBytes(6).toString('hex')}`);
  let renamed = false;
  try {
    const handle = await open(temp, 'wx', FILE_MODE);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
    renamed = true;
    await fsyncDirectory(dir);
  } finally {
    if (!renamed) await rm(temp, { force: true }).catch(() => undefined);
  }
}
