import { safeStorage } from 'electron';
import { readFile, rm } from 'node:fs/promises';
import type { AutomaticBackupProtection } from '../shared/api/desktop';
import { writeFileDurably } from './core/durable-write';

/**
 * The passphrase for automatic backups, encrypted with the OS keychain (safeStorage) and kept
 * in a file under userData. On Linux without a keyring safeStorage falls back to a fixed
 * key ("basic_text"), which protects nothing, so it counts as unavailable there.
 */
export function createBackupKeychain(file: string) {
  const available = (): boolean =>
    safeStorage.isEncryptionAvailable() && (process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text');

  async function read(): Promise<string | undefined> {
    if (!available()) return undefined;
    try {
      return safeStorage.decryptString(await readFile(file));
    } catch {
      return undefined;
    }
  }

  async function status(): Promise<AutomaticBackupProtection> {
    return { available: available(), enabled: (await read()) !== undefined };
  }

  return {
    read,
    status,
    async set(passphrase: string | null): Promise<AutomaticBackupProtection> {
      if (passphrase === null) await rm(file, { force: true });
      else if (available()) await writeFileDurably(file, safeStorage.encryptString(passphrase));
      return status();
    },
  };
}

export type BackupKeychain = ReturnType<typeof createBackupKeychain>;
