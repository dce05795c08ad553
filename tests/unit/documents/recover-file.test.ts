import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FILE_NAME } from '../../../electron/core/data-layout';
import { filesDir, storedFilePath } from '../../../electron/core/files/file-store';
import { tempDir } from '../../helpers/temp-dir';
import { rejection } from '../../helpers/rejection';
import { testWorkspace } from '../../helpers/workspace-api';

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const PASSPHRASE = 'kept in the keychain';
const NONE_HOLDS_IT =
  'None of the automatic backups holds an intact copy of this file. If you have the original, remove this document and attach it again.';

/** A PDF-looking file of `size` random bytes: random, so that no other entry of a backup shares them. */
function pdfBytes(size: number): Buffer {
  return Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(size - 9)]);
}

async function setup(options: { passphrase?: string | undefined } = {}) {
  const root = await tempDir('rapport-recover-');
  const backupsDir = join(root, 'backups');
  let clock = Date.parse('2026-11-20T09:00:00.000Z');
  const workspace = await testWorkspace({
    dir: join(root, 'data'),
    backupsDir,
    now: () => new Date(clock),
    automaticBackupPassphrase: async () => options.passphrase,
  });
  const client = await workspace.clients.create({ name: 'Amara Okafor' });
  await mkdir(join(root, 'inbox'));
  const attach = async (name: string, bytes: Uint8Array) => {
    const path = join(root, 'inbox', name);
    await writeFile(path, bytes);
    const [document] = await workspace.documents.attach(client.id, [path], {});
    return document;
  };
  /** An automatic backup, a day after the last. */
  const backup = async () => {
    clock += 24 * 60 * 60 * 1000;
    const { created } = await workspace.backup.runAutomatic('quit');
    return created!;
  };
  const stored = (sha256: string) => storedFilePath(workspace.dataDir, sha256);
  const namesInFiles = () => readdir(filesDir(workspace.dataDir));
  const integrity = async (documentId: string) =>
    (await workspace.documents.list(client.id)).find((document) => document.id === documentId)?.integrity;
  return { root, backupsDir, workspace, client, attach, backup, stored, namesInFiles, integrity };
}

/** Flips one byte of `content` where it lies in the (plain) backup file, as a failing disk would. */
async function damageCopyIn(backupFile: string, content: Buffer): Promise<void> {
  const bytes = await readFile(backupFile);
  const at = bytes.indexOf(content.subarray(0, 64));
  expect(at).toBeGreaterThan(0);
  bytes[at + 100] ^= 0xff;
  await writeFile(backupFile, bytes);
}

