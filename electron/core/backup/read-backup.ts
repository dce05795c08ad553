import { setImmediate as nextTurn } from 'node:timers/promises';
import { RapportError } from '../../../shared/errors';
import { openUntrustedFile } from '../untrusted-file';
import { DAMAGED, NEWER, NOT_A_BACKUP, UNCHANGED, bad, refuseForbiddenKeys } from './backup-errors';
import { WorkerDiedError, openInWorker, type WorkerFailure } from './backup-worker';
import { checkedDocuments, type Payload } from './check-documents';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BACKUP_JSON_BOUNDS, Header, KDF_BY_VERSION, MAX_BACKUP_BYTES, MAX_CLIENTS } from './format';
import { jsonLayout } from './json-layout';
import type { ReplacementSet } from './swap';

export interface CheckedBackup {
  header: Header;
  /**
   * Every document, each with its bytes from the file when they can be written back as they
   * are. The client documents are checked as they are taken (see check-documents.ts).
   */
  documents: ReplacementSet;
  bytes: number;
}

const TOO_COMPLEX = () => bad('This file is too large or too complex to be a Rapport backup.');

const FAILURES: Record<WorkerFailure, () => RapportError> = {
  'not-a-backup': NOT_A_BACKUP,
  damaged: DAMAGED,
  newer: NEWER,
  'too-complex': TOO_COMPLEX,
  empty: () => bad('That backup file is empty.'),
  'passphrase-required': () =>
    new RapportError('PASSPHRASE_REQUIRED', 'This backup is protected with a passphrase. Please enter it to continue.'),
  'wrong-passphrase': () =>
    new RapportError('WRONG_PASSPHRASE', `That passphrase does not open this backup. Check it and try again. ${UNCHANGED}`),
};

export interface OpenedBackup {
  header: Header;
  /** Checksum- or tag-verified, but its documents not yet validated. */
  payload: Payload;
  bytes: number;
}

/**
 * Reads a backup and verifies its envelope and integrity, leaving the documents unchecked.
 * The file is opened without blocking and only if it is a regular file within the size cap;
 * reading, bounding, parsing and decrypting happen in the backup worker (backup-worker.ts).
 */
export async function openBackup(filePath: string, passphrase: string | undefined): Promise<OpenedBackup> {
  const file = await openUntrustedFile(filePath, MAX_BACKUP_BYTES, { kind: 'backup', code: 'BAD_BACKUP' }, () =>
    bad('That file is far too large to be a Rapport backup.'),
  );
  let result;
  try {
    if (file.size === 0) throw FAILURES.empty();
    result = await openInWorker({
      fd: file.handle.fd,
      size: file.size,
      passphrase: passphrase ?? null,
      bounds: BACKUP_JSON_BOUNDS,
      format: BACKUP_FORMAT,
      currentVersion: BACKUP_FORMAT_VERSION,
      kdfByVersion: KDF_BY_VERSION,
    });
  } catch (error) {
    if (error instanceof WorkerDiedError) throw TOO_COMPLEX();
    throw error;
  } finally {
    await file.handle.close();
  }
  if (!result.ok) throw FAILURES[result.reason]();
  refuseForbiddenKeys(result.header);
  const header = Header.safeParse(result.header);
  if (!header.success || result.digest !== header.data.payloadSha256) throw DAMAGED();
  const bytes = Buffer.from(result.payload);
  // The worker parsed these bytes within its limits and its bounds hold, so parsing them here is bounded too.
  await nextTurn();
  const value: unknown = JSON.parse(bytes.toString('utf8'));
  await nextTurn();
  return { header: header.data, payload: { value, bytes, layout: jsonLayout(bytes, 2, { maxElements: MAX_CLIENTS }) }, bytes: file.size };
}

/**
 * Reads a backup file and checks it — size, format, version, checksum or GCM tag — and hands
 * out its documents, each checked against the store's own migrations and validation as it is
 * taken. Nothing is changed. Every failure is a RapportError a coach can act on.
 */
export async function readBackup(filePath: string, passphrase: string | undefined): Promise<CheckedBackup> {
  const { header, payload, bytes } = await openBackup(filePath, passphrase);
  return { header, documents: checkedDocuments(header, payload), bytes };
}
