import { randomBytes } from 'node:crypto';
import { open, readFile, rename, rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { RapportError } from '../../shared/errors';
import { FILE_MODE } from './durable-write';
import { machineId as systemMachineId } from './machine-id';

export const LOCK_FILE = 'rapport.lock';

export interface LockOwner {
  pid: number;
  hostname: string;
  /** Absent in locks written before it was recorded: the host name stands in for it then. */
  machineId?: string;
  acquiredAt: string;
}

export interface LockOptions {
  /**
   * The caller guarantees that no other process on this computer opens the folder (Electron's
   * requestSingleInstanceLock), so a lock written on this computer is always left over from a
   * crash or a shutdown, whatever process now has its PID.
   */
  singleInstance?: boolean;
  /** This computer's id; by default derived from the OS (see machine-id.ts). */
  machineId?: string;
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

function isThisMachine(owner: LockOwner, machineId: string): boolean {
  return typeof owner.machineId === 'string' ? owner.machineId === machineId : owner.hostname === hostname();
}

/**
 * Whether a lock found in the folder still keeps this process out. A lock from another computer
 * (the folder is on a network share) always does: its process cannot be checked from here. On
 * this computer a lock only counts while its process runs, and not at all under a single-instance
 * guarantee, because a PID left in the file may since belong to any other program.
 */
export function lockIsLive(owner: LockOwner | null, machineId: string, options: LockOptions = {}): boolean {
  if (!owner) return false;
  if (!isThisMachine(owner, machineId)) return true;
  if (options.singleInstance || owner.pid === process.pid) return false;
  return isAlive(owner.pid);
}

function lockedError(owner: LockOwner, machineId: string): RapportError {
  const where = isThisMachine(owner, machineId) ? 'in another Rapport window' : `on another computer (${owner.hostname})`;
  return new RapportError('LOCKED', `Your Rapport data is already open ${where}. Close it there first, then try again.`);
}

/**
 * Makes sure only one workspace writes a data directory. A lock left by a crash (or by a shutdown
 * that never let Rapport quit) is taken over, so a coach is never locked out on their own computer.
 */
export async function acquireLock(dataDir: string, options: LockOptions = {}): Promise<DataDirLock> {
  if (heldHere.has(dataDir)) {
    throw new RapportError('LOCKED', 'Your Rapport data is already open in this window.');
  }
  const machineId = options.machineId ?? (await systemMachineId());
  const lockPath = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 5; attempt += 1) {
    try {
      const handle = await open(lockPath, 'wx', FILE_MODE);
      try {
        const owner: LockOwner = { pid: process.pid, hostname: hostname(), machineId, acquiredAt: new Date().toISOString() };
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
    if (owner && lockIsLive(owner, machineId, options)) throw lockedError(owner, machineId);
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