describe('recovering a damaged or missing attached file', () => {
  it('takes a damaged file back from a plain automatic backup, verified, and lists it as fine again', async () => {
    const { workspace, client, attach, backup, stored, namesInFiles, integrity } = await setup();
    const cv = pdfBytes(300_000);
    const document = await attach('Amara CV.pdf', cv);
    const made = await backup();

    await writeFile(stored(document.sha256), Buffer.alloc(cv.length, 0x5a));
    expect(await integrity(document.id)).toBe('damaged');
    expect(await workspace.documents.recoverySource(client.id, document.id)).toEqual({
      fileName: made.fileName,
      createdAt: made.createdAt,
    });

    const recovered = await workspace.documents.recoverFile(client.id, document.id);
    expect(recovered.source).toEqual({ fileName: made.fileName, createdAt: made.createdAt });
    expect(recovered.document).toMatchObject({ id: document.id, integrity: 'ok' });
    expect(sha(await readFile(stored(document.sha256)))).toBe(document.sha256);
    expect(await integrity(document.id)).toBe('ok');
    expect((await namesInFiles()).every((name) => FILE_NAME.test(name))).toBe(true);
    // Whole again: nothing left to recover.
    expect(await workspace.documents.recoverySource(client.id, document.id)).toBeNull();
    expect((await workspace.documents.recoverFile(client.id, document.id)).source).toBeNull();
  });

  it('puts a missing file back', async () => {
    const { workspace, client, attach, backup, stored, integrity } = await setup();
    const cv = pdfBytes(40_000);
    const document = await attach('Amara CV.pdf', cv);
    await backup();
    await rm(stored(document.sha256));
    expect(await integrity(document.id)).toBe('missing');
    await workspace.documents.recoverFile(client.id, document.id);
    expect(await readFile(stored(document.sha256))).toEqual(cv);
  });

  it('reads encrypted automatic backups with the keychain passphrase, and passes them over without it', { timeout: 60_000 }, async () => {
    const { root, workspace, client, attach, backup, stored, backupsDir } = await setup({ passphrase: PASSPHRASE });
    const cv = pdfBytes(200_000);
    const document = await attach('Amara CV.pdf', cv);
    const made = await backup();
    expect((await readFile(join(backupsDir, made.fileName))).subarray(0, 21).toString()).toBe('age-encryption.org/v1');
    await writeFile(stored(document.sha256), Buffer.alloc(cv.length, 0x5a));

    expect(await workspace.documents.recoverySource(client.id, document.id)).toMatchObject({ fileName: made.fileName });
    expect((await workspace.documents.recoverFile(client.id, document.id)).source).toMatchObject({ fileName: made.fileName });
    expect(await readFile(stored(document.sha256))).toEqual(cv);

    // The same folder opened where the keychain gives nothing back: the encrypted backup cannot be read.
    await workspace.close();
    await writeFile(stored(document.sha256), Buffer.alloc(cv.length, 0x5a));
    const locked = await testWorkspace({
      dir: join(root, 'data'),
      backupsDir,
      automaticBackupPassphrase: () => Promise.reject(new Error('locked')),
    });
    expect(await locked.documents.recoverySource(client.id, document.id)).toBeNull();
    expect((await rejection(locked.documents.recoverFile(client.id, document.id), 'DOCUMENT_NOT_RECOVERABLE')).message).toBe(NONE_HOLDS_IT);
  });

  it('looks further back when the newest backup does not hold the file', async () => {
    const { workspace, client, attach, backup, stored } = await setup();
    const cv = pdfBytes(50_000);
    const first = await attach('Amara CV.pdf', cv);
    const holding = await backup();
    await workspace.documents.remove(client.id, first.id);
    await attach('Other notes.pdf', pdfBytes(20_000));
    await backup();
    const again = await attach('Amara CV.pdf', cv);
    await rm(stored(again.sha256));

    expect(await workspace.documents.recoverySource(client.id, again.id)).toMatchObject({ fileName: holding.fileName });
    expect((await workspace.documents.recoverFile(client.id, again.id)).source).toMatchObject({ fileName: holding.fileName });
    expect(await readFile(stored(again.sha256))).toEqual(cv);
  });

  it('passes over a backup whose copy is itself damaged, and takes the older intact one', async () => {
    const { workspace, client, attach, backup, stored, backupsDir } = await setup();
    const cv = pdfBytes(120_000);
    const document = await attach('Amara CV.pdf', cv);
    const older = await backup();
    const newer = await backup();
    await damageCopyIn(join(backupsDir, newer.fileName), cv);
    await writeFile(stored(document.sha256), Buffer.alloc(cv.length, 0x5a));

    // The newer one lists the file, so it is where recovery looks first; its copy is then found wanting.
    expect(await workspace.documents.recoverySource(client.id, document.id)).toMatchObject({ fileName: newer.fileName });
    expect((await workspace.documents.recoverFile(client.id, document.id)).source).toMatchObject({ fileName: older.fileName });
    expect(await readFile(stored(document.sha256))).toEqual(cv);
  });

  it('passes over an encrypted backup damaged after the file, and takes the older one', { timeout: 60_000 }, async () => {
    const { workspace, client, attach, backup, stored, backupsDir } = await setup({ passphrase: PASSPHRASE });
    const cv = pdfBytes(120_000);
    const document = await attach('Amara CV.pdf', cv);
    const older = await backup();
    const newer = await backup();
    const file = join(backupsDir, newer.fileName);
    const bytes = await readFile(file);
    // Inside the last chunks of age's payload, where the file lies (it is the last entry of the archive).
    bytes[bytes.length - 2000] ^= 0x01;
    await writeFile(file, bytes);
    await rm(stored(document.sha256));

    expect((await workspace.documents.recoverFile(client.id, document.id)).source).toMatchObject({ fileName: older.fileName });
    expect(await readFile(stored(document.sha256))).toEqual(cv);
  });

  it('says so in plain words when no backup holds an intact copy, and changes nothing', async () => {
    const { workspace, client, attach, backup, stored, namesInFiles, backupsDir } = await setup();
    const cv = pdfBytes(80_000);
    const lonely = await attach('Amara CV.pdf', cv);
    await writeFile(stored(lonely.sha256), Buffer.alloc(cv.length, 0x5a));
    // No backup at all.
    expect(await workspace.documents.recoverySource(client.id, lonely.id)).toBeNull();
    expect((await rejection(workspace.documents.recoverFile(client.id, lonely.id), 'DOCUMENT_NOT_RECOVERABLE')).message).toBe(
      NONE_HOLDS_IT,
    );

    // A backup whose only copy is damaged, and an older backup in the JSON format, which holds no files.
    await writeFile(stored(lonely.sha256), cv);
    const made = await backup();
    await damageCopyIn(join(backupsDir, made.fileName), cv);
    await writeFile(
      join(backupsDir, 'rapport-2026-11-01T09-00-00-000Z-daily.rapport-backup'),
      JSON.stringify({ format: 'rapport-backup', formatVersion: 2, payload: {} }),
    );
    await writeFile(stored(lonely.sha256), Buffer.alloc(cv.length, 0x5a));
    await rejection(workspace.documents.recoverFile(client.id, lonely.id), 'DOCUMENT_NOT_RECOVERABLE');
    // The damaged copy never replaced the stored file, and no temp file is left.
    expect(await readFile(stored(lonely.sha256))).toEqual(Buffer.alloc(cv.length, 0x5a));
    expect(await namesInFiles()).toEqual([lonely.sha256]);
  });

  it('refuses a document of another client, or none', async () => {
    const { workspace, client, attach } = await setup();
    const document = await attach('Amara CV.pdf', pdfBytes(1000));
    const other = await workspace.clients.create({ name: 'Ben Ito' });
    await expect(workspace.documents.recoverFile(other.id, document.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(workspace.documents.recoverySource(client.id, other.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
