import { setImmediate as nextTurn } from 'node:timers/promises';
import { performance } from 'node:perf_hooks';
import { RapportError } from '../../../shared/errors';
import { openUntrustedFile } from '../untrusted-file';
import { DAMAGED, NEWER, NOT_A_BACKUP, UNCHANGED, bad, refuseForbiddenKeys } from './backup-errors';
import { WorkerDiedError, openInWorker, type WorkerFailure } from './backup-worker';
import { checkedDocuments, payloadOfValue, type Payload, type PayloadDocument } from './check-documents';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BACKUP_JSON_BOUNDS, Header, KDF_BY_VERSION, MAX_BACKUP_BYTES, MAX_CLIENTS } from './format';
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

/** Parsing yields to other work after this long, so the app stays responsive while a large backup is read. */
const SLICE_MS = 16;

function parseJson(bytes: Buffer, start: number, end: number): unknown {
  try {
    return JSON.parse(bytes.toString('utf8', start, end));
  } catch {
    // The worker parsed these bytes already; text that fails here was changed since, or the spans are wrong.
    throw DAMAGED();
  }
}

/**
 * The payload's documents. Laid out as Rapport writes it, each document is parsed on its own from
 * its span and keeps those bytes, to be written back as they are; otherwise the payload is parsed
 * whole and its documents are serialised again when written.
 */
async function parsePayload(bytes: Buffer, spans: readonly number[] | null): Promise<Payload> {
  if (spans === null) {
    await nextTurn();
    const payload = payloadOfValue(parseJson(bytes, 0, bytes.length));
    await nextTurn();
    return payload;
  }
  if (spans.length < 2 || spans.length % 2 !== 0 || (spans.length - 2) / 2 > MAX_CLIENTS) throw DAMAGED();
  const documents: PayloadDocument[] = [];
  let deadline = performance.now() + SLICE_MS;
  for (let index = 0; index < spans.length; index += 2) {
    const start = spans[index];
    const end = spans[index + 1];
    if (!(start >= (index === 0 ? 0 : spans[index - 1]) && end > start && end <= bytes.length)) throw DAMAGED();
    documents.push({ raw: parseJson(bytes, start, end), bytes: bytes.subarray(start, end) });
    if (performance.now() >= deadline) {
      await nextTurn();
      deadline = performance.now() + SLICE_MS;
    }
  }
  const [practice, ...clients] = documents;
  return { practice, clients };
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
  // The worker parsed these bytes within its limits and its bounds hold, so parsing them here is bounded too.
  const payload = await parsePayload(Buffer.from(result.payload, result.offset, result.length), result.spans);
  return { header: header.data, payload, bytes: file.size };
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
