import { mkdir, rmdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { AutomaticBackup, AutomaticReason, BackupApi, BackupSummary, RestoreSummary } from '../../../shared/api/backup';
import { RapportError } from '../../../shared/errors';
import { DAY_MS } from '../../../shared/dates';
import { passphraseWeakness } from '../../../shared/passphrase-strength';
import { automaticFileName, backupLeftovers, listAutomaticBackups, pruneAutomaticBackups } from '../backup/automatic';
import { checkedClientDocument } from '../backup/check-documents';
import { writeClientExport } from '../backup/export-client';
import { openBackup, readBackup, replacementOf, type OpenedBackup } from '../backup/read-backup';
import { allReferencedDigests, referencedDigests } from '../backup/references';
import { adoptStagedFiles, removeStagingFolder } from '../backup/swap';
import { UnusableAttachedFile, prepareContainer, writeContainer, type ContainerSource } from '../backup/write-container';
import { CLIENTS_DIR, FILES_DIR, clientFileName, storeLayout } from '../data-layout';
import { readJsonDocument } from '../durable-json-file';
import type { AutomaticFailureRecord } from '../backup/automatic-failure';
import { DIR_MODE } from '../durable-write';
import { toRapportError } from '../io-errors';
import type { StoredDocuments } from '../store';
import type { ClientDocument } from '../../../shared/model/documents';
import type { ServiceContext } from './context';

export interface BackupServiceOptions {
  /** Where automatic and safety backups go. */
  backupsDir: string;
  /** The passphrase that protects automatic backups, if the coach set one (kept in the OS keychain). */
  automaticPassphrase?: (() => Promise<string | undefined>) | undefined;
  /** Where a failed automatic backup is noted for the app to show, until a later one succeeds. */
  automaticFailure?: AutomaticFailureRecord | undefined;
}

/**
 * A backup refused because an attached file is missing or damaged in the data folder, in words
 * that name the document and its client, so that the coach knows where to recover or remove it;
 * `restoring` for the safety backup a restore takes first, which the restore cannot go without.
 */
function unusableFileError(error: unknown, documents: StoredDocuments, restoring: boolean): unknown {
  if (!(error instanceof UnusableAttachedFile)) return error;
  for (const { data } of documents.clients) {
    const attached = data.documents.find((document) => document.sha256 === error.sha256);
    if (attached === undefined) continue;
    const document = `“${attached.name}” (${data.client.name})`;
    const remedy = `Recover it from an automatic backup or remove it in ${data.client.name}’s documents`;
    return new RapportError(
      'IO_ERROR',
      restoring
        ? `Rapport backs up your current data before a restore, and the stored copy of ${document} is damaged or missing, so nothing was restored and nothing was changed. ${remedy}, then restore again.`
        : `The stored copy of ${document} is damaged or missing, so the backup was not written. Nothing was changed. ${remedy}, then back up again.`,
    );
  }
  return error;
}

/** A failure writing where the coach chose, in words about that place rather than the data folder. */
function chosenPlaceError(error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new RapportError(
      'IO_ERROR',
      'There is not enough space there. Free some space or choose another place; your data is unchanged.',
    );
  }
  if (typeof code === 'string' && code.startsWith('E')) {
    return new RapportError(
      'IO_ERROR',
      'Rapport could not write the file there. Choose another folder and try again; your data is unchanged.',
    );
  }
  return error;
}

/**
 * A restore holds the new documents as it checks them, rather than reading them back after the
 * swap, when the practice it replaces takes at most this much on disk: holding both then costs
 * little (a new computer's empty practice, or a handful of clients), and reading a ten-year
 * practice back costs about a second. Above it, the old documents are let go of first, so that
 * memory never holds two large practices (docs/backups.md, "Memory").
 */
const HOLD_WHILE_READING_BYTES = 4 * 1024 * 1024;

/** Whether the documents' files take at most `limit` bytes, stat by stat until they do not. */
async function smallOnDisk({ practice, clients }: StoredDocuments, limit: number): Promise<boolean> {
  let total = 0;
  for (const { path } of [practice, ...clients]) {
    total += await stat(path).then(
      (stats) => stats.size,
      () => 0,
    );
    if (total > limit) return false;
  }
  return true;
}

