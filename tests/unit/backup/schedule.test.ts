import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { AutomaticRunResult } from '../../../shared/api/backup';
import { scheduleAutomaticBackups } from '../../../electron/core/backup/schedule';
import { tempDir } from '../../helpers/temp-dir';
import { testWorkspace } from '../../helpers/workspace-api';

async function setup() {
  const root = await tempDir();
  const clock = { at: new Date('2026-03-02T09:00:00.000Z') };
  const workspace = await testWorkspace({ dir: join(root, 'data'), backupsDir: join(root, 'backups'), now: () => clock.at });
  await workspace.clients.create({ name: 'Amara Okafor' });
  return { workspace, clock };
}

async function reasons(workspace: Awaited<ReturnType<typeof setup>>['workspace']): Promise<string[]> {
  return (await workspace.backup.listAutomatic()).map((backup) => backup.reason);
}

describe('scheduleAutomaticBackups', () => {
  it('makes a daily backup at start, another once a day has passed, and one on quit', async () => {
    const { workspace, clock } = await setup();
    const calls: string[] = [];
    const backup = {
      runAutomatic: async (reason: 'daily' | 'quit'): Promise<AutomaticRunResult> => {
        calls.push(reason);
        return workspace.backup.runAutomatic(reason);
      },
    };
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const schedule = scheduleAutomaticBackups(backup, 1000);
      await vi.waitFor(async () => expect(await reasons(workspace)).toEqual(['daily']));

      await vi.advanceTimersByTimeAsync(1000);
      await vi.waitFor(() => expect(calls).toEqual(['daily', 'daily']));
      expect(await reasons(workspace)).toEqual(['daily']);

      clock.at = new Date('2026-03-03T09:00:00.000Z');
      await vi.advanceTimersByTimeAsync(1000);
      await vi.waitFor(async () => expect(await reasons(workspace)).toEqual(['daily', 'daily']));

      await schedule.beforeQuit();
      expect(await reasons(workspace)).toEqual(['quit', 'daily', 'daily']);
      const before = calls.length;
      await vi.advanceTimersByTimeAsync(5000);
      expect(calls).toHaveLength(before);
    } finally {
      vi.useRealTimers();
    }
  });

  it('never lets a failed backup stop the app quitting', async () => {
    const schedule = scheduleAutomaticBackups({ runAutomatic: () => Promise.reject(new Error('disk full')) }, 60_000);
    await expect(schedule.beforeQuit()).resolves.toBeUndefined();
  });
});
