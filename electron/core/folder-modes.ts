import { chmod, stat } from 'node:fs/promises';
import { DIR_MODE } from './durable-write';

/**
 * Makes an existing folder private to the coach (0700) when it is open to others, as a folder
 * made by hand, an older version or a restored copy may be; mkdir's mode applies only to
 * folders it creates. False when there is no such folder (or something else has its name). Windows has no such bits; there the
 * per-user profile's ACLs protect it.
 */
export async function tightenFolder(dir: string): Promise<boolean> {
  let stats;
  try {
    stats = await stat(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
  // Something else in its place is left for the code that needs the folder to report.
  if (!stats.isDirectory()) return false;
  const mode = stats.mode;
  if (process.platform !== 'win32' && (mode & 0o777) !== DIR_MODE) await chmod(dir, DIR_MODE);
  return true;
}