/** Each document's file and the digest of what it holds: what a safety backup was taken of, without holding the documents. */
type Fingerprint = { path: string; digest: Buffer | Promise<Buffer> }[];

function fingerprintOf({ practice, clients }: StoredDocuments): Fingerprint {
  return [practice, ...clients].map(({ path, digest }) => ({ path, digest }));
}

/** The same documents as when `before` was taken: every write replaces its document's digest, so none happened that changed a byte. */
function sameDocuments(before: Fingerprint, now: Fingerprint): boolean {
  return (
    before.length === now.length &&
    before.every(({ path, digest }, index) => {
      const other = now[index];
      return (
        path === other.path &&
        (digest === other.digest || (Buffer.isBuffer(digest) && Buffer.isBuffer(other.digest) && digest.equals(other.digest)))
      );
    })
  );
}

function clientIdOf(raw: unknown): unknown {
  return (raw as { client?: { id?: unknown } } | null)?.client?.id;
}

/** One client's document in an opened backup, checked; null when the backup does not hold a usable one. */
async function clientIn(opened: OpenedBackup, clientId: string): Promise<ClientDocument | null> {
  let raw: unknown;
  if (opened.staged !== null) {
    if (!opened.staged.documents.clients.some(({ id }) => id === clientId)) return null;
    raw = (await readJsonDocument(join(opened.staged.folder.dir, CLIENTS_DIR, clientFileName(clientId))).catch(() => null))?.data;
  } else {
    raw = opened.payload?.clients.find((document) => clientIdOf(document.raw) === clientId)?.raw;
  }
  if (raw === undefined) return null;
  try {
    return checkedClientDocument(raw).data;
  } catch {
    return null;
  }
}

