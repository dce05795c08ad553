import { safeStorage } from 'electron';
import { readFile, rm } from 'node:fs/promises';
import type { AutomaticBackupProtection } from '../shared/api/desktop';
import { writeFileDurably } from './core/durable-write';
import { RapportError } from '../shared/errors';
import { passphraseWeakness } from '../shared/passphrase-strength';

const keychainSilent = () =>
  new RapportError(
    'IO_ERROR',
    'The system keychain did not give back the passphrase that protects your automatic backups, so Rapport makes no automatic backup until it can: it will not write them unprotected. Unlock your keychain (or sign in again) and restart Rapport; if that does not help, set the backup passphrase again in Settings, Backups.',
  );

/**
 * The passphrase for automatic backups, encrypted with the OS keychain (safeStorage) and kept
 * in a file under userData. On Linux without a keyring safeStorage falls back to a fixed
 * key ("basic_text"), which protects nothing, so it counts as unavailable there.
 */
export function createBackupKeychain(file: string) {
  const available = (): boolean =>
    safeStorage.isEncryptionAvailable() && (process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text');

  /**
   * The passphrase, or undefined when none was set. When one was set but the keychain does not
   * give it back (locked, unavailable, its backend changed), this fails closed: an automatic
   * backup must then be skipped, never written unencrypted.
   */
  async function read(): Promise<string | undefined> {
    let sealed: Buffer;
    try {
      sealed = await readFile(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw keychainSilent();
    }
    try {
      if (!available()) throw new Error('keychain unavailable');
      return safeStorage.decryptString(sealed);
    } catch {
      throw keychainSilent();
    }
  }

  /** Fails with read's message when a passphrase was set but cannot be read: the backup settings show it to the coach. */
  async function status(): Promise<AutomaticBackupProtection> {
    return { available: available(), enabled: (await read()) !== undefined };
  }

  return {
    read,
    status,
    async set(passphrase: string | null): Promise<AutomaticBackupProtection> {
      const weakness = passphrase === null ? null : passphraseWeakness(passphrase);
      if (weakness !== null) throw new RapportError('INVALID_INPUT', weakness);
      if (passphrase === null) await rm(file, { force: true });
      else if (available()) await writeFileDurably(file, safeStorage.encryptString(passphrase));
      return status();
    },
  };
}

export type BackupKeychain = ReturnType<typeof createBackupKeychain>;
