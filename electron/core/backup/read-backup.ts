import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { RapportError } from '../../../shared/errors';
import { contentDigestInPool } from '../durable-json-file';
import { DAMAGED, NEWER, NOT_A_BACKUP, UNCHANGED, bad, refuseForbiddenKeys } from './backup-errors';
import { checkedDocuments, type Payload } from './check-documents';
import { TamperedCiphertextError, WrongPassphraseError, associatedData, decryptPayload } from './crypto';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, Header, MAX_BACKUP_BYTES, UnknownFormatVersionError, migrateEnvelope } from './format';
import { jsonLayout, type JsonLayout } from './json-layout';
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

async function readBytes(filePath: string): Promise<Buffer> {
  let handle;
  try {
    handle = await open(filePath, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new RapportError('NOT_FOUND', 'Rapport cannot find that backup file. It may have been moved or deleted.');
    }
    throw error;
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw NOT_A_BACKUP();
    if (stats.size === 0) throw bad('That backup file is empty.');
    if (stats.size > MAX_BACKUP_BYTES) throw bad('That file is far too large to be a Rapport backup.');
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // A backup cut short while copying still starts like one.
    throw text.trimStart().startsWith(`{"format":"${BACKUP_FORMAT}"`) ? DAMAGED() : NOT_A_BACKUP();
  }
}

function currentEnvelope(parsed: unknown): Record<string, unknown> {
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw NOT_A_BACKUP();
  const envelope = parsed as Record<string, unknown>;
  if (envelope.format !== BACKUP_FORMAT) throw NOT_A_BACKUP();
  const version = envelope.formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) throw DAMAGED();
  if (version > BACKUP_FORMAT_VERSION) throw NEWER();
  try {
    return migrateEnvelope(envelope, version);
  } catch (error) {
    if (error instanceof UnknownFormatVersionError) throw DAMAGED();
    throw error;
  }
}

function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Where the payload lies in the file, and the digest of its bytes, computed in the thread pool while the file is parsed. */
interface PayloadBytes {
  layout: JsonLayout;
  digest: Promise<string>;
}

function payloadBytes(file: Buffer): PayloadBytes | null {
  const layout = jsonLayout(file, 3)?.members?.get('payload');
  if (!layout) return null;
  const digest = contentDigestInPool(file.subarray(layout.start, layout.end)).then((bytes) => bytes.toString('hex'));
  digest.catch(() => undefined);
  return { layout, digest };
}

/** The plain payload, checked against the checksum: by its bytes as written, or failing that as JSON.stringify writes it. */
async function plainPayload(header: Header, payload: unknown, file: Buffer, written: PayloadBytes | null): Promise<Payload> {
  if (typeof payload !== 'object' || payload === null) throw DAMAGED();
  if (written && (await written.digest) === header.payloadSha256) return { value: payload, bytes: file, layout: written.layout };
  if (sha256(JSON.stringify(payload)) !== header.payloadSha256) throw DAMAGED();
  return { value: payload, bytes: file, layout: null };
}

async function openPayload(header: Header, payload: unknown, file: Buffer, written: PayloadBytes | null, passphrase: string | undefined): Promise<Payload> {
  if (header.encryption === null) return plainPayload(header, payload, file, written);
  if (passphrase === undefined) {
    throw new RapportError('PASSPHRASE_REQUIRED', 'This backup is protected with a passphrase. Please enter it to continue.');
  }
  if (typeof payload !== 'string') throw DAMAGED();
  let plaintext: Buffer;
  try {
    plaintext = await decryptPayload(payload, passphrase, header.encryption, associatedData(header));
  } catch (error) {
    if (error instanceof WrongPassphraseError) {
      throw new RapportError('WRONG_PASSPHRASE', `That passphrase does not open this backup. Check it and try again. ${UNCHANGED}`);
    }
    if (error instanceof TamperedCiphertextError) throw DAMAGED();
    throw error;
  }
  if (sha256(plaintext) !== header.payloadSha256) throw DAMAGED();
  const opened = parseJson(plaintext.toString('utf8'));
  await nextTurn();
  return { value: opened, bytes: plaintext, layout: jsonLayout(plaintext, 2) };
}

export interface OpenedBackup {
  header: Header;
  /** Checksum- or tag-verified, but its documents not yet validated. */
  payload: Payload;
  bytes: number;
}

/** Reads a backup and verifies its envelope and integrity, leaving the documents unchecked. */
export async function openBackup(filePath: string, passphrase: string | undefined): Promise<OpenedBackup> {
  const file = await readBytes(filePath);
  const written = payloadBytes(file);
  const parsed = parseJson(file.toString('utf8'));
  // Long steps on this thread take turns with file work under way elsewhere (the safety backup of a restore).
  await nextTurn();
  const { payload, ...described } = currentEnvelope(parsed);
  refuseForbiddenKeys(described);
  const header = Header.safeParse(described);
  if (!header.success) throw DAMAGED();
  return { header: header.data, payload: await openPayload(header.data, payload, file, written, passphrase), bytes: file.length };
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