export function createBackupService(
  context: ServiceContext,
  { backupsDir, automaticPassphrase, automaticFailure }: BackupServiceOptions,
): BackupApi {
  const { store } = context;
  const automaticKey = async () => (await automaticPassphrase?.()) ?? undefined;
  const layout = storeLayout(context.dataDir);
  const filesDir = join(context.dataDir, FILES_DIR);

  /** What a backup of `documents` holds: the documents and every attached file they reference. */
  const sourceOf = (documents: StoredDocuments): ContainerSource => ({
    documents,
    files: allReferencedDigests(documents.clients.map((client) => client.data)).map((sha256) => ({ sha256 })),
    filesDir,
  });
  let queue: Promise<unknown> = Promise.resolve();

  /** Restores and automatic backups run one at a time. */
  function exclusive<T>(task: () => Promise<T>): Promise<T> {
    const next = queue.then(task);
    queue = next.catch(() => undefined);
    return next;
  }

  /** Where the next automatic backup goes, the backups folder made if need be. */
  async function automaticTarget(reason: AutomaticReason) {
    const madeDir = await mkdir(backupsDir, { recursive: true, mode: DIR_MODE });
    const createdAt = context.now().toISOString();
    const fileName = automaticFileName(new Date(createdAt), reason, await listAutomaticBackups(backupsDir));
    return { reason, madeDir, createdAt, fileName };
  }

  /** An automatic backup of `documents`, written and fsynced but not yet in the list; `commit` puts it there. */
  async function prepareAutomatic(
    { reason, madeDir, createdAt, fileName }: Awaited<ReturnType<typeof automaticTarget>>,
    documents: StoredDocuments,
    passphrase: string | undefined,
  ) {
    const { file, written } = await prepareContainer(join(backupsDir, fileName), sourceOf(documents), {
      appVersion: context.appVersion,
      createdAt,
      passphrase,
    });
    let committed = false;
    return {
      fileName,
      /** Undoes an uncommitted backup; after commit it does nothing. */
      async discard() {
        if (committed) return;
        await file.discard();
        // A backup that never happened leaves no trace, not even the folder made for it.
        if (madeDir !== undefined) await rmdir(backupsDir).catch(() => undefined);
      },
      async commit(): Promise<AutomaticBackup> {
        await file.commit();
        committed = true;
        await pruneAutomaticBackups(backupsDir, Math.max(store.practice().settings.backup.keep, 1));
        return { fileName, createdAt, bytes: written.bytes, reason };
      },
    };
  }

  /**
   * A scheduled backup. The passphrase is read first: when the keychain does not give it back
   * nothing is written (never an unprotected copy), and either failure is noted for the coach.
   */
  async function writeAutomatic(reason: 'daily' | 'quit'): Promise<AutomaticBackup> {
    const failed = (cause: 'keychain' | 'other', error: unknown) => {
      const coded = toRapportError(error);
      automaticFailure?.record({ at: context.timestamp(), reason, cause, message: coded.message });
      return coded;
    };
    let passphrase: string | undefined;
    try {
      passphrase = await automaticKey();
    } catch (error) {
      throw failed('keychain', error);
    }
    const documents = store.storedDocuments();
    try {
      const created = await (await prepareAutomatic(await automaticTarget(reason), documents, passphrase)).commit();
      automaticFailure?.clear();
      return created;
    } catch (error) {
      throw failed('other', unusableFileError(error, documents, false));
    }
  }

  /** A safety backup of `documents`, prepared (written, fsynced) but not yet in the list. */
  async function startSafetyBackup(documents: StoredDocuments, passphrase: string | undefined) {
    const target = await automaticTarget('before-restore');
    // Its handler holds the documents only until the backup is written, before the swap.
    const prepared = prepareAutomatic(target, documents, passphrase).catch((error: unknown) => {
      throw unusableFileError(error, documents, true);
    });
    prepared.catch(() => undefined);
    // Not the documents: a restore lets go of them before it reads the new ones in.
    return { fingerprint: fingerprintOf(documents), fileName: target.fileName, prepared };
  }

  /**
   * Reads, decrypts and checks the backup file first, while the app goes on writing (the file is
   * untrusted: what it costs must never hold the coach's typing back); the worker stages the new
   * documents and files meanwhile. The safety backup of the current documents is written
   * alongside when neither file needs a key derivation (scrypt's 128 MiB would add to what the
   * other holds). Then every write is held back: the early safety backup is kept only if no document
   * changed since it was taken, otherwise one is written now; the swap commits only once it is
   * in place. Any failure before that leaves the data and the list of automatic backups as they were.
   */
  async function restoreFrom(filePath: string, passphrase: string | undefined): Promise<RestoreSummary> {
    const safetyPassphrase = await automaticKey();
    const safeties: Awaited<ReturnType<typeof startSafetyBackup>>[] = [];
    const safetyOf = async (documents: StoredDocuments) => {
      const safety = await startSafetyBackup(documents, safetyPassphrase);
      safeties.push(safety);
      return safety;
    };
    let opened: Awaited<ReturnType<typeof openBackup>> | undefined;
    try {
      // The current documents are asked for at each use, never kept in a variable: this function's
      // frame lives through the swap, and would keep the practice it replaces from being collected.
      const early = safetyPassphrase === undefined && passphrase === undefined ? await safetyOf(store.storedDocuments()) : null;
      const hold = await smallOnDisk(store.storedDocuments(), HOLD_WHILE_READING_BYTES);
      opened = await openBackup(filePath, passphrase, layout, hold);
      const { header, bytes } = opened;
      const documents = replacementOf(opened);
      return await store.replaceAll(async (current) => {
        const safety = early !== null && sameDocuments(early.fingerprint, fingerprintOf(current)) ? early : await safetyOf(current);
        return {
          replacement: { ...documents, beforeCommit: async () => void (await (await safety.prepared).commit()) },
          result: {
            filePath,
            createdAt: header.createdAt,
            counts: header.counts,
            encrypted: header.encrypted,
            bytes,
            safetyBackup: safety.fileName,
          },
        };
      });
    } catch (error) {
      // The swap removes its staging folder on failure; this covers a failure before it began.
      if (opened?.staged) await removeStagingFolder(layout, opened.staged.folder).catch(() => undefined);
      throw error;
    } finally {
      // Committed, commit does nothing; the others leave no trace.
      for (const safety of safeties) {
        await safety.prepared.then(
          (backup) => backup.discard(),
          () => undefined,
        );
      }
    }
  }

  function automaticPath(fileName: string): string {
    return join(backupsDir, fileName);
  }

  return {
    async create(filePath, options = {}) {
      const weakness =
        options.passphrase === undefined ? null : passphraseWeakness(options.passphrase, [store.practice().settings.coachName]);
      if (weakness !== null) throw new RapportError('INVALID_INPUT', weakness, [{ path: ['passphrase'], message: weakness }]);
      const createdAt = context.timestamp();
      const documents = store.storedDocuments();
      try {
        const { counts, bytes, encrypted } = await writeContainer(filePath, sourceOf(documents), {
          appVersion: context.appVersion,
          createdAt,
          passphrase: options.passphrase,
        });
        return { filePath, createdAt, counts, bytes, encrypted } satisfies BackupSummary;
      } catch (error) {
        throw chosenPlaceError(unusableFileError(error, documents, false));
      }
    },

    async inspect(filePath, options = {}) {
      const { header, documents } = await readBackup(filePath, options.passphrase);
      return {
        createdAt: header.createdAt,
        appVersion: header.appVersion,
        formatVersion: header.formatVersion,
        encrypted: header.encrypted,
        counts: header.counts,
        clientNames: [...documents.clients].map(({ data }) => data.client.name).sort((a, b) => a.localeCompare(b)),
      };
    },

    restore(filePath, options = {}) {
      return exclusive(() => restoreFrom(filePath, options.passphrase));
    },

    listAutomatic: () => listAutomaticBackups(backupsDir),

    runAutomatic(reason) {
      return exclusive(async () => {
        if (!store.practice().settings.backup.automatic) {
          // With automatic backups off, an old failure no longer says anything the coach can act on.
          automaticFailure?.clear();
          return { created: null, skipped: 'disabled' as const };
        }
        if (reason === 'daily') {
          const latest = (await listAutomaticBackups(backupsDir)).find((backup) => backup.reason !== 'before-restore');
          if (latest && context.now().getTime() - Date.parse(latest.createdAt) < DAY_MS)
            return { created: null, skipped: 'recent' as const };
        }
        return { created: await writeAutomatic(reason), skipped: null };
      });
    },

    restoreAutomatic(fileName) {
      return exclusive(async () => {
        return restoreFrom(automaticPath(fileName), await automaticKey());
      });
    },

    restoreClientFromAutomatic(clientId) {
      return exclusive(async () => {
        if (store.hasClient(clientId))
          throw new RapportError('CONFLICT', 'This client is already in your practice, so there is nothing to recover.');
        const passphrase = await automaticKey();
        for (const backup of await listAutomaticBackups(backupsDir)) {
          const opened = await openBackup(automaticPath(backup.fileName), passphrase, layout).catch(() => null);
          if (opened === null) continue;
          try {
            const document = await clientIn(opened, clientId);
            if (!document) continue;
            // The client's attached files go in first, so its document never names a missing one.
            if (opened.staged !== null) await adoptStagedFiles(layout, opened.staged.folder, referencedDigests(document));
            await store.createClient(document);
            store.forgetQuarantined(clientId);
            return { clientId, clientName: document.client.name, fileName: backup.fileName, backupCreatedAt: backup.createdAt };
          } finally {
            if (opened.staged !== null) await removeStagingFolder(layout, opened.staged.folder).catch(() => undefined);
          }
        }
        throw new RapportError('NOT_FOUND', 'None of the automatic backups holds a usable copy of this client.');
      });
    },

    async backupsContaining(clientId) {
      const containing: string[] = [];
      const passphrase = await automaticKey();
      for (const backup of await listAutomaticBackups(backupsDir)) {
        const holds = await openBackup(automaticPath(backup.fileName), passphrase)
          .then(({ payload }) => payload?.clients.some(({ raw }) => clientIdOf(raw) === clientId) ?? true)
          // An encrypted or damaged backup cannot be checked; for erasure, assume it may hold the client.
          .catch((error: unknown) => !(error instanceof RapportError && error.code === 'NOT_FOUND'));
        if (holds) containing.push(backup.fileName);
      }
      // A backup cut short by a crash (swept on the next open) may hold the client too.
      return [...containing, ...(await backupLeftovers(backupsDir))];
    },

    async exportClient(clientId, filePath) {
      const document = store.client(clientId);
      try {
        return await writeClientExport(filePath, document, { appVersion: context.appVersion, createdAt: context.timestamp(), filesDir });
      } catch (error) {
        throw chosenPlaceError(error);
      }
    },
  };
}
