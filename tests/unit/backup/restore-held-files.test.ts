import { randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { JOURNAL_FILE } from '../../../electron/core/backup/swap';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp-dir';
import { testWorkspace } from '../../helpers/workspace-api';
import { clientDocument, practiceDocument, seedDataDir } from './fixtures';
import { digestOf, filesOnDisk, seedFiles, withAttachments } from './container-fixtures';

const STAGING = 'restore-staging-0123456789abcdef';
const now = () => new Date('2026-03-02T09:00:00.000Z');
const pathOf = (dataDir: string, bytes: Buffer) => join(dataDir, 'files', digestOf(bytes));

/**
 * A restore leaves an attached file the data folder already holds intact where it is, and stages
 * from the backup every file that is missing or differs (read-container.ts, HeldCopy).
 */
describe('a restore into a data folder that already holds some of the files', () => {
  async function setUp() {
    const root = await tempDir();
    const dataDir = join(root, 'data');
    // Several read sizes long, so that a difference late in a file is met after bytes that matched.
    const intact = randomBytes(700_000);
    const damaged = randomBytes(700_000);
    const missing = randomBytes(90_000);
    const shorter = randomBytes(40_000);
    const files = [intact, damaged, missing, shorter];
    await seedDataDir(dataDir, practiceDocument('Dana Coach'), [withAttachments(clientDocument('Amara Okafor', 1), files)]);
    await seedFiles(dataDir, files);
    const workspace = await testWorkspace({ dir: dataDir, now, backupsDir: join(root, 'backups') });
    const backup = join(root, 'b.rapport-backup');
    await workspace.backup.create(backup);
    return { root, dataDir, workspace, backup, files, intact, damaged, shorter };
  }

  it('keeps the intact file as it is and repairs the damaged, missing and truncated ones', async () => {
    const { root, backup, files, intact, damaged, shorter } = await setUp();
    // Another data folder whose files/ holds some of the backup's files, none named by its own
    // documents (so that its safety backup, which refuses damaged files, goes through).
    const target = join(root, 'target');
    await seedDataDir(target, practiceDocument('Other'), [clientDocument('Zed Other')]);
    const other = await testWorkspace({ dir: target, now, backupsDir: join(root, 'target-backups') });
    await seedFiles(target, [intact]);
    const spoiled = Buffer.from(damaged);
    spoiled[650_000] ^= 0xff;
    await writeFile(pathOf(target, damaged), spoiled);
    await writeFile(pathOf(target, shorter), shorter.subarray(0, 1000));
    const before = await stat(pathOf(target, intact));

    await other.backup.restore(backup);

    expect(await filesOnDisk(target)).toEqual(files.map(digestOf).sort());
    for (const bytes of files) expect((await readFile(pathOf(target, bytes))).equals(bytes)).toBe(true);
    // Not written again: the same file, not a copy renamed over it.
    expect((await stat(pathOf(target, intact))).ino).toBe(before.ino);
  });

  it('still refuses a backup whose file is damaged, even where the data folder holds it intact', async () => {
    const { dataDir, workspace, backup, intact } = await setUp();
    const bytes = await readFile(backup);
    // The intact file's bytes in the backup, spoiled; the data folder's copy stays good.
    const at = bytes.indexOf(intact.subarray(0, 64));
    expect(at).toBeGreaterThan(0);
    bytes[at + 500_000] ^= 0xff;
    await writeFile(backup, bytes);
    await expect(workspace.backup.restore(backup)).rejects.toMatchObject({ code: 'BAD_BACKUP' });
    expect((await readFile(pathOf(dataDir, intact))).equals(intact)).toBe(true);
  });
});

describe('recovering a quarantined client whose files the data folder still holds', () => {
  it('adopts the files it staged and keeps those already there', async () => {
    const root = await tempDir();
    const dataDir = join(root, 'data');
    const backupsDir = join(root, 'backups');
    const shared = randomBytes(300_000);
    const own = randomBytes(300_000);
    const amara = withAttachments(clientDocument('Amara Okafor', 1), [shared, own]);
    await seedDataDir(dataDir, practiceDocument('Dana Coach'), [amara, withAttachments(clientDocument('Ben Ito'), [shared])]);
    await seedFiles(dataDir, [shared, own]);
    const open = () => testWorkspace({ dir: dataDir, backupsDir, now });
    const workspace = await open();
    await workspace.backup.runAutomatic('quit');
    await workspace.close();
    // Amara's document is damaged (quarantined at open) and her own file is gone; Ben's copy of the shared one stays.
    await writeFile(join(dataDir, 'clients', `${amara.client.id}.json`), '{"schemaVersion":1');
    await rm(pathOf(dataDir, own));
    const before = await stat(pathOf(dataDir, shared));

    const reopened = await open();
    await reopened.backup.restoreClientFromAutomatic(amara.client.id);

    expect(await reopened.clients.get(amara.client.id)).toEqual(amara.client);
    for (const bytes of [shared, own]) expect((await readFile(pathOf(dataDir, bytes))).equals(bytes)).toBe(true);
    expect((await stat(pathOf(dataDir, shared))).ino).toBe(before.ino);
  });
});

describe('a restore into a data folder without attached files', () => {
  it('moves the staged files/ into place at once, and finishes that after a crash between its two steps', async () => {
    const root = await tempDir();
    const files = [randomBytes(5000), randomBytes(70_000)];
    const source = join(root, 'source');
    await seedDataDir(source, practiceDocument('Dana Coach'), [withAttachments(clientDocument('Amara Okafor', 1), files)]);
    await seedFiles(source, files);
    const backup = join(root, 'b.rapport-backup');
    await (await testWorkspace({ dir: source, now, backupsDir: join(root, 'source-backups') })).backup.create(backup);

    const fresh = join(root, 'fresh');
    const workspace = await testWorkspace({ dir: fresh, now, backupsDir: join(root, 'fresh-backups') });
    await workspace.backup.restore(backup);
    expect(await filesOnDisk(fresh)).toEqual(files.map(digestOf).sort());
    expect((await readdir(fresh)).filter((name) => name.startsWith('restore-'))).toEqual([]);
    await workspace.close();

    // The same swap cut off after files/ was removed and before the staged one took its place.
    const crashed = join(root, 'crashed');
    await seedDataDir(join(crashed, STAGING), practiceDocument('Dana Coach'), [withAttachments(clientDocument('Amara Okafor', 1), files)]);
    await seedFiles(join(crashed, STAGING), files);
    await mkdir(join(crashed, 'clients'));
    await writeFile(join(crashed, 'practice.json'), await readFile(join(crashed, STAGING, 'practice.json')));
    const clientFiles = await readdir(join(crashed, STAGING, 'clients'));
    await writeFile(join(crashed, JOURNAL_FILE), JSON.stringify({ staging: STAGING, clientFiles, files: files.map(digestOf).sort() }));
    const stagedDir = await stat(join(crashed, STAGING, 'files'));
    const reopened = await testWorkspace({ dir: crashed, now, backupsDir: join(root, 'crashed-backups') });
    expect((await reopened.clients.list()).map((client) => client.name)).toEqual(['Amara Okafor']);
    expect(await filesOnDisk(crashed)).toEqual(files.map(digestOf).sort());
    expect(await readdir(crashed)).not.toContain(STAGING);
    // One rename of the folder, not one per file.
    expect((await stat(join(crashed, 'files'))).ino).toBe(stagedDir.ino);
  });
});
