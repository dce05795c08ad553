import { Decrypter, Encrypter, Stanza, type Identity, type Recipient } from 'age-encryption';

/**
 * A recipient and identity that carry the file key in clear in their stanza: for tests of the
 * payload only, so that each case costs no key derivation. Never for real files.
 */
export class ClearKey implements Recipient, Identity {
  static readonly TYPE = 'rapport-test-clear-key';
  lastFileKey: Uint8Array | null = null;

  wrapFileKey(fileKey: Uint8Array): Stanza[] {
    this.lastFileKey = Uint8Array.from(fileKey);
    return [new Stanza([ClearKey.TYPE], Uint8Array.from(fileKey))];
  }

  unwrapFileKey(stanzas: Stanza[]): Uint8Array | null {
    return stanzas.find((stanza) => stanza.args[0] === ClearKey.TYPE)?.body ?? null;
  }
}

/** The bytes in pieces of uneven sizes (some under, some over a chunk), as a file or a pipe delivers them. */
export async function* inPieces(bytes: Uint8Array, sizes = [1000, 70_000, 1, 65_536, 4096]): AsyncGenerator<Uint8Array> {
  let at = 0;
  for (let i = 0; at < bytes.byteLength; i++) {
    const size = sizes[i % sizes.length];
    yield bytes.subarray(at, at + size);
    at += size;
  }
}

export async function collect(source: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of source) parts.push(Buffer.from(part));
  return Buffer.concat(parts);
}

/** What a decryption released before it ended, and how it ended. */
export async function drain(source: Promise<AsyncIterable<Uint8Array>>): Promise<{ released: Buffer; error: unknown }> {
  const parts: Buffer[] = [];
  try {
    for await (const part of await source) parts.push(Buffer.from(part));
    return { released: Buffer.concat(parts), error: null };
  } catch (error) {
    return { released: Buffer.concat(parts), error };
  }
}

export async function libraryEncrypt(plain: Uint8Array, recipient: Recipient): Promise<Uint8Array> {
  const encrypter = new Encrypter();
  encrypter.addRecipient(recipient);
  return encrypter.encrypt(plain);
}

export async function libraryDecrypt(file: Uint8Array, identity: Identity | string): Promise<Uint8Array> {
  const decrypter = new Decrypter();
  decrypter.addIdentity(identity);
  return decrypter.decrypt(file);
}
