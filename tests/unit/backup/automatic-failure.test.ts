import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RapportError } from '../../../shared/errors';
import { scheduleAutomaticBackups } from '../../../electron/core/backup/schedule';
import { tempDir } from '../../helpers/temp-dir';
import { rendererApiFor, testWorkspace } from '../../helpers/workspace-api';

const PASSPHRASE = 'kept in the keychain';

/** A keychain that is locked until the test unlocks it, failing the way backup-keychain.ts does. */
function lockableKeychain() {
  const keychain = {
    locked: true,
    read: async (): Promise<string | undefined> => {
      if (keychain.locked)
        throw new RapportError('IO_ERROR', 'The system keychain did not give back the passphrase that protects your automatic backups.');
      return PASSPHRASE;
    },
  };
  return keychain;
}

async function setup() {
  const root = await tempDir();
  const backupsDir = join(root, 'backups');
  const clock = { at: new Date('2026-03-02T09:00:00.000Z') };
  const keychain = lockableKeychain();
  const workspace = await testWorkspace({
    dir: join(root, 'data'),
    backupsDir,
    now: () => clock.at,
    automaticBackupPassphrase: keychain.read,
  });
  await workspace.clients.create({ name: 'Amara Okafor' });
  return { workspace, backupsDir, clock, keychain, page: rendererApiFor(workspace) };
}

describe('a failed automatic backup', () => {
  it('writes nothing when the keychain does not answer, and the app status tells the coach', async () => {
    const { workspace, backupsDir, page } = await setup();
    const schedule = scheduleAutomaticBackups(workspace.backup, 60_000);
    await expect
      .poll(async () => (await page.app.status()).automaticBackupFailure)
      .toEqual({
        at: '2026-03-02T09:00:00.000Z',
        reason: 'daily',
        cause: 'keychain',
        message: expect.stringMatching(/keychain/),
      });
    await schedule.beforeQuit();
    expect((await page.app.status()).automaticBackupFailure).toMatchObject({ reason: 'quit', cause: 'keychain' });
    expect(await readdir(backupsDir).catch(() => [])).toEqual([]);
    expect(await workspace.backup.listAutomatic()).toEqual([]);
  });

  it('is cleared once a later automatic backup is made, encrypted', { timeout: 60_000 }, async () => {
    const { workspace, backupsDir, clock, keychain, page } = await setup();
    await expect(workspace.backup.runAutomatic('daily')).rejects.toMatchObject({ code: 'IO_ERROR' });
    expect((await page.app.status()).automaticBackupFailure).not.toBeNull();

    keychain.locked = false;
    clock.at = new Date('2026-03-02T10:00:00.000Z');
    const { created } = await workspace.backup.runAutomatic('daily');
    expect(created?.reason).toBe('daily');
    expect((await page.app.status()).automaticBackupFailure).toBeNull();
    // Still no plain-text copy: the one backup there is holds no readable client name.
    const files = await readdir(backupsDir);
    expect(files).toEqual([created!.fileName]);
    expect((await readFile(join(backupsDir, files[0]))).includes('Amara Okafor')).toBe(false);
    await expect(workspace.backup.inspect(join(backupsDir, files[0]))).rejects.toMatchObject({ code: 'PASSPHRASE_REQUIRED' });
  });

  it('is reported in plain words when the backups folder cannot be written', async () => {
    const root = await tempDir();
    const backupsDir = join(root, 'backups');
    const workspace = await testWorkspace({ dir: join(root, 'data'), backupsDir });
    await writeFile(backupsDir, 'a file where the folder should be');
    await expect(workspace.backup.runAutomatic('quit')).rejects.toBeInstanceOf(RapportError);
    expect((await rendererApiFor(workspace).app.status()).automaticBackupFailure).toMatchObject({ reason: 'quit', cause: 'other' });
  });

  it('is forgotten when the coach turns automatic backups off', async () => {
    const { workspace, page } = await setup();
    await expect(workspace.backup.runAutomatic('quit')).rejects.toMatchObject({ code: 'IO_ERROR' });
    const settings = await workspace.settings.get();
    await workspace.settings.update({ backup: { ...settings.backup, automatic: false } });
    expect(await workspace.backup.runAutomatic('daily')).toEqual({ created: null, skipped: 'disabled' });
    expect((await page.app.status()).automaticBackupFailure).toBeNull();
  });
});
