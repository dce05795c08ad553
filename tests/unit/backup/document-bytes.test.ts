import { createHash } from 'node:crypto';
import { readFile, readdir, stat, statfs, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ClientDocument } from '../../../shared/model/documents';
import { openWorkspace } from '../../../electron/core/workspace';
import { tempDir } from '../../helpers/temp-dir';
import { canMount, mountTmpfs } from '../../helpers/tmpfs';
import { testWorkspace } from '../../helpers/workspace-api';
import { clientDocument, createJsonBackup, documentsOnDisk, expectedDocuments, hashTree, practiceDocument, seedDataDir } from './fixtures';
import { tarEntries } from './container-fixtures';
import { rejection } from '../../helpers/rejection';

const sha256 = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');

async function practiceOf(clientCount: number) {
  const root = await tempDir();
  const dataDir = join(root, 'data');
  const practice = practiceDocument('Dana Coach');
  const clients = Array.from({ length: clientCount }, (_, index) => clientDocument(`Client ${index + 1}`, index % 3));
  await seedDataDir(dataDir, practice, clients);
  const workspace = await testWorkspace({ dir: dataDir, backupsDir: join(root, 'backups') });
  return { root, dataDir, practice, clients, workspace };
}

describe('backups made from the files on disk', () => {
  it('hold exactly JSON.stringify of every document, which the checksum covers', async () => {
    const { root, practice, clients, workspace } = await practiceOf(5);
    await workspace.clients.update(clients[1].client.id, { name: 'Changed After Open' });
    const filePath = join(root, 'b.rapport-backup');
    await workspace.backup.create(filePath);
    const [manifestEntry, ...entries] = await tarEntries(filePath);
    expect(manifestEntry.name).toBe('manifest.json');
    const manifest = JSON.parse(manifestEntry.bytes.toString('utf8')) as { entries: { name: string; size: number; sha256: string }[] };
    // Every entry is exactly the document's JSON.stringify, and the manifest holds its size and digest.
    expect(manifest.entries).toEqual(entries.map(({ name, bytes }) => ({ name, size: bytes.length, sha256: sha256(bytes) })));
    const documents = entries.map(({ bytes }) => bytes.toString('utf8'));
    for (const text of documents) expect(text).toBe(JSON.stringify(JSON.parse(text)));
    const envelope = {
      payload: {
        practice: JSON.parse(documents[0]) as unknown,
        clients: documents.slice(1).map((text) => JSON.parse(text) as ClientDocument),
      },
    };
    expect(envelope.payload.practice).toEqual(practice);
    expect(envelope.payload.clients.map((document) => document.client.name).sort()).toEqual([
      'Changed After Open',
      'Client 1',
      'Client 3',
      'Client 4',
      'Client 5',
    ]);
  });

  it('never take a client file changed behind Rapport’s back: they hold what Rapport holds', async () => {
    const { root, dataDir, clients, workspace } = await practiceOf(3);
    const outside: ClientDocument = { ...clients[0], client: { ...clients[0].client, name: 'Edited Outside Rapport' } };
    await writeFile(join(dataDir, 'clients', `${clients[0].client.id}.json`), JSON.stringify(outside));
    const filePath = join(root, 'b.rapport-backup');
    await workspace.backup.create(filePath, { passphrase: 'correct horse battery' });
    const { clientNames } = await workspace.backup.inspect(filePath, { passphrase: 'correct horse battery' });
    expect(clientNames).toEqual(['Client 1', 'Client 2', 'Client 3']);
  });
});

