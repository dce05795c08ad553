import { createHash } from 'node:crypto';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesDir } from '../../../electron/core/files/file-store';
import { tempDir } from '../../helpers/temp-dir';
import { testWorkspace } from '../../helpers/workspace-api';

const sha = (text: string) => createHash('sha256').update(text).digest('hex');
const PASSPHRASE = 'kept in the keychain';

describe('erasing a client with documents', () => {
  // Four key derivations at N = 2^17, on a machine that may be busy.
  it('removes the files only that client named, and lists every backup file that still holds the client', { timeout: 90_000 }, async () => {
    const root = await tempDir('rapport-erasure-');
    const backupsDir = join(root, 'backups');
    let keychain: string | undefined;
    const workspace = await testWorkspace({ dir: join(root, 'data'), backupsDir, automaticBackupPassphrase: async () => keychain });
    const inbox = join(root, 'inbox');
    await mkdir(inbox);
    const file = async (name: string, text: string) => {
      await writeFile(join(inbox, name), text);
      return join(inbox, name);
    };
    const amara = await workspace.clients.create({ name: 'Amara Okafor' });
    const ben = await workspace.clients.create({ name: 'Ben Ito' });
    await workspace.documents.attach(amara.id, [await file('own.txt', 'only Amara'), await file('shared.txt', 'both')], {});
    await workspace.documents.attach(ben.id, [await file('shared.txt', 'both')], {});

    const plain = (await workspace.backup.runAutomatic('quit')).created!.fileName;
    keychain = PASSPHRASE;
    const encrypted = (await workspace.backup.runAutomatic('quit')).created!.fileName;
    // What a backup cut short by a crash leaves until the next open: it may hold anyone.
    const leftover = `${plain}.tmp-0123456789ab`;
    await writeFile(join(backupsDir, leftover), 'cut short');
    const chen = await workspace.clients.create({ name: 'Chen Wei' });

    const holding = [encrypted, plain, leftover];
    expect(await workspace.backup.backupsContaining(amara.id)).toEqual(holding);
    expect(await workspace.backup.backupsContaining(chen.id)).toEqual([leftover]);
    // Without the passphrase the encrypted backup cannot be looked into, so it counts as holding everyone.
    keychain = undefined;
    expect(await workspace.backup.backupsContaining(chen.id)).toEqual([encrypted, leftover]);

    await workspace.clients.remove(amara.id, 'Amara Okafor');
    expect((await readdir(filesDir(workspace.dataDir))).sort()).toEqual([sha('both')]);
    // The backups still hold her: the list is what the coach deletes to finish the erasure.
    keychain = PASSPHRASE;
    expect(await workspace.backup.backupsContaining(amara.id)).toEqual(holding);
  });
});
