import { setImmediate as nextTurn } from 'node:timers/promises';
import { performance } from 'node:perf_hooks';
import { RapportError } from '../../../shared/errors';
import { toRapportError } from '../io-errors';
import { openUntrustedFile } from '../untrusted-file';
import { DAMAGED, NEWER, NOT_A_BACKUP, TAMPERED, TOO_COMPLEX, UNCHANGED, bad, refuseForbiddenKeys } from './backup-errors';
import { WorkerDiedError, openInWorker, type WorkerFailure } from './backup-worker';
import { checkedDocuments, payloadOfValue, type Payload, type PayloadDocument } from './check-documents';
import { deriveAheadOfReading } from './age-key';
import { containerDocuments, type StagedDocuments } from './container-documents';
import { ContainerWorkerDiedError, readContainerInWorker, type ContainerWorkerResult } from './container-reader';
import { sniffBackup } from './container';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BACKUP_JSON_BOUNDS, Header, KDF_BY_VERSION, MAX_BACKUP_BYTES, MAX_CLIENTS } from './format';
import type { ContainerFailure } from './read-container';
import {
  makeStagingFolder,
  removeStagingFolder,
  type ReplacementSet,
  type StagedSet,
  type StagingFolder,
  type StoreLayout,
  type SwappedDocuments,
} from './swap';
import type { BackupCounts } from '../../../shared/api/backup';
import type { ClientDocument, PracticeDocument } from '../../../shared/model/documents';
import type { DocumentBytes } from '../durable-json-file';
import { parseJsonBytes } from '../json-bytes';

/** What any backup says about itself, whichever format it is in. */
export interface BackupDescription {
  /** 1 and 2: the JSON envelope (format.ts); 3: the tar container (container.ts). */
  formatVersion: number;
  appVersion: string;
  createdAt: string;
  counts: BackupCounts;
  encrypted: boolean;
}

export interface CheckedBackup {
  header: BackupDescription;
  /**
   * Every document, each with its bytes from the file when they can be written back as they
   * are. The client documents are checked as they are taken (see check-documents.ts).
   */
  documents: ReplacementSet;
  bytes: number;
}

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
  header: BackupDescription;
  /**
   * Checksum- or tag-verified; its documents validated only when `checked`. Null for a staged
   * backup, whose documents are read from the staging folder instead (see `staged`).
   */
  payload: Payload | null;
  bytes: number;
  /** True for format 3: the store's migrations and validation ran on every document as it was read, and these are their results. */
  checked: boolean;
  /**
   * Format 3 restores: the staging folder every checked document and attached file was written
   * into (fsynced), what it holds, and the documents themselves when asked to hold them.
   */
  staged: { folder: StagingFolder; documents: StagedDocuments; held: SwappedDocuments | null } | null;
}

/** The first bytes read to tell the formats apart; an age header as Rapport writes it ends well within them. */
const AGE_HEADER_BYTES = 4096;

/** A format 3 backup may be as large as the attachments make it; what bounds it is the reader's limits (container.ts). */
const MAX_CONTAINER_BYTES = 2 ** 40;

const CONTAINER_FAILURES: Record<ContainerFailure, () => RapportError> = {
  ...FAILURES,
  tampered: TAMPERED,
  'work-factor': () =>
    bad('This backup asks for far more work to unlock than Rapport ever uses, so it was not made by Rapport or has been altered.'),
};

function containerFailure(failure: Exclude<ContainerWorkerResult, { ok: true }>): RapportError {
  // A file-system failure in the worker (a full disk while staging the attached files) reads as it would here.
  if (failure.reason === 'io') return toRapportError(Object.assign(new Error(failure.detail), { code: failure.code ?? 'EIO' }));
  return CONTAINER_FAILURES[failure.reason]();
}

function describeHeader(header: Header): BackupDescription {
  const { formatVersion, appVersion, createdAt, counts, encryption } = header;
  return { formatVersion, appVersion, createdAt, counts, encrypted: encryption !== null };
}

/** Parsing yields to other work after this long, so the app stays responsive while a large backup is read. */
const SLICE_MS = 16;

