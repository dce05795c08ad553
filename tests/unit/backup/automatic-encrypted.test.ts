import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp-dir';
import { testWorkspace } from '../../helpers/workspace-api';
import { clientDocument, practiceDocument, seedDataDir } from './fixtures';

const PASSPHRASE = 'kept in the keychain';

async function setup(passphrase: string | undefined) {
  const root = await tempDir();
  const dataDir = join(root, 'data');
  const backupsDir = join(root, 'backups');
  const amara = clientDocument('Amara Okafor');
  await seedDataDir(dataDir, practiceDocument('Dana Coach'), [amara, clientDocument('Ben Ito')]);
  const workspace = await testWorkspace({ dir: dataDir, backupsDir, automaticBackupPassphrase: async () => passphrase });
  return { workspace, backupsDir, dataDir, amara };
}

describe('automatic backups protected with a passphrase', () => {
  // Seven key derivations at N = 2^17, on a machine that may be busy.
  it('are encrypted with it, and restore, recover and answer erasure questions with it', { timeout: 90_000 }, async () => {
    const { workspace, backupsDir, amara } = await setup(PASSPHRASE);
    const { created } = await workspace.backup.runAutomatic('quit');
    const file = join(backupsDir, created!.fileName);

    await expect(workspace.backup.inspect(file)).rejects.toMatchObject({ code: 'PASSPHRASE_REQUIRED' });
    expect(await workspace.backup.inspect(file, { passphrase: PASSPHRASE })).toMatchObject({
      encrypted: true,
      clientNames: ['Amara Okafor', 'Ben Ito'],
    });
    expect(await workspace.backup.backupsContaining(amara.client.id)).toEqual([created!.fileName]);

    await workspace.clients.update(amara.client.id, { targetRole: 'Changed after the backup' });
    await workspace.backup.restoreAutomatic(created!.fileName);
    expect((await workspace.clients.get(amara.client.id)).targetRole).toBe(amara.client.targetRole);

    await workspace.clients.remove(amara.client.id, 'Amara Okafor');
    expect(await workspace.backup.restoreClientFromAutomatic(amara.client.id)).toMatchObject({ clientName: 'Amara Okafor' });
  });

  it('stay plain when no passphrase is set', async () => {
    const { workspace, backupsDir } = await setup(undefined);
    const { created } = await workspace.backup.runAutomatic('quit');
    expect(await workspace.backup.inspect(join(backupsDir, created!.fileName))).toMatchObject({ encrypted: false });
  });

  it('cannot be read back with another passphrase', async () => {
    const first = await setup(PASSPHRASE);
    const { created } = await first.workspace.backup.runAutomatic('quit');
    await first.workspace.close();
    const other = await testWorkspace({
      dir: first.dataDir,
      backupsDir: first.backupsDir,
      automaticBackupPassphrase: async () => 'a different passphrase',
    });
    await expect(other.backup.restoreAutomatic(created!.fileName)).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
  });
});
