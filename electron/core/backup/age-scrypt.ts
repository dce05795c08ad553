import { randomBytes, scrypt } from 'node:crypto';
import { Stanza, type Identity, type Recipient } from 'age-encryption';
import { encryptAge, payloadCipher } from './age-stream';
import { AGE_SCRYPT_LOG_N } from './container';

/*
 * The age scrypt recipient (age-encryption.org/v1, "scrypt" stanza), with Node's own scrypt in
 * place of the library's JavaScript one: the key derivation runs in the thread pool in a
 * fraction of the time, and the work factor is checked against the one Rapport writes before
 * anything is derived. The file key is wrapped with the payload's cipher (age-stream.ts): Node's
 * ChaCha20-Poly1305 where the runtime has it, which Electron's (BoringSSL) does not.
 */

const LABEL = 'age-encryption.org/v1/scrypt';
const R = 8;

/** A scrypt wrapping key derived ahead, for the stanza with this salt (as the header spells it). */
export interface DerivedKey {
  salt: string;
  /** Hex. */
  key: string;
}

/** Why an age header was refused; the worker turns these into the coach's words. */
export type AgeRefusal = 'work-factor' | 'damaged';

export class AgeHeaderRefused extends Error {
  constructor(readonly refusal: AgeRefusal) {
    super(refusal);
  }
}

export function deriveWrappingKey(passphrase: string, salt: Buffer, logN: number): Promise<Buffer> {
  const N = 2 ** logN;
  return new Promise((resolve, reject) => {
    scrypt(
      Buffer.from(passphrase, 'utf8'),
      Buffer.concat([Buffer.from(LABEL, 'latin1'), salt]),
      32,
      { N, r: R, p: 1, maxmem: 128 * N * R + 32 * 1024 * 1024 },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

const ZERO_NONCE = Buffer.alloc(12);

/** age's unpadded base64, accepted only in its one canonical spelling. */
function decodeBase64(text: string): Buffer | null {
  if (!/^[A-Za-z0-9+/]*$/.test(text)) return null;
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64').replace(/=+$/, '') === text ? bytes : null;
}

/** Wraps the file key for a passphrase, with Rapport's work factor. */
export class ScryptPassphraseRecipient implements Recipient {
  constructor(private readonly passphrase: string) {}

  async wrapFileKey(fileKey: Uint8Array): Promise<Stanza[]> {
    const salt = randomBytes(16);
    const key = await deriveWrappingKey(this.passphrase, salt, AGE_SCRYPT_LOG_N);
    const body = payloadCipher().seal(key, ZERO_NONCE, fileKey);
    const stanza = new Stanza(['scrypt', salt.toString('base64').replace(/=+$/, ''), String(AGE_SCRYPT_LOG_N)], body);
    return [stanza];
  }
}

/**
 * Unwraps the file key with a passphrase. Anything but one well-formed scrypt stanza with exactly
 * Rapport's work factor is refused before deriving; a passphrase that does not open it leaves
 * `wrongPassphrase` set (the library then reports that no identity matched).
 */
export class ScryptPassphraseIdentity implements Identity {
  wrongPassphrase = false;

  constructor(
    private readonly passphrase: string,
    /** The wrapping key already derived for this salt (age-key.ts), so that no scrypt runs here. */
    private readonly derived: DerivedKey | null = null,
  ) {}

  async unwrapFileKey(stanzas: Stanza[]): Promise<Uint8Array | null> {
    if (stanzas.length !== 1 || stanzas[0].args[0] !== 'scrypt') throw new AgeHeaderRefused('damaged');
    const [, saltText, logNText] = stanzas[0].args;
    if (stanzas[0].args.length !== 3 || !/^[1-9][0-9]{0,2}$/.test(logNText)) throw new AgeHeaderRefused('damaged');
    if (Number(logNText) !== AGE_SCRYPT_LOG_N) throw new AgeHeaderRefused('work-factor');
    const salt = decodeBase64(saltText);
    const body = Buffer.from(stanzas[0].body);
    if (salt === null || salt.length !== 16 || body.length !== 32) throw new AgeHeaderRefused('damaged');
    const key =
      this.derived !== null && this.derived.salt === saltText
        ? Buffer.from(this.derived.key, 'hex')
        : await deriveWrappingKey(this.passphrase, salt, AGE_SCRYPT_LOG_N);
    const fileKey = payloadCipher().open(key, ZERO_NONCE, body);
    if (fileKey === null) this.wrongPassphrase = true;
    return fileKey;
  }
}

/** An age file of `source` for a passphrase, as Rapport writes every encrypted backup. */
export function encryptWithPassphrase(source: AsyncIterable<Uint8Array>, passphrase: string): Promise<AsyncIterable<Uint8Array>> {
  return encryptAge(source, new ScryptPassphraseRecipient(passphrase));
}
