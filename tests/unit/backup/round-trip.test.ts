import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp-dir';
import { testWorkspace } from '../../helpers/workspace-api';
import { clientDocument, documentsOnDisk, expectedDocuments, practiceDocument, seedDataDir } from './fixtures';
import { rejection } from '../../helpers/rejection';
import { tarEntry } from './container-fixtures';

const now = () => new Date('2026-03-02T09:00:00.000Z');

async function seededWorkspace() {
  const root = await tempDir();
  const dataDir = join(root, 'data');
  const practice = practiceDocument('Dana Coach');
  const clients = [clientDocument('Amara Okafor', 2), clientDocument('Ben Ito'), clientDocument('Chen Wei')];
  await seedDataDir(dataDir, practice, clients);
  const workspace = await testWorkspace({ dir: dataDir, now, backupsDir: join(root, 'backups') });
  return { root, dataDir, practice, clients, workspace };
}

describe.each([
  { label: 'plain', passphrase: undefined },
  { label: 'encrypted', passphrase: 'correct horse battery' },
])('backup round trip ($label)', ({ passphrase }) => {
  const options = passphrase === undefined ? {} : { passphrase };

  it('restores every document exactly as it was backed up, after later changes', async () => {
    const { root, dataDir, practice, clients, workspace } = await seededWorkspace();
    const filePath = join(root, 'practice.rapport-backup');
    const summary = await workspace.backup.create(filePath, options);
    expect(summary).toEqual({
      filePath,
      createdAt: '2026-03-02T09:00:00.000Z',
      counts: { clients: 3, sessions: 5, agendas: 3, goals: 3, commitments: 3, assessments: 3 },
      encrypted: passphrase !== undefined,
      bytes: (await stat(filePath)).size,
    });
    expect((await stat(filePath)).mode & 0o777).toBe(0o600);

    await workspace.clients.create({ name: 'Dev Patel' });
    await workspace.clients.update(clients[0].client.id, { name: 'Amara Changed' });
    await workspace.settings.update({ coachName: 'Someone else' });

    const restored = await workspace.backup.restore(filePath, options);
    expect(restored.counts.clients).toBe(3);
    expect(restored.safetyBackup).toMatch(/^rapport-2026-03-02T09-00-00-000Z-before-restore\.rapport-backup$/);
    expect((await workspace.clients.list()).map((client) => client.name)).toEqual(['Amara Okafor', 'Ben Ito', 'Chen Wei']);
    expect(await workspace.clients.get(clients[0].client.id)).toEqual(clients[0].client);
    expect((await workspace.settings.get()).coachName).toBe('Dana Coach');
    expect(await documentsOnDisk(dataDir)).toEqual(expectedDocuments(practice, clients));

    const safety = await workspace.backup.inspect(join(root, 'backups', restored.safetyBackup));
    expect(safety.clientNames).toEqual(['Amara Changed', 'Ben Ito', 'Chen Wei', 'Dev Patel']);

    await workspace.close();
    const reopened = await testWorkspace({ dir: dataDir, now, backupsDir: join(root, 'backups') });
    expect((await reopened.clients.list()).map((client) => client.name)).toEqual(['Amara Okafor', 'Ben Ito', 'Chen Wei']);
    expect(await documentsOnDisk(dataDir)).toEqual(expectedDocuments(practice, clients));
  });

  it('moves a whole practice into an empty data directory', async () => {
    const { root, practice, clients, workspace } = await seededWorkspace();
    const filePath = join(root, 'move.rapport-backup');
    await workspace.backup.create(filePath, options);
    const newDataDir = join(root, 'new-computer');
    const fresh = await testWorkspace({ dir: newDataDir, now, backupsDir: join(root, 'new-backups') });
    await fresh.backup.restore(filePath, options);
    expect(await documentsOnDisk(newDataDir)).toEqual(expectedDocuments(practice, clients));
    const edited = await fresh.clients.update(clients[1].client.id, { targetRole: 'Director' });
    expect(edited.targetRole).toBe('Director');
  });

  it('inspects a backup without changing anything', async () => {
    const { root, workspace } = await seededWorkspace();
    const filePath = join(root, 'look.rapport-backup');
    await workspace.backup.create(filePath, options);
    expect(await workspace.backup.inspect(filePath, options)).toEqual({
      createdAt: '2026-03-02T09:00:00.000Z',
      appVersion: '0.0.0-dev',
      formatVersion: 3,
      encrypted: passphrase !== undefined,
      counts: { clients: 3, sessions: 5, agendas: 3, goals: 3, commitments: 3, assessments: 3 },
      clientNames: ['Amara Okafor', 'Ben Ito', 'Chen Wei'],
    });
    expect(await workspace.backup.listAutomatic()).toEqual([]);
  });
});

