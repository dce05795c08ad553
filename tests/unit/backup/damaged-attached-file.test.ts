import { randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { storedFilePath } from '../../../electron/core/files/file-store';
import { rejection } from '../../helpers/rejection';
import { tempDir } from '../../helpers/temp-dir';
import { rendererApiFor, testWorkspace } from '../../helpers/workspace-api';

/*
 * A backup holds every attached file, checked against its name; when the data folder's copy of
 * one is damaged or missing, the backup is refused. The coach is told which document, whose, and
 * what to do — and a restore, which takes a safety backup of the current data first, is refused
 * the same way without changing anything.
 */

async function setup() {
  const root = await tempDir();
  const dataDir = join(root, 'data');
  const backupsDir = join(root, 'backups');
  const workspace = await testWorkspace({ dir: dataDir, backupsDir, now: () => new Date('2026-12-02T09:00:00.000Z') });
  const inbox = join(root, 'inbox');
  await mkdir(inbox);
  const attach = async (clientId: string, name: string) => {
    const path = join(inbox, name);
    await writeFile(path, Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(300_000)]));
    const [attached] = await workspace.documents.attach(clientId, [path], {});
    return attached;
  };
  const dana = await workspace.clients.create({ name: 'Dana Whitfield' });
  const omar = await workspace.clients.create({ name: 'Omar Haddad' });
  await attach(omar.id, 'Omar cover letter.pdf');
  const cv = await attach(dana.id, 'Dana CV 2026.pdf');
  return { root, dataDir, backupsDir, workspace, cv, dana };
}

/** Every file of the data folder with its bytes (the lock file aside). */
async function snapshot(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name.endsWith('.lock')) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(path, (await readFile(path)).toString('base64'));
  }
  return files;
}

const spoil = async (path: string) => {
  const bytes = await readFile(path);
  bytes[1000] ^= 0xff;
  await writeFile(path, bytes);
};

describe('a backup when an attached file is damaged or missing in the data folder', () => {
  it('is refused, naming the document and its client, and writes nothing', async () => {
    const { root, dataDir, workspace, cv } = await setup();
    await spoil(storedFilePath(dataDir, cv.sha256));
    await mkdir(join(root, 'out'));
    const error = await rejection(workspace.backup.create(join(root, 'out', 'practice.rapport-backup')));
    expect(error).toMatchObject({ code: 'IO_ERROR' });
    expect(error.message).toBe(
      'The stored copy of “Dana CV 2026.pdf” (Dana Whitfield) is damaged or missing, so the backup was not written. Nothing was changed. ' +
        'Recover it from an automatic backup or remove it in Dana Whitfield’s documents, then back up again.',
    );
    expect(await readdir(join(root, 'out'))).toEqual([]);

    await rm(storedFilePath(dataDir, cv.sha256));
    expect((await rejection(workspace.backup.create(join(root, 'out', 'practice.rapport-backup')))).message).toMatch(
      /^The stored copy of “Dana CV 2026\.pdf” \(Dana Whitfield\) is damaged or missing/,
    );
  });

  it('leaves an automatic backup undone, and the failure the app shows names the document', async () => {
    const { backupsDir, dataDir, workspace, cv } = await setup();
    await spoil(storedFilePath(dataDir, cv.sha256));
    await expect(workspace.backup.runAutomatic('daily')).rejects.toMatchObject({ code: 'IO_ERROR' });
    expect((await rendererApiFor(workspace).app.status()).automaticBackupFailure).toMatchObject({
      reason: 'daily',
      cause: 'other',
      message: expect.stringMatching(/^The stored copy of “Dana CV 2026\.pdf” \(Dana Whitfield\)/),
    });
    expect(await workspace.backup.listAutomatic()).toEqual([]);
    expect(await readdir(backupsDir).catch(() => [])).toEqual([]);
  });

  it('keeps a restore from starting: its safety backup cannot be taken, and nothing changes', async () => {
    const { root, dataDir, backupsDir, workspace, cv, dana } = await setup();
    // A backup of another practice, to restore over this one.
    const other = await testWorkspace({ dir: join(root, 'other'), backupsDir: join(root, 'other-backups') });
    await other.clients.create({ name: 'Lena Vogel' });
    const backup = join(root, 'other.rapport-backup');
    await other.backup.create(backup);

    await spoil(storedFilePath(dataDir, cv.sha256));
    const before = await snapshot(dataDir);
    const error = await rejection(workspace.backup.restore(backup));
    expect(error).toMatchObject({ code: 'IO_ERROR' });
    expect(error.message).toBe(
      'Rapport backs up your current data before a restore, and the stored copy of “Dana CV 2026.pdf” (Dana Whitfield) is damaged or missing, ' +
        'so nothing was restored and nothing was changed. Recover it from an automatic backup or remove it in Dana Whitfield’s documents, then restore again.',
    );
    expect(await snapshot(dataDir)).toEqual(before);
    expect((await workspace.clients.list()).map(({ name }) => name).sort()).toEqual(['Dana Whitfield', 'Omar Haddad']);
    expect(await workspace.backup.listAutomatic()).toEqual([]);
    expect(await readdir(backupsDir).catch(() => [])).toEqual([]);

    // Once the document is removed, the same restore goes through.
    await workspace.documents.remove(dana.id, cv.id);
    await workspace.backup.restore(backup);
    expect((await workspace.clients.list()).map(({ name }) => name)).toEqual(['Lena Vogel']);
  });
});
