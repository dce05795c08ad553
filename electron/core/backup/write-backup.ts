import { createHash } from 'node:crypto';
import type { BackupCounts } from '../../../shared/api/backup';
import { writeFileDurably } from '../durable-write';
import { associatedData, encryptPayload } from './crypto';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, countsOf, type Header, type PracticeData } from './format';

export interface BackupWriteOptions {
  appVersion: string;
  createdAt: string;
  passphrase?: string;
}

export interface WrittenBackup {
  counts: BackupCounts;
  bytes: number;
  encrypted: boolean;
}

/**
 * The payload is exactly `JSON.stringify({ practice, clients })`, built from one stringify per
 * document so that no second copy of the practice is made; the checksum covers these bytes.
 */
function payloadText({ practice, clients }: PracticeData): string {
  return `{"practice":${JSON.stringify(practice)},"clients":[${clients.map((document) => JSON.stringify(document)).join(',')}]}`;
}

/** The whole backup file as one string: the envelope with the payload as its last field. */
export async function backupText(data: PracticeData, options: BackupWriteOptions): Promise<{ text: string; counts: BackupCounts }> {
  const payload = payloadText(data);
  const counts = countsOf(data.clients);
  const described: Pick<Header, 'format' | 'formatVersion' | 'appVersion' | 'createdAt'> = {
    format: BACKUP_FORMAT, formatVersion: BACKUP_FORMAT_VERSION, appVersion: options.appVersion, createdAt: options.createdAt };
  const payloadSha256 = createHash('sha256').update(payload, 'utf8').digest('hex');
  if (options.passphrase === undefined) {
    const header: Header = { ...described, counts, payloadSha256, encryption: null };
    return { text: `${JSON.stringify(header).slice(0, -1)},"payload":${payload}}\n`, counts };
  }
  const { ciphertext, encryption } = await encryptPayload(payload, options.passphrase, associatedData(described));
  const header: Header = { ...described, counts, payloadSha256, encryption };
  return { text: `${JSON.stringify(header).slice(0, -1)},"payload":"${ciphertext}"}\n`, counts };
}

/** Writes a backup file durably (temp file, fsync, rename; readable by the coach only). */
export async function writeBackup(filePath: string, data: PracticeData, options: BackupWriteOptions): Promise<WrittenBackup> {
  const { text, counts } = await backupText(data, options);
  await writeFileDurably(filePath, text);
  return { counts, bytes: Buffer.byteLength(text, 'utf8'), encrypted: options.passphrase !== undefined };
}
