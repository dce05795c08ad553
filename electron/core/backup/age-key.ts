import { AGE_MAGIC, AGE_SCRYPT_LOG_N } from './container';
import { deriveWrappingKey, type DerivedKey } from './age-scrypt';

/** Rapport's one recipient line: `-> scrypt <16-byte salt, unpadded base64> <work factor>`. */
const SCRYPT_STANZA = /^-> scrypt ([A-Za-z0-9+/]{22}) ([0-9]{1,3})$/;

/**
 * Derives the scrypt wrapping key for an age file's header before the file is streamed, so that
 * scrypt's 128 MiB and the reader's own memory (its worker, the stream's buffers) are never
 * needed at the same time. Only for a header as Rapport writes it, at exactly Rapport's work
 * factor: anything else gets null, and the reader refuses or derives as before. `head` is the
 * file's first bytes (a few KiB at most).
 */
export async function deriveAheadOfReading(head: Buffer, passphrase: string): Promise<DerivedKey | null> {
  if (head.subarray(0, AGE_MAGIC.length).toString('latin1') !== AGE_MAGIC) return null;
  const end = head.indexOf('\n---');
  if (end < 0) return null;
  const lines = head.subarray(AGE_MAGIC.length, end).toString('latin1').split('\n');
  const stanzas = lines.filter((line) => line.startsWith('-> '));
  const match = stanzas.length === 1 ? SCRYPT_STANZA.exec(stanzas[0]) : null;
  if (match === null || Number(match[2]) !== AGE_SCRYPT_LOG_N) return null;
  const salt = Buffer.from(match[1], 'base64');
  if (salt.length !== 16) return null;
  const key = await deriveWrappingKey(passphrase, salt, AGE_SCRYPT_LOG_N);
  return { salt: match[1], key: key.toString('hex') };
}
