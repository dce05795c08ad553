import { randomBytes } from 'node:crypto';
import { open, readFile, rename, rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { RapportError } from '../../shared/errors';
import { FILE_MODE } from './durable-write';

export const LOCK_FILE = 'rapport.lock';

interface LockOwner {
  pid: number;
  hostname: string;
  acquiredAt: string;
}

export interface DataDirLock {
  release(): Promise<void>;
}

/** Data directories locked by workspaces of this very process. */
const heldHere = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readOwner(lockPath: string): Promise<LockOwner | null> {
  try {
    const owner = JSON.parse(await readFile(lockPath, 'utf8')) as Partial<LockOwner>;
    if (typeof owner.pid === 'number' && typeof owner.hostname === 'string') return owner as LockOwner;
  } catch {
    // Unreadable or half-written: left behind by a crash while locking.
  }
  return null;
}

function lockedError(owner: LockOwner): RapportError {
  const where = owner.hostname === hostname() ? 'in another Rapport window' : `on another computer (${owner.hostname})`;
  return new RapportError('LOCKED', `Your Rapport data is already open ${where}. Close it there first, then try again.`);
}

/**
 * Makes sure only one workspace writes a data directory. A lock whose process is gone
 * (it crashed) is taken over, so a coach is never locked out after a crash.
 */
export async function acquireLock(dataDir: string): Promise<DataDirLock> {
  if (heldHere.has(dataDir)) {
    throw new RapportError('LOCKED', 'Your Rapport data is already open in this window.');
  }
  const lockPath = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 5; attempt += 1) {
    try {
      const handle = await open(lockPath, 'wx', FILE_MODE);
      try {
        const owner: LockOwner = { pid: process.pid, hostname: hostname(), acquiredAt: new Date().toISOString() };
        await handle.writeFile(JSON.stringify(owner));
        await handle.sync();
      } finally {
        await handle.close();
      }
      heldHere.add(dataDir);
      return { release: () => releaseLock(dataDir, lockPath) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = await readOwner(lockPath);
    if (owner && owner.hostname !== hostname()) throw lockedError(owner);
    if (owner && owner.pid !== process.pid && isAlive(owner.pid)) throw lockedError(owner);
    // Stale: move it aside first so two processes taking over at once cannot delete each other's new lock.
    const aside = `${lockPath}.stale-${randomBytes(4).toString('hex')}`;
    await rename(lockPath, aside).catch(() => undefined);
    await rm(aside, { force: true });
  }
  throw new RapportError('LOCKED', 'Rapport could not lock your data folder. Please try again.');
}

async function releaseLock(dataDir: string, lockPath: string): Promise<void> {
  if (!heldHere.delete(dataDir)) return;
  const owner = await readOwner(lockPath);
  if (owner?.pid === process.pid) await rm(lockPath, { force: true });
}
