import { randomUUID } from 'node:crypto';
import { readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RapportError } from '../../../shared/errors';
import { tempDir } from '../../helpers/temp-dir';
import { testWorkspace } from '../../helpers/workspace-api';
import { clientDocument, documentsOnDisk, expectedDocuments, practiceDocument, seedDataDir } from './fixtures';

const HOUR = 60 * 60 * 1000;

async function failure(promise: Promise<unknown>): Promise<RapportError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(RapportError);
  return error as RapportError;
}

async function setup(clients = [clientDocument('Amara Okafor'), clientDocument('Ben Ito')]) {
  const root = await tempDir();
  const dataDir = join(root, 'data');
  const backupsDir = join(root, 'backups');
  const practice = practiceDocument('Dana Coach');
  await seedDataDir(dataDir, practice, clients);
  const clock = { at: new Date('2026-03-02T09:00:00.000Z') };
  const now = () => clock.at;
  const open = () => testWorkspace({ dir: dataDir, backupsDir, now });
  return { root, dataDir, backupsDir, practice, clients, clock, open, workspace: await open() };
}

describe('automatic backups', () => {
  it('makes at most one daily backup a day, and one on every quit', async () => {
    const { workspace, clock, backupsDir } = await setup();
    const first = await workspace.backup.runAutomatic('daily');
    expect(first.created).toMatchObject({ fileName: 'rapport-2026-03-02T09-00-00-000Z-daily.rapport-backup', reason: 'daily' });
    clock.at = new Date(clock.at.getTime() + 23 * HOUR);
    expect(await workspace.backup.runAutomatic('daily')).toEqual({ created: null, skipped: 'recent' });
    const quit = await workspace.backup.runAutomatic('quit');
    const quitAgain = await workspace.backup.runAutomatic('quit');
    expect(quit.created?.fileName).toBe('rapport-2026-03-03T08-00-00-000Z-quit.rapport-backup');
    expect(quitAgain.created?.fileName).toBe('rapport-2026-03-03T08-00-00-000Z-quit-2.rapport-backup');
    clock.at = new Date(clock.at.getTime() + 23 * HOUR);
    expect((await workspace.backup.runAutomatic('daily')).skipped).toBe('recent');
    clock.at = new Date(clock.at.getTime() + 2 * HOUR);
    expect((await workspace.backup.runAutomatic('daily')).created?.reason).toBe('daily');

    const listed = await workspace.backup.listAutomatic();
    expect(listed.map((backup) => backup.fileName)).toEqual([
      'rapport-2026-03-04T09-00-00-000Z-daily.rapport-backup',
      'rapport-2026-03-03T08-00-00-000Z-quit-2.rapport-backup',
      'rapport-2026-03-03T08-00-00-000Z-quit.rapport-backup',
      'rapport-2026-03-02T09-00-00-000Z-daily.rapport-backup',
    ]);
    for (const backup of listed) {
      const stats = await stat(join(backupsDir, backup.fileName));
      expect(backup.bytes).toBe(stats.size);
      expect(stats.mode & 0o777).toBe(0o600);
    }
    expect((await stat(backupsDir)).mode & 0o777).toBe(0o700);
  });

  it('makes none when the coach turned them off', async () => {
    const { workspace } = await setup();
    await workspace.settings.update({ backup: { keep: 14, automatic: false } });
    expect(await workspace.backup.runAutomatic('daily')).toEqual({ created: null, skipped: 'disabled' });
    expect(await workspace.backup.runAutomatic('quit')).toEqual({ created: null, skipped: 'disabled' });
    expect(await workspace.backup.listAutomatic()).toEqual([]);
  });

  it('keeps exactly the newest N, removes cut-off temp files and ignores other files', async () => {
    const { workspace, clock, backupsDir } = await setup();
    await workspace.settings.update({ backup: { keep: 3, automatic: true } });
    const made: string[] = [];
    for (let day = 0; day < 7; day += 1) {
      clock.at = new Date(Date.parse('2026-03-02T09:00:00.000Z') + day * 24 * HOUR);
      const { created } = await workspace.backup.runAutomatic(day % 2 === 0 ? 'daily' : 'quit');
      made.push(created?.fileName ?? '');
      if (day === 0) {
        await writeFile(join(backupsDir, 'my notes.txt'), 'keep me');
        await writeFile(join(backupsDir, `${made[0]}.tmp-0123456789ab`), '{"format":"rapport-backup","cut off');
      }
    }
    expect((await workspace.backup.listAutomatic()).map((backup) => backup.fileName)).toEqual(made.slice(-3).reverse());
    expect((await readdir(backupsDir)).sort()).toEqual([...made.slice(-3), 'my notes.txt'].sort());
  });

  it('restores an automatic backup through the same checks', async () => {
    const { workspace, practice, clients, dataDir, clock } = await setup();
    const { created } = await workspace.backup.runAutomatic('quit');
    await workspace.clients.create({ name: 'Chen Wei' });
    clock.at = new Date(clock.at.getTime() + HOUR);
    const summary = await workspace.backup.restoreAutomatic(created?.fileName ?? '');
    expect(summary.counts.clients).toBe(2);
    expect(await documentsOnDisk(dataDir)).toEqual(expectedDocuments(practice, clients));
    const listed = await workspace.backup.listAutomatic();
    expect(listed[0]).toMatchObject({ fileName: summary.safetyBackup, reason: 'before-restore' });
    expect((await workspace.backup.inspect(join(summary.filePath, '..', summary.safetyBackup))).clientNames).toEqual([
      'Amara Okafor',
      'Ben Ito',
      'Chen Wei',
    ]);
    expect((await failure(workspace.backup.restoreAutomatic('rapport-2020-01-01T00-00-00-000Z-daily.rapport-backup'))).code).toBe(
      'NOT_FOUND',
    );
  });
});