function parseJson(bytes: Buffer, start: number, end: number): unknown {
  try {
    return parseJsonBytes(bytes.subarray(start, end));
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
 * Reads a backup and verifies its envelope and integrity. The file is opened without blocking and
 * only if it is a regular file within the size cap; reading, bounding, parsing and decrypting
 * happen in a backup worker (backup-worker.ts for formats 1 and 2, container-worker.ts for 3).
 * With `stageIn`, a format 3 backup's documents and attached files are written into a fresh
 * staging folder of that data folder (removed again on any failure); with `holdStaged` too, its
 * checked documents are kept as well, so that a restore need not read them back (see
 * restoreFrom in services/backup.ts for when that is worth holding two practices at once).
 */
export async function openBackup(
  filePath: string,
  passphrase: string | undefined,
  stageIn: StoreLayout | null = null,
  holdStaged = false,
): Promise<OpenedBackup> {
  const file = await openUntrustedFile(filePath, MAX_CONTAINER_BYTES, { kind: 'backup', code: 'BAD_BACKUP' }, () =>
    bad('That file is far too large to be a Rapport backup.'),
  );
  try {
    if (file.size === 0) throw FAILURES.empty();
    const head = Buffer.alloc(Math.min(file.size, AGE_HEADER_BYTES));
    await file.handle.read(head, 0, head.length, 0);
    if (sniffBackup(head) === 'json' || sniffBackup(head) === 'unknown') {
      if (file.size > MAX_BACKUP_BYTES) throw bad('That file is far too large to be a Rapport backup.');
      return await openEnvelope(file.handle.fd, file.size, passphrase);
    }
    return await openContainer(file.handle.fd, file.size, passphrase, stageIn, holdStaged, head);
  } finally {
    await file.handle.close();
  }
}

async function openEnvelope(fd: number, size: number, passphrase: string | undefined): Promise<OpenedBackup> {
  let result;
  try {
    result = await openInWorker({
      fd,
      size,
      passphrase: passphrase ?? null,
      bounds: BACKUP_JSON_BOUNDS,
      format: BACKUP_FORMAT,
      currentVersion: BACKUP_FORMAT_VERSION,
      kdfByVersion: KDF_BY_VERSION,
    });
  } catch (error) {
    if (error instanceof WorkerDiedError) throw TOO_COMPLEX();
    throw error;
  }
  if (!result.ok) throw FAILURES[result.reason]();
  refuseForbiddenKeys(result.header);
  const header = Header.safeParse(result.header);
  if (!header.success || result.digest !== header.data.payloadSha256) throw DAMAGED();
  // The worker parsed these bytes within its limits and its bounds hold, so parsing them here is bounded too.
  const payload = await parsePayload(Buffer.from(result.payload, result.offset, result.length), result.spans);
  return { header: describeHeader(header.data), payload, bytes: size, checked: false, staged: null };
}

async function openContainer(
  fd: number,
  size: number,
  passphrase: string | undefined,
  stageIn: StoreLayout | null,
  holdStaged: boolean,
  head: Buffer,
): Promise<OpenedBackup> {
  // Before the worker starts: scrypt's peak then never adds to the reader's.
  const derivedKey = passphrase === undefined ? null : await deriveAheadOfReading(head, passphrase);
  const staging = stageIn === null ? null : await makeStagingFolder(stageIn);
  try {
    const documents = containerDocuments(staging === null ? 'payload' : holdStaged ? 'held' : 'none');
    let result;
    try {
      result = await readContainerInWorker(
        { fd, size, passphrase: passphrase ?? null, stagingDir: staging?.dir ?? null, derivedKey },
        (batch) => documents.take(batch),
      );
    } catch (error) {
      if (error instanceof ContainerWorkerDiedError) throw TOO_COMPLEX();
      throw error;
    }
    if (!result.ok) throw containerFailure(result);
    const { manifest, encrypted, files } = result.contents;
    const { formatVersion, appVersion, createdAt, counts } = manifest;
    const checked = await documents.finish(counts, files, staging?.dir ?? null);
    return {
      header: { formatVersion, appVersion, createdAt, counts, encrypted },
      payload: checked.payload,
      bytes: size,
      checked: true,
      staged: staging === null ? null : { folder: staging, documents: checked.staged, held: checked.held },
    };
  } catch (error) {
    if (staging !== null && stageIn !== null) await removeStagingFolder(stageIn, staging).catch(() => undefined);
    throw error;
  }
}

/** The documents of an opened backup: those checked as they were read (format 3) as they are, the others checked as they are taken. */
function documentsOf(opened: OpenedBackup): ReplacementSet {
  if (opened.payload === null) throw new Error('a staged backup holds no documents here');
  if (!opened.checked) return checkedDocuments(opened.header.counts, opened.payload);
  const { practice, clients } = opened.payload;
  return {
    practice: { data: practice.raw as PracticeDocument, bytes: practice.bytes },
    clients: clients.map(({ raw, bytes }): DocumentBytes<ClientDocument> => ({ data: raw as ClientDocument, bytes })),
  };
}

/** The documents of an opened backup, ready to be swapped in; a set the worker already staged goes as it is. */
export function replacementOf(opened: OpenedBackup): ReplacementSet | StagedSet {
  if (opened.staged === null) return documentsOf(opened);
  const { folder, documents, held } = opened.staged;
  return { staged: folder, documents, held };
}

/**
 * Reads a backup file and checks it — size, format, version, checksum or GCM tag — and hands
 * out its documents, each checked against the store's own migrations and validation as it is
 * taken. Nothing is changed. Every failure is a RapportError a coach can act on.
 */
export async function readBackup(filePath: string, passphrase: string | undefined): Promise<CheckedBackup> {
  const opened = await openBackup(filePath, passphrase);
  return { header: opened.header, documents: documentsOf(opened), bytes: opened.bytes };
}
