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

export async function encryptPayload(
  payload: string,
  passphrase: string,
  aad: Buffer,
): Promise<{ ciphertext: string; encryption: Encryption }> {
  const salt = randomBytes(16);
  const nonce = randomBytes(12);
  const { key, keyCheck } = await deriveKeys(passphrase, { ...DEFAULT_KDF, salt });
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(aad);
  const ciphertext = Buffer.concat([cipher.update(payload, 'utf8'), cipher.final()]).toString('base64');
  return {
    ciphertext,
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

export async function decryptPayload(ciphertext: string, passphrase: string, encryption: Encryption, aad: Buffer): Promise<string> {
  const { N, r, p } = encryption;
  const { key, keyCheck } = await deriveKeys(passphrase, { N, r, p, salt: Buffer.from(encryption.salt, 'base64') });
  if (!timingSafeEqual(keyCheck, Buffer.from(encryption.keyCheck, 'base64'))) throw new WrongPassphraseError();
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(encryption.nonce, 'base64'));
  decipher.setAAD(aad);
  decipher.setAuthTag(Buffer.from(encryption.tag, 'base64'));
  try {
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    throw new TamperedCiphertextError();
  }
}
