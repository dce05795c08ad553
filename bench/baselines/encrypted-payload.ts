import { createCipheriv, randomBytes, scrypt, type ScryptOptions } from 'node:crypto';
import { open } from 'node:fs/promises';
import { BACKUP_FORMAT_VERSION, KDF_BY_VERSION } from '../../electron/core/backup/format';

function deriveKey(passphrase: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(passphrase.normalize('NFC'), salt, 64, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/**
 * The physical floor of an encrypted backup: what the format itself costs on top of writing the
 * plain bytes. Serialise the payload, derive the key with the format's scrypt cost (fixed by the
 * format version, see electron/core/backup/format.ts), encrypt with AES-256-GCM, encode the
 * ciphertext as base64 (the file is JSON text), write it and fsync it. No envelope, no checksum.
 */
export async function encryptAndWriteDurably(file: string, payload: unknown, passphrase: string): Promise<void> {
  const { N, r, p } = KDF_BY_VERSION[BACKUP_FORMAT_VERSION];
  const key = await deriveKey(passphrase, randomBytes(16), { N, r, p, maxmem: 128 * N * r * p + 32 * 1024 * 1024 });
  const cipher = createCipheriv('aes-256-gcm', key.subarray(0, 32), randomBytes(12));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(payload)), cipher.final()]);
  const handle = await open(file, 'w', 0o600);
  try {
    await handle.writeFile(ciphertext.toString('base64'));
    await handle.sync();
  } finally {
    await handle.close();
  }
}
