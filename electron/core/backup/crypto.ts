import { createCipheriv, createHash, randomBytes, scrypt } from 'node:crypto';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, KDF_BY_VERSION, type Encryption } from './format';

/** What new backups are written with (format.ts explains the cost). Decrypting happens in the backup worker. */
const DEFAULT_KDF = KDF_BY_VERSION[BACKUP_FORMAT_VERSION];

interface KdfParams {
  N: number;
  r: number;
  p: number;
  salt: Buffer;
}

/**
 * scrypt yields 64 bytes: the first 32 are the AES key, the hash of the other 32 is stored as
 * `keyCheck`. A wrong passphrase then fails the check, while a right passphrase with a failing
 * GCM tag means the file was damaged or altered. Guessing costs the same scrypt run either way.
 */
function deriveKeys(passphrase: string, { N, r, p, salt }: KdfParams): Promise<{ key: Buffer; keyCheck: Buffer }> {
  return new Promise((resolve, reject) => {
    scrypt(passphrase.normalize('NFC'), salt, 64, { N, r, p, maxmem: 128 * N * r * p + 32 * 1024 * 1024 }, (error, derived) => {
      if (error) reject(error);
      else resolve({ key: derived.subarray(0, 32), keyCheck: createHash('sha256').update(derived.subarray(32)).digest() });
    });
  });
}

/** Binds what the envelope says in clear to the ciphertext, so none of it can be swapped unnoticed (the worker checks it alike). */
function associatedData(encryption: { N: number; r: number; p: number; salt: string; nonce: string }): Buffer {
  return Buffer.from(
    JSON.stringify([BACKUP_FORMAT, BACKUP_FORMAT_VERSION, encryption.N, encryption.r, encryption.p, encryption.salt, encryption.nonce]),
    'utf8',
  );
}

/** Base64 of bytes that arrive in pieces: each piece is encoded up to a multiple of three bytes, the rest waits for the next. */
class Base64Pieces {
  readonly pieces: Buffer[] = [];
  private carry: Buffer = Buffer.alloc(0);

  push(bytes: Buffer): void {
    const joined = this.carry.length > 0 ? Buffer.concat([this.carry, bytes]) : bytes;
    const whole = joined.length - (joined.length % 3);
    if (whole > 0) this.pieces.push(Buffer.from(joined.subarray(0, whole).toString('base64'), 'latin1'));
    this.carry = joined.subarray(whole);
  }

  end(): Buffer[] {
    if (this.carry.length > 0) this.pieces.push(Buffer.from(this.carry.toString('base64'), 'latin1'));
    this.carry = Buffer.alloc(0);
    return this.pieces;
  }
}

/** A new backup's key, derived from the passphrase with a fresh salt. */
export interface BackupKey {
  key: Buffer;
  keyCheck: Buffer;
  salt: Buffer;
}

/** Derives a new backup's key (scrypt, in the thread pool): start it early, it takes a fixed half second or so. */
export async function deriveBackupKey(passphrase: string): Promise<BackupKey> {
  const salt = randomBytes(16);
  return { ...(await deriveKeys(passphrase, { ...DEFAULT_KDF, salt })), salt };
}

/** Encrypts the payload's pieces; the ciphertext comes back as base64 text in pieces, ready to be written. */
export function encryptPayload(
  payload: readonly Uint8Array[],
  { key, keyCheck, salt }: BackupKey,
): { ciphertext: Buffer[]; encryption: Encryption } {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(associatedData({ ...DEFAULT_KDF, salt: salt.toString('base64'), nonce: nonce.toString('base64') }));
  const base64 = new Base64Pieces();
  for (const piece of payload) base64.push(cipher.update(piece));
  base64.push(cipher.final());
  return {
    ciphertext: base64.end(),
    encryption: {
      cipher: 'aes-256-gcm',
      kdf: 'scrypt',
      ...DEFAULT_KDF,
      salt: salt.toString('base64'),
      nonce: nonce.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
      keyCheck: keyCheck.toString('base64'),
    },
  };
}