describe('restoring', () => {
  it('writes every document back as the backup holds it, and serves it', async () => {
    const source = await practiceOf(40);
    const filePath = join(source.root, 'b.rapport-backup');
    await source.workspace.backup.create(filePath);
    const target = await practiceOf(2);
    await target.workspace.backup.restore(filePath);
    expect(await documentsOnDisk(target.dataDir)).toEqual(expectedDocuments(source.practice, source.clients));
    for (const document of source.clients) {
      expect(await readFile(join(target.dataDir, 'clients', `${document.client.id}.json`), 'utf8')).toBe(JSON.stringify(document));
    }
    expect((await target.workspace.clients.list()).length).toBe(40);
    await target.workspace.clients.update(source.clients[7].client.id, { name: 'Edited After Restore' });
    const again = join(target.root, 'again.rapport-backup');
    await target.workspace.backup.create(again);
    expect((await target.workspace.backup.inspect(again)).clientNames).toContain('Edited After Restore');
  });

  it('takes a backup that was reformatted by hand, checking it as JSON.stringify writes it', async () => {
    const source = await practiceOf(4);
    const filePath = join(source.root, 'b.rapport-backup');
    await createJsonBackup(source.workspace, filePath);
    await writeFile(filePath, JSON.stringify(JSON.parse(await readFile(filePath, 'utf8')), null, 2));
    const target = await practiceOf(1);
    await target.workspace.backup.restore(filePath);
    expect(await documentsOnDisk(target.dataDir)).toEqual(expectedDocuments(source.practice, source.clients));
  });

  it('changes nothing when a client near the end is invalid, though the ones before were already staged', async () => {
    const source = await practiceOf(40);
    const filePath = join(source.root, 'b.rapport-backup');
    await createJsonBackup(source.workspace, filePath);
    const envelope = JSON.parse(await readFile(filePath, 'utf8')) as {
      payloadSha256: string;
      payload: { clients: { sessions: { durationMinutes: unknown }[] }[] };
    };
    envelope.payload.clients[37].sessions[0].durationMinutes = 'an hour';
    envelope.payloadSha256 = sha256(JSON.stringify(envelope.payload));
    await writeFile(filePath, JSON.stringify(envelope));

    const target = await practiceOf(3);
    const before = await hashTree(target.dataDir);
    await expect(target.workspace.backup.restore(filePath)).rejects.toMatchObject({ code: 'BAD_BACKUP' });
    expect(await hashTree(target.dataDir)).toEqual(before);
    expect(await readdir(target.root)).not.toContain('backups');
    expect((await target.workspace.clients.list()).map((client) => client.name)).toEqual(['Client 1', 'Client 2', 'Client 3']);
  });

  it('changes nothing when the safety backup cannot be written', async () => {
    const source = await practiceOf(3);
    const filePath = join(source.root, 'b.rapport-backup');
    await source.workspace.backup.create(filePath);
    const root = await tempDir();
    const dataDir = join(root, 'data');
    await seedDataDir(dataDir, practiceDocument('Current'), [clientDocument('Current Client')]);
    const blocked = join(root, 'backups');
    await writeFile(blocked, 'a file where the backups folder should be');
    const workspace = await testWorkspace({ dir: dataDir, backupsDir: blocked });
    const before = await hashTree(dataDir);
    await expect(workspace.backup.restore(filePath)).rejects.toMatchObject({ code: 'IO_ERROR' });
    expect(await hashTree(dataDir)).toEqual(before);
    expect((await workspace.clients.list()).map((client) => client.name)).toEqual(['Current Client']);
  });
});

describe.skipIf(!canMount)('restoring onto a disk that fills up while the new files are staged', () => {
  it('fails with IO_ERROR, removes what it staged and keeps the data and the list of backups as they were', async () => {
    const source = await practiceOf(40);
    const filePath = join(source.root, 'b.rapport-backup');
    await source.workspace.backup.create(filePath);
    const disk = await mountTmpfs(512);
    try {
      const dataDir = join(disk.dir, 'data');
      await seedDataDir(dataDir, practiceDocument('Current'), [clientDocument('Current Client')]);
      const backupsDir = join(await tempDir(), 'backups');
      const workspace = await openWorkspace(dataDir, { backupsDir });
      const { bavail, bsize } = await statfs(disk.dir);
      const stagedBytes = (await stat(filePath)).size;
      // Room for about half of the new files.
      await writeFile(join(disk.dir, 'filler'), Buffer.alloc(Math.max(0, bavail * bsize - Math.floor(stagedBytes / 2))));
      const before = await hashTree(dataDir);
      const error = await rejection(workspace.backup.restore(filePath));
      expect(error).toMatchObject({ code: 'IO_ERROR', message: expect.stringMatching(/disk is full/) });
      expect(await hashTree(dataDir)).toEqual(before);
      expect(await workspace.backup.listAutomatic()).toEqual([]);
      expect((await workspace.clients.list()).map((client) => client.name)).toEqual(['Current Client']);
      await workspace.close();
    } finally {
      disk.unmount();
    }
  });
});
