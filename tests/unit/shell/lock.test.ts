import { readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireLock, LOCK_FILE } from '../../../electron/core/lock';
import { machineId } from '../../../electron/core/machine-id';
import { openWorkspace } from '../../../electron/core/workspace';
import { tempDir } from '../../helpers/temp-dir';

const THIS_MACHINE = 'a1'.repeat(16);
const OTHER_MACHINE = 'b2'.repeat(16);
/** A PID that certainly belongs to a running process other than this one: a reused PID. */
const LIVE_OTHER_PID = process.ppid;

async function dirWithLock(owner: Record<string, unknown>): Promise<string> {
  const dir = await tempDir();
  await writeFile(join(dir, LOCK_FILE), JSON.stringify({ acquiredAt: '2026-01-01T00:00:00Z', ...owner }));
  return dir;
}

async function lockOwner(dir: string): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(join(dir, LOCK_FILE), 'utf8')) as Record<string, unknown>;
}

describe('the data folder lock on the same computer', () => {
  it('takes over a lock whose PID now belongs to another running program (single instance)', async () => {
    const dir = await dirWithLock({ pid: LIVE_OTHER_PID, hostname: hostname(), machineId: THIS_MACHINE });
    const lock = await acquireLock(dir, { singleInstance: true, machineId: THIS_MACHINE });
    expect(await lockOwner(dir)).toMatchObject({ pid: process.pid, machineId: THIS_MACHINE });
    await lock.release();
  });

  it('takes over a lock written under an earlier host name (macOS renames with the network)', async () => {
    const dir = await dirWithLock({ pid: LIVE_OTHER_PID, hostname: 'Coachs-MacBook-Air.local', machineId: THIS_MACHINE });
    const lock = await acquireLock(dir, { singleInstance: true, machineId: THIS_MACHINE });
    await lock.release();
    const dead = await dirWithLock({ pid: 2 ** 22 + 17, hostname: 'old-name', machineId: THIS_MACHINE });
    await (await acquireLock(dead, { machineId: THIS_MACHINE })).release();
  });

  it('takes over a lock from before machine ids were recorded when it names this host', async () => {
    const dir = await dirWithLock({ pid: LIVE_OTHER_PID, hostname: hostname() });
    await (await acquireLock(dir, { singleInstance: true, machineId: THIS_MACHINE })).release();
  });

  it('without the single-instance guarantee still refuses a process that is running', async () => {
    const dir = await dirWithLock({ pid: LIVE_OTHER_PID, hostname: hostname(), machineId: THIS_MACHINE });
    await expect(acquireLock(dir, { machineId: THIS_MACHINE })).rejects.toMatchObject({
      code: 'LOCKED',
      message: expect.stringMatching(/another Rapport window/),
    });
  });

  it('still refuses a second workspace of this very process', async () => {
    const dir = await tempDir();
    const lock = await acquireLock(dir, { singleInstance: true, machineId: THIS_MACHINE });
    await expect(acquireLock(dir, { singleInstance: true, machineId: THIS_MACHINE })).rejects.toMatchObject({ code: 'LOCKED' });
    await lock.release();
    await expect(readFile(join(dir, LOCK_FILE))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('reaches the workspace: openWorkspace passes the lock options on', async () => {
    const dir = await dirWithLock({ pid: LIVE_OTHER_PID, hostname: hostname(), machineId: THIS_MACHINE });
    const workspace = await openWorkspace(dir, { lock: { singleInstance: true, machineId: THIS_MACHINE } });
    await workspace.close();
  });
});

describe('the data folder lock from another computer (a network share)', () => {
  it.each([true, false])('refuses it, naming that computer (single instance: %s)', async (singleInstance) => {
    const dir = await dirWithLock({ pid: 2 ** 22 + 17, hostname: 'front-desk-pc', machineId: OTHER_MACHINE });
    await expect(acquireLock(dir, { singleInstance, machineId: THIS_MACHINE })).rejects.toMatchObject({
      code: 'LOCKED',
      message: expect.stringMatching(/on another computer \(front-desk-pc\)/),
    });
    expect(await lockOwner(dir)).toMatchObject({ machineId: OTHER_MACHINE });
  });
});

describe('the machine id', () => {
  it('is stable, and a hash rather than the OS id itself', async () => {
    const id = await machineId();
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(await machineId()).toBe(id);
    const osId = await readFile('/etc/machine-id', 'utf8').catch(() => '');
    if (osId) expect(id).not.toContain(osId.trim().slice(0, 12));
  });
});
