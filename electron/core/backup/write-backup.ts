import type { BackupCounts } from '../../../shared/api/backup';
import { prepareFileDurably, writeFileDurably, type PreparedFile } from '../durable-write';
import { deriveBackupKey, encryptPayload } from './crypto';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, type Header } from './format';
import type { EncodedPayload } from './payload';

export interface BackupWriteOptions {
  appVersion: string;
  createdAt: string;
  passphrase?: string | undefined;
}

export interface WrittenBackup {
  counts: BackupCounts;
  bytes: number;
  encrypted: boolean;
}

/**
 * The whole backup file in pieces: the envelope, with the payload (plain or encrypted) as its
 * last field. The key is derived in the thread pool while the payload is still being put together.
 */
async function backupPieces(
  encoding: Promise<EncodedPayload>,
  options: BackupWriteOptions,
): Promise<{ pieces: Buffer[]; counts: BackupCounts }> {
  const deriving = options.passphrase === undefined ? null : deriveBackupKey(options.passphrase);
  const [payload, key] = await Promise.all([encoding, deriving]);
  const described = { appVersion: options.appVersion, createdAt: options.createdAt, counts: payload.counts, payloadSha256: payload.sha256 };
  if (key === null) {
    const header: Header = { format: BACKUP_FORMAT, formatVersion: BACKUP_FORMAT_VERSION, ...described, encryption: null };
    const pieces = [Buffer.from(`${JSON.stringify(header).slice(0, -1)},"payload":`), ...payload.chunks, Buffer.from('}\n')];
    return { pieces, counts: payload.counts };
  }
  // Only what decrypting needs stays in clear; the description is the first line of the plaintext.
  const plaintext = [Buffer.from(`${JSON.stringify(described)}\n`), ...payload.chunks];
  const { ciphertext, encryption } = encryptPayload(plaintext, key);
  const envelope = { format: BACKUP_FORMAT, formatVersion: BACKUP_FORMAT_VERSION, encryption };
  const pieces = [Buffer.from(`${JSON.stringify(envelope).slice(0, -1)},"payload":"`), ...ciphertext, Buffer.from('"}\n')];
  return { pieces, counts: payload.counts };
}

function written(pieces: readonly Buffer[], counts: BackupCounts, options: BackupWriteOptions): WrittenBackup {
  return {
    counts,
    bytes: pieces.reduce((sum, piece) => sum + piece.byteLength, 0),
    encrypted: options.passphrase !== undefined,
  };
}

/** Writes a backup file durably (temp file, fsync, rename; readable by the coach only). */
export async function writeBackup(filePath: string, payload: Promise<EncodedPayload>, options: BackupWriteOptions): Promise<WrittenBackup> {
  const { pieces, counts } = await backupPieces(payload, options);
  await writeFileDurably(filePath, pieces);
  return written(pieces, counts, options);
}

/** Writes a backup file and fsyncs it under a temp name; it takes its place only on `file.commit()`. */
export async function prepareBackup(
  filePath: string,
  payload: Promise<EncodedPayload>,
  options: BackupWriteOptions,
): Promise<{ file: PreparedFile; written: WrittenBackup }> {
  const { pieces, counts } = await backupPieces(payload, options);
  return { file: await prepareFileDurably(filePath, pieces), written: written(pieces, counts, options) };
}
