import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { AutomaticBackup, AutomaticReason, BackupApi, BackupSummary, RestoreSummary } from '../../../shared/api/backup';
import { RapportError } from '../../../shared/errors';
import { automaticFileName, listAutomaticBackups, pruneAutomaticBackups } from '../backup/automatic';
import type { PracticeData } from '../backup/format';
import { checkedClientDocument, openBackup, rawClients, readBackup, type CheckedBackup } from '../backup/read-backup';
import { writeBackup } from '../backup/write-backup';
import { DIR_MODE, writeFileDurably } from '../durable-write';
import type { ServiceContext } from './context';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface BackupServiceOptions {
  /** Where automatic and safety backups go. */
  backupsDir: string;
  /** The passphrase that protects automatic backups, if the coach set one (kept in the OS keychain). */
  automaticPassphrase?: () => Promise<string | undefined>;
}

/** A failure writing where the coach chose, in words about that place rather than the data folder. */
function chosenPlaceError(error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new RapportError('IO_ERROR', 'There is not enough space there. Free some space or choose another place; your data is unchanged.');
  }
  if (typeof code === 'string' && code.startsWith('E')) {
    return new RapportError('IO_ERROR', 'Rapport could not write the file there. Choose another folder and try again; your data is unchanged.');
  }
  return error;
}

function clientIdOf(raw: unknown): unknown {
  return (raw as { client?: { id?: unknown } } | null)?.client?.id;
}

export function createBackupService(context: ServiceContext, { backupsDir, automaticPassphrase }: BackupServiceOptions): BackupApi {
  const { store } = context;
  const automaticKey = async () => (await automaticPassphrase?.()) ?? undefined;
  let queue: Promise<unknown> = Promise.resolve();

  /** Restores and automatic backups run one at a time. */
  function exclusive<T>(task: () => Promise<T>): Promise<T> {
    const next = queue.then(task);
    queue = next.catch(() => undefined);
    return next;
  }

  function snapshot(): PracticeData {
    return { practice: store.practice(), clients: store.allClients() };
  }

  async function writeAutomatic(reason: AutomaticReason): Promise<AutomaticBackup> {
    await mkdir(backupsDir, { recursive: true, mode: DIR_MODE });
    const createdAt = context.now();
    const fileName = automaticFileName(createdAt, reason, await listAutomaticBackups(backupsDir));
    const written = await writeBackup(join(backupsDir, fileName), snapshot(), {
      appVersion: context.appVersion,
      createdAt: createdAt.toISOString(),
      passphrase: await automaticKey(),
    });
    await pruneAutomaticBackups(backupsDir, Math.max(store.practice().settings.backup.keep, 1));
    return { fileName, createdAt: createdAt.toISOString(), bytes: written.bytes, reason };
  }

  /** Takes the safety backup, then swaps the checked documents in. */
  async function restoreChecked(filePath: string, { header, data, bytes }: CheckedBackup): Promise<RestoreSummary> {
    let safetyBackup = '';
    await store.replaceAll(data.practice, data.clients, async () => {
      safetyBackup = (await writeAutomatic('before-restore')).fileName;
    });
    return { filePath, createdAt: header.createdAt, counts: header.counts, encrypted: header.encryption !== null, bytes, safetyBackup };
  }

  function automaticPath(fileName: string): string {
    return join(backupsDir, fileName);
  }

  return {
    async create(filePath, options = {}) {
      const createdAt = context.timestamp();
      try {
        const written = await writeBackup(filePath, snapshot(), { appVersion: context.appVersion, createdAt, passphrase: options.passphrase });
        return { filePath, createdAt, ...written } satisfies BackupSummary;
      } catch (error) {
        throw chosenPlaceError(error);
      }
    },

    async inspect(filePath, options = {}) {
      const { header, data } = await readBackup(filePath, options.passphrase);
      return {
        createdAt: header.createdAt,
        appVersion: header.appVersion,
        formatVersion: header.formatVersion,
        encrypted: header.encryption !== null,
        counts: header.counts,
        clientNames: data.clients.map((document) => document.client.name).sort((a, b) => a.localeCompare(b)),
      };
    },

    restore(filePath, options = {}) {
      return exclusive(async () => restoreChecked(filePath, await readBackup(filePath, options.passphrase)));
    },

    listAutomatic: () => listAutomaticBackups(backupsDir),

    runAutomatic(reason) {
      return exclusive(async () => {
        if (!store.practice().settings.backup.automatic) return { created: null, skipped: 'disabled' as const };
        if (reason === 'daily') {
          const latest = (await listAutomaticBackups(backupsDir)).find((backup) => backup.reason !== 'before-restore');
          if (latest && context.now().getTime() - Date.parse(latest.createdAt) < DAY_MS) return { created: null, skipped: 'recent' as const };
        }
        return { created: await writeAutomatic(reason), skipped: null };
      });
    },

    restoreAutomatic(fileName) {
      return exclusive(async () => {
        const filePath = automaticPath(fileName);
        return restoreChecked(filePath, await readBackup(filePath, await automaticKey()));
      });
    },

    restoreClientFromAutomatic(clientId) {
      return exclusive(async () => {
        if (store.hasClient(clientId)) throw new RapportError('CONFLICT', 'This client is already in your practice, so there is nothing to recover.');
        const passphrase = await automaticKey();
        for (const backup of await listAutomaticBackups(backupsDir)) {
          const document = await openBackup(automaticPath(backup.fileName), passphrase)
            .then(({ payload }) => rawClients(payload).find((raw) => clientIdOf(raw) === clientId))
            .then((raw) => (raw === undefined ? null : checkedClientDocument(raw)))
            .catch(() => null);
          if (!document) continue;
          await store.createClient(document);
          store.forgetQuarantined(clientId);
          return { clientId, clientName: document.client.name, fileName: backup.fileName, backupCreatedAt: backup.createdAt };
        }
        throw new RapportError('NOT_FOUND', 'None of the automatic backups holds a usable copy of this client.');
      });
    },

    async backupsContaining(clientId) {
      const containing: string[] = [];
      const passphrase = await automaticKey();
      for (const backup of await listAutomaticBackups(backupsDir)) {
        const holds = await openBackup(automaticPath(backup.fileName), passphrase)
          .then(({ payload }) => rawClients(payload).some((raw) => clientIdOf(raw) === clientId))
          // An encrypted or damaged backup cannot be checked; for erasure, assume it may hold the client.
          .catch((error: unknown) => !(error instanceof RapportError && error.code === 'NOT_FOUND'));
        if (holds) containing.push(backup.fileName);
      }
      return containing;
    },

    async exportClient(clientId, filePath) {
      const document = store.client(clientId);
      try {
        await writeFileDurably(filePath, `${JSON.stringify(document, null, 2)}\n`);
      } catch (error) {
        throw chosenPlaceError(error);
      }
    },
  };
}