describe('encrypted backups', () => {
  it('hold no readable client data and ask for the right passphrase', async () => {
    const { root, workspace } = await seededWorkspace();
    const filePath = join(root, 'secret.rapport-backup');
    await workspace.backup.create(filePath, { passphrase: 'correct horse battery' });
    const bytes = await readFile(filePath);
    const text = bytes.toString('latin1');
    // A standard age file with one scrypt recipient at Rapport's work factor, and nothing else in clear.
    expect(text).toMatch(/^age-encryption\.org\/v1\n-> scrypt [A-Za-z0-9+/]{22} 17\n[A-Za-z0-9+/]{43}\n--- [A-Za-z0-9+/]{43}\n/);
    const plainPath = join(root, 'plain.rapport-backup');
    await workspace.backup.create(plainPath);
    const manifest = JSON.parse(await tarEntry(plainPath, 'manifest.json')) as { entries: { sha256: string }[] };
    const plainDigest = createHash('sha256')
      .update(await readFile(plainPath))
      .digest('hex');
    const revealing = [plainDigest, ...manifest.entries.map((entry) => entry.sha256), '2026-03-02', '0.0.0-dev', 'manifest', 'clients/'];
    for (const word of [...revealing, 'Amara', 'Northwind', 'counts', 'sessions', 'createdAt', 'appVersion', 'ustar'])
      expect(text).not.toContain(word);
    expect(bytes.toString('utf16le')).not.toContain('Amara');

    await expect(workspace.backup.inspect(filePath)).rejects.toMatchObject({ code: 'PASSPHRASE_REQUIRED' });
    const wrong = await rejection(workspace.backup.restore(filePath, { passphrase: 'wrong horse battery' }));
    expect(wrong.code).toBe('WRONG_PASSPHRASE');
    expect(wrong.message).toMatch(/passphrase does not open this backup/);
  });

  it('refuses a short passphrase for a new backup', async () => {
    const { root, workspace } = await seededWorkspace();
    const error = await rejection(workspace.backup.create(join(root, 'x.rapport-backup'), { passphrase: 'short' }));
    expect(error.code).toBe('INVALID_INPUT');
  });
});

describe('backup file paths', () => {
  it.each([
    ['a relative path', 'backup.rapport-backup'],
    ['another extension', '/tmp/backup.json'],
    ['a NUL byte', '/tmp/a\0b.rapport-backup'],
    ['an absurdly long path', `/${'a'.repeat(5000)}.rapport-backup`],
  ])('refuses %s for a new backup', async (_label, filePath) => {
    const { workspace } = await seededWorkspace();
    await expect(workspace.backup.create(filePath)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('says when the chosen folder cannot be written', async () => {
    const { root, workspace } = await seededWorkspace();
    const error = await rejection(workspace.backup.create(join(root, 'missing-folder', 'x.rapport-backup')));
    expect(error.code).toBe('IO_ERROR');
    expect(error.message).toMatch(/Choose another folder/);
  });
});

describe('client export', () => {
  it('writes one client document as readable JSON, in a tar only the coach can read', async () => {
    const { root, clients, workspace } = await seededWorkspace();
    const filePath = join(root, 'amara.tar');
    await workspace.backup.exportClient(clients[0].client.id, filePath);
    const text = await tarEntry(filePath, 'client.json');
    expect(JSON.parse(text)).toEqual(clients[0]);
    expect(text).toContain('\n  "client": {');
    expect((await stat(filePath)).mode & 0o777).toBe(0o600);
    await expect(workspace.backup.exportClient(clients[0].client.id, join(root, 'amara.json'))).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
  });
});
