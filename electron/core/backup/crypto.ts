import { createCipheriv, createDecipheriv, createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import type { Encryption } from './format';

/** 2^15 × 8 × 128 bytes = 32 MiB and about a tenth of a second: cheap once, costly to guess. */
const DEFAULT_KDF = { N: 2 ** 15, r: 8, p: 1 };

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

/** Binds the envelope's own description to the ciphertext, so it cannot be swapped unnoticed. */
export function associatedData(header: { format: string; formatVersion: number; appVersion: string; createdAt: string }): Buffer {
  return Buffer.from(JSON.stringify([header.format, header.formatVersion, header.appVersion, header.createdAt]), 'utf8');
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

/** Encrypts the payload's pieces; the ciphertext comes back as base64 text in pieces, ready to be written. */
export async function encryptPayload(
  payload: readonly Uint8Array[],
  passphrase: string,
  aad: Buffer,
): Promise<{ ciphertext: Buffer[]; encryption: Encryption }> {
  const salt = randomBytes(16);
  const nonce = randomBytes(12);
  const { key, keyCheck } = await deriveKeys(passphrase, { ...DEFAULT_KDF, salt });
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(aad);
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

export class WrongPassphraseError extends Error {}
export class TamperedCiphertextError extends Error {}

/** The plaintext payload's bytes, or WrongPassphraseError / TamperedCiphertextError. */
export async function decryptPayload(ciphertext: string, passphrase: string, encryption: Encryption, aad: Buffer): Promise<Buffer> {
  const { N, r, p } = encryption;
  const { key, keyCheck } = await deriveKeys(passphrase, { N, r, p, salt: Buffer.from(encryption.salt, 'base64') });
  if (!timingSafeEqual(keyCheck, Buffer.from(encryption.keyCheck, 'base64'))) throw new WrongPassphraseError();
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(encryption.nonce, 'base64'));
  decipher.setAAD(aad);
  decipher.setAuthTag(Buffer.from(encryption.tag, 'base64'));
  try {
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64')), decipher.final()]);
  } catch {
    throw new TamperedCiphertextError();
  }
}
