import { open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deriveAheadOfReading } from '../../../electron/core/backup/age-key';
import { readContainer, type ContainerRefused } from '../../../electron/core/backup/read-container';
import type { DerivedKey } from '../../../electron/core/backup/age-scrypt';
import { tempDir } from '../../helpers/temp-dir';
import { testWorkspace } from '../../helpers/workspace-api';
import { clientDocument, practiceDocument, seedDataDir } from './fixtures';

const PASSPHRASE = 'correct horse battery';

async function encryptedBackup(): Promise<{ root: string; path: string; bytes: Buffer }> {
  const root = await tempDir();
  const dataDir = join(root, 'data');
  await seedDataDir(dataDir, practiceDocument('Dana Coach'), [clientDocument('Amara Okafor')]);
  const workspace = await testWorkspace({ dir: dataDir, backupsDir: join(root, 'backups') });
  const path = join(root, 'b.rapport-backup');
  await workspace.backup.create(path, { passphrase: PASSPHRASE });
  return { root, path, bytes: await readFile(path) };
}

async function readWith(path: string, derivedKey: DerivedKey | null): Promise<unknown> {
  const handle = await open(path, 'r');
  try {
    return await readContainer({ fd: handle.fd, size: (await handle.stat()).size, passphrase: PASSPHRASE, stagingDir: null, derivedKey });
  } finally {
    await handle.close();
  }
}

/*
 * An encrypted restore derives scrypt's key before its worker starts streaming, so that scrypt's
 * 128 MiB and the reader's memory are never needed at once.
 */
describe('the scrypt key derived ahead of reading', () => {
  it('is derived for a header as Rapport writes it, and the reader uses it instead of deriving again', async () => {
    const { path, bytes } = await encryptedBackup();
    const derived = await deriveAheadOfReading(bytes.subarray(0, 4096), PASSPHRASE);
    expect(derived).toMatchObject({ salt: expect.stringMatching(/^[A-Za-z0-9+/]{22}$/), key: expect.stringMatching(/^[0-9a-f]{64}$/) });
    await expect(readWith(path, derived)).resolves.toMatchObject({ encrypted: true });
    // A key that does not fit the passphrase is used as given: the file does not open with it.
    const wrong = { salt: derived!.salt, key: '00'.repeat(32) };
    await expect(readWith(path, wrong)).rejects.toSatisfy((error) => (error as ContainerRefused).refusal === 'wrong-passphrase');
    // A key for another salt is not used: the reader derives its own.
    await expect(readWith(path, { salt: 'A'.repeat(22), key: '00'.repeat(32) })).resolves.toMatchObject({ encrypted: true });
  });

  it('is not derived for a header Rapport would refuse (another work factor, two recipients, no end)', async () => {
    const { bytes } = await encryptedBackup();
    const text = bytes.subarray(0, 4096).toString('latin1');
    const variants = [
      text.replace(/ 17\n/, ' 18\n'),
      text.replace(/\n---/, '\n-> scrypt AAAAAAAAAAAAAAAAAAAAAA 17\nAAAA\n---'),
      text.replace(/\n---/, '\n'),
      `x${text}`,
    ];
    for (const variant of variants) expect(await deriveAheadOfReading(Buffer.from(variant, 'latin1'), PASSPHRASE)).toBeNull();
  });

  it('still leaves a restore of an encrypted backup refusing a wrong passphrase', async () => {
    const { root, path } = await encryptedBackup();
    const target = join(root, 'target');
    await seedDataDir(target, practiceDocument('Other'), []);
    const workspace = await testWorkspace({ dir: target, backupsDir: join(root, 'target-backups') });
    await expect(workspace.backup.restore(path, { passphrase: 'not the passphrase' })).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
  });
});
