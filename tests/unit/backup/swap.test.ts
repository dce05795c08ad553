import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JOURNAL_FILE } from '../../../electron/core/backup/swap';
import { tempDir } from '../../helpers/temp-dir';
import { testWorkspace } from '../../helpers/workspace-api';
import { clientDocument, documentsOnDisk, expectedDocuments, hashTree, practiceDocument, seedDataDir } from './fixtures';

const STAGING = 'restore-staging-0123456789abcdef';

async function oldAndNew() {
  const dataDir = join(await tempDir(), 'data');
  const oldClients = [clientDocument('Old One'), clientDocument('Old Two'), clientDocument('Old Three')];
  const newClients = [clientDocument('New One'), clientDocument('New Two'), oldClients[1]];
  const oldPractice = practiceDocument('Old Coach');
  const newPractice = practiceDocument('New Coach');
  await seedDataDir(dataDir, oldPractice, oldClients);
  // Exactly what swap.ts stages before it commits.
  await seedDataDir(join(dataDir, STAGING), newPractice, newClients);
  return { dataDir, oldClients, newClients, oldPractice, newPractice };
}

describe('opening a data directory after an interrupted restore', () => {
  it('keeps the old data untouched when the restore never committed', async () => {
    const { dataDir } = await oldAndNew();
    const staged = await hashTree(dataDir);
    const before = Object.fromEntries(Object.entries(staged).filter(([path]) => !path.startsWith(STAGING)));
    const workspace = await testWorkspace({ dir: dataDir, backupsDir: join(dataDir, '..', 'backups') });
    expect((await workspace.clients.list()).map((client) => client.name)).toEqual(['Old One', 'Old Three', 'Old Two']);
    await workspace.close();
    expect(await hashTree(dataDir)).toEqual(before);
  });

  it('finishes a committed restore that was cut off halfway', async () => {
    const { dataDir, newClients, newPractice } = await oldAndNew();
    await writeFile(
      join(dataDir, JOURNAL_FILE),
      JSON.stringify({ staging: STAGING, clientFiles: newClients.map((d) => `${d.client.id}.json`) }),
    );
    const first = `${newClients[0].client.id}.json`;
    await rename(join(dataDir, STAGING, 'clients', first), join(dataDir, 'clients', first));
    const workspace = await testWorkspace({ dir: dataDir, backupsDir: join(dataDir, '..', 'backups') });
    expect((await workspace.clients.list()).map((client) => client.name)).toEqual(['New One', 'New Two', 'Old Two']);
    await workspace.close();
    expect(await documentsOnDisk(dataDir)).toEqual(expectedDocuments(newPractice, newClients));
    expect(Object.keys(await hashTree(dataDir)).filter((path) => !path.startsWith('clients/'))).toEqual(['practice.json']);
  });

  it('refuses to guess when the journal is damaged', async () => {
    const { dataDir } = await oldAndNew();
    await writeFile(join(dataDir, JOURNAL_FILE), '{"staging":"../../etc","clientFiles":[]}');
    const error = await testWorkspace({ dir: dataDir }).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ code: 'CORRUPT_STORE' });
  });
});

describe('writes around a restore', () => {
  it('land in the safety backup or in the restored data, never lost in between', async () => {
    const root = await tempDir();
    const dataDir = join(root, 'data');
    const amara = clientDocument('Amara Okafor');
    await seedDataDir(dataDir, practiceDocument('Dana'), [amara]);
    const workspace = await testWorkspace({ dir: dataDir, backupsDir: join(root, 'backups') });
    const backupPath = join(root, 'b.rapport-backup');
    await workspace.backup.create(backupPath);

    const CREATED = 40;
    async function keepAdding(): Promise<void> {
      for (let index = 1; index <= CREATED; index += 1) await workspace.clients.create({ name: `Added ${index}` });
    }
    const [summary] = await Promise.all([workspace.backup.restore(backupPath), keepAdding()]);

    const names = async () => (await workspace.clients.list()).map((client) => client.name);
    const afterSwap = await names();
    await workspace.backup.restoreAutomatic(summary.safetyBackup);
    const inSafetyBackup = await names();
    for (let index = 1; index <= CREATED; index += 1) expect([...afterSwap, ...inSafetyBackup]).toContain(`Added ${index}`);
    expect(afterSwap).toContain('Amara Okafor');
  });
});