describe('recovering a quarantined client', () => {
  it('brings back the client from the newest automatic backup with a valid copy', async () => {
    const { workspace, clients, clock, backupsDir, dataDir, open } = await setup();
    const [amara, ben] = clients;
    const older = await workspace.backup.runAutomatic('quit');
    clock.at = new Date(clock.at.getTime() + HOUR);
    const newer = await workspace.backup.runAutomatic('quit');
    // The newest backup is damaged, so the older one must be used.
    const newerPath = join(backupsDir, newer.created?.fileName ?? '');
    await writeFile(newerPath, (await readFile(newerPath, 'utf8')).slice(0, 300));
    await workspace.close();
    await writeFile(join(dataDir, 'clients', `${amara.client.id}.json`), '{"schemaVersion":1,"client":{"name":"Amara Okafor"');

    const reopened = await open();
    const status = await reopened.app.status();
    expect(status.quarantined).toEqual([expect.objectContaining({ clientId: amara.client.id, clientName: 'Amara Okafor' })]);
    expect(await reopened.backup.backupsContaining(amara.client.id)).toEqual([newer.created?.fileName, older.created?.fileName]);

    const recovery = await reopened.backup.restoreClientFromAutomatic(amara.client.id);
    expect(recovery).toEqual({
      clientId: amara.client.id,
      clientName: 'Amara Okafor',
      fileName: older.created?.fileName,
      backupCreatedAt: '2026-03-02T09:00:00.000Z',
    });
    expect(await reopened.clients.get(amara.client.id)).toEqual(amara.client);
    expect((await reopened.app.status()).quarantined).toEqual([]);
    expect(await reopened.clients.get(ben.client.id)).toEqual(ben.client);
    expect((await failure(reopened.backup.restoreClientFromAutomatic(amara.client.id))).code).toBe('CONFLICT');
    expect((await failure(reopened.backup.restoreClientFromAutomatic(randomUUID()))).code).toBe('NOT_FOUND');
  });
});

describe('backups containing a client', () => {
  it('lists the automatic backups that still hold the client', async () => {
    const { workspace, clock, clients } = await setup();
    const before = await workspace.backup.runAutomatic('quit');
    const chen = await workspace.clients.create({ name: 'Chen Wei' });
    clock.at = new Date(clock.at.getTime() + HOUR);
    const after = await workspace.backup.runAutomatic('quit');
    expect(await workspace.backup.backupsContaining(chen.id)).toEqual([after.created?.fileName]);
    expect(await workspace.backup.backupsContaining(clients[0].client.id)).toEqual([after.created?.fileName, before.created?.fileName]);
    expect(await workspace.backup.backupsContaining(randomUUID())).toEqual([]);
  });
});
